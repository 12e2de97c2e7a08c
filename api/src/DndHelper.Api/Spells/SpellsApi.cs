using DndHelper.Api.Content;
using DndHelper.Api.I18n;
using DndHelper.Contracts.Content;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Spells;

public static class SpellsApi
{
    public static readonly string[] Sorts = ["name", "level"];

    private static readonly ContentEndpoints<Spell, SpellTranslation, SpellFilterParameters, SpellSummary, SpellDetail> Endpoints =
        new("spell", Sorts, SpellFilter.Read, OrderByLevel, SummariesAsync, SpellDetails.Create);

    public static IEndpointRouteBuilder MapSpellsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/spells").WithTags("Spells").RequireRateLimiting(ApiServices.PublicRateLimit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", Endpoints.ListAsync)
            .WithName("ListSpells")
            .WithSummary("Spells matching the filters, one page at a time, with the total count.");
        group.MapGet("/random", Endpoints.RandomAsync)
            .WithName("RandomSpell")
            .WithSummary("One random spell matching the filters; 404 when none does.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{idOrSlug}", Endpoints.GetAsync)
            .WithName("GetSpell")
            .WithSummary("One spell in full, by id or slug, with the labels of its codes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IOrderedQueryable<Named<Spell>> OrderByLevel(IQueryable<Named<Spell>> spells, bool descending) =>
        descending ? spells.OrderByDescending(s => s.Entry.Level) : spells.OrderBy(s => s.Entry.Level);

    private static async Task<IReadOnlyList<SpellSummary>> SummariesAsync(IQueryable<Named<Spell>> spells, LabelSet labels, CancellationToken ct)
    {
        var rows = await spells
            .Select(s => new
            {
                s.Entry.Id, s.Entry.Slug, s.Name, s.Entry.Level, s.Entry.School, s.Entry.CastingTimeKind,
                s.Entry.Verbal, s.Entry.Somatic, s.Entry.Material, s.Entry.Ritual, s.Entry.Concentration, s.Entry.Classes,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new SpellSummary(
            r.Id, r.Slug, r.Name, r.Level, labels.Label(LabelFamilies.SpellLevel, SpellDetails.Level(r.Level)),
            r.School, labels.Label(LabelFamilies.School, r.School), r.CastingTimeKind,
            SpellDetails.Components(r.Verbal, r.Somatic, r.Material), r.Ritual, r.Concentration, r.Classes))];
    }
}
