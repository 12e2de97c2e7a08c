namespace DndHelper.Dice;

// Keep and drop over a pool, only among what is still kept. A run holds adjacent operators of one
// kind; their selections are united (4d6kh1kl1 keeps two). On ties, keep prefers the leftmost
// die and drop the rightmost, so 4d6kh3 and 4d6dl1 strike the same die.
internal static class Selection
{
    private const int IndexBits = 12;
    private const long IndexMask = (1 << IndexBits) - 1;

    public static void KeepOrDrop(ReadOnlySpan<DiceOperation> run, ReadOnlySpan<int> faces, Span<bool> kept)
    {
        var n = faces.Length;
        var keep = run[0].Kind == DiceOperatorKind.Keep;
        Span<bool> marked = n <= 1024 ? stackalloc bool[n] : new bool[n];
        Span<long> keys = n <= 1024 ? stackalloc long[n] : new long[n];
        foreach (var operation in run)
        {
            var selector = operation.Selector;
            if (selector.Kind is SelectorKind.Highest or SelectorKind.Lowest)
            {
                // A die can't be drawn more than MaxRolls times in one roll, so its index fits in
                // the low bits and one sort of plain longs orders by face, then by tie-break.
                var m = 0;
                for (var i = 0; i < n; i++)
                {
                    if (kept[i])
                    {
                        long order = selector.Kind == SelectorKind.Highest ? -(long)faces[i] : faces[i];
                        long tie = keep ? i : IndexMask - i;
                        keys[m++] = (order << IndexBits) | tie;
                    }
                }

                var pool = keys[..m];
                pool.Sort();
                var take = Math.Min(selector.Value, m);
                for (var k = 0; k < take; k++)
                {
                    var tie = (int)(pool[k] & IndexMask);
                    marked[keep ? tie : (int)IndexMask - tie] = true;
                }
            }
            else
            {
                for (var i = 0; i < n; i++)
                {
                    if (kept[i] && selector.Matches(faces[i]))
                    {
                        marked[i] = true;
                    }
                }
            }
        }

        Apply(keep, marked, kept);
    }

    public static void KeepOrDrop(ReadOnlySpan<DiceOperation> run, ReadOnlySpan<Rational> values, Span<bool> kept)
    {
        var n = values.Length;
        var keep = run[0].Kind == DiceOperatorKind.Keep;
        Span<bool> marked = n <= 256 ? stackalloc bool[n] : new bool[n];
        Span<int> order = n <= 256 ? stackalloc int[n] : new int[n];
        foreach (var operation in run)
        {
            var selector = operation.Selector;
            if (selector.Kind is SelectorKind.Highest or SelectorKind.Lowest)
            {
                var m = 0;
                for (var i = 0; i < n; i++)
                {
                    if (kept[i])
                    {
                        order[m++] = i;
                    }
                }

                // Sets are small (a 256-character input holds at most ~128 elements): insertion sort.
                var highest = selector.Kind == SelectorKind.Highest;
                for (var i = 1; i < m; i++)
                {
                    var current = order[i];
                    var j = i - 1;
                    while (j >= 0 && Compare(values, order[j], current, highest, keep) > 0)
                    {
                        order[j + 1] = order[j];
                        j--;
                    }

                    order[j + 1] = current;
                }

                var take = Math.Min(selector.Value, m);
                for (var k = 0; k < take; k++)
                {
                    marked[order[k]] = true;
                }
            }
            else
            {
                var bound = Rational.FromInteger(selector.Value, 0);
                for (var i = 0; i < n; i++)
                {
                    if (kept[i] && Matches(selector.Kind, values[i].CompareTo(bound)))
                    {
                        marked[i] = true;
                    }
                }
            }
        }

        Apply(keep, marked, kept);
    }

    private static int Compare(ReadOnlySpan<Rational> values, int a, int b, bool highest, bool preferLeft)
    {
        var byValue = values[a].CompareTo(values[b]);
        if (byValue != 0)
        {
            return highest ? -byValue : byValue;
        }

        return preferLeft ? a.CompareTo(b) : b.CompareTo(a);
    }

    private static bool Matches(SelectorKind kind, int order) => kind switch
    {
        SelectorKind.Equal => order == 0,
        SelectorKind.Greater => order > 0,
        SelectorKind.Less => order < 0,
        SelectorKind.GreaterOrEqual => order >= 0,
        SelectorKind.LessOrEqual => order <= 0,
        _ => false,
    };

    private static void Apply(bool keep, ReadOnlySpan<bool> marked, Span<bool> kept)
    {
        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i] && marked[i] != keep)
            {
                kept[i] = false;
            }
        }
    }
}
