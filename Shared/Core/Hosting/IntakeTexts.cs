using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdilSoz.Intake.Core.Hosting;

/// <summary>
/// Texts for people come from <c>.resx</c> files next to the code that shows them: the neutral file is
/// Russian (the fallback), with <c>.kk</c> and <c>.en</c> satellites. Pages read them through
/// <c>IStringLocalizer&lt;T&gt;</c>; code that writes to a reporter in the reporter's language reads the same
/// files with that language's culture (<see cref="Language.Text.TextCulture"/>).
/// </summary>
public static class IntakeTexts
{
    public static IHostApplicationBuilder AddIntakeTexts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        return builder;
    }
}
