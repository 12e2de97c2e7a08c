using DndHelper.Bot.Hosting;
using DndHelper.Bot.Texts;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DndHelper.Bot.Updates;

// Introduces the bot to Telegram once it can reach it: who we are (getMe), the command list in
// both languages (setMyCommands), and where updates go (the webhook, or none for long polling).
public sealed partial class BotStartup(
    ITelegramBotClient telegram,
    BotIdentity identity,
    BotTexts texts,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<BotStartup> logger) : BackgroundService
{
    private static readonly string[] Commands = ["start", "roll", "r", "settings", "help", "about"];

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Completes when Telegram knows the commands and the delivery mode; polling waits for it.
    public Task Ready => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var me = await telegram.GetMe(stoppingToken);
                identity.Username = me.Username ?? identity.Username;
                foreach (var lang in BotTexts.Languages)
                {
                    var commands = Commands.Select(c => new BotCommand { Command = c, Description = texts.Get(lang, "commands." + c) });
                    // English is also the list for every language we do not speak.
                    await telegram.SetMyCommands(commands, languageCode: lang == BotTexts.English ? null : lang, cancellationToken: stoppingToken);
                }
                var settings = options.Value;
                if (settings.Mode == BotMode.Webhook)
                {
                    await telegram.SetWebhook(settings.WebhookUrl!.ToString(), secretToken: settings.WebhookSecret,
                        allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.InlineQuery], cancellationToken: stoppingToken);
                }
                else
                {
                    await telegram.DeleteWebhook(cancellationToken: stoppingToken);
                }
                LogReady(logger, identity.Username, settings.Mode);
                ready.TrySetResult();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException)
            {
                LogStartupFailed(logger, e, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot @{Username} is ready ({Mode})")]
    private static partial void LogReady(ILogger logger, string username, BotMode mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram set-up failed (attempt {Attempt}); trying again")]
    private static partial void LogStartupFailed(ILogger logger, Exception exception, int attempt);
}
