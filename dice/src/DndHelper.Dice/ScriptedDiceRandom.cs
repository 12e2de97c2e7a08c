namespace DndHelper.Dice;

// Plays back faces in draw order; once the script runs out the last face repeats, as the
// conformance file format says. For tests and reproducible examples, never for real rolls.
public sealed class ScriptedDiceRandom : IDiceRandom
{
    private readonly int[] _faces;
    private int _next;

    public ScriptedDiceRandom(params int[] faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        _faces = (int[])faces.Clone();
    }

    public ScriptedDiceRandom(IEnumerable<int> faces)
        : this([.. faces])
    {
    }

    public int Draws { get; private set; }

    public int Roll(int sides)
    {
        if (_faces.Length == 0)
        {
            throw new InvalidOperationException("The script has no faces, yet a die was drawn.");
        }

        Draws++;
        var face = _faces[_next];
        if (_next < _faces.Length - 1)
        {
            _next++;
        }

        return face;
    }
}
