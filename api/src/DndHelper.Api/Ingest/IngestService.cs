using System.Text.Json;
using System.Text.Json.Nodes;
using DndHelper.Api.Audit;
using DndHelper.Api.Caching;
using DndHelper.Api.Content;
using DndHelper.Api.Content.Srd;
using DndHelper.Api.Data;
using DndHelper.Api.Editing;
using DndHelper.Api.Monsters;
using DndHelper.Api.Spells;
using DndHelper.Contracts.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DndHelper.Api.Ingest;

public sealed record IngestReport(string? Bundle, IReadOnlyDictionary<string, ImportCounts> Counts, IReadOnlyList<ContentProblem> Problems)
{
    public bool Accepted => Problems.Count == 0;
}

// The bundle ingest behind POST /admin/ingest, the background job and `ingest FILE`: one path for all.
// Validation needs no database; staging loads only what the bundle names, applies it to tracked
// entities and counts the outcome. A preview then throws the staged changes away; a real run saves
// them, the audit entry and the job's result in one transaction.
public sealed class IngestService(
    DndDbContext db, ContentWriter writer, AuditTrail audit, ContentVersion version, SeedData seed, IOptions<IngestOptions> options, TimeProvider time)
{
    // Any number unique to this lock: bundles are applied one at a time across all API instances.
    private const long IngestLock = 0x646e645f696e67;

    public (ParsedBundle? Bundle, List<ContentProblem> Problems) Parse(byte[] archive)
    {
        var problems = new List<ContentProblem>();
        var files = BundleArchive.Read(archive, options.Value, problems);
        var bundle = files is null ? null : BundleParser.Parse(files, options.Value, seed, problems);
        return (bundle, problems);
    }

    public async Task<IngestReport> PreviewAsync(byte[] archive, CancellationToken ct)
    {
        var (bundle, problems) = Parse(archive);
        if (bundle is null)
        {
            return new IngestReport(null, Empty, problems);
        }
        var staged = await StageAsync(bundle, problems, ct);
        db.ChangeTracker.Clear();
        return new IngestReport(bundle.Name, problems.Count == 0 ? staged.Counts : Empty, problems);
    }

    public async Task<IngestReport> ApplyAsync(byte[] archive, string actor, Guid? jobId, CancellationToken ct)
    {
        var (bundle, problems) = Parse(archive);
        if (bundle is null)
        {
            return new IngestReport(null, Empty, problems);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({IngestLock})", ct);
        var staged = await StageAsync(bundle, problems, ct);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new IngestReport(bundle.Name, Empty, problems);
        }
        var changed = staged.Counts.Values.Any(c => c.Changed);
        audit.Record(actor, "ingest.apply", jobId is null ? $"bundle/{bundle.Name}" : $"job/{jobId}/{bundle.Name}", null, new JsonObject
        {
            ["bundle"] = bundle.Name,
            ["counts"] = JsonSerializer.SerializeToNode(staged.Counts, ContractJson.Options),
            ["created"] = new JsonArray([.. staged.Created.Take(100).Select(k => (JsonNode?)k)]),
            ["updated"] = new JsonArray([.. staged.Updated.Take(100).Select(k => (JsonNode?)k)]),
        });
        if (jobId is { } id && await db.IngestJobs.FindAsync([id], ct) is { } job)
        {
            job.Status = JobStatus.Succeeded;
            job.FinishedAt = time.GetUtcNow();
            job.Counts = JsonSerializer.Serialize(staged.Counts, ContractJson.Options);
            job.Archive = null;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (changed)
        {
            await version.BumpAsync();
        }
        return new IngestReport(bundle.Name, staged.Counts, problems);
    }

    private static readonly IReadOnlyDictionary<string, ImportCounts> Empty = new Dictionary<string, ImportCounts>();

    private sealed record Staged(IReadOnlyDictionary<string, ImportCounts> Counts, List<string> Created, List<string> Updated);

    private async Task<Staged> StageAsync(ParsedBundle bundle, List<ContentProblem> problems, CancellationToken ct)
    {
        var created = new List<string>();
        var updated = new List<string>();
        var tallies = BundleParser.FileTypes.ToDictionary(t => t, _ => new int[3]);
        void Count(string type, Change change, string key)
        {
            tallies[type][(int)change]++;
            (change == Change.Created ? created : change == Change.Updated ? updated : null)?.Add(key);
        }

        var monsterSlugs = bundle.Monsters.Select(m => m.Monster.Slug)
            .Concat(bundle.Translations.Where(t => t.Entity == "monster").Select(t => t.Slug)).Distinct().ToList();
        var monsters = monsterSlugs.Count == 0 ? new Dictionary<string, Monster>()
            : await db.Monsters.Include(m => m.Translations).Where(m => monsterSlugs.Contains(m.Slug)).ToDictionaryAsync(m => m.Slug, ct);
        var spellSlugs = bundle.Spells.Select(s => s.Spell.Slug)
            .Concat(bundle.Translations.Where(t => t.Entity == "spell").Select(t => t.Slug)).Distinct().ToList();
        var spells = spellSlugs.Count == 0 ? new Dictionary<string, Spell>()
            : await db.Spells.Include(s => s.Translations).Where(s => spellSlugs.Contains(s.Slug)).ToDictionaryAsync(s => s.Slug, ct);

        foreach (var draft in bundle.Monsters)
        {
            var existing = monsters.GetValueOrDefault(draft.Monster.Slug);
            Count("monsters", writer.ApplyMonster(existing, draft), $"monster:{draft.Monster.Slug}");
            monsters.TryAdd(draft.Monster.Slug, draft.Monster);
        }
        foreach (var draft in bundle.Spells)
        {
            var existing = spells.GetValueOrDefault(draft.Spell.Slug);
            Count("spells", writer.ApplySpell(existing, draft), $"spell:{draft.Spell.Slug}");
            spells.TryAdd(draft.Spell.Slug, draft.Spell);
        }
        foreach (var draft in bundle.Translations)
        {
            var key = $"{draft.Entity}:{draft.Slug}:{draft.Lang}";
            if (draft.Monster is { } monsterText)
            {
                if (!monsters.TryGetValue(draft.Slug, out var monster))
                {
                    problems.Add(new(draft.Source.File, draft.Source.Line, "slug", $"names the monster '{draft.Slug}', which is neither in the database nor in this bundle"));
                }
                else if (!monsterText.Name.IsSet && !monster.Translations.Exists(t => t.Lang == draft.Lang))
                {
                    problems.Add(new(draft.Source.File, draft.Source.Line, "name", $"is required: the monster '{draft.Slug}' has no '{draft.Lang}' translation yet"));
                }
                else
                {
                    Count("translations", writer.ApplyMonsterText(monster, monsterText), key);
                }
            }
            else if (draft.Spell is { } spellText)
            {
                if (!spells.TryGetValue(draft.Slug, out var spell))
                {
                    problems.Add(new(draft.Source.File, draft.Source.Line, "slug", $"names the spell '{draft.Slug}', which is neither in the database nor in this bundle"));
                }
                else if (!spellText.Name.IsSet && !spell.Translations.Exists(t => t.Lang == draft.Lang))
                {
                    problems.Add(new(draft.Source.File, draft.Source.Line, "name", $"is required: the spell '{draft.Slug}' has no '{draft.Lang}' translation yet"));
                }
                else
                {
                    Count("translations", writer.ApplySpellText(spell, spellText), key);
                }
            }
        }
        if (bundle.EnumLabels.Count > 0)
        {
            var labels = await db.EnumTranslations.ToDictionaryAsync(l => (l.Family, l.Code, l.Lang), ct);
            foreach (var (label, _) in bundle.EnumLabels)
            {
                Count("enum_labels", writer.ApplyEnumLabel(labels.GetValueOrDefault((label.Family, label.Code, label.Lang)), label),
                    $"label:{label.Family}:{label.Code}:{label.Lang}");
            }
        }
        if (bundle.UiStrings.Count > 0)
        {
            var texts = await db.UiTranslations.ToDictionaryAsync(t => (t.Namespace, t.Key, t.Lang), ct);
            foreach (var (text, _) in bundle.UiStrings)
            {
                Count("ui_strings", writer.ApplyUiString(texts.GetValueOrDefault((text.Namespace, text.Key, text.Lang)), text),
                    $"ui:{text.Namespace}:{text.Key}:{text.Lang}");
            }
        }
        var counts = tallies.ToDictionary(t => t.Key, t => new ImportCounts(t.Value[0], t.Value[1], t.Value[2]));
        return new Staged(counts, created, updated);
    }
}
