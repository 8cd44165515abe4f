namespace Pimex.Admission;

/// <summary>
/// What an applicant declares for the SME test, as the Commission's model SME declaration asks
/// it: its own figures for the reference period and the enterprises it is related to (annexes A
/// and B of the model), plus its earlier accounting periods. Check it with
/// <see cref="CompanyProfileRules.Validate(CompanyProfile, Monetary.Currency)"/>, then classify it with <see cref="SmeTest.Assess"/>.
/// </summary>
/// <param name="Own">The applicant's own figures for the reference period: the last approved
/// accounting period (annex art. 4(1)), or a bona fide estimate (<see cref="Basis"/>).</param>
/// <param name="Related">The enterprises related to it by shareholding or control, each with its
/// own related enterprises (any share: those below the partner threshold are ignored by the test,
/// so declaring them is harmless).</param>
public sealed record CompanyProfile(EnterpriseFigures Own, EquatableArray<RelatedEnterprise> Related)
{
    /// <summary>What <see cref="Own"/> rests on: approved accounts (the default) or, for a new
    /// enterprise without approved accounts, a bona fide estimate (art. 4(3)).</summary>
    public FiguresBasis Basis { get; init; }

    /// <summary>The last day of the reference period, when known: shown in the assessment.</summary>
    public LocalDate? PeriodEnd { get; init; }

    /// <summary>
    /// The earlier accounting periods, newest first, each a whole declaration of its own (figures
    /// and related enterprises of that period). The size class changes only when the ceilings are
    /// crossed in consecutive periods (art. 4(2), <see cref="Rulebooks.SmeThresholds.ConsecutivePeriods"/>):
    /// declare at least the period before the reference period. Their own <c>Earlier</c> is ignored.
    /// </summary>
    public EquatableArray<CompanyProfile> Earlier { get; init; }

    /// <summary>
    /// The declaration of an autonomous enterprise: its own figures, no partner or linked
    /// enterprise, approved accounts, no earlier period (add them with <c>with</c>).
    /// </summary>
    /// <param name="own">Its figures for the reference period.</param>
    /// <returns>The declaration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="own"/> is null.</exception>
    public static CompanyProfile Autonomous(EnterpriseFigures own)
    {
        ArgumentNullException.ThrowIfNull(own);
        return new(own, []);
    }
}
