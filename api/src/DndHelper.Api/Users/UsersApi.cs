using System.Globalization;
using System.Text.Json;
using DndHelper.Api.Content;
using DndHelper.Api.Data;
using DndHelper.Api.Languages;
using DndHelper.Contracts.Content;
using DndHelper.Contracts.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Users;

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/users/by-telegram/{telegram_id}")
            .WithTags("Users")
            .AddEndpointFilter<BotServiceToken>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", GetAsync)
            .WithName("GetUser")
            .WithSummary("The user with this Telegram id (bot service token required).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/", PutAsync)
            .WithName("UpsertUser")
            .WithSummary("Creates the user or updates its language (bot service token required).")
            .Accepts<UpsertUserRequest>("application/json");
        group.MapPatch("/", PatchAsync)
            .WithName("PatchUser")
            .WithSummary("Changes the user's language (bot service token required).")
            .Accepts<PatchUserRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        [FromRoute(Name = "telegram_id")] string telegramId, DndDbContext db, CancellationToken ct)
    {
        var values = new QueryValues();
        var id = TelegramId(telegramId, values);
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var user = await db.Users.AsNoTracking()
            .Where(u => u.TelegramId == id)
            .Select(u => new UserDto(u.TelegramId, u.Language, u.CreatedAt, u.UpdatedAt))
            .SingleOrDefaultAsync(ct);
        return user is null ? NotFound(id) : TypedResults.Ok(user);
    }

    // The body is read here rather than bound, so that a caller without the token learns nothing
    // from a malformed body and a bad body is a 400 that names what is wrong.
    private static async Task<Results<Created<UserDto>, Ok<UserDto>, ValidationProblem>> PutAsync(
        [FromRoute(Name = "telegram_id")] string telegramId, HttpRequest request, DndDbContext db, CancellationToken ct)
    {
        var values = new QueryValues();
        var id = TelegramId(telegramId, values);
        var body = await ReadAsync<UpsertUserRequest>(request, values, ct);
        var language = body is null ? "" : Language(body.Language, values);
        if (values.HasErrors)
        {
            return values.Problem();
        }
        // One statement, so two concurrent first contacts of one user cannot collide.
        var row = (await db.Database.SqlQuery<UserRow>($"""
            INSERT INTO users (telegram_id, language) VALUES ({id}, {language})
            ON CONFLICT (telegram_id) DO UPDATE SET language = excluded.language,
                updated_at = CASE WHEN users.language = excluded.language THEN users.updated_at ELSE now() END
            RETURNING telegram_id, language, created_at, updated_at, (xmax = 0) AS created
            """).ToListAsync(ct)).Single();
        var user = row.ToDto();
        return row.Created
            ? TypedResults.Created($"/users/by-telegram/{id.ToString(CultureInfo.InvariantCulture)}", user)
            : TypedResults.Ok(user);
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        [FromRoute(Name = "telegram_id")] string telegramId, HttpRequest request, DndDbContext db, CancellationToken ct)
    {
        var values = new QueryValues();
        var id = TelegramId(telegramId, values);
        var body = await ReadAsync<PatchUserRequest>(request, values, ct);
        var language = body is null ? "" : Language(body.Language, values);
        if (values.HasErrors)
        {
            return values.Problem();
        }
        var rows = await db.Database.SqlQuery<UserRow>($"""
            UPDATE users SET language = {language},
                updated_at = CASE WHEN language = {language} THEN updated_at ELSE now() END
            WHERE telegram_id = {id}
            RETURNING telegram_id, language, created_at, updated_at, false AS created
            """).ToListAsync(ct);
        return rows.Count == 0 ? NotFound(id) : TypedResults.Ok(rows[0].ToDto());
    }

    private static ProblemHttpResult NotFound(long id) =>
        ContentProblems.NotFound($"No user has the Telegram id {id.ToString(CultureInfo.InvariantCulture)}.");

    private static long TelegramId(string text, QueryValues values)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }
        values.Fail("telegram_id", $"'{text}' is not a Telegram id; allowed values: positive whole numbers.");
        return 0;
    }

    private static string Language(string? language, QueryValues values)
    {
        if (language is not null && RequestLanguage.Supported(language) is { } code && language.Trim().Length == code.Length)
        {
            return code;
        }
        values.Fail("language", $"'{language}' is not a supported language; allowed values: {string.Join(", ", Codes.Languages)}.");
        return "";
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request, QueryValues values, CancellationToken ct) where T : class
    {
        try
        {
            if (await JsonSerializer.DeserializeAsync<T>(request.Body, ContractJson.Options, ct) is { } body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
        }
        values.Fail("body", """The body must be a JSON object such as {"language": "ru"}.""");
        return null;
    }

    private sealed class UserRow
    {
        public long TelegramId { get; init; }
        public required string Language { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public bool Created { get; init; }

        public UserDto ToDto() => new(TelegramId, Language, CreatedAt, UpdatedAt);
    }
}
