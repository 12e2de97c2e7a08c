using System.Threading.Channels;
using DndHelper.Bot.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace DndHelper.Bot.Updates;

// Runs updates on a fixed set of workers. Updates of one chat always go to the same worker, so a
// user's taps are handled in order, while different chats are handled side by side.
public sealed class UpdateDispatcher : BackgroundService
{
    private readonly Channel<Update>[] queues;
    private readonly UpdateProcessor processor;

    public UpdateDispatcher(UpdateProcessor processor, IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.processor = processor;
        queues = [.. Enumerable.Range(0, options.Value.Workers).Select(_ => Channel.CreateBounded<Update>(new BoundedChannelOptions(1000)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        }))];
    }

    public ValueTask EnqueueAsync(Update update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        var key = ChatOf(update);
        return queues[(int)((ulong)key % (ulong)queues.Length)].Writer.WriteAsync(update, ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(queues.Select(q => RunAsync(q.Reader)));

    // On shutdown the receiver has stopped first (hosted services stop in reverse order); what it
    // already confirmed to Telegram is still handled before the process goes, within the host's
    // shutdown timeout.
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in queues)
        {
            queue.Writer.TryComplete();
        }
        await (ExecuteTask ?? Task.CompletedTask).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        await base.StopAsync(cancellationToken);
    }

    private async Task RunAsync(ChannelReader<Update> reader)
    {
        await foreach (var update in reader.ReadAllAsync())
        {
            await processor.HandleAsync(update, CancellationToken.None);
        }
    }

    private static long ChatOf(Update update) =>
        update.Message?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.InlineQuery?.From.Id
        ?? update.Id;
}
