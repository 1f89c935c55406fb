namespace AdilSoz.Intake.Tests.Security;

/// <summary>
/// What each caller gets from each page handler and endpoint of the Admin site. Outcomes are the status
/// code, and for redirects the path they lead to. Mutating requests name ids that do not exist (or send
/// incomplete forms), so a caller who gets through sees 404/400/the form again and nothing changes.
/// Columns follow <see cref="SecuritySite.Callers"/>: anonymous, Monitor, Editor, Admin, Admin key, Monitor key,
/// Admin without a second factor, Admin logged in with a recovery code, disabled user. <see cref="Pending"/> is what
/// a session that must still set up its second factor gets: a redirect to the enrolment for a page, 403 for a post,
/// the API or the dashboard.
/// </summary>
public static class RouteTable
{
    public const string Login = "302 /account/login";
    public const string Denied = "302 /account/denied";
    public const string Missing = "999999999";
    public const string Pending = "pending";
    public const string Enrol = "302 /account/two-factor/enrol";

    public sealed record Row(string Key, string Url, string[] Expected, string? Json = null, bool Form = false, bool Fresh = false)
    {
        public string Method => Key[..Key.IndexOf(' ', StringComparison.Ordinal)];

        /// <summary>The expected outcome per caller, with <see cref="Pending"/> resolved for this row.</summary>
        public string Outcome(int caller) => Expected[caller] != Pending ? Expected[caller]
            : Method is "GET" or "ANY" && !Key.Contains(" /api/", StringComparison.Ordinal) && !Key.Contains(" /hangfire", StringComparison.Ordinal) ? Enrol : "403";
    }

    private static string[] All(string outcome) => [outcome, outcome, outcome, outcome, outcome, outcome, outcome, outcome, outcome];

    /// <summary>Pages for everyone who logged in; API keys are not logins; a disabled user is logged out.</summary>
    private static string[] Staff(string ok = "200", string pending = Pending) => [Login, ok, ok, ok, Login, Login, pending, ok, Login];

    private static string[] Editors(string ok = "200") => [Login, Denied, ok, ok, Login, Login, Pending, ok, Login];

    private static string[] Admins(string ok = "200") => [Login, Denied, Denied, ok, Login, Login, Pending, ok, Login];

    /// <summary>The JSON API: cookies of every role and keys of every role; 401 without either.</summary>
    private static string[] Api(string ok = "200") => ["401", ok, ok, ok, ok, ok, Pending, ok, "401"];

    private static string[] ApiEditors(string ok) => ["401", "403", ok, ok, ok, "403", Pending, ok, "401"];

    public static readonly Row[] Rows =
    [
        // Probes and metrics: anonymous by design (no data in them).
        new("ANY /healthz", "/healthz", All("200")),
        new("ANY /readyz", "/readyz", All("200")),
        new("ANY /metrics", "/metrics", All("200")),

        // JSON API (CONTRACT.md).
        new("GET /api/v1/submissions", "/api/v1/submissions", Api()),
        new("GET /api/v1/submissions/{id:long}", "/api/v1/submissions/{submission}", Api()),
        new("GET /api/v1/clusters/{clusterId:long}", "/api/v1/clusters/{submission}", Api()),
        new("POST /api/v1/submissions/{id:long}/approve", $"/api/v1/submissions/{Missing}/approve", Api("400"), Json: "{}"),
        new("POST /api/v1/submissions/{id:long}/reject", $"/api/v1/submissions/{Missing}/reject", Api("404"), Json: "{\"reason\":\"spam\"}"),
        new("GET /api/v1/incidents/", "/api/v1/incidents/", Api()),
        new("GET /api/v1/incidents/{id:long}", "/api/v1/incidents/{incident}", Api()),
        new("POST /api/v1/incidents/", "/api/v1/incidents/", ApiEditors("400"), Json: "{}"),
        new("PUT /api/v1/incidents/{id:long}", $"/api/v1/incidents/{Missing}", ApiEditors("404"), Json: "{}"),
        new("GET /api/v1/reports/monthly", "/api/v1/reports/monthly?month=2021-02", Api()),

        // Downloads for people who logged in.
        new("GET /reports/{month}.md", "/reports/2021-02.md", Staff()),
        new("GET /reports/{month}.docx", "/reports/2021-02.docx", Staff()),
        new("GET /attachments/{id:long}", "/attachments/{attachment}", Staff()),

        // Hangfire dashboard: Admins only; it answers 401/403 itself rather than redirecting.
        new("ANY /hangfire/{**path}", "/hangfire", ["401", "403", "403", "200", "401", "401", "403", "200", "401"]),

        // Pages.
        new("GET /", "/", Staff("302 /queue")),
        new("GET /Index", "/Index", Staff("302 /queue")),
        new("GET /queue", "/queue", Staff()),
        new("POST /queue?handler=Bulk", "/queue?handler=Bulk", Staff("302 /queue"), Form: true),
        new("GET /dashboard", "/dashboard", Staff()),
        new("GET /audit", "/audit", Staff()),
        new("GET /incidents", "/incidents", Staff()),
        new("GET /incidents?handler=Csv", "/incidents?handler=Csv", Staff()),
        new("GET /incidents?handler=Cases", "/incidents?handler=Cases", Staff()),
        new("GET /incidents?handler=Xlsx", "/incidents?handler=Xlsx", Staff()),
        new("GET /incidents?handler=CasesXlsx", "/incidents?handler=CasesXlsx", Staff()),
        new("GET /incidents/{id:long}", "/incidents/{incident}", Staff()),
        new("POST /incidents/{id:long}?handler=Assign", $"/incidents/{Missing}?handler=Assign", Staff("404"), Form: true),
        new("POST /incidents/{id:long}?handler=Note", $"/incidents/{Missing}?handler=Note", Staff("404"), Form: true),
        new("GET /incidents/new", "/incidents/new", Editors()),
        new("POST /incidents/new", "/incidents/new", Editors(), Form: true),
        new("GET /incidents/{id:long}/edit", "/incidents/{incident}/edit", Editors()),
        new("POST /incidents/{id:long}/edit", $"/incidents/{Missing}/edit", Editors(), Form: true),
        new("GET /incidents/{id:long}/publish", "/incidents/{incident}/publish", Editors()),
        new("POST /incidents/{id:long}/publish?handler=Publish", $"/incidents/{Missing}/publish?handler=Publish", Editors("404"), Form: true),
        new("POST /incidents/{id:long}/publish?handler=Withdraw", $"/incidents/{Missing}/publish?handler=Withdraw", Editors("404"), Form: true),
        new("GET /incidents/import", "/incidents/import", Editors()),
        new("POST /incidents/import", "/incidents/import", Editors(), Form: true),
        new("GET /categories", "/categories", Editors()),
        new("POST /categories", "/categories", Editors(), Form: true),
        new("GET /saved-replies", "/saved-replies", Editors()),
        new("POST /saved-replies", "/saved-replies", Editors("400"), Form: true),
        new("GET /saved-replies/{id:long}", $"/saved-replies/{Missing}", Editors("404")),
        new("POST /saved-replies/{id:long}", $"/saved-replies/{Missing}", Editors("404"), Form: true),
        new("POST /saved-replies/{id:long}?handler=Delete", $"/saved-replies/{Missing}?handler=Delete", Editors("404"), Form: true),
        new("GET /reports", "/reports", Staff()),
        new("GET /reports/{year:int}-{month:int}", "/reports/2021-02", Staff()),
        new("GET /submissions/{id:long}", "/submissions/{submission}", Staff()),
        new("POST /submissions/{id:long}?handler=Approve", $"/submissions/{Missing}?handler=Approve", Staff("404"), Form: true),
        new("POST /submissions/{id:long}?handler=Attach", $"/submissions/{Missing}?handler=Attach", Staff("404"), Form: true),
        new("POST /submissions/{id:long}?handler=Reject", $"/submissions/{Missing}?handler=Reject", Staff("404"), Form: true),
        new("POST /submissions/{id:long}?handler=Split", $"/submissions/{Missing}?handler=Split", Staff("404"), Form: true),
        new("POST /submissions/{id:long}?handler=Ask", $"/submissions/{Missing}?handler=Ask", Staff("404"), Form: true),
        new("POST /submissions/{id:long}?handler=Assign", $"/submissions/{Missing}?handler=Assign", Staff("404"), Form: true),
        new("POST /submissions/{id:long}?handler=Note", $"/submissions/{Missing}?handler=Note", Staff("404"), Form: true),
        new("POST /submissions/{id:long}?handler=TakeOver", $"/submissions/{Missing}?handler=TakeOver", Staff("404"), Form: true),
        new("POST /submissions/{id:long}?handler=Release", $"/submissions/{Missing}?handler=Release", Staff("302 /queue"), Form: true),
        new("POST /submissions/{id:long}?handler=Reveal", $"/submissions/{Missing}?handler=Reveal", [Login, Denied, Denied, "404", Login, Login, Pending, "404", Login], Form: true),
        new("GET /users", "/users", Admins()),
        new("POST /users?handler=Disable", $"/users?handler=Disable&id={Missing}", Admins("404"), Form: true),
        new("POST /users?handler=Enable", $"/users?handler=Enable&id={Missing}", Admins("404"), Form: true),
        new("POST /users?handler=ResetTwoFactor", $"/users?handler=ResetTwoFactor&id={Missing}", Admins("404"), Form: true),
        new("POST /users?handler=ResetPassword", $"/users?handler=ResetPassword&id={Missing}", Admins("404"), Form: true),
        new("GET /api-keys", "/api-keys", Admins()),
        new("POST /api-keys?handler=Revoke", $"/api-keys?handler=Revoke&id={Missing}", Admins("404"), Form: true),
        new("GET /error", "/error", All("200")),
        new("GET /account/login", "/account/login", All("200")),
        new("POST /account/login", "/account/login", All("200"), Form: true),

        // The second step of a login answers only a login that passed its first step.
        new("GET /account/two-factor", "/account/two-factor", [Login, Login, Login, Login, Login, Login, Pending, Login, Login]),
        new("POST /account/two-factor", "/account/two-factor", [Login, Login, Login, Login, Login, Login, Pending, Login, Login], Form: true),

        // What a session with a pending step may still open: the enrolment, the password change, logging out.
        new("GET /account/two-factor/enrol", "/account/two-factor/enrol", Staff(pending: "200")),
        new("POST /account/two-factor/enrol", "/account/two-factor/enrol", Staff(pending: "200"), Form: true),
        new("GET /account/password", "/account/password", Staff(pending: "200")),
        new("POST /account/password", "/account/password", Staff(pending: "200"), Form: true),
        new("GET /account/logout", "/account/logout", Staff(pending: "200")),
        new("POST /account/logout", "/account/logout", Staff(Login, pending: Login), Form: true, Fresh: true),
        new("GET /account/denied", "/account/denied", Staff("403")),
    ];
}
