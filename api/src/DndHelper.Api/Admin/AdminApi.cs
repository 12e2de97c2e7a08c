using System.Collections.Frozen;
using System.Security.Claims;
using DndHelper.Api.Content;
using DndHelper.Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DndHelper.Api.Admin;

public sealed record LoginRequest(string? Token);

public sealed record SessionInfo(string Name, string? CsrfToken);

public sealed record AdminStrings(string Lang, IReadOnlyDictionary<string, string> Strings);

// The admin page (plain HTML and one script, embedded in the assembly) and its session: log in with an
// admin token, get an HttpOnly SameSite=Strict cookie and a CSRF token for the page's own requests.
public static class AdminApi
{
    private static readonly FrozenDictionary<string, (byte[] Content, string Type)> Assets = LoadAssets();

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin", (HttpContext context) => Asset(context, "index.html")).ExcludeFromDescription();
        app.MapGet("/admin/assets/{file}", (HttpContext context, string file) => Asset(context, file)).ExcludeFromDescription();
        app.MapGet("/admin/strings", StringsAsync).WithTags("Admin: session")
            .WithSummary("The admin page's own texts in one language (ui strings of the \"admin\" namespace).");

        var session = app.MapGroup("/admin/session").WithTags("Admin: session");
        session.MapPost("/", LoginAsync).RequireRateLimiting(AdminAuth.LoginRateLimit)
            .WithSummary("Log in with an admin token; sets the session cookie and answers the CSRF token.");
        session.MapGet("/", CurrentAsync).RequireAuthorization(AdminAuth.Policy)
            .WithSummary("Who is logged in, and the session's CSRF token.");
        session.MapDelete("/", LogoutAsync).RequireAuthorization(AdminAuth.Policy)
            .WithSummary("Log out: the session ends on every instance.");
        return app;
    }

    private static async Task<Results<Ok<SessionInfo>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext context, AdminKeys keys, AdminSessions sessions)
    {
        if (string.IsNullOrWhiteSpace(request.Token))
        {
            return TypedResults.Problem(title: "Bad request", detail: "Send {\"token\": \"<admin token>\"}.", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["token"] = ["is required"] } });
        }
        var name = keys.Verify(request.Token.Trim());
        if (name is null)
        {
            return TypedResults.Problem(title: "Forbidden", detail: "The admin token is not valid.", statusCode: StatusCodes.Status403Forbidden);
        }
        (string Id, AdminSession Session) created;
        try
        {
            created = await sessions.CreateAsync(name);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return TypedResults.Problem(title: "Service unavailable", detail: "Sessions are kept in Redis, which does not answer; use the bearer token meanwhile.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        context.Response.Cookies.Append(AdminAuth.CookieName, created.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/admin",
            IsEssential = true,
        });
        return TypedResults.Ok(new SessionInfo(name, created.Session.Csrf));
    }

    private static async Task<Ok<SessionInfo>> CurrentAsync(HttpContext context, ClaimsPrincipal user, AdminSessions sessions)
    {
        var session = context.Request.Cookies.TryGetValue(AdminAuth.CookieName, out var id) && !string.IsNullOrEmpty(id)
            ? await sessions.GetAsync(id) : null;
        return TypedResults.Ok(new SessionInfo(AdminAuth.Actor(user), session?.Csrf));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context, AdminSessions sessions)
    {
        if (context.Request.Cookies.TryGetValue(AdminAuth.CookieName, out var id) && !string.IsNullOrEmpty(id))
        {
            await sessions.RemoveAsync(id);
        }
        context.Response.Cookies.Delete(AdminAuth.CookieName, new CookieOptions { Path = "/admin", HttpOnly = true, SameSite = SameSiteMode.Strict });
        return TypedResults.NoContent();
    }

    // The texts come from the seed and may be overridden in the database (ui strings edited on the page itself).
    private static async Task<Ok<AdminStrings>> StringsAsync(string? lang, SeedData seed, DndDbContext db, CancellationToken ct)
    {
        lang = lang is not null && Codes.Languages.Contains(lang) ? lang : "en";
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in seed.UiStrings.Where(t => t.Namespace == "admin" && t.Lang == "en"))
        {
            strings[text.Key] = text.Text;
        }
        foreach (var text in seed.UiStrings.Where(t => t.Namespace == "admin" && t.Lang == lang))
        {
            strings[text.Key] = text.Text;
        }
        var stored = await db.UiTranslations.AsNoTracking().Where(t => t.Namespace == "admin" && t.Lang == lang)
            .Select(t => new { t.Key, t.Text }).ToListAsync(ct);
        foreach (var text in stored)
        {
            strings[text.Key] = text.Text;
        }
        return TypedResults.Ok(new AdminStrings(lang, strings));
    }

    private static IResult Asset(HttpContext context, string file)
    {
        if (!Assets.TryGetValue(file, out var asset))
        {
            return TypedResults.NotFound();
        }
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return TypedResults.Bytes(asset.Content, asset.Type);
    }

    private static FrozenDictionary<string, (byte[], string)> LoadAssets()
    {
        var assembly = typeof(AdminApi).Assembly;
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("admin/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource["admin/".Length..];
            var type = Path.GetExtension(name) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                _ => "application/octet-stream",
            };
            assets[name] = (buffer.ToArray(), type);
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
