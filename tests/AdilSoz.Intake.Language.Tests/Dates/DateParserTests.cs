using AdilSoz.Intake.Language.Dates;

namespace AdilSoz.Intake.Language.Tests.Dates;

public sealed class DateParserTests
{
    private static readonly DateOnly Today = new(2021, 2, 10);

    [Theory]
    [InlineData("03.02.2021", "2021-02-03")]
    [InlineData("3.2.21", "2021-02-03")]
    [InlineData("3.2.2021", "2021-02-03")]
    [InlineData("03/02/2021", "2021-02-03")]
    [InlineData("2021-02-03", "2021-02-03")]
    [InlineData("3 февраля", "2021-02-03")]
    [InlineData("3 февраля 2021 года", "2021-02-03")]
    [InlineData("3-го февраля", "2021-02-03")]
    [InlineData("3 ақпан", "2021-02-03")]
    [InlineData("2021 жылғы 3 ақпан", "2021-02-03")]
    [InlineData("ақпанның 3-і", "2021-02-03")]
    [InlineData("February 3", "2021-02-03")]
    [InlineData("Feb 3, 2021", "2021-02-03")]
    [InlineData("3 Feb", "2021-02-03")]
    [InlineData("15 мая", "2020-05-15")]
    [InlineData("15 мамыр", "2020-05-15")]
    [InlineData("2 маусым", "2020-06-02")]
    [InlineData("1 марта", "2020-03-01")]
    [InlineData("5 қазан 2020", "2020-10-05")]
    [InlineData("5 қараша 2020", "2020-11-05")]
    [InlineData("31 декабря", "2020-12-31")]
    [InlineData("10.02", "2021-02-10")]
    [InlineData("сегодня", "2021-02-10")]
    [InlineData("Бүгін", "2021-02-10")]
    [InlineData("today", "2021-02-10")]
    [InlineData("вчера вечером", "2021-02-09")]
    [InlineData("кеше", "2021-02-09")]
    [InlineData("yesterday", "2021-02-09")]
    [InlineData("позавчера", "2021-02-08")]
    [InlineData("3 дек.", "2020-12-03")]
    [InlineData("5 сент 2020", "2020-09-05")]
    [InlineData("12 қазанда", "2020-10-12")]
    [InlineData("Sept 9, 2020", "2020-09-09")]
    public void Common_formats_are_read(string text, string expected)
    {
        Assert.Equal(DateParseOutcome.Parsed, DateParser.TryParse(text, Today, out var date));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("11.02.2021")]
    [InlineData("2022-01-01")]
    [InlineData("3 марта 2021")]
    public void Future_dates_are_recognised_as_future(string text)
    {
        Assert.Equal(DateParseOutcome.Future, DateParser.TryParse(text, Today, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("на прошлой неделе")]
    [InlineData("31.02.2021")]
    [InlineData("32 января")]
    [InlineData("13.13.2020")]
    [InlineData("февраль")]
    [InlineData("қазақ 3")]
    [InlineData("mayor 3")]
    public void Unreadable_dates_are_invalid(string text)
    {
        Assert.Equal(DateParseOutcome.Invalid, DateParser.TryParse(text, Today, out _));
    }
}
