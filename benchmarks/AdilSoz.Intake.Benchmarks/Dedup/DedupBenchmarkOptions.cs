namespace AdilSoz.Intake.Benchmarks.Dedup;

public sealed record DedupBenchmarkOptions(int[] Sizes, int Queries, int TrgmQueries, int TrgmBudgetSeconds, bool Keep, bool Reuse, string Server)
{
    /// <summary>Overrides of the index's settings, to try others against the same database.</summary>
    public int? PerKeyLimit { get; init; }

    public int? CombinedKeyLimit { get; init; }

    public int? MaxCandidates { get; init; }

    /// <summary>Passes over the queries; beyond the first, only each lookup's best time is kept.</summary>
    public int Passes { get; init; } = 1;

    /// <summary>After a load, read what a lookup reads once through PostgreSQL's memory, as a running system's inserts leave it.</summary>
    public bool Warm { get; init; } = true;

    public static DedupBenchmarkOptions Parse(string[] args)
    {
        int? perKey = null, combined = null, candidates = null;
        var passes = 1;
        int[] sizes = [10_000, 100_000];
        int queries = 200, trgm = 20, trgmBudget = 120;
        var keep = false;
        var reuse = false;
        var warm = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes":
                    sizes = [.. args[++i].Split(',').Select(int.Parse).Order()];
                    break;
                case "--queries":
                    queries = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--trgm-queries":
                    trgm = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--trgm-budget-seconds":
                    trgmBudget = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--per-key-limit":
                    perKey = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--combined-key-limit":
                    combined = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--max-candidates":
                    candidates = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--passes":
                    passes = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--cold":
                    warm = false;
                    break;
                case "--reuse":
                    reuse = true;
                    keep = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return new DedupBenchmarkOptions(sizes, queries, trgm, trgmBudget, keep, reuse, BenchDatabase.Server())
        {
            PerKeyLimit = perKey, CombinedKeyLimit = combined, MaxCandidates = candidates, Passes = passes, Warm = warm,
        };
    }
}
