using System.Globalization;

namespace AdilSoz.Intake.Benchmarks.Mailbox;

/// <summary>
/// CPU time of the processes around a run, from /proc (zero where there is none or a server runs elsewhere): the
/// PostgreSQL backends connected to one database (their process titles name it), the Dovecot processes, and the
/// whole machine's busy time (every process, also those of other users of a shared machine).
/// </summary>
internal static class ProcessCpu
{
    /// <summary>The backends of <paramref name="database"/>; a backend that ended meanwhile is no longer counted.</summary>
    public static TimeSpan Postgres(string database) =>
        Sum(title => title.StartsWith("postgres: ", StringComparison.Ordinal) && title.Contains($" {database} ", StringComparison.Ordinal));

    /// <summary>Dovecot's master and its IMAP, index and authentication processes.</summary>
    public static TimeSpan Dovecot() =>
        Sum(title => title.StartsWith("dovecot", StringComparison.Ordinal) || title.StartsWith("/usr/sbin/dovecot", StringComparison.Ordinal));

    private static readonly int[] BusyFields = [1, 2, 3, 6, 7, 8];

    /// <summary>All cores' time spent outside idle and I/O wait since boot.</summary>
    public static TimeSpan Machine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return TimeSpan.Zero;
        }

        // "cpu  user nice system idle iowait irq softirq steal ..." in clock ticks of 1/100 s (USER_HZ).
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var busy = BusyFields.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return TimeSpan.FromMilliseconds(busy * 10);
    }

    private static TimeSpan Sum(Func<string, bool> matches)
    {
        var ticks = 0L;
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var title = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (!matches(title))
                {
                    continue;
                }

                // Fields after the command name in parentheses: state is the 3rd, utime and stime the 14th and 15th.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Note: a process that ended meanwhile.
            }
        }

        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
