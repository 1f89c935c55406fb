using System.Diagnostics.Metrics;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Operations;
using Hangfire.Common;
using Hangfire.States;

namespace AdilSoz.Intake.Tests.Operations;

/// <summary>
/// What the instruments record, heard through a <see cref="MeterListener"/>. Other tests in the process
/// record too, so each test counts only what carries its own tag.
/// </summary>
public sealed class IntakeMetricsTests
{
    [Fact]
    public void Only_a_job_out_of_retries_counts_as_a_job_failure()
    {
        var job = Job.FromExpression<FailureProbeJob>(j => j.Run());
        var heard = Listen("adilsoz.job.failures", "job", nameof(FailureProbeJob), () =>
        {
            IntakeMetrics.JobStateApplied(new EnqueuedState("intake"), job);
            IntakeMetrics.JobStateApplied(new ScheduledState(TimeSpan.FromSeconds(5)), job);
            IntakeMetrics.JobStateApplied(new FailedState(new InvalidOperationException("x")), job);
            IntakeMetrics.JobStateApplied(new SucceededState(null, 1, 1), job);
        });
        Assert.Equal(1, heard);
    }

    [Fact]
    public void Reports_are_counted_by_channel_in_lower_case()
    {
        var heard = Listen("adilsoz.reports.received", "channel", "web", () =>
        {
            IntakeMetrics.ReportReceived(Channel.Web);
            IntakeMetrics.ReportReceived(Channel.Web);
        });
        Assert.Equal(2, heard);
    }

    private static long Listen(string instrument, string tag, string value, Action act)
    {
        long total = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == IntakeMetrics.MeterName && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, m, tags, _) =>
        {
            foreach (var t in tags)
            {
                if (t.Key == tag && Equals(t.Value, value))
                {
                    Interlocked.Add(ref total, m);
                }
            }
        });
        listener.Start();
        act();
        return Interlocked.Read(ref total);
    }

    public sealed class FailureProbeJob
    {
        public void Run()
        {
        }
    }
}
