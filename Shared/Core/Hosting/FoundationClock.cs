namespace AdilSoz.Intake.Core.Hosting;

/// <summary>
/// The foundation's day. Kazakhstan has been one time zone, UTC+5, since 1 March 2024; the foundation reads
/// every date at UTC+5, also dates before that (when Almaty was at UTC+6), so that a report's day is the same
/// whenever and on whichever machine it is worked out. A fixed offset, never the machine's time zone data
/// (in which <c>Asia/Almaty</c> is still UTC+6 on systems not updated since 2024).
/// </summary>
public sealed class FoundationClock(TimeProvider time)
{
    /// <summary>UTC+5, Kazakhstan's single time zone.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    /// <summary>The zone of schedules (the digest's cron) and of times shown to the staff.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.CreateCustomTimeZone(
        "Kazakhstan", Offset, "Kazakhstan (UTC+5)", "Kazakhstan (UTC+5)");

    /// <summary>Now, at the foundation's offset.</summary>
    public DateTimeOffset Now => Local(time.GetUtcNow());

    /// <summary>Today in Kazakhstan.</summary>
    public DateOnly Today => DayOf(time.GetUtcNow());

    /// <summary><paramref name="instant"/> at the foundation's offset.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The foundation's day of <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The first instant of <paramref name="day"/> in Kazakhstan, in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
