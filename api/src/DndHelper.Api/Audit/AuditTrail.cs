using System.Text.Json.Nodes;
using DndHelper.Api.Data;

namespace DndHelper.Api.Audit;

// Adds audit entries to the caller's unit of work, so an entry is saved with its change or not at all.
public sealed class AuditTrail(DndDbContext db, TimeProvider time)
{
    private const int TextLimit = 300;

    // For an update (both sides given) only the fields that differ are kept, keyed by their path.
    public void Record(string actor, string action, string target, JsonObject? before, JsonObject? after)
    {
        if (before is not null && after is not null)
        {
            (before, after) = Diff(before, after);
        }
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Target = target.Length > 300 ? target[..300] : target,
            Before = before is null ? null : Shorten(before).ToJsonString(),
            After = after is null ? null : Shorten(after).ToJsonString(),
        });
    }

    public static (JsonObject Before, JsonObject After) Diff(JsonObject before, JsonObject after)
    {
        var left = new Dictionary<string, JsonNode?>();
        var right = new Dictionary<string, JsonNode?>();
        Flatten(before, "", left);
        Flatten(after, "", right);
        var changedBefore = new JsonObject();
        var changedAfter = new JsonObject();
        foreach (var path in left.Keys.Union(right.Keys))
        {
            var was = left.GetValueOrDefault(path);
            var now = right.GetValueOrDefault(path);
            if (!JsonNode.DeepEquals(was, now))
            {
                changedBefore[path] = was?.DeepClone();
                changedAfter[path] = now?.DeepClone();
            }
        }
        return (changedBefore, changedAfter);
    }

    // Objects open into dotted paths ("translations.ru.name"); lists and values are compared whole.
    private static void Flatten(JsonObject json, string prefix, Dictionary<string, JsonNode?> into)
    {
        foreach (var (name, value) in json)
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            if (value is JsonObject inner)
            {
                Flatten(inner, path, into);
            }
            else
            {
                into[path] = value;
            }
        }
    }

    // Long texts are cut: the log says what changed, the content tables hold the text.
    private static JsonNode Shorten(JsonNode node)
    {
        switch (node)
        {
            case JsonObject json:
                var copy = new JsonObject();
                foreach (var (name, value) in json)
                {
                    copy[name] = value is null ? null : Shorten(value);
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(v => v is null ? null : Shorten(v))]);
            default:
                return node.GetValueKind() == System.Text.Json.JsonValueKind.String && node.GetValue<string>() is { Length: > TextLimit } text
                    ? JsonValue.Create(text[..TextLimit] + "…")
                    : node.DeepClone();
        }
    }
}
