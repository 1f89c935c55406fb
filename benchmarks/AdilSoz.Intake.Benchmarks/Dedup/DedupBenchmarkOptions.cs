namespace AdilSoz.Intake.Benchmarks.Dedup;

public sealed record DedupBenchmarkOptions(int[] Sizes, int Queries, int TrgmQueries, int TrgmBudgetSeconds, bool Keep, bool Reuse, string Server)
{
    public static DedupBenchmarkOptions Parse(string[] args)
    {
        int[] sizes = [10_000, 100_000];
        int queries = 200, trgm = 20, trgmBudget = 120;
        var keep = false;
        var reuse = false;
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
                case "--keep":
                    keep = true;
                    break;
                case "--reuse":
                    reuse = true;
                    keep = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return new DedupBenchmarkOptions(sizes, queries, trgm, trgmBudget, keep, reuse, BenchDatabase.Server());
    }
}
