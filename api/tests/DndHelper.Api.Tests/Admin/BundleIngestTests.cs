using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DndHelper.Api.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace DndHelper.Api.Tests.Admin;

[Collection(AdminCollection.Name)]
public sealed class BundleIngestTests(AdminFixture admin)
{
    [Fact]
    public async Task TheExampleBundleIsPreviewedWithoutWritingThenAppliedByAJobAndASecondRunChangesNothing()
    {
        await DeleteExampleContentAsync();
        var archive = Bundles.TarGz(Bundles.Example());
        var before = await admin.ChecksumAsync();

        using var preview = await Bundles.PostAsync(admin.Admin, archive, dryRun: true);
        var counts = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counts");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal((2, 0, 0), Counts(counts, "monsters"));
        Assert.Equal((1, 0, 0), Counts(counts, "spells"));
        Assert.Equal((3, 0, 0), Counts(counts, "translations"));
        Assert.Equal((0, 0, 1), Counts(counts, "enum_labels"));
        Assert.Equal(before, await admin.ChecksumAsync());

        using var accepted = await Bundles.PostAsync(admin.Admin, archive, dryRun: false);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = body.GetProperty("job_id").GetString()!;
        Assert.Equal($"/admin/jobs/{id}", accepted.Headers.Location?.OriginalString);
        var job = await admin.WaitForJobAsync(id);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(("frost-and-ember", "tester"), (job.GetProperty("bundle").GetString(), job.GetProperty("submitted_by").GetString()));
        Assert.Equal((2, 0, 0), Counts(job.GetProperty("counts"), "monsters"));
        Assert.Equal((2, 0, 0), Counts(job.GetProperty("counts"), "ui_strings"));

        var goblin = await admin.Admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/monsters/frost-goblin", UriKind.Relative));
        Assert.Equal("Морозный гоблин", goblin.GetProperty("translations").GetProperty("ru").GetProperty("name").GetString());
        Assert.Equal(9, goblin.GetProperty("passive_perception").GetInt32());
        Assert.Equal(50, await admin.Database.ScalarAsync<int>("SELECT xp FROM monsters WHERE slug = 'frost-goblin'"));
        Assert.Equal("Ледяное копьё", await admin.Database.ScalarAsync<string>(
            "SELECT t.name FROM spell_translations t JOIN spells s ON s.id = t.spell_id WHERE s.slug = 'frost-lance' AND t.lang = 'ru'"));
        Assert.Null(await admin.Database.ScalarAsync<object?>($"SELECT archive FROM ingest_jobs WHERE id = '{id}'") as byte[]);
        var audit = await admin.Admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/audit?action=ingest.", UriKind.Relative));
        var entry = audit.GetProperty("items")[0];
        Assert.Equal("tester", entry.GetProperty("actor").GetString());
        Assert.Contains("monster:frost-goblin", entry.GetProperty("after").GetProperty("created").EnumerateArray().Select(e => e.GetString()));

        var applied = await admin.ChecksumAsync();
        using var again = await Bundles.PostAsync(admin.Admin, Bundles.Zip(Bundles.Example()), dryRun: false);
        var second = await admin.WaitForJobAsync((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString()!);
        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        foreach (var kind in second.GetProperty("counts").EnumerateObject())
        {
            Assert.Equal(0, kind.Value.GetProperty("created").GetInt32() + kind.Value.GetProperty("updated").GetInt32());
        }
        Assert.Equal((0, 0, 2), Counts(second.GetProperty("counts"), "monsters"));
        // Only the new job and its audit entry differ: no content row was touched.
        Assert.Equal(Content(applied), Content(await admin.ChecksumAsync()));

        var jobs = await admin.Admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/jobs", UriKind.Relative));
        Assert.Equal(second.GetProperty("id").GetString(), jobs.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ABundleMayAlsoComeAsAMultipartFormFile()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Bundles.Zip(Bundles.Example()));
        file.Headers.ContentType = new("application/zip");
        form.Add(file, "bundle", "homebrew.zip");

        using var response = await admin.Admin.PostAsync(new Uri("/admin/ingest?dry_run=true", UriKind.Relative), form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("frost-and-ember", body.GetProperty("bundle").GetString());
        Assert.True(body.GetProperty("dry_run").GetBoolean());
    }

    [Fact]
    public async Task AChangedRecordIsReportedAsUpdated()
    {
        var files = Bundles.Example();
        using (var first = await Bundles.PostAsync(admin.Admin, Bundles.Zip(files), dryRun: false))
        {
            await admin.WaitForJobAsync((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString()!);
        }

        files["monsters.ndjson"] = files["monsters.ndjson"].Replace("\"hit_points\": 9,", "\"hit_points\": 11,", StringComparison.Ordinal);
        using var preview = await Bundles.PostAsync(admin.Admin, Bundles.Zip(files), dryRun: true);
        var counts = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counts");

        Assert.Equal((0, 1, 1), Counts(counts, "monsters"));
        Assert.Equal(9, await admin.Database.ScalarAsync<int>("SELECT hit_points FROM monsters WHERE slug = 'frost-goblin'"));
    }

    [Fact]
    public async Task TheCommandLineIngestUsesTheSameCodeAndHonoursDryRun()
    {
        await DeleteExampleContentAsync();
        var path = Path.Combine(Path.GetTempPath(), $"bundle-{Guid.NewGuid():N}.tar.gz");
        await File.WriteAllBytesAsync(path, Bundles.TarGz(Bundles.Example()));
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(broken, Bundles.Zip(Bundles.With(("monsters.json", "monsters", "[{\"slug\": \"x\"}]"))));
        try
        {
            var before = await admin.ChecksumAsync();
            Assert.Equal(0, await RunCliAsync(path, "--dry-run"));
            Assert.Equal(before, await admin.ChecksumAsync());
            Assert.Equal(1, await RunCliAsync(broken));
            Assert.Equal(before, await admin.ChecksumAsync());
            Assert.Equal(2, await RunCliAsync());

            Assert.Equal(0, await RunCliAsync(path));
            Assert.Equal(1, await admin.Database.ScalarAsync<long>("SELECT count(*) FROM monsters WHERE slug = 'ember-hound'"));
            Assert.StartsWith("cli:", await admin.Database.ScalarAsync<string>("SELECT submitted_by FROM ingest_jobs ORDER BY created_at DESC LIMIT 1"),
                StringComparison.Ordinal);
            Assert.Equal("succeeded", await admin.Database.ScalarAsync<string>("SELECT status FROM ingest_jobs ORDER BY created_at DESC LIMIT 1"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(broken);
        }
    }

    private async Task<int> RunCliAsync(params string[] args)
    {
        await using var scope = admin.Factory.Services.CreateAsyncScope();
        return await IngestCommand.RunAsync(scope.ServiceProvider, args);
    }

    private async Task DeleteExampleContentAsync()
    {
        await admin.Database.ScalarAsync<int>("""
            WITH m AS (DELETE FROM monsters WHERE slug IN ('frost-goblin', 'ember-hound') RETURNING 1),
                 s AS (DELETE FROM spells WHERE slug = 'frost-lance' RETURNING 1),
                 u AS (DELETE FROM ui_translations WHERE namespace = 'common' AND key = 'homebrew_note' RETURNING 1)
            SELECT 1
            """);
    }

    private static (int, int, int) Counts(JsonElement counts, string kind)
    {
        var c = counts.GetProperty(kind);
        return (c.GetProperty("created").GetInt32(), c.GetProperty("updated").GetInt32(), c.GetProperty("unchanged").GetInt32());
    }

    // The checksum without the job and audit tables.
    private static string Content(string checksum)
    {
        var parts = checksum.Split(' ');
        return string.Join(' ', parts[..6].Concat(parts[8..14]));
    }
}
