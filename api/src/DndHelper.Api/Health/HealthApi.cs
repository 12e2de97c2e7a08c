using DndHelper.Api.Data;
using DndHelper.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Health;

public sealed record HealthStatus(string Status);

public sealed record ReadinessStatus(string Status, IReadOnlyDictionary<string, string> Checks);

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapGet("/", () => TypedResults.Ok(new HealthStatus("ok")))
            .WithSummary("Liveness: the process answers.");
        group.MapGet("/ready", ReadyAsync)
            .WithSummary("Readiness: PostgreSQL and Redis both answer; 503 names what is down.");
        return app;
    }

    private static async Task<Results<Ok<ReadinessStatus>, JsonHttpResult<ReadinessStatus>>> ReadyAsync(
        DndDbContext db, RedisConnection redis, CancellationToken ct)
    {
        var checks = new Dictionary<string, string>();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
            checks["postgres"] = "ok";
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            checks["postgres"] = "down";
        }
        try
        {
            checks["redis"] = redis.IsConnected && await redis.Database.PingAsync() < TimeSpan.FromSeconds(2) ? "ok" : "down";
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            checks["redis"] = "down";
        }

        var down = checks.Where(c => c.Value != "ok").Select(c => c.Key).ToList();
        return down.Count == 0
            ? TypedResults.Ok(new ReadinessStatus("ok", checks))
            : TypedResults.Json(new ReadinessStatus($"down: {string.Join(", ", down)}", checks), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
