using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using DndHelper.Api.Content;
using DndHelper.Api.Editing;
using DndHelper.Api.I18n;

namespace DndHelper.Api.Ingest;

public sealed class ParsedBundle
{
    public required string Name { get; init; }
    public List<MonsterDraft> Monsters { get; } = [];
    public List<SpellDraft> Spells { get; } = [];
    public List<TranslationDraft> Translations { get; } = [];
    public List<(EnumTranslation Label, ContentSource Source)> EnumLabels { get; } = [];
    public List<(UiTranslation Text, ContentSource Source)> UiStrings { get; } = [];
}

// Reads manifest.json and every file it lists (docs/bundle-format.md) into validated drafts,
// collecting every problem with its file, line and field. Needs no database.
public static class BundleParser
{
    public const string Manifest = "manifest.json";

    public static readonly string[] FileTypes = ["monsters", "spells", "translations", "enum_labels", "ui_strings"];

    private static readonly FrozenSet<string> ManifestFields = FrozenSet.ToFrozenSet(["format", "name", "description", "files"]);
    private static readonly FrozenSet<string> FileFields = FrozenSet.ToFrozenSet(["path", "type"]);

    public static ParsedBundle? Parse(IReadOnlyList<BundleFile> files, IngestOptions limits, SeedData seed, List<ContentProblem> problems)
    {
        var start = problems.Count;
        var byPath = StripCommonFolder(files).ToDictionary(f => f.Path, StringComparer.Ordinal);
        if (!byPath.TryGetValue(Manifest, out var manifestFile))
        {
            problems.Add(new(Manifest, null, null, "is missing: every bundle has a manifest.json at its top level"));
            return null;
        }
        var manifest = ReadManifest(manifestFile, problems);
        if (manifest is null)
        {
            return null;
        }
        var listed = new HashSet<string>(StringComparer.Ordinal) { Manifest };
        foreach (var (path, _) in manifest.Value.Files)
        {
            listed.Add(path);
            if (!byPath.ContainsKey(path))
            {
                problems.Add(new(Manifest, null, "files", $"lists '{path}', which is not in the archive"));
            }
        }
        foreach (var path in byPath.Keys.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal))
        {
            problems.Add(new(path, null, null, "is in the archive but not listed in manifest.json"));
        }
        if (problems.Count > start)
        {
            return null;
        }

        var bundle = new ParsedBundle { Name = manifest.Value.Name };
        var families = seed.EnumLabels.GroupBy(l => l.Family)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(l => l.Code).ToHashSet(StringComparer.Ordinal));
        var seen = new Dictionary<string, ContentSource>(StringComparer.Ordinal);
        var records = 0;
        foreach (var (path, type) in manifest.Value.Files)
        {
            ReadRecords(byPath[path], problems, (record, line) =>
            {
                if (++records > limits.MaxRecords)
                {
                    if (records == limits.MaxRecords + 1)
                    {
                        problems.Add(new(path, line, null, string.Create(CultureInfo.InvariantCulture,
                            $"the bundle holds more than {limits.MaxRecords} records; that is the limit")));
                    }
                    return;
                }
                var at = new FieldReader(path, line, problems);
                switch (type)
                {
                    case "monsters" when ContentValidator.Monster(record, at) is { } monster:
                        if (Unique(seen, $"monster:{monster.Monster.Slug}", at, "slug", $"the monster '{monster.Monster.Slug}'"))
                        {
                            bundle.Monsters.Add(monster);
                        }
                        break;
                    case "spells" when ContentValidator.Spell(record, at) is { } spell:
                        if (Unique(seen, $"spell:{spell.Spell.Slug}", at, "slug", $"the spell '{spell.Spell.Slug}'"))
                        {
                            bundle.Spells.Add(spell);
                        }
                        break;
                    case "translations" when ContentValidator.Translation(record, at) is { } translation:
                        if (Unique(seen, $"translation:{translation.Entity}:{translation.Slug}:{translation.Lang}", at, "slug",
                            $"the {translation.Lang} translation of {translation.Entity} '{translation.Slug}'"))
                        {
                            bundle.Translations.Add(translation);
                        }
                        break;
                    case "enum_labels" when ContentValidator.EnumLabel(record, at, families) is { } label:
                        if (Unique(seen, $"label:{label.Family}:{label.Code}:{label.Lang}", at, "code",
                            $"the {label.Lang} label of {label.Family} '{label.Code}'"))
                        {
                            bundle.EnumLabels.Add((label, at.Source));
                        }
                        break;
                    case "ui_strings" when ContentValidator.UiString(record, at) is { } text:
                        if (Unique(seen, $"ui:{text.Namespace}:{text.Key}:{text.Lang}", at, "key",
                            $"the {text.Lang} text of {text.Namespace}.{text.Key}"))
                        {
                            bundle.UiStrings.Add((text, at.Source));
                        }
                        break;
                }
            });
        }
        return problems.Count > start ? null : bundle;
    }

    private static bool Unique(Dictionary<string, ContentSource> seen, string key, FieldReader at, string field, string what)
    {
        if (seen.TryGetValue(key, out var first))
        {
            at.Fail(field, $"repeats {what}, first given in {first.File} line {first.Line}");
            return false;
        }
        seen[key] = at.Source;
        return true;
    }

    // "tar czf bundle.tar.gz my-bundle/" puts everything under one folder; such a bundle is read as if it did not.
    private static IEnumerable<BundleFile> StripCommonFolder(IReadOnlyList<BundleFile> files)
    {
        if (files.Any(f => f.Path == Manifest))
        {
            return files;
        }
        var manifests = files.Where(f => f.Path.EndsWith("/" + Manifest, StringComparison.Ordinal) && f.Path.Count(c => c == '/') == 1).ToList();
        if (manifests.Count != 1)
        {
            return files;
        }
        var folder = manifests[0].Path[..(manifests[0].Path.IndexOf('/', StringComparison.Ordinal) + 1)];
        return files.All(f => f.Path.StartsWith(folder, StringComparison.Ordinal))
            ? files.Select(f => f with { Path = f.Path[folder.Length..] })
            : files;
    }

    private static (string Name, List<(string Path, string Type)> Files)? ReadManifest(BundleFile file, List<ContentProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutBom(file.Content));
        }
        catch (JsonException e)
        {
            problems.Add(new(Manifest, (int)(e.LineNumber ?? 0) + 1, null, NotJson(e)));
            return null;
        }
        using (document)
        {
            var start = problems.Count;
            var at = new FieldReader(Manifest, null, problems);
            var root = document.RootElement;
            if (!at.IsObject(root, ""))
            {
                return null;
            }
            at.RejectUnknown(root, "", ManifestFields);
            var format = at.Whole(root, "", "format", 1, int.MaxValue, required: true);
            if (format is > 1)
            {
                at.Fail("format", $"is {format}; this server reads format 1");
            }
            var name = at.Text(root, "", "name", 100, required: true);
            at.Text(root, "", "description", 2000);
            var files = new List<(string, string)>();
            if (!root.TryGetProperty("files", out _))
            {
                at.Fail("files", "is required: the list of the bundle's data files");
            }
            foreach (var (item, path) in at.Items(root, "", "files"))
            {
                if (!at.IsObject(item, path))
                {
                    continue;
                }
                at.RejectUnknown(item, path, FileFields);
                var filePath = at.Text(item, path, "path", 255, required: true);
                var type = at.Code(item, path, "type", FileTypes, required: true);
                if (filePath is null || type is null)
                {
                    continue;
                }
                if (!filePath.EndsWith(".json", StringComparison.Ordinal) && !filePath.EndsWith(".ndjson", StringComparison.Ordinal)
                    && !filePath.EndsWith(".jsonl", StringComparison.Ordinal))
                {
                    at.Fail($"{path}.path", $"'{filePath}' must end in .json (a list of records) or .ndjson (one record per line)");
                }
                else if (files.Exists(f => f.Item1 == filePath))
                {
                    at.Fail($"{path}.path", $"'{filePath}' is listed twice");
                }
                else
                {
                    files.Add((filePath, type));
                }
            }
            return problems.Count > start ? null : (name!, files);
        }
    }

    // A .json file holds one list of records; a .ndjson (or .jsonl) file holds one record per line.
    // Each record is handed over with the line it starts on.
    private static void ReadRecords(BundleFile file, List<ContentProblem> problems, Action<JsonElement, int> handle)
    {
        var data = WithoutBom(file.Content);
        if (!file.Path.EndsWith(".json", StringComparison.Ordinal))
        {
            var line = 0;
            var rest = data;
            while (rest.Length > 0 || line == 0)
            {
                line++;
                var end = rest.Span.IndexOf((byte)'\n');
                var current = end < 0 ? rest : rest[..end];
                rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
                if (current.Span.Trim(" \t\r"u8).IsEmpty)
                {
                    if (rest.IsEmpty)
                    {
                        break;
                    }
                    continue;
                }
                try
                {
                    using var document = JsonDocument.Parse(current);
                    handle(document.RootElement, line);
                }
                catch (JsonException e)
                {
                    problems.Add(new(file.Path, line, null, NotJson(e)));
                }
            }
            return;
        }

        var reader = new Utf8JsonReader(data.Span);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                problems.Add(new(file.Path, 1, null, "must hold a JSON list of records ([{...}, {...}]); a file of one record per line is named .ndjson"));
                return;
            }
            var lineAt = 1;
            var scanned = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var startAt = (int)reader.TokenStartIndex;
                lineAt += data.Span[scanned..startAt].Count((byte)'\n');
                scanned = startAt;
                using var document = JsonDocument.ParseValue(ref reader);
                handle(document.RootElement, lineAt);
            }
            if (reader.Read())
            {
                throw new JsonException("there is more after the end of the list", null, null, null);
            }
        }
        catch (JsonException e)
        {
            problems.Add(new(file.Path, e.LineNumber is { } n ? (int)n + 1 : null, null, NotJson(e)));
        }
    }

    private static ReadOnlyMemory<byte> WithoutBom(byte[] content) =>
        content.AsSpan().StartsWith("\uFEFF"u8) ? content.AsMemory(3) : content.AsMemory();

    private static string NotJson(JsonException e)
    {
        var message = e.Message;
        foreach (var noise in new[] { " Path:", " LineNumber:", " | " })
        {
            var cut = message.IndexOf(noise, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }
        var column = e.BytePositionInLine is { } b ? string.Create(CultureInfo.InvariantCulture, $" (column {b + 1})") : "";
        return $"is not valid JSON{column}: {message.TrimEnd('.')}";
    }
}
