using DndHelper.Bot.Hosting;
using DndHelper.Bot.Library;
using Microsoft.Extensions.Options;

namespace DndHelper.Bot.Texts;

// Keeps the bot's copy of the UI strings and enum labels in step with the API's table, so an
// edit made there reaches users without a new bot build.
public sealed partial class TextsRefresher(
    IServiceScopeFactory scopes,
    BotTexts texts,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<TextsRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RefreshAsync(stoppingToken);
            await Task.Delay(TimeSpan.FromSeconds(options.Value.TextsRefreshSeconds), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<LibraryClient>();
        try
        {
            foreach (var lang in BotTexts.Languages)
            {
                foreach (var ns in new[] { "bot", "common" })
                {
                    if (await library.GetUiStringsAsync(lang, ns, ct) is { } ui)
                    {
                        texts.MergeUi(lang, Qualify(ui.Strings));
                    }
                }
                if (await library.GetEnumLabelsAsync(lang, ct) is { } enums)
                {
                    texts.MergeEnums(lang, Qualify(enums.Labels));
                }
            }
        }
        catch (LibraryUnavailableException e)
        {
            LogRefreshFailed(logger, e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    // group → key → text becomes "group.key" → text.
    public static Dictionary<string, string> Qualify(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return groups.SelectMany(g => g.Value.Select(e => (Key: g.Key + "." + e.Key, e.Value)))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "UI strings not refreshed, the embedded copy stays in use: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}
