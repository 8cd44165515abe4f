using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ardalis.GuardClauses;
using NodaTime.Text;

namespace Pimex.Localisation;

/// <summary>
/// A language the reports and refusals are written in: its texts (every label, heading,
/// sentence and refusal a reader sees, in the words the programme's people use) and its
/// conventions for numbers, money, rates and dates. A language is data, one JSON file per
/// language (docs/languages.md): the library embeds English (<c>en</c>), Spanish (<c>es</c>) and
/// Slovenian (<c>sl</c>); a host reads any other with <see cref="Parse"/>.
/// </summary>
/// <remarks>
/// <para>The conventions are the file's, not the platform's cultures: the library is built with
/// invariant globalization, so it formats <c>88.280,00 €</c> the same on every machine. Money
/// keeps its cents; rates have one decimal (<c>83,3 %</c>); dates are written out
/// (<c>1 de abril de 2016</c>).</para>
/// <para>Error codes are not translated: a code such as <c>PIMEX-ED-001</c> is the same in
/// every language.</para>
/// </remarks>
public sealed class ReportLanguage
{
    /// <summary>The prefix of the embedded language files' resource names; any file under <c>Localisation/Languages/</c> is embedded under it.</summary>
    private const string ResourcePrefix = "Pimex.Localisation.Languages.";

    private static readonly ReportLanguage EnglishLanguage = Embedded(ResourcePrefix + "en.json", reference: null);
    private static readonly ImmutableArray<ReportLanguage> Builtins = EmbeddedLanguages();

    private readonly FrozenDictionary<string, string> terms;
    private readonly FrozenDictionary<string, string> symbols;
    private readonly ImmutableArray<string> keys;
    private readonly string[] months;
    private readonly LanguageFormats formats;

    internal ReportLanguage(string code, string name, LanguageFormats formats, IReadOnlyDictionary<string, string> symbols, ImmutableArray<string> keys, IReadOnlyDictionary<string, string> terms, ImmutableArray<string> missingKeys)
    {
        Code = code;
        Name = name;
        this.formats = formats;
        this.symbols = symbols.ToFrozenDictionary(StringComparer.Ordinal);
        this.keys = keys;
        this.terms = terms.ToFrozenDictionary(StringComparer.Ordinal);
        MissingKeys = missingKeys;
        months = [.. Enumerable.Range(1, 12).Select(m => this.terms["month." + m.ToString(CultureInfo.InvariantCulture)])];
    }

    /// <summary>English: <c>€88,280.00</c>, <c>83.3%</c>, <c>1 April 2016</c>; the language every other falls back to.</summary>
    public static ReportLanguage English => EnglishLanguage;

    /// <summary>Spanish: <c>88.280,00 €</c>, <c>83,3 %</c>, <c>1 de abril de 2016</c>.</summary>
    public static ReportLanguage Spanish { get; } = Builtin("es");

    /// <summary>Slovenian: <c>88.280,00 €</c>, <c>83,3 %</c>, <c>1. aprila 2016</c>.</summary>
    public static ReportLanguage Slovenian { get; } = Builtin("sl");

    /// <summary>Every language the library embeds, English first, then by code: one per file under <c>Localisation/Languages/</c>.</summary>
    public static IReadOnlyList<ReportLanguage> All => Builtins;

    /// <summary>The language's code, such as <c>en</c>, <c>es</c> or <c>sl</c> (ISO 639, with optional subtags).</summary>
    public string Code { get; }

    /// <summary>The language's own name for itself.</summary>
    public string Name { get; }

    /// <summary>The decimal separator (<c>.</c> in English, <c>,</c> in Spanish and Slovenian).</summary>
    public char DecimalSeparator => formats.Decimal;

    /// <summary>The thousands separator (<c>,</c> in English, <c>.</c> in Spanish and Slovenian).</summary>
    public char GroupSeparator => formats.Group;

    /// <summary>The texts: every term a report or a refusal renders, by key. Every language has the same keys: a key its file leaves out has the English text (see <see cref="MissingKeys"/>).</summary>
    public IReadOnlyDictionary<string, string> Terms => terms;

    /// <summary>The keys the language's file leaves out (or leaves empty), in English's order: their texts are English's. Empty for a complete language.</summary>
    public IReadOnlyList<string> MissingKeys { get; }

    /// <summary>
    /// Reads a language file (docs/languages.md): its code, name, formats, currency symbols and
    /// texts. Pure: the host reads the file and hands its text. A text the file leaves out (or
    /// leaves empty) is English's and is listed in <see cref="MissingKeys"/>.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <returns>
    /// The language; or <c>Invalid</c> with every problem at once, each with its JSON path and a
    /// code of <see cref="LanguageErrors"/>: a broken file, a wrong structure, a malformed code, a
    /// format the library cannot apply, a key English does not have, placeholders that differ
    /// from English's.
    /// </returns>
    public static Result<ReportLanguage> Parse(string json)
    {
        Guard.Against.Null(json);
        return LanguageJson.Read(json, EnglishLanguage);
    }

    /// <summary>
    /// The language as a file <see cref="Parse"/> reads back to the same language: code, name,
    /// formats, symbols, and every text in English's key order (a missing key with its English
    /// text). What <c>pimex lang export</c> writes for a translator.
    /// </summary>
    /// <returns>The JSON, indented, with a final line break.</returns>
    public string ToJson() => LanguageJson.Write(this);

    /// <summary>The texts' keys in the file's order (English's for every language).</summary>
    internal ImmutableArray<string> Keys => keys;

    /// <summary>The currency symbols the file names, by ISO code.</summary>
    internal IReadOnlyDictionary<string, string> Symbols => symbols;

    /// <summary>The number, money, percent and date formats.</summary>
    internal LanguageFormats Formats => formats;

    /// <summary>Whether refusals write numbers, amounts and dates as the library always has in English (<c>EUR 2500.00</c>, <c>2016-05-25</c>).</summary>
    internal bool InvariantArguments => formats.InvariantArguments;

    /// <summary>Finds one of the languages the library embeds by its code (a language the host read with <see cref="Parse"/> is the host's to find).</summary>
    /// <param name="code">The code, such as <c>es</c>; case-insensitive.</param>
    /// <param name="language">The language, when found.</param>
    /// <returns>Whether the library embeds the language.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, [NotNullWhen(true)] out ReportLanguage? language)
    {
        language = Builtins.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));
        return language is not null;
    }

    /// <summary>
    /// The language's neutral label of a code (<c>label.CODE</c>): a fund named as no region in
    /// particular, such as <c>Regional</c>, "Regional budget". A report shows it where the
    /// rulebook has no label of its own for the code.
    /// </summary>
    /// <param name="code">The code, such as <c>Regional</c>.</param>
    /// <param name="label">The label, when the language files name the code.</param>
    /// <returns>Whether the language files name the code.</returns>
    public bool TryGetNeutralLabel(string code, [NotNullWhen(true)] out string? label) =>
        terms.TryGetValue("label." + code, out label) && label.Length > 0;

    /// <summary>
    /// Whether the language files name a code neutrally (English has <c>label.CODE</c>): a
    /// rulebook's own label of such a code names that rulebook's region (Extremadura's
    /// <c>Regional</c> is "Junta de Extremadura") and a partner does not inherit it.
    /// </summary>
    internal static bool HasNeutralLabel(string code) => EnglishLanguage.terms.ContainsKey("label." + code);

    /// <summary>The term of a key.</summary>
    /// <param name="key">The key, such as <c>budget.title</c>.</param>
    /// <returns>The term.</returns>
    /// <exception cref="KeyNotFoundException">The glossary has no such key (a programmer error the glossary tests catch).</exception>
    public string Term(string key) =>
        terms.TryGetValue(key, out var term) ? term : throw new KeyNotFoundException($"The {Code} glossary has no term '{key}'.");

    /// <summary>The term of a key with its placeholders (<c>{0}</c>, <c>{1}</c>...) filled in.</summary>
    /// <param name="key">The key.</param>
    /// <param name="args">The values, already formatted.</param>
    /// <returns>The text.</returns>
    public string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, Term(key), args);

    /// <summary>
    /// The text of a refusal: the template <c>refusal.KEY</c> (<c>KEY</c> is an error code, or a
    /// code and a variant such as <c>PIMEX-PART-011.country</c>) with its arguments formatted in
    /// the language (see <see cref="RefusalArgument"/>). Only refusals call it: it allocates.
    /// </summary>
    /// <param name="key">The code, or the code and its variant.</param>
    /// <param name="args">The raw values: amounts, dates, numbers, ids, enum values.</param>
    /// <returns>The text.</returns>
    internal string Refusal(string key, params object?[] args) => Filled(Term("refusal." + key), args);

    /// <summary>
    /// A message of the rulebook reader: the template <c>rulebook.KEY</c> with its arguments
    /// formatted as a refusal's (see <see cref="RefusalArgument"/>). The code and path of the
    /// problem are the caller's and never change with the language.
    /// </summary>
    /// <param name="key">The message's key, without its <c>rulebook.</c> prefix.</param>
    /// <param name="args">The raw values: field names, amounts, dates, numbers.</param>
    /// <returns>The text.</returns>
    internal string Rulebook(string key, params object?[] args) => Filled(Term("rulebook." + key), args);

    /// <summary>A template with its arguments formatted as a refusal's.</summary>
    private string Filled(string template, object?[] args)
    {
        var formatted = new object?[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            formatted[i] = RefusalArgument(args[i]);
        }

        return string.Format(CultureInfo.InvariantCulture, template, formatted);
    }

    /// <summary>
    /// One argument of a refusal. Enum values, actors and verb phrases are terms of the glossary in
    /// every language. English writes numbers, amounts and dates as the library always has
    /// (<c>EUR 2500.00</c>, <c>2016-05-25</c>), so hosts that match English texts keep working;
    /// Spanish and Slovenian use their own conventions (<c>2.500,00 €</c>, <c>25 de mayo de 2016</c>).
    /// </summary>
    internal string RefusalArgument(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        Enum e => EnumTerm(e),
        Actor actor => actor.Company is { } company
            ? EnumTerm(actor.Role) + " " + actor.Id + " (" + company.Value + ")"
            : EnumTerm(actor.Role) + " " + actor.Id,
        Instant instant => InstantPattern.General.Format(instant),
        _ when formats.InvariantArguments => Invariant(value),
        Money money => Money(money),
        LocalDate date => Date(date),
        DateInterval window => Format("common.range", Date(window.Start), Date(window.End)),
        Rate rate => Percent(rate),
        decimal number => Number(number),
        int number => Number(number),
        long number => Number(number),
        _ => Invariant(value),
    };

    /// <summary>The term of an enum value in a refusal: <c>refusal.enum.ParticipantStatus.Completed</c>; its name when the glossary has none.</summary>
    internal string EnumTerm(Enum value)
    {
        var name = value.ToString();
        return terms.TryGetValue("refusal.enum." + value.GetType().Name + "." + name, out var term) ? term : name;
    }

    private static string Invariant(object value) => value switch
    {
        LocalDate date => LocalDatePattern.Iso.Format(date),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The terms of some keys, as a table's header.</summary>
    internal string[] Header(params string[] keys) => [.. keys.Select(Term)];

    /// <summary>A whole number with the group separator: <c>1.000</c>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public string Number(long value) => Localise(value.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>A number with at most two decimals: <c>8,13</c>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public string Number(decimal value) => Localise(value.ToString("#,0.##", CultureInfo.InvariantCulture));

    /// <summary>
    /// A quantity in a refusal written with every decimal it has, where two would hide it (a
    /// ten-millionth of an hour is not <c>0</c>): invariant in English, as English refusals write
    /// numbers (<see cref="RefusalArgument"/>), with the language's separators otherwise.
    /// </summary>
    internal string ExactNumber(decimal value) =>
        formats.InvariantArguments ? Invariant(value) : Localise(value.ToString("#,0.############################", CultureInfo.InvariantCulture));

    /// <summary>A number with at most two decimals, or a dash when there is none.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public string Number(decimal? value) => value is { } number ? Number(number) : "-";

    /// <summary>A rate as a percentage with one decimal: <c>83.3%</c> in English, <c>83,3 %</c> in Spanish and Slovenian.</summary>
    /// <param name="value">The rate.</param>
    /// <returns>The text.</returns>
    public string Percent(Rate value)
    {
        var number = Localise(decimal.Round(value.Percent, 1, MidpointRounding.AwayFromZero).ToString("#,0.0", CultureInfo.InvariantCulture));
        return formats.Percent.Replace("{number}", number, StringComparison.Ordinal);
    }

    /// <summary>An amount with its currency's symbol and all its minor units: <c>€88,280.00</c>, <c>88.280,00 €</c>.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The text.</returns>
    public string Money(Money value)
    {
        var digits = value.Currency.MinorUnits;
        var number = Localise(Math.Abs(value.Amount).ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        var sign = value.Amount < 0 ? "-" : string.Empty;
        return sign + formats.MoneyText(number, Symbol(value.Currency));
    }

    /// <summary>An amount, or a dash when there is none.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The text.</returns>
    public string Money(Money? value) => value is { } money ? Money(money) : "-";

    /// <summary>A date written out: <c>1 April 2016</c>, <c>1 de abril de 2016</c>, <c>1. aprila 2016</c>.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The text.</returns>
    public string Date(LocalDate value) => formats.DateText(value, months[value.Month - 1]);

    /// <summary>Yes or no in the language.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The word.</returns>
    public string YesNo(bool value) => Term(value ? "common.yes" : "common.no");

    /// <inheritdoc/>
    public override string ToString() => Code;

    /// <summary>The file's symbol of a currency (<c>€</c>), or its ISO code when the file names none.</summary>
    private string Symbol(Currency currency) =>
        symbols.TryGetValue(currency.Code, out var symbol) ? symbol : currency.Code;

    /// <summary>A built-in language by its code (a programmer error when the library does not embed it).</summary>
    private static ReportLanguage Builtin(string code) => Builtins.Single(l => l.Code == code);

    /// <summary>Every embedded language file, English first, then by code.</summary>
    private static ImmutableArray<ReportLanguage> EmbeddedLanguages() =>
    [
        EnglishLanguage,
        .. typeof(ReportLanguage).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n != ResourcePrefix + "en.json")
            .Order(StringComparer.Ordinal)
            .Select(n => Embedded(n, EnglishLanguage)),
    ];

    /// <summary>Reads an embedded language file; a broken one is a defect of the build (the language tests catch it).</summary>
    private static ReportLanguage Embedded(string resource, ReportLanguage? reference)
    {
        using var stream = typeof(ReportLanguage).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The language '{resource}' is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var read = LanguageJson.Read(reader.ReadToEnd(), reference);
        return read.IsSuccess
            ? read.Value
            : throw new InvalidOperationException($"The embedded language '{resource}' does not read: {string.Join("; ", read.ValidationErrors.Select(e => e.ErrorCode + " " + e.Identifier + " " + e.ErrorMessage))}");
    }

    /// <summary>Swaps the invariant separators (<c>,</c> group, <c>.</c> decimal) for the language's.</summary>
    /// <remarks>With a minimum grouping of two (CLDR's <c>minimumGroupingDigits</c>), a four-digit whole part keeps no separator: <c>1234,56</c>, <c>12 345,67</c>.</remarks>
    private string Localise(string invariant)
    {
        var ungrouped = formats.MinimumGroupingDigits > 1 && WholeDigits(invariant) < 3 + formats.MinimumGroupingDigits;
        if (formats.Group == ',' && formats.Decimal == '.' && !ungrouped)
        {
            return invariant;
        }

        var text = new StringBuilder(invariant.Length);
        foreach (var c in invariant)
        {
            if (c == ',' && ungrouped)
            {
                continue;
            }

            text.Append(c switch
            {
                ',' => formats.Group,
                '.' => formats.Decimal,
                _ => c,
            });
        }

        return text.ToString();
    }

    /// <summary>The digits of an invariant number's whole part.</summary>
    private static int WholeDigits(string invariant)
    {
        int digits = 0;
        foreach (var c in invariant)
        {
            if (c == '.')
            {
                break;
            }

            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return digits;
    }
}
