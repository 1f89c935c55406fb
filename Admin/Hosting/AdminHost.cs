using AdilSoz.Intake.Core.Security;
using Hangfire;
using Hangfire.Dashboard;

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

    private sealed class AdminOnlyDashboardAuthorization : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Admin);
    }
}
