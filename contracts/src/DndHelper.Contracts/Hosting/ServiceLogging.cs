using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DndHelper.Contracts.Hosting;

// LOG_LEVEL, LOG_JSON and LOG_SERVICE_NAME configure both services the same way.
public static class ServiceLogging
{
    public static IHostApplicationBuilder AddServiceLogging(this IHostApplicationBuilder builder, string defaultServiceName)
    {
        var config = builder.Configuration;
        var level = Enum.TryParse<LogLevel>(config["LOG_LEVEL"], ignoreCase: true, out var parsed) ? parsed : LogLevel.Information;
        var json = string.Equals(config["LOG_JSON"], "true", StringComparison.OrdinalIgnoreCase) || config["LOG_JSON"] == "1";
        var service = config["LOG_SERVICE_NAME"] is { Length: > 0 } name ? name : defaultServiceName;

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(level);
        // EF Core logs every command, and logs expected failures (the first migration's history query)
        // as errors; a failing query surfaces as an exception in the request's own log line instead.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.AspNetCore", level > LogLevel.Warning ? level : LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", level > LogLevel.Warning ? level : LogLevel.Warning);
        builder.Logging.AddConsole(o => o.FormatterName = ServiceLogFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<ServiceLogFormatter, ServiceLogFormatterOptions>(o =>
        {
            o.Json = json;
            o.ServiceName = service;
        });
        return builder;
    }
}

public sealed class ServiceLogFormatterOptions : ConsoleFormatterOptions
{
    public bool Json { get; set; }
    public string ServiceName { get; set; } = "dnd-helper";
}

// One line per event; the request id (from the hosting scope) goes into every line written during a request.
public sealed class ServiceLogFormatter(IOptionsMonitor<ServiceLogFormatterOptions> options)
    : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "dnd";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var current = options.CurrentValue;
        string? requestId = null;
        scopeProvider?.ForEachScope((scope, _) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    if (pair.Key == "RequestId" && pair.Value is not null)
                    {
                        requestId = pair.Value.ToString();
                    }
                }
            }
        }, (object?)null);

        var timestamp = DateTimeOffset.UtcNow;
        if (current.Json)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("time", timestamp);
                writer.WriteString("level", logEntry.LogLevel.ToString());
                writer.WriteString("service", current.ServiceName);
                writer.WriteString("category", logEntry.Category);
                if (requestId is not null)
                {
                    writer.WriteString("request_id", requestId);
                }
                writer.WriteString("message", message);
                if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> fields)
                {
                    foreach (var field in fields)
                    {
                        if (field.Key != "{OriginalFormat}")
                        {
                            writer.WriteString(field.Key, field.Value?.ToString());
                        }
                    }
                }
                if (logEntry.Exception is not null)
                {
                    writer.WriteString("exception", logEntry.Exception.ToString());
                }
                writer.WriteEndObject();
            }
            textWriter.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return;
        }

        textWriter.Write(timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(' ');
        textWriter.Write(ShortLevel(logEntry.LogLevel));
        textWriter.Write(' ');
        textWriter.Write(current.ServiceName);
        if (requestId is not null)
        {
            textWriter.Write(" [");
            textWriter.Write(requestId);
            textWriter.Write(']');
        }
        textWriter.Write(' ');
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        textWriter.WriteLine(message);
        if (logEntry.Exception is not null)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
        }
    }

    private static string ShortLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
