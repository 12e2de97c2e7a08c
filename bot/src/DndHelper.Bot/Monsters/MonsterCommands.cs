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

namespace DndHelper.Bot.Monsters;

// The bestiary: its screen, the paged and filtered list, random monsters, filters and cards.
public sealed class MonsterCommands(UpdateContext ctx, LibraryClient library, ConversationStore store, IOptions<BotOptions> options)
{
    public static readonly string[] ChallengeRatings =
        ["0", "1/8", "1/4", "1/2", .. Enumerable.Range(1, 30).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    public static readonly string[] DamageTypes =
        ["acid", "bludgeoning", "cold", "fire", "force", "lightning", "necrotic", "piercing", "poison", "psychic", "radiant", "slashing", "thunder"];

    public static readonly FilterField<MonsterFilter>[] Fields =
    [
        new("cr_min", false, _ => [.. ChallengeRatings.Select(c => (c, c))], f => f.CrMin, (f, v) => f with { CrMin = v }, Columns: 6),
        new("cr_max", false, _ => [.. ChallengeRatings.Select(c => (c, c))], f => f.CrMax, (f, v) => f with { CrMax = v }, Columns: 6),
        new("type", false, c => Choices(c, "monster_type"), f => f.Type, (f, v) => f with { Type = v }),
        new("size", false, c => Choices(c, "size"), f => f.Size, (f, v) => f with { Size = v }),
        new("legendary", true, _ => [], f => Bool(f.Legendary), (f, v) => f with { Legendary = ParseBool(v) }),
        new("flying", true, _ => [], f => Bool(f.Flying), (f, v) => f with { Flying = ParseBool(v) }),
        new("swimming", true, _ => [], f => Bool(f.Swimming), (f, v) => f with { Swimming = ParseBool(v) }),
        new("damage_immunity", false, c => [.. DamageTypes.Select(d => (d, c.Label("damage_type", d)))], f => f.DamageImmunity, (f, v) => f with { DamageImmunity = v }),
    ];

    // The router and the search open the list, random entries, cards and filters through here.
    public ContentBrowser<MonsterFilter, MonsterSummary, MonsterDetail> Browser { get; } = new(ctx, store, options.Value.PageSize, new()
    {
        Code = CallbackData.Monsters,
        TitleKey = "monsters.title",
        ListKey = "list.monsters",
        FiltersTitleKey = "filters.monsters_title",
        Fields = Fields,
        Read = c => new(c.MonsterFilter, c.MonsterDraft, c.MonsterPage),
        Write = (c, s) => c with { MonsterFilter = s.Filter, MonsterDraft = s.Draft, MonsterPage = s.Page },
        List = library.ListMonstersAsync,
        Random = library.RandomMonsterAsync,
        Get = library.GetMonsterAsync,
        ItemButton = m => Keyboards.Button($"{m.Name} · {ctx.Label("challenge_rating", m.CrDisplay)}", CallbackData.CardOf(CallbackData.Monsters, m.Slug, m.Id)),
        Render = MonsterCard.Render,
    });
}
