using DndHelper.Bot.Tests.Infrastructure;

namespace DndHelper.Bot.Tests.Conversations;

[Collection(BotCollection.Name)]
public sealed class SearchTests(LibraryFixture library)
{
    [Fact]
    public async Task SearchFindsTheOwlbearDespiteATypo()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var reply = await bot.SayOneAsync("owlbaer");

        var opened = reply.PlainText.StartsWith("Owlbear", StringComparison.Ordinal)
            || (await bot.PressAsync("Owlbear", reply))[^1].PlainText.StartsWith("Owlbear", StringComparison.Ordinal);
        Assert.True(opened, reply.PlainText);
    }

    [Fact]
    public async Task SearchFindsFireballDespiteATypoInRussian()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        await bot.SayAsync("/start", languageCode: "ru");
        await bot.PressAsync("Русский");

        var reply = await bot.SayOneAsync("огненый шар", languageCode: "ru");

        var card = reply.PlainText.StartsWith("Огненный шар", StringComparison.Ordinal)
            ? reply
            : (await bot.PressAsync("Огненный шар", reply))[^1];
        Assert.StartsWith("Огненный шар", card.PlainText, StringComparison.Ordinal);
        Assert.Contains("Время накладывания", card.PlainText);
    }

    [Fact]
    public async Task AnExactNameOpensTheCardAtOnce()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var card = await bot.SayOneAsync("Goblin");

        Assert.StartsWith("Goblin\n", card.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAmbiguousQueryOffersARankedPickList()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var list = await bot.SayOneAsync("red dragon");

        Assert.Contains("Results for «red dragon»", list.PlainText);
        Assert.True(list.Buttons.Count >= 3);
        Assert.Contains(list.Buttons, b => b.Text.Contains("Red Dragon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhatTheUserTypedIsEscapedWhenEchoed()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var reply = await bot.SayOneAsync("<b>zzqxv</b> & co");

        Assert.Contains("«<b>zzqxv</b> & co»", reply.PlainText);
        Assert.Contains("&lt;b&gt;", reply.Text);
    }
}
