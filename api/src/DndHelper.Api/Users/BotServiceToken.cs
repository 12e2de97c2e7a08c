using System.Security.Cryptography;
using System.Text;
using DndHelper.Api.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DndHelper.Api.Users;

// Telegram ids are personal data: only the bot, holding BOT_SERVICE_TOKEN, may read or write users.
// Without a configured token nobody may. Both sides are hashed before the constant-time comparison,
// so neither the time taken nor an early length mismatch tells anything about the token.
public sealed class BotServiceToken(IOptions<AuthOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (!Matches(request.Headers.Authorization.ToString(), options.Value.BotServiceToken))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(
                title: "Unauthorized",
                detail: "This endpoint needs the bot's service token: Authorization: Bearer <token>.",
                statusCode: StatusCodes.Status401Unauthorized);
        }
        return await next(context);
    }

    public static bool Matches(string? authorization, string? token)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(token) || authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
