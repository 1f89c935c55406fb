using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace AdilSoz.Intake.Admin.WebForm;

/// <summary>
/// The public pages' one style sheet, served by the process itself (no file system, no third party), the
/// policy that allows nothing else (no script at all: the pages work in Tor Browser's safest mode), and
/// the bare page of an error status.
/// </summary>
public static class PublicStyle
{
    public const string Path = "/public.css";

    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const string Css = """
        body { font: 17px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 44em; padding: 1em; color: #1b1b1b; background: #fff; }
        header { display: flex; justify-content: space-between; align-items: baseline; flex-wrap: wrap; gap: .5em; border-bottom: 2px solid #1b4f8a; margin-bottom: 1em; }
        header a { margin-left: .6em; }
        h1 { font-size: 1.5em; margin: .3em 0; }
        label { display: block; margin: 1em 0 .2em; font-weight: 600; }
        label.inline { display: inline; font-weight: normal; margin-right: 1em; }
        input[type=text], input[type=date], select, textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .4em; }
        textarea { min-height: 10em; }
        fieldset { border: 1px solid #bbb; margin: 1em 0; }
        .hint { color: #555; font-size: .9em; margin: .2em 0; }
        .untranslated { color: #555; font-style: italic; font-size: .9em; }
        .warning { background: #fff4d6; border-left: 4px solid #d99a00; padding: .6em .8em; margin: 1em 0; }
        .error { background: #fde4e4; border-left: 4px solid #b00020; padding: .6em .8em; margin: 1em 0; }
        .done { background: #e6f4ea; border-left: 4px solid #1e7b34; padding: .6em .8em; margin: 1em 0; }
        .code { font: 1.6em/1.4 ui-monospace, monospace; letter-spacing: .05em; }
        .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
        button { font: inherit; padding: .5em 1.4em; margin: 1em 0; background: #1b4f8a; color: #fff; border: 0; }
        ol.conversation { list-style: none; padding: 0; }
        ol.conversation li { border: 1px solid #ccc; padding: .6em; margin: .6em 0; white-space: pre-wrap; }
        ol.conversation li.mine { background: #f2f6fb; }
        form.filters { display: grid; grid-template-columns: max-content 1fr; gap: .3em .8em; align-items: center; }
        form.filters label { margin: 0; }
        form.filters button { grid-column: 1; }
        ol.incidents li { margin: .8em 0; }
        .withheld { font-style: italic; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
        dl.facts dd { margin: 0; }
        .narrative { white-space: pre-wrap; }
        table { border-collapse: collapse; }
        th, td { border-bottom: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top; }
        svg.map { width: 100%; height: auto; }
        svg.map a:focus rect, svg.map a:hover rect { stroke: #b00020; stroke-width: 3; }
        figure.map, figure.chart { margin: 1em 0; }
        figure.chart svg { max-width: 100%; height: auto; }
        nav.pages a { margin-right: 1em; }
        """;

    public static IResult Serve() => Results.Text(Css, "text/css", Encoding.UTF8);

    /// <summary>A short page for 404 and the other error statuses (the body of a refused request is not read back).</summary>
    public static Task StatusPageAsync(StatusCodeContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync($"{response.StatusCode} {ReasonPhrases.GetReasonPhrase(response.StatusCode)}\n");
    }
}
