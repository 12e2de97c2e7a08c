using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DndHelper.Bot.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DndHelper.Bot.Updates;

// Webhook mode: Telegram posts each update here with the secret token it was given in setWebhook.
// Requests without it are refused, so only Telegram can drive the bot.
public static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app, string path)
    {
        app.MapPost(path, HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, UpdateProcessor processor, IOptions<BotOptions> options)
    {
        if (!SecretMatches(http.Request.Headers[SecretHeader].ToString(), options.Value.WebhookSecret))
        {
            return Results.Unauthorized();
        }
        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (update is null)
        {
            return Results.BadRequest();
        }
        // Handled before answering: Telegram redelivers what was not acknowledged, and the
        // de-duplication makes that safe across replicas.
        await processor.HandleAsync(update, http.RequestAborted);
        return Results.Ok();
    }

    private static bool SecretMatches(string given, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
