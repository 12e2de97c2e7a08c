using DndHelper.Api.Caching;
using DndHelper.Api.Content;
using Microsoft.AspNetCore.Mvc;

namespace DndHelper.Api.Spells;

// Strings on purpose: QueryValues checks them and names the parameter of a bad value.
public sealed record SpellFilterParameters(
    [FromQuery(Name = "level")] string[]? Level,
    [FromQuery(Name = "level_min")] string? LevelMin,
    [FromQuery(Name = "level_max")] string? LevelMax,
    [FromQuery(Name = "school")] string[]? School,
    [FromQuery(Name = "class")] string[]? Class,
    [FromQuery(Name = "ritual")] string? Ritual,
    [FromQuery(Name = "concentration")] string? Concentration,
    [FromQuery(Name = "casting_time")] string[]? CastingTime,
    [FromQuery(Name = "component")] string[]? Component,
    [FromQuery(Name = "damage_type")] string[]? DamageType,
    [FromQuery(Name = "save")] string[]? Save,
    [FromQuery(Name = "lang")] string? Lang) : IFilterParameters;

// Repeated level, school, class, casting_time, damage_type and save values match any of them;
// repeated components are all required.
public sealed record SpellFilter(
    int[] Levels,
    int? LevelMin,
    int? LevelMax,
    string[] Schools,
    string[] Classes,
    bool? Ritual,
    bool? Concentration,
    string[] CastingTimes,
    string[] Components,
    string[] DamageTypes,
    string[] Saves) : IContentFilter<Spell>
{
    // "longer" is every casting time of a minute or more.
    public static readonly string[] CastingTimeValues = ["action", "bonus_action", "reaction", "longer", "minute", "hour"];

    public static readonly string[] ComponentValues = ["v", "s", "m"];

    public static SpellFilter Read(SpellFilterParameters p, QueryValues values) => new(
        values.Wholes("level", p.Level, 0, 9),
        values.Whole("level_min", p.LevelMin, 0, 9),
        values.Whole("level_max", p.LevelMax, 0, 9),
        values.Codes("school", p.School, Codes.Schools),
        values.Codes("class", p.Class, Codes.Classes),
        values.Boolean("ritual", p.Ritual),
        values.Boolean("concentration", p.Concentration),
        [.. values.Codes("casting_time", p.CastingTime, CastingTimeValues)
            .SelectMany(c => c == "longer" ? ["minute", "hour"] : new[] { c }).Distinct().Order(StringComparer.Ordinal)],
        values.Codes("component", p.Component, ComponentValues),
        values.Codes("damage_type", p.DamageType, Codes.DamageTypes),
        values.Codes("save", p.Save, Codes.Abilities));

    IQueryable<Spell> IContentFilter<Spell>.Apply(IQueryable<Spell> spells)
    {
        if (Levels.Length > 0)
        {
            spells = spells.Where(s => Levels.Contains(s.Level));
        }
        if (LevelMin is { } min)
        {
            spells = spells.Where(s => s.Level >= min);
        }
        if (LevelMax is { } max)
        {
            spells = spells.Where(s => s.Level <= max);
        }
        if (Schools.Length > 0)
        {
            spells = spells.Where(s => Schools.Contains(s.School));
        }
        if (Classes.Length > 0)
        {
            spells = spells.Where(s => s.Classes.Any(c => Classes.Contains(c)));
        }
        if (Ritual is { } ritual)
        {
            spells = spells.Where(s => s.Ritual == ritual);
        }
        if (Concentration is { } concentration)
        {
            spells = spells.Where(s => s.Concentration == concentration);
        }
        if (CastingTimes.Length > 0)
        {
            spells = spells.Where(s => CastingTimes.Contains(s.CastingTimeKind));
        }
        foreach (var component in Components)
        {
            spells = component switch
            {
                "v" => spells.Where(s => s.Verbal),
                "s" => spells.Where(s => s.Somatic),
                _ => spells.Where(s => s.Material),
            };
        }
        if (DamageTypes.Length > 0)
        {
            spells = spells.Where(s => s.DamageType != null && DamageTypes.Contains(s.DamageType));
        }
        if (Saves.Length > 0)
        {
            spells = spells.Where(s => s.SaveAbility != null && Saves.Contains(s.SaveAbility));
        }
        return spells;
    }

    public CacheKey AddTo(CacheKey key) => key
        .Add("level", Levels)
        .Add("level_min", LevelMin)
        .Add("level_max", LevelMax)
        .Add("school", Schools)
        .Add("class", Classes)
        .Add("ritual", Ritual)
        .Add("concentration", Concentration)
        .Add("casting_time", CastingTimes)
        .Add("component", Components)
        .Add("damage_type", DamageTypes)
        .Add("save", Saves);
}
