using System.ComponentModel.DataAnnotations;

namespace DndHelper.Api.Ingest;

// Limits that make a hostile archive (a zip bomb, a flood of files) cost us almost nothing.
public sealed class IngestOptions
{
    // INGEST_MAX_ARCHIVE_BYTES: the upload itself.
    [Range(1024, int.MaxValue)]
    public int MaxArchiveBytes { get; set; } = 10 * 1024 * 1024;

    // INGEST_MAX_FILES: files in the archive, manifest included.
    [Range(1, 10_000)]
    public int MaxFiles { get; set; } = 50;

    // INGEST_MAX_UNCOMPRESSED_BYTES: all files unpacked, counted while unpacking (sizes in headers can lie).
    [Range(1024, int.MaxValue)]
    public int MaxUncompressedBytes { get; set; } = 64 * 1024 * 1024;

    // INGEST_MAX_RECORDS: records in all files together.
    [Range(1, 1_000_000)]
    public int MaxRecords { get; set; } = 20_000;
}
