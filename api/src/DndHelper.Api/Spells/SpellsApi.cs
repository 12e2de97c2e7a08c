using DndHelper.Api.Caching;
using DndHelper.Api.Content;
using DndHelper.Api.Data;
using DndHelper.Api.I18n;
using DndHelper.Contracts.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Spells;

public static class SpellsApi
{
    public static readonly string[] Sorts = ["name", "level"];

    public static IEndpointRouteBuilder MapSpellsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/spells").WithTags("Spells").RequireRateLimiting(ApiServices.PublicRateLimit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", ListAsync)
            .WithName("ListSpells")
            .WithSummary("Spells matching the filters, one page at a time, with the total count.");
        group.MapGet("/random", RandomAsync)
            .WithName("RandomSpell")
            .WithSummary("One random spell matching the filters; 404 when none does.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{idOrSlug}", GetAsync)
            .WithName("GetSpell")
            .WithSummary("One spell in full, by id or slug, with the labels of its codes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<JsonBody<Page<SpellSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] SpellFilterParameters parameters, string? sort, string? order, string? limit, string? offset,
        HttpContext context, ResponseCache cache, LabelCatalog labels, CancellationToken ct)
    {
        var values = new QueryValues();
        var lang = values.Language(context, parameters.Lang);
        var filter = SpellFilter.Read(parameters, values);
        var (sortBy, descending) = values.Sort(sort, order, Sorts);
        var page = new PageRequest(lang, sortBy, descending, values.Limit(limit), values.Offset(offset));
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var key = filter.AddTo(cache.Key(lang, "spells")).Page(page.Sort, page.Descending, page.Limit, page.Offset);
        var body = await cache.GetOrCreateAsync(key, (filter, page, labels), static async (db, s, token) =>
            CachedJson.From(await LoadPageAsync(db, s.filter, s.page, await s.labels.GetAsync(s.page.Lang, token), token)), ct);
        return new JsonBody<Page<SpellSummary>>(body);
    }

    private static async Task<Results<JsonBody<SpellDetail>, ValidationProblem, ProblemHttpResult>> RandomAsync(
        [AsParameters] SpellFilterParameters parameters, HttpContext context, ResponseCache cache, LabelCatalog labels, CancellationToken ct)
    {
        var values = new QueryValues();
        var lang = values.Language(context, parameters.Lang);
        var filter = SpellFilter.Read(parameters, values);
        if (values.HasErrors)
        {
            return values.Problem();
        }
        // The matching ids are cached per filter set (not per language); the pick itself never is.
        var ids = await cache.GetOrCreateAsync(filter.AddTo(cache.Key("*", "spell-ids")), filter, static async (db, filter, token) =>
            await filter.Apply(db.Spells.AsNoTracking()).OrderBy(s => s.Id).Select(s => s.Id).ToArrayAsync(token), ct);
        if (ids.Length == 0)
        {
            return ContentProblems.NotFound("No spell matches these filters.");
        }
        var body = await DetailAsync(cache, labels, lang, ids[Random.Shared.Next(ids.Length)], null, ct);
        return body.IsNone ? ContentProblems.NotFound("No spell matches these filters.") : new JsonBody<SpellDetail>(body);
    }

    private static async Task<Results<JsonBody<SpellDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(
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
        return body.IsNone ? ContentProblems.NotFound($"No spell has the id or slug '{idOrSlug}'.") : new JsonBody<SpellDetail>(body);
    }

    private static ValueTask<CachedJson> DetailAsync(ResponseCache cache, LabelCatalog labels, string lang, int? id, string? slug, CancellationToken ct) =>
        cache.GetOrCreateAsync(cache.Key(lang, "spell").Add("id", id).Add("slug", slug), (lang, id, slug, labels), static async (db, s, token) =>
        {
            var spells = db.Spells.AsNoTracking();
            spells = s.id is { } id ? spells.Where(x => x.Id == id) : spells.Where(x => x.Slug == s.slug);
            var row = await spells
                .Select(x => new
                {
                    Spell = x,
                    English = x.Translations.FirstOrDefault(t => t.Lang == "en"),
                    Local = x.Translations.FirstOrDefault(t => t.Lang == s.lang),
                })
                .SingleOrDefaultAsync(token);
            return row is null
                ? CachedJson.None
                : CachedJson.From(SpellDetails.Create(row.Spell, row.English, row.Local, await s.labels.GetAsync(s.lang, token)));
        }, ct);

    private static async Task<Page<SpellSummary>> LoadPageAsync(DndDbContext db, SpellFilter filter, PageRequest page, LabelSet labels, CancellationToken ct)
    {
        var lang = page.Lang;
        var filtered = filter.Apply(db.Spells.AsNoTracking());
        var total = await filtered.CountAsync(ct);
        var rows = filtered.Select(s => new SummaryRow
        {
            Id = s.Id,
            Slug = s.Slug,
            // Field by field: the requested language, else English, else the slug.
            Name = s.Translations.Where(t => t.Lang == lang).Select(t => t.Name).FirstOrDefault()
                ?? s.Translations.Where(t => t.Lang == "en").Select(t => t.Name).FirstOrDefault()
                ?? s.Slug,
            Level = s.Level,
            School = s.School,
            CastingTime = s.CastingTimeKind,
            Verbal = s.Verbal,
            Somatic = s.Somatic,
            Material = s.Material,
            Ritual = s.Ritual,
            Concentration = s.Concentration,
            Classes = s.Classes,
        });
        // Names sort folded (lower case, ё as е) in code-point order: alphabetical in both languages.
        var ordered = (page.Sort, page.Descending) switch
        {
            ("level", false) => rows.OrderBy(r => r.Level).ThenBy(r => EF.Functions.Collate(DndDbContext.Fold(r.Name), "C")),
            ("level", true) => rows.OrderByDescending(r => r.Level).ThenBy(r => EF.Functions.Collate(DndDbContext.Fold(r.Name), "C")),
            (_, false) => rows.OrderBy(r => EF.Functions.Collate(DndDbContext.Fold(r.Name), "C")),
            (_, true) => rows.OrderByDescending(r => EF.Functions.Collate(DndDbContext.Fold(r.Name), "C")),
        };
        var items = await ordered.ThenBy(r => r.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Page<SpellSummary>(
            [.. items.Select(r => new SpellSummary(
                r.Id, r.Slug, r.Name, r.Level, labels.Label(LabelFamilies.SpellLevel, SpellDetails.Level(r.Level)),
                r.School, labels.Label(LabelFamilies.School, r.School), r.CastingTime,
                SpellDetails.Components(r.Verbal, r.Somatic, r.Material), r.Ritual, r.Concentration, r.Classes))],
            total, page.Limit, page.Offset);
    }

    // Member-initialised, so that EF can sort on the projected name.
    private sealed class SummaryRow
    {
        public int Id { get; init; }
        public required string Slug { get; init; }
        public required string Name { get; init; }
        public int Level { get; init; }
        public required string School { get; init; }
        public required string CastingTime { get; init; }
        public bool Verbal { get; init; }
        public bool Somatic { get; init; }
        public bool Material { get; init; }
        public bool Ritual { get; init; }
        public bool Concentration { get; init; }
        public required List<string> Classes { get; init; }
    }
}
