namespace DndHelper.Api.Users;

public sealed class User
{
    public int Id { get; set; }
    public long TelegramId { get; set; }
    public required string Language { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
