using System.Net;
using System.Net.Sockets;
using DndHelper.Api.Tests.Infrastructure;
using DndHelper.Bot.Sandbox;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Tests.Infrastructure;

// One bot under test: the real bot host (receiver, router, Telegram.Bot client) against its own
// fake Telegram server, the real API and Redis, and a player who types and taps.
public sealed class BotHarness : IAsyncDisposable
{
    private static long nextUser = Random.Shared.NextInt64(1_000_000, 9_000_000_000);

    private readonly Dictionary<string, string?> settings;
    private readonly bool ownsTelegram;
    private WebApplication? bot;

    private BotHarness(FakeTelegramServer telegram, Dictionary<string, string?> settings, bool ownsTelegram)
    {
        Telegram = telegram;
        this.settings = settings;
        this.ownsTelegram = ownsTelegram;
        UserId = Interlocked.Increment(ref nextUser);
    }

    public FakeTelegramServer Telegram { get; }

    public long UserId { get; }

    public long ChatId => UserId;

    public string RedisPrefix => settings["REDIS_KEY_PREFIX"]!;

    public static async Task<BotHarness> StartAsync(Uri? api, IDictionary<string, string?>? overrides = null, FakeTelegramServer? telegram = null)
    {
        var owns = telegram is null;
        telegram ??= await FakeTelegramServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["TELEGRAM_BOT_TOKEN"] = "123456:test-token",
            ["TELEGRAM_API_BASE_URL"] = telegram.BaseAddress.ToString(),
            ["DNDHELPER_API_BASE_URL"] = (api ?? new Uri($"http://127.0.0.1:{FreePort()}")).ToString(),
            ["BOT_SERVICE_TOKEN"] = TestTokens.Bot,
            ["REDIS_CONNECTION_STRING"] = TestEnvironment.Redis,
            ["REDIS_KEY_PREFIX"] = $"bottest:{Guid.NewGuid():N}:",
            ["BOT_POLLING_TIMEOUT_SECONDS"] = "2",
            ["BOT_HTTP_URLS"] = "http://127.0.0.1:0",
            ["LOG_LEVEL"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var harness = new BotHarness(telegram, settings, owns);
        await harness.StartBotAsync();
        return harness;
    }

    // Starts the bot and waits until it has told Telegram how it receives updates.
    public async Task StartBotAsync()
    {
        var before = Telegram.Calls.Count(c => c.Method is "deleteWebhook" or "setWebhook");
        bot = BotApp.Create([], builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.Configuration[key] = value;
            }
        });
        await bot.StartAsync();
        await Telegram.WaitUntilAsync(t => t.Calls.Count(c => c.Method is "deleteWebhook" or "setWebhook") > before, what: "the bot's start-up");
    }

    public async Task StopBotAsync()
    {
        if (bot is not null)
        {
            await bot.StopAsync();
            await bot.DisposeAsync();
            bot = null;
        }
    }

    public async Task RestartBotAsync()
    {
        await StopBotAsync();
        await StartBotAsync();
    }

    public IReadOnlyList<SentMessage> Messages => Telegram.Messages(ChatId);

    public SentMessage Last => Messages[^1];

    public int LastUpdateId { get; private set; }

    // Types a message and returns every message the bot sent or edited in reply.
    public async Task<IReadOnlyList<SentMessage>> SayAsync(string text, string? languageCode = "en")
    {
        var before = Version();
        LastUpdateId = Telegram.SendText(UserId, text, languageCode: languageCode);
        return await RepliesAsync(before);
    }

    public async Task<SentMessage> SayOneAsync(string text, string? languageCode = "en") => (await SayAsync(text, languageCode))[^1];

    // Taps the button whose text contains `label` on `message` (default: the last message with buttons).
    public async Task<IReadOnlyList<SentMessage>> PressAsync(string label, SentMessage? message = null)
    {
        message ??= Messages.Last(m => m.Buttons.Count > 0);
        var button = message.Buttons.FirstOrDefault(b => b.Text.Contains(label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no button '{label}' in: {string.Join(" | ", message.Buttons.Select(b => b.Text))}");
        return await PressDataAsync(button.CallbackData!, message.MessageId);
    }

    public async Task<IReadOnlyList<SentMessage>> PressDataAsync(string data, int messageId)
    {
        var before = Version();
        var updateId = Telegram.Press(UserId, messageId, data);
        // The router answers every callback last, after its replies.
        await Telegram.WaitUntilAsync(t => t.Calls.Any(c => c.Method == "answerCallbackQuery" && Answers(c, updateId, t)), what: $"the answer to callback {data}");
        return Changed(before);
    }

    public static InlineKeyboardButton Button(SentMessage message, string label) =>
        message.Buttons.First(b => b.Text.Contains(label, StringComparison.Ordinal));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        if (ownsTelegram)
        {
            await Telegram.DisposeAsync();
        }
    }

    private static bool Answers(ApiCall call, int updateId, FakeTelegramServer telegram) =>
        call.Payload["callback_query_id"]?.GetValue<string>() is { } id && telegram.CallbackQueryIdOf(updateId) == id;

    private long Version() => Messages.Select(m => m.Version).DefaultIfEmpty(0).Max();

    // Waits for the first reply, then until the bot has been quiet for a moment (long cards come in parts).
    private async Task<IReadOnlyList<SentMessage>> RepliesAsync(long before)
    {
        await Telegram.WaitUntilAsync(_ => Version() > before, what: "a reply");
        var seen = Version();
        while (true)
        {
            await Task.Delay(150);
            var now = Version();
            if (now == seen)
            {
                return Changed(before);
            }
            seen = now;
        }
    }

    private List<SentMessage> Changed(long before) => [.. Messages.Where(m => m.Version > before).OrderBy(m => m.Version)];
}
