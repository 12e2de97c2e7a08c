namespace DndHelper.Contracts.Dice;

// POST /dice/roll. The expression follows shared/design/dice-notation.md, at most 256 characters.
public sealed record DiceRollRequest(string Expression);
