namespace DndHelper.Dice;

public interface IDiceRandom
{
    /// <summary>Returns a face in 1..<paramref name="sides"/>.</summary>
    int Roll(int sides);
}
