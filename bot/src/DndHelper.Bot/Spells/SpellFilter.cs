namespace DndHelper.Bot.Spells;

// The spell filters a user has set; null means "any".
public sealed record SpellFilter
{
    public int? Level { get; init; }
    public string? School { get; init; }
    public string? Class { get; init; }
    public bool? Ritual { get; init; }
    public bool? Concentration { get; init; }
    public string? CastingTime { get; init; }

    public bool IsEmpty => this == new SpellFilter();

    public IEnumerable<KeyValuePair<string, string>> ToQuery()
    {
        if (Level is { } level) yield return new("level", level.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (School is not null) yield return new("school", School);
        if (Class is not null) yield return new("class", Class);
        if (Ritual is { } ritual) yield return new("ritual", ritual ? "true" : "false");
        if (Concentration is { } concentration) yield return new("concentration", concentration ? "true" : "false");
        if (CastingTime is not null) yield return new("casting_time", CastingTime);
    }
}
