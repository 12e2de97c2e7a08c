using DndHelper.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DndHelper.Api.Tests.Admin;

// The admin page in a real browser (Debian's chromium) against the API on real Kestrel:
// log in, search, edit a translation and a UI string, preview and apply a bundle, switch language, log out.
public sealed class AdminPageTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ApiFactory factory = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        factory = new ApiFactory(database);
        factory.UseKestrel(0);
        factory.StartServer();
        baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task AnAdminLogsInSearchesEditsUploadsABundleAndLogsOut()
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "en-US" });
        var page = await context.NewPageAsync();
        var bundle = Path.Combine(Path.GetTempPath(), $"homebrew-{Guid.NewGuid():N}.tar.gz");
        await File.WriteAllBytesAsync(bundle, Bundles.TarGz(Bundles.Example()));
        try
        {
            await page.GotoAsync("/admin");
            await Expect(page.Locator("#login-view")).ToBeVisibleAsync();

            // A wrong token is refused on the page itself.
            await page.FillAsync("#token", "not-the-token");
            await page.ClickAsync("#login");
            await Expect(page.Locator("#login-error")).ToHaveTextAsync("The token is not valid.");

            await page.FillAsync("#token", TestTokens.Admin);
            await page.ClickAsync("#login");
            await Expect(page.Locator("#who")).ToHaveTextAsync("Logged in as tester");
            var cookie = (await context.CookiesAsync()).Single(c => c.Name == "dnd_admin");
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

            // Search, open a monster and correct its Russian name.
            await page.FillAsync("#search", "owlbe");
            await page.ClickAsync("#search-button");
            await page.ClickAsync("#results button[data-slug='owlbear']");
            await Expect(page.Locator("#detail-title")).ToContainTextAsync("Owlbear");
            await page.SelectOptionAsync("#tr-lang", "ru");
            await Expect(page.Locator("#field-name")).ToHaveValueAsync("Совомедведь");
            await page.FillAsync("#field-name", "Сово-медведь");
            await page.ClickAsync("#tr-save");
            await Expect(page.Locator("#tr-status")).ToHaveTextAsync("Saved.");
            Assert.Equal("Сово-медведь", await database.ScalarAsync<string>(
                "SELECT t.name FROM monster_translations t JOIN monsters m ON m.id = t.monster_id WHERE m.slug = 'owlbear' AND t.lang = 'ru'"));
            await Expect(page.Locator("#results")).ToContainTextAsync("Сово-медведь");

            // Edit a UI string.
            await page.ClickAsync("nav button[data-tab='ui']");
            await page.FillAsync("#ui-search", "common.not_found");
            await page.ClickAsync("#ui-search-button");
            await page.ClickAsync("#ui-results button[data-key='common.not_found']");
            await page.SelectOptionAsync("#ui-lang", "ru");
            await page.FillAsync("#ui-text", "Ничего не нашлось");
            await page.ClickAsync("#ui-save");
            await Expect(page.Locator("#ui-status")).ToHaveTextAsync("Saved.");
            Assert.Equal("Ничего не нашлось", await database.ScalarAsync<string>(
                "SELECT text FROM ui_translations WHERE namespace = 'common' AND key = 'not_found' AND lang = 'ru'"));

            // Upload: the preview writes nothing, Apply runs the job.
            await page.ClickAsync("nav button[data-tab='upload']");
            await page.SetInputFilesAsync("#bundle-file", bundle);
            await page.ClickAsync("#preview-button");
            await Expect(page.Locator("#preview-counts tr[data-kind='monsters']")).ToContainTextAsync("Monsters");
            await Expect(page.Locator("#preview-counts tr[data-kind='monsters'] td").Nth(1)).ToHaveTextAsync("2");
            Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM monsters WHERE slug = 'frost-goblin'"));
            await page.ClickAsync("#apply-button");
            await Expect(page.Locator("#apply-status")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 30_000 });
            Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM monsters WHERE slug = 'frost-goblin'"));

            await page.ClickAsync("nav button[data-tab='jobs']");
            await Expect(page.Locator("#jobs tbody tr").First).ToContainTextAsync("frost-and-ember");
            await Expect(page.Locator("#jobs tbody tr").First.Locator("td[data-status]")).ToHaveAttributeAsync("data-status", "succeeded");

            await page.ClickAsync("nav button[data-tab='audit']");
            await Expect(page.Locator("#audit tbody")).ToContainTextAsync("ingest.apply");
            await Expect(page.Locator("#audit tbody")).ToContainTextAsync("monster.translation");
            await Expect(page.Locator("#audit tbody")).ToContainTextAsync("ui_string.update");

            // The page in Russian.
            await page.ClickAsync("#lang-toggle");
            await Expect(page.Locator("#title")).ToHaveTextAsync("DnD Helper — администрирование");
            await Expect(page.Locator("nav button[data-tab='audit']")).ToHaveTextAsync("Журнал аудита");
            await Expect(page.Locator("#who")).ToHaveTextAsync("Вы вошли как tester");

            await page.ClickAsync("#logout");
            await Expect(page.Locator("#login-view")).ToBeVisibleAsync();
            await Expect(page.Locator("label[for='token']")).ToHaveTextAsync("Токен администратора");
            var status = await page.EvaluateAsync<int>("async () => (await fetch('/admin/session')).status");
            Assert.Equal(401, status);
            await page.ReloadAsync();
            await Expect(page.Locator("#login-view")).ToBeVisibleAsync();
        }
        finally
        {
            File.Delete(bundle);
        }
    }
}
