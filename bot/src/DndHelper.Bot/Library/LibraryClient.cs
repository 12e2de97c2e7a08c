using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DndHelper.Bot.Monsters;
using DndHelper.Bot.Spells;
using DndHelper.Contracts.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DndHelper.Bot.Library;

// The library is unreachable or failing: the user is told to try again shortly.
public sealed class LibraryUnavailableException : Exception
{
    public LibraryUnavailableException()
    {
    }

    public LibraryUnavailableException(string message)
        : base(message)
    {
    }

    public LibraryUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

// The DnD Helper API: the one source of everything the bot shows. A typed HttpClient whose
// resilience handler (BotServices) adds timeouts, retries and a circuit breaker.
public sealed class LibraryClient(HttpClient http)
{
    public Task<PageOf<MonsterSummary>> ListMonstersAsync(MonsterFilter filter, int offset, int limit, string lang, CancellationToken ct) =>
        GetAsync<PageOf<MonsterSummary>>(Url("monsters", [.. filter.ToQuery(), .. Paging(offset, limit, lang)]), ct)!;

    public Task<PageOf<SpellSummary>> ListSpellsAsync(SpellFilter filter, int offset, int limit, string lang, CancellationToken ct) =>
        GetAsync<PageOf<SpellSummary>>(Url("spells", [.. filter.ToQuery(), .. Paging(offset, limit, lang)]), ct)!;

    public Task<MonsterDetail?> GetMonsterAsync(string slug, string lang, CancellationToken ct) =>
        GetAsync<MonsterDetail>(Url("monsters/" + Uri.EscapeDataString(slug), [new("lang", lang)]), ct, allowNotFound: true);

    public Task<SpellDetail?> GetSpellAsync(string slug, string lang, CancellationToken ct) =>
        GetAsync<SpellDetail>(Url("spells/" + Uri.EscapeDataString(slug), [new("lang", lang)]), ct, allowNotFound: true);

    public Task<MonsterDetail?> RandomMonsterAsync(MonsterFilter filter, string lang, CancellationToken ct) =>
        GetAsync<MonsterDetail>(Url("monsters/random", [.. filter.ToQuery(), new("lang", lang)]), ct, allowNotFound: true);

    public Task<SpellDetail?> RandomSpellAsync(SpellFilter filter, string lang, CancellationToken ct) =>
        GetAsync<SpellDetail>(Url("spells/random", [.. filter.ToQuery(), new("lang", lang)]), ct, allowNotFound: true);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, string? kind, int limit, string lang, CancellationToken ct)
    {
        List<KeyValuePair<string, string>> parameters = [new("q", query), new("limit", limit.ToString(CultureInfo.InvariantCulture)), new("lang", lang)];
        if (kind is not null)
        {
            parameters.Add(new("kind", kind));
        }
        var results = await GetAsync<SearchResults>(Url("search", parameters), ct);
        return results?.Items ?? [];
    }

    public Task<JsonElement> GetUiStringsAsync(string lang, string ns, CancellationToken ct) =>
        GetAsync<JsonElement>(Url("i18n/ui", [new("lang", lang), new("ns", ns)]), ct);

    public Task<JsonElement> GetEnumLabelsAsync(string lang, CancellationToken ct) =>
        GetAsync<JsonElement>(Url("i18n/enums", [new("lang", lang)]), ct);

    public Task<BotUser?> GetUserAsync(long telegramId, CancellationToken ct) =>
        GetAsync<BotUser>(UserUrl(telegramId), ct, allowNotFound: true);

    public Task<BotUser?> RegisterUserAsync(long telegramId, string language, CancellationToken ct) =>
        SendAsync<BotUser>(HttpMethod.Put, UserUrl(telegramId), new UserLanguage(language), ct);

    public Task<BotUser?> SetLanguageAsync(long telegramId, string language, CancellationToken ct) =>
        SendAsync<BotUser>(HttpMethod.Patch, UserUrl(telegramId), new UserLanguage(language), ct);

    private static string UserUrl(long telegramId) => "users/by-telegram/" + telegramId.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<KeyValuePair<string, string>> Paging(int offset, int limit, string lang) =>
    [
        new("offset", offset.ToString(CultureInfo.InvariantCulture)),
        new("limit", limit.ToString(CultureInfo.InvariantCulture)),
        new("lang", lang),
    ];

    private static string Url(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var url = new StringBuilder(path);
        var separator = '?';
        foreach (var (key, value) in query)
        {
            url.Append(separator).Append(key).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return url.ToString();
    }

    private async Task<T?> GetAsync<T>(string url, CancellationToken ct, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendCoreAsync<T>(request, allowNotFound, ct);
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string url, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: ContractJson.Options) };
        return await SendCoreAsync<T>(request, allowNotFound: false, ct);
    }

    private async Task<T?> SendCoreAsync<T>(HttpRequestMessage request, bool allowNotFound, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
            {
                return default;
            }
            if (!response.IsSuccessStatusCode)
            {
                // A 4xx other than not-found is our bug, a 5xx is the library's; the user sees the same message.
                throw new LibraryUnavailableException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}");
            }
            return await response.Content.ReadFromJsonAsync<T>(ContractJson.Options, ct);
        }
        catch (Exception e) when (e is HttpRequestException or BrokenCircuitException or TimeoutRejectedException or JsonException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new LibraryUnavailableException($"{request.Method} {request.RequestUri} failed: {e.Message}", e);
        }
    }
}

public static class LibraryAuthentication
{
    public static void Apply(HttpClient http, string? serviceToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!string.IsNullOrEmpty(serviceToken))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", serviceToken);
        }
    }
}
