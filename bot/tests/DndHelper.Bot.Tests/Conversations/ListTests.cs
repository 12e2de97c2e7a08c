using DndHelper.Bot.Tests.Infrastructure;

namespace DndHelper.Bot.Tests.Conversations;

[Collection(BotCollection.Name)]
public sealed class ListTests(LibraryFixture library)
{
    [Fact]
    public async Task TheBestiaryListPagesThroughFilteredMonsters()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");
        var section = (await bot.PressAsync("Bestiary", menu))[^1];

        var filters = (await bot.PressAsync("Filters", section))[^1];
        Assert.Contains("Monster filters", filters.PlainText);
        Assert.Equal(
            ["CR from: any", "CR to: any", "Type: any", "Size: any", "Legendary: any", "Flying: any", "Swimming: any", "Immune to: any", "✅ Apply", "♻️ Reset", "⬅️ Back"],
            filters.Buttons.Select(b => b.Text));
        var chooser = (await bot.PressAsync("Type: any", filters))[^1];
        Assert.Contains(chooser.Buttons, b => b.Text == "Dragon");
        filters = (await bot.PressAsync("Dragon", chooser))[^1];
        Assert.Contains(filters.Buttons, b => b.Text == "Type: Dragon");
        var crChooser = (await bot.PressAsync("CR from: any", filters))[^1];
        filters = (await bot.PressAsync("1/2", crChooser))[^1];
        Assert.Contains(filters.Buttons, b => b.Text == "CR from: 1/2");

        var page1 = (await bot.PressAsync("Apply", filters))[^1];
        Assert.Contains("Monsters — page 1 of", page1.PlainText);
        Assert.Contains("Type: Dragon", page1.PlainText);
        Assert.Contains(page1.Buttons, b => b.Text.StartsWith("Adult Black Dragon", StringComparison.Ordinal));
        Assert.DoesNotContain(page1.Buttons, b => b.Text.StartsWith("Goblin", StringComparison.Ordinal));
        Assert.Contains(page1.Buttons, b => System.Text.RegularExpressions.Regex.IsMatch(b.Text, @"^1/\d+$"));

        var page2 = (await bot.PressAsync("Next", page1))[^1];
        Assert.Equal(page1.MessageId, page2.MessageId);
        Assert.Contains("page 2 of", page2.PlainText);
        Assert.Contains(page2.Buttons, b => b.Text == "◀️ Prev");
        Assert.DoesNotContain(page1.Buttons.Select(b => b.Text).Where(t => t.Contains('·', StringComparison.Ordinal)), t => page2.Buttons.Any(b => b.Text == t));

        var back = (await bot.PressAsync("Prev", page2))[^1];
        Assert.Contains("page 1 of", back.PlainText);
    }

    [Fact]
    public async Task ToggleFiltersChangeTheButtonsInPlace()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");
        var section = (await bot.PressAsync("Bestiary", menu))[^1];
        var filters = (await bot.PressAsync("Filters", section))[^1];

        var toggled = (await bot.PressAsync("Legendary: any", filters))[^1];

        Assert.Equal(filters.MessageId, toggled.MessageId);
        Assert.Contains(toggled.Buttons, b => b.Text == "Legendary: yes");
        Assert.Contains(bot.Telegram.Calls, c => c.Method == "editMessageReplyMarkup");
        toggled = (await bot.PressAsync("Legendary: yes", toggled))[^1];
        Assert.Contains(toggled.Buttons, b => b.Text == "Legendary: no");

        var reset = (await bot.PressAsync("Reset", toggled))[^1];
        Assert.Contains(reset.Buttons, b => b.Text == "Legendary: any");
    }

    [Fact]
    public async Task TheSpellListFiltersByLevelClassAndRitual()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");
        var section = (await bot.PressAsync("Spells", menu))[^1];
        var filters = (await bot.PressAsync("Filters", section))[^1];
        Assert.Equal(
            ["Level: any", "School: any", "Class: any", "Ritual: any", "Concentration: any", "Casting time: any", "✅ Apply", "♻️ Reset", "⬅️ Back"],
            filters.Buttons.Select(b => b.Text));

        filters = (await bot.PressAsync("Cantrip", (await bot.PressAsync("Level: any", filters))[^1]))[^1];
        filters = (await bot.PressAsync("Wizard", (await bot.PressAsync("Class: any", filters))[^1]))[^1];
        var list = (await bot.PressAsync("Apply", filters))[^1];

        Assert.Contains("Level: Cantrip; Class: Wizard", list.PlainText);
        Assert.Contains(list.Buttons, b => b.Text == "Fire Bolt · Cantrip");
        Assert.DoesNotContain(list.Buttons, b => b.Text.StartsWith("Fireball", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiltersThatMatchNothingSaySo()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");
        var section = (await bot.PressAsync("Spells", menu))[^1];
        var filters = (await bot.PressAsync("Filters", section))[^1];
        filters = (await bot.PressAsync("9th level", (await bot.PressAsync("Level: any", filters))[^1]))[^1];
        filters = (await bot.PressAsync("Bonus action", (await bot.PressAsync("Casting time: any", filters))[^1]))[^1];

        var list = (await bot.PressAsync("Apply", filters))[^1];

        Assert.Contains("Nothing matches these filters", list.PlainText);
    }
}
