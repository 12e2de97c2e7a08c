using DndHelper.Api.Content;

namespace DndHelper.Api.Spells;

public sealed class Spell : IContentEntry<Spell, SpellTranslation>
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int Level { get; set; }
    public required string School { get; set; }
    public List<string> Classes { get; set; } = [];
    public bool Verbal { get; set; }
    public bool Somatic { get; set; }
    public bool Material { get; set; }
    public bool Ritual { get; set; }
    public bool Concentration { get; set; }
    public required string CastingTimeKind { get; set; }
    public string? DamageType { get; set; }
    public string? SaveAbility { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<SpellTranslation> Translations { get; set; } = [];

    // A spell has no owned lists; its classes are a plain array column that SetValues copies.
    public void CopyOwnedFrom(Spell other)
    {
    }
}

public sealed class SpellTranslation : IContentText<SpellTranslation>
{
    public int SpellId { get; set; }
    public required string Lang { get; set; }
    public required string Name { get; set; }
    public string? CastingTime { get; set; }
    public string? Range { get; set; }
    public string? Duration { get; set; }
    public string? MaterialText { get; set; }
    public string? Description { get; set; }
    public string? HigherLevels { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    int IContentText<SpellTranslation>.EntryId { get => SpellId; set => SpellId = value; }

    public static SpellTranslation Create(string lang, string name) => new() { Lang = lang, Name = name };

    public void CopyOwnedFrom(SpellTranslation other)
    {
    }
}
