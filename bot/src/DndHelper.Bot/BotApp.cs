using DndHelper.Bot.Hosting;

namespace DndHelper.Bot;

// The bot as a host; tests and the benchmark build it in-process with their own settings.
public static class BotApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddBotServices();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapBot();
        return app;
    }
}
