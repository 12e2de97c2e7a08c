using System.Globalization;
using System.Text;

namespace DndHelper.Contracts.Content;

// Client-side builders of the list query strings (the API validates every value itself and
// answers 400 naming the parameter). Null or empty means "no filter".
public sealed record MonsterQuery
{
    // "1/8", "1/4", "1/2", "0.25" or a whole rating 0-30.
    public string? CrMin { get; init; }
    public string? CrMax { get; init; }
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> Sizes { get; init; } = [];
    public string? Alignment { get; init; }
    public bool? Legendary { get; init; }
    public bool? Flying { get; init; }
    public bool? Swimming { get; init; }
    public string? DamageImmunity { get; init; }
    public string? DamageResistance { get; init; }
    public string? ConditionImmunity { get; init; }
    // "name" or "cr"; Order "asc" or "desc".
    public string? Sort { get; init; }
    public string? Order { get; init; }
    public string? Lang { get; init; }
    public int? Limit { get; init; }
    public int? Offset { get; init; }

    public string ToQueryString() => new QueryBuilder()
        .Add("cr_min", CrMin).Add("cr_max", CrMax).Add("type", Types).Add("size", Sizes)
        .Add("alignment", Alignment).Add("legendary", Legendary).Add("flying", Flying).Add("swimming", Swimming)
        .Add("damage_immunity", DamageImmunity).Add("damage_resistance", DamageResistance)
        .Add("condition_immunity", ConditionImmunity).Add("sort", Sort).Add("order", Order)
        .Add("lang", Lang).Add("limit", Limit).Add("offset", Offset).ToString();
}

public sealed record SpellQuery
{
    // 0 is a cantrip. Levels, when given, win over LevelMin/LevelMax.
    public IReadOnlyList<int> Levels { get; init; } = [];
    public int? LevelMin { get; init; }
    public int? LevelMax { get; init; }
    public string? School { get; init; }
    public IReadOnlyList<string> Classes { get; init; } = [];
    public bool? Ritual { get; init; }
    public bool? Concentration { get; init; }
    // action, bonus_action, reaction or longer (a minute or more).
    public string? CastingTime { get; init; }
    // v, s or m: spells that need this component.
    public string? Component { get; init; }
    public string? DamageType { get; init; }
    public string? Save { get; init; }
    // "name" or "level"; Order "asc" or "desc".
    public string? Sort { get; init; }
    public string? Order { get; init; }
    public string? Lang { get; init; }
    public int? Limit { get; init; }
    public int? Offset { get; init; }

    public string ToQueryString() => new QueryBuilder()
        .Add("level", [.. Levels.Select(l => l.ToString(CultureInfo.InvariantCulture))])
        .Add("level_min", LevelMin).Add("level_max", LevelMax).Add("school", School).Add("class", Classes)
        .Add("ritual", Ritual).Add("concentration", Concentration).Add("casting_time", CastingTime)
        .Add("component", Component).Add("damage_type", DamageType).Add("save", Save)
        .Add("sort", Sort).Add("order", Order).Add("lang", Lang).Add("limit", Limit).Add("offset", Offset).ToString();
}

internal sealed class QueryBuilder
{
    private readonly StringBuilder text = new();

    public QueryBuilder Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        return this;
    }

    public QueryBuilder Add(string name, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            Add(name, value);
        }
        return this;
    }

    public QueryBuilder Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryBuilder Add(string name, bool? value) => Add(name, value switch { true => "true", false => "false", null => null });

    public override string ToString() => text.ToString();
}
