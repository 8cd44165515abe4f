using System.Collections.Frozen;
using NodaTime.Text;
using Pimex.Monetary;
using Pimex.Rulebooks.Json;

namespace Pimex.Cli.Ledger;

/// <summary>A problem found in a ledger: its line, the JSON path inside the line, a stable code and a message.</summary>
/// <param name="Line">The line number, from 1; 0 for the ledger as a whole.</param>
/// <param name="Path">The JSON path inside the line, such as <c>$.actor.role</c>.</param>
/// <param name="Code">A code of <see cref="LedgerErrors"/>.</param>
/// <param name="Message">A readable message.</param>
internal sealed record LedgerError(int Line, string Path, string Code, string Message)
{
    /// <summary>The form <c>line 12: PIMEX-LEDGER-003 $.command: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Line > 0
        ? string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Code} {Path}: {Message}")
        : $"{Code} {Path}: {Message}";
}

/// <summary>
/// Reads the fields of one JSON object of a ledger line, recording every problem with its path.
/// Getters never throw: on a problem they record an error and return a placeholder, and the
/// caller discards the line when <see cref="Errors"/> grew.
/// </summary>
internal sealed class FieldReader
{
    private readonly Dictionary<string, JsonElement> members = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    /// <summary>The readers of this thread, reused line after line (their dictionaries keep their capacity).</summary>
    [ThreadStatic]
    private static List<FieldReader>? pool;

    /// <summary>How many of <see cref="pool"/> the line being read uses.</summary>
    [ThreadStatic]
    private static int rented;

    private FieldReader(int line, string path, List<LedgerError> errors)
    {
        Line = line;
        Path = path;
        Errors = errors;
    }

    /// <summary>The largest amount accepted, in absolute value: <see cref="Monetary.Money.MaxAmount"/>, the limit of the text form that the rulebook reader shares.</summary>
    public const decimal MaxAmount = Monetary.Money.MaxAmount;

    /// <summary>The largest staff count or number of hours accepted.</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>The placeholder id returned when an id is missing or blank.</summary>
    public const string Placeholder = "?";

    public int Line { get; private set; }

    public string Path { get; private set; }

    public List<LedgerError> Errors { get; private set; }

    /// <summary>
    /// Makes every reader opened on this thread since the last call reusable: call it once a line
    /// is read, when none of its readers is used any more.
    /// </summary>
    public static void ReleaseAll() => rented = 0;

    /// <summary>Opens an object, reporting a wrong type and duplicate keys; null when not an object.</summary>
    public static FieldReader? Open(JsonElement element, int line, string path, List<LedgerError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new LedgerError(line, path, path == "$" ? LedgerErrors.NotAnObject : LedgerErrors.WrongType, $"Expected an object, found {Describe(element)}."));
            return null;
        }

        var reader = Rent(line, path, errors);
        foreach (var property in element.EnumerateObject())
        {
            if (!reader.members.TryAdd(property.Name, property.Value))
            {
                reader.Error(property.Name, LedgerErrors.DuplicateKey, $"The key '{property.Name}' appears more than once.");
            }
        }

        return reader;
    }

    /// <summary>A reader of this thread's pool, cleared, or a new one.</summary>
    private static FieldReader Rent(int line, string path, List<LedgerError> errors)
    {
        pool ??= [];
        if (rented == pool.Count)
        {
            pool.Add(new FieldReader(line, path, errors));
        }

        var reader = pool[rented++];
        reader.members.Clear();
        reader.used.Clear();
        reader.Line = line;
        reader.Path = path;
        reader.Errors = errors;
        return reader;
    }

    public static string Describe(JsonElement element) => JsonReadContext.Describe(element);

    public static string Child(string path, string name) => path + "." + name;

    public static string Index(string path, int index) => JsonReadContext.Index(path, index);

    public void Error(string field, string code, string message) => Errors.Add(new LedgerError(Line, Child(Path, field), code, message));

    public bool Has(string name) => members.TryGetValue(name, out var e) && e.ValueKind != JsonValueKind.Null;

    /// <summary>Reports every field that no getter asked for.</summary>
    /// <param name="expected">The fields the object may have, for the message.</param>
    public void RejectUnknown(IEnumerable<string> expected)
    {
        if (AllUsed())
        {
            return;
        }

        foreach (var name in members.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal))
        {
            Error(name, LedgerErrors.UnknownField, $"Unknown field '{name}'{Spelling.DidYouMean(name, expected)}; expected one of: {string.Join(", ", expected)}.");
        }
    }

    /// <summary>Whether every member was asked for (the usual case: no need to sort and name the others).</summary>
    private bool AllUsed()
    {
        foreach (var name in members.Keys)
        {
            if (!used.Contains(name))
            {
                return false;
            }
        }

        return true;
    }

    public string String(string name) => TryString(name, out var text) ? text : string.Empty;

    public string? OptionalString(string name)
    {
        if (Has(name))
        {
            return String(name);
        }

        Touch(name);
        return null;
    }

    /// <summary>A non-blank identifier; <see cref="Placeholder"/> when missing or blank.</summary>
    public string Id(string name)
    {
        var text = String(name);
        if (members.ContainsKey(name) && string.IsNullOrWhiteSpace(text))
        {
            Error(name, LedgerErrors.InvalidValue, $"'{name}' must not be blank.");
        }

        return string.IsNullOrWhiteSpace(text) ? Placeholder : text;
    }

    public CompanyId Company(string name = "company") => new(Id(name));

    public int Int(string name)
    {
        if (!Get(name, JsonValueKind.Number, out var e))
        {
            return 0;
        }

        if (e.TryGetInt32(out var value))
        {
            return value;
        }

        Error(name, LedgerErrors.InvalidValue, $"{e.GetRawText()} is not a whole number.");
        return 0;
    }

    public decimal Decimal(string name)
    {
        if (!Get(name, JsonValueKind.Number, out var e))
        {
            return 0m;
        }

        if (e.TryGetDecimal(out var value) && Math.Abs(value) <= MaxQuantity)
        {
            return value;
        }

        Error(name, LedgerErrors.InvalidValue, $"{e.GetRawText()} is not a number from -{MaxQuantity:0} to {MaxQuantity:0}.");
        return 0m;
    }

    public bool Bool(string name)
    {
        if (!members.TryGetValue(name, out var e))
        {
            Missing(name);
            return false;
        }

        used.Add(name);
        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return e.GetBoolean();
        }

        Error(name, LedgerErrors.WrongType, $"Expected true or false, found {Describe(e)}.");
        return false;
    }

    public bool OptionalBool(string name, bool fallback)
    {
        if (Has(name))
        {
            return Bool(name);
        }

        Touch(name);
        return fallback;
    }

    public Money Money(string name)
    {
        if (!TryString(name, out var text))
        {
            return default;
        }

        if (Monetary.Money.TryParse(text, out var money))
        {
            return money;
        }

        Error(name, LedgerErrors.InvalidValue, $"'{text}' is not an amount such as \"EUR 2500.00\" (currency code, a space, at most the currency's decimals, at most {MaxAmount:0} in absolute value).");
        return default;
    }

    public Money? OptionalMoney(string name)
    {
        if (Has(name))
        {
            return Money(name);
        }

        Touch(name);
        return null;
    }

    public LocalDate Date(string name)
    {
        if (!TryString(name, out var text))
        {
            return default;
        }

        if (IsoText.TryDate(text, out var date))
        {
            return date;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        Error(name, LedgerErrors.InvalidValue, $"'{text}' is not a date such as 2016-04-20 (yyyy-MM-dd).");
        return default;
    }

    public Instant Instant(string name)
    {
        if (!TryString(name, out var text))
        {
            return default;
        }

        if (IsoText.TryInstant(text, out var instant))
        {
            return instant;
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        Error(name, LedgerErrors.InvalidValue, $"'{text}' is not a UTC instant such as 2016-04-20T09:00:00Z.");
        return default;
    }

    public Rate Percent(string name)
    {
        if (!TryString(name, out var text))
        {
            return default;
        }

        if (Rate.TryParse(text, out var rate) && rate <= Rate.One)
        {
            return rate;
        }

        Error(name, LedgerErrors.InvalidValue, $"'{text}' is not a percentage from 0% to 100%, such as \"30%\".");
        return default;
    }

    /// <summary>An enum value by its camel-case name, such as <c>companyPremises</c>.</summary>
    public TEnum Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (!TryString(name, out var text))
        {
            return default;
        }

        if (EnumNames<TEnum>.ByName.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(name, LedgerErrors.InvalidValue, $"'{text}' is not one of: {string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => NameOf(v)))}.");
        return default;
    }

    /// <summary>An enum value's camel-case name, such as <c>companyPremises</c>.</summary>
    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum => NameOf((Enum)value);

    /// <summary>An enum value's camel-case name, such as <c>companyPremises</c>.</summary>
    public static string NameOf(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public FieldReader? Object(string name) =>
        Get(name, JsonValueKind.Object, out var e) ? Open(e, Line, Child(Path, name), Errors) : null;

    /// <summary>The items of an array field; empty when missing (after reporting it) or of the wrong type.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)> Array(string name, bool required = true)
    {
        if (!required && !Has(name))
        {
            Touch(name);
            return [];
        }

        if (!Get(name, JsonValueKind.Array, out var e))
        {
            return [];
        }

        var path = Child(Path, name);
        return [.. e.EnumerateArray().Select((item, i) => (item, Index(path, i)))];
    }

    public IReadOnlyList<FieldReader> Objects(string name, bool required = true) =>
        [.. Array(name, required).Select(item => Open(item.Element, Line, item.Path, Errors)).OfType<FieldReader>()];

    public EquatableArray<string> Strings(string name)
    {
        var items = new List<string>();
        foreach (var (element, path) in Array(name))
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                items.Add(element.GetString()!);
            }
            else
            {
                Errors.Add(new LedgerError(Line, path, LedgerErrors.WrongType, $"Expected a string, found {Describe(element)}."));
            }
        }

        return new EquatableArray<string>(items);
    }

    /// <summary>An object of names to whole numbers, such as survey scores by question.</summary>
    public EquatableDictionary<string, int> IntMap(string name)
    {
        var map = default(EquatableDictionary<string, int>);
        if (!Has(name))
        {
            Touch(name);
            return map;
        }

        if (Object(name) is not { } inner)
        {
            return map;
        }

        foreach (var key in inner.members.Keys.ToList())
        {
            map = map.SetItem(key, inner.Int(key));
        }

        return map;
    }

    private bool TryString(string name, out string text)
    {
        text = Get(name, JsonValueKind.String, out var e) ? e.GetString()! : string.Empty;
        return e.ValueKind == JsonValueKind.String;
    }

    /// <summary>Marks a field as read, so <see cref="RejectUnknown"/> does not report it.</summary>
    public void Touch(string name) => used.Add(name);

    private void Missing(string name) => Error(name, LedgerErrors.MissingField, $"The field '{name}' is required.");

    private bool Get(string name, JsonValueKind kind, out JsonElement element)
    {
        used.Add(name);
        if (!members.TryGetValue(name, out element))
        {
            Missing(name);
            return false;
        }

        if (element.ValueKind != kind)
        {
            Error(name, LedgerErrors.WrongType, $"Expected {Describe(kind)}, found {Describe(element)}.");
            return false;
        }

        return true;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString(),
    };
}

/// <summary>The camel-case names of an enumeration's values, read once.</summary>
/// <typeparam name="TEnum">The enumeration.</typeparam>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>The values by name.</summary>
    public static readonly FrozenDictionary<string, TEnum> ByName =
        System.Enum.GetValues<TEnum>().ToFrozenDictionary(v => FieldReader.NameOf(v), v => v, StringComparer.Ordinal);
}

/// <summary>
/// Reads the usual forms of ISO dates and instants (<c>2016-04-20</c>, <c>2016-04-20T09:00:00Z</c>)
/// without NodaTime's general patterns: a fast path that gives up (false) on anything else, which
/// the patterns then read, so that the accepted texts are exactly the patterns'.
/// </summary>
internal static class IsoText
{
    /// <summary>A date <c>yyyy-MM-dd</c> of the years 1 to 9999.</summary>
    public static bool TryDate(string text, out LocalDate date)
    {
        date = default;
        return text.Length == 10 && TryDateAt(text, out date);
    }

    /// <summary>An instant <c>yyyy-MM-ddTHH:mm:ssZ</c> of the years 1 to 9999, whole seconds.</summary>
    public static bool TryInstant(string text, out Instant instant)
    {
        instant = default;
        if (text.Length != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z' || !TryDateAt(text, out var date))
        {
            return false;
        }

        int hour = Two(text, 11);
        int minute = Two(text, 14);
        int second = Two(text, 17);
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }

        instant = date.At(new LocalTime(hour, minute, second)).InUtc().ToInstant();
        return true;
    }

    private static bool TryDateAt(string text, out LocalDate date)
    {
        date = default;
        if (text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        int high = Two(text, 0);
        int low = Two(text, 2);
        int month = Two(text, 5);
        int day = Two(text, 8);
        if (high < 0 || low < 0 || month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        int year = (high * 100) + low;
        if (year < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>Two ASCII digits at a position, or -1.</summary>
    private static int Two(string text, int at)
    {
        int tens = text[at] - '0';
        int units = text[at + 1] - '0';
        return tens is >= 0 and <= 9 && units is >= 0 and <= 9 ? (tens * 10) + units : -1;
    }
}
