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
        if (query.Length == 0 || query.Length > MaxQueryLength)
        {
            values.Fail("q", $"q must be a text of 1 to {MaxQueryLength} characters.");
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
        return new JsonBody<SearchResponse>(body);
    }

    private sealed record SearchRequest(string Query, string Lang, string? Kind, bool Descriptions, int Limit);

    // One query over the names of both kinds in every language. dnd_fold() on both sides of every
    // comparison lets the _gin indexes answer %, <% and LIKE.
    private static async Task<IReadOnlyList<SearchHit>> FindAsync(DndDbContext db, SearchRequest r, CancellationToken ct)
    {
        var monsters = r.Kind is null or ContentKinds.Monster;
        var spells = r.Kind is null or ContentKinds.Spell;
        var other = r.Lang == "en" ? "ru" : "en";
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            WITH names AS (
                SELECT 'monster' AS kind, monster_id AS id, name, description FROM monster_translations WHERE {monsters}
                UNION ALL
                SELECT 'spell', spell_id, name, description FROM spell_translations WHERE {spells}
            ),
            close AS (
                SELECT n.kind, n.id, n.name, n.description
                FROM names n
                WHERE dnd_fold(n.name) % dnd_fold({r.Query})
                   OR dnd_fold({r.Query}) <% dnd_fold(n.name)
                   OR dnd_fold(n.name) LIKE dnd_fold({LikePrefix(r.Query)})
                   OR ({r.Descriptions} AND dnd_fold({r.Query}) <% dnd_fold(n.description))
            ),
            candidates AS (
                SELECT * FROM close
                UNION ALL
                -- Nothing close enough for the indexes (two letters swapped, say): a looser look, unindexed,
                -- over a few hundred short names.
                SELECT n.kind, n.id, n.name, n.description
                FROM names n
                WHERE NOT EXISTS (SELECT 1 FROM close) AND similarity(dnd_fold(n.name), dnd_fold({r.Query})) >= {LooseSimilarity}
            ),
            scored AS (
                SELECT c.kind, c.id, t.tier, similarity(dnd_fold(c.name), dnd_fold({r.Query})) AS whole,
                    -- A matching word counts for similar names ("dragon" in Adult Red Dragon), not within exact and prefix hits.
                    CASE WHEN t.tier >= 1 THEN greatest(similarity(dnd_fold(c.name), dnd_fold({r.Query})),
                                                        CASE WHEN t.tier = 1 THEN word_similarity(dnd_fold({r.Query}), dnd_fold(c.name)) ELSE 0 END)
                         ELSE word_similarity(dnd_fold({r.Query}), dnd_fold(c.description)) END AS similarity
                FROM candidates c
                CROSS JOIN LATERAL (
                    SELECT CASE WHEN dnd_fold(c.name) = dnd_fold({r.Query}) THEN 3
                                WHEN dnd_fold(c.name) LIKE dnd_fold({LikePrefix(r.Query)}) THEN 2
                                WHEN dnd_fold(c.name) % dnd_fold({r.Query}) OR dnd_fold({r.Query}) <% dnd_fold(c.name)
                                     OR similarity(dnd_fold(c.name), dnd_fold({r.Query})) >= {LooseSimilarity} THEN 1
                                ELSE 0 END AS tier) t
            ),
            hits AS (
                -- An entry matches through its best name in any language.
                SELECT DISTINCT ON (kind, id) kind, id, tier, similarity::float8 AS similarity, whole
                FROM scored
                ORDER BY kind, id, tier DESC, similarity DESC, whole DESC
            ),
            named AS (
                SELECT h.kind, h.id, h.tier, h.similarity, h.whole,
                    coalesce(m.slug, s.slug) AS slug,
                    coalesce(ml.name, sl.name, me.name, se.name, m.slug, s.slug) AS name,
                    coalesce(mo.name, so.name) AS other_name
                FROM hits h
                LEFT JOIN monsters m ON h.kind = 'monster' AND m.id = h.id
                LEFT JOIN monster_translations ml ON h.kind = 'monster' AND ml.monster_id = h.id AND ml.lang = {r.Lang}
                LEFT JOIN monster_translations me ON h.kind = 'monster' AND me.monster_id = h.id AND me.lang = 'en'
                LEFT JOIN monster_translations mo ON h.kind = 'monster' AND mo.monster_id = h.id AND mo.lang = {other}
                LEFT JOIN spells s ON h.kind = 'spell' AND s.id = h.id
                LEFT JOIN spell_translations sl ON h.kind = 'spell' AND sl.spell_id = h.id AND sl.lang = {r.Lang}
                LEFT JOIN spell_translations se ON h.kind = 'spell' AND se.spell_id = h.id AND se.lang = 'en'
                LEFT JOIN spell_translations so ON h.kind = 'spell' AND so.spell_id = h.id AND so.lang = {other}
            )
            SELECT kind, id, slug, name, other_name, tier, similarity
            FROM named
            ORDER BY tier DESC, similarity DESC, whole DESC, dnd_fold(name) COLLATE "C", kind, id
            LIMIT {r.Limit}
            """).ToListAsync(ct);
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
