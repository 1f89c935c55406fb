using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdilSoz.Intake.Core.Data;

/// <summary>Used by <c>dotnet ef</c> only.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IntakeDbContext>
{
    public IntakeDbContext CreateDbContext(string[] args)
    {
        var cs = Environment.GetEnvironmentVariable("ConnectionStrings__Intake")
            ?? "Host=127.0.0.1;Database=adilsoz_design;Username=adilsoz;Password=adilsoz";
        var options = new DbContextOptionsBuilder<IntakeDbContext>().UseNpgsql(cs).Options;
        return new IntakeDbContext(options);
    }
}
