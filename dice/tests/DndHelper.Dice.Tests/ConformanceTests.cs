namespace DndHelper.Dice.Tests;

// One test case per line of dice-conformance.tsv (copied from shared/design) and of the file
// named by DICE_CONFORMANCE_FILE, so further case files run without a code change:
//   DICE_CONFORMANCE_FILE=/path/cases.tsv dotnet test dice/tests/DndHelper.Dice.Tests
public sealed class ConformanceTests
{
    public const string ExtraFileVariable = "DICE_CONFORMANCE_FILE";

    // Both sources feed one theory: xunit 2 fails a theory whose data source yields no row.
    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        AddCases(data, Path.Combine(AppContext.BaseDirectory, "dice-conformance.tsv"));
        var extra = Environment.GetEnvironmentVariable(ExtraFileVariable);
        if (!string.IsNullOrWhiteSpace(extra))
        {
            AddCases(data, extra);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExpressionRollsAsTheConformanceFileSays(string expression, string faces, string expect, string source)
    {
        Assert.False(source.StartsWith("missing file", StringComparison.Ordinal), source);
        var random = faces == "-" ? new ScriptedDiceRandom() : new ScriptedDiceRandom(faces.Split(',').Select(f => int.Parse(f.Trim(), System.Globalization.CultureInfo.InvariantCulture)));
        var expected = Expectation.Parse(expect);

        var rolled = DiceRoller.TryRoll(expression, random, out var roll, out var error);

        if (expected.Error is { } kind)
        {
            Assert.False(rolled, $"{source}: expected {kind}, got a total of {roll?.Total}");
            Assert.Equal(kind, error!.Kind);
            return;
        }

        Assert.True(rolled, $"{source}: expected {expect}, got {error?.Kind}: {error?.Message}");
        Assert.Equal(expected.Total, roll!.Total);
        Assert.Equal(expected.Critical, roll.Critical);
        if (expected.Comment is not null)
        {
            Assert.Equal(expected.Comment, roll.Comment);
        }
    }

    private static void AddCases(TheoryData<string, string, string, string> data, string path)
    {
        if (!File.Exists(path))
        {
            data.Add("", "-", "0", $"missing file {path}");
            return;
        }

        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 3)
            {
                data.Add(line, "-", "malformed", $"{Path.GetFileName(path)}:{i + 1}");
                continue;
            }

            data.Add(columns[0], columns[1], columns[2], $"{Path.GetFileName(path)}:{i + 1}");
        }
    }

    private sealed record Expectation(long Total, DiceErrorKind? Error, CriticalHit Critical, string? Comment)
    {
        // total[;crit=nat20|nat1][;comment=TEXT] or error=Kind; the comment runs to the end of the line.
        public static Expectation Parse(string expect)
        {
            string? comment = null;
            var commentAt = expect.IndexOf(";comment=", StringComparison.Ordinal);
            if (commentAt >= 0)
            {
                comment = expect[(commentAt + ";comment=".Length)..];
                expect = expect[..commentAt];
            }

            var parts = expect.Split(';');
            if (parts[0].StartsWith("error=", StringComparison.Ordinal))
            {
                return new Expectation(0, Enum.Parse<DiceErrorKind>(parts[0]["error=".Length..]), CriticalHit.None, null);
            }

            var critical = CriticalHit.None;
            foreach (var part in parts.Skip(1))
            {
                critical = part switch
                {
                    "crit=nat20" => CriticalHit.Nat20,
                    "crit=nat1" => CriticalHit.Nat1,
                    _ => throw new FormatException($"Unknown expectation '{part}'"),
                };
            }

            return new Expectation(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), null, critical, comment);
        }
    }
}
