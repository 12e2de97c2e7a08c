using System.Globalization;
using DndHelper.Bot;
using DndHelper.Bot.Bench;
using DndHelper.Bot.Sandbox;

// dotnet DndHelper.Bot.dll                      the bot (settings from the environment)
// dotnet DndHelper.Bot.dll fake-telegram --port 8081     the sandbox's local Bot API server
// dotnet DndHelper.Bot.dll chat --fake-telegram URL       talk to the sandbox bot from a terminal
// dotnet DndHelper.Bot.dll bench --api URL ...            handling latency and throughput
switch (args.FirstOrDefault())
{
    case "--help" or "-h" or "help":
        Console.WriteLine("""
            DnD Helper Telegram bot.
              (no arguments)                       run the bot; TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE_URL, BOT_MODE,
                                                   DNDHELPER_API_BASE_URL, BOT_SERVICE_TOKEN, REDIS_CONNECTION_STRING ...
              fake-telegram [--port 8081]          a local fake Telegram Bot API server for the sandbox
              chat --fake-telegram URL [--user-id N] [--lang en|ru]   chat with the sandbox bot in this terminal
              bench --api URL [--rate 100] [--seconds 20]             measure handling latency and throughput
            """);
        return 0;
    case "fake-telegram":
        {
            var port = int.Parse(Option(args, "--port") ?? "8081", CultureInfo.InvariantCulture);
            await using var server = await FakeTelegramServer.StartAsync(port, Option(args, "--host") ?? "127.0.0.1");
            Console.WriteLine($"Fake Telegram Bot API listening on {server.BaseAddress}");
            await server.WaitForShutdownAsync();
            return 0;
        }
    case "chat":
        {
            var url = Option(args, "--fake-telegram") ?? "http://127.0.0.1:8081";
            var chat = new TerminalChat(
                new Uri(url.TrimEnd('/') + "/"),
                long.Parse(Option(args, "--user-id") ?? "1001", CultureInfo.InvariantCulture),
                Option(args, "--name") ?? Environment.UserName,
                Option(args, "--lang") ?? "en",
                Console.In,
                Console.Out);
            return await chat.RunAsync(CancellationToken.None);
        }
    case "bench":
        return await BotBenchmark.RunAsync(args, Console.Out);
    default:
        {
            var app = BotApp.Create(args);
            await app.RunAsync();
            return 0;
        }
}

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
