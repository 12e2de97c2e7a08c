using DndHelper.Api.I18n;
using DndHelper.Contracts.Content;

namespace DndHelper.Api.Spells;

// The spell as the API shows it. Text comes from the requested language field by field,
// English where that language has none.
public static class SpellDetails
{
    public static IReadOnlyList<string> Components(bool verbal, bool somatic, bool material) =>
        [.. new[] { (verbal, "v"), (somatic, "s"), (material, "m") }.Where(c => c.Item1).Select(c => c.Item2)];

    public static SpellDetail Create(Spell s, SpellTranslation? english, SpellTranslation? local, LabelSet labels)
    {
        var components = Components(s.Verbal, s.Somatic, s.Material);
        return new SpellDetail(
            s.Id,
            s.Slug,
            local?.Name ?? english?.Name ?? s.Slug,
            s.Level,
            s.School,
            s.Classes,
            s.CastingTimeKind,
            local?.CastingTime ?? english?.CastingTime,
            local?.Range ?? english?.Range,
            components,
            local?.MaterialText ?? english?.MaterialText,
            local?.Duration ?? english?.Duration,
            s.Ritual,
            s.Concentration,
            s.DamageType,
            s.SaveAbility,
            local?.Description ?? english?.Description,
            local?.HigherLevels ?? english?.HigherLevels,
            labels.Pick(
                (LabelFamilies.SpellLevel, [Level(s.Level)]),
                (LabelFamilies.School, [s.School]),
                (LabelFamilies.Class, s.Classes),
                (LabelFamilies.CastingTime, [s.CastingTimeKind]),
                (LabelFamilies.Component, components),
                (LabelFamilies.DamageType, [s.DamageType]),
                (LabelFamilies.Ability, [s.SaveAbility]),
                (LabelFamilies.AbilityShort, [s.SaveAbility])));
    }

    public static string Level(int level) => level.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
