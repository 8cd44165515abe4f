namespace Pimex.Admission;

/// <summary>
/// The stable error codes of admission. Validation errors carry the code as their
/// <c>ErrorCode</c> and what they are about (such as <c>Related[1].Share</c>) as their
/// <c>Identifier</c>; Conflict messages start with the code and a colon
/// (see <see cref="Common.DomainErrors"/>).
/// </summary>
/// <remarks>Codes 001-009 are the admission decision's rules; 010 and up are problems in the
/// company profile an applicant declares. A code, once published, never changes meaning.</remarks>
public static class AdmissionErrors
{
    /// <summary>The edition has admitted as many participants as its capacity allows.</summary>
    [ErrorStatus(ResultStatus.Invalid, "capacity")]
    public const string CapacityReached = "PIMEX-ADM-001";

    /// <summary>The application arrives outside the edition's application window.</summary>
    [ErrorStatus(ResultStatus.Invalid, "appliedOn")]
    public const string OutsideApplicationWindow = "PIMEX-ADM-002";

    /// <summary>The company is not established in a region the rulebook accepts.</summary>
    [ErrorStatus(ResultStatus.Invalid, "region")]
    public const string NotEstablishedInRegion = "PIMEX-ADM-003";

    /// <summary>The SME test finds the company is not a micro, small or medium-sized enterprise.</summary>
    [ErrorStatus(ResultStatus.Invalid, "profile")]
    public const string NotAnSme = "PIMEX-ADM-004";

    /// <summary>The support the company would receive takes it over the state-aid ceiling.</summary>
    [ErrorStatus(ResultStatus.Invalid, "declaredAid")]
    public const string AidCeilingExceeded = "PIMEX-ADM-005";

    /// <summary>The edition's actions line cannot reserve the company's cap.</summary>
    [ErrorStatus(ResultStatus.Invalid, "budget.actions")]
    public const string BudgetCannotReserveCap = "PIMEX-ADM-006";

    /// <summary>The company has already applied to the edition.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string AlreadyApplied = "PIMEX-ADM-007";

    /// <summary>The company has not applied to the edition.</summary>
    [ErrorStatus(ResultStatus.NotFound)]
    public const string NotApplied = "PIMEX-ADM-008";

    /// <summary>The application has already been decided (admitted or rejected).</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string AlreadyDecided = "PIMEX-ADM-009";

    /// <summary>A negative figure in the company profile: staff, turnover or balance-sheet total.</summary>
    [ErrorStatus(ResultStatus.Invalid, "*Own.Staff", "*Own.Turnover", "*Own.BalanceSheet", "*Related[i].Figures.Staff", "*Related[i].Figures.Turnover", "*Related[i].Figures.BalanceSheet", "*Related[i].Aid[i].Amount", "*Related[i].BusinessAngelInvestment", "*Related[i].AnnualBudget", "*Related[i].Inhabitants", "restructurings[i].aid[i].amount", "restructurings[i].unallocatedAid[i].amount")]
    public const string NegativeFigure = "PIMEX-ADM-010";

    /// <summary>An amount in the company profile in another currency than the programme's.</summary>
    [ErrorStatus(ResultStatus.Invalid, "*Own.Turnover", "*Own.BalanceSheet", "*Related[i].Figures.Turnover", "*Related[i].Figures.BalanceSheet", "*Related[i].Aid[i].Amount", "*Related[i].BusinessAngelInvestment", "*Related[i].AnnualBudget", "restructurings[i].aid[i].amount", "restructurings[i].unallocatedAid[i].amount")]
    public const string WrongCurrency = "PIMEX-ADM-011";

    /// <summary>A related enterprise's share outside 0 % to 100 %.</summary>
    [ErrorStatus(ResultStatus.Invalid, "*Related[i].Share", "restructurings[i].equityShare")]
    public const string ShareOutOfRange = "PIMEX-ADM-012";

    /// <summary>Two related enterprises with the same name (compared trimmed and case-insensitively).</summary>
    [ErrorStatus(ResultStatus.Invalid, "*Related[i].Name")]
    public const string DuplicateRelatedEnterprise = "PIMEX-ADM-013";

    /// <summary>A related enterprise with an empty or blank name.</summary>
    [ErrorStatus(ResultStatus.Invalid, "*Related[i].Name", "restructurings[i].undertaking")]
    public const string BlankRelatedEnterpriseName = "PIMEX-ADM-014";

    /// <summary>A staff figure or an amount beyond <see cref="CompanyProfileRules.MaxFigure"/>.</summary>
    [ErrorStatus(ResultStatus.Invalid, "*Own.Staff", "*Own.Turnover", "*Own.BalanceSheet", "*Related[i].Figures.Staff", "*Related[i].Figures.Turnover", "*Related[i].Figures.BalanceSheet", "*Related[i].Aid[i].Amount", "*Related[i].BusinessAngelInvestment", "*Related[i].AnnualBudget")]
    public const string FigureTooLarge = "PIMEX-ADM-015";

    /// <summary>A bona fide estimate (annex art. 4(3)) declared with earlier periods, or an earlier period declared as an estimate.</summary>
    [ErrorStatus(ResultStatus.Invalid, "Basis", "Earlier[i].Basis")]
    public const string EstimateWithEarlierPeriods = "PIMEX-ADM-016";

    /// <summary>Earlier accounting periods not listed newest first, each ending before the next.</summary>
    [ErrorStatus(ResultStatus.Invalid, "Earlier[i].PeriodEnd")]
    public const string PeriodsOutOfOrder = "PIMEX-ADM-017";

    /// <summary>An investor of annex art. 3(2) without the figure its exception depends on (business angels' investment, a local authority's budget or inhabitants), or an unknown kind.</summary>
    [ErrorStatus(ResultStatus.Invalid, "*Related[i].Kind", "*Related[i].BusinessAngelInvestment", "*Related[i].AnnualBudget", "*Related[i].Inhabitants")]
    public const string MissingInvestorFigure = "PIMEX-ADM-018";

    /// <summary>Related enterprises nested deeper than <see cref="CompanyProfileRules.MaxDepth"/>.</summary>
    [ErrorStatus(ResultStatus.Invalid, "*Related[i].Related")]
    public const string RelationsTooDeep = "PIMEX-ADM-019";

    /// <summary>A programme outside the euro has no exchange rate (or no day to take it on) to convert the
    /// company's figures or its aid to the euros of the SME and de minimis ceilings: the rulebook or the host supplies it.</summary>
    [ErrorStatus(ResultStatus.Invalid, "profile", "PeriodEnd", "Earlier[i].PeriodEnd", "declaredAid")]
    public const string NoExchangeRate = "PIMEX-ADM-020";
}
