using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using NodaTime.Text;

namespace Pimex.Localisation;

/// <summary>
/// A language the reports are written in: its glossary (every label, heading and sentence a
/// report renders, in the words the programme's people use) and its conventions for numbers,
/// money, rates and dates. English (<c>en</c>), Spanish (<c>es</c>) and Slovenian (<c>sl</c>).
/// </summary>
/// <remarks>
/// <para>The conventions are the library's own data, not the platform's cultures: the library
/// is built with invariant globalization, so it formats <c>88.280,00 €</c> the same on every
/// machine. Money keeps its cents; rates have one decimal (<c>83,3 %</c>); dates are written
/// out (<c>1 de abril de 2016</c>).</para>
/// <para>Error codes are not translated: a code such as <c>PIMEX-ED-001</c> is the same in
/// every language.</para>
/// </remarks>
public sealed class ReportLanguage
{
    private readonly FrozenDictionary<string, string> terms;
    private readonly string[] months;
    private readonly string datePattern;
    private readonly bool symbolFirst;
    private readonly bool invariantArguments;

    private ReportLanguage(string code, string name, char decimalSeparator, char groupSeparator, bool symbolFirst, string datePattern, IReadOnlyDictionary<string, string> terms, IReadOnlyDictionary<string, string> refusals, bool invariantArguments = false)
    {
        Code = code;
        Name = name;
        DecimalSeparator = decimalSeparator;
        GroupSeparator = groupSeparator;
        this.symbolFirst = symbolFirst;
        this.datePattern = datePattern;
        this.invariantArguments = invariantArguments;
        this.terms = terms.Concat(refusals).ToFrozenDictionary(StringComparer.Ordinal);
        months = [.. Enumerable.Range(1, 12).Select(m => this.terms["month." + m.ToString(CultureInfo.InvariantCulture)])];
    }

    /// <summary>English: <c>€88,280.00</c>, <c>83.3%</c>, <c>1 April 2016</c>.</summary>
    public static ReportLanguage English { get; } = new("en", "English", '.', ',', symbolFirst: true, "{d} {MMMM} {yyyy}", Glossary.English, Glossary.EnglishRefusals, invariantArguments: true);

    /// <summary>Spanish: <c>88.280,00 €</c>, <c>83,3 %</c>, <c>1 de abril de 2016</c>.</summary>
    public static ReportLanguage Spanish { get; } = new("es", "Español", ',', '.', symbolFirst: false, "{d} de {MMMM} de {yyyy}", Glossary.Spanish, Glossary.SpanishRefusals);

    /// <summary>Slovenian: <c>88.280,00 €</c>, <c>83,3 %</c>, <c>1. aprila 2016</c>.</summary>
    public static ReportLanguage Slovenian { get; } = new("sl", "Slovenščina", ',', '.', symbolFirst: false, "{d}. {MMMM} {yyyy}", Glossary.Slovenian, Glossary.SlovenianRefusals);

    /// <summary>Every language, English first.</summary>
    public static IReadOnlyList<ReportLanguage> All { get; } = [English, Spanish, Slovenian];

    /// <summary>The ISO 639-1 code: <c>en</c>, <c>es</c> or <c>sl</c>.</summary>
    public string Code { get; }

    /// <summary>The language's own name for itself.</summary>
    public string Name { get; }

    /// <summary>The decimal separator (<c>.</c> in English, <c>,</c> in Spanish and Slovenian).</summary>
    public char DecimalSeparator { get; }

    /// <summary>The thousands separator (<c>,</c> in English, <c>.</c> in Spanish and Slovenian).</summary>
    public char GroupSeparator { get; }

    /// <summary>The glossary: every term a report renders, by key. Every language has the same keys.</summary>
    public IReadOnlyDictionary<string, string> Terms => terms;

    /// <summary>Finds a language by its code.</summary>
    /// <param name="code">The code, such as <c>es</c>; case-insensitive.</param>
    /// <param name="language">The language, when found.</param>
    /// <returns>Whether the library has the language.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, [NotNullWhen(true)] out ReportLanguage? language)
    {
        language = All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));
        return language is not null;
    }

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
    internal string Refusal(string key, params object?[] args)
    {
        var template = Term("refusal." + key);
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
        _ when invariantArguments => Invariant(value),
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
        invariantArguments ? Invariant(value) : Localise(value.ToString("#,0.############################", CultureInfo.InvariantCulture));

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
        return symbolFirst ? number + "%" : number + " %";
    }

    /// <summary>An amount with its currency's symbol and all its minor units: <c>€88,280.00</c>, <c>88.280,00 €</c>.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The text.</returns>
    public string Money(Money value)
    {
        var digits = value.Currency.MinorUnits;
        var number = Localise(Math.Abs(value.Amount).ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        var sign = value.Amount < 0 ? "-" : string.Empty;
        var symbol = Symbol(value.Currency);
        return symbolFirst
            ? sign + symbol + (symbol.Length > 1 ? " " : string.Empty) + number
            : sign + number + " " + symbol;
    }

    /// <summary>An amount, or a dash when there is none.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The text.</returns>
    public string Money(Money? value) => value is { } money ? Money(money) : "-";

    /// <summary>A date written out: <c>1 April 2016</c>, <c>1 de abril de 2016</c>, <c>1. aprila 2016</c>.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The text.</returns>
    public string Date(LocalDate value) => datePattern
        .Replace("{d}", value.Day.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{MMMM}", months[value.Month - 1], StringComparison.Ordinal)
        .Replace("{yyyy}", value.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Yes or no in the language.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The word.</returns>
    public string YesNo(bool value) => Term(value ? "common.yes" : "common.no");

    /// <inheritdoc/>
    public override string ToString() => Code;

    private static string Symbol(Currency currency) => currency.Code switch
    {
        "EUR" => "€",
        "GBP" => "£",
        _ => currency.Code,
    };

    /// <summary>Swaps the invariant separators (<c>,</c> group, <c>.</c> decimal) for the language's.</summary>
    private string Localise(string invariant)
    {
        if (GroupSeparator == ',' && DecimalSeparator == '.')
        {
            return invariant;
        }

        var text = new StringBuilder(invariant.Length);
        foreach (var c in invariant)
        {
            text.Append(c switch
            {
                ',' => GroupSeparator,
                '.' => DecimalSeparator,
                _ => c,
            });
        }

        return text.ToString();
    }
}
