using DndHelper.Api.Content;

namespace DndHelper.Api.Monsters;

// Language-neutral facts of a stat block; every text lives in MonsterTranslation.
public sealed class Monster : IContentEntry<Monster, MonsterTranslation>
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Size { get; set; }
    public required string Type { get; set; }
    public string? Subtype { get; set; }
    public required string Alignment { get; set; }
    public int ArmorClass { get; set; }
    public int HitPoints { get; set; }
    public required string HitDice { get; set; }
    public int WalkSpeed { get; set; }
    public int? FlySpeed { get; set; }
    public int? SwimSpeed { get; set; }
    public int? ClimbSpeed { get; set; }
    public int? BurrowSpeed { get; set; }
    public bool Hover { get; set; }
    public int Strength { get; set; }
    public int Dexterity { get; set; }
    public int Constitution { get; set; }
    public int Intelligence { get; set; }
    public int Wisdom { get; set; }
    public int Charisma { get; set; }
    public int? SaveStr { get; set; }
    public int? SaveDex { get; set; }
    public int? SaveCon { get; set; }
    public int? SaveInt { get; set; }
    public int? SaveWis { get; set; }
    public int? SaveCha { get; set; }
    public List<SkillBonus> Skills { get; set; } = [];
    public int? Darkvision { get; set; }
    public int? Blindsight { get; set; }
    public int? Tremorsense { get; set; }
    public int? Truesight { get; set; }
    public int PassivePerception { get; set; }
    public List<string> DamageVulnerabilities { get; set; } = [];
    public List<string> DamageResistances { get; set; } = [];
    public List<string> DamageImmunities { get; set; } = [];
    public List<string> ConditionImmunities { get; set; } = [];
    public decimal ChallengeRating { get; set; }
    public required string ChallengeRatingText { get; set; }
    public int Xp { get; set; }
    public int ProficiencyBonus { get; set; }
    public bool IsLegendary { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<MonsterTranslation> Translations { get; set; } = [];

    public void CopyOwnedFrom(Monster other) => Skills = other.Skills;
}

public sealed class SkillBonus
{
    public required string Skill { get; set; }
    public int Bonus { get; set; }
}

public sealed class MonsterTranslation : IContentText<MonsterTranslation>
{
    public int MonsterId { get; set; }
    public required string Lang { get; set; }
    public required string Name { get; set; }
    public string? ArmorDescription { get; set; }
    public string? Languages { get; set; }
    // Traits and actions flattened into one text, for searching descriptions.
    public string? Description { get; set; }
    public List<StatEntry> Traits { get; set; } = [];
    public List<StatEntry> Actions { get; set; } = [];
    public List<StatEntry> Reactions { get; set; } = [];
    public List<StatEntry> LegendaryActions { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }

    int IContentText<MonsterTranslation>.EntryId { get => MonsterId; set => MonsterId = value; }

    public static MonsterTranslation Create(string lang, string name) => new() { Lang = lang, Name = name };

    public void CopyOwnedFrom(MonsterTranslation other)
    {
        Traits = other.Traits;
        Actions = other.Actions;
        Reactions = other.Reactions;
        LegendaryActions = other.LegendaryActions;
    }
}

// A named trait or action; attack bonus, save DC and damage dice where the source states them.
public sealed class StatEntry
{
    public required string Name { get; set; }
    public required string Text { get; set; }
    public int? AttackBonus { get; set; }
    public int? SaveDc { get; set; }
    public string? SaveAbility { get; set; }
    public List<DamageDice> Damage { get; set; } = [];
}

public sealed class DamageDice
{
    public required string Dice { get; set; }
    public string? DamageType { get; set; }
}
