using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using DndHelper.Api.Admin;
using DndHelper.Api.Audit;
using DndHelper.Api.Caching;
using DndHelper.Api.Data;
using DndHelper.Contracts.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DndHelper.Api.Editing;

public sealed record MonsterRow(string Slug, string? Name, string? NameRu, string Type, string ChallengeRating);

public sealed record SpellRow(string Slug, string? Name, string? NameRu, int Level, string School);

public sealed record UiStringRow(string Namespace, string Key, IReadOnlyDictionary<string, string> Texts);

public sealed record ContentPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record BrowseQuery(string? Q, int? Page, [property: FromQuery(Name = "page_size")] int? PageSize)
{
    public int PageNumber => Math.Max(1, Page ?? 1);
    public int Size => Math.Clamp(PageSize ?? 25, 1, 100);

    // ILIKE pattern with the user's % and _ taken literally.
    public string? Pattern => string.IsNullOrWhiteSpace(Q) ? null
        : "%" + Q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}

// Admin writes of content. Every body goes through ContentValidator (the bundle ingest's validator);
// every change is audited in the same SaveChanges and then announced to all instances (ContentVersion).
public static class EditingApi
{
    public static IEndpointRouteBuilder MapEditingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").WithTags("Admin: content").RequireAuthorization(AdminAuth.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/monsters", BrowseMonstersAsync).WithSummary("Browse and search monsters by slug or name (any language).");
        group.MapGet("/monsters/{slug}", GetMonsterAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One monster in the record shape that PUT accepts.");
        group.MapPost("/monsters", CreateMonsterAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Create a monster; 409 when the slug exists.");
        group.MapPut("/monsters/{slug}", UpdateMonsterAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Replace a monster's facts; translations given are merged.");
        group.MapDelete("/monsters/{slug}", DeleteMonsterAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Delete a monster and its translations.");
        group.MapPut("/monsters/{slug}/translations/{lang}", PutMonsterTranslationAsync)
            .WithSummary("Create or update one translation; fields left out keep their value.");

        group.MapGet("/spells", BrowseSpellsAsync).WithSummary("Browse and search spells by slug or name (any language).");
        group.MapGet("/spells/{slug}", GetSpellAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One spell in the record shape that PUT accepts.");
        group.MapPost("/spells", CreateSpellAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Create a spell; 409 when the slug exists.");
        group.MapPut("/spells/{slug}", UpdateSpellAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Replace a spell's facts; translations given are merged.");
        group.MapDelete("/spells/{slug}", DeleteSpellAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Delete a spell and its translations.");
        group.MapPut("/spells/{slug}/translations/{lang}", PutSpellTranslationAsync)
            .WithSummary("Create or update one translation; fields left out keep their value.");

        group.MapGet("/ui-strings", BrowseUiStringsAsync).WithSummary("UI strings by namespace and key, with every language's text.");
        group.MapPut("/ui-strings/{ns}/{key}/{lang}", PutUiStringAsync).WithSummary("Create or update one UI string: {\"text\": \"...\"}.");
        return app;
    }

    private static async Task<Ok<ContentPage<MonsterRow>>> BrowseMonstersAsync([AsParameters] BrowseQuery query, DndDbContext db, CancellationToken ct)
    {
        var monsters = db.Monsters.AsNoTracking();
        if (query.Pattern is { } pattern)
        {
            monsters = monsters.Where(m => EF.Functions.ILike(m.Slug, pattern, "\\") || m.Translations.Any(t => EF.Functions.ILike(t.Name, pattern, "\\")));
        }
        var total = await monsters.CountAsync(ct);
        var items = await monsters.OrderBy(m => m.Slug).Skip((query.PageNumber - 1) * query.Size).Take(query.Size)
            .Select(m => new MonsterRow(
                m.Slug,
                m.Translations.Where(t => t.Lang == "en").Select(t => t.Name).FirstOrDefault(),
                m.Translations.Where(t => t.Lang == "ru").Select(t => t.Name).FirstOrDefault(),
                m.Type,
                m.ChallengeRatingText))
            .ToListAsync(ct);
        return TypedResults.Ok(new ContentPage<MonsterRow>(items, total, query.PageNumber, query.Size));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetMonsterAsync(string slug, DndDbContext db, CancellationToken ct)
    {
        var monster = await db.Monsters.AsNoTracking().Include(m => m.Translations).SingleOrDefaultAsync(m => m.Slug == slug, ct);
        return monster is null ? Missing("monster", slug) : TypedResults.Ok(ContentJson.Monster(monster));
    }

    private static async Task<Results<Created<JsonObject>, ValidationProblem, ProblemHttpResult>> CreateMonsterAsync(
        JsonElement body, ClaimsPrincipal user, DndDbContext db, ContentWriter writer, AuditTrail audit, ContentVersion version, CancellationToken ct)
    {
        var problems = new List<ContentProblem>();
        if (ContentValidator.Monster(body, new FieldReader(null, null, problems)) is not { } draft)
        {
            return Invalid(problems);
        }
        var slug = draft.Monster.Slug;
        if (await db.Monsters.AnyAsync(m => m.Slug == slug, ct))
        {
            return Duplicate("monster", slug);
        }
        writer.ApplyMonster(null, draft);
        var created = ContentJson.Monster(draft.Monster);
        audit.Record(AdminAuth.Actor(user), "monster.create", $"monster/{slug}", null, created);
        if (!await TrySaveAsync(db, ct))
        {
            return Duplicate("monster", slug);
        }
        await version.BumpAsync();
        return TypedResults.Created($"/admin/monsters/{slug}", created);
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> UpdateMonsterAsync(
        string slug, JsonElement body, ClaimsPrincipal user, DndDbContext db, ContentWriter writer, AuditTrail audit, ContentVersion version, CancellationToken ct)
    {
        var existing = await db.Monsters.Include(m => m.Translations).SingleOrDefaultAsync(m => m.Slug == slug, ct);
        if (existing is null)
        {
            return Missing("monster", slug);
        }
        var problems = new List<ContentProblem>();
        if (ContentValidator.Monster(WithSlug(body, slug), new FieldReader(null, null, problems)) is not { } draft)
        {
            return Invalid(problems);
        }
        if (draft.Monster.Slug != slug)
        {
            return Invalid([new(null, null, "slug", $"is '{draft.Monster.Slug}' but the address names '{slug}'; a slug cannot be changed")]);
        }
        var before = ContentJson.Monster(existing);
        if (writer.ApplyMonster(existing, draft) != Change.Unchanged)
        {
            audit.Record(AdminAuth.Actor(user), "monster.update", $"monster/{slug}", before, ContentJson.Monster(existing));
            await db.SaveChangesAsync(ct);
            await version.BumpAsync();
        }
        return TypedResults.Ok(ContentJson.Monster(existing));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMonsterAsync(
        string slug, ClaimsPrincipal user, DndDbContext db, AuditTrail audit, ContentVersion version, CancellationToken ct)
    {
        var existing = await db.Monsters.Include(m => m.Translations).SingleOrDefaultAsync(m => m.Slug == slug, ct);
        if (existing is null)
        {
            return Missing("monster", slug);
        }
        audit.Record(AdminAuth.Actor(user), "monster.delete", $"monster/{slug}", ContentJson.Monster(existing), null);
        db.Monsters.Remove(existing);
        await db.SaveChangesAsync(ct);
        await version.BumpAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> PutMonsterTranslationAsync(
        string slug, string lang, JsonElement body, ClaimsPrincipal user, DndDbContext db, ContentWriter writer, AuditTrail audit,
        ContentVersion version, CancellationToken ct)
    {
        var monster = await db.Monsters.Include(m => m.Translations).SingleOrDefaultAsync(m => m.Slug == slug, ct);
        if (monster is null)
        {
            return Missing("monster", slug);
        }
        var problems = new List<ContentProblem>();
        if (ContentValidator.TranslationBody("monster", slug, lang, body, new FieldReader(null, null, problems)) is not { Monster: { } text })
        {
            return Invalid(problems);
        }
        var current = monster.Translations.Find(t => t.Lang == lang);
        if (current is null && !text.Name.IsSet)
        {
            return Invalid([new(null, null, "name", $"is required: the monster has no '{lang}' translation yet")]);
        }
        var before = current is null ? null : ContentJson.MonsterText(current);
        if (writer.ApplyMonsterText(monster, text) != Change.Unchanged)
        {
            var after = ContentJson.MonsterText(monster.Translations.Find(t => t.Lang == lang)!);
            audit.Record(AdminAuth.Actor(user), "monster.translation", $"monster/{slug}/{lang}", before, after);
            await db.SaveChangesAsync(ct);
            await version.BumpAsync();
        }
        return TypedResults.Ok(ContentJson.MonsterText(monster.Translations.Find(t => t.Lang == lang)!));
    }

    private static async Task<Ok<ContentPage<SpellRow>>> BrowseSpellsAsync([AsParameters] BrowseQuery query, DndDbContext db, CancellationToken ct)
    {
        var spells = db.Spells.AsNoTracking();
        if (query.Pattern is { } pattern)
        {
            spells = spells.Where(s => EF.Functions.ILike(s.Slug, pattern, "\\") || s.Translations.Any(t => EF.Functions.ILike(t.Name, pattern, "\\")));
        }
        var total = await spells.CountAsync(ct);
        var items = await spells.OrderBy(s => s.Slug).Skip((query.PageNumber - 1) * query.Size).Take(query.Size)
            .Select(s => new SpellRow(
                s.Slug,
                s.Translations.Where(t => t.Lang == "en").Select(t => t.Name).FirstOrDefault(),
                s.Translations.Where(t => t.Lang == "ru").Select(t => t.Name).FirstOrDefault(),
                s.Level,
                s.School))
            .ToListAsync(ct);
        return TypedResults.Ok(new ContentPage<SpellRow>(items, total, query.PageNumber, query.Size));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetSpellAsync(string slug, DndDbContext db, CancellationToken ct)
    {
        var spell = await db.Spells.AsNoTracking().Include(s => s.Translations).SingleOrDefaultAsync(s => s.Slug == slug, ct);
        return spell is null ? Missing("spell", slug) : TypedResults.Ok(ContentJson.Spell(spell));
    }

    private static async Task<Results<Created<JsonObject>, ValidationProblem, ProblemHttpResult>> CreateSpellAsync(
        JsonElement body, ClaimsPrincipal user, DndDbContext db, ContentWriter writer, AuditTrail audit, ContentVersion version, CancellationToken ct)
    {
        var problems = new List<ContentProblem>();
        if (ContentValidator.Spell(body, new FieldReader(null, null, problems)) is not { } draft)
        {
            return Invalid(problems);
        }
        var slug = draft.Spell.Slug;
        if (await db.Spells.AnyAsync(s => s.Slug == slug, ct))
        {
            return Duplicate("spell", slug);
        }
        writer.ApplySpell(null, draft);
        var created = ContentJson.Spell(draft.Spell);
        audit.Record(AdminAuth.Actor(user), "spell.create", $"spell/{slug}", null, created);
        if (!await TrySaveAsync(db, ct))
        {
            return Duplicate("spell", slug);
        }
        await version.BumpAsync();
        return TypedResults.Created($"/admin/spells/{slug}", created);
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> UpdateSpellAsync(
        string slug, JsonElement body, ClaimsPrincipal user, DndDbContext db, ContentWriter writer, AuditTrail audit, ContentVersion version, CancellationToken ct)
    {
        var existing = await db.Spells.Include(s => s.Translations).SingleOrDefaultAsync(s => s.Slug == slug, ct);
        if (existing is null)
        {
            return Missing("spell", slug);
        }
        var problems = new List<ContentProblem>();
        if (ContentValidator.Spell(WithSlug(body, slug), new FieldReader(null, null, problems)) is not { } draft)
        {
            return Invalid(problems);
        }
        if (draft.Spell.Slug != slug)
        {
            return Invalid([new(null, null, "slug", $"is '{draft.Spell.Slug}' but the address names '{slug}'; a slug cannot be changed")]);
        }
        var before = ContentJson.Spell(existing);
        if (writer.ApplySpell(existing, draft) != Change.Unchanged)
        {
            audit.Record(AdminAuth.Actor(user), "spell.update", $"spell/{slug}", before, ContentJson.Spell(existing));
            await db.SaveChangesAsync(ct);
            await version.BumpAsync();
        }
        return TypedResults.Ok(ContentJson.Spell(existing));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteSpellAsync(
        string slug, ClaimsPrincipal user, DndDbContext db, AuditTrail audit, ContentVersion version, CancellationToken ct)
    {
        var existing = await db.Spells.Include(s => s.Translations).SingleOrDefaultAsync(s => s.Slug == slug, ct);
        if (existing is null)
        {
            return Missing("spell", slug);
        }
        audit.Record(AdminAuth.Actor(user), "spell.delete", $"spell/{slug}", ContentJson.Spell(existing), null);
        db.Spells.Remove(existing);
        await db.SaveChangesAsync(ct);
        await version.BumpAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> PutSpellTranslationAsync(
        string slug, string lang, JsonElement body, ClaimsPrincipal user, DndDbContext db, ContentWriter writer, AuditTrail audit,
        ContentVersion version, CancellationToken ct)
    {
        var spell = await db.Spells.Include(s => s.Translations).SingleOrDefaultAsync(s => s.Slug == slug, ct);
        if (spell is null)
        {
            return Missing("spell", slug);
        }
        var problems = new List<ContentProblem>();
        if (ContentValidator.TranslationBody("spell", slug, lang, body, new FieldReader(null, null, problems)) is not { Spell: { } text })
        {
            return Invalid(problems);
        }
        var current = spell.Translations.Find(t => t.Lang == lang);
        if (current is null && !text.Name.IsSet)
        {
            return Invalid([new(null, null, "name", $"is required: the spell has no '{lang}' translation yet")]);
        }
        var before = current is null ? null : ContentJson.SpellText(current);
        if (writer.ApplySpellText(spell, text) != Change.Unchanged)
        {
            var after = ContentJson.SpellText(spell.Translations.Find(t => t.Lang == lang)!);
            audit.Record(AdminAuth.Actor(user), "spell.translation", $"spell/{slug}/{lang}", before, after);
            await db.SaveChangesAsync(ct);
            await version.BumpAsync();
        }
        return TypedResults.Ok(ContentJson.SpellText(spell.Translations.Find(t => t.Lang == lang)!));
    }

    private static async Task<Ok<ContentPage<UiStringRow>>> BrowseUiStringsAsync([AsParameters] BrowseQuery query, DndDbContext db, CancellationToken ct)
    {
        var texts = db.UiTranslations.AsNoTracking();
        if (query.Pattern is { } pattern)
        {
            texts = texts.Where(t => EF.Functions.ILike(t.Namespace + "." + t.Key, pattern, "\\") || EF.Functions.ILike(t.Text, pattern, "\\"));
        }
        var keys = texts.Select(t => new { t.Namespace, t.Key }).Distinct();
        var total = await keys.CountAsync(ct);
        var page = await keys.OrderBy(k => k.Namespace).ThenBy(k => k.Key)
            .Skip((query.PageNumber - 1) * query.Size).Take(query.Size).ToListAsync(ct);
        var names = page.Select(k => k.Namespace + "\n" + k.Key).ToList();
        var rows = await db.UiTranslations.AsNoTracking().Where(t => names.Contains(t.Namespace + "\n" + t.Key)).ToListAsync(ct);
        var items = page.Select(k => new UiStringRow(k.Namespace, k.Key,
            rows.Where(r => r.Namespace == k.Namespace && r.Key == k.Key).ToDictionary(r => r.Lang, r => r.Text))).ToList();
        return TypedResults.Ok(new ContentPage<UiStringRow>(items, total, query.PageNumber, query.Size));
    }

    private static async Task<Results<Ok<UiStringRow>, ValidationProblem>> PutUiStringAsync(
        string ns, string key, string lang, JsonElement body, ClaimsPrincipal user, DndDbContext db, ContentWriter writer, AuditTrail audit,
        ContentVersion version, CancellationToken ct)
    {
        var problems = new List<ContentProblem>();
        var record = body.ValueKind == JsonValueKind.Object ? JsonNode.Parse(body.GetRawText())!.AsObject() : [];
        record["namespace"] = ns;
        record["key"] = key;
        record["lang"] = lang;
        if (ContentValidator.UiString(JsonSerializer.SerializeToElement(record), new FieldReader(null, null, problems)) is not { } text)
        {
            return Invalid(problems);
        }
        var existing = await db.UiTranslations.SingleOrDefaultAsync(t => t.Namespace == ns && t.Key == key && t.Lang == lang, ct);
        var before = existing is null ? null : new JsonObject { ["text"] = existing.Text };
        if (writer.ApplyUiString(existing, text) != Change.Unchanged)
        {
            audit.Record(AdminAuth.Actor(user), "ui_string.update", $"ui/{ns}/{key}/{lang}", before, new JsonObject { ["text"] = text.Text });
            await db.SaveChangesAsync(ct);
            await version.BumpAsync();
        }
        var texts = await db.UiTranslations.AsNoTracking().Where(t => t.Namespace == ns && t.Key == key).ToDictionaryAsync(t => t.Lang, t => t.Text, ct);
        return TypedResults.Ok(new UiStringRow(ns, key, texts));
    }

    // PUT names the slug in its address; a body may leave it out.
    private static JsonElement WithSlug(JsonElement body, string slug)
    {
        if (body.ValueKind != JsonValueKind.Object || body.TryGetProperty("slug", out _))
        {
            return body;
        }
        var record = JsonNode.Parse(body.GetRawText())!.AsObject();
        record["slug"] = slug;
        return JsonSerializer.SerializeToElement(record, ContractJson.Options);
    }

    private static async Task<bool> TrySaveAsync(DndDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    public static ValidationProblem Invalid(IEnumerable<ContentProblem> problems) => TypedResults.ValidationProblem(
        problems.GroupBy(p => p.Field ?? "").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
        detail: "The body has invalid fields; each is named in errors.");

    private static ProblemHttpResult Missing(string entity, string slug) => TypedResults.Problem(
        title: "Not found", detail: $"There is no {entity} with the slug '{slug}'.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Duplicate(string entity, string slug) => TypedResults.Problem(
        title: "Conflict", detail: $"A {entity} with the slug '{slug}' already exists; change it with PUT /admin/{entity}s/{slug}.",
        statusCode: StatusCodes.Status409Conflict);
}
