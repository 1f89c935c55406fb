using System.Diagnostics.Metrics;
using AdilSoz.Intake.Core.Intake;
using Hangfire.Common;
using Hangfire.States;

namespace AdilSoz.Intake.Core.Operations;

/// <summary>
/// The meter <c>AdilSoz.Intake</c> and its instruments, static so that the place where an event happens
/// records it in one line. Prometheus names: <c>adilsoz_reports_received_total{channel}</c>,
/// <c>adilsoz_job_failures_total{job}</c>, <c>adilsoz_outbound_failures_total</c>,
/// <c>adilsoz_queue_depth{queue,status}</c>. No personal data in tags.
/// </summary>
public static class IntakeMetrics
{
    public const string MeterName = "AdilSoz.Intake";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> Received = Meter.CreateCounter<long>(
        "adilsoz.reports.received", description: "Inbound items stored (new only, not re-deliveries), by channel.");

    private static readonly Counter<long> JobFailures = Meter.CreateCounter<long>(
        "adilsoz.job.failures", description: "Background jobs that failed after all their retries, by job.");

    private static readonly Counter<long> OutboundFailures = Meter.CreateCounter<long>(
        "adilsoz.outbound.failures", description: "Failed attempts to send an acknowledgement or other outbound message (each is retried).");

    private static Func<IEnumerable<Measurement<long>>> _queueDepth = () => [];

    static IntakeMetrics()
    {
        Meter.CreateObservableGauge("adilsoz.queue.depth", () => _queueDepth(),
            description: "Items waiting: submissions pending moderation, submissions and inbound items needing attention.");
    }

    /// <summary>A report, message or mail was stored as a new inbound item.</summary>
    public static void ReportReceived(Channel channel) =>
        Received.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString().ToLowerInvariant()));

    /// <summary>Counts a job that ran out of retries (its item goes to "needs attention"); other states are ignored.</summary>
    public static void JobStateApplied(IState state, Job? job)
    {
        if (state is FailedState)
        {
            JobFailures.Add(1, new KeyValuePair<string, object?>("job", job?.Type.Name ?? "unknown"));
        }
    }

    /// <summary>An attempt to send an outbound message (acknowledgement, answer, alert) failed.</summary>
    public static void OutboundFailed() => OutboundFailures.Add(1);

    /// <summary>Where the queue-depth gauge reads from (one process has one host; the last one wins).</summary>
    public static void ObserveQueueDepth(QueueDepth source) => _queueDepth = source.Measurements;
}
