namespace DndHelper.Bot.Library;

// The shapes the bot reads from the DnD Helper API (snake_case on the wire, see ContractJson).
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);

public sealed record MonsterSummary(string Slug, string Name, string Size, string Type, string ChallengeRating);

public sealed record SpellSummary(string Slug, string Name, int Level, string School);

public sealed record SearchHit(string Kind, string Slug, string Name, double Score, string? Match);

public sealed record SearchResults(IReadOnlyList<SearchHit> Items);

public sealed record BotUser(long TelegramId, string Language);

public sealed record UserLanguage(string Language);

public sealed record Speeds(int Walk, int? Fly, int? Swim, int? Climb, int? Burrow, bool Hover);

public sealed record AbilityScores(int Strength, int Dexterity, int Constitution, int Intelligence, int Wisdom, int Charisma);

public sealed record SkillBonus(string Skill, int Bonus);

public sealed record Senses(int? Darkvision, int? Blindsight, int? Tremorsense, int? Truesight, int PassivePerception);

public sealed record DamageDice(string Dice, string? DamageType);

public sealed record StatEntry(string Name, string Text, int? AttackBonus, int? SaveDc, string? SaveAbility, IReadOnlyList<DamageDice>? Damage);

public sealed record MonsterDetail(
    string Slug,
    string Name,
    string Size,
    string Type,
    string? Subtype,
    string Alignment,
    int ArmorClass,
    string? ArmorDescription,
    int HitPoints,
    string HitDice,
    Speeds Speed,
    AbilityScores Abilities,
    IReadOnlyDictionary<string, int>? Saves,
    IReadOnlyList<SkillBonus>? Skills,
    IReadOnlyList<string>? DamageVulnerabilities,
    IReadOnlyList<string>? DamageResistances,
    IReadOnlyList<string>? DamageImmunities,
    IReadOnlyList<string>? ConditionImmunities,
    Senses Senses,
    string? Languages,
    string ChallengeRating,
    int Xp,
    int ProficiencyBonus,
    IReadOnlyList<StatEntry>? Traits,
    IReadOnlyList<StatEntry>? Actions,
    IReadOnlyList<StatEntry>? Reactions,
    IReadOnlyList<StatEntry>? LegendaryActions);

public sealed record SpellDetail(
    string Slug,
    string Name,
    int Level,
    string School,
    string? CastingTime,
    string? Range,
    bool Verbal,
    bool Somatic,
    bool Material,
    string? MaterialText,
    string? Duration,
    bool Concentration,
    bool Ritual,
    IReadOnlyList<string>? Classes,
    string? Description,
    string? HigherLevels);
