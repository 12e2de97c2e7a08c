namespace DndHelper.Api.Cli;

// Bundle ingest from the command line; filled in by the admin ingest feature.
public static class IngestCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        ArgumentNullException.ThrowIfNull(services);
        await Console.Error.WriteLineAsync($"ingest is not available yet ({string.Join(' ', args)})");
        return 2;
    }
}
