using System.Diagnostics;
using System.Globalization;
using DndHelper.Bot.Routing;
using DndHelper.Bot.Sandbox;

namespace DndHelper.Bot.Bench;

// Handling latency and throughput of the real bot host against the fake Telegram server, with
// the API warm: a steady stream of updates from many users (rolls, searches, list pages, cards);
// latency runs from the moment getUpdates hands an update to the bot to its first reply.
//   dotnet DndHelper.Bot.dll bench --api http://127.0.0.1:8000 --redis 127.0.0.1:6379 [--rate 100] [--seconds 20]
public static class BotBenchmark
{
    private static readonly string[] Searches = ["fireball", "goblin", "owlbear", "огненный шар", "red dragon", "cure wounds", "lich", "шар"];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var api = Option("--api") ?? "http://127.0.0.1:8000";
        var redis = Option("--redis") ?? Environment.GetEnvironmentVariable("REDIS_CONNECTION_STRING") ?? "127.0.0.1:6379";
        var rate = int.Parse(Option("--rate") ?? "100", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option("--seconds") ?? "20", CultureInfo.InvariantCulture);
        var users = int.Parse(Option("--users") ?? "300", CultureInfo.InvariantCulture);

        await using var telegram = await FakeTelegramServer.StartAsync();
        var app = BotApp.Create([], builder =>
        {
            builder.Configuration["TELEGRAM_BOT_TOKEN"] = "123456:bench";
            builder.Configuration["TELEGRAM_API_BASE_URL"] = telegram.BaseAddress.ToString();
            builder.Configuration["DNDHELPER_API_BASE_URL"] = api;
            builder.Configuration["REDIS_CONNECTION_STRING"] = redis;
            builder.Configuration["REDIS_KEY_PREFIX"] = $"bench:{Guid.NewGuid():N}:";
            builder.Configuration["BOT_HTTP_URLS"] = "http://127.0.0.1:0";
            builder.Configuration["LOG_LEVEL"] = "Warning";
        });
        await app.StartAsync();
        try
        {
            await telegram.WaitUntilAsync(t => t.Calls.Any(c => c.Method == "deleteWebhook"), TimeSpan.FromSeconds(30), "bot start-up");
            var userIds = Enumerable.Range(0, users).Select(i => 5_000_000_000L + i).ToArray();

            // Warm-up: every user once (their language lands in Redis), every kind of request once per user.
            output.WriteLine($"warming up: {users} users");
            var warm = 0;
            foreach (var user in userIds)
            {
                telegram.SendText(user, warm % 2 == 0 ? "/roll 1d20" : Searches[warm % Searches.Length]);
                warm++;
            }
            await telegram.WaitUntilAsync(t => userIds.All(u => t.Messages(u).Count > 0), TimeSpan.FromSeconds(120), "warm-up replies");
            // Every list page and card the load asks for, once, so the API answers from its cache.
            for (var page = 0; page < 30; page++)
            {
                var user = userIds[page];
                var last = telegram.Messages(user)[^1];
                telegram.Press(user, last.MessageId, CallbackData.Encode(CallbackData.ListPage, CallbackData.Monsters, page.ToString(CultureInfo.InvariantCulture)));
            }
            telegram.Press(userIds[30], telegram.Messages(userIds[30])[^1].MessageId, CallbackData.Encode(CallbackData.Card, CallbackData.Spells, "fireball"));
            foreach (var search in Searches)
            {
                telegram.SendText(userIds[31], search);
            }
            await Task.Delay(3000);
            telegram.ClearLatencies();

            output.WriteLine($"load: {rate} updates/s for {seconds} s");
            var sent = 0;
            var skipped = 0;
            var kinds = new Dictionary<int, string>();
            var clock = Stopwatch.StartNew();
            var next = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var due = (long)(clock.Elapsed.TotalSeconds * rate);
                while (sent + skipped < due)
                {
                    var user = userIds[next++ % userIds.Length];
                    var history = telegram.Messages(user);
                    var lastMessage = history.Count > 0 ? history[^1] : null;
                    switch ((sent + skipped) % 10)
                    {
                        case < 4:
                            kinds[telegram.SendText(user, "/roll 4d6kh3+2")] = "roll";
                            break;
                        case < 7:
                            kinds[telegram.SendText(user, Searches[(sent / 10) % Searches.Length])] = "search";
                            break;
                        case < 9 when lastMessage is not null:
                            kinds[telegram.Press(user, lastMessage.MessageId, CallbackData.Encode(CallbackData.ListPage, CallbackData.Monsters, ((sent / 10) % 30).ToString(CultureInfo.InvariantCulture)))] = "list page";
                            break;
                        case 9 when lastMessage is not null:
                            kinds[telegram.Press(user, lastMessage.MessageId, CallbackData.Encode(CallbackData.Card, CallbackData.Spells, "fireball"))] = "card";
                            break;
                        default:
                            kinds[telegram.SendText(user, "/roll 1d20 adv")] = "roll";
                            break;
                    }
                    sent++;
                }
                await Task.Delay(2);
            }
            var elapsed = clock.Elapsed;
            await telegram.WaitUntilAsync(t => t.Latencies.Count >= sent, TimeSpan.FromSeconds(30), "the last replies").ContinueWith(_ => { }, TaskScheduler.Default);
            var samples = telegram.Latencies;
            Report(output, "delivered → first reply", samples.Select(s => s.SinceDelivered.TotalMilliseconds).ToList());
            Report(output, "created → first reply (incl. long-poll pickup)", samples.Select(s => s.SinceCreated.TotalMilliseconds).ToList());
            foreach (var kind in kinds.Values.Distinct())
            {
                Report(output, "  " + kind, samples.Where(s => kinds.GetValueOrDefault(s.UpdateId) == kind).Select(s => s.SinceDelivered.TotalMilliseconds).ToList());
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"updates sent: {sent} in {elapsed.TotalSeconds:F1} s ({sent / elapsed.TotalSeconds:F1}/s); replied: {samples.Count}; unanswered: {sent - samples.Count}"));
            return sent == samples.Count ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static void Report(TextWriter output, string label, List<double> values)
    {
        if (values.Count == 0)
        {
            output.WriteLine($"{label}: no samples");
            return;
        }
        values.Sort();
        double P(double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: n={values.Count} p50={P(0.50):F1} ms p90={P(0.90):F1} ms p99={P(0.99):F1} ms max={values[^1]:F1} ms"));
    }
}
