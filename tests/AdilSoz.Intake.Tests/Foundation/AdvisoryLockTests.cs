using AdilSoz.Intake.Core.Locking;
using AdilSoz.Intake.Tests.Infrastructure;

namespace AdilSoz.Intake.Tests.Foundation;

public sealed class AdvisoryLockTests
{
    [Fact]
    public void No_two_single_locks_share_a_key_or_a_kind()
    {
        var keys = AdvisoryLocks.Singles.Values.ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(keys.Count, keys.Select(AdvisoryLocks.KindOf).Distinct().Count());
    }

    [Fact]
    public void A_keyed_lock_never_takes_the_key_of_a_single_lock_or_of_another_family()
    {
        var values = Enumerable.Range(0, 2000).Select(i => $"value-{i}@adilsoz.kz").ToList();
        var families = new Dictionary<string, List<long>>
        {
            ["mailbox"] = [.. values.Select(v => AdvisoryLocks.Mailbox("imap.adilsoz.kz", v, "INBOX"))],
            ["mail"] = [.. values.Select(AdvisoryLocks.Mail)],
            ["acknowledgement"] = [.. values.Select(AdvisoryLocks.Acknowledgement)],
        };
        var singleKinds = AdvisoryLocks.Singles.Values.Select(AdvisoryLocks.KindOf).ToHashSet();
        var familyKinds = new Dictionary<byte, string>();
        foreach (var (family, keys) in families)
        {
            // One kind per family, none of them a single lock's.
            var kind = Assert.Single(keys.Select(AdvisoryLocks.KindOf).Distinct());
            Assert.DoesNotContain(kind, singleKinds);
            Assert.True(familyKinds.TryAdd(kind, family), $"{family} shares its kind with {familyKinds.GetValueOrDefault(kind)}");
            Assert.Equal(keys.Count, keys.Distinct().Count());
        }

        // The same value gives the same key each time, in every process.
        Assert.Equal(AdvisoryLocks.Mail("mid:<a@b>"), AdvisoryLocks.Mail("mid:<a@b>"));
        Assert.Equal(AdvisoryLocks.Mailbox("IMAP.adilsoz.kz", "Info", "INBOX"), AdvisoryLocks.Mailbox("imap.adilsoz.kz", "info", "inbox"));
    }

    [Fact]
    public void Every_advisory_lock_of_the_product_takes_its_key_from_the_table()
    {
        var root = Artifacts.RepoRoot;
        var offenders = new List<string>();
        foreach (var dir in new[] { "Shared", "Bot", "Worker", "Admin" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, dir), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal) || file.Contains("/Migrations/", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var line in File.ReadLines(file).Where(l => l.Contains("pg_advisory", StringComparison.Ordinal) || l.Contains("pg_try_advisory", StringComparison.Ordinal)))
                {
                    if (!line.Contains("AdvisoryLocks.", StringComparison.Ordinal) && !line.Contains("(@", StringComparison.Ordinal) && !line.Contains("($1)", StringComparison.Ordinal))
                    {
                        offenders.Add($"{Path.GetRelativePath(root, file)}: {line.Trim()}");
                    }
                }
            }
        }

        Assert.Empty(offenders);
    }
}
