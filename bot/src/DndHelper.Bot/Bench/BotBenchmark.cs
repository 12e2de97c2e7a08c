namespace DndHelper.Bot.Bench;

public static class BotBenchmark
{
    public static Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("not yet");
        return Task.FromResult(args.Length > 100 ? 1 : 2);
    }
}
