using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Hosting;

/// <summary>
/// The sub-commands of CONTRACT.md: <c>migrate</c> (and <c>migrate --app-role</c>, <c>--public-role</c>, <c>--from-legacy</c>), <c>users add</c>, <c>users disable|enable|reset-2fa|reset-password</c>,
/// <c>api-keys add</c> (and <c>api-keys list</c>, <c>api-keys revoke</c>, <c>demo</c>).
/// Each exits 0 on success, or non-zero with one clear line on stderr.
/// </summary>
public static class AdminCommands
{
    public static bool IsCommand(string[] args) => args is ["migrate", ..] or ["users", ..] or ["api-keys", ..] or ["demo", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = IntakeDefaults.CreateCommandBuilder(args);
        builder.Services.AddIdentityCore<AdminUser>(AdminSecurity.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IntakeDbContext>();
        string? initial = null;
        return await builder.RunCommandAsync(async services =>
        {
            await EnsureRolesAsync(services);
            return args switch
            {
                ["migrate"] => Done("Database is up to date."),
                ["migrate", "--app-role", var appRole] => await GrantAsync(services, appRole),
                ["migrate", "--public-role", var publicRole] => await GrantPublicAsync(services, publicRole),
                ["migrate", "--from-legacy"] => Done($"Database is up to date; the history of its eight legacy migrations is now {initial}."),
                ["users", "add", .. var rest] => await AddUserAsync(services, rest),
                ["users", "disable", .. var rest] => await ChangeUserAsync(services, "disable", rest, StaffAccounts.DisableAsync, "disabled; their sessions end within a minute"),
                ["users", "enable", .. var rest] => await ChangeUserAsync(services, "enable", rest, StaffAccounts.EnableAsync, "enabled"),
                ["users", "reset-2fa", .. var rest] => await ChangeUserAsync(services, "reset-2fa", rest, StaffAccounts.ResetTwoFactorAsync,
                    "has no second factor now; they set one up at the next login"),
                ["users", "reset-password", .. var rest] => await ResetPasswordAsync(services, rest),
                ["api-keys", "add", .. var rest] => await AddApiKeyAsync(services, rest),
                ["api-keys", "list"] => await ListApiKeysAsync(services),
                ["api-keys", "revoke", .. var rest] => await RevokeApiKeyAsync(services, rest),
                ["demo", ..] => await DemoData.LoadAsync(services),
                _ => Fail("Unknown command. Use: migrate [--app-role ROLE | --public-role ROLE] | migrate --from-legacy | users add --email E --role R | users disable|enable|reset-2fa|reset-password --email E | api-keys add --name N --role R | api-keys list | api-keys revoke --name N | demo"),
            };
        },
        beforeMigration: args is ["migrate", "--from-legacy"]
            ? async services => initial = await LegacyMigrations.ReplaceHistoryAsync(services)
            : null);
    }

    private static async Task<int> GrantAsync(IServiceProvider services, string appRole)
    {
        await IntakeDatabase.GrantToAppRoleAsync(services, appRole);
        return Done($"Database is up to date; role {appRole} may read and write its tables.");
    }

    private static async Task<int> GrantPublicAsync(IServiceProvider services, string publicRole)
    {
        await IntakeDatabase.GrantToPublicRoleAsync(services, publicRole);
        return Done($"Database is up to date; role {publicRole} may store web reports and read their status, nothing else.");
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private static async Task<int> AddUserAsync(IServiceProvider services, string[] args)
    {
        var email = Option(args, "--email");
        var role = Roles.Normalize(Option(args, "--role") ?? "");
        if (email is null || !email.Contains('@', StringComparison.Ordinal))
        {
            return Fail("users add: --email with a valid address is required.");
        }

        if (role is null)
        {
            return Fail("users add: --role must be Admin, Editor or Monitor.");
        }

        var password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            return Fail("users add: the password is read from stdin, and none was given.");
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Fail($"users add: a user with the address {email} already exists.");
        }

        var user = new AdminUser { UserName = email, Email = email, EmailConfirmed = true, MustChangePassword = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Fail("users add: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        await Audit.WriteAsync(scope.ServiceProvider.GetRequiredService<IntakeDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), "cli", "user.add", "user", null, new { email, role });
        return Done($"User {email} added with role {role}.");
    }

    private static async Task<int> ChangeUserAsync(IServiceProvider services, string command, string[] args,
        Func<UserManager<AdminUser>, IntakeDbContext, TimeProvider, AdminUser, string, Task<string?>> change, string done)
    {
        if (Option(args, "--email") is not { Length: > 0 } email)
        {
            return Fail($"users {command}: --email is required.");
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return Fail($"users {command}: there is no user {email}.");
        }

        var error = await change(users, scope.ServiceProvider.GetRequiredService<IntakeDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), user, "cli");
        return error is null ? Done($"User {email} {done}.") : Fail($"users {command}: {error}");
    }

    private static async Task<int> ResetPasswordAsync(IServiceProvider services, string[] args)
    {
        var password = Option(args, "--email") is { Length: > 0 } ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') : "-";
        if (string.IsNullOrEmpty(password))
        {
            return Fail("users reset-password: the new password is read from stdin, and none was given.");
        }

        return await ChangeUserAsync(services, "reset-password", args,
            (users, db, clock, user, actor) => StaffAccounts.ResetPasswordAsync(users, db, clock, user, password!, actor),
            "has a new password, to be changed at the next login; their sessions end within a minute");
    }

    private static async Task<int> AddApiKeyAsync(IServiceProvider services, string[] args)
    {
        var name = Option(args, "--name");
        var role = Roles.Normalize(Option(args, "--role") ?? "");
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fail("api-keys add: --name is required.");
        }

        if (role is null)
        {
            return Fail("api-keys add: --role must be Admin, Editor or Monitor.");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var key = ApiKeys.NewKey();
        var entity = new ApiKey
        {
            Name = name, Role = role, KeyHash = ApiKeys.Hash(key), Prefix = key[..10], CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync();
        await Audit.WriteAsync(db, services.GetRequiredService<TimeProvider>(), "cli", "api-key.add", "api-key", entity.Id, new { name, role });
        Console.WriteLine($"API key {name} ({role}) created; it is shown only once:");
        Console.WriteLine(key);
        return 0;
    }

    private static async Task<int> ListApiKeysAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        foreach (var k in await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync())
        {
            Console.WriteLine($"{k.Name}\t{k.Role}\t{k.Prefix}…\t{(k.RevokedAt is { } at ? "revoked " + at.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "active")}");
        }

        return 0;
    }

    /// <summary><c>api-keys revoke --name N</c>: revokes every live key of that name.</summary>
    private static async Task<int> RevokeApiKeyAsync(IServiceProvider services, string[] args)
    {
        if (Option(args, "--name") is not { Length: > 0 } name)
        {
            return Fail("api-keys revoke: --name is required.");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var ids = await db.ApiKeys.Where(k => k.Name == name && k.RevokedAt == null).Select(k => k.Id).ToListAsync();
        if (ids.Count == 0)
        {
            return Fail($"api-keys revoke: no active key is named {name}.");
        }

        foreach (var id in ids)
        {
            await ApiKeyAdministration.RevokeAsync(db, services.GetRequiredService<TimeProvider>(), id, "cli", CancellationToken.None);
        }

        return Done($"API key {name} revoked.");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Done(string message)
    {
        Console.WriteLine(message);
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
