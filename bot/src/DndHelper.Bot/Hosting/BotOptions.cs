using System.ComponentModel.DataAnnotations;

namespace DndHelper.Bot.Hosting;

public enum BotMode
{
    Polling,
    Webhook,
}

// Every setting of the bot, read from flat environment names (see BotServices.BindOptions).
public sealed class BotOptions
{
    [Required]
    [RegularExpression(@"^\d+:[A-Za-z0-9_-]+$", ErrorMessage = "TELEGRAM_BOT_TOKEN must look like 123456:ABC-def")]
    public string Token { get; set; } = "";

    [Required]
    public Uri TelegramApiBaseUrl { get; set; } = new("https://api.telegram.org");

    public BotMode Mode { get; set; } = BotMode.Polling;

    // The public address Telegram posts updates to, e.g. https://bot.example.org/telegram/webhook.
    public Uri? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    public string WebhookPath { get; set; } = "/telegram/webhook";

    // Where the bot's own HTTP endpoint listens (health, webhook). ASPNETCORE_URLS is left to the API.
    public string? HttpUrls { get; set; }

    [Required]
    public Uri ApiBaseUrl { get; set; } = new("http://127.0.0.1:8000");

    public string? ApiServiceToken { get; set; }

    [Required]
    public string Redis { get; set; } = "127.0.0.1:6379";

    public string RedisKeyPrefix { get; set; } = "dnd:";

    [Range(60, 30 * 24 * 3600)]
    public int StateTtlSeconds { get; set; } = 7 * 24 * 3600;

    // Telegram redelivers an unconfirmed update for up to a day.
    [Range(1, 7 * 24 * 3600)]
    public int DedupSeconds { get; set; } = 24 * 3600;

    [Range(1, 50)]
    public int PageSize { get; set; } = 8;

    [Range(1, 50)]
    public int PollingTimeoutSeconds { get; set; } = 25;

    [Range(5, 24 * 3600)]
    public int TextsRefreshSeconds { get; set; } = 300;

    [Range(1, 64)]
    public int Workers { get; set; } = 16;
}
