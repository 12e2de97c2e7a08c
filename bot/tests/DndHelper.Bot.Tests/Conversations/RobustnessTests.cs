using DndHelper.Bot.Routing;
using DndHelper.Bot.Tests.Infrastructure;

namespace DndHelper.Bot.Tests.Conversations;

[Collection(BotCollection.Name)]
public sealed class RobustnessTests(LibraryFixture library)
{
    [Theory]
    [InlineData("0|ls|m|3")]
    [InlineData("garbage")]
    [InlineData("1|unknown|x")]
    public async Task StaleOrForeignCallbackDataGetsThePoliteExpiredMenu(string data)
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");

        var replies = await bot.PressDataAsync(data, menu.MessageId);

        Assert.Contains("This menu has expired", replies[^1].PlainText);
        Assert.Contains(replies[^1].Buttons, b => b.Text == "🐉 Bestiary");
        Assert.Contains(bot.Telegram.Calls, c => c.Method == "answerCallbackQuery" && c.Payload["text"]?.GetValue<string>() is { } t && t.Contains("expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APageButtonWhoseConversationExpiredSaysSo()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");

        var replies = await bot.PressDataAsync(CallbackData.Encode(CallbackData.ListPage, CallbackData.Monsters, "4"), menu.MessageId);

        Assert.Contains("This menu has expired", replies[^1].PlainText);
    }

    [Fact]
    public async Task WithTheLibraryDownTheUserIsToldAndTheBotKeepsRunning()
    {
        await using var bot = await BotHarness.StartAsync(api: null);

        var search = await bot.SayOneAsync("fireball");
        Assert.Equal("📚 The library is unavailable right now, try again shortly.", search.PlainText);
        var menu = await bot.SayOneAsync("/menu");
        var section = (await bot.PressAsync("Bestiary", menu))[^1];
        Assert.Contains("library is unavailable", section.PlainText);

        var roll = await bot.SayOneAsync("/roll 1d20+1");
        Assert.Contains("1d20", roll.PlainText);
    }

    [Fact]
    public async Task ATooManyRequestsAnswerIsWaitedOutForRetryAfter()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        bot.Telegram.Fail("sendMessage", 429, count: 1, retryAfter: 2);

        var roll = await bot.SayOneAsync("/roll 1d20");

        Assert.Contains("1d20", roll.PlainText);
        var sends = bot.Telegram.Calls.Where(c => c.Method == "sendMessage").ToList();
        Assert.Equal(429, sends[0].Status);
        Assert.Equal(200, sends[1].Status);
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {(sends[1].At - sends[0].At).TotalSeconds} s");
        Assert.Single(bot.Messages);
    }

    [Fact]
    public async Task ARedeliveredUpdateGetsNoSecondReply()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        await bot.SayAsync("/roll 1d20");
        bot.Telegram.Redeliver(bot.LastUpdateId);
        var polls = bot.Telegram.Calls.Count(c => c.Method == "getUpdates");
        await bot.Telegram.WaitUntilAsync(t => t.Calls.Count(c => c.Method == "getUpdates") >= polls + 2, what: "the bot to poll again");
        await Task.Delay(500);

        Assert.Single(bot.Messages);
        var next = await bot.SayOneAsync("/roll 1d4");
        Assert.Contains("1d4", next.PlainText);
        Assert.Equal(2, bot.Messages.Count);
    }

    [Fact]
    public async Task ARestartMidConversationKeepsTheUsersPlace()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        await bot.SayAsync("/start");
        await bot.PressAsync("Русский");
        var menu = await bot.SayOneAsync("/menu");
        var section = (await bot.PressAsync("Бестиарий", menu))[^1];
        var filters = (await bot.PressAsync("Фильтры", section))[^1];
        filters = (await bot.PressAsync("Дракон", (await bot.PressAsync("Тип: любой", filters))[^1]))[^1];
        var page1 = (await bot.PressAsync("Применить", filters))[^1];
        var page2 = (await bot.PressAsync("Вперёд", page1))[^1];

        await bot.RestartBotAsync();
        var page3 = (await bot.PressAsync("Вперёд", page2))[^1];

        Assert.Equal(page2.MessageId, page3.MessageId);
        Assert.Contains("страница 3 из", page3.PlainText);
        Assert.Contains("Тип: Дракон", page3.PlainText);
    }
}
