using System.Text.Json;
using DndHelper.Contracts.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DndHelper.Api.Tests.Foundation;

public sealed class LoggingTests
{
    [Fact]
    public void AJsonLineCarriesServiceLevelRequestIdAndTheMessageFields()
    {
        var line = Write(json: true, requestId: "0HN1:00000001");

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        Assert.Equal("dnd-test", root.GetProperty("service").GetString());
        Assert.Equal("Warning", root.GetProperty("level").GetString());
        Assert.Equal("0HN1:00000001", root.GetProperty("request_id").GetString());
        Assert.Equal("Rolled 4d6 for Sam", root.GetProperty("message").GetString());
        Assert.Equal("Sam", root.GetProperty("Player").GetString());
    }

    [Fact]
    public void APlainLineCarriesTheRequestIdInBrackets()
    {
        var line = Write(json: false, requestId: "0HN1:00000002");

        Assert.Contains("warn dnd-test [0HN1:00000002] Tests: Rolled 4d6 for Sam", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ALineOutsideARequestHasNoRequestId()
    {
        var line = Write(json: true, requestId: null);

        Assert.False(JsonDocument.Parse(line).RootElement.TryGetProperty("request_id", out _));
    }

    private static string Write(bool json, string? requestId)
    {
        var options = new OptionsMonitorStub(new ServiceLogFormatterOptions { Json = json, ServiceName = "dnd-test" });
        var formatter = new ServiceLogFormatter(options);
        var scopes = new LoggerExternalScopeProvider();
        using var scope = requestId is null ? null : scopes.Push(new Dictionary<string, object?> { ["RequestId"] = requestId });
        var state = new Dictionary<string, object?> { ["Player"] = "Sam", ["{OriginalFormat}"] = "Rolled 4d6 for {Player}" };
        var entry = new LogEntry<IReadOnlyDictionary<string, object?>>(
            LogLevel.Warning, "Tests", new EventId(1), state, null, (_, _) => "Rolled 4d6 for Sam");
        using var writer = new StringWriter();
        formatter.Write(entry, scopes, writer);
        return writer.ToString().Trim();
    }

    private sealed class OptionsMonitorStub(ServiceLogFormatterOptions value) : IOptionsMonitor<ServiceLogFormatterOptions>
    {
        public ServiceLogFormatterOptions CurrentValue => value;

        public ServiceLogFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ServiceLogFormatterOptions, string?> listener) => null;
    }
}
