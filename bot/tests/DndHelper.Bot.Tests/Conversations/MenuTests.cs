using DndHelper.Bot.Tests.Infrastructure;

namespace DndHelper.Bot.Tests.Conversations;

[Collection(BotCollection.Name)]
public sealed class MenuTests(LibraryFixture library)
{
    [Fact]
    public async Task EveryMainMenuButtonOpensItsScreenInPlace()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");

        var bestiary = (await bot.PressAsync("Bestiary", menu))[^1];
        Assert.Equal(menu.MessageId, bestiary.MessageId);
        Assert.Contains("Bestiary", bestiary.PlainText);
        Assert.Contains("325 monsters", bestiary.PlainText);
        Assert.Equal(["📜 List", "🎲 Random", "🔎 Search", "🧰 Filters", "🏠 Menu"], bestiary.Buttons.Select(b => b.Text));

        menu = (await bot.PressAsync("Menu", bestiary))[^1];
        var spells = (await bot.PressAsync("Spells", menu))[^1];
        Assert.Contains("319 spells", spells.PlainText);
        Assert.Equal(["📜 List", "🎲 Random", "🔎 Search", "🧰 Filters", "🏠 Menu"], spells.Buttons.Select(b => b.Text));

        menu = (await bot.PressAsync("Menu", spells))[^1];
        var search = (await bot.PressAsync("Search", menu))[^1];
        Assert.Contains("Type the name of a monster or spell", search.PlainText);

        menu = (await bot.PressAsync("Menu", search))[^1];
        var dice = (await bot.PressAsync("Dice", menu))[^1];
        Assert.Equal(["d20", "d20 adv", "d20 dis", "4d6kh3", "d4", "d6", "d8", "d10", "d12", "d100", "🏠 Menu"], dice.Buttons.Select(b => b.Text));

        menu = (await bot.PressAsync("Menu", dice))[^1];
        var settings = (await bot.PressAsync("Settings", menu))[^1];
        Assert.Contains("Settings", settings.PlainText);
        Assert.Contains(settings.Buttons, b => b.Text == "🇷🇺 Русский");
    }

    [Fact]
    public async Task RandomOpensAFullCard()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");
        var spells = (await bot.PressAsync("Spells", menu))[^1];

        var card = (await bot.PressAsync("Random", spells))[^1];

        Assert.Contains("Casting Time", card.PlainText);
        Assert.Contains("Range", card.PlainText);
    }
}
