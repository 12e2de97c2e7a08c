using DndHelper.Api.Caching;
using DndHelper.Api.Content;
using DndHelper.Api.Data;
using DndHelper.Contracts.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Search;

public static class SearchApi
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 100;

    public static readonly string[] Kinds = [ContentKinds.Monster, ContentKinds.Spell];
    public static readonly string[] Scopes = ["name", "name_description"];

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/search").WithTags("Search").RequireRateLimiting(ApiServices.PublicRateLimit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", SearchAsync)
            .WithName("Search")
            .WithSummary("Monsters and spells by name in English and Russian at once, typos included; best first.");
        return app;
    }

    private static async Task<Results<JsonBody<SearchResponse>, ValidationProblem>> SearchAsync(
        string? q, string? kind, string? scope, string? limit, string? lang, HttpContext context, ResponseCache cache, CancellationToken ct)
    {
        var values = new QueryValues();
        var language = values.Language(context, lang);
        var query = SearchRanking.Normalize(q ?? "");
        if (query.Length == 0 || query.Length > MaxQueryLength || query.Any(char.IsControl))
        {
            values.Fail("q", $"q must be a text of 1 to {MaxQueryLength} characters without control characters.");
        }
        var request = new SearchRequest(
            query,
            language,
            values.Code("kind", kind, Kinds),
            (values.Code("scope", scope, Scopes) ?? "name") == "name_description",
            values.Limit(limit, DefaultLimit, MaxLimit));
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var key = cache.Key(language, "search")
            .Add("kind", request.Kind)
            .Add("descriptions", request.Descriptions)
            .Add("limit", request.Limit)
            .Add("q", request.Query);
        var body = await cache.GetOrCreateAsync(key, request, static async (db, request, token) =>
            CachedJson.From(new SearchResponse(request.Query, await FindAsync(db, request, token))), ct);
        return new JsonBody<SearchResponse>(body, language);
    }

    private sealed record SearchRequest(string Query, string Lang, string? Kind, bool Descriptions, int Limit);

    // One query over the names of both kinds in every language. dnd_fold() on both sides of every
    // comparison lets the _gin indexes answer %, <% and LIKE. At a few hundred rows per table the planner
    // would rather scan, misjudging the trigram operators as cheap (a scan costs ~30 times the index), so
    // scans are off for this one transaction; and with them the JIT, which their made-up cost would
    // otherwise wake for half a second.
    private static async Task<IReadOnlyList<SearchHit>> FindAsync(DndDbContext db, SearchRequest r, CancellationToken ct)
    {
        var monsters = r.Kind is null or ContentKinds.Monster;
        var spells = r.Kind is null or ContentKinds.Spell;
        var other = r.Lang == "en" ? "ru" : "en";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            SET LOCAL enable_seqscan = off; SET LOCAL jit = off;
            WITH input AS MATERIALIZED (
                -- Materialized, so that the planner does not estimate every trigram operator against the
                -- column statistics (a few milliseconds of planning); the indexes serve it all the same.
                SELECT dnd_fold({r.Query}) AS q, dnd_fold({LikePrefix(r.Query)}) AS prefix
            ),
            close AS (
                SELECT 'monster' AS kind, t.monster_id AS id, t.name, t.description
                FROM input i JOIN monster_translations t
                    ON dnd_fold(t.name) % i.q OR i.q <% dnd_fold(t.name) OR dnd_fold(t.name) LIKE i.prefix
                    OR ({r.Descriptions} AND i.q <% dnd_fold(t.description))
                WHERE {monsters}
                UNION ALL
                SELECT 'spell', t.spell_id, t.name, t.description
                FROM input i JOIN spell_translations t
                    ON dnd_fold(t.name) % i.q OR i.q <% dnd_fold(t.name) OR dnd_fold(t.name) LIKE i.prefix
                    OR ({r.Descriptions} AND i.q <% dnd_fold(t.description))
                WHERE {spells}
            ),
            candidates AS (
                SELECT * FROM close
                UNION ALL
                -- Nothing close enough for the indexes (two letters swapped, say): a looser look over the short names.
                SELECT 'monster', t.monster_id, t.name, t.description
                FROM input i JOIN monster_translations t ON similarity(dnd_fold(t.name), i.q) >= {LooseSimilarity}
                WHERE {monsters} AND NOT EXISTS (SELECT 1 FROM close)
                UNION ALL
                SELECT 'spell', t.spell_id, t.name, t.description
                FROM input i JOIN spell_translations t ON similarity(dnd_fold(t.name), i.q) >= {LooseSimilarity}
                WHERE {spells} AND NOT EXISTS (SELECT 1 FROM close)
            ),
            scored AS (
                SELECT c.kind, c.id, t.tier, similarity(dnd_fold(c.name), i.q) AS whole,
                    -- A matching word counts for similar names ("dragon" in Adult Red Dragon), not within exact and prefix hits.
                    CASE WHEN t.tier >= 2 THEN similarity(dnd_fold(c.name), i.q)
                         WHEN t.tier = 1 THEN greatest(similarity(dnd_fold(c.name), i.q), word_similarity(i.q, dnd_fold(c.name)))
                         ELSE word_similarity(i.q, dnd_fold(c.description)) END AS similarity
                FROM candidates c
                CROSS JOIN input i
                CROSS JOIN LATERAL (
                    SELECT CASE WHEN dnd_fold(c.name) = i.q THEN 3
                                WHEN dnd_fold(c.name) LIKE i.prefix THEN 2
                                WHEN dnd_fold(c.name) % i.q OR i.q <% dnd_fold(c.name) OR similarity(dnd_fold(c.name), i.q) >= {LooseSimilarity} THEN 1
                                ELSE 0 END AS tier) t
            ),
            hits AS (
                -- An entry matches through its best name in any language.
                SELECT DISTINCT ON (kind, id) kind, id, tier, similarity::float8 AS similarity, whole
                FROM scored
                ORDER BY kind, id, tier DESC, similarity DESC, whole DESC
            )
            SELECT h.kind, h.id, e.slug, coalesce(e.local_name, e.english_name, e.slug) AS name, e.other_name, h.tier, h.similarity
            FROM hits h
            CROSS JOIN LATERAL (
                SELECT m.slug,
                    (SELECT name FROM monster_translations WHERE monster_id = m.id AND lang = {r.Lang}) AS local_name,
                    (SELECT name FROM monster_translations WHERE monster_id = m.id AND lang = 'en') AS english_name,
                    (SELECT name FROM monster_translations WHERE monster_id = m.id AND lang = {other}) AS other_name
                FROM monsters m WHERE h.kind = 'monster' AND m.id = h.id
                UNION ALL
                SELECT s.slug,
                    (SELECT name FROM spell_translations WHERE spell_id = s.id AND lang = {r.Lang}),
                    (SELECT name FROM spell_translations WHERE spell_id = s.id AND lang = 'en'),
                    (SELECT name FROM spell_translations WHERE spell_id = s.id AND lang = {other})
                FROM spells s WHERE h.kind = 'spell' AND s.id = h.id
            ) e
            ORDER BY h.tier DESC, h.similarity DESC, h.whole DESC, dnd_fold(coalesce(e.local_name, e.english_name, e.slug)) COLLATE "C", h.kind, h.id
            LIMIT {r.Limit}
            """).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return [.. rows.Select(h => new SearchHit(
            h.Kind, h.Id, h.Slug, h.Name, h.OtherName == h.Name ? null : h.OtherName,
            SearchRanking.Match(h.Tier), SearchRanking.Score(h.Tier, h.Similarity)))];
    }

    // Column names follow the model's snake_case convention.
    // Below the trigram operators' threshold (0.3), still a likely typo of a short name.
    private const double LooseSimilarity = 0.2;

    // The query as a LIKE prefix in which its own % and _ match only themselves.
    private static string LikePrefix(string query) =>
        query.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private sealed class SearchRow
    {
        public required string Kind { get; init; }
        public int Id { get; init; }
        public required string Slug { get; init; }
        public required string Name { get; init; }
        public string? OtherName { get; init; }
        public int Tier { get; init; }
        public double Similarity { get; init; }
    }
}
