using DndHelper.Bot.Rendering;
using DndHelper.Bot.Routing;
using DndHelper.Dice;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Dice;

// The dice screen, its quick buttons and /roll (/r) with the whole notation of dice-notation.md.
public sealed class DiceCommands(UpdateContext ctx, IDiceRandom random)
{
    // Quick buttons: label key or literal text, and the expression rolled.
    private static readonly (string Label, string Expression)[] QuickRolls =
    [
        ("d20", "1d20"), ("@dice.advantage", "1d20 adv"), ("@dice.disadvantage", "1d20 dis"),
        ("4d6kh3", "4d6kh3"), ("d4", "1d4"), ("d6", "1d6"), ("d8", "1d8"), ("d10", "1d10"), ("d12", "1d12"), ("d100", "1d100"),
    ];

    public Task MenuAsync(CancellationToken ct)
    {
        var buttons = QuickRolls.Select(q => Keyboards.Button(
            q.Label.StartsWith('@') ? ctx.T(q.Label[1..]) : q.Label,
            CallbackData.Encode(CallbackData.Roll, q.Expression)));
        return ctx.ShowAsync(ctx.T("dice.title"), Keyboards.Of([.. Keyboards.Grid(buttons, 3), [Keyboards.MenuButton(ctx)]]), ct);
    }

    public async Task RollAsync(string? expression, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            await ctx.SendAsync(ctx.T("dice.usage"), null, ct);
            return;
        }
        expression = expression.Trim();
        var (text, ok) = Render(expression);
        var again = CallbackData.TryEncode(CallbackData.Roll, expression);
        InlineKeyboardMarkup? keyboard = ok && again is not null ? Keyboards.Of([Keyboards.Button(ctx.T("dice.again"), again)]) : null;
        await ctx.SendAsync(text, keyboard, ct);
    }

    // The roll as the chat shows it, or the error saying what is wrong and where.
    public (string Html, bool Ok) Render(string expression)
    {
        if (!DiceRoller.TryRoll(expression, random, out var roll, out var error))
        {
            return (ErrorText(expression, error), false);
        }
        var mark = roll.Critical switch
        {
            CriticalHit.Nat20 => "\n" + ctx.T("dice.nat20"),
            CriticalHit.Nat1 => "\n" + ctx.T("dice.nat1"),
            _ => "",
        };
        return ("🎲 " + roll.ToHtml(MessageSplitter.TelegramLimit - 64) + mark, true);
    }

    public string ErrorMessage(string expression, DiceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var position = Math.Clamp(error.Position, 0, expression.Length) + 1;
        return error.Kind switch
        {
            DiceErrorKind.TooManyRolls => ctx.T("dice.error.too_many_rolls"),
            DiceErrorKind.DivideByZero => ctx.F("dice.error.divide_by_zero", position),
            DiceErrorKind.InvalidDie => ctx.F("dice.error.invalid_die", position),
            DiceErrorKind.Ambiguous => ctx.F("dice.error.ambiguous", position),
            _ when expression.Length > DiceLimits.MaxInputLength => ctx.T("dice.error.too_long"),
            _ => ctx.F("dice.error.syntax", position),
        };
    }

    private string ErrorText(string expression, DiceError error)
    {
        var shown = expression.Length > 64 ? expression[..64] + "…" : expression;
        var pointer = error.Position < 64 ? new string(' ', Math.Clamp(error.Position, 0, shown.Length)) + "^" : "";
        return ctx.F("dice.error", Html.Escape(shown), pointer, ErrorMessage(expression, error));
    }
}
