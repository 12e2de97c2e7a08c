using System.Globalization;
using System.Text.Json;

namespace DndHelper.Api.Editing;

// Reads the fields of one JSON record and collects every problem instead of stopping at the first,
// so that a bundle or a request body is answered with all of its mistakes at once.
public sealed class FieldReader(string? file, int? line, List<ContentProblem> problems)
{
    public int Count => problems.Count;

    public ContentSource Source => new(file, line);

    public void Fail(string? field, string message) => problems.Add(new ContentProblem(file, line, field, message));

    public static string Path(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    public bool IsObject(JsonElement element, string prefix)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }
        Fail(prefix.Length == 0 ? null : prefix, "expected a JSON object");
        return false;
    }

    // Unknown fields are mistakes (a typo would otherwise be dropped without a word).
    public void RejectUnknown(JsonElement element, string prefix, IReadOnlySet<string> known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Fail(Path(prefix, property.Name), "is not a known field");
            }
        }
    }

    public string? Text(JsonElement element, string prefix, string name, int max, bool required = false)
    {
        var before = Count;
        var value = OptionalText(element, prefix, name, max);
        if (required && value.Value is null && Count == before)
        {
            Fail(Path(prefix, name), "is required");
        }
        return value.Value;
    }

    // Absent: left as it is; null or blank: cleared; a string: set as given (texts keep their own spacing).
    public Patch<string?> OptionalText(JsonElement element, string prefix, string name, int max)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return default;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            return new Patch<string?>(true, null);
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(Path(prefix, name), $"expected a string, got {Kind(value)}");
            return default;
        }
        var text = value.GetString()!;
        if (text.Length > max)
        {
            Fail(Path(prefix, name), $"is {text.Length} characters long; at most {max} are allowed");
            return default;
        }
        return new Patch<string?>(true, string.IsNullOrWhiteSpace(text) ? null : text);
    }

    public int? Whole(JsonElement element, string prefix, string name, int min, int max, bool required = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(Path(prefix, name), "is required");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Fail(Path(prefix, name), $"expected a whole number, got {Kind(value)}");
            return null;
        }
        if (number < min || number > max)
        {
            Fail(Path(prefix, name), $"is {number}; expected {min} to {max}");
            return null;
        }
        return number;
    }

    public bool? Bool(JsonElement element, string prefix, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        Fail(Path(prefix, name), $"expected true or false, got {Kind(value)}");
        return null;
    }

    public string? Code(JsonElement element, string prefix, string name, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var code = Text(element, prefix, name, 100, required);
        if (code is not null && !allowed.Contains(code))
        {
            Fail(Path(prefix, name), $"has the unknown code '{code}'; allowed: {string.Join(", ", allowed)}");
            return null;
        }
        return code;
    }

    public List<string> CodeList(JsonElement element, string prefix, string name, IReadOnlyCollection<string> allowed)
    {
        var codes = new List<string>();
        foreach (var (item, path) in Items(element, prefix, name))
        {
            var code = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            if (code is null)
            {
                Fail(path, $"expected a code, got {Kind(item)}");
            }
            else if (!allowed.Contains(code))
            {
                Fail(path, $"has the unknown code '{code}'; allowed: {string.Join(", ", allowed)}");
            }
            else if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }
        return codes;
    }

    // The elements of an optional list with the path of each ("actions[2]").
    public IEnumerable<(JsonElement Item, string Path)> Items(JsonElement element, string prefix, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(Path(prefix, name), $"expected a list, got {Kind(value)}");
            return [];
        }
        var path = Path(prefix, name);
        return value.EnumerateArray().Select((item, index) => (item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]")));
    }

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };
}
