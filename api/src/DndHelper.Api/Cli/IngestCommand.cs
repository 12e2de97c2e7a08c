using System.Globalization;
using DndHelper.Api.Content.Srd;
using DndHelper.Api.Data;
using DndHelper.Api.Infrastructure;
using DndHelper.Api.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DndHelper.Api.Cli;

// `ingest FILE [--dry-run]`: the admin ingest from the command line, through the same validation,
// staging and job code as POST /admin/ingest. A real run is recorded as a job and in the audit log,
// by "cli:<user>", and runs here and now rather than on a server's worker.
public static class IngestCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var dryRun = args.Contains("--dry-run");
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count != 1)
        {
            await Console.Error.WriteLineAsync("usage: ingest FILE [--dry-run]   (FILE: a bundle .zip or .tar.gz, see docs/bundle-format.md)");
            return 2;
        }
        var path = files[0];
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"ingest: {path}: no such file");
            return 2;
        }
        var limit = services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxArchiveBytes;
        if (new FileInfo(path).Length > limit)
        {
            await Console.Error.WriteLineAsync($"ingest refused, nothing was changed: {path} is larger than the limit of {limit} bytes (INGEST_MAX_ARCHIVE_BYTES)");
            return 1;
        }
        var archive = await File.ReadAllBytesAsync(path);
        var ingest = services.GetRequiredService<IngestService>();
        var actor = $"cli:{Environment.UserName}";

        if (dryRun)
        {
            var preview = await ingest.PreviewAsync(archive, CancellationToken.None);
            if (!preview.Accepted)
            {
                return await RefusedAsync(preview.Problems);
            }
            Console.WriteLine($"Bundle {preview.Bundle} (dry run: nothing was written)");
            PrintCounts(preview.Counts);
            return 0;
        }

        // The same checks as the API before a job exists, so that a bad bundle leaves no trace.
        var check = await ingest.PreviewAsync(archive, CancellationToken.None);
        if (!check.Accepted)
        {
            return await RefusedAsync(check.Problems);
        }
        var runner = services.GetRequiredService<IngestJobRunner>();
        var id = await runner.CreateAsync(archive, check.Bundle!, actor, CancellationToken.None);
        // Other instances learn of the change through Redis; give the connection a moment to come up.
        var redis = services.GetRequiredService<RedisConnection>();
        for (var i = 0; i < 30 && !redis.IsConnected; i++)
        {
            await Task.Delay(100);
        }
        await runner.RunAsync(id, CancellationToken.None);
        var job = await services.GetRequiredService<DndDbContext>().IngestJobs.AsNoTracking().SingleAsync(j => j.Id == id);
        if (job.Status != JobStatus.Succeeded)
        {
            await Console.Error.WriteLineAsync($"job {id} {job.Status}, nothing was changed: {job.Problems}");
            return 1;
        }
        Console.WriteLine($"Bundle {job.BundleName} applied (job {id})");
        PrintCounts(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, ImportCounts>>(job.Counts!, Contracts.Json.ContractJson.Options)!);
        return 0;
    }

    private static async Task<int> RefusedAsync(IReadOnlyList<Editing.ContentProblem> problems)
    {
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ingest refused, nothing was changed ({problems.Count} problem(s)):"));
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"  {problem}");
        }
        return 1;
    }

    private static void PrintCounts(IReadOnlyDictionary<string, ImportCounts> counts)
    {
        foreach (var (kind, count) in counts.OrderBy(c => Array.IndexOf(BundleParser.FileTypes, c.Key)))
        {
            Console.WriteLine($"  {kind,-12} {count}");
        }
    }
}
