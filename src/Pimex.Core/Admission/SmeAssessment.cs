using System.Text;
using NodaTime.Text;

namespace Pimex.Admission;

/// <summary>How the SME test counted one enterprise.</summary>
public enum SmeTreatment
{
    /// <summary>The applicant's own figures, in full.</summary>
    Own,

    /// <summary>A linked enterprise (directly, indirectly or through natural persons): in full.</summary>
    Linked,

    /// <summary>A partner enterprise, a partner of a linked enterprise, or an enterprise linked to a partner: in proportion.</summary>
    Partner,

    /// <summary>Not counted: the line says why.</summary>
    NotCounted,
}

/// <summary>One line of an SME assessment: an enterprise, how it was counted, what it added, and why.</summary>
/// <param name="Enterprise">The enterprise, as a path from the applicant (<c>Parent SA &gt; Subsidiary SL</c>).</param>
/// <param name="Treatment">How it was counted.</param>
/// <param name="Share">The share its figures were counted at: 100 % in full, the proportion for a partner, 0 when not counted.</param>
/// <param name="Staff">The staff it added, in annual work units.</param>
/// <param name="Turnover">The turnover it added (rounded to the minor unit).</param>
/// <param name="BalanceSheet">The balance-sheet total it added (rounded to the minor unit).</param>
/// <param name="Reason">Why, citing the article of Recommendation 2003/361/EC's annex.</param>
public sealed record SmeAssessmentLine(string Enterprise, SmeTreatment Treatment, Rate Share, decimal Staff, Money Turnover, Money BalanceSheet, string Reason);

/// <summary>One accounting period of an SME assessment: its consolidated figures and the class they alone give.</summary>
/// <param name="PeriodEnd">The period's last day, when declared.</param>
/// <param name="FiguresClass">The class its consolidated figures give, before art. 4(2).</param>
/// <param name="Staff">Consolidated staff.</param>
/// <param name="Turnover">Consolidated turnover.</param>
/// <param name="BalanceSheet">Consolidated balance-sheet total.</param>
public sealed record SmePeriod(LocalDate? PeriodEnd, SizeClass FiguresClass, decimal Staff, Money Turnover, Money BalanceSheet);

/// <summary>
/// The outcome of the SME test: the size class and the consolidated figures of the reference
/// period (own figures, plus linked enterprises in full, plus partner enterprises in proportion),
/// with the explanation a technician checks and the company signs: how each enterprise was
/// counted (<see cref="Lines"/>), each period's figures (<see cref="Periods"/>) and the decisions
/// taken (<see cref="Notes"/>), each citing its article.
/// </summary>
/// <param name="SizeClass">The size class.</param>
/// <param name="Staff">Consolidated staff of the reference period, in annual work units.</param>
/// <param name="Turnover">Consolidated annual turnover of the reference period.</param>
/// <param name="BalanceSheet">Consolidated annual balance-sheet total of the reference period.</param>
/// <remarks>Two assessments are equal when all their members are equal (the explanation included).
/// The <c>default</c> value is a micro enterprise with no staff and zero amounts in no currency and
/// no explanation; it is never the result of <see cref="SmeTest.Assess"/>.</remarks>
public readonly record struct SmeAssessment(SizeClass SizeClass, decimal Staff, Money Turnover, Money BalanceSheet)
{
    /// <summary>Whether the enterprise is a micro, small or medium-sized enterprise.</summary>
    public bool IsSme => SizeClass != SizeClass.NotSme;

    /// <summary>How each enterprise of the reference period was counted, the applicant first.</summary>
    public EquatableArray<SmeAssessmentLine> Lines { get; init; }

    /// <summary>Every period assessed, oldest first; the last is the reference period.</summary>
    public EquatableArray<SmePeriod> Periods { get; init; }

    /// <summary>The share of capital or votes of the reference period controlled, directly or indirectly, by public bodies (art. 3(4)).</summary>
    public Rate PublicControl { get; init; }

    /// <summary>What the reference period's own figures rest on.</summary>
    public FiguresBasis Basis { get; init; }

    /// <summary>How the class was decided, one sentence each, citing the articles.</summary>
    public EquatableArray<string> Notes { get; init; }

    /// <summary>The assessment as plain text: the class, the decisions, then one line per enterprise.</summary>
    /// <returns>The text.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        text.Append("SME test (Recommendation 2003/361/EC): ").Append(Name(SizeClass)).Append('\n')
            .Append("Consolidated: ").Append(Number(Staff)).Append(" AWU, turnover ").Append(Turnover).Append(", balance sheet ").Append(BalanceSheet).Append('\n');
        foreach (var note in Notes)
        {
            text.Append("- ").Append(note).Append('\n');
        }

        foreach (var line in Lines)
        {
            text.Append("  ").Append(line.Enterprise).Append(": ").Append(Name(line.Treatment));
            if (line.Treatment != SmeTreatment.NotCounted)
            {
                text.Append(" at ").Append(Rulebooks.Parameters.PercentText(line.Share)).Append(", ")
                    .Append(Number(line.Staff)).Append(" AWU, ").Append(line.Turnover).Append(", ").Append(line.BalanceSheet);
            }

            text.Append(". ").Append(line.Reason).Append('\n');
        }

        foreach (var period in Periods)
        {
            text.Append("  period").Append(period.PeriodEnd is { } end ? " to " + LocalDatePattern.Iso.Format(end) : string.Empty)
                .Append(": ").Append(Name(period.FiguresClass)).Append(" (").Append(Number(period.Staff)).Append(" AWU, ")
                .Append(period.Turnover).Append(", ").Append(period.BalanceSheet).Append(")\n");
        }

        return text.ToString();
    }

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Name(SizeClass sizeClass) => sizeClass switch
    {
        SizeClass.Micro => "micro",
        SizeClass.Small => "small",
        SizeClass.Medium => "medium-sized",
        _ => "not an SME",
    };

    private static string Name(SmeTreatment treatment) => treatment switch
    {
        SmeTreatment.Own => "own figures",
        SmeTreatment.Linked => "linked, in full",
        SmeTreatment.Partner => "in proportion",
        _ => "not counted",
    };
}
