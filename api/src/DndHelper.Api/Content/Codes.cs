namespace DndHelper.Api.Content;

// The closed code sets of every enumeration. The database checks them (CHECK constraints) and
// the seed data in Seed/enums.json labels each of them in every language.
public static class Codes
{
    public static readonly string[] Languages = ["en", "ru"];

    public static readonly string[] Sizes = ["tiny", "small", "medium", "large", "huge", "gargantuan"];

    public static readonly string[] MonsterTypes =
    [
        "aberration", "beast", "celestial", "construct", "dragon", "elemental", "fey", "fiend",
        "giant", "humanoid", "monstrosity", "ooze", "plant", "undead",
    ];

    public static readonly string[] Alignments =
    [
        "lawful_good", "neutral_good", "chaotic_good", "lawful_neutral", "neutral", "chaotic_neutral",
        "lawful_evil", "neutral_evil", "chaotic_evil", "unaligned", "any", "any_non_good",
        "any_non_lawful", "any_chaotic", "any_evil", "neutral_good_or_evil",
    ];

    public static readonly string[] DamageTypes =
    [
        "acid", "bludgeoning", "cold", "fire", "force", "lightning", "necrotic", "piercing",
        "poison", "psychic", "radiant", "slashing", "thunder",
    ];

    // Monsters resist or ignore some damage only under conditions; each such condition is a code of its own.
    public static readonly string[] DamageQualifiers =
    [
        "nonmagical_bps", "nonmagical_bps_non_silvered", "nonmagical_bps_non_adamantine",
        "nonmagical_ps_non_adamantine", "piercing_magic_good", "spells",
    ];

    public static readonly string[] MonsterDamageCodes = [.. DamageTypes, .. DamageQualifiers];

    public static readonly string[] Conditions =
    [
        "blinded", "charmed", "deafened", "exhaustion", "frightened", "grappled", "incapacitated",
        "invisible", "paralyzed", "petrified", "poisoned", "prone", "restrained", "stunned", "unconscious",
    ];

    public static readonly string[] Abilities = ["str", "dex", "con", "int", "wis", "cha"];

    public static readonly string[] Skills =
    [
        "acrobatics", "animal_handling", "arcana", "athletics", "deception", "history", "insight",
        "intimidation", "investigation", "medicine", "nature", "perception", "performance",
        "persuasion", "religion", "sleight_of_hand", "stealth", "survival",
    ];

    public static readonly string[] Schools =
    [
        "abjuration", "conjuration", "divination", "enchantment", "evocation", "illusion",
        "necromancy", "transmutation",
    ];

    public static readonly string[] Classes =
    [
        "barbarian", "bard", "cleric", "druid", "fighter", "monk", "paladin", "ranger", "rogue",
        "sorcerer", "warlock", "wizard",
    ];

    public static readonly string[] CastingTimes = ["action", "bonus_action", "reaction", "minute", "hour"];

    public static string Sql(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => $"'{c}'"));
}
