namespace DndHelper.Contracts.Content;

// GET /i18n/ui: namespace → key → text in Lang.
public sealed record UiStringsResponse(string Lang, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Strings);

// GET /i18n/enums: family → code → label in Lang.
public sealed record EnumLabelsResponse(string Lang, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Labels);
