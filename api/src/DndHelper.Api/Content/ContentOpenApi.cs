using System.Text.Json.Nodes;
using DndHelper.Api.Languages;
using DndHelper.Api.Monsters;
using DndHelper.Api.Search;
using DndHelper.Api.Spells;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DndHelper.Api.Content;

// Query values are bound as strings (see QueryValues), so the document would only say "string":
// this puts back what each parameter means and which values it takes.
public sealed class ContentOpenApi : IOpenApiOperationTransformer
{
    private static readonly string[] Booleans = ["true", "false", "1", "0", "yes", "no"];

    // "{first path segment}:{name}" wins over "{name}".
    private static readonly Dictionary<string, (string Description, string[]? Values)> Parameters = new(StringComparer.Ordinal)
    {
        [RequestLanguage.Parameter] = ("Response language; beats Accept-Language, which beats the server default. Missing Russian text falls back to English.", Codes.Languages),
        ["limit"] = ($"Page size, 1 to {QueryValues.MaxLimit} (default {QueryValues.DefaultLimit}); larger values are capped.", null),
        ["offset"] = ("How many matches to skip (default 0).", null),
        ["order"] = ("Sort direction (default asc).", QueryValues.SortOrders),
        ["monsters:sort"] = ("Sort key (default name, in the response language); ties sort by name.", MonstersApi.Sorts),
        ["spells:sort"] = ("Sort key (default name, in the response language); ties sort by name.", SpellsApi.Sorts),
        ["cr_min"] = ("Lowest challenge rating: a fraction (1/8, 1/4, 1/2), a decimal (0.25) or a whole rating.", ChallengeRating.All),
        ["cr_max"] = ("Highest challenge rating: a fraction (1/8, 1/4, 1/2), a decimal (0.25) or a whole rating.", ChallengeRating.All),
        ["type"] = ("Creature type; repeat (or separate with commas) to match any of several.", Codes.MonsterTypes),
        ["size"] = ("Size; repeat to match any of several.", Codes.Sizes),
        ["alignment"] = ("Alignment; repeat to match any of several.", Codes.Alignments),
        ["legendary"] = ("Only monsters with (or without) legendary actions.", Booleans),
        ["flying"] = ("Only monsters with (or without) a flying speed.", Booleans),
        ["swimming"] = ("Only monsters with (or without) a swimming speed.", Booleans),
        ["damage_immunity"] = ("Immune to this damage; repeat to require all.", Codes.MonsterDamageCodes),
        ["damage_resistance"] = ("Resistant to this damage; repeat to require all.", Codes.MonsterDamageCodes),
        ["condition_immunity"] = ("Immune to this condition; repeat to require all.", Codes.Conditions),
        ["level"] = ("Spell level, 0 for cantrips; repeat to match any of several.", ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]),
        ["level_min"] = ("Lowest spell level (0 is a cantrip).", ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]),
        ["level_max"] = ("Highest spell level.", ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]),
        ["school"] = ("School of magic; repeat to match any of several.", Codes.Schools),
        ["class"] = ("On this class's spell list; repeat to match any of several.", Codes.Classes),
        ["ritual"] = ("Only ritual (or non-ritual) spells.", Booleans),
        ["concentration"] = ("Only spells that need (or do not need) concentration.", Booleans),
        ["casting_time"] = ("Casting time; longer means a minute or more. Repeat to match any of several.", SpellFilter.CastingTimeValues),
        ["component"] = ("Needs this component (verbal, somatic, material); repeat to require all.", SpellFilter.ComponentValues),
        ["damage_type"] = ("Deals this damage type; repeat to match any of several.", Codes.DamageTypes),
        ["save"] = ("Calls for a saving throw of this ability; repeat to match any of several.", Codes.Abilities),
        ["q"] = ($"What to look for, 1 to {SearchApi.MaxQueryLength} characters; English and Russian names match whatever the response language, typos included.", null),
        ["kind"] = ("Only monsters or only spells (default both).", SearchApi.Kinds),
        ["scope"] = ("name (default) or name_description to match descriptions too.", SearchApi.Scopes),
        ["search:limit"] = ($"How many hits, 1 to {SearchApi.MaxLimit} (default {SearchApi.DefaultLimit}); larger values are capped.", null),
        ["ns"] = ("Only this namespace of UI strings (default all).", null),
        ["idOrSlug"] = ("Numeric id or slug (adult-red-dragon).", null),
        ["telegram_id"] = ("The user's Telegram id.", null),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var group = (context.Description.RelativePath ?? "").Split('/', 2)[0];
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is null
                || (!Parameters.TryGetValue($"{group}:{parameter.Name}", out var doc) && !Parameters.TryGetValue(parameter.Name, out doc)))
            {
                continue;
            }
            parameter.Description = doc.Description;
            if (doc.Values is not null && parameter.Schema is OpenApiSchema schema)
            {
                var target = schema.Items as OpenApiSchema ?? schema;
                target.Enum = [.. doc.Values.Select(v => (JsonNode)JsonValue.Create(v))];
            }
        }
        return Task.CompletedTask;
    }
}
