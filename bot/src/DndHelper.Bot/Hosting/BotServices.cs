using System.Globalization;
using System.Net;
using DndHelper.Bot.Dice;
using DndHelper.Bot.Inline;
using DndHelper.Bot.Library;
using DndHelper.Bot.Monsters;
using DndHelper.Bot.Routing;
using DndHelper.Bot.Search;
using DndHelper.Bot.Spells;
using DndHelper.Bot.Start;
using DndHelper.Bot.State;
using DndHelper.Bot.Updates;
using DndHelper.Bot.Texts;
using DndHelper.Contracts.Hosting;
using DndHelper.Dice;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Telegram.Bot;

namespace DndHelper.Bot.Hosting;

public static class BotServices
{
    public static WebApplicationBuilder AddBotServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var config = builder.Configuration;
        builder.AddServiceLogging("dnd-helper-bot");
        // Every retry of a failing call is a warning from Polly; the bot logs the outcome once itself.
        builder.Logging.AddFilter("Polly", LogLevel.Error);

        services.AddOptions<BotOptions>()
            .Configure(o => BindOptions(config, o))
            .ValidateDataAnnotations()
            .Validate(o => o.Mode != BotMode.Webhook || (o.WebhookUrl is not null && !string.IsNullOrEmpty(o.WebhookSecret)),
                "BOT_MODE=webhook needs BOT_WEBHOOK_URL and BOT_WEBHOOK_SECRET")
            .ValidateOnStart();
        var settings = new BotOptions();
        BindOptions(config, settings);
        // The bot's own endpoint; ASPNETCORE_URLS belongs to the API when both run from one shell.
        builder.WebHost.UseUrls(settings.HttpUrls ?? (settings.Mode == BotMode.Webhook ? "http://0.0.0.0:8080" : "http://127.0.0.1:0"));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BotTexts>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<IDiceRandom>(CryptoDiceRandom.Shared);
        services.AddSingleton(sp => new BotRedis(settings.Redis, settings.RedisKeyPrefix));
        services.AddSingleton<ConversationStore>();

        services.AddHttpClient<LibraryClient>(http =>
            {
                http.BaseAddress = new Uri(settings.ApiBaseUrl.ToString().TrimEnd('/') + "/");
                http.Timeout = Timeout.InfiniteTimeSpan;
                LibraryAuthentication.Apply(http, settings.ApiServiceToken);
            })
            .AddStandardResilienceHandler(o =>
            {
                // A user is waiting on the other end: fail fast, and stop calling a library that is down.
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(3);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(8);
                o.Retry.MaxRetryAttempts = 2;
                o.Retry.Delay = TimeSpan.FromMilliseconds(100);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
                o.CircuitBreaker.MinimumThroughput = 5;
                o.CircuitBreaker.FailureRatio = 0.5;
                o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
            });

        var telegramHttp = services.AddHttpClient("telegram", http => http.Timeout = Timeout.InfiniteTimeSpan);
        telegramHttp.AddResilienceHandler("telegram", pipeline =>
            {
                // Long polling holds a request for PollingTimeoutSeconds; 429 is left to Telegram.Bot,
                // which waits the retry_after Telegram names. Only lost connections and 5xx are retried here.
                pipeline.AddTimeout(TimeSpan.FromSeconds(settings.PollingTimeoutSeconds + 15));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(200),
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is HttpRequestException
                        || args.Outcome.Result?.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout),
                });
            });
        telegramHttp.AddTypedClient<ITelegramBotClient>((http, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<BotOptions>>().Value;
                return new TelegramBotClient(
                    new TelegramBotClientOptions(o.Token, o.TelegramApiBaseUrl.ToString().TrimEnd('/')) { RetryCount = 3, RetryThreshold = 60 },
                    http);
            });

        services.AddSingleton<UpdateProcessor>();
        services.AddSingleton<UpdateDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<UpdateDispatcher>());
        services.AddSingleton<BotStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<BotStartup>());
        services.AddHostedService<TextsRefresher>();
        if (settings.Mode == BotMode.Polling)
        {
            services.AddHostedService<PollingReceiver>();
        }

        // One scope per update: the context and every feature's commands live as long as it.
        services.AddScoped<UpdateContext>();
        services.AddScoped<UpdateRouter>();
        services.AddScoped<UserLanguages>();
        services.AddScoped<StartCommands>();
        services.AddScoped<MonsterCommands>();
        services.AddScoped<SpellCommands>();
        services.AddScoped<SearchCommands>();
        services.AddScoped<DiceCommands>();
        services.AddScoped<InlineCommands>();
        return builder;
    }

    public static WebApplication MapBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        if (options.Mode == BotMode.Webhook)
        {
            app.MapTelegramWebhook(options.WebhookPath);
        }
        return app;
    }

    // Flat environment names are the documented settings (see .env.example).
    private static void BindOptions(ConfigurationManager config, BotOptions o)
    {
        o.Token = config["TELEGRAM_BOT_TOKEN"] ?? o.Token;
        if (config["TELEGRAM_API_BASE_URL"] is { Length: > 0 } telegramUrl)
        {
            o.TelegramApiBaseUrl = new Uri(telegramUrl);
        }
        o.Mode = string.Equals(config["BOT_MODE"], "webhook", StringComparison.OrdinalIgnoreCase) ? BotMode.Webhook : BotMode.Polling;
        if (config["BOT_WEBHOOK_URL"] is { Length: > 0 } webhookUrl)
        {
            o.WebhookUrl = new Uri(webhookUrl);
            o.WebhookPath = o.WebhookUrl.AbsolutePath;
        }
        o.WebhookSecret = config["BOT_WEBHOOK_SECRET"] ?? o.WebhookSecret;
        o.HttpUrls = config["BOT_HTTP_URLS"] is { Length: > 0 } urls ? urls : o.HttpUrls;
        if (config["DNDHELPER_API_BASE_URL"] is { Length: > 0 } apiUrl)
        {
            o.ApiBaseUrl = new Uri(apiUrl);
        }
        o.ApiServiceToken = config["BOT_SERVICE_TOKEN"] ?? o.ApiServiceToken;
        o.Redis = config["REDIS_CONNECTION_STRING"] ?? o.Redis;
        o.RedisKeyPrefix = config["REDIS_KEY_PREFIX"] is { Length: > 0 } prefix ? prefix : o.RedisKeyPrefix;
        o.StateTtlSeconds = Int(config, "BOT_STATE_TTL_SECONDS", o.StateTtlSeconds);
        o.DedupSeconds = Int(config, "BOT_DEDUP_SECONDS", o.DedupSeconds);
        o.PageSize = Int(config, "BOT_PAGE_SIZE", o.PageSize);
        o.PollingTimeoutSeconds = Int(config, "BOT_POLLING_TIMEOUT_SECONDS", o.PollingTimeoutSeconds);
        o.TextsRefreshSeconds = Int(config, "BOT_TEXTS_REFRESH_SECONDS", o.TextsRefreshSeconds);
        o.Workers = Int(config, "BOT_WORKERS", o.Workers);
    }

    private static int Int(ConfigurationManager config, string name, int fallback) =>
        int.TryParse(config[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
