using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Admin;

// Every malformed or hostile bundle is answered 400 with a precise problem, for a dry run and a real
// run alike, and the database stays byte for byte the same (row counts and a checksum of every row).
[Collection(AdminCollection.Name)]
public sealed class MalformedBundleTests(AdminFixture admin)
{
    private const string Goblin = """{"slug": "bad-goblin", "size": "small", "type": "humanoid", "alignment": "neutral_evil", "armor_class": 15, "hit_points": 7, "hit_dice": "2d6", "strength": 8, "dexterity": 14, "constitution": 10, "intelligence": 10, "wisdom": 8, "charisma": 8, "challenge_rating": "1/4", "translations": {"en": {"name": "Bad Goblin"}}}""";

    [Fact]
    public async Task InvalidJsonIsReportedWithItsFileAndLine()
    {
        var files = Bundles.With(("monsters.json", "monsters", "[\n" + Goblin + ",\n{\"slug\": \"broken\",, }\n]"));

        var problem = await RefusedAsync(Bundles.Zip(files));

        Assert.Equal(("monsters.json", 3), (problem.File, problem.Line));
        Assert.StartsWith("is not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidJsonOnOneLineOfAnNdjsonFileIsReportedWithThatLine()
    {
        var files = Bundles.With(("monsters.ndjson", "monsters", Goblin + "\n\n{\"slug\": \"nope\"\n"));

        var problem = await RefusedAsync(Bundles.TarGz(files));

        Assert.Equal(("monsters.ndjson", 3, (string?)null), (problem.File, problem.Line, problem.Field));
    }

    [Fact]
    public async Task AnUnknownEnumCodeIsReportedWithItsFieldAndTheAllowedCodes()
    {
        var files = Bundles.With(("monsters.ndjson", "monsters", Goblin + "\n" + Goblin.Replace("bad-goblin", "big-goblin", StringComparison.Ordinal)
            .Replace("\"small\"", "\"colossal\"", StringComparison.Ordinal)));

        var problem = await RefusedAsync(Bundles.Zip(files));

        Assert.Equal(("monsters.ndjson", 2, "size"), (problem.File, problem.Line, problem.Field));
        Assert.StartsWith("has the unknown code 'colossal'; allowed: tiny, small", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownEnumLabelCodeIsRefused()
    {
        var files = Bundles.With(("labels.ndjson", "enum_labels", """{"family": "school", "code": "chronomancy", "lang": "ru", "label": "Хрономантия"}"""));

        var problem = await RefusedAsync(Bundles.Zip(files));

        Assert.Equal(("labels.ndjson", 1, "code"), (problem.File, problem.Line, problem.Field));
    }

    [Fact]
    public async Task AMissingRequiredFieldIsReportedByName()
    {
        var files = Bundles.With(("monsters.ndjson", "monsters", Goblin.Replace("\"hit_points\": 7, ", "", StringComparison.Ordinal)));

        var problem = await RefusedAsync(Bundles.Zip(files));

        Assert.Equal(("monsters.ndjson", 1, "hit_points", "is required"), (problem.File, problem.Line, problem.Field, problem.Message));
    }

    [Fact]
    public async Task TheSameSlugTwiceIsReportedWhereItRepeats()
    {
        var files = Bundles.With(
            ("monsters.ndjson", "monsters", Goblin),
            ("more-monsters.json", "monsters", "[\n  " + Goblin + "\n]"));

        var problem = await RefusedAsync(Bundles.Zip(files));

        Assert.Equal(("more-monsters.json", 2, "slug"), (problem.File, problem.Line, problem.Field));
        Assert.Equal("repeats the monster 'bad-goblin', first given in monsters.ndjson line 1", problem.Message);
    }

    [Fact]
    public async Task ATranslationOfAnUnknownMonsterIsRefused()
    {
        var files = Bundles.With(("translations.ndjson", "translations", """{"entity": "monster", "slug": "no-such-monster", "lang": "ru", "name": "Никто"}"""));

        var problem = await RefusedAsync(Bundles.Zip(files));

        Assert.Equal(("translations.ndjson", 1, "slug"), (problem.File, problem.Line, problem.Field));
    }

    [Fact]
    public async Task EveryProblemIsReportedNotOnlyTheFirst()
    {
        var files = Bundles.With(("monsters.ndjson", "monsters",
            Goblin.Replace("\"hit_points\": 7, ", "", StringComparison.Ordinal) + "\n" + Goblin.Replace("\"1/4\"", "\"1/3\"", StringComparison.Ordinal)));
        files["stray.txt"] = "hello";

        var problems = await AllRefusedAsync(Bundles.Zip(files));

        Assert.Contains(problems, p => p.File == "stray.txt" && p.Message.Contains("not listed", StringComparison.Ordinal));
        Assert.Single(problems);
        files.Remove("stray.txt");
        problems = await AllRefusedAsync(Bundles.Zip(files));
        Assert.Equal([("hit_points", 1), ("challenge_rating", 2)], problems.Select(p => (p.Field!, p.Line!.Value)).ToList());
    }

    [Fact]
    public async Task ABundleWithoutAManifestIsRefused()
    {
        var problem = await RefusedAsync(Bundles.Zip(new Dictionary<string, string> { ["monsters.json"] = "[]" }));

        Assert.Equal("manifest.json", problem.File);
    }

    [Fact]
    public async Task AnOversizedUploadIsRefused()
    {
        var noise = RandomNumberGenerator.GetBytes(10 * 1024 * 1024 + 1);
        noise[0] = 0x50;
        noise[1] = 0x4B;

        var problem = await RefusedAsync(noise);

        Assert.Contains("larger than the limit of 10485760 bytes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSizeLimitIsConfigurable()
    {
        await using var factory = new ApiFactory(admin.Database, new Dictionary<string, string?> { ["INGEST_MAX_ARCHIVE_BYTES"] = "2048" });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Admin);
        var archive = Bundles.Zip(Bundles.Example());
        Assert.True(archive.Length > 2048);

        var problem = await RefusedAsync(archive, client);

        Assert.Contains("larger than the limit of 2048 bytes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZipBombIsRefusedAsSoonAsItUnpacksPastTheLimit()
    {
        var files = Bundles.With(("monsters.json", "monsters", "[]"));
        var bomb = new List<(string, byte[])>(files.Select(f => (f.Key, System.Text.Encoding.UTF8.GetBytes(f.Value))))
        {
            ("padding.json", new byte[80 * 1024 * 1024]),
        };
        var zip = Bundles.Zip(bomb);
        Assert.True(zip.Length < 1024 * 1024, "the bomb is small when packed");

        var problem = await RefusedAsync(zip);

        Assert.Contains("zip bomb", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATarGzBombIsRefusedToo()
    {
        var bomb = new List<(string, byte[])> { ("manifest.json", "{}"u8.ToArray()), ("padding.json", new byte[80 * 1024 * 1024]) };

        var problem = await RefusedAsync(Bundles.TarGz(bomb));

        Assert.Contains("zip bomb", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyFilesAreRefused()
    {
        var files = Enumerable.Range(0, 60).Select(i => ($"monsters-{i}.json", "monsters", "[]")).ToArray();

        var problem = await RefusedAsync(Bundles.Zip(Bundles.With(files)));

        Assert.Contains("the limit is 50", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape.json", "'..'")]
    [InlineData("data/../../escape.json", "'..'")]
    [InlineData("/etc/escape.json", "absolute path")]
    [InlineData("C:/escape.json", "absolute path")]
    [InlineData("..\\escape.json", "'\\'")]
    public async Task AnEntryNameThatClimbsOutIsRefused(string name, string reason)
    {
        var files = Bundles.With(("monsters.json", "monsters", "[]"));
        files[name] = "[]";

        var zipProblem = await RefusedAsync(Bundles.Zip(files));

        Assert.StartsWith("the archive was refused: the entry name", zipProblem.Message, StringComparison.Ordinal);
        Assert.Contains(reason, zipProblem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATarGzWithAClimbingNameIsRefused()
    {
        var files = Bundles.With(("monsters.json", "monsters", "[]"));
        files["../escape.json"] = "[]";

        var problem = await RefusedAsync(Bundles.TarGz(files));

        Assert.Contains("'..'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomethingThatIsNoArchiveIsRefused()
    {
        var problem = await RefusedAsync("just some text"u8.ToArray());

        Assert.Equal("the upload is neither a .zip nor a .tar.gz archive", problem.Message);
    }

    private sealed record Problem(string? File, int? Line, string? Field, string Message);

    private async Task<Problem> RefusedAsync(byte[] archive, HttpClient? client = null) => (await AllRefusedAsync(archive, client))[0];

    // Both a dry run and a real run must refuse, with the same problems, and neither may change a byte.
    private async Task<List<Problem>> AllRefusedAsync(byte[] archive, HttpClient? client = null)
    {
        client ??= admin.Admin;
        var before = await admin.ChecksumAsync();
        var results = new List<List<Problem>>();
        foreach (var dryRun in new[] { true, false })
        {
            using var response = await Bundles.PostAsync(client, archive, dryRun);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("The bundle was refused", body.GetProperty("title").GetString());
            results.Add([.. body.GetProperty("problems").EnumerateArray().Select(p => new Problem(
                p.TryGetProperty("file", out var f) ? f.GetString() : null,
                p.TryGetProperty("line", out var l) ? l.GetInt32() : null,
                p.TryGetProperty("field", out var d) ? d.GetString() : null,
                p.GetProperty("message").GetString()!))]);
        }
        Assert.Equal(results[0], results[1]);
        Assert.Equal(before, await admin.ChecksumAsync());
        return results[0];
    }
}
