using System.Net;
using System.Text;
using DndHelper.Bot.Tests.Infrastructure;

namespace DndHelper.Bot.Tests.Conversations;

[Collection(BotCollection.Name)]
public sealed class WebhookTests(LibraryFixture library)
{
    private const string Secret = "webhook-secret-for-tests";

    [Fact]
    public async Task InWebhookModeTheBotRegistersItsEndpointAndAnswersThroughIt()
    {
        var port = BotHarness.FreePort();
        await using var bot = await BotHarness.StartAsync(library.ApiAddress, Webhook(port, $"http://127.0.0.1:{port}/telegram/webhook"));

        Assert.Equal($"http://127.0.0.1:{port}/telegram/webhook", bot.Telegram.WebhookUrl);
        Assert.Equal(Secret, bot.Telegram.WebhookSecret);
        var roll = await bot.SayOneAsync("/roll 2d6");
        Assert.Contains("2d6", roll.PlainText);
        Assert.DoesNotContain(bot.Telegram.Calls, c => c.Method == "getUpdates");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task TheWebhookRefusesRequestsWithoutTheSecret(string? secret)
    {
        var port = BotHarness.FreePort();
        await using var bot = await BotHarness.StartAsync(library.ApiAddress, Webhook(port, $"http://127.0.0.1:{port}/telegram/webhook"));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/telegram/webhook")
        {
            Content = new StringContent("""{"update_id":1,"message":{"message_id":1,"date":0,"chat":{"id":5,"type":"private"},"text":"/roll 1d4"}}""", Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(bot.Telegram.Messages(5));
    }

    [Fact]
    public async Task TwoReplicasBehindOneAddressWorkAsOneBot()
    {
        await using var proxy = await RoundRobinProxy.StartAsync();
        var url = new Uri(proxy.Address, "/telegram/webhook").ToString();
        var portA = BotHarness.FreePort();
        await using var a = await BotHarness.StartAsync(library.ApiAddress, Webhook(portA, url));
        var portB = BotHarness.FreePort();
        var shared = Webhook(portB, url);
        shared["REDIS_KEY_PREFIX"] = a.RedisPrefix;
        await using var b = await BotHarness.StartAsync(library.ApiAddress, shared, a.Telegram);
        proxy.Targets.Add(new Uri($"http://127.0.0.1:{portA}"));
        proxy.Targets.Add(new Uri($"http://127.0.0.1:{portB}"));

        var menu = await a.SayOneAsync("/menu");
        var section = (await a.PressAsync("Bestiary", menu))[^1];
        var page1 = (await a.PressAsync("List", section))[^1];
        var page2 = (await a.PressAsync("Next", page1))[^1];
        var page3 = (await a.PressAsync("Next", page2))[^1];

        Assert.Contains("page 3 of", page3.PlainText);
        Assert.All(proxy.Hits.Values, hits => Assert.True(hits >= 2));

        // The same update reaching the other replica is not answered twice.
        var before = a.Messages.Count;
        var roll = await a.SayAsync("/roll 1d8");
        a.Telegram.Redeliver(a.LastUpdateId);
        await Task.Delay(700);
        Assert.Equal(before + 1, a.Messages.Count);
        Assert.Single(roll);
    }

    private static Dictionary<string, string?> Webhook(int port, string url) => new()
    {
        ["BOT_MODE"] = "webhook",
        ["BOT_HTTP_URLS"] = $"http://127.0.0.1:{port}",
        ["BOT_WEBHOOK_URL"] = url,
        ["BOT_WEBHOOK_SECRET"] = Secret,
    };
}
