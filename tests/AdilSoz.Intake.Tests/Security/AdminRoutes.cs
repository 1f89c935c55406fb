using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Security;

/// <summary>
/// Every page handler and endpoint of the running Admin app, read from its <see cref="EndpointDataSource"/>:
/// <c>"GET /queue"</c>, <c>"POST /submissions/{id:long}?handler=Approve"</c>, <c>"ANY /hangfire/{**path}"</c>.
/// A page answers GET even without an OnGet handler, so every page has its GET.
/// </summary>
public static class AdminRoutes
{
    public sealed record Route(string Key, bool IsPage, string Method, string? Handler);

    public static async Task<IReadOnlyList<Route>> EnumerateAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new Dictionary<string, Route>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                Add(new Route($"GET {pattern}", true, "GET", null));
                foreach (var h in compiled.HandlerMethods)
                {
                    var method = h.HttpMethod.ToUpperInvariant();
                    Add(new Route(h.Name is null ? $"{method} {pattern}" : $"{method} {pattern}?handler={h.Name}", true, method, h.Name));
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var m in methods)
            {
                Add(new Route($"{m} {pattern}", false, m, null));
            }
        }

        return routes.Values.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();

        void Add(Route r) => routes.TryAdd(r.Key, r);
    }
}
