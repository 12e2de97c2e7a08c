using DndHelper.Api.Caching;
using DndHelper.Api.Content;
using DndHelper.Api.Data;
using DndHelper.Contracts.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.I18n;

public static class I18nApi
{
    public static IEndpointRouteBuilder MapI18nApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/i18n").WithTags("Languages").RequireRateLimiting(ApiServices.PublicRateLimit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/ui", UiAsync)
            .WithName("UiStrings")
            .WithSummary("UI strings of one language (English where it has none), by namespace and key.");
        group.MapGet("/enums", EnumsAsync)
            .WithName("EnumLabels")
            .WithSummary("The label of every enumeration code in one language, by family and code.");
        return app;
    }

    private static async Task<Results<JsonBody<UiStringsResponse>, ValidationProblem>> UiAsync(
        string? lang, string? ns, HttpContext context, ResponseCache cache, DndDbContext db, CancellationToken ct)
    {
        var values = new QueryValues();
        var language = values.Language(context, lang);
        var namespaceName = string.IsNullOrWhiteSpace(ns) ? null : ns.Trim();
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var body = namespaceName is { Length: > 50 }
            ? CachedJson.None
            : await cache.GetOrCreateAsync(cache.Key(language, "ui").Add("ns", namespaceName), (language, namespaceName), static async (db, s, token) =>
            {
                var rows = await db.UiTranslations.AsNoTracking()
                    .Where(u => (u.Lang == s.language || u.Lang == "en") && (s.namespaceName == null || u.Namespace == s.namespaceName))
                    .Select(u => new { u.Namespace, u.Key, u.Lang, u.Text })
                    .ToListAsync(token);
                if (rows.Count == 0 && s.namespaceName is not null)
                {
                    return CachedJson.None;
                }
                // Stable sort: the requested language comes after English and wins.
                var strings = rows
                    .OrderBy(r => r.Lang == s.language ? 1 : 0)
                    .GroupBy(r => r.Namespace)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(
                        g => g.Key,
                        g => (IReadOnlyDictionary<string, string>)g.GroupBy(r => r.Key).OrderBy(k => k.Key, StringComparer.Ordinal)
                            .ToDictionary(k => k.Key, k => k.Last().Text),
                        StringComparer.Ordinal);
                return CachedJson.From(new UiStringsResponse(s.language, strings));
            }, ct);
        if (body.IsNone)
        {
            var known = await db.UiTranslations.AsNoTracking().Select(u => u.Namespace).Distinct().OrderBy(n => n).ToListAsync(ct);
            values.Fail("ns", $"'{ns}' is not a namespace of UI strings; allowed values: {string.Join(", ", known)}.");
            return values.Problem();
        }
        return new JsonBody<UiStringsResponse>(body);
    }

    private static async Task<Results<JsonBody<EnumLabelsResponse>, ValidationProblem>> EnumsAsync(
        string? lang, HttpContext context, ResponseCache cache, LabelCatalog labels, CancellationToken ct)
    {
        var values = new QueryValues();
        var language = values.Language(context, lang);
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var body = await cache.GetOrCreateAsync(cache.Key(language, "enums"), (language, labels), static async (_, s, token) =>
        {
            var set = await s.labels.GetAsync(s.language, token);
            return CachedJson.From(new EnumLabelsResponse(s.language, set.Families));
        }, ct);
        return new JsonBody<EnumLabelsResponse>(body);
    }
}
