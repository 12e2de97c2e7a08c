using System.Net.Http.Json;
using DndHelper.Bot.Tests.Infrastructure;
using DndHelper.Contracts.Content;
using DndHelper.Contracts.Json;

namespace DndHelper.Bot.Tests.Conversations;

[Collection(BotCollection.Name)]
public sealed class StartTests(LibraryFixture library)
{
    [Fact]
    public async Task StartAsksANewUserForTheLanguageAndRegistersTheChoice()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var greeting = await bot.SayOneAsync("/start");
        Assert.Contains("Choose your language", greeting.PlainText);
        Assert.Equal(["🇬🇧 English", "🇷🇺 Русский"], greeting.Buttons.Select(b => b.Text));

        var welcome = (await bot.PressAsync("Русский"))[^1];
        Assert.Contains("Привет, Tester!", welcome.PlainText);
        Assert.Equal(["🐉 Бестиарий", "✨ Заклинания", "🔎 Поиск", "🎲 Кости", "⚙️ Настройки"], welcome.Buttons.Select(b => b.Text));

        using var api = library.Api.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", DndHelper.Api.Tests.Infrastructure.TestTokens.Bot);
        var user = await api.GetFromJsonAsync<UserDto>($"/users/by-telegram/{bot.UserId}", ContractJson.Options);
        Assert.Equal("ru", user!.Language);
    }

    [Fact]
    public async Task AKnownUserIsGreetedWithTheMainMenuAtOnce()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        await bot.SayAsync("/start");
        await bot.PressAsync("English");

        var again = await bot.SayOneAsync("/start");

        Assert.Contains("Hi, Tester!", again.PlainText);
        Assert.Equal(["🐉 Bestiary", "✨ Spells", "🔎 Search", "🎲 Dice", "⚙️ Settings"], again.Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task SettingsSwitchTheLanguageAndItAppliesAtOnce()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);
        await bot.SayAsync("/start");
        await bot.PressAsync("English");

        var settings = await bot.SayOneAsync("/settings");
        Assert.Contains("Language: 🇬🇧 English", settings.PlainText);
        var switched = (await bot.PressAsync("Русский", settings))[^1];

        Assert.Equal(settings.MessageId, switched.MessageId);
        Assert.Contains("Привет", switched.PlainText);
        var help = await bot.SayOneAsync("/help");
        Assert.Contains("Команды", help.PlainText);
    }

    [Fact]
    public async Task HelpListsTheCommandsAndTheDiceNotation()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var help = await bot.SayOneAsync("/help");

        Assert.Contains("/roll", help.PlainText);
        Assert.Contains("4d6kh3 keep highest", help.PlainText);
        Assert.Contains("@DndHelperBot fireball", help.PlainText);
    }

    [Fact]
    public async Task AboutNamesTheSrdAndItsLicence()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        var about = await bot.SayOneAsync("/about", languageCode: "ru");

        Assert.Contains("System Reference Document 5.1", about.PlainText);
        Assert.Contains("Creative Commons Attribution 4.0", about.PlainText);
    }

    [Fact]
    public async Task TheCommandListIsSetInBothLanguagesAtStartUp()
    {
        await using var bot = await BotHarness.StartAsync(library.ApiAddress);

        await bot.Telegram.WaitUntilAsync(t => t.Commands.Count == 2, what: "setMyCommands");
        var commands = bot.Telegram.Commands;

        Assert.Equal(["start", "roll", "r", "settings", "help", "about"], commands[""].Select(c => c.Command));
        Assert.Equal("Main menu", commands[""][0].Description);
        Assert.Equal("Главное меню", commands["ru"][0].Description);
    }
}
