using DndHelper.Bot.Tests.Infrastructure;

namespace DndHelper.Bot.Tests.Conversations;

[Collection(BotCollection.Name)]
public sealed class InlineTests(LibraryFixture library)
{
    [Fact]
    public async Task AnInlineQueryOffersMatchingCardsPagedWithNextOffset()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var (_, queryId) = bot.Telegram.Inline(bot.UserId, "dragon");
        await bot.Telegram.WaitUntilAsync(t => t.InlineAnswerFor(queryId) is not null, what: "the inline answer");
        var answer = bot.Telegram.InlineAnswerFor(queryId)!;

        Assert.Equal(10, answer.Results.Count);
        Assert.Equal("10", answer.NextOffset);
        var first = answer.Results[0]!;
        Assert.Equal("article", first["type"]!.GetValue<string>());
        Assert.Contains("Dragon", first["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Armor Class", first["input_message_content"]!["message_text"]!.GetValue<string>(), StringComparison.Ordinal);

        var (_, nextId) = bot.Telegram.Inline(bot.UserId, "dragon", offset: "10");
        await bot.Telegram.WaitUntilAsync(t => t.InlineAnswerFor(nextId) is not null, what: "the second page");
        var titles = answer.Results.Select(r => r!["id"]!.GetValue<string>()).ToHashSet();
        Assert.DoesNotContain(bot.Telegram.InlineAnswerFor(nextId)!.Results, r => titles.Contains(r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnInlineRollOffersTheRolledResult()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var (_, queryId) = bot.Telegram.Inline(bot.UserId, "2d20kh1+5");
        await bot.Telegram.WaitUntilAsync(t => t.InlineAnswerFor(queryId) is not null, what: "the inline answer");
        var roll = bot.Telegram.InlineAnswerFor(queryId)!.Results[0]!;

        Assert.Equal("🎲 Roll 2d20kh1+5", roll["title"]!.GetValue<string>());
        Assert.Matches(@"2d20kh1 \(.*\) \+ 5 = <b>\d+</b>", roll["input_message_content"]!["message_text"]!.GetValue<string>());
    }
}
