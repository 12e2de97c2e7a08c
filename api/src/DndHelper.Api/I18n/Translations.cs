namespace DndHelper.Api.I18n;

public sealed class EnumTranslation
{
    public required string Family { get; set; }
    public required string Code { get; set; }
    public required string Lang { get; set; }
    public required string Label { get; set; }
}

public sealed class UiTranslation
{
    public required string Namespace { get; set; }
    public required string Key { get; set; }
    public required string Lang { get; set; }
    public required string Text { get; set; }
}
