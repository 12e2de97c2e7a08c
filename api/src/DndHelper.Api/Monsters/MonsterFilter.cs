using DndHelper.Api.Caching;
using DndHelper.Api.Content;
using Microsoft.AspNetCore.Mvc;

namespace DndHelper.Api.Monsters;

// Strings on purpose: QueryValues checks them and names the parameter of a bad value.
public sealed record MonsterFilterParameters(
    [FromQuery(Name = "cr_min")] string? CrMin,
    [FromQuery(Name = "cr_max")] string? CrMax,
    [FromQuery(Name = "type")] string[]? Type,
    [FromQuery(Name = "size")] string[]? Size,
    [FromQuery(Name = "alignment")] string[]? Alignment,
    [FromQuery(Name = "legendary")] string? Legendary,
    [FromQuery(Name = "flying")] string? Flying,
    [FromQuery(Name = "swimming")] string? Swimming,
    [FromQuery(Name = "damage_immunity")] string[]? DamageImmunity,
    [FromQuery(Name = "damage_resistance")] string[]? DamageResistance,
    [FromQuery(Name = "condition_immunity")] string[]? ConditionImmunity,
    [FromQuery(Name = "lang")] string? Lang) : IFilterParameters;

// Repeated type, size and alignment values match any of them; repeated immunities and
// resistances require all of them.
public sealed record MonsterFilter(
    decimal? CrMin,
    decimal? CrMax,
    string[] Types,
    string[] Sizes,
    string[] Alignments,
    bool? Legendary,
    bool? Flying,
    bool? Swimming,
    string[] DamageImmunities,
    string[] DamageResistances,
    string[] ConditionImmunities) : IContentFilter<Monster>
{
    public static MonsterFilter Read(MonsterFilterParameters p, QueryValues values) => new(
        values.ChallengeRating("cr_min", p.CrMin),
        values.ChallengeRating("cr_max", p.CrMax),
        values.Codes("type", p.Type, Codes.MonsterTypes),
        values.Codes("size", p.Size, Codes.Sizes),
        values.Codes("alignment", p.Alignment, Codes.Alignments),
        values.Boolean("legendary", p.Legendary),
        values.Boolean("flying", p.Flying),
        values.Boolean("swimming", p.Swimming),
        values.Codes("damage_immunity", p.DamageImmunity, Codes.MonsterDamageCodes),
        values.Codes("damage_resistance", p.DamageResistance, Codes.MonsterDamageCodes),
        values.Codes("condition_immunity", p.ConditionImmunity, Codes.Conditions));

    IQueryable<Monster> IContentFilter<Monster>.Apply(IQueryable<Monster> monsters)
    {
        if (CrMin is { } min)
        {
            monsters = monsters.Where(m => m.ChallengeRating >= min);
        }
        if (CrMax is { } max)
        {
            monsters = monsters.Where(m => m.ChallengeRating <= max);
        }
        if (Types.Length > 0)
        {
            monsters = monsters.Where(m => Types.Contains(m.Type));
        }
        if (Sizes.Length > 0)
        {
            monsters = monsters.Where(m => Sizes.Contains(m.Size));
        }
        if (Alignments.Length > 0)
        {
            monsters = monsters.Where(m => Alignments.Contains(m.Alignment));
        }
        if (Legendary is { } legendary)
        {
            monsters = monsters.Where(m => m.IsLegendary == legendary);
        }
        if (Flying is { } flying)
        {
            // Spelled out both ways: a NULL speed must count as "does not fly", not as unknown.
            monsters = flying
                ? monsters.Where(m => m.FlySpeed != null && m.FlySpeed > 0)
                : monsters.Where(m => m.FlySpeed == null || m.FlySpeed <= 0);
        }
        if (Swimming is { } swimming)
        {
            monsters = swimming
                ? monsters.Where(m => m.SwimSpeed != null && m.SwimSpeed > 0)
                : monsters.Where(m => m.SwimSpeed == null || m.SwimSpeed <= 0);
        }
        foreach (var code in DamageImmunities)
        {
            monsters = monsters.Where(m => m.DamageImmunities.Contains(code));
        }
        foreach (var code in DamageResistances)
        {
            monsters = monsters.Where(m => m.DamageResistances.Contains(code));
        }
        foreach (var code in ConditionImmunities)
        {
            monsters = monsters.Where(m => m.ConditionImmunities.Contains(code));
        }
        return monsters;
    }

    public CacheKey AddTo(CacheKey key) => key
        .Add("cr_min", CrMin is { } min ? ChallengeRating.Display(min) : null)
        .Add("cr_max", CrMax is { } max ? ChallengeRating.Display(max) : null)
        .Add("type", Types)
        .Add("size", Sizes)
        .Add("alignment", Alignments)
        .Add("legendary", Legendary)
        .Add("flying", Flying)
        .Add("swimming", Swimming)
        .Add("damage_immunity", DamageImmunities)
        .Add("damage_resistance", DamageResistances)
        .Add("condition_immunity", ConditionImmunities);
}
