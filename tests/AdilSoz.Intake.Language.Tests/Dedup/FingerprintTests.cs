using AdilSoz.Intake.Language.Dedup;

namespace AdilSoz.Intake.Language.Tests.Dedup;

public sealed class FingerprintTests
{
    private static readonly DateTimeOffset Received = new(2021, 2, 5, 10, 0, 0, TimeSpan.FromHours(5));

    private static Fingerprint Of(string text, string? settlement = null, string? region = null, DateOnly? occurred = null, params string[] files) =>
        Fingerprinter.Compute(new DedupInput(1, text, null, occurred, Received, region, settlement, files, null));

    [Theory]
    [InlineData("Его задержали 3 февраля на трассе.", "2021-02-03")]
    [InlineData("Это случилось 3-го февраля.", "2021-02-03")]
    [InlineData("3 ақпанда тас жолда ұсталды.", "2021-02-03")]
    [InlineData("He was detained on February 3rd.", "2021-02-03")]
    [InlineData("Detained on 3 Feb near Uralsk.", "2021-02-03")]
    [InlineData("Дата: 03.02.2021.", "2021-02-03")]
    [InlineData("Вчера его задержали.", "2021-02-04")]
    [InlineData("Кеше ұсталды.", "2021-02-04")]
    [InlineData("Это было 28 декабря.", "2020-12-28")] // a date later in the year than the receipt is last year's
    public void Dates_are_read_in_three_languages_against_the_receipt(string text, string expected) =>
        Assert.Contains(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Of(text).Dates);

    [Fact]
    public void Numbers_that_are_not_dates_are_not_dates() =>
        Assert.Empty(Of("Журналист провел 3 часа в отделе, в 20 км от города, иск на 10 млн.").Dates);

    [Fact]
    public void Names_of_people_and_quoted_outlets_are_found_with_a_Latin_display()
    {
        var fp = Of("Полиция задержала главного редактора «Уральской недели» Лукпана Ахмедьярова и его заместителя Раула Упорова.");
        var names = fp.Names.Select(n => n.Display).ToList();
        Assert.Contains("Akhmedyarova", names);
        Assert.Contains("Upórova".Replace("ó", "o", StringComparison.Ordinal), names);
        Assert.Contains("Lukpana", names);
        Assert.Contains("Nedeli", names);
        Assert.DoesNotContain("Politsiya", names);
    }

    [Fact]
    public void Sentence_start_words_are_names_only_when_they_look_like_names()
    {
        var fp = Of("Сотрудники полиции задержали журналиста. Ахмедьяров провел пикет.");
        Assert.Equal(["Akhmedyarov"], fp.Names.Select(n => n.Display));
    }

    [Theory]
    [InlineData("Журналиста задержали в Уральске.", "west_kazakhstan", "Uralsk")]
    [InlineData("Журналисті Оралда ұстады.", "west_kazakhstan", "Oral")]
    [InlineData("A journalist was detained in Uralsk.", "west_kazakhstan", "Uralsk")]
    [InlineData("В Усть-Каменогорске возбудили дело.", "east_kazakhstan", "Ust-Kamenogorsk")]
    [InlineData("Police in Shymkent seized a camera.", "shymkent", "Shymkent")]
    [InlineData("Акимат Костаная отказал.", "kostanay", "Kostanay")]
    public void Places_are_found_through_the_gazetteer(string text, string region, string display)
    {
        var place = Assert.Single(Of(text).Places);
        Assert.Equal(region, place.Region);
        Assert.Equal(display, place.Display);
    }

    [Fact]
    public void Places_from_the_dialogue_count_too()
    {
        var fp = Of("Меня задержали.", settlement: "Чапаево", region: "west_kazakhstan");
        Assert.Contains(fp.Places, p => p.Display == "Chapaevo" && p.Region == "west_kazakhstan");
    }

    [Fact]
    public void Exact_text_hash_ignores_case_punctuation_and_spacing()
    {
        Assert.Equal(Of("Журналиста задержали!  Срочно.").ExactTextHash, Of("журналиста задержали срочно").ExactTextHash);
        Assert.NotEqual(Of("Журналиста задержали").ExactTextHash, Of("Журналиста не задержали").ExactTextHash);
        Assert.Null(Of(" … ").ExactTextHash);
    }

    [Fact]
    public void Fingerprint_round_trips_through_json()
    {
        var fp = Of("3 февраля в Уральске задержали Лукпана Ахмедьярова.", files: "ABCDEF");
        var back = Fingerprint.FromJson(fp.ToJson());
        Assert.Equal(fp.Terms, back.Terms);
        Assert.Equal(fp.Names, back.Names);
        Assert.Equal(fp.Places, back.Places);
        Assert.Equal(fp.Dates, back.Dates);
        Assert.Equal(["abcdef"], back.Files);
        Assert.Equal(fp.IndexKeys().Order(), back.IndexKeys().Order());
    }

    [Fact]
    public void Reports_of_one_event_in_two_scripts_share_index_keys_and_unrelated_ones_share_none()
    {
        var ru = Of("Полиция задержала редактора «Уральской недели» Лукпана Ахмедьярова 3 февраля в Уральске.");
        var en = Of("Police detained Lukpan Akhmedyarov, editor of Uralskaya Nedelya, in Uralsk on February 3.");
        var other = Of("В Павлодаре бизнесмен подал иск к газете о защите чести и достоинства.");
        Assert.NotEmpty(ru.IndexKeys().Intersect(en.IndexKeys()));
        Assert.Empty(ru.IndexKeys().Intersect(other.IndexKeys()));
    }

    [Theory]
    [InlineData("Police detained Lukpan Akhmedyarov in Uralsk on February 3.", true)]
    [InlineData("3 ақпанда Оралда Лұқпан Ахмедьяровты полиция ұстады.", true)]
    [InlineData("В Павлодаре 20 января оштрафовали Ахмедьярова.", false)]
    public void The_same_surname_on_the_same_date_or_in_the_same_region_shares_a_selective_key(string other, bool shares)
    {
        var ru = DedupKeys.WeightedOf(Of("3 февраля в Уральске полиция задержала Лукпана Ахмедьярова."));
        var them = DedupKeys.WeightedOf(Of(other));
        var shared = ru.Keys.Intersect(them.Keys).ToList();

        // The surname alone is shared in every case; only the surname with its date or region is selective.
        Assert.NotEmpty(shared);
        Assert.Equal(shares, shared.Any(k => ru[k].Combined));
    }

    // Stored by the fingerprinter before suggestions and fingerprints shared one gazetteer.
    private const string StoredBeforeOneGazetteer = """
        {"v":1,"lang":"ru","hash":"9dc761ba9b1763394f1078bac735c82d26ba782ef45489fe7bf462404fcf5f5d","terms":[-1597030068,-1546218793,-733498381,-642257940,-565570744,117354873,753488200,1051097677,1102816501,1271618219,1541270515,2101487459],"names":[{"k":"nedeli","d":"Nedeli"},{"k":"lukpana","d":"Lukpana"},{"k":"aHmediarova","d":"Akhmedyarova"}],"pairs":[{"a":"lukpana","b":"aHmediarova"}],"places":[{"r":"west_kazakhstan","k":"uralsk","d":"Uralsk"}],"dates":["2021-02-03"],"files":[],"at":"2021-02-03T12:00:00+05:00"}
        """;

    [Fact]
    public void Fingerprints_stored_before_the_one_gazetteer_still_read_and_match_new_ones()
    {
        var stored = Fingerprint.FromJson(StoredBeforeOneGazetteer);
        var fresh = Fingerprinter.Compute(new DedupInput(
            2, "Лукпан Ахмедьяров, редактор «Уральской недели», задержан полицией в Уральске 3 февраля.", null, null,
            new DateTimeOffset(2021, 2, 3, 18, 0, 0, TimeSpan.FromHours(5)), null, null, [], "ru"));

        var place = Assert.Single(stored.Places);
        Assert.Equal(("west_kazakhstan", "uralsk", "Uralsk"), (place.Region, place.Key, place.Display));
        var result = DuplicateMatcher.Compare(stored, fresh);
        Assert.Equal(LinkLevel.SameEvent, result.Level);
        Assert.Contains("Uralsk", result.Explanation, StringComparison.Ordinal);
        Assert.NotEmpty(stored.IndexKeys().Intersect(fresh.IndexKeys()));
    }

    [Fact]
    public void An_outlet_named_after_a_place_is_a_name_as_well_as_a_place()
    {
        var fp = Of("Бизнесмен подал иск к газете «Звезда Прииртышья» в Павлодаре.");

        Assert.Contains(fp.Names, n => n.Display == "Priirtyshya");
        Assert.All(fp.Places, p => Assert.Equal("pavlodar", p.Region));
    }

    [Fact]
    public void Settlements_of_the_gazetteer_are_places_of_the_fingerprint()
    {
        var fp = Of("Журналиста из Чапаево вызвали в суд.");

        var place = Assert.Single(fp.Places);
        Assert.Equal(("west_kazakhstan", "Chapaevo"), (place.Region, place.Display));
        Assert.DoesNotContain(fp.Names, n => n.Display == "Chapaevo");
    }
}
