using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using DndHelper.Api.Data;
using DndHelper.Api.Editing;
using DndHelper.Contracts.Json;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Ingest;

// Job ids waiting for this instance's worker. The job rows are the truth; the channel only wakes the worker.
public sealed class PendingJobs
{
    private readonly Channel<Guid> channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid id) => channel.Writer.TryWrite(id);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}

public sealed partial class IngestJobRunner(DndDbContext db, IngestService ingest, TimeProvider time, ILogger<IngestJobRunner> logger)
{
    public async Task<Guid> CreateAsync(byte[] archive, string bundleName, string actor, CancellationToken ct)
    {
        var job = new IngestJob
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Status = JobStatus.Queued,
            SubmittedBy = actor,
            BundleName = bundleName.Length > 100 ? bundleName[..100] : bundleName,
            SizeBytes = archive.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(archive)),
            Archive = archive,
            CreatedAt = time.GetUtcNow(),
        };
        db.IngestJobs.Add(job);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return job.Id;
    }

    // Claims the job (so that no other worker runs it too), applies it and records the outcome.
    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        var claimed = await db.IngestJobs.Where(j => j.Id == id && j.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.StartedAt, time.GetUtcNow()), ct);
        if (claimed == 0)
        {
            return;
        }
        var job = await db.IngestJobs.AsNoTracking().Where(j => j.Id == id)
            .Select(j => new { j.Archive, j.SubmittedBy }).SingleAsync(ct);
        try
        {
            var report = await ingest.ApplyAsync(job.Archive ?? [], job.SubmittedBy, id, ct);
            if (!report.Accepted)
            {
                await FailAsync(id, report.Problems, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogJobFailed(logger, e, id);
            db.ChangeTracker.Clear();
            await FailAsync(id, [new ContentProblem(null, null, null, "the job stopped on an unexpected error; the API log has the details")], CancellationToken.None);
        }
    }

    private async Task FailAsync(Guid id, IReadOnlyList<ContentProblem> problems, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(problems, ContractJson.Options);
        await db.IngestJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Failed)
            .SetProperty(j => j.FinishedAt, time.GetUtcNow())
            .SetProperty(j => j.Problems, json)
            .SetProperty(j => j.Archive, (byte[]?)null), ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, Guid jobId);
}

// Runs the queued jobs of this instance one after another, each in a scope of its own. On start it
// also picks up jobs left queued or abandoned by an instance that stopped.
public sealed partial class IngestWorker(PendingJobs queue, IServiceScopeFactory scopes, TimeProvider time, ILogger<IngestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            // A job applies in one transaction that also marks it done, so one still "running" long after
            // it started died with its instance having written nothing: it can safely run again.
            var stale = time.GetUtcNow() - TimeSpan.FromMinutes(10);
            await db.IngestJobs.Where(j => j.Status == JobStatus.Running && j.StartedAt < stale && j.Archive != null)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued), stoppingToken);
            foreach (var id in await db.IngestJobs.Where(j => j.Status == JobStatus.Queued).OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(stoppingToken))
            {
                queue.Enqueue(id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRecoveryFailed(logger, e);
        }

        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IngestJobRunner>().RunAsync(id, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRunFailed(logger, e, id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for queued ingest jobs at start-up")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest job {JobId} could not be run")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid jobId);
}
