namespace DndHelper.Bot.Updates;

// What getMe said at start-up; the username appears in /help's inline examples.
public sealed class BotIdentity
{
    public string Username { get; set; } = "DndHelperBot";
}
