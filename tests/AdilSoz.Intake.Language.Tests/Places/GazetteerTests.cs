using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Language.Places;
using AdilSoz.Intake.Language.Reference;
using AdilSoz.Intake.Language.Suggest;

namespace AdilSoz.Intake.Language.Tests.Places;

public class GazetteerTests
{
    [Theory]
    [InlineData("Уральск", "Уральск", "west_kazakhstan")]
    [InlineData("Орал", "Уральск", "west_kazakhstan")]
    [InlineData("Oral", "Уральск", "west_kazakhstan")]
    [InlineData("Uralsk", "Уральск", "west_kazakhstan")]
    [InlineData("Уральске", "Уральск", "west_kazakhstan")]
    [InlineData("Уральска", "Уральск", "west_kazakhstan")]
    [InlineData("Оралда", "Уральск", "west_kazakhstan")]
    [InlineData("Оралдан", "Уральск", "west_kazakhstan")]
    [InlineData("Атырауда", "Атырау", "atyrau")]
    [InlineData("Жанаозен", "Жанаозен", "mangystau")]
    [InlineData("Жаңаөзенде", "Жанаозен", "mangystau")]
    [InlineData("Zhanaozen", "Жанаозен", "mangystau")]
    [InlineData("Семей", "Семей", "abai")]
    [InlineData("Семее", "Семей", "abai")]
    [InlineData("Semey", "Семей", "abai")]
    [InlineData("Семипалатинск", "Семей", "abai")]
    [InlineData("Талдыкорган", "Талдыкорган", "jetisu")]
    [InlineData("Талдықорғанда", "Талдыкорган", "jetisu")]
    [InlineData("Жезказган", "Жезказган", "ulytau")]
    [InlineData("Сатпаеве", "Сатпаев", "ulytau")]
    [InlineData("Таразда", "Тараз", "jambyl")]
    [InlineData("Кызылорде", "Кызылорда", "kyzylorda")]
    [InlineData("Актау", "Актау", "mangystau")]
    [InlineData("Экибастузе", "Экибастуз", "pavlodar")]
    [InlineData("Темиртау", "Темиртау", "karaganda")]
    [InlineData("Рудном", "Рудный", "kostanay")]
    [InlineData("Балқашта", "Балхаш", "karaganda")]
    [InlineData("Кентау", "Кентау", "turkistan")]
    [InlineData("Түркістанда", "Туркестан", "turkistan")]
    [InlineData("Аксу", "Аксу", "pavlodar")]
    [InlineData("Степногорск", "Степногорск", "akmola")]
    [InlineData("Щучинске", "Щучинск", "akmola")]
    [InlineData("Риддере", "Риддер", "east_kazakhstan")]
    [InlineData("Зайсан", "Зайсан", "east_kazakhstan")]
    [InlineData("Өскемен", "Усть-Каменогорск", "east_kazakhstan")]
    [InlineData("Усть-Каменогорске", "Усть-Каменогорск", "east_kazakhstan")]
    [InlineData("Чапаево", "Чапаево", "west_kazakhstan")]
    [InlineData("Шапағат", "Чапаево", "west_kazakhstan")]
    [InlineData("Караганды", "Караганда", "karaganda")]
    [InlineData("Карагандой", "Караганда", "karaganda")]
    [InlineData("Нур-Султане", "Астана", "astana")]
    [InlineData("Алма-Ате", "Алматы", "almaty")]
    [InlineData("Алматының", "Алматы", "almaty")]
    [InlineData("Чимкент", "Шымкент", "shymkent")]
    [InlineData("Костаная", "Костанай", "kostanay")]
    [InlineData("Қостанайдағы", "Костанай", "kostanay")]
    [InlineData("Petropavl", "Петропавловск", "north_kazakhstan")]
    [InlineData("Конаев", "Конаев", "almaty_region")]
    [InlineData("Kapchagay", "Конаев", "almaty_region")]
    [InlineData("Ақтөбеде", "Актобе", "aktobe")]
    public void Every_spelling_and_form_of_a_settlement_resolves_to_it(string name, string settlement, string region)
    {
        var found = Gazetteer.FindSettlement(name);

        Assert.NotNull(found);
        Assert.Equal(settlement, found.Name);
        Assert.Equal(region, found.Region);
    }

    [Theory]
    [InlineData("в Западно-Казахстанской области", "west_kazakhstan")]
    [InlineData("Батыс Қазақстан облысында", "west_kazakhstan")]
    [InlineData("в ЗКО", "west_kazakhstan")]
    [InlineData("in the East Kazakhstan region", "east_kazakhstan")]
    [InlineData("в Алматинской области", "almaty_region")]
    [InlineData("Алматы облысында", "almaty_region")]
    [InlineData("в Алматы", "almaty")]
    [InlineData("Абай облысында", "abai")]
    [InlineData("в области Абай", "abai")]
    [InlineData("Ұлытау облысы", "ulytau")]
    [InlineData("в области Жетісу", "jetisu")]
    [InlineData("Маңғыстауда", "mangystau")]
    [InlineData("в Павлодарской области", "pavlodar")]
    [InlineData("Pavlodar region", "pavlodar")]
    [InlineData("в Туркестанской области", "turkistan")]
    [InlineData("в Карагандинской и Павлодарской областях", "karaganda")]
    public void Regions_named_without_a_settlement_are_found(string text, string region)
    {
        var places = Gazetteer.FindPlaces(text);

        Assert.NotEmpty(places);
        Assert.Equal(region, places[0].Region);
    }

    [Theory]
    [InlineData("Редактор живёт на улице Сатпаева, рядом с проспектом Абая.")]
    [InlineData("Сәтбаев көшесінде жаңа кафе ашылды.")]
    [InlineData("Бүгін біз редакцияға оралдық, кейін үйге оралды.")]
    [InlineData("Глубокое возмущение вызвал рудный скандал.")]
    [InlineData("He gave an oral statement to the investigator.")]
    [InlineData("Курс тенге снова упал, в обменниках очереди.")]
    [InlineData("Журналист вернулся домой поздно вечером, есть свидетели.")]
    [InlineData("Алга, бастадық! Шу көп болды.")]
    [InlineData("Журналист Аягөз Сейітова мен оператор Талгар Жумабаев сотқа шақырылды.")]
    [InlineData("Выступил внук академика Каныша Сатпаева.")]
    public void Common_words_and_streets_are_not_places(string text)
    {
        Assert.Empty(Gazetteer.FindPlaces(text));
    }

    [Fact]
    public void Every_region_of_the_reference_list_has_settlements_and_every_settlement_a_known_region()
    {
        var codes = ReferenceData.Regions.Select(r => r.Code).ToHashSet();

        Assert.All(Gazetteer.Settlements, s => Assert.Contains(s.Region, codes));
        Assert.All(codes, c => Assert.Contains(Gazetteer.Settlements, s => s.Region == c));
        Assert.InRange(Gazetteer.Settlements.Count, 140, 400);
    }

    [Theory]
    [InlineData("Аким Талгара отказал в интервью.", "Талгар")]
    [InlineData("Журналистов из Талгара, Есика и Каскелена не пустили.", "Талгар")]
    [InlineData("В Аягозе задержали блогера.", "Аягоз")]
    [InlineData("В Сатпаеве закрыли газету.", "Сатпаев")]
    public void Towns_named_like_people_are_found_where_no_person_is_named(string text, string settlement)
    {
        Assert.Equal(settlement, Gazetteer.FindPlaces(text)[0].Settlement);
    }

    [Fact]
    public void Places_keep_the_words_as_written_and_their_order()
    {
        var places = Gazetteer.FindPlaces("Его вывезли из Уральска в Чапаево, а потом в Атырау.");

        Assert.Equal(["Уральска", "Чапаево", "Атырау"], places.Select(p => p.Surface));
        Assert.Equal(["Уральск", "Чапаево", "Атырау"], places.Select(p => p.Settlement));
    }

    [Theory]
    [InlineData("Журналиста задержали в Uralske.", "west_kazakhstan", "Уральск")]
    [InlineData("Тілшіні Taldykorganda ұстады.", "jetisu", "Талдыкорган")]
    [InlineData("Блогера оштрафовали в Petropavlovske.", "north_kazakhstan", "Петропавловск")]
    public void Spellings_the_forms_lack_are_found_by_phonetic_key(string text, string region, string settlement)
    {
        var place = Assert.Single(Gazetteer.FindPlaces(text));

        Assert.Equal(region, place.Region);
        Assert.Equal(settlement, place.Settlement);
    }

    [Theory]
    [InlineData("Журналиста из Чапаево вызвали в суд Уральска.", "west_kazakhstan")]
    [InlineData("Тілшіні Талдықорғанда ұстады, кейін Алматыға апарды.", "jetisu")]
    [InlineData("Police in Uralske detained a blogger.", "west_kazakhstan")]
    [InlineData("В Карагандинской области закрыли газету.", "karaganda")]
    [InlineData("Блогер из Рудного подал жалобу в Костанае.", "kostanay")]
    public void Suggestions_and_fingerprints_find_the_same_places(string text, string region)
    {
        var regions = Gazetteer.FindPlaces(text).Select(p => p.Region).Distinct().ToList();
        var fingerprint = Fingerprinter.Compute(new DedupInput(1, text, null, null, DateTimeOffset.UnixEpoch, null, null, [], null));
        var suggested = SuggestionEngine.Suggest(null, text, null);

        Assert.Equal(region, suggested.Region?.Code);
        Assert.Equal(regions[0], region);
        Assert.Equal(regions, fingerprint.Places.Select(p => p.Region).Distinct());
    }
}
