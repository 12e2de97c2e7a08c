using System.Globalization;
using DndHelper.Bot.Hosting;
using DndHelper.Bot.Library;
using DndHelper.Bot.Lists;
using DndHelper.Bot.Rendering;
using DndHelper.Bot.Routing;
using DndHelper.Bot.State;
using DndHelper.Contracts.Content;
using Microsoft.Extensions.Options;
using static DndHelper.Bot.Rendering.FilterScreen;

namespace DndHelper.Bot.Spells;

// The spells: their screen, the paged and filtered list, random spells, filters and cards.
public sealed class SpellCommands(UpdateContext ctx, LibraryClient library, ConversationStore store, IOptions<BotOptions> options)
{
    public static readonly string[] CastingTimes = ["action", "bonus_action", "reaction", "longer"];

    public static readonly FilterField<SpellFilter>[] Fields =
    [
        new("level", false, c => Choices(c, "spell_level"), f => f.Level?.ToString(CultureInfo.InvariantCulture), (f, v) => f with { Level = v is null ? null : int.Parse(v, CultureInfo.InvariantCulture) }, Columns: 3),
        new("school", false, c => Choices(c, "school"), f => f.School, (f, v) => f with { School = v }),
        new("class", false, c => Choices(c, "class"), f => f.Class, (f, v) => f with { Class = v }),
        new("ritual", true, _ => [], f => Bool(f.Ritual), (f, v) => f with { Ritual = ParseBool(v) }),
        new("concentration", true, _ => [], f => Bool(f.Concentration), (f, v) => f with { Concentration = ParseBool(v) }),
        new("casting_time", false, c => [.. CastingTimes.Select(t => (t, c.Label("casting_time", t)))], f => f.CastingTime, (f, v) => f with { CastingTime = v }),
    ];

    // The router and the search open the list, random entries, cards and filters through here.
    public ContentBrowser<SpellFilter, SpellSummary, SpellDetail> Browser { get; } = new(ctx, store, options.Value.PageSize, new()
    {
        Code = CallbackData.Spells,
        TitleKey = "spells.title",
        ListKey = "list.spells",
        FiltersTitleKey = "filters.spells_title",
        Fields = Fields,
        Read = c => new(c.SpellFilter, c.SpellDraft, c.SpellPage),
        Write = (c, s) => c with { SpellFilter = s.Filter, SpellDraft = s.Draft, SpellPage = s.Page },
        List = library.ListSpellsAsync,
        Random = library.RandomSpellAsync,
        Get = library.GetSpellAsync,
        ItemButton = s => Keyboards.Button($"{s.Name} · {s.LevelLabel}", CallbackData.CardOf(CallbackData.Spells, s.Slug, s.Id)),
        Render = SpellCard.Render,
    });
}
