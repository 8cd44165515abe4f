using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pimex.Rulebooks.Json;

namespace Pimex.Localisation;

/// <summary>
/// Reads and writes a language file (docs/languages.md), reporting every problem at once with
/// its JSON path and a code of <see cref="LanguageErrors"/>.
/// </summary>
internal static partial class LanguageJson
{
    /// <summary>The largest file accepted, in characters: thirty times the size of English's.</summary>
    public const int MaxCharacters = 1_048_576;

    /// <summary>The deepest nesting accepted: the format nests two levels.</summary>
    public const int MaxDepth = 8;

    /// <summary>The value of <c>formats.refusalArguments</c> that keeps English's established refusal wording.</summary>
    public const string InvariantArguments = "invariant";

    private static readonly string[] Fields = ["$schema", "code", "name", "formats", "symbols", "texts"];
    private static readonly string[] FormatFields = ["decimal", "group", "minimumGroupingDigits", "money", "percent", "date", "refusalArguments"];

    /// <summary>The pattern of a well-formed language code, as a JSON Schema writes it.</summary>
    public const string CodePatternText = "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$";

    /// <summary>Whether a language code is well formed: ISO 639 letters in lower case (<c>de</c>, <c>fr</c>, <c>fil</c>), then optional subtags (<c>de-AT</c>, <c>sr-Latn</c>).</summary>
    public static bool IsWellFormedCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>Reads a file against <paramref name="reference"/> (English); null reads English itself, the reference of every key.</summary>
    public static Result<ReportLanguage> Read(string json, ReportLanguage? reference)
    {
        var errors = new List<ValidationError>();
        void Error(string path, string code, string message) => errors.Add(DomainErrors.Validation(path, code, message));

        if (json.Length > MaxCharacters)
        {
            Error("$", LanguageErrors.MalformedFile, $"The file has {json.Length} characters; at most {MaxCharacters} are accepted.");
            return Result.Invalid(errors);
        }

        if (json.StartsWith('\uFEFF'))
        {
            json = json[1..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})" : string.Empty;
            Error(ex.Path is { Length: > 0 } p ? p : "$", LanguageErrors.MalformedFile, $"The text is not valid JSON{where}: {JsonErrorText.Describe(ex)}");
            return Result.Invalid(errors);
        }
        catch (ArgumentException)
        {
            Error("$", LanguageErrors.MalformedFile, "The text is not valid UTF-16: it holds an unpaired surrogate.");
            return Result.Invalid(errors);
        }

        using (document)
        {
            try
            {
                return ReadDocument(document.RootElement, reference, errors);
            }
            catch (InvalidOperationException)
            {
                // A key or a text escaping half of a surrogate pair ("\ud800") is not text.
                errors.Clear();
                Error("$", LanguageErrors.MalformedFile, "The text escapes an unpaired surrogate (such as \\ud800): a key or a text is not valid UTF-16.");
                return Result.Invalid(errors);
            }
        }
    }

    /// <summary>Reads a parsed file; every problem goes to <paramref name="errors"/>.</summary>
    private static Result<ReportLanguage> ReadDocument(JsonElement document, ReportLanguage? reference, List<ValidationError> errors)
    {
        void Error(string path, string code, string message) => errors.Add(DomainErrors.Validation(path, code, message));

        var root = Members(document, "$", Fields, Error);
        if (root is null)
        {
            return Result.Invalid(errors);
        }

        var code = Required(root, "code", "$", Error) is { } c ? Text(c, "$.code", Error) : null;
        if (code is not null && !IsWellFormedCode(code))
        {
            Error("$.code", LanguageErrors.InvalidCode, $"'{code}' is not a well-formed language code: ISO 639 letters in lower case (de, fr), then optional subtags (de-AT).");
            code = null;
        }

        var name = Required(root, "name", "$", Error) is { } n ? Text(n, "$.name", Error) : null;
        if (name is { Length: 0 })
        {
            Error("$.name", LanguageErrors.WrongStructure, "The language's name is empty: write the language's own name for itself (Deutsch, Français).");
            name = null;
        }

        var formats = Required(root, "formats", "$", Error) is { } f ? Formats(f, Error) : null;
        var symbols = root.TryGetValue("symbols", out var s) ? Symbols(s, Error) : new Dictionary<string, string>(StringComparer.Ordinal);
        var texts = Required(root, "texts", "$", Error) is { } t ? Texts(t, reference, Error) : null;

        if (errors.Count > 0 || code is null || name is null || formats is null || symbols is null || texts is null)
        {
            return Result.Invalid(errors);
        }

        var (keys, terms, missing) = texts.Value;
        if (reference is null && !Enumerable.Range(1, 12).All(m => terms.ContainsKey("month." + m.ToString(CultureInfo.InvariantCulture))))
        {
            Error("$.texts", LanguageErrors.WrongStructure, "The reference language names the twelve months: month.1 to month.12.");
            return Result.Invalid(errors);
        }

        return new ReportLanguage(code, name, formats, symbols, keys, terms, missing);
    }

    /// <summary>The file form of a language: what <see cref="Read"/> reads back to the same language.</summary>
    public static string Write(ReportLanguage language)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var f = language.Formats;
            w.WriteStartObject();
            w.WriteString("$schema", "language.schema.json");
            w.WriteString("code", language.Code);
            w.WriteString("name", language.Name);
            w.WriteStartObject("formats");
            w.WriteString("decimal", f.Decimal.ToString());
            w.WriteString("group", f.Group.ToString());
            if (f.MinimumGroupingDigits != 1)
            {
                w.WriteNumber("minimumGroupingDigits", f.MinimumGroupingDigits);
            }

            w.WriteString("money", f.Money);
            w.WriteString("percent", f.Percent);
            w.WriteString("date", f.Date);
            if (f.InvariantArguments)
            {
                w.WriteString("refusalArguments", InvariantArguments);
            }

            w.WriteEndObject();
            w.WriteStartObject("symbols");
            foreach (var (currency, symbol) in language.Symbols.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(currency, symbol);
            }

            w.WriteEndObject();
            w.WriteStartObject("texts");
            foreach (var key in language.Keys)
            {
                w.WriteString(key, language.Terms[key]);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The placeholders of a text (<c>{0}</c>, <c>{1}</c>... in order, once each), or null when a brace is not a placeholder (<c>{{</c> and <c>}}</c> are braces).</summary>
    public static SortedSet<int>? Placeholders(string text)
    {
        var found = new SortedSet<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    i++;
                    continue;
                }

                return null;
            }

            if (text[i] != '{')
            {
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                i++;
                continue;
            }

            var end = text.IndexOf('}', i);
            if (end < 0 || end == i + 1 || end - i > 4 || !int.TryParse(text.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return null;
            }

            found.Add(index);
            i = end;
        }

        return found;
    }

    private static Dictionary<string, JsonElement>? Members(JsonElement element, string path, IReadOnlyCollection<string>? allowed, Action<string, string, string> error)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            error(path, LanguageErrors.WrongStructure, $"Expected an object, found {JsonReadContext.Describe(element)}.");
            return null;
        }

        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var child = JsonReadContext.Child(path, property.Name);
            if (allowed is not null && !allowed.Contains(property.Name))
            {
                error(child, LanguageErrors.WrongStructure, $"Unknown field '{property.Name}'{Spelling.DidYouMean(property.Name, allowed)}; expected one of: {string.Join(", ", allowed)}.");
                continue;
            }

            if (!members.TryAdd(property.Name, property.Value))
            {
                error(child, LanguageErrors.WrongStructure, $"The key '{property.Name}' appears more than once.");
            }
        }

        return members;
    }

    private static JsonElement? Required(Dictionary<string, JsonElement> members, string name, string path, Action<string, string, string> error)
    {
        if (members.TryGetValue(name, out var value))
        {
            return value;
        }

        error(JsonReadContext.Child(path, name), LanguageErrors.WrongStructure, $"The field '{name}' is required.");
        return null;
    }

    private static string? Text(JsonElement element, string path, Action<string, string, string> error)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            error(path, LanguageErrors.WrongStructure, $"Expected a string, found {JsonReadContext.Describe(element)}.");
            return null;
        }

        return element.GetString();
    }

    private static LanguageFormats? Formats(JsonElement element, Action<string, string, string> error)
    {
        const string path = "$.formats";
        var m = Members(element, path, FormatFields, error);
        if (m is null)
        {
            return null;
        }

        bool ok = true;
        string? Field(string name)
        {
            var child = JsonReadContext.Child(path, name);
            var text = Required(m, name, path, error) is { } e ? Text(e, child, error) : null;
            ok &= text is not null;
            return text;
        }

        char? Separator(string name)
        {
            var text = Field(name);
            if (text is null)
            {
                return null;
            }

            if (text.Length != 1 || char.IsDigit(text[0]) || text[0] is '{' or '}' or '-')
            {
                error(JsonReadContext.Child(path, name), LanguageErrors.InvalidFormat, $"The {name} separator must be one character that is not a digit, a minus sign or a brace (found '{text}').");
                ok = false;
                return null;
            }

            return text[0];
        }

        string? Pattern(string name, IReadOnlyList<string> allowed, params string[][] required)
        {
            var text = Field(name);
            if (text is not null && LanguageFormats.PatternProblem(text, allowed, required) is { } problem)
            {
                error(JsonReadContext.Child(path, name), LanguageErrors.InvalidFormat, problem);
                ok = false;
                return null;
            }

            return text;
        }

        var decimalSeparator = Separator("decimal");
        var group = Separator("group");
        if (decimalSeparator is { } d && d == group)
        {
            error(JsonReadContext.Child(path, "group"), LanguageErrors.InvalidFormat, $"The group separator '{group}' is also the decimal separator.");
            ok = false;
        }

        var money = Pattern("money", LanguageFormats.MoneyTokens, ["{number}"], ["{symbol}"]);
        var percent = Pattern("percent", LanguageFormats.PercentTokens, ["{number}"]);
        var date = Pattern("date", LanguageFormats.DateTokens, ["{d}", "{dd}"], ["{M}", "{MM}", "{MMMM}"], ["{yyyy}"]);

        int grouping = 1;
        if (m.TryGetValue("minimumGroupingDigits", out var g))
        {
            if (g.ValueKind != JsonValueKind.Number || !g.TryGetInt32(out grouping) || grouping is < 1 or > 4)
            {
                error(JsonReadContext.Child(path, "minimumGroupingDigits"), LanguageErrors.InvalidFormat, $"The minimum grouping digits are a whole number from 1 to 4 (CLDR's minimumGroupingDigits), found {JsonReadContext.Describe(g)}.");
                ok = false;
            }
        }

        bool invariant = false;
        if (m.TryGetValue("refusalArguments", out var r))
        {
            var text = Text(r, JsonReadContext.Child(path, "refusalArguments"), error);
            if (text is not (InvariantArguments or "language"))
            {
                if (text is not null)
                {
                    error(JsonReadContext.Child(path, "refusalArguments"), LanguageErrors.InvalidFormat, $"'{text}' is not one of: language, {InvariantArguments}.");
                }

                ok = false;
            }

            invariant = text == InvariantArguments;
        }

        return ok ? new LanguageFormats(decimalSeparator!.Value, group!.Value, grouping, money!, percent!, date!, invariant) : null;
    }

    private static Dictionary<string, string>? Symbols(JsonElement element, Action<string, string, string> error)
    {
        const string path = "$.symbols";
        var m = Members(element, path, null, error);
        if (m is null)
        {
            return null;
        }

        var symbols = new Dictionary<string, string>(StringComparer.Ordinal);
        bool ok = true;
        foreach (var (currency, value) in m)
        {
            var child = JsonReadContext.Child(path, currency);
            var symbol = Text(value, child, error);
            if (symbol is null)
            {
                ok = false;
            }
            else if (!Currency.TryFromCode(currency, out _))
            {
                error(child, LanguageErrors.InvalidFormat, $"'{currency}' is not an ISO 4217 currency code{Spelling.DidYouMean(currency, Currency.KnownCodes)}.");
                ok = false;
            }
            else if (symbol.Trim().Length == 0 || symbol.Trim() != symbol || symbol.Contains('{', StringComparison.Ordinal) || symbol.Contains('}', StringComparison.Ordinal))
            {
                error(child, LanguageErrors.InvalidFormat, $"The symbol of {currency} must be a text with no brace and no space around it (found '{symbol}').");
                ok = false;
            }
            else
            {
                symbols[currency] = symbol;
            }
        }

        return ok ? symbols : null;
    }

    private static (ImmutableArray<string> Keys, Dictionary<string, string> Terms, ImmutableArray<string> Missing)? Texts(JsonElement element, ReportLanguage? reference, Action<string, string, string> error)
    {
        const string path = "$.texts";
        var m = Members(element, path, null, error);
        if (m is null)
        {
            return null;
        }

        bool ok = true;
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var key = property.Name;
            if (!m.TryGetValue(key, out var value) || given.ContainsKey(key))
            {
                continue;
            }

            var child = JsonReadContext.Child(path, key);
            var text = Text(value, child, error);
            if (text is null)
            {
                ok = false;
                continue;
            }

            if (reference is not null && !reference.Terms.ContainsKey(key))
            {
                error(child, LanguageErrors.UnknownKey, $"English has no text '{key}'{Spelling.DidYouMean(key, reference.Keys)}: a typo, or a key of another version of the library.");
                ok = false;
                continue;
            }

            var placeholders = Placeholders(text);
            if (placeholders is null)
            {
                error(child, LanguageErrors.PlaceholderMismatch, $"'{text}' has a brace that is not a placeholder such as {{0}} (write {{{{ or }}}} for a brace).");
                ok = false;
                continue;
            }

            if (reference is not null && text.Length > 0 && !placeholders.SetEquals(Placeholders(reference.Terms[key])!))
            {
                error(child, LanguageErrors.PlaceholderMismatch, $"The text has the placeholders {Listed(placeholders)}; English's has {Listed(Placeholders(reference.Terms[key])!)} ('{reference.Terms[key]}').");
                ok = false;
                continue;
            }

            given[key] = text;
        }

        if (!ok)
        {
            return null;
        }

        if (reference is null)
        {
            return ([.. given.Keys], given, []);
        }

        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = ImmutableArray.CreateBuilder<string>();
        foreach (var key in reference.Keys)
        {
            if (given.TryGetValue(key, out var text) && text.Length > 0)
            {
                terms[key] = text;
            }
            else
            {
                terms[key] = reference.Terms[key];
                missing.Add(key);
            }
        }

        return (reference.Keys, terms, missing.ToImmutable());
    }

    private static string Listed(SortedSet<int> placeholders) =>
        placeholders.Count == 0 ? "none" : string.Join(", ", placeholders.Select(i => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));

    [GeneratedRegex(CodePatternText, RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
