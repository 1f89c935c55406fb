using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>Saved replies in Chromium: an Editor writes one, a monitor uses it to write to a reporter in the reporter's language.</summary>
public sealed partial class TeamTriageBrowserTests
{
    [Fact]
    public async Task An_editor_saves_a_reply_in_Kazakh_and_a_monitor_asks_a_Kazakh_speaking_reporter_with_it_who_gets_it_by_mail()
    {
        var name = "Күні мен орны " + Guid.NewGuid().ToString("N")[..6];
        const string Kazakh = "Сәлеметсіз бе! {reference} хабарламаңыз бойынша: оқиға қай күні және қай жерде болды?";
        const string Russian = "Здравствуйте! По сообщению {reference}: когда и где это произошло?";

        // An Editor writes the reply on the saved replies page, in Kazakh and Russian, for questions.
        var editor = await _app.CreateUserAsync(Roles.Editor);
        var page = await LogInWithCodeAsync(editor);
        await page.ClickAsync("header.top nav a:has-text('Saved replies')");
        await page.WaitForURLAsync("**/saved-replies");
        await page.FillAsync("input[name='New.Name']", name);
        await page.SelectOptionAsync("select[name='New.Use']", "Ask");
        await page.FillAsync("textarea[name='New.TextKk']", Kazakh);
        await page.FillAsync("textarea[name='New.TextRu']", Russian);
        await page.ClickAsync("button:has-text('Create the saved reply')");
        await page.WaitForSelectorAsync(".flash");
        Assert.Contains(name, await page.InnerTextAsync("table.saved-replies"), StringComparison.Ordinal);
        await page.Context.CloseAsync();

        // A monitor opens a report of a Kazakh-speaking reporter who wrote by mail; the picker offers Kazakh first.
        var reporter = await _seed.ReporterAsync("kk", Channel.Email, name: "Ерлан Қасымов");
        var report = await _seed.ReportAsync("Ақтөбеде тілшіні әкімдік ғимаратына кіргізбеді.", reporter, channel: Channel.Email, language: "kk");
        var monitor = await _app.CreateUserAsync(Roles.Monitor);
        page = await LogInAsync(monitor);
        Assert.Equal(0, await page.Locator("header.top nav a:has-text('Saved replies')").CountAsync());
        await page.GotoAsync($"{BaseUrl}/submissions/{report.Id}");
        await page.ClickAsync("summary:has-text('Ask the reporter')");
        const string Picker = "form.saved-reply-pick[data-for=ask]";
        Assert.Equal("kk", await page.InputValueAsync($"{Picker} select[name=replyLanguage]"));
        await page.SelectOptionAsync($"{Picker} select[name=reply]", new SelectOptionValue { Label = name });
        await page.ClickAsync($"{Picker} button:has-text('Use')");
        await page.WaitForURLAsync("**replyFor=ask**");

        // The question is filled with the Kazakh text and the report's reference; the monitor sends it.
        var expected = Kazakh.Replace("{reference}", report.Reference, StringComparison.Ordinal);
        Assert.Equal(expected, await page.InputValueAsync("details[open] textarea[name=Question]"));
        await page.ClickAsync("button:has-text('Send the question')");
        await page.WaitForSelectorAsync(".flash");
        await page.Context.CloseAsync();

        // The reporter's mail has the Kazakh text with the reference, nothing of the Russian one.
        await SendOutboxToAsync(monitor);
        var mail = Assert.Single(_smtp.Messages, m => m.Subject?.Contains(report.Reference, StringComparison.Ordinal) == true);
        Assert.Contains(expected, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{reference}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Здравствуйте", mail.TextBody, StringComparison.Ordinal);

        var audit = await _seed.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => (a.Action == "saved_reply.create" && a.Actor == editor) || (a.Action == "ask" && a.EntityId == report.Id))
            .OrderBy(a => a.Id).Select(a => new { a.Actor, a.Action, a.Reason }).ToListAsync());
        Assert.Equal([new { Actor = editor, Action = "saved_reply.create", Reason = (string?)null }, new { Actor = monitor, Action = "ask", Reason = (string?)expected }], audit);
    }

    /// <summary>A new browser context of a user with a second factor (an Editor), logged in with its code, in English.</summary>
    private async Task<IPage> LogInWithCodeAsync(string email)
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-US" });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/queue?lang=en");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", AdminApp.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/account/two-factor", StringComparison.OrdinalIgnoreCase));
        await page.FillAsync("input[name=Code]", AdminApp.CodeFor(email));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.OrdinalIgnoreCase));
        return page;
    }
}
