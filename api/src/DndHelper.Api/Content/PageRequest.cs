namespace DndHelper.Api.Content;

// The language, order and window of one list request, already validated.
public sealed record PageRequest(string Lang, string Sort, bool Descending, int Limit, int Offset);
