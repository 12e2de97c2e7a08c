using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DndHelper.Bot.Monsters;
using DndHelper.Bot.Spells;
using DndHelper.Contracts.Content;
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
    public async Task<Page<MonsterSummary>> ListMonstersAsync(MonsterFilter filter, int offset, int limit, string lang, CancellationToken ct) =>
        await GetAsync<Page<MonsterSummary>>("monsters" + (filter.ToQuery() with { Lang = lang, Offset = offset, Limit = limit }).ToQueryString(), ct)
        ?? new Page<MonsterSummary>([], 0, limit, offset);

    public async Task<Page<SpellSummary>> ListSpellsAsync(SpellFilter filter, int offset, int limit, string lang, CancellationToken ct) =>
        await GetAsync<Page<SpellSummary>>("spells" + (filter.ToQuery() with { Lang = lang, Offset = offset, Limit = limit }).ToQueryString(), ct)
        ?? new Page<SpellSummary>([], 0, limit, offset);

    public Task<MonsterDetail?> GetMonsterAsync(string slug, string lang, CancellationToken ct) =>
        GetAsync<MonsterDetail>(Url("monsters/" + Uri.EscapeDataString(slug), [new("lang", lang)]), ct, allowNotFound: true);

    public Task<SpellDetail?> GetSpellAsync(string slug, string lang, CancellationToken ct) =>
        GetAsync<SpellDetail>(Url("spells/" + Uri.EscapeDataString(slug), [new("lang", lang)]), ct, allowNotFound: true);

    public Task<MonsterDetail?> RandomMonsterAsync(MonsterFilter filter, string lang, CancellationToken ct) =>
        GetAsync<MonsterDetail>("monsters/random" + (filter.ToQuery() with { Lang = lang }).ToQueryString(), ct, allowNotFound: true);

    public Task<SpellDetail?> RandomSpellAsync(SpellFilter filter, string lang, CancellationToken ct) =>
        GetAsync<SpellDetail>("spells/random" + (filter.ToQuery() with { Lang = lang }).ToQueryString(), ct, allowNotFound: true);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, string? kind, int limit, string lang, CancellationToken ct)
    {
        List<KeyValuePair<string, string>> parameters = [new("q", query), new("limit", limit.ToString(CultureInfo.InvariantCulture)), new("lang", lang)];
        if (kind is not null)
        {
            parameters.Add(new("kind", kind));
        }
        // A query the API cannot search (only punctuation, say) is a 400: for the user it found nothing.
        var results = await GetAsync<SearchResponse>(Url("search", parameters), ct, allowNotFound: true, allowBadRequest: true);
        return results?.Items ?? [];
    }

    public Task<UiStringsResponse?> GetUiStringsAsync(string lang, string ns, CancellationToken ct) =>
        GetAsync<UiStringsResponse>(Url("i18n/ui", [new("lang", lang), new("ns", ns)]), ct);

    public Task<EnumLabelsResponse?> GetEnumLabelsAsync(string lang, CancellationToken ct) =>
        GetAsync<EnumLabelsResponse>(Url("i18n/enums", [new("lang", lang)]), ct);

    public Task<UserDto?> GetUserAsync(long telegramId, CancellationToken ct) =>
        GetAsync<UserDto>(UserUrl(telegramId), ct, allowNotFound: true);

    // PUT creates the user or sets the language of a known one.
    public Task<UserDto?> RegisterUserAsync(long telegramId, string language, CancellationToken ct) =>
        SendAsync<UserDto>(HttpMethod.Put, UserUrl(telegramId), new UpsertUserRequest(language), ct);

    public Task<UserDto?> SetLanguageAsync(long telegramId, string language, CancellationToken ct) =>
        SendAsync<UserDto>(HttpMethod.Patch, UserUrl(telegramId), new PatchUserRequest(language), ct);

    private static string UserUrl(long telegramId) => "users/by-telegram/" + telegramId.ToString(CultureInfo.InvariantCulture);

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

    private async Task<T?> GetAsync<T>(string url, CancellationToken ct, bool allowNotFound = false, bool allowBadRequest = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendCoreAsync<T>(request, allowNotFound, ct, allowBadRequest);
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string url, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: ContractJson.Options) };
        return await SendCoreAsync<T>(request, allowNotFound: false, ct);
    }

    private async Task<T?> SendCoreAsync<T>(HttpRequestMessage request, bool allowNotFound, CancellationToken ct, bool allowBadRequest = false)
    {
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if ((allowNotFound && response.StatusCode == HttpStatusCode.NotFound) || (allowBadRequest && response.StatusCode == HttpStatusCode.BadRequest))
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
