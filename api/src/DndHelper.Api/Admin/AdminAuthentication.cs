using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DndHelper.Api.Admin;

public static class AdminAuth
{
    public const string Scheme = "Admin";
    public const string Policy = "admin";
    public const string CookieName = "dnd_admin";
    public const string CsrfHeader = "X-CSRF-Token";
    public const string LoginRateLimit = "admin-login";

    // The name that the audit log records: the admin's name from ADMIN_TOKEN, never the token.
    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}

// Admin requests carry either "Authorization: Bearer <token>" (scripts, the CLI's peers) or the session
// cookie of the admin page. A cookie alone never authorises a change: unsafe methods must also send the
// session's CSRF token in X-CSRF-Token, which a page of another site cannot read.
// No credentials answer 401; wrong ones (a bad token, a missing CSRF token) answer 403.
public sealed class AdminAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminKeys keys, AdminSessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (!string.IsNullOrEmpty(authorization))
        {
            const string bearer = "Bearer ";
            var name = authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? keys.Verify(authorization[bearer.Length..].Trim()) : null;
            return name is null ? AuthenticateResult.Fail("The admin token is not valid.") : Success(name, "bearer");
        }
        if (Request.Cookies.TryGetValue(AdminAuth.CookieName, out var id) && !string.IsNullOrEmpty(id))
        {
            var session = await sessions.GetAsync(id);
            if (session is null)
            {
                return AuthenticateResult.NoResult();
            }
            var safe = HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method) || HttpMethods.IsOptions(Request.Method);
            if (!safe && !SameToken(Request.Headers[AdminAuth.CsrfHeader].ToString(), session.Csrf))
            {
                return AuthenticateResult.Fail("The request lacks the session's CSRF token (X-CSRF-Token).");
            }
            return Success(session.Name, "session");
        }
        return AuthenticateResult.NoResult();
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is not null)
        {
            await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", result.Failure.Message);
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            "Admin authentication is required: send Authorization: Bearer <admin token>, or log in at /admin.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "These credentials may not do this.");

    private Task WriteProblemAsync(int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(Context);

    private AuthenticateResult Success(string name, string method)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim("amr", method)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    private static bool SameToken(string given, string expected) => CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
