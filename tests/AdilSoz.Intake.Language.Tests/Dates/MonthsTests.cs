using AdilSoz.Intake.Language.Dates;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Tests.Dates;

public sealed class MonthsTests
{
    [Theory]
    [InlineData("февраля", 2)]
    [InlineData("феврале", 2)]
    [InlineData("фев", 2)]
    [InlineData("ақпанда", 2)]
    [InlineData("february", 2)]
    [InlineData("feb", 2)]
    [InlineData("мая", 5)]
    [InlineData("мамыр", 5)]
    [InlineData("may", 5)]
    [InlineData("маусымда", 6)]
    [InlineData("марта", 3)]
    [InlineData("сент", 9)]
    [InlineData("қыркүйек", 9)]
    [InlineData("қазанның", 10)]
    [InlineData("дек", 12)]
    [InlineData("желтоқсан", 12)]
    [InlineData("mayor", null)]
    [InlineData("марка", null)]
    [InlineData("қазақ", null)]
    [InlineData("маленький", null)]
    [InlineData("ма", null)]
    public void One_table_names_the_months_of_three_languages_and_their_abbreviations(string word, int? month) =>
        Assert.Equal(month, Months.Of(word));

    [Theory]
    [InlineData("Журналиста задержали 3 дек. 2020 года, а вчера снова вызвали.", "2020-12-03", "2021-02-09")]
    [InlineData("Тілшіні 3 ақпанда ұстады.", "2021-02-03")]
    [InlineData("He was detained on February 3rd.", "2021-02-03")]
    [InlineData("Кеше таңертең полиция келді.", "2021-02-09")]
    public void A_report_mentions_dates_read_against_the_day_it_was_received(string text, params string[] expected)
    {
        var received = new DateOnly(2021, 2, 10);

        var dates = DateMentions.Find(text, TokenizedText.Create(text).Words(), received);

        Assert.Equal(expected.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)), dates);
    }

    [Fact]
    public void Explanations_show_a_date_in_short_English() =>
        Assert.Equal("3 Feb", Months.Display(new DateOnly(2021, 2, 3)));
}
