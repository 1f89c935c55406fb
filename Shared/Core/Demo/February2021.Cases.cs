using AdilSoz.Intake.Core.Registry;

namespace AdilSoz.Intake.Core.Demo;

/// <summary>The invented incidents that carry the other legal cases of the February 2021 demo.</summary>
public static partial class February2021
{
    private const string HonorArticle = "Civil Code, art. 143 (protection of honor, dignity and business reputation)";

    /// <summary>January 2021: 1 criminal case (not in court), 5 honor-and-dignity suits claiming 11,000,000 KZT, 2 administrative cases.</summary>
    private static IEnumerable<Incident> January()
    {
        yield return new Incident
        {
            Title = "Reporters kept inside a police cordon on election day in Almaty; one charged",
            OccurredOn = D(2021, 1, 10),
            RegionCode = "almaty",
            Settlement = "Almaty",
            CategoryCode = "obstruction",
            PerpetratorType = "police",
            IsPublic = true,
            Summary = "On the day of the parliamentary elections police kept reporters covering a protest inside a cordon for several hours.",
            Narrative = """
                On January 10, police surrounded a group of protesters in the centre of Almaty. Reporters of several online outlets, who wore press vests and showed their press cards, were kept inside the cordon together with the protesters for about eight hours in frost.

                The next day one of the reporters was charged with participation in an unauthorised assembly.
                """,
            Outlets = ["Almaty news site"],
            LegalCases = [Case(LegalCaseKind.Administrative, D(2021, 1, 11), "Code of Administrative Offences, art. 488 (peaceful assemblies)", "police")],
        };
        yield return new Incident
        {
            Title = "Criminal case against a Kyzylorda blogger for a post about the akim",
            OccurredOn = D(2021, 1, 19),
            RegionCode = "kyzylorda",
            Settlement = "Kyzylorda",
            CategoryCode = "criminal_libel",
            PerpetratorType = "police",
            IsPublic = true,
            Summary = "Police opened a criminal case for insulting a representative of authority over a blogger's post criticising the city akim.",
            Narrative = "The blogger was questioned as a suspect and signed an undertaking not to leave the city. The case is under investigation.",
            LegalCases = [Case(LegalCaseKind.Criminal, D(2021, 1, 19), "Criminal Code, art. 378 (insulting a representative of authority)", "official", inCourt: false)],
        };
        yield return Lawsuit(D(2021, 1, 14), "east_kazakhstan", "Ust-Kamenogorsk", "other", "Regional newspaper charged over missing imprint data",
            Case(LegalCaseKind.Administrative, D(2021, 1, 14), "Code of Administrative Offences, art. 453 (mass media legislation)", "akimat",
                rulings: Ruling(D(2021, 2, 12), inFavorOfMedia: true, outcome: "Proceedings terminated")));
        yield return Lawsuit(D(2021, 1, 12), "north_kazakhstan", "Petropavl", "honor_dignity", "City akimat sues a newspaper over a report on road repairs",
            Honor(D(2021, 1, 12), "akimat", 3_000_000, Ruling(D(2021, 2, 17), inFavorOfMedia: true, outcome: "Claim dismissed")));
        yield return Lawsuit(D(2021, 1, 15), "turkistan", "Turkistan", "honor_dignity", "Maslikhat deputy sues a news site over an investigation of land allocation",
            Honor(D(2021, 1, 15), "official", 2_000_000));
        yield return Lawsuit(D(2021, 1, 20), "almaty", "Almaty", "honor_dignity", "Construction company sues a TV channel over a report on a collapsed wall",
            Honor(D(2021, 1, 20), "business", 5_000_000));
        yield return Lawsuit(D(2021, 1, 25), "jambyl", "Taraz", "honor_dignity", "Head of a district department sues a journalist over a Facebook post",
            Honor(D(2021, 1, 25), "official", 500_000));
        yield return Lawsuit(D(2021, 1, 28), "karaganda", "Temirtau", "honor_dignity", "Hospital chief doctor sues an online outlet over patients' complaints",
            Honor(D(2021, 1, 28), "official", 500_000));
    }

    /// <summary>February 2021: 5 civil suits (4 honor and dignity) claiming 5,000,000 KZT, 3 more administrative cases.</summary>
    private static IEnumerable<Incident> FebruaryLawsuits()
    {
        yield return Lawsuit(D(2021, 2, 8), "kostanay", "Rudny", "honor_dignity", "District akim sues a newspaper over an article on heating tariffs",
            Honor(D(2021, 2, 8), "official", 2_000_000, Ruling(D(2021, 3, 15), inFavorOfMedia: true, outcome: "Claim dismissed")));
        yield return Lawsuit(D(2021, 2, 11), "pavlodar", "Ekibastuz", "honor_dignity", "Health department official sues an online outlet over a report on vaccine supplies",
            Honor(D(2021, 2, 11), "official", 1_500_000));
        yield return Lawsuit(D(2021, 2, 16), "shymkent", "Shymkent", "honor_dignity", "Businessman sues a journalist over a report on a market fire",
            Honor(D(2021, 2, 16), "business", 1_000_000));
        yield return Lawsuit(D(2021, 2, 22), "aktobe", "Aktobe", "honor_dignity", "Police officer sues a blogger over a video of a traffic stop",
            Honor(D(2021, 2, 22), "official", 500_000));
        yield return Lawsuit(D(2021, 2, 25), "almaty", "Almaty", "other", "Private person demands that a news site remove a photograph",
            Case(LegalCaseKind.Civil, D(2021, 2, 25), "Civil Code, art. 145 (protection of the right to one's image)", "private person"));
        yield return Lawsuit(D(2021, 2, 10), "karaganda", "Karaganda", "other", "Owner of a news site charged under the mass media law",
            Case(LegalCaseKind.Administrative, D(2021, 2, 10), "Code of Administrative Offences, art. 453 (mass media legislation)", "akimat"));
        yield return Lawsuit(D(2021, 2, 19), "mangystau", "Zhanaozen", "obstruction", "Blogger charged for streaming a rally of oil workers",
            Case(LegalCaseKind.Administrative, D(2021, 2, 19), "Code of Administrative Offences, art. 488 (peaceful assemblies)", "police"));
        yield return Lawsuit(D(2021, 2, 26), "atyrau", "Atyrau", "obstruction", "Reporter charged with petty hooliganism after filming at the akimat entrance",
            Case(LegalCaseKind.Administrative, D(2021, 2, 26), "Code of Administrative Offences, art. 434 (petty hooliganism)", "police"));
    }

    /// <summary>Suits filed in 2020 and ruled in January and February 2021: they count in judicial acts and collected sums only.</summary>
    private static IEnumerable<Incident> EarlierLawsuits()
    {
        yield return Lawsuit(D(2020, 9, 14), "almaty", "Almaty", "honor_dignity", "Bank sues a business weekly over an article on bad loans",
            Honor(D(2020, 9, 14), "business", 10_000_000,
                Ruling(D(2021, 1, 20), inFavorOfMedia: false, collectedKzt: 5_000_000, outcome: "Claim partly granted")));
        yield return Lawsuit(D(2020, 11, 5), "aktobe", "Aktobe", "honor_dignity", "Regional official sues a newspaper over a report on school meals",
            Honor(D(2020, 11, 5), "official", 20_000_000,
                Ruling(D(2021, 2, 9), inFavorOfMedia: false, collectedKzt: 50_000, outcome: "Claim partly granted")));
        yield return Lawsuit(D(2020, 12, 28), "pavlodar", "Pavlodar", "honor_dignity", "Akimat sues a TV journalist over a story on snow clearing",
            Honor(D(2020, 12, 28), "akimat", 1_000_000, Ruling(D(2021, 2, 24), inFavorOfMedia: true, outcome: "Claim dismissed")));
    }

    private static Incident Lawsuit(DateOnly occurredOn, string region, string settlement, string category, string title, LegalCase legalCase) => new()
    {
        Title = title,
        OccurredOn = occurredOn,
        RegionCode = region,
        Settlement = settlement,
        CategoryCode = category,
        PerpetratorType = legalCase.PlaintiffType,
        IsPublic = true,
        Summary = title + ".",
        LegalCases = [legalCase],
    };

    private static LegalCase Honor(DateOnly filedOn, string plaintiff, long claimedKzt, params Ruling[] rulings) =>
        Case(LegalCaseKind.Civil, filedOn, HonorArticle, plaintiff, honorDignity: true, claimedKzt: claimedKzt, rulings: rulings);
}
