namespace DndHelper.Contracts.Content;

// A row of GET /monsters. Codes are language-neutral; *Label fields are in the response language.
public sealed record MonsterSummary(
    int Id,
    string Slug,
    string Name,
    string Size,
    string SizeLabel,
    string Type,
    string TypeLabel,
    string? Subtype,
    string Alignment,
    decimal Cr,
    string CrDisplay,
    int Xp,
    int ArmorClass,
    int HitPoints,
    bool Legendary);

// GET /monsters/{id-or-slug}: the whole stat block.
public sealed record MonsterDetail(
    int Id,
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
    MonsterSpeeds Speed,
    AbilityScores Abilities,
    IReadOnlyList<AbilityBonus> Saves,
    IReadOnlyList<SkillBonus> Skills,
    MonsterSenses Senses,
    string? Languages,
    IReadOnlyList<string> DamageVulnerabilities,
    IReadOnlyList<string> DamageResistances,
    IReadOnlyList<string> DamageImmunities,
    IReadOnlyList<string> ConditionImmunities,
    decimal Cr,
    string CrDisplay,
    int Xp,
    int ProficiencyBonus,
    bool Legendary,
    IReadOnlyList<StatBlockEntry> Traits,
    IReadOnlyList<StatBlockEntry> Actions,
    IReadOnlyList<StatBlockEntry> Reactions,
    IReadOnlyList<StatBlockEntry> LegendaryActions,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Labels);

// Speeds in feet; null when the creature lacks that movement.
public sealed record MonsterSpeeds(int Walk, int? Fly, int? Swim, int? Climb, int? Burrow, bool Hover);

public sealed record AbilityScore(int Score, int Modifier);

public sealed record AbilityScores(
    AbilityScore Strength, AbilityScore Dexterity, AbilityScore Constitution,
    AbilityScore Intelligence, AbilityScore Wisdom, AbilityScore Charisma);

// Ability is a code of the "ability" family (str, dex ...).
public sealed record AbilityBonus(string Ability, int Bonus);

public sealed record SkillBonus(string Skill, int Bonus);

// Ranges in feet; null when the creature lacks that sense.
public sealed record MonsterSenses(int? Darkvision, int? Blindsight, int? Tremorsense, int? Truesight, int PassivePerception);

// A trait, action, reaction or legendary action; numbers only where the source states them.
public sealed record StatBlockEntry(
    string Name,
    string Text,
    int? AttackBonus,
    int? SaveDc,
    string? SaveAbility,
    IReadOnlyList<DamageRoll> Damage);

// Dice in the project's dice notation ("2d6+4"); DamageType is a "damage_type" code.
public sealed record DamageRoll(string Dice, string? DamageType);
