using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using System.Text.Json;
using DndHelper.Api.Admin;
using DndHelper.Api.Content.Srd;
using DndHelper.Api.Data;
using DndHelper.Api.Editing;
using DndHelper.Contracts.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DndHelper.Api.Ingest;

public sealed record IngestPreview(bool DryRun, string Bundle, IReadOnlyDictionary<string, ImportCounts> Counts);

public sealed record IngestAccepted(Guid JobId, string Status, string Bundle);

public sealed record JobView(
    Guid Id, string Status, string Bundle, string SubmittedBy, long SizeBytes, string Sha256,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyDictionary<string, ImportCounts>? Counts, IReadOnlyList<ContentProblem> Problems);

public sealed record JobList(IReadOnlyList<JobView> Items);

public static partial class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").WithTags("Admin: ingest").RequireAuthorization(AdminAuth.Policy);
        group.MapPost("/ingest", IngestAsync)
            .WithSummary("Validates a bundle (.zip or .tar.gz, see docs/bundle-format.md); dry_run=true reports what would change, otherwise a background job applies it.")
            .Accepts<byte[]>("application/zip", "application/gzip", "application/octet-stream", "multipart/form-data");
        group.MapGet("/jobs", ListJobsAsync).WithSummary("The latest ingest jobs, newest first.");
        group.MapGet("/jobs/{id:guid}", GetJobAsync).WithSummary("Status, counters and problems of one ingest job.");
        return app;
    }

    private static async Task<Results<Ok<IngestPreview>, Accepted<IngestAccepted>, ProblemHttpResult>> IngestAsync(
        HttpRequest request, ClaimsPrincipal user, IngestService ingest, IngestJobRunner jobs, PendingJobs queue,
        IOptions<IngestOptions> options, ILoggerFactory loggers, [FromQuery(Name = "dry_run")] bool dryRun = false, CancellationToken ct = default)
    {
        var logger = loggers.CreateLogger(typeof(IngestApi));
        var (archive, uploadProblem) = await ReadUploadAsync(request, options.Value, ct);
        if (archive is null)
        {
            return Refused([uploadProblem!]);
        }
        // Also a real run is validated here in full, references included, so a bad bundle gets its 400 at once.
        var preview = await ingest.PreviewAsync(archive, ct);
        if (!preview.Accepted)
        {
            var refusedFor = AdminAuth.Actor(user);
            LogRefused(logger, refusedFor, preview.Problems.Count);
            return Refused(preview.Problems);
        }
        if (dryRun)
        {
            return TypedResults.Ok(new IngestPreview(true, preview.Bundle!, preview.Counts));
        }
        var actor = AdminAuth.Actor(user);
        var id = await jobs.CreateAsync(archive, preview.Bundle!, actor, ct);
        queue.Enqueue(id);
        LogQueued(logger, id, preview.Bundle!, actor);
        return TypedResults.Accepted($"/admin/jobs/{id}", new IngestAccepted(id, JobStatus.Queued, preview.Bundle!));
    }

    private static async Task<Ok<JobList>> ListJobsAsync(DndDbContext db, int? limit, CancellationToken ct)
    {
        var rows = await db.IngestJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(Math.Clamp(limit ?? 50, 1, 200))
            .Select(Row).ToListAsync(ct);
        return TypedResults.Ok(new JobList([.. rows.Select(ToView)]));
    }

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetJobAsync(Guid id, DndDbContext db, CancellationToken ct)
    {
        var row = await db.IngestJobs.AsNoTracking().Where(j => j.Id == id).Select(Row).SingleOrDefaultAsync(ct);
        return row is null
            ? TypedResults.Problem(title: "Not found", detail: $"There is no ingest job {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(ToView(row));
    }

    private sealed record JobRow(Guid Id, string Status, string BundleName, string SubmittedBy, long SizeBytes, string Sha256,
        DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Counts, string? Problems);

    // Everything but the archive, which stays in the database.
    private static readonly Expression<Func<IngestJob, JobRow>> Row = j => new JobRow(
        j.Id, j.Status, j.BundleName, j.SubmittedBy, j.SizeBytes, j.Sha256, j.CreatedAt, j.StartedAt, j.FinishedAt, j.Counts, j.Problems);

    private static JobView ToView(JobRow j) => new(
        j.Id, j.Status, j.BundleName, j.SubmittedBy, j.SizeBytes, j.Sha256, j.CreatedAt, j.StartedAt, j.FinishedAt,
        j.Counts is null ? null : JsonSerializer.Deserialize<Dictionary<string, ImportCounts>>(j.Counts, ContractJson.Options),
        j.Problems is null ? [] : JsonSerializer.Deserialize<List<ContentProblem>>(j.Problems, ContractJson.Options) ?? []);

    public static ProblemHttpResult Refused(IReadOnlyList<ContentProblem> problems) => TypedResults.Problem(
        title: "The bundle was refused",
        detail: problems.Count == 1 ? problems[0].ToString()
            : string.Create(CultureInfo.InvariantCulture, $"{problems.Count} problems; the first: {problems[0]}"),
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["problems"] = problems });

    // The body is the archive itself, or a multipart form with one file. Our limit governs, not the server's.
    private static async Task<(byte[]? Archive, ContentProblem? Problem)> ReadUploadAsync(HttpRequest request, IngestOptions limits, CancellationToken ct)
    {
        const int formOverhead = 64 * 1024;
        var tooLarge = new ContentProblem(null, null, null, string.Create(CultureInfo.InvariantCulture,
            $"the upload is larger than the limit of {limits.MaxArchiveBytes} bytes"));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxArchiveBytes + formOverhead + 1;
        }
        if (request.ContentLength > limits.MaxArchiveBytes + (request.HasFormContentType ? formOverhead : 0))
        {
            return (null, tooLarge);
        }
        byte[]? archive;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count != 1)
            {
                return (null, new ContentProblem(null, null, null, "send exactly one file: the bundle archive"));
            }
            await using var file = form.Files[0].OpenReadStream();
            archive = await ReadAtMostAsync(file, limits.MaxArchiveBytes, ct);
        }
        else
        {
            archive = await ReadAtMostAsync(request.Body, limits.MaxArchiveBytes, ct);
        }
        return archive switch
        {
            null => (null, tooLarge),
            [] => (null, new ContentProblem(null, null, null, "the upload is empty; send the bundle archive as the request body")),
            _ => (archive, null),
        };
    }

    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bundle refused for {Actor}: {ProblemCount} problem(s)")]
    private static partial void LogRefused(ILogger logger, string? actor, int problemCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest job {JobId} queued: bundle {Bundle} from {Actor}")]
    private static partial void LogQueued(ILogger logger, Guid jobId, string bundle, string actor);
}
