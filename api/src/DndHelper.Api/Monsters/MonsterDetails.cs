using DndHelper.Api.Content;
using DndHelper.Api.I18n;
using DndHelper.Contracts.Content;

namespace DndHelper.Api.Monsters;

// The stat block as the API shows it. Text comes from the requested language field by field,
// English where that language has none.
public static class MonsterDetails
{
    public static MonsterDetail Create(Monster m, MonsterTranslation? english, MonsterTranslation? local, LabelSet labels)
    {
        var traits = Entries(local?.Traits, english?.Traits);
        var actions = Entries(local?.Actions, english?.Actions);
        var reactions = Entries(local?.Reactions, english?.Reactions);
        var legendary = Entries(local?.LegendaryActions, english?.LegendaryActions);
        var saves = new (string Ability, int? Bonus)[]
            {
                ("str", m.SaveStr), ("dex", m.SaveDex), ("con", m.SaveCon), ("int", m.SaveInt), ("wis", m.SaveWis), ("cha", m.SaveCha),
            }
            .Where(s => s.Bonus is not null)
            .Select(s => new AbilityBonus(s.Ability, s.Bonus!.Value))
            .ToList();
        var speeds = new (string Code, bool Present)[]
        {
            ("walk", true), ("fly", m.FlySpeed is not null), ("swim", m.SwimSpeed is not null), ("climb", m.ClimbSpeed is not null),
            ("burrow", m.BurrowSpeed is not null), ("hover", m.Hover),
        };
        var senses = new (string Code, bool Present)[]
        {
            ("darkvision", m.Darkvision is not null), ("blindsight", m.Blindsight is not null), ("tremorsense", m.Tremorsense is not null),
            ("truesight", m.Truesight is not null), ("passive_perception", true),
        };
        var entries = traits.Concat(actions).Concat(reactions).Concat(legendary).ToList();

        return new MonsterDetail(
            m.Id,
            m.Slug,
            local?.Name ?? english?.Name ?? m.Slug,
            m.Size,
            m.Type,
            m.Subtype,
            m.Alignment,
            m.ArmorClass,
            local?.ArmorDescription ?? english?.ArmorDescription,
            m.HitPoints,
            m.HitDice,
            new MonsterSpeeds(m.WalkSpeed, m.FlySpeed, m.SwimSpeed, m.ClimbSpeed, m.BurrowSpeed, m.Hover),
            new AbilityScores(Score(m.Strength), Score(m.Dexterity), Score(m.Constitution), Score(m.Intelligence), Score(m.Wisdom), Score(m.Charisma)),
            saves,
            [.. m.Skills.Select(s => new Contracts.Content.SkillBonus(s.Skill, s.Bonus))],
            new MonsterSenses(m.Darkvision, m.Blindsight, m.Tremorsense, m.Truesight, m.PassivePerception),
            local?.Languages ?? english?.Languages,
            m.DamageVulnerabilities,
            m.DamageResistances,
            m.DamageImmunities,
            m.ConditionImmunities,
            ChallengeRating.Normal(m.ChallengeRating),
            m.ChallengeRatingText,
            m.Xp,
            m.ProficiencyBonus,
            m.IsLegendary,
            traits,
            actions,
            reactions,
            legendary,
            labels.Pick(
                (LabelFamilies.Size, [m.Size]),
                (LabelFamilies.MonsterType, [m.Type]),
                (LabelFamilies.Subtype, [m.Subtype]),
                (LabelFamilies.Alignment, [m.Alignment]),
                (LabelFamilies.Ability, Codes.Abilities),
                (LabelFamilies.AbilityShort, Codes.Abilities),
                (LabelFamilies.Skill, m.Skills.Select(s => s.Skill)),
                (LabelFamilies.Speed, speeds.Where(s => s.Present).Select(s => s.Code)),
                (LabelFamilies.Sense, senses.Where(s => s.Present).Select(s => s.Code)),
                (LabelFamilies.DamageType, m.DamageVulnerabilities.Concat(m.DamageResistances).Concat(m.DamageImmunities)
                    .Concat(entries.SelectMany(e => e.Damage).Select(d => d.DamageType))),
                (LabelFamilies.Condition, m.ConditionImmunities),
                (LabelFamilies.ChallengeRating, [m.ChallengeRatingText])));
    }

    public static int Modifier(int score) => (int)Math.Floor((score - 10) / 2.0);

    private static AbilityScore Score(int score) => new(score, Modifier(score));

    // A translated list replaces the English one as a whole; an untranslated (empty) one falls back.
    private static List<StatBlockEntry> Entries(List<StatEntry>? local, List<StatEntry>? english) =>
        [.. (local is { Count: > 0 } ? local : english ?? []).Select(e => new StatBlockEntry(
            e.Name, e.Text, e.AttackBonus, e.SaveDc, e.SaveAbility,
            [.. e.Damage.Select(d => new DamageRoll(d.Dice, d.DamageType))]))];
}
