namespace DndHelper.Dice.Tests;

internal static class Rolls
{
    public static DiceRoll Roll(string expression, params int[] faces) =>
        DiceRoller.Roll(expression, new ScriptedDiceRandom(faces));

    public static DiceError Error(string expression, params int[] faces)
    {
        Assert.False(DiceRoller.TryRoll(expression, new ScriptedDiceRandom(faces.Length == 0 ? [1] : faces), out _, out var error), $"'{expression}' should not roll");
        return error!;
    }

    public static int[] Faces(DiceTermResult term) => [.. term.Dice.Select(d => d.Face)];

    public static bool[] Kept(DiceTermResult term) => [.. term.Dice.Select(d => d.Kept)];
}
