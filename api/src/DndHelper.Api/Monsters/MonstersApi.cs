using DndHelper.Api.Content;
using DndHelper.Api.I18n;
using DndHelper.Contracts.Content;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Monsters;

public static class MonstersApi
{
    public static readonly string[] Sorts = ["name", "cr"];

    private static readonly ContentEndpoints<Monster, MonsterTranslation, MonsterFilterParameters, MonsterSummary, MonsterDetail> Endpoints =
        new("monster", Sorts, MonsterFilter.Read, OrderByChallengeRating, SummariesAsync, MonsterDetails.Create);

    public static IEndpointRouteBuilder MapMonstersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/monsters").WithTags("Monsters").RequireRateLimiting(ApiServices.PublicRateLimit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", Endpoints.ListAsync)
            .WithName("ListMonsters")
            .WithSummary("Monsters matching the filters, one page at a time, with the total count.");
        group.MapGet("/random", Endpoints.RandomAsync)
            .WithName("RandomMonster")
            .WithSummary("One random monster matching the filters; 404 when none does.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{idOrSlug}", Endpoints.GetAsync)
            .WithName("GetMonster")
            .WithSummary("The full stat block of one monster, by id or slug, with the labels of its codes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IOrderedQueryable<Named<Monster>> OrderByChallengeRating(IQueryable<Named<Monster>> monsters, bool descending) =>
        descending ? monsters.OrderByDescending(m => m.Entry.ChallengeRating) : monsters.OrderBy(m => m.Entry.ChallengeRating);

    private static async Task<IReadOnlyList<MonsterSummary>> SummariesAsync(IQueryable<Named<Monster>> monsters, LabelSet labels, CancellationToken ct)
    {
        var rows = await monsters
            .Select(m => new
            {
                m.Entry.Id, m.Entry.Slug, m.Name, m.Entry.Size, m.Entry.Type, m.Entry.Subtype, m.Entry.Alignment, m.Entry.ChallengeRating,
                m.Entry.ChallengeRatingText, m.Entry.Xp, m.Entry.ArmorClass, m.Entry.HitPoints, m.Entry.IsLegendary,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new MonsterSummary(
            r.Id, r.Slug, r.Name, r.Size, labels.Label(LabelFamilies.Size, r.Size), r.Type, labels.Label(LabelFamilies.MonsterType, r.Type),
            r.Subtype, r.Alignment, ChallengeRating.Normal(r.ChallengeRating), r.ChallengeRatingText, r.Xp, r.ArmorClass, r.HitPoints, r.IsLegendary))];
    }
}
