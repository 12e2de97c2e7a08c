using System.Globalization;
using System.Linq.Expressions;
using DndHelper.Api.Caching;
using DndHelper.Api.Data;
using DndHelper.Api.I18n;
using DndHelper.Contracts.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Content;

// A feature's filter: the conditions of a query, and the same values as parts of a cache key.
public interface IContentFilter<TEntry>
{
    IQueryable<TEntry> Apply(IQueryable<TEntry> query);

    CacheKey AddTo(CacheKey key);
}

// A feature's query-string parameters: its filters and the response language.
public interface IFilterParameters
{
    string? Lang { get; }
}

// One entry with its name in the requested language, so that a page can sort on that name.
public sealed class Named<TEntry>
{
    public required TEntry Entry { get; init; }
    public required string Name { get; init; }
}

// The handlers of the list, random and detail endpoints as monsters and spells both have them: query
// validation, the response cache, paging and not-found problems. A feature maps them with its own
// routes and texts, and passes in what is its own: kind names an entry in problems and cache keys
// (monster → monster, monsters, monster-ids), orderBy sorts by the feature's key other than the name,
// summaries projects one sorted page, detail builds one full entry.
public sealed class ContentEndpoints<TEntry, TText, TParameters, TSummary, TDetail>(
    string kind,
    IReadOnlyList<string> sorts,
    Func<TParameters, QueryValues, IContentFilter<TEntry>> readFilter,
    Func<IQueryable<Named<TEntry>>, bool, IOrderedQueryable<Named<TEntry>>> orderBy,
    Func<IQueryable<Named<TEntry>>, LabelSet, CancellationToken, Task<IReadOnlyList<TSummary>>> summaries,
    Func<TEntry, TText?, TText?, LabelSet, TDetail> detail)
    where TEntry : class, IContentEntry<TEntry, TText>
    where TText : class, IContentText<TText>
    where TParameters : IFilterParameters
{
    // Names sort folded (lower case, ё as е) in code-point order: alphabetical in both languages.
    private static readonly Expression<Func<Named<TEntry>, string>> FoldedName = r => EF.Functions.Collate(DndDbContext.Fold(r.Name), "C");

    public async Task<Results<JsonBody<Page<TSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] TParameters parameters, string? sort, string? order, string? limit, string? offset,
        HttpContext context, ResponseCache cache, LabelCatalog labels, CancellationToken ct)
    {
        var values = new QueryValues();
        var language = values.Language(context, parameters.Lang);
        var filter = readFilter(parameters, values);
        var (sortBy, descending) = values.Sort(sort, order, sorts);
        var page = new PageRequest(language, sortBy, descending, values.Limit(limit), values.Offset(offset));
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var key = filter.AddTo(cache.Key(language, $"{kind}s")).Page(page.Sort, page.Descending, page.Limit, page.Offset);
        var body = await cache.GetOrCreateAsync(key, (endpoints: this, filter, page, labels), static async (db, s, token) =>
            CachedJson.From(await s.endpoints.LoadPageAsync(db, s.filter, s.page, await s.labels.GetAsync(s.page.Lang, token), token)), ct);
        return new JsonBody<Page<TSummary>>(body, language);
    }

    // The pick itself is never cached; the ids matching a filter set are, per filter set, not per language.
    public async Task<Results<JsonBody<TDetail>, ValidationProblem, ProblemHttpResult>> RandomAsync(
        [AsParameters] TParameters parameters, HttpContext context, ResponseCache cache, LabelCatalog labels, CancellationToken ct)
    {
        var values = new QueryValues();
        var language = values.Language(context, parameters.Lang);
        var filter = readFilter(parameters, values);
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var ids = await cache.GetOrCreateAsync(filter.AddTo(cache.Key("*", $"{kind}-ids")), filter, static async (db, filter, token) =>
            await filter.Apply(db.Set<TEntry>().AsNoTracking()).OrderBy(e => e.Id).Select(e => e.Id).ToArrayAsync(token), ct);
        var body = ids.Length == 0 ? CachedJson.None : await DetailAsync(cache, labels, language, ids[Random.Shared.Next(ids.Length)], null, ct);
        return body.IsNone ? ContentProblems.NotFound($"No {kind} matches these filters.") : new JsonBody<TDetail>(body, language);
    }

    public async Task<Results<JsonBody<TDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string idOrSlug, string? lang, HttpContext context, ResponseCache cache, LabelCatalog labels, CancellationToken ct)
    {
        var values = new QueryValues();
        var language = values.Language(context, lang);
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var body = TryParseIdOrSlug(idOrSlug, out var id, out var slug) ? await DetailAsync(cache, labels, language, id, slug, ct) : CachedJson.None;
        return body.IsNone ? ContentProblems.NotFound($"No {kind} has the id or slug '{idOrSlug}'.") : new JsonBody<TDetail>(body, language);
    }

    // The cached detail body of one entry in one language; CachedJson.None when there is no such entry.
    private ValueTask<CachedJson> DetailAsync(ResponseCache cache, LabelCatalog labels, string lang, int? id, string? slug, CancellationToken ct) =>
        cache.GetOrCreateAsync(cache.Key(lang, kind).Add("id", id).Add("slug", slug), (endpoints: this, lang, id, slug, labels), static (db, s, token) =>
            s.endpoints.LoadDetailAsync(db, s.lang, s.id, s.slug, s.labels, token), ct);

    private async Task<CachedJson> LoadDetailAsync(DndDbContext db, string lang, int? id, string? slug, LabelCatalog labels, CancellationToken ct)
    {
        var entries = db.Set<TEntry>().AsNoTracking();
        entries = id is { } number ? entries.Where(e => e.Id == number) : entries.Where(e => e.Slug == slug);
        var row = await entries
            .Select(e => new
            {
                Entry = e,
                English = e.Translations.FirstOrDefault(t => t.Lang == "en"),
                Local = e.Translations.FirstOrDefault(t => t.Lang == lang),
            })
            .SingleOrDefaultAsync(ct);
        return row is null ? CachedJson.None : CachedJson.From(detail(row.Entry, row.English, row.Local, await labels.GetAsync(lang, ct)));
    }

    private async Task<Page<TSummary>> LoadPageAsync(DndDbContext db, IContentFilter<TEntry> filter, PageRequest page, LabelSet labels, CancellationToken ct)
    {
        var lang = page.Lang;
        var filtered = filter.Apply(db.Set<TEntry>().AsNoTracking());
        var total = await filtered.CountAsync(ct);
        var named = filtered.Select(e => new Named<TEntry>
        {
            Entry = e,
            // The requested language, else English, else the slug.
            Name = e.Translations.Where(t => t.Lang == lang).Select(t => t.Name).FirstOrDefault()
                ?? e.Translations.Where(t => t.Lang == "en").Select(t => t.Name).FirstOrDefault()
                ?? e.Slug,
        });
        // Another sort key sorts first and leaves its ties to the name; the id settles the rest, so that pages never overlap.
        var ordered = (page.Sort, page.Descending) switch
        {
            ("name", false) => named.OrderBy(FoldedName),
            ("name", true) => named.OrderByDescending(FoldedName),
            _ => orderBy(named, page.Descending).ThenBy(FoldedName),
        };
        var items = await summaries(ordered.ThenBy(r => r.Entry.Id).Skip(page.Offset).Take(page.Limit), labels, ct);
        return new Page<TSummary>(items, total, page.Limit, page.Offset);
    }

    // "123" is an id, anything else a slug; a slug that cannot exist is simply not found.
    private static bool TryParseIdOrSlug(string idOrSlug, out int? id, out string? slug)
    {
        id = null;
        slug = null;
        if (int.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            id = number;
            return true;
        }
        var lower = idOrSlug.ToLowerInvariant();
        if (lower.Length is > 0 and <= 100 && lower.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            slug = lower;
            return true;
        }
        return false;
    }
}
