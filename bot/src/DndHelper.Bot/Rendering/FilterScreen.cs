using DndHelper.Bot.Routing;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Rendering;

// One filter of a list: how to show it, its choices (Columns to a row in its chooser), and how to
// read and change it in a filter record.
public sealed record FilterField<TFilter>(
    string Name,
    bool IsToggle,
    Func<UpdateContext, IReadOnlyList<(string Code, string Label)>> Choices,
    Func<TFilter, string?> Get,
    Func<TFilter, string?, TFilter> Set,
    int Columns = 2);

// The filter screen shared by the bestiary and the spells: every filter with its current value,
// a chooser per filter, Apply and Reset. Pure: builds texts and keyboards, the commands do the rest.
public static class FilterScreen
{
    public static string? Toggle(string? value) => value switch
    {
        null => "true",
        "true" => "false",
        _ => null,
    };

    // The choices of a filter whose codes and labels come from the texts, e.g. "school".
    public static IReadOnlyList<(string Code, string Label)> Choices(UpdateContext ctx, string family)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return [.. ctx.Texts.Codes(family).Select(code => (code, ctx.Label(family, code)))];
    }

    // A yes/no filter is kept as bool? in the filter record and as "true", "false" or null on the screen.
    public static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    public static bool? ParseBool(string? value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public static string ValueLabel<TFilter>(UpdateContext ctx, FilterField<TFilter> field, TFilter filter)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(field);
        var value = field.Get(filter);
        if (value is null)
        {
            return ctx.T("filters.any");
        }
        if (field.IsToggle)
        {
            return ctx.T(value == "true" ? "filters.yes" : "filters.no");
        }
        var choice = field.Choices(ctx).FirstOrDefault(c => c.Code == value);
        return choice.Label ?? value;
    }

    public static string Summary<TFilter>(UpdateContext ctx, IEnumerable<FilterField<TFilter>> fields, TFilter filter)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var set = fields.Where(f => f.Get(filter) is not null)
            .Select(f => ctx.T("filters." + f.Name) + ": " + ValueLabel(ctx, f, filter))
            .ToList();
        return set.Count == 0 ? ctx.T("filters.none") : Html.Escape(string.Join("; ", set));
    }

    public static InlineKeyboardMarkup Keyboard<TFilter>(UpdateContext ctx, string kind, IEnumerable<FilterField<TFilter>> fields, TFilter draft)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var rows = fields.Select(f => (IEnumerable<InlineKeyboardButton>)
        [
            Keyboards.Button(
                ctx.T("filters." + f.Name) + ": " + ValueLabel(ctx, f, draft),
                CallbackData.Encode(f.IsToggle ? CallbackData.FilterToggle : CallbackData.FilterOpen, kind, f.Name)),
        ]).ToList();
        rows.Add(
        [
            Keyboards.Button(ctx.T("filters.apply"), CallbackData.Encode(CallbackData.FilterApply, kind)),
            Keyboards.Button(ctx.T("filters.reset"), CallbackData.Encode(CallbackData.FilterReset, kind)),
        ]);
        rows.Add([Keyboards.Button(ctx.T("section.back"), CallbackData.Encode(CallbackData.Section, kind))]);
        return Keyboards.Of(rows);
    }

    public static InlineKeyboardMarkup Chooser<TFilter>(UpdateContext ctx, string kind, FilterField<TFilter> field)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(field);
        var buttons = field.Choices(ctx)
            .Select(c => Keyboards.Button(c.Label, CallbackData.Encode(CallbackData.FilterSet, kind, field.Name, c.Code)))
            .Prepend(Keyboards.Button(ctx.T("filters.any"), CallbackData.Encode(CallbackData.FilterSet, kind, field.Name, "*")));
        return Keyboards.Of(Keyboards.Grid(buttons, field.Columns));
    }

    // Prev · page/pages · Next under a list.
    public static IEnumerable<InlineKeyboardButton> PageRow(UpdateContext ctx, string kind, int page, int pages)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (page > 0)
        {
            yield return Keyboards.Button(ctx.T("list.prev"), CallbackData.Encode(CallbackData.ListPage, kind, (page - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        yield return Keyboards.Button(ctx.F("list.page", page + 1, Math.Max(pages, 1)), CallbackData.Encode(CallbackData.Noop));
        if (page + 1 < pages)
        {
            yield return Keyboards.Button(ctx.T("list.next"), CallbackData.Encode(CallbackData.ListPage, kind, (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public static InlineKeyboardMarkup CardKeyboard(UpdateContext ctx, IReadOnlyList<CardRoll> rolls)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var buttons = rolls
            .Select(r => (r.Label, Data: CallbackData.TryEncode(CallbackData.Roll, r.Expression)))
            .Where(r => r.Data is not null)
            .Select(r => Keyboards.Button(ctx.F("card.roll", r.Label), r.Data!));
        return Keyboards.Of([.. Keyboards.Grid(buttons, 2), [Keyboards.MenuButton(ctx)]]);
    }
}
