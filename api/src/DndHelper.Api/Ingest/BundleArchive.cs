using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using DndHelper.Api.Editing;

namespace DndHelper.Api.Ingest;

public sealed record BundleFile(string Path, byte[] Content);

// Unpacks a .zip or .tar.gz into memory under the limits of IngestOptions. Every name is checked
// before anything is unpacked, and sizes are counted as the bytes come out, never taken from headers.
public static class BundleArchive
{
    public static IReadOnlyList<BundleFile>? Read(byte[] archive, IngestOptions limits, List<ContentProblem> problems)
    {
        if (archive.Length > limits.MaxArchiveBytes)
        {
            problems.Add(new(null, null, null, string.Create(CultureInfo.InvariantCulture,
                $"the archive is {archive.Length} bytes; the limit is {limits.MaxArchiveBytes} bytes")));
            return null;
        }
        try
        {
            if (archive is [0x50, 0x4B, ..])
            {
                return ReadZip(archive, limits);
            }
            if (archive is [0x1F, 0x8B, ..])
            {
                return ReadTarGz(archive, limits);
            }
            problems.Add(new(null, null, null, "the upload is neither a .zip nor a .tar.gz archive"));
        }
        catch (RefusedException e)
        {
            problems.Add(new(e.File, null, null, e.Message));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
        {
            problems.Add(new(null, null, null, $"the archive is damaged: {e.Message}"));
        }
        return null;
    }

    private static List<BundleFile> ReadZip(byte[] archive, IngestOptions limits)
    {
        using var zip = new ZipArchive(new MemoryStream(archive, writable: false), ZipArchiveMode.Read);
        var all = zip.Entries.Select(e => (Entry: e, Name: Normalise(e.FullName))).ToList();
        var files = all.Where(e => !e.Entry.FullName.EndsWith('/')).Select(e => e.Entry).ToList();
        var names = all.Where(e => !e.Entry.FullName.EndsWith('/')).Select(e => e.Name).ToList();
        if (files.Count > limits.MaxFiles)
        {
            throw new RefusedException(null, string.Create(CultureInfo.InvariantCulture,
                $"the archive holds {files.Count} files; the limit is {limits.MaxFiles}"));
        }
        var result = new List<BundleFile>();
        long total = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var remaining = limits.MaxUncompressedBytes - total;
            if (files[i].Length > remaining)
            {
                throw TooLarge(names[i], limits);
            }
            using var stream = files[i].Open();
            var content = ReadAtMost(stream, remaining, names[i], limits);
            total += content.Length;
            result.Add(new BundleFile(names[i], content));
        }
        return Unique(result);
    }

    private static List<BundleFile> ReadTarGz(byte[] archive, IngestOptions limits)
    {
        using var gzip = new GZipStream(new MemoryStream(archive, writable: false), CompressionMode.Decompress);
        // Tar headers and padding come on top of the file contents; this bounds them too.
        using var capped = new CappedStream(gzip, limits.MaxUncompressedBytes + (limits.MaxFiles + 16L) * 4096, limits);
        using var tar = new TarReader(capped);
        var result = new List<BundleFile>();
        long total = 0;
        var entries = 0;
        while (tar.GetNextEntry() is { } entry)
        {
            if (++entries > limits.MaxFiles * 4)
            {
                throw new RefusedException(null, string.Create(CultureInfo.InvariantCulture,
                    $"the archive holds more than {limits.MaxFiles} files; that is the limit"));
            }
            var name = Normalise(entry.Name);
            if (entry.EntryType == TarEntryType.Directory || name.Length == 0)
            {
                continue;
            }
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
            {
                throw new RefusedException(name, $"'{name}' is a {entry.EntryType}; a bundle holds plain files only");
            }
            if (result.Count + 1 > limits.MaxFiles)
            {
                throw new RefusedException(null, string.Create(CultureInfo.InvariantCulture,
                    $"the archive holds more than {limits.MaxFiles} files; that is the limit"));
            }
            var remaining = limits.MaxUncompressedBytes - total;
            if (entry.Length > remaining)
            {
                throw TooLarge(name, limits);
            }
            var content = entry.DataStream is null ? [] : ReadAtMost(entry.DataStream, remaining, name, limits);
            total += content.Length;
            result.Add(new BundleFile(name, content));
        }
        return Unique(result);
    }

    // Names are refused, not cleaned: an archive that tries to climb out is hostile, whatever else it holds.
    private static string Normalise(string name)
    {
        string? problem = null;
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            problem = "contains a NUL character";
        }
        else if (name.Contains('\\', StringComparison.Ordinal))
        {
            problem = "contains '\\'; paths in a bundle use '/'";
        }
        else if (name.StartsWith('/') || (name.Length > 1 && name[1] == ':'))
        {
            problem = "is an absolute path";
        }
        else if (name.Split('/').Contains(".."))
        {
            problem = "contains '..', which would reach outside the bundle";
        }
        else if (name.Length > 255)
        {
            problem = "is longer than 255 characters";
        }
        if (problem is not null)
        {
            throw new RefusedException(null, $"the archive was refused: the entry name '{name.Replace("\0", "\\0", StringComparison.Ordinal)}' {problem}");
        }
        return string.Join('/', name.Split('/').Where(part => part is not ("" or ".")));
    }

    private static List<BundleFile> Unique(List<BundleFile> files)
    {
        var duplicate = files.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? files : throw new RefusedException(duplicate.Key, $"the archive holds '{duplicate.Key}' more than once");
    }

    private static byte[] ReadAtMost(Stream stream, long limit, string name, IngestOptions limits)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(name, limits);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static RefusedException TooLarge(string? name, IngestOptions limits) => new(name, string.Create(CultureInfo.InvariantCulture,
        $"the archive unpacks to more than {limits.MaxUncompressedBytes} bytes (the limit); it was refused as a possible zip bomb"));

    private sealed class RefusedException(string? file, string message) : Exception(message)
    {
        public string? File { get; } = file;
    }

    // Counts what comes out of the decompressor and stops the moment it passes the limit.
    private sealed class CappedStream(Stream inner, long limit, IngestOptions limits) : Stream
    {
        private long total;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => total; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            total += read;
            return total > limit ? throw TooLarge(null, limits) : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
