namespace DndHelper.Contracts.Content;

// The bot's user record. Language is "en" or "ru".
public sealed record UserDto(long TelegramId, string Language, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

// PUT /users/by-telegram/{telegram_id}: creates the user or updates the language.
public sealed record UpsertUserRequest(string Language);

// PATCH /users/by-telegram/{telegram_id}
public sealed record PatchUserRequest(string? Language);
