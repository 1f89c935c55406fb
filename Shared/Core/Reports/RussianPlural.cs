namespace AdilSoz.Intake.Core.Reports;

/// <summary>Russian noun forms after a numeral: 1 иск, 2–4 иска, 5–20 исков, 21 иск, 22 иска, 111 исков.</summary>
public static class RussianPlural
{
    public static string Choose(long n, string one, string few, string many)
    {
        var abs = Math.Abs(n);
        var lastTwo = abs % 100;
        if (lastTwo is >= 11 and <= 14)
        {
            return many;
        }

        return (abs % 10) switch
        {
            1 => one,
            2 or 3 or 4 => few,
            _ => many,
        };
    }

    /// <summary>True where Russian agrees a verb or a word with a singular: 1, 21, 101 (not 11, 111).</summary>
    public static bool IsSingular(long n)
    {
        var abs = Math.Abs(n);
        return abs % 10 == 1 && abs % 100 != 11;
    }
}
