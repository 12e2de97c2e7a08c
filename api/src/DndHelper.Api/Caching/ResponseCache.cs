using System.Text;
using DndHelper.Api.Data;
using Microsoft.Extensions.Caching.Hybrid;

namespace DndHelper.Api.Caching;

// Serialized responses in the two-level cache. Keys start with the content version and the
// language: {version}:{lang}:{endpoint}:{normalised filters}:{sort}:{limit}:{offset}.
// A factory gets a DbContext of its own: concurrent requests for one key share one factory run,
// which may outlive the request that started it.
public sealed class ResponseCache(HybridCache cache, ContentVersion version, IServiceScopeFactory scopes)
{
    public CacheKey Key(string lang, string endpoint) => new(version.Current, lang, endpoint);

    public ValueTask<T> GetOrCreateAsync<TState, T>(
        CacheKey key, TState state, Func<DndDbContext, TState, CancellationToken, Task<T>> factory, CancellationToken ct) =>
        cache.GetOrCreateAsync(key.ToString(), (scopes, state, factory), static async (s, token) =>
        {
            await using var scope = s.scopes.CreateAsyncScope();
            return await s.factory(scope.ServiceProvider.GetRequiredService<DndDbContext>(), s.state, token);
        }, cancellationToken: ct);
}

// Builds one key; every part is appended in a fixed order, so equal requests make equal keys.
// The endpoint carries the build too: Redis outlives a deployment, and a new build may shape its
// responses differently.
public sealed class CacheKey
{
    private static readonly string Build = typeof(CacheKey).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    private readonly StringBuilder text = new(96);

    public CacheKey(string version, string lang, string endpoint) =>
        text.Append(version).Append(':').Append(lang).Append(':').Append(endpoint).Append('@').Append(Build);

    public CacheKey Add(string name, string? value)
    {
        if (value is not null)
        {
            text.Append(':').Append(name).Append('=').Append(value);
        }
        return this;
    }

    public CacheKey Add(string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            text.Append(':').Append(name).Append('=').AppendJoin(',', values);
        }
        return this;
    }

    public CacheKey Add(string name, IReadOnlyList<int> values)
    {
        if (values.Count > 0)
        {
            text.Append(':').Append(name).Append('=').AppendJoin(',', values);
        }
        return this;
    }

    public CacheKey Add(string name, int? value) => Add(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public CacheKey Add(string name, bool? value) => Add(name, value switch { true => "1", false => "0", null => null });

    public CacheKey Page(string sort, bool descending, int limit, int offset)
    {
        text.Append(':').Append(sort).Append(descending ? "-desc" : "-asc").Append(':').Append(limit).Append(':').Append(offset);
        return this;
    }

    public override string ToString() => text.ToString();
}
