using System.Formats.Tar;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Admin;

// One database with the SRD for the admin tests that write; they share a collection, so they run one
// after another and each can compare the database before and after itself.
public sealed class AdminFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ApiFactory Factory { get; private set; } = null!;

    // Authorised with the admin bearer token.
    public HttpClient Admin { get; private set; } = null!;

    // No credentials at all.
    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new ApiFactory(Database);
        Admin = Factory.CreateClient();
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin);
        Anonymous = Factory.CreateClient(new() { HandleCookies = false });
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    // Row counts and an md5 of every row of every table an admin write or ingest could touch.
    public Task<string> ChecksumAsync() => Database.ScalarAsync<string>("""
        SELECT concat_ws(' ',
          (SELECT count(*) FROM monsters), (SELECT count(*) FROM monster_translations),
          (SELECT count(*) FROM spells), (SELECT count(*) FROM spell_translations),
          (SELECT count(*) FROM enum_translations), (SELECT count(*) FROM ui_translations),
          (SELECT count(*) FROM ingest_jobs), (SELECT count(*) FROM audit_log),
          md5(coalesce((SELECT string_agg(m::text, '|' ORDER BY m.id) FROM monsters m), '')),
          md5(coalesce((SELECT string_agg(t::text, '|' ORDER BY t.monster_id, t.lang) FROM monster_translations t), '')),
          md5(coalesce((SELECT string_agg(s::text, '|' ORDER BY s.id) FROM spells s), '')),
          md5(coalesce((SELECT string_agg(t::text, '|' ORDER BY t.spell_id, t.lang) FROM spell_translations t), '')),
          md5(coalesce((SELECT string_agg(e::text, '|' ORDER BY e.family, e.code, e.lang) FROM enum_translations e), '')),
          md5(coalesce((SELECT string_agg(u::text, '|' ORDER BY u.namespace, u.key, u.lang) FROM ui_translations u), '')),
          md5(coalesce((SELECT string_agg(j::text, '|' ORDER BY j.id) FROM ingest_jobs j), '')),
          md5(coalesce((SELECT string_agg(a::text, '|' ORDER BY a.id) FROM audit_log a), '')))
        """);

    public async Task<JsonElement> WaitForJobAsync(string id)
    {
        for (var i = 0; i < 300; i++)
        {
            var job = await Admin.GetFromJsonAsync<JsonElement>(new Uri($"/admin/jobs/{id}", UriKind.Relative));
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {id} did not finish");
    }
}

[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminFixture>
{
    public const string Name = "admin";
}

// Builds bundle archives in memory, from the committed example or from files a test writes.
public static class Bundles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ExampleFolder => Path.Combine(RepositoryRoot, "docs", "examples", "homebrew-bundle");

    public static Dictionary<string, string> Example() =>
        Directory.GetFiles(ExampleFolder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

    // A manifest that lists the given files with their types, and the files.
    public static Dictionary<string, string> With(params (string Path, string Type, string Content)[] files)
    {
        var manifest = new
        {
            format = 1,
            name = "test-bundle",
            files = files.Select(f => new { path = f.Path, type = f.Type }).ToArray(),
        };
        var result = files.ToDictionary(f => f.Path, f => f.Content);
        result["manifest.json"] = JsonSerializer.Serialize(manifest);
        return result;
    }

    public static byte[] Zip(IReadOnlyDictionary<string, string> files) => Zip(files.Select(f => (f.Key, Encoding.UTF8.GetBytes(f.Value))));

    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] TarGz(IReadOnlyDictionary<string, string> files) => TarGz(files.Select(f => (f.Key, Encoding.UTF8.GetBytes(f.Value))));

    public static byte[] TarGz(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (name, content) in files)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            }
        }
        return buffer.ToArray();
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] archive, bool dryRun)
    {
        using var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync(new Uri($"/admin/ingest?dry_run={(dryRun ? "true" : "false")}", UriKind.Relative), content);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DndHelper.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (DndHelper.slnx) was not found above the test binaries");
    }
}
