using System.Globalization;
using DndHelper.Api.Caching;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DndHelper.Api.Content;

// What monsters and spells share: one entry by id or slug, and one random entry of a filter's matches.
public static class EntryResults
{
    // The cached detail body of one entry in one language; CachedJson.None when there is no such entry.
    public delegate ValueTask<CachedJson> DetailLoader(string lang, int? id, string? slug, CancellationToken ct);

    public static async Task<Results<JsonBody<T>, ValidationProblem, ProblemHttpResult>> ByIdOrSlugAsync<T>(
        string kind, string idOrSlug, string? lang, HttpContext context, DetailLoader detail, CancellationToken ct)
    {
        var values = new QueryValues();
        var language = values.Language(context, lang);
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var body = TryParseIdOrSlug(idOrSlug, out var id, out var slug) ? await detail(language, id, slug, ct) : CachedJson.None;
        return body.IsNone ? ContentProblems.NotFound($"No {kind} has the id or slug '{idOrSlug}'.") : new JsonBody<T>(body, language);
    }

    // The pick itself is never cached (the ids matching a filter set may be).
    public static async Task<Results<JsonBody<T>, ValidationProblem, ProblemHttpResult>> RandomAsync<T>(
        string kind, string lang, int[] ids, DetailLoader detail, CancellationToken ct)
    {
        var body = ids.Length == 0 ? CachedJson.None : await detail(lang, ids[Random.Shared.Next(ids.Length)], null, ct);
        return body.IsNone ? ContentProblems.NotFound($"No {kind} matches these filters.") : new JsonBody<T>(body, lang);
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
