using System.Text.Json;
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
                    var ui = await library.GetUiStringsAsync(lang, ns, ct);
                    texts.MergeUi(lang, Flatten(ui, ns));
                }
                var enums = await library.GetEnumLabelsAsync(lang, ct);
                texts.MergeEnums(lang, Flatten(enums, null));
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

    // Accepts {"key": "text"}, {"ns": {"key": "text"}} or either wrapped in {"strings"|"labels"|"items": ...}
    // and returns qualified "ns.key" → text.
    public static Dictionary<string, string> Flatten(JsonElement root, string? ns)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return result;
        }
        foreach (var wrapper in new[] { "strings", "labels", "items", "entries" })
        {
            if (root.TryGetProperty(wrapper, out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                root = inner;
                break;
            }
        }
        void Walk(JsonElement element, string prefix)
        {
            foreach (var property in element.EnumerateObject())
            {
                var key = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    result[key] = property.Value.GetString()!;
                }
                else if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    Walk(property.Value, key);
                }
            }
        }
        Walk(root, "");
        if (ns is null)
        {
            return result;
        }
        // Keys given without their namespace get it added; "bot.menu.title" stays as it is.
        return result.Keys.All(k => k.StartsWith(ns + ".", StringComparison.Ordinal))
            ? result
            : result.ToDictionary(p => ns + "." + p.Key, p => p.Value, StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "UI strings not refreshed, the embedded copy stays in use: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}
