using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DndHelper.Api.Data;
using DndHelper.Api.Monsters;
using DndHelper.Api.Spells;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Content.Srd;

public sealed record ImportCounts(int Created, int Updated, int Unchanged)
{
    public bool Changed => Created + Updated > 0;
    public override string ToString() => $"{Created} created, {Updated} updated, {Unchanged} unchanged";
}

public sealed record SrdImportReport(ImportCounts Monsters, ImportCounts Spells, ImportCounts Labels, ImportCounts UiStrings)
{
    public bool Changed => Monsters.Changed || Spells.Changed || Labels.Changed || UiStrings.Changed;
}

// Reads the whole source and validates it before touching the database; then upserts by slug in one
// transaction, so a broken file changes nothing and a second run reports that nothing changed.
public sealed class SrdImporter(DndDbContext db, SeedData seed)
{
    private static readonly JsonSerializerOptions FingerprintOptions = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties)
                    {
                        if (property.Name is "Id" or "MonsterId" or "SpellId" or "CreatedAt" or "UpdatedAt" or "Translations")
                        {
                            property.ShouldSerialize = (_, _) => false;
                        }
                    }
                },
            },
        },
    };

    public async Task<SrdImportReport> ImportAsync(string sourceDirectory, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var monsters = Read(Path.Combine(sourceDirectory, "monsters.json"),
            (element, at) => SrdMapper.MapMonster(element, at));
        var spells = Read(Path.Combine(sourceDirectory, "spells.json"),
            (element, at) => SrdMapper.MapSpell(element, at));
        var total = monsters.Count + spells.Count;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existingMonsters = await db.Monsters.Include(m => m.Translations).ToDictionaryAsync(m => m.Slug, ct);
        var existingSpells = await db.Spells.Include(s => s.Translations).ToDictionaryAsync(s => s.Slug, ct);

        var done = 0;
        var monsterCounts = new Counter();
        foreach (var (monster, english) in monsters)
        {
            var russian = seed.MonsterNamesRu.TryGetValue(monster.Slug, out var ruName) ? ruName : null;
            monsterCounts.Add(Upsert(db.Monsters, existingMonsters.GetValueOrDefault(monster.Slug), monster, english, russian));
            progress?.Report((++done, total));
        }
        var spellCounts = new Counter();
        foreach (var (spell, english) in spells)
        {
            var russian = seed.SpellNamesRu.TryGetValue(spell.Slug, out var ruName) ? ruName : null;
            spellCounts.Add(Upsert(db.Spells, existingSpells.GetValueOrDefault(spell.Slug), spell, english, russian));
            progress?.Report((++done, total));
        }
        var (labels, ui) = await ApplySeedAsync(ct);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SrdImportReport(monsterCounts.Result, spellCounts.Result, labels, ui);
    }

    // The project's own labels and UI strings; applied on every start-up, never touching content.
    public async Task<(ImportCounts Labels, ImportCounts UiStrings)> ApplySeedAsync(CancellationToken ct)
    {
        var labels = await UpsertTextsAsync(db.EnumTranslations, seed.EnumLabels, e => (e.Family, e.Code, e.Lang), e => e.Label, (e, text) => e.Label = text, ct);
        var ui = await UpsertTextsAsync(db.UiTranslations, seed.UiStrings, e => (e.Namespace, e.Key, e.Lang), e => e.Text, (e, text) => e.Text = text, ct);
        return (labels, ui);
    }

    private static async Task<ImportCounts> UpsertTextsAsync<T, TKey>(DbSet<T> set, IEnumerable<T> incoming, Func<T, TKey> key,
        Func<T, string> text, Action<T, string> setText, CancellationToken ct)
        where T : class
        where TKey : notnull
    {
        var counter = new Counter();
        var existing = (await set.ToListAsync(ct)).ToDictionary(key);
        foreach (var row in incoming)
        {
            if (existing.TryGetValue(key(row), out var current))
            {
                counter.Add(text(current) == text(row) ? Outcome.Unchanged : Outcome.Updated);
                setText(current, text(row));
            }
            else
            {
                set.Add(row);
                counter.Add(Outcome.Created);
            }
        }
        return counter.Result;
    }

    private Outcome Upsert<TEntry, TText>(DbSet<TEntry> set, TEntry? existing, TEntry incoming, TText english, string? russianName)
        where TEntry : class, IContentEntry<TEntry, TText>
        where TText : class, IContentText<TText>
    {
        if (existing is null)
        {
            incoming.Translations.Add(english);
            if (russianName is not null)
            {
                incoming.Translations.Add(TText.Create("ru", russianName));
            }
            set.Add(incoming);
            return Outcome.Created;
        }

        var now = DateTimeOffset.UtcNow;
        var changed = false;
        if (Fingerprint(existing) != Fingerprint(incoming))
        {
            db.ReplaceEntry<TEntry, TText>(existing, incoming, now);
            changed = true;
        }
        var currentEnglish = existing.Translations.FirstOrDefault(t => t.Lang == "en");
        if (currentEnglish is null)
        {
            existing.Translations.Add(english);
            changed = true;
        }
        else if (Fingerprint(currentEnglish) != Fingerprint(english))
        {
            english.EntryId = existing.Id;
            english.UpdatedAt = now;
            db.ReplaceText(currentEnglish, english);
            changed = true;
        }
        // Only the name of a Russian row comes from the seed; the rest may have been translated since.
        var currentRussian = existing.Translations.FirstOrDefault(t => t.Lang == "ru");
        if (russianName is not null && currentRussian is null)
        {
            existing.Translations.Add(TText.Create("ru", russianName));
            changed = true;
        }
        else if (russianName is not null && currentRussian!.Name != russianName)
        {
            currentRussian.Name = russianName;
            currentRussian.UpdatedAt = now;
            changed = true;
        }
        return changed ? Outcome.Updated : Outcome.Unchanged;
    }

    private static string Fingerprint<T>(T value) => JsonSerializer.Serialize(value, FingerprintOptions);

    private static List<T> Read<T>(string path, Func<JsonElement, SrdMapper.Context, T> map)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new SrdFormatException($"{path}: file not found");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new SrdFormatException($"{file}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new SrdFormatException($"{file}: expected a JSON list of entries");
            }
            var result = new List<T>();
            var slugs = new HashSet<string>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var name = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                    ? n.GetString() : null;
                var at = new SrdMapper.Context(file, index, name);
                if (name is not null && !slugs.Add(SrdMapper.Slugify(name)))
                {
                    throw at.Error("name", "the same name appears twice");
                }
                result.Add(map(element, at));
                index++;
            }
            return result;
        }
    }

    private enum Outcome { Created, Updated, Unchanged }

    private sealed class Counter
    {
        private int created, updated, unchanged;

        public void Add(Outcome outcome)
        {
            switch (outcome)
            {
                case Outcome.Created: created++; break;
                case Outcome.Updated: updated++; break;
                default: unchanged++; break;
            }
        }

        public ImportCounts Result => new(created, updated, unchanged);
    }
}
