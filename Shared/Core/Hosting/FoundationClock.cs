namespace AdilSoz.Intake.Core.Hosting;

/// <summary>
/// The foundation's day, in Almaty: UTC+6 until 1 March 2024, UTC+5 since, when Kazakhstan became one time zone.
/// The rule is written here, not read from the machine's time zone data, where <c>Asia/Almaty</c> stays at UTC+6
/// on systems not updated since 2024. Every "today", day bound and local time of the system comes from here.
/// </summary>
public sealed class FoundationClock(TimeProvider time)
{
    /// <summary>Kazakhstan's single time zone since 1 March 2024.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    /// <summary>
    /// The zone, for schedules (the digest's cron) and conversions. Note: at midnight of 1 March 2024 the clocks went
    /// back an hour; that hour (18:00–19:00 UTC on 29 February) reads as the first hour of 1 March at UTC+6.
    /// </summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.CreateCustomTimeZone(
        "Kazakhstan", Offset, "Kazakhstan (Almaty)", "Kazakhstan (Almaty)", "Kazakhstan (Almaty)",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date, new DateTime(2024, 2, 29), TimeSpan.Zero,
                // Note: a rule without daylight saving still needs two distinct transitions; they are never used.
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(DateTime.MinValue, 1, 1),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(DateTime.MinValue, 1, 2),
                baseUtcOffsetDelta: TimeSpan.FromHours(1)),
        ],
        disableDaylightSavingTime: true);

    /// <summary>Now, in Almaty.</summary>
    public DateTimeOffset Now => Local(time.GetUtcNow());

    /// <summary>Today in Almaty.</summary>
    public DateOnly Today => DayOf(time.GetUtcNow());

    /// <summary><paramref name="instant"/> in Almaty's time of that date.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The foundation's day of <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The first instant of <paramref name="day"/> in Almaty, in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
