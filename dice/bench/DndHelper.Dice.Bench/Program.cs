using System.Diagnostics;
using System.Globalization;
using DndHelper.Dice;

// Parse + roll throughput on one thread with the default crypto random source.
// Run in Release: bench/dice.sh (optionally: bench/dice.sh <seconds per case> <expression>...)
var seconds = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? s : 2.0;
string[] expressions = args.Length > 1 ? args[1..] : ["1d20+5", "4d6kh3", "8d6mi2+1d4[fire]", "1000d6"];

Console.WriteLine($"{"expression",-20} {"ops/s",14} {"µs/op",10} {"bytes/op",10}");
foreach (var expression in expressions)
{
    var result = Bench.Measure(expression, seconds);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{expression,-20} {result.OpsPerSecond,14:N0} {result.MicrosecondsPerOp,10:F3} {result.BytesPerOp,10:N0}"));
}

internal static class Bench
{
    // A sink the JIT can't prove unused.
    public static long Sink { get; private set; }

    public static (double OpsPerSecond, double MicrosecondsPerOp, double BytesPerOp) Measure(string expression, double seconds)
    {
        Run(expression, TimeSpan.FromSeconds(Math.Min(0.5, seconds / 4)));
        GC.Collect();
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var (operations, elapsed) = Run(expression, TimeSpan.FromSeconds(seconds));
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        return (operations / elapsed.TotalSeconds, elapsed.TotalMicroseconds / operations, (double)bytes / operations);
    }

    private static (long Operations, TimeSpan Elapsed) Run(string expression, TimeSpan duration)
    {
        var random = CryptoDiceRandom.Shared;
        var batch = 16;
        long operations = 0;
        long sum = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < batch; i++)
            {
                sum += DiceRoller.Roll(expression, random).Total;
            }

            operations += batch;
            if (batch < 1 << 16 && watch.Elapsed < duration / 100)
            {
                batch *= 2;
            }
        }

        watch.Stop();
        Sink += sum;
        return (operations, watch.Elapsed);
    }
}
