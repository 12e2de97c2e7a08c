using DndHelper.Bot.Tests.Infrastructure;

namespace DndHelper.Bot.Tests.Conversations;

[Collection(BotCollection.Name)]
public sealed class DiceTests(LibraryFixture library)
{
    [Fact]
    public async Task RollShowsTheBreakdownAndTheTotal()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var roll = await bot.SayOneAsync("/roll 4d6kh3+2 fire");

        Assert.Matches(@"^🎲 fire: 4d6kh3 \(\d, \d, \d, \d\) \+ 2 = \d+$", roll.PlainText);
        Assert.Contains("<s>", roll.Text);
        Assert.Equal(["🔁 Again"], roll.Buttons.Select(b => b.Text));
        var again = (await bot.PressAsync("Again", roll))[^1];
        Assert.Contains("4d6kh3", again.PlainText);
    }

    [Fact]
    public async Task TheShortRCommandRollsTooAndMarksCriticals()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var roll = await bot.SayOneAsync("/r 1d20");

        Assert.Matches(@"^🎲 1d20 \((\d+)\) = \1", roll.PlainText);
        var face = int.Parse(System.Text.RegularExpressions.Regex.Match(roll.PlainText, @"= (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(face == 20, roll.PlainText.Contains("Natural 20", StringComparison.Ordinal));
        Assert.Equal(face == 1, roll.PlainText.Contains("Natural 1!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABadRollSaysWhatIsWrongAndWhere()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var reply = await bot.SayOneAsync("/roll 2d6+*3");

        Assert.Equal("⚠️ Can't roll this:\n2d6+*3\n    ^\nUnexpected text at position 5.", reply.PlainText);
    }

    [Fact]
    public async Task RollErrorsAreTranslated()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        await bot.SayAsync("/start", languageCode: "ru");
        await bot.PressAsync("Русский");

        var reply = await bot.SayOneAsync("/roll 1d6/0", languageCode: "ru");

        Assert.Contains("Деление на ноль", reply.PlainText);
    }

    [Fact]
    public async Task RollWithoutAnExpressionExplainsTheUsage()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var reply = await bot.SayOneAsync("/roll");

        Assert.Contains("/roll 1d20+5", reply.PlainText);
    }

    [Fact]
    public async Task TheQuickDiceButtonsRoll()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        var menu = await bot.SayOneAsync("/menu");
        var dice = (await bot.PressAsync("Dice", menu))[^1];

        var advantage = (await bot.PressAsync("d20 adv", dice))[^1];

        Assert.Matches(@"^🎲 2d20kh1 \(\d+, \d+\) = \d+", advantage.PlainText);
        Assert.NotEqual(dice.MessageId, advantage.MessageId);
    }
}
