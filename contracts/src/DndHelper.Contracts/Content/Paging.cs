namespace DndHelper.Contracts.Content;

// One page of a server-side list: Total counts every match of the filters, not just this page.
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);

// Label of every enumeration code a response mentions: family ("size", "damage_type" ...) → code → label.
public static class LabelFamilies
{
    public const string Size = "size";
    public const string MonsterType = "monster_type";
    public const string Subtype = "subtype";
    public const string Alignment = "alignment";
    public const string DamageType = "damage_type";
    public const string Condition = "condition";
    public const string Ability = "ability";
    public const string AbilityShort = "ability_short";
    public const string Skill = "skill";
    public const string Speed = "speed";
    public const string Sense = "sense";
    public const string School = "school";
    public const string Class = "class";
    public const string CastingTime = "casting_time";
    public const string SpellLevel = "spell_level";
    public const string Component = "component";
    public const string Language = "language";
    public const string ChallengeRating = "challenge_rating";
}
