namespace DndHelper.Api.Ingest;

// A bundle applied in the background. The row is the job's whole state, so any API instance can
// report on a job that another instance runs.
public sealed class IngestJob
{
    public Guid Id { get; set; }
    public required string Status { get; set; }
    public required string SubmittedBy { get; set; }
    public required string BundleName { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    // Kept until the job has run, then dropped: the content itself lives in the content tables.
    public byte[]? Archive { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Counts { get; set; }
    public string? Problems { get; set; }
}

public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public static readonly string[] All = [Queued, Running, Succeeded, Failed];
}
