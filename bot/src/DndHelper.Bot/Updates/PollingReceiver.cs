using DndHelper.Bot.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace DndHelper.Bot.Updates;

// Long polling: getUpdates waits on Telegram until updates arrive, and each batch is confirmed by
// asking for the next offset. An update whose handling was cut short by a restart comes back, and
// the processor's de-duplication keeps it from being answered twice.
public sealed partial class PollingReceiver(
    ITelegramBotClient telegram,
    UpdateDispatcher dispatcher,
    BotStartup startup,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<PollingReceiver> logger) : BackgroundService
{
    private static readonly UpdateType[] Allowed = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.InlineQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // getUpdates is refused while a webhook is set; start-up removes it first.
        await startup.Ready.WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        var offset = 0;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await telegram.GetUpdates(offset, 100, options.Value.PollingTimeoutSeconds, Allowed, stoppingToken);
                failures = 0;
                foreach (var update in updates)
                {
                    await dispatcher.EnqueueAsync(update, stoppingToken);
                    offset = update.Id + 1;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException)
            {
                // Telegram or the network is away: back off, up to half a minute, and keep going.
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * Math.Pow(2, Math.Min(failures, 7))));
                LogPollFailed(logger, e, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates failed; polling again in {Seconds} s")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, double seconds);
}
