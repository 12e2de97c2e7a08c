using System.Globalization;
using System.Text;

namespace DndHelper.Bot.Routing;

// Every button's callback data is made and read here: "1|action|arg|arg", at most 64 bytes.
// The leading version lets a later format tell old buttons apart; anything that does not decode
// is answered with "this menu has expired".
public sealed record CallbackData(string Action, IReadOnlyList<string> Args)
{
    public const string Version = "1";
    public const int MaxBytes = 64;
    private const char Separator = '|';

    // Actions
    public const string Menu = "menu";
    public const string Language = "lang";
    public const string Settings = "set";
    public const string Section = "sec";
    public const string ListPage = "ls";
    public const string Random = "rnd";
    public const string Card = "c";
    public const string Filters = "f";
    public const string FilterOpen = "fo";
    public const string FilterSet = "fv";
    public const string FilterToggle = "ft";
    public const string FilterApply = "fa";
    public const string FilterReset = "fr";
    public const string SearchPrompt = "srch";
    public const string DiceMenu = "dice";
    public const string Roll = "d";
    public const string Noop = "noop";

    // Kinds of content
    public const string Monsters = "m";
    public const string Spells = "s";

    public string Arg(int index) => index < Args.Count ? Args[index] : "";

    public int IntArg(int index) =>
        int.TryParse(Arg(index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;

    public static string Encode(string action, params string[] args)
    {
        var text = TryEncode(action, args) ?? throw new ArgumentException($"callback data for {action} is longer than {MaxBytes} bytes");
        return text;
    }

    // Null when the data would not fit in Telegram's 64 bytes (a very long slug or expression).
    public static string? TryEncode(string action, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var text = new StringBuilder(Version).Append(Separator).Append(action);
        foreach (var arg in args)
        {
            if (arg.Contains(Separator, StringComparison.Ordinal))
            {
                return null;
            }
            text.Append(Separator).Append(arg);
        }
        var result = text.ToString();
        return Encoding.UTF8.GetByteCount(result) <= MaxBytes ? result : null;
    }

    public static string Encode(string action, int number) => Encode(action, number.ToString(CultureInfo.InvariantCulture));

    // A card button names the entry by slug, or by id when the slug is too long for 64 bytes
    // (the API takes either).
    public static string CardOf(string kind, string slug, int id) =>
        TryEncode(Card, kind, slug) ?? Encode(Card, kind, id.ToString(CultureInfo.InvariantCulture));

    public static CallbackData? TryDecode(string? data)
    {
        if (string.IsNullOrEmpty(data) || Encoding.UTF8.GetByteCount(data) > MaxBytes)
        {
            return null;
        }
        var parts = data.Split(Separator);
        if (parts.Length < 2 || parts[0] != Version || parts[1].Length == 0)
        {
            return null;
        }
        return new CallbackData(parts[1], parts[2..]);
    }
}
