using System.Globalization;
using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>
/// Mail from the team's work to one staff member (an assignment, a mention in a note), written to the
/// outbox in the caller's transaction and sent by the Worker. It names the item by its reference and
/// links to it; nothing the reporter wrote or who they are is in it.
/// </summary>
public static class StaffMail
{
    /// <summary>The staff who can be given work: enabled accounts, by name.</summary>
    public static async Task<IReadOnlyList<string>> StaffAsync(IntakeDbContext db, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.DisabledAt == null && u.UserName != null)
            .OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(ct);

    /// <summary>
    /// Adds a mail to <paramref name="userName"/> (in the language they chose for the site) with the text
    /// <paramref name="key"/> of <see cref="UiText"/>: <c>{Key}Subject</c> and <c>{Key}Body</c>, formatted with
    /// the references, the actor and the links. Null when the account has no mail address.
    /// </summary>
    public static async Task<OutboundMessage?> AddAsync(IntakeDbContext db, string userName, string key, string references, string actor,
        IEnumerable<string> links, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.UserName == userName && u.DisabledAt == null)
            .Select(u => new { u.Email, u.UiLanguage }).SingleOrDefaultAsync(ct);
        if (user is not { Email: { Length: > 0 } email })
        {
            return null;
        }

        var language = user.UiLanguage ?? "ru";
        var message = new OutboundMessage
        {
            IdempotencyKey = $"staff:{key}:{Guid.NewGuid():N}",
            Channel = Channel.Email,
            Kind = OutboundKind.Notice,
            Recipient = email,
            Subject = string.Format(CultureInfo.InvariantCulture, UiText.In(language, key + "Subject"), references, actor),
            Body = string.Format(CultureInfo.InvariantCulture, UiText.In(language, key + "Body"), references, actor, string.Join("\n", links)),
            CreatedAt = now,
        };
        db.OutboundMessages.Add(message);
        return message;
    }
}
