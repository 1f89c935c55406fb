using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Security;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Hosting;

public static class AdminHost
{
    /// <summary>The Hangfire dashboard at <c>/hangfire</c>, for Admins only.</summary>
    public static void MapHangfireDashboardForAdmins(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboardAuthorization()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        });
    }

    public static async Task<int> RunIntakeAsync(this WebApplication app)
    {
        try
        {
            await IntakeDatabase.MigrateAsync(app.Services);
            await AdminCommands.EnsureRolesAsync(app.Services);
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return 1;
        }
    }

    private sealed class AdminOnlyDashboardAuthorization : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Admin);
    }
}
