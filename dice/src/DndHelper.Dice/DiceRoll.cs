namespace DndHelper.Dice;

public enum CriticalHit
{
    None,
    Nat20,
    Nat1,
}

/// <summary>The outcome of one roll.</summary>
/// <param name="Expression">The expression as parsed from the input.</param>
/// <param name="Rolled">The tree that was rolled: <paramref name="Expression"/> with adv/dis/eadv applied.</param>
/// <param name="Total">The exact result rounded down.</param>
/// <param name="Terms">Every dice term, in the order written (and drawn).</param>
/// <param name="Labels">Every [label], in the order written.</param>
public sealed record DiceRoll(
    RollExpression Expression,
    ExpressionNode Rolled,
    long Total,
    CriticalHit Critical,
    IReadOnlyList<DiceTermResult> Terms,
    IReadOnlyList<string> Labels,
    string? Comment)
{
    // Kept flags of each set's elements, sets in post-order (the order the renderer meets them).
    internal IReadOnlyList<bool[]> SetKept { get; init; } = [];

    public string ToPlainText(int maxLength = DiceRenderer.TelegramMessageLimit) =>
        DiceRenderer.Render(this, DiceTextFormat.Plain, maxLength);

    public string ToHtml(int maxLength = DiceRenderer.TelegramMessageLimit) =>
        DiceRenderer.Render(this, DiceTextFormat.Html, maxLength);
}

// One die as it ended up. Rerolled faces are kept in RerolledFrom (oldest first), a clamped die
// remembers its face before mi/ma, and Added marks dice drawn by an explosion or 'ra'.
public readonly record struct Die(int Sides, int Face)
{
    private readonly IReadOnlyList<int>? _rerolledFrom;

    public bool Kept { get; init; } = true;

    public IReadOnlyList<int> RerolledFrom
    {
        get => _rerolledFrom ?? [];
        init => _rerolledFrom = value;
    }

    // This die matched an explode selector and drew another.
    public bool Exploded { get; init; }

    // Drawn by an explosion or by 'ra' rather than by the term's count.
    public bool Added { get; init; }

    public int? ClampedFrom { get; init; }

    public bool Dropped => !Kept;

    public bool Rerolled => _rerolledFrom is { Count: > 0 };

    public bool Clamped => ClampedFrom.HasValue;
}

// The dice of one term such as 4d6kh3. Filled in while the roll is evaluated, read-only after.
public sealed class DiceTermResult
{
    private Die[] _dice;
    private int _count;
    private List<string>? _labels;

    internal DiceTermResult(DiceTermNode term)
    {
        Term = term;
        _dice = new Die[term.Count];
    }

    public DiceTermNode Term { get; }

    public IReadOnlyList<Die> Dice => _dice;

    // The labels on this term and on any bracketed group around it, innermost first.
    public IReadOnlyList<string> Labels => (IReadOnlyList<string>?)_labels ?? [];

    public long Total
    {
        get
        {
            long total = 0;
            foreach (ref readonly var die in _dice.AsSpan(0, _count))
            {
                if (die.Kept)
                {
                    total += die.Face;
                }
            }

            return total;
        }
    }

    internal int Count => _count;

    internal Span<Die> Span => _dice.AsSpan(0, _count);

    internal void Add(Die die)
    {
        if (_count == _dice.Length)
        {
            Array.Resize(ref _dice, Math.Max(4, _dice.Length * 2));
        }

        _dice[_count++] = die;
    }

    internal void AddLabel(string label) => (_labels ??= []).Add(label);

    internal void Complete()
    {
        if (_count != _dice.Length)
        {
            Array.Resize(ref _dice, _count);
        }
    }
}
