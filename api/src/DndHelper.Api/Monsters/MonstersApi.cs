using DndHelper.Api.Caching;
using DndHelper.Api.Content;
using DndHelper.Api.Data;
using DndHelper.Api.I18n;
using DndHelper.Contracts.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Monsters;

public static class MonstersApi
{
    public static readonly string[] Sorts = ["name", "cr"];

    public static IEndpointRouteBuilder MapMonstersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/monsters").WithTags("Monsters").RequireRateLimiting(ApiServices.PublicRateLimit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", ListAsync)
            .WithName("ListMonsters")
            .WithSummary("Monsters matching the filters, one page at a time, with the total count.");
        group.MapGet("/random", RandomAsync)
            .WithName("RandomMonster")
            .WithSummary("One random monster matching the filters; 404 when none does.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{idOrSlug}", GetAsync)
            .WithName("GetMonster")
            .WithSummary("The full stat block of one monster, by id or slug, with the labels of its codes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<JsonBody<Page<MonsterSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] MonsterFilterParameters parameters, string? sort, string? order, string? limit, string? offset,
        HttpContext context, ResponseCache cache, LabelCatalog labels, CancellationToken ct)
    {
        var values = new QueryValues();
        var lang = values.Language(context, parameters.Lang);
        var filter = MonsterFilter.Read(parameters, values);
        var (sortBy, descending) = values.Sort(sort, order, Sorts);
        var page = new PageRequest(lang, sortBy, descending, values.Limit(limit), values.Offset(offset));
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var key = filter.AddTo(cache.Key(lang, "monsters")).Page(page.Sort, page.Descending, page.Limit, page.Offset);
        var body = await cache.GetOrCreateAsync(key, (filter, page, labels), static async (db, s, token) =>
            CachedJson.From(await LoadPageAsync(db, s.filter, s.page, await s.labels.GetAsync(s.page.Lang, token), token)), ct);
        return new JsonBody<Page<MonsterSummary>>(body);
    }

    private static async Task<Results<JsonBody<MonsterDetail>, ValidationProblem, ProblemHttpResult>> RandomAsync(
        [AsParameters] MonsterFilterParameters parameters, HttpContext context, ResponseCache cache, LabelCatalog labels, CancellationToken ct)
    {
        var values = new QueryValues();
        var lang = values.Language(context, parameters.Lang);
        var filter = MonsterFilter.Read(parameters, values);
        if (values.HasErrors)
        {
            return values.Problem();
        }
        // The matching ids are cached per filter set (not per language); the pick itself never is.
        var ids = await cache.GetOrCreateAsync(filter.AddTo(cache.Key("*", "monster-ids")), filter, static async (db, filter, token) =>
            await filter.Apply(db.Monsters.AsNoTracking()).OrderBy(m => m.Id).Select(m => m.Id).ToArrayAsync(token), ct);
        if (ids.Length == 0)
        {
            return ContentProblems.NotFound("No monster matches these filters.");
        }
        var id = ids[Random.Shared.Next(ids.Length)];
        var body = await DetailAsync(cache, labels, lang, id, null, ct);
        return body.IsNone ? ContentProblems.NotFound("No monster matches these filters.") : new JsonBody<MonsterDetail>(body);
    }

    private static async Task<Results<JsonBody<MonsterDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string idOrSlug, string? lang, HttpContext context, ResponseCache cache, LabelCatalog labels, CancellationToken ct)
    {
        var values = new QueryValues();
        var language = values.Language(context, lang);
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var body = ContentProblems.TryParseIdOrSlug(idOrSlug, out var id, out var slug)
            ? await DetailAsync(cache, labels, language, id, slug, ct)
            : CachedJson.None;
        return body.IsNone ? ContentProblems.NotFound($"No monster has the id or slug '{idOrSlug}'.") : new JsonBody<MonsterDetail>(body);
    }

    private static ValueTask<CachedJson> DetailAsync(ResponseCache cache, LabelCatalog labels, string lang, int? id, string? slug, CancellationToken ct) =>
        cache.GetOrCreateAsync(cache.Key(lang, "monster").Add("id", id).Add("slug", slug), (lang, id, slug, labels), static async (db, s, token) =>
        {
            var monsters = db.Monsters.AsNoTracking();
            monsters = s.id is { } id ? monsters.Where(m => m.Id == id) : monsters.Where(m => m.Slug == s.slug);
            var row = await monsters
                .Select(m => new
                {
                    Monster = m,
                    English = m.Translations.FirstOrDefault(t => t.Lang == "en"),
                    Local = m.Translations.FirstOrDefault(t => t.Lang == s.lang),
                })
                .SingleOrDefaultAsync(token);
            return row is null
                ? CachedJson.None
                : CachedJson.From(MonsterDetails.Create(row.Monster, row.English, row.Local, await s.labels.GetAsync(s.lang, token)));
        }, ct);

    private static async Task<Page<MonsterSummary>> LoadPageAsync(DndDbContext db, MonsterFilter filter, PageRequest page, LabelSet labels, CancellationToken ct)
    {
        var lang = page.Lang;
        var filtered = filter.Apply(db.Monsters.AsNoTracking());
        var total = await filtered.CountAsync(ct);
        var rows = filtered.Select(m => new SummaryRow
        {
            Id = m.Id,
            Slug = m.Slug,
            // Field by field: the requested language, else English, else the slug.
            Name = m.Translations.Where(t => t.Lang == lang).Select(t => t.Name).FirstOrDefault()
                ?? m.Translations.Where(t => t.Lang == "en").Select(t => t.Name).FirstOrDefault()
                ?? m.Slug,
            Size = m.Size,
            Type = m.Type,
            Subtype = m.Subtype,
            Alignment = m.Alignment,
            Cr = m.ChallengeRating,
            CrDisplay = m.ChallengeRatingText,
            Xp = m.Xp,
            ArmorClass = m.ArmorClass,
            HitPoints = m.HitPoints,
            Legendary = m.IsLegendary,
        });
        // Names sort folded (lower case, ё as е) in code-point order: alphabetical in both languages.
        var ordered = (page.Sort, page.Descending) switch
        {
            ("cr", false) => rows.OrderBy(r => r.Cr).ThenBy(r => EF.Functions.Collate(DndDbContext.Fold(r.Name), "C")),
            ("cr", true) => rows.OrderByDescending(r => r.Cr).ThenBy(r => EF.Functions.Collate(DndDbContext.Fold(r.Name), "C")),
            (_, false) => rows.OrderBy(r => EF.Functions.Collate(DndDbContext.Fold(r.Name), "C")),
            (_, true) => rows.OrderByDescending(r => EF.Functions.Collate(DndDbContext.Fold(r.Name), "C")),
        };
        var items = await ordered.ThenBy(r => r.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Page<MonsterSummary>(
            [.. items.Select(r => new MonsterSummary(
                r.Id, r.Slug, r.Name, r.Size, labels.Label(LabelFamilies.Size, r.Size), r.Type, labels.Label(LabelFamilies.MonsterType, r.Type),
                r.Subtype, r.Alignment, ChallengeRating.Normal(r.Cr), r.CrDisplay, r.Xp, r.ArmorClass, r.HitPoints, r.Legendary))],
            total, page.Limit, page.Offset);
    }

    // Member-initialised, so that EF can sort on the projected name.
    private sealed class SummaryRow
    {
        public int Id { get; init; }
        public required string Slug { get; init; }
        public required string Name { get; init; }
        public required string Size { get; init; }
        public required string Type { get; init; }
        public string? Subtype { get; init; }
        public required string Alignment { get; init; }
        public decimal Cr { get; init; }
        public required string CrDisplay { get; init; }
        public int Xp { get; init; }
        public int ArmorClass { get; init; }
        public int HitPoints { get; init; }
        public bool Legendary { get; init; }
    }
}
