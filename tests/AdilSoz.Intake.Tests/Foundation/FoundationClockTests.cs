using AdilSoz.Intake.Core.Hosting;

namespace AdilSoz.Intake.Tests.Foundation;

/// <summary>The foundation's day: Almaty at UTC+6 until 1 March 2024, Kazakhstan's single zone UTC+5 since.</summary>
public sealed class FoundationClockTests
{
    [Theory]
    // 18:30 UTC: already the next day in Almaty in February 2024 (UTC+6), still the same day in March (UTC+5).
    [InlineData("2024-02-15T18:30:00Z", "2024-02-16", "00:30")]
    [InlineData("2024-03-15T18:30:00Z", "2024-03-15", "23:30")]
    [InlineData("2024-02-15T17:30:00Z", "2024-02-15", "23:30")]
    [InlineData("2024-03-15T19:30:00Z", "2024-03-16", "00:30")]
    [InlineData("2021-02-03T03:00:00Z", "2021-02-03", "09:00")]
    [InlineData("2026-12-03T22:08:00Z", "2026-12-04", "03:08")]
    public void A_time_reads_as_the_day_and_hour_of_Almaty_at_that_date(string utc, string day, string time)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), FoundationClock.DayOf(instant));
        Assert.Equal(time, FoundationClock.Local(instant).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2024-02-16", "2024-02-15T18:00:00Z")]
    [InlineData("2024-03-16", "2024-03-15T19:00:00Z")]
    public void A_day_starts_at_midnight_in_Almaty(string day, string startUtc)
    {
        var start = FoundationClock.StartOfDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeOffset.Parse(startUtc, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    [Fact]
    public void Today_comes_from_the_injected_time()
    {
        var clock = new FoundationClock(new FixedTime(new DateTimeOffset(2024, 3, 1, 19, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2024, 3, 2), clock.Today);
        Assert.Equal(FoundationClock.Offset, clock.Now.Offset);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
