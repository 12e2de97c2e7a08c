using System.Globalization;
using DndHelper.Bot.Dice;
using DndHelper.Bot.Library;
using DndHelper.Contracts.Content;
using DndHelper.Bot.Monsters;
using DndHelper.Bot.Rendering;
using DndHelper.Bot.Routing;
using DndHelper.Bot.Search;
using DndHelper.Bot.Spells;
using DndHelper.Dice;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;

namespace DndHelper.Bot.Inline;

// "@bot fireball" offers cards of matching spells and monsters; "@bot 2d20kh1+5" offers the roll.
// Results are paged with next_offset, at most 50 in all.
public sealed class InlineCommands(UpdateContext ctx, LibraryClient library, DiceCommands dice)
{
    public const int PageSize = 10;
    public const int MaxResults = 50;

    public async Task AnswerAsync(InlineQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Query.Trim();
        var offset = int.TryParse(query.Offset, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        if (text.Length == 0)
        {
            await ctx.Telegram.AnswerInlineQuery(query.Id, [], cacheTime: 0, isPersonal: true, cancellationToken: ct);
            return;
        }

        var results = new List<InlineQueryResult>();
        if (offset == 0 && DiceRoller.TryParse(text, out _, out _))
        {
            var (html, _) = dice.Render(text);
            results.Add(new InlineQueryResultArticle(
                "roll:" + Guid.NewGuid().ToString("N")[..16],
                ctx.F("inline.roll", text),
                new InputTextMessageContent(html) { ParseMode = ParseMode.Html })
            {
                Description = ctx.T("inline.roll_description"),
            });
        }

        IReadOnlyList<SearchHit> page = [];
        try
        {
            var hits = text.Length > SearchCommands.MaxQueryLength ? []
                : await library.SearchAsync(text, null, Math.Min(MaxResults, offset + PageSize), ctx.Lang, ct);
            page = [.. hits.Skip(offset).Take(PageSize)];
            var articles = await Task.WhenAll(page.Select(h => ArticleAsync(h, ct)));
            results.AddRange(articles.OfType<InlineQueryResult>());
        }
        catch (LibraryUnavailableException) when (results.Count > 0)
        {
            // The roll needs no library; offer it alone.
        }

        var nextOffset = page.Count == PageSize && offset + PageSize < MaxResults
            ? (offset + PageSize).ToString(CultureInfo.InvariantCulture) : "";
        await ctx.Telegram.AnswerInlineQuery(query.Id, results, cacheTime: 0, isPersonal: true, nextOffset: nextOffset, cancellationToken: ct);
    }

    private async Task<InlineQueryResultArticle?> ArticleAsync(SearchHit hit, CancellationToken ct)
    {
        string? html = null;
        string description;
        if (SearchCommands.IsSpell(hit.Kind))
        {
            var spell = await library.GetSpellAsync(hit.Slug, ctx.Lang, ct);
            if (spell is null)
            {
                return null;
            }
            html = SpellCard.Render(spell, ctx.Texts, ctx.Lang).Html;
            description = SpellCard.Subtitle(spell, ctx.Texts, ctx.Lang);
        }
        else
        {
            var monster = await library.GetMonsterAsync(hit.Slug, ctx.Lang, ct);
            if (monster is null)
            {
                return null;
            }
            html = MonsterCard.Render(monster, ctx.Texts, ctx.Lang).Html;
            description = ctx.Label("monster_type", monster.Type) + ", " + ctx.Label("challenge_rating", monster.CrDisplay);
        }
        return new InlineQueryResultArticle(
            SearchCommands.KindCode(hit.Kind) + ":" + (hit.Slug.Length > 60 ? hit.Slug[..60] : hit.Slug),
            hit.Name,
            new InputTextMessageContent(MessageSplitter.Split(html)[0]) { ParseMode = ParseMode.Html })
        {
            Description = description,
        };
    }
}
