using System.Text.Json;
using DndHelper.Api.Admin;
using DndHelper.Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Audit;

public sealed record AuditItem(long Id, DateTimeOffset At, string Actor, string Action, string Target, JsonElement? Before, JsonElement? After);

public sealed record AuditPage(IReadOnlyList<AuditItem> Items, int Total, int Page, int PageSize);

public sealed record AuditQuery(int? Page, [property: FromQuery(Name = "page_size")] int? PageSize, string? Actor, string? Action);

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/admin").WithTags("Admin: audit").RequireAuthorization(AdminAuth.Policy)
            .MapGet("/audit", ListAsync).WithSummary("The audit log, newest first; filter by actor or action prefix (\"monster.\").");
        return app;
    }

    private static async Task<Ok<AuditPage>> ListAsync([AsParameters] AuditQuery query, DndDbContext db, CancellationToken ct)
    {
        var page = Math.Max(1, query.Page ?? 1);
        var size = Math.Clamp(query.PageSize ?? 50, 1, 200);
        var entries = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.Where(e => e.Actor == query.Actor);
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action.StartsWith(query.Action));
        }
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(e => new AuditItem(e.Id, e.At, e.Actor, e.Action, e.Target, Parse(e.Before), Parse(e.After))).ToList();
        return TypedResults.Ok(new AuditPage(items, total, page, size));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
}
