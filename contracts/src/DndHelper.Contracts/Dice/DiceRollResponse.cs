namespace DndHelper.Contracts.Dice;

/// <param name="Expression">Canonical notation of what was rolled, adv/dis/eadv already applied ("2d20kh1 + 5").</param>
/// <param name="Critical">"nat20", "nat1" or null (see <see cref="DiceCritical"/>).</param>
/// <param name="Breakdown">One entry per dice term, in the order written.</param>
public sealed record DiceRollResponse(
    string Expression,
    long Total,
    string? Critical,
    IReadOnlyList<DiceTermBreakdown> Breakdown,
    IReadOnlyList<string> Labels,
    string? Comment,
    DiceRenderedText Rendered);

/// <param name="Notation">The term on its own, such as "4d6kh3".</param>
/// <param name="Total">Sum of the kept dice.</param>
/// <param name="Labels">[labels] on this term or on parentheses around it, innermost first.</param>
public sealed record DiceTermBreakdown(
    string Notation,
    int Sides,
    long Total,
    IReadOnlyList<RolledDie> Dice,
    IReadOnlyList<string> Labels);

/// <param name="RerolledFrom">Faces this die showed before rerolls replaced them, oldest first.</param>
/// <param name="Exploded">This die matched an explode selector and drew another.</param>
/// <param name="Added">Drawn by an explosion or 'ra' rather than by the term's count.</param>
/// <param name="ClampedFrom">The face before mi/ma changed it, when they did.</param>
public sealed record RolledDie(
    int Face,
    bool Kept,
    IReadOnlyList<int> RerolledFrom,
    bool Exploded,
    bool Added,
    bool Clamped,
    int? ClampedFrom);

// Ready to send: Plain strikes dropped dice with ~~, Html is for Telegram's HTML parse mode.
public sealed record DiceRenderedText(string Plain, string Html);

public static class DiceCritical
{
    public const string Nat20 = "nat20";
    public const string Nat1 = "nat1";
}
