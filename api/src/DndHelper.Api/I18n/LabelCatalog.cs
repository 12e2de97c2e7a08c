using System.ComponentModel;
using DndHelper.Api.Caching;
using DndHelper.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.I18n;

// Every enum label of one language (English where the language lacks one), family → code → label.
[ImmutableObject(true)]
public sealed class LabelSet(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> families)
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Families { get; } = families;

    public string Label(string family, string code) =>
        Families.TryGetValue(family, out var labels) && labels.TryGetValue(code, out var label) ? label : code;

    // The labels block of a response: only the codes it mentions. A code without a label keeps itself.
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Pick(params (string Family, IEnumerable<string?> Codes)[] wanted)
    {
        var picked = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (family, codes) in wanted)
        {
            foreach (var code in codes)
            {
                if (code is null)
                {
                    continue;
                }
                if (!picked.TryGetValue(family, out var labels))
                {
                    picked[family] = labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
                }
                labels[code] = Label(family, code);
            }
        }
        return picked.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);
    }
}

public sealed class LabelCatalog(ResponseCache cache)
{
    public ValueTask<LabelSet> GetAsync(string lang, CancellationToken ct) =>
        cache.GetOrCreateAsync(cache.Key(lang, "labels"), lang, static async (db, lang, token) =>
        {
            var rows = await db.EnumTranslations.AsNoTracking()
                .Where(e => e.Lang == lang || e.Lang == "en")
                .Select(e => new { e.Family, e.Code, e.Lang, e.Label })
                .ToListAsync(token);
            // The requested language wins over the English fallback, row order notwithstanding.
            var families = rows
                .OrderBy(r => r.Lang == lang ? 1 : 0)
                .GroupBy(r => r.Family)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyDictionary<string, string>)g.GroupBy(r => r.Code).ToDictionary(c => c.Key, c => c.Last().Label),
                    StringComparer.Ordinal);
            return new LabelSet(families);
        }, ct);
}
