namespace DndHelper.Dice;

public static class DiceLimits
{
    public const int MaxInputLength = 256;
    public const int MaxDiceCount = 1000;
    public const int MaxSides = 1000;

    // Counts every die drawn in one roll, rerolls and explosions included.
    public const int MaxRolls = 1000;
}
