using AdilSoz.Intake.Admin.Api;
using AdilSoz.Intake.Admin.Hosting;
using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.WebForm;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Operations;

if (AdminCommands.IsCommand(args))
{
    return await AdminCommands.RunAsync(args);
}

if (PublicSite.IsPublic(args))
{
    return await PublicSite.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddIntakeDefaults();
builder.AddAdminSecurity();
builder.AddApiConventions();
builder.AddModeration();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<UiText>();
builder.Services.AddScoped<PublicText>();
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseAdminSecurity();
app.UseUiLanguage();
app.MapIntakeProbes();
app.MapHangfireDashboardForAdmins();
app.MapIncidentsApi();
app.MapReportsApi();
app.MapSubmissionsApi();
app.MapAttachmentDownloads();
app.MapRazorPages();
return await app.RunIntakeAsync(AdminCommands.EnsureRolesAsync);
