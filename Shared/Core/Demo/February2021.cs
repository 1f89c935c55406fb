using AdilSoz.Intake.Core.Registry;

namespace AdilSoz.Intake.Core.Demo;

/// <summary>
/// Demo registry data for the foundation's February 2021 report (../shared/seeds): the three incidents
/// it tells, and legal cases for January and February 2021 such that the report computed for 2021-02
/// gives the seed's figures. The seed's incidents are real and retold from the report; every other
/// incident, outlet and case here is invented for the demo and names no real person.
/// <para>
/// Figures: February — 4 judicial acts (3 in favour of media); filed: criminal 0, civil 5 (4 honor and
/// dignity) claiming 5,000,000 KZT, 50,000 KZT collected, administrative 4. Since January 1 — criminal 1
/// (none in court), civil 10 (9 honor and dignity) claiming 16,000,000 KZT, 5,050,000 KZT collected,
/// administrative 6. Some cases were filed in 2020 or ruled in March 2021, to show the date rules.
/// </para>
/// </summary>
public static partial class February2021
{
    /// <summary>
    /// A fresh, unsaved object graph on every call (ids 0), ready for <c>db.Incidents.AddRange</c>: English texts
    /// (the source language) with their Russian and Kazakh translations.
    /// </summary>
    public static List<Incident> Incidents() =>
    [
        .. new[] { UralskayaNedelyaDetention(), AccreditationRules(), EuropeanParliamentResolution() }
            .Concat(January()).Concat(FebruaryLawsuits()).Concat(EarlierLawsuits())
            .Select(Translated),
    ];

    private static Incident UralskayaNedelyaDetention() => new()
    {
        Title = "Uralskaya Nedelya reporters detained on the way to Atyrau; editor charged after a one-man picket",
        OccurredOn = new DateOnly(2021, 2, 3),
        RegionCode = "west_kazakhstan",
        Settlement = "Uralsk",
        CategoryCode = "detention",
        PerpetratorType = "police",
        IsPublic = true,
        Summary = "\"Uralskaya Nedelya\" reporters were detained by police for several times throughout the day when they went to " +
            "Atyrau to cover the release of political prisoner Maks Bokayev. The editor-in-chief of \"Uralskaya Nedelya\" held " +
            "a one-man picket outside the police building, protesting against the actions of the police.",
        Narrative = """
            In early morning of February 3, Lukpan Akhmedyarov, the editor-in-chief of the "Uralskaya Nedelya" newspaper, his deputy Raul Uporov and a cameraman headed to Atyrau to cover the release of Maks Bokayev, that was scheduled for February 4. Police officers drove to their car on the highway, detained Akhmedyarov and took him to the Abai police station of Uralsk.

            In order to do that police organized a traffic jam on the highway under the pretext of severe weather events. As soon as police detained Akhmedyarov, it allowed traffic on the highway.

            The journalist spent 3 hours at the police station, and the investigator did not ask him a single question for all that time.

            An hour after the detention of Lukpan Akhmedyarov, the police detained Raul Uporov, the deputy editor of the "Uralskaya Nedelya".

            The formal reason was that the journalists' driver was suspected in a car accident that took place earlier the same day in Uralsk. So the car was wanted by police.

            The driver was taken to the village of Chapaevo to give explanations. Raul and Isatay (cameraman) caught a ride and continued driving. About 20 km further a police patrol car stopped them. According to the policeman, there was a claim that the car is used for illegal taxi services.

            The police took explanatory notes from the passengers but did not let the car drive on under various pretexts.

            On February 3, Lukpan Akhmedyarov made a statement near the building of the Abay police department in Uralsk. He was outraged by the actions of the police, that for the whole day impeded "Uralskaya Nedelya" from traveling to Atyrau, where Maks Bokayev was to be released from prison. The editor-in-chief stated that he considers the actions of the police as impeding his professional activities, and held a one-man picket in front of the building of the police department with a banner "Police or Gestapo?" After that, the journalist was immediately taken to the police department. He was charged for violation of the rules for the beautification of the territories of cities and towns, as well as the destruction of infrastructure.
            """,
        Victims =
        [
            new Victim { Name = "Lukpan Akhmedyarov", Role = "editor", Outlet = "Uralskaya Nedelya" },
            new Victim { Name = "Raul Uporov", Role = "deputy editor", Outlet = "Uralskaya Nedelya" },
            new Victim { Name = "Isatay", Role = "cameraman", Outlet = "Uralskaya Nedelya" },
        ],
        Outlets = ["Uralskaya Nedelya"],
        LegalCases =
        [
            new LegalCase
            {
                Kind = LegalCaseKind.Administrative,
                Article = "Code of Administrative Offences, art. 505 (rules for the beautification of territories)",
                PlaintiffType = "police",
                FiledOn = new DateOnly(2021, 2, 3),
                InCourt = true,
                Stage = "Protocol drawn up after the one-man picket",
            },
        ],
    };

    private static Incident AccreditationRules() => new()
    {
        Title = "Draft Rules for the Accreditation of Journalists published by the Ministry of Information",
        OccurredOn = new DateOnly(2021, 2, 9),
        RegionCode = "astana",
        Settlement = "Nur-Sultan",
        CategoryCode = "accreditation",
        PerpetratorType = "ministry",
        IsPublic = true,
        Summary = "Ministry of Information and Public Development has published the draft Rules for the Accreditation of " +
            "Journalists. Human rights activists believe that the new requirements will limit the rights of journalists.",
        Narrative = """
            Human rights activists propose to exclude the term "moderator" from the conceptual structure of the Rules, since the Law "On Mass Media" does not contain such a concept and the Rules is a subordinate act and should not introduce new concepts and broad interpretations. The same can be said about the Note that stipulates that the editor-in-chief and (or) the authorized representative of the editorial office must ensure that the accredited journalist observes public order, the subject (content) of the event, as well as the requirements of the event moderator.

            The conditions under which a journalist would be deprived of accreditation were criticized as well. Human rights activists believe that the provision on depriving a journalist of accreditation for dissemination of false information should be supplemented with the phrase "that is confirmed by a court decision that has entered into legal force." It is also proposed to introduce the right to appeal the deprivation of accreditation to a higher authorized body and (or) in court.
            """,
    };

    private static Incident EuropeanParliamentResolution() => new()
    {
        Title = "European Parliament resolution on the human rights situation in Kazakhstan",
        OccurredOn = new DateOnly(2021, 2, 11),
        CategoryCode = "other",
        IsPublic = true,
        Summary = "The European Parliament adopted a resolution urging the government of Kazakhstan to act in accordance with " +
            "its international obligations and to respect human rights and fundamental freedoms.",
        Narrative = """
            MEPs call on the government of Kazakhstan to drop politically motivated charges and put an end to all forms of arbitrary detention, repression and harassment against human rights defenders, religious organizations, civil society organizations, trade unions, journalists and political opposition movements. They called on the government of Kazakhstan to let people freely express their political, religious and other views.

            The European Parliament also called on the Kazakh authorities to stop using the criminal code against activists, bloggers, journalists and others for exercising their right to freedom of expression and to provide free and safe conditions for independent journalists. It expressed regret over the alarming state of media freedom in the country.
            """,
    };

    private static LegalCase Case(LegalCaseKind kind, DateOnly filedOn, string article, string plaintiff, bool honorDignity = false, long claimedKzt = 0, bool inCourt = true, params Ruling[] rulings) => new()
    {
        Kind = kind,
        FiledOn = filedOn,
        Article = article,
        PlaintiffType = plaintiff,
        HonorDignity = honorDignity,
        ClaimedKzt = claimedKzt,
        InCourt = inCourt,
        Rulings = [.. rulings],
    };

    private static Ruling Ruling(DateOnly on, bool inFavorOfMedia, long collectedKzt = 0, string? outcome = null) => new()
    {
        On = on,
        InFavorOfMedia = inFavorOfMedia,
        CollectedKzt = collectedKzt,
        Outcome = outcome,
    };

    private static DateOnly D(int year, int month, int day) => new(year, month, day);
}
