using Hangfire;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>What Hangfire says about a job, for the message of a wait that ran out.</summary>
public static class JobStates
{
    public static Task<string> DescribeAsync(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId);
        if (state is null)
        {
            return Task.FromResult($"job {jobId}: no state");
        }

        var error = state.Data is { } data && data.TryGetValue("ExceptionType", out var type)
            ? $": {type} {(data.TryGetValue("ExceptionMessage", out var message) ? message : "")}"
            : "";
        return Task.FromResult($"job {jobId} state: {state.Name} ({state.Reason}){error}");
    }
}
