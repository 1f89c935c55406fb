using System.Globalization;
using System.Text;
using Npgsql;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>
/// What became of the reports a <see cref="ReliabilityWorld"/> sent, matched by the token in each text:
/// stored (has a submission), pending (reached the moderation queue), queued (stored, not yet pending),
/// lost (no submission), duplicated (more than one), acknowledgements per mail, Telegram confirmations
/// per reporter, and send → pending latency.
/// </summary>
public sealed record ReliabilityFigures
{
    public int Sent { get; init; }

    public int SentTelegram { get; init; }

    public int SentMail { get; init; }

    public int Stored { get; init; }

    public int Pending { get; init; }

    public int Queued { get; init; }

    public int Lost { get; init; }

    public int Duplicated { get; init; }

    /// <summary>Submissions carrying a token that was never sent (must be 0).</summary>
    public int Unknown { get; init; }

    /// <summary>Stored with a status other than Received or Pending (e.g. needs attention).</summary>
    public IReadOnlyDictionary<string, int> OtherStatuses { get; init; } = new Dictionary<string, int>();

    public int Acknowledged { get; init; }

    public int AcknowledgementsMissing { get; init; }

    /// <summary>
    /// Mails with no acknowledgement delivered whose acknowledgement is counted sent without the server's
    /// confirmation (a Worker killed while handing it over): shown to monitors, never sent twice.
    /// </summary>
    public int AcknowledgementsUnconfirmed { get; init; }

    public int AcknowledgementsRepeated { get; init; }

    public int Confirmed { get; init; }

    /// <summary>Reporters who got the "report received" message more than once (a reply sent, then the Bot killed before its commit).</summary>
    public int ConfirmationsRepeated { get; init; }

    /// <summary>Inbound items (Telegram updates, mails) handled so far: shows progress before reports are complete.</summary>
    public int Handled { get; init; }

    public double P50Ms { get; init; }

    public double P95Ms { get; init; }

    public double P99Ms { get; init; }

    public double MaxMs { get; init; }

    /// <summary>Everything in the queue, exactly once, every mail acknowledged once.</summary>
    public bool Settled => Pending == Sent && Duplicated == 0 && Acknowledged + AcknowledgementsUnconfirmed == SentMail && AcknowledgementsRepeated == 0;

    /// <summary>Changes whenever something moves (for "nothing moved for a while").</summary>
    public (int, int, int, int, int) Progress => (Stored, Pending, Acknowledged, Confirmed, Handled);

    public static async Task<ReliabilityFigures> ReadAsync(ReliabilityWorld world)
    {
        var sent = world.Sent.ToDictionary(s => s.Token);
        var rows = new List<(string Token, string Status, DateTimeOffset UpdatedAt)>();
        int handled;
        var unconfirmed = new HashSet<string>();
        // Note: no pool, so a connection terminated by a fault test is never reused here.
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(world.Database.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"""
                SELECT substring("Text" from 'RLB{world.Run}n[0-9]+'), "Status", "UpdatedAt"
                FROM "Submissions" WHERE "Text" LIKE '%RLB{world.Run}n%'
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }

            await reader.CloseAsync();
            await using var items = new NpgsqlCommand("""SELECT count(*) FROM "InboundItems" WHERE "Status" <> 'Stored'""", connection);
            handled = Convert.ToInt32(await items.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            await using var outbound = new NpgsqlCommand(
                $"""
                SELECT substring(s."Text" from 'RLB{world.Run}n[0-9]+') FROM "OutboundMessages" o JOIN "Submissions" s ON s."Id" = o."SubmissionId"
                WHERE o."Status" = 'Unconfirmed' AND s."Text" LIKE '%RLB{world.Run}n%'
                """, connection);
            await using var unconfirmedRows = await outbound.ExecuteReaderAsync();
            while (await unconfirmedRows.ReadAsync())
            {
                unconfirmed.Add(unconfirmedRows.GetString(0));
            }
        }

        var byToken = rows.GroupBy(r => r.Token).ToDictionary(g => g.Key, g => g.ToList());
        var pending = byToken.Where(g => g.Value.Any(r => r.Status == "Pending")).ToList();
        var latencies = pending
            .Where(g => sent.ContainsKey(g.Key))
            .Select(g => (g.Value.Where(r => r.Status == "Pending").Min(r => r.UpdatedAt) - sent[g.Key].SentAt).TotalMilliseconds)
            .Order().ToList();

        var acks = world.Smtp.Messages.Where(m => m.InReplyTo is not null).GroupBy(m => m.InReplyTo!).ToDictionary(g => g.Key, g => g.Count());
        var mails = sent.Values.Where(s => !s.Telegram).ToList();
        var confirmations = sent.Values.Where(s => s.Telegram)
            .Select(s => world.Api.SentMessages(s.ChatId).Count(m => m.Text?.Contains("AS-", StringComparison.Ordinal) == true))
            .ToList();

        return new ReliabilityFigures
        {
            Sent = sent.Count,
            SentTelegram = sent.Count - mails.Count,
            SentMail = mails.Count,
            Stored = byToken.Keys.Count(sent.ContainsKey),
            Pending = pending.Count(g => sent.ContainsKey(g.Key)),
            Queued = byToken.Count(g => sent.ContainsKey(g.Key) && g.Value.All(r => r.Status == "Received")),
            Lost = sent.Keys.Count(t => !byToken.ContainsKey(t)),
            Duplicated = byToken.Count(g => g.Value.Count > 1),
            Unknown = byToken.Keys.Count(t => !sent.ContainsKey(t)),
            OtherStatuses = rows.Where(r => r.Status is not ("Pending" or "Received")).GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            Acknowledged = mails.Count(m => acks.ContainsKey(m.MessageId!)),
            AcknowledgementsMissing = mails.Count(m => !acks.ContainsKey(m.MessageId!) && !unconfirmed.Contains(m.Token)),
            AcknowledgementsUnconfirmed = mails.Count(m => !acks.ContainsKey(m.MessageId!) && unconfirmed.Contains(m.Token)),
            AcknowledgementsRepeated = acks.Count(a => a.Value > 1),
            Confirmed = confirmations.Count(c => c > 0),
            ConfirmationsRepeated = confirmations.Count(c => c > 1),
            Handled = handled,
            P50Ms = Percentile(latencies, 0.50),
            P95Ms = Percentile(latencies, 0.95),
            P99Ms = Percentile(latencies, 0.99),
            MaxMs = latencies.Count == 0 ? 0 : latencies[^1],
        };
    }

    /// <summary>The figures as printed by the crash test and the soak.</summary>
    public string Describe()
    {
        var b = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        b.AppendLine(c, $"sent {Sent} (telegram {SentTelegram}, mail {SentMail})");
        b.AppendLine(c, $"stored {Stored}, pending {Pending}, queued {Queued}, lost {Lost}, duplicated {Duplicated}, unknown {Unknown}");
        if (OtherStatuses.Count > 0)
        {
            b.AppendLine(c, $"other statuses: {string.Join(", ", OtherStatuses.Select(s => $"{s.Key} {s.Value}"))}");
        }

        b.AppendLine(c, $"mail acknowledgements: {Acknowledged} sent, {AcknowledgementsMissing} missing, {AcknowledgementsUnconfirmed} unconfirmed (counted sent, not delivered), {AcknowledgementsRepeated} repeated");
        b.AppendLine(c, $"telegram confirmations: {Confirmed} reporters told their reference, {ConfirmationsRepeated} told more than once");
        b.Append(c, $"send -> pending latency ms: p50 {P50Ms:F0}, p95 {P95Ms:F0}, p99 {P99Ms:F0}, max {MaxMs:F0}");
        return b.ToString();
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
