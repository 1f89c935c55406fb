using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Data;

public sealed class MigrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Migrations_build_the_schema_with_seeded_reference_lists()
    {
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(20, await db.Regions.CountAsync());
        Assert.Contains(await db.Categories.Select(c => c.Code).ToListAsync(), c => c == "detention");
    }

    [Fact]
    public async Task A_submission_gets_a_reference_from_the_sequence()
    {
        await using var db = database.CreateDbContext();
        var s = new Submission { Channel = Channel.Email, Text = "test", ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Submissions.Add(s);
        await db.SaveChangesAsync();
        Assert.Matches($@"^AS-{DateTime.UtcNow.Year}-\d{{5,}}$", s.Reference);
    }

    [Fact]
    public async Task References_keep_every_digit_past_99999()
    {
        await using var db = database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("SELECT setval('submission_reference_seq', 99998)");
        var refs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var s = new Submission { Channel = Channel.Web, Text = "n", ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Submissions.Add(s);
            await db.SaveChangesAsync();
            refs.Add(s.Reference.Split('-')[2]);
        }

        Assert.Equal(["99999", "100000", "100001"], refs);
    }
}
