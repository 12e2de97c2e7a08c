using DndHelper.Bot.Routing;
using DndHelper.Bot.Sandbox;
using DndHelper.Bot.Tests.Infrastructure;

namespace DndHelper.Bot.Tests.Conversations;

[Collection(BotCollection.Name)]
public sealed class CardTests(LibraryFixture library)
{
    [Fact]
    public async Task AMonsterCardShowsTheWholeStatBlockWithRollableDice()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");

        var card = (await bot.PressDataAsync(CallbackData.Encode(CallbackData.Card, CallbackData.Monsters, "goblin"), menu.MessageId))[^1];

        var text = card.PlainText;
        Assert.StartsWith("Goblin\nSmall humanoid (goblinoid), neutral evil", text, StringComparison.Ordinal);
        Assert.Contains("Armor Class 15", text);
        Assert.Contains("Hit Points 7 (2d6)", text);
        Assert.Contains("Speed 30 ft.", text);
        Assert.Contains("STR 8 (-1) · DEX 14 (+2) · CON 10 (+0)", text);
        Assert.Contains("Skills Stealth +6", text);
        Assert.Contains("Senses darkvision 60 ft., Passive Perception 9", text);
        Assert.Contains("Languages Common, Goblin", text);
        Assert.Contains("Challenge 1/4 (50 XP)", text);
        Assert.Contains("Nimble Escape.", text);
        Assert.Contains("Actions", text);
        Assert.Contains("Scimitar.", text);
        Assert.Contains(card.Buttons, b => b.Text == "🎲 Scimitar +4");
        Assert.Contains(card.Buttons, b => b.Text == "🎲 Scimitar 1d6+2");

        var roll = (await bot.PressAsync("Scimitar 1d6+2", card))[^1];
        Assert.NotEqual(card.MessageId, roll.MessageId);
        Assert.Matches(@"^🎲 1d6 \(\d\) \+ 2 = \d$", roll.PlainText);
    }

    [Fact]
    public async Task ACardLongerThanOneMessageIsSplitOnLineBoundaries()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");

        var parts = await bot.PressDataAsync(CallbackData.Encode(CallbackData.Card, CallbackData.Monsters, "vampire"), menu.MessageId);

        Assert.True(parts.Count >= 2, $"expected the vampire in several messages, got {parts.Count}");
        foreach (var part in parts)
        {
            // The fake server refuses what Telegram refuses: bad HTML, more than 4096 characters.
            Assert.Null(TelegramHtml.Validate(part.Text, html: true, out var plain));
            Assert.True(plain.Length <= 4096);
            Assert.False(part.Text.EndsWith(' '));
        }
        Assert.StartsWith("Vampire", parts[0].PlainText, StringComparison.Ordinal);
        Assert.Contains("Legendary Actions", parts[^1].PlainText);
        Assert.Empty(parts[0].Buttons);
        Assert.Contains(parts[^1].Buttons, b => b.Text.StartsWith("🎲 Bite", StringComparison.Ordinal));
        // Every line of the stat block arrives whole, in order.
        var lines = string.Join("\n", parts.Select(p => p.PlainText)).Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Contains(lines, l => l.StartsWith("Shapechanger.", StringComparison.Ordinal));
        Assert.True(lines.IndexOf("Actions") < lines.IndexOf("Legendary Actions"));
    }

    [Fact]
    public async Task ASpellCardShowsComponentsClassesAndHigherLevels()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");

        var card = (await bot.PressDataAsync(CallbackData.Encode(CallbackData.Card, CallbackData.Spells, "fireball"), menu.MessageId))[^1];

        var text = card.PlainText;
        Assert.StartsWith("Fireball\n3rd level, evocation", text, StringComparison.Ordinal);
        Assert.Contains("Casting Time 1 action", text);
        Assert.Contains("Range 150 feet", text);
        Assert.Contains("Components V, S, M (A tiny ball of bat guano and sulfur.)", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Duration Instantaneous", text);
        Assert.Contains("Classes Sorcerer, Wizard", text);
        Assert.Contains("At Higher Levels.", text);
        Assert.Contains(card.Buttons, b => b.Text == "🎲 8d6");
    }

    [Fact]
    public async Task ACardOpensInRussianForARussianUser()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        await bot.SayAsync("/start", languageCode: "ru");
        var welcome = (await bot.PressAsync("Русский"))[^1];

        var card = (await bot.PressDataAsync(CallbackData.Encode(CallbackData.Card, CallbackData.Spells, "fireball"), welcome.MessageId))[^1];

        Assert.StartsWith("Огненный шар", card.PlainText, StringComparison.Ordinal);
        Assert.Contains("Дистанция", card.PlainText);
    }
}
