using NodaTime.Text;

namespace Pimex.Cli.Ledger;

/// <summary>
/// The words of <c>pimex run</c> around the library's refusals: the summary line, "line N", the
/// count of refusals not listed, the note on the ledger's order, and the reasons of the tool's own
/// refusals (<see cref="LedgerErrors"/> 101 to 103). They are texts of the language files
/// (<c>tool.run.*</c>, docs/languages.md), so a language read from a file translates them too; a key
/// the file leaves out is English's. Codes are the same in every language.
/// </summary>
internal static class RunTexts
{
    /// <summary>
    /// The reason of one of the tool's own refusals (<see cref="LedgerErrors"/> 101 to 103) with its
    /// placeholders filled in.
    /// </summary>
    public static string Refusal(ReportLanguage language, string code, params object[] args) =>
        Format(language, code switch
        {
            LedgerErrors.NoEditionOpen => "tool.run.noEditionOpen",
            LedgerErrors.EditionAlreadyOpen => "tool.run.editionAlreadyOpen",
            LedgerErrors.NotAParticipant => "tool.run.notAParticipant",
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not one of the tool's own refusals."),
        }, args);

    /// <summary>"line 57" in the language.</summary>
    public static string Line(ReportLanguage language, int line) => Format(language, "tool.run.line", line.ToString(CultureInfo.InvariantCulture));

    /// <summary>The summary line of a run.</summary>
    public static string Summary(ReportLanguage language, string source, int commands, int applied, int refused) =>
        Format(language, "tool.run.summary", source, commands, applied, refused);

    /// <summary>That the file's order differed from the time order the run applied.</summary>
    public static string Reordered(ReportLanguage language, LedgerDisorder disorder, int commands) =>
        Format(language, "tool.run.reordered", disorder.Line.ToString(CultureInfo.InvariantCulture), InstantPattern.ExtendedIso.Format(disorder.At), disorder.LaterLine.ToString(CultureInfo.InvariantCulture), InstantPattern.ExtendedIso.Format(disorder.LaterAt), commands, disorder.Moved);

    /// <summary>How many refused commands are not listed (<c>tool.run.more.one</c> for one: English's singular), the counts grouped as the language writes them.</summary>
    public static string More(ReportLanguage language, int more, int all) =>
        language.Format(more == 1 ? "tool.run.more.one" : "tool.run.more", language.Number(more), language.Number(all));

    /// <summary>
    /// A text with its placeholders filled in: counts in the language's format, English's as they
    /// always were, without separators.
    /// </summary>
    private static string Format(ReportLanguage language, string key, params object[] args) =>
        language.Format(key, [.. args.Select(a => a is int n && !ReferenceEquals(language, ReportLanguage.English) ? language.Number(n) : a)]);
}
