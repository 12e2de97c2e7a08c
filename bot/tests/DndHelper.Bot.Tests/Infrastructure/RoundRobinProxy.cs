using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DndHelper.Bot.Tests.Infrastructure;

// One address in front of several bot replicas, taking turns, as a load balancer would.
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient http = new();
    private int next;

    private RoundRobinProxy(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public List<Uri> Targets { get; } = [];

    public Dictionary<Uri, int> Hits { get; } = [];

    public static async Task<RoundRobinProxy> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var proxy = new RoundRobinProxy(builder.Build());
        proxy.app.Run(proxy.ForwardAsync);
        await proxy.app.StartAsync();
        proxy.Address = new Uri(proxy.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        Uri target;
        lock (Targets)
        {
            target = Targets[next++ % Targets.Count];
            Hits[target] = Hits.GetValueOrDefault(target) + 1;
        }
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, context.Request.Path + context.Request.QueryString))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var header in context.Request.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }
        using var response = await http.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        http.Dispose();
    }
}
