using Pimex.Funding;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.StateAid;

namespace Pimex.Rulebooks;

/// <summary>What a participant commits to, and who may attend training pills.</summary>
/// <param name="GroupSessions">Face-to-face group training sessions to attend (PIMEX: 3).</param>
/// <param name="Tutorials">Individual tutorials to host (PIMEX: 3).</param>
/// <param name="TutorialVenue">Where tutorials must be held (PIMEX: the company's premises).</param>
/// <param name="TrainingPills">Training pills required for completion.</param>
/// <param name="PillAttendeeRoles">The roles that may attend training pills.</param>
public sealed record CommitmentRules(
    int GroupSessions,
    int Tutorials,
    TutorialVenue TutorialVenue,
    int TrainingPills,
    EquatableArray<string> PillAttendeeRoles);

/// <summary>The rules of promotion support.</summary>
/// <param name="CapPerCompany">The most support one company receives (PIMEX: EUR 2,500).</param>
/// <param name="SupportIntensity">The share of an approved eligible expense that is paid.</param>
/// <param name="NonRecoverableVatEligible">Whether VAT the company cannot recover is eligible.</param>
/// <param name="Categories">The expense categories.</param>
public sealed record PromotionRules(
    Money CapPerCompany,
    Rate SupportIntensity,
    bool NonRecoverableVatEligible,
    EquatableArray<ExpenseCategory> Categories)
{
    /// <summary>Finds a category by code.</summary>
    /// <param name="code">The category code.</param>
    /// <returns>The category, or null when the rulebook has none with that code.</returns>
    public ExpenseCategory? FindCategory(string code)
    {
        foreach (var category in Categories)
        {
            if (string.Equals(category.Code, code, StringComparison.Ordinal))
            {
                return category;
            }
        }

        return null;
    }
}

/// <summary>The technical support team's rules.</summary>
/// <param name="TechnicianFullTimeInCompany">Whether the technician works full time in the company.</param>
/// <param name="ConsultantHourlyRate">What an hour of senior-consultant advice costs the consultancy line.</param>
public sealed record SupportRules(bool TechnicianFullTimeInCompany, Money ConsultantHourlyRate);

/// <summary>The limits of one enterprise size class (EU Recommendation 2003/361/EC).</summary>
/// <param name="StaffBelow">Headcount must be below this (annual work units).</param>
/// <param name="TurnoverAtMost">Annual turnover at most this...</param>
/// <param name="BalanceSheetAtMost">... or annual balance-sheet total at most this.</param>
public sealed record SizeClassLimits(int StaffBelow, Money TurnoverAtMost, Money BalanceSheetAtMost);

/// <summary>The SME test's thresholds.</summary>
/// <param name="Micro">Micro enterprise limits (10 staff; EUR 2 m / 2 m).</param>
/// <param name="Small">Small enterprise limits (50 staff; EUR 10 m / 10 m).</param>
/// <param name="Medium">Medium enterprise limits (250 staff; EUR 50 m / 43 m).</param>
/// <param name="PartnerShareFrom">From this share held, an enterprise is a partner (25 %).</param>
/// <param name="LinkedShareAbove">Above this share held, an enterprise is linked (50 %).</param>
/// <param name="PublicControlFrom">From this share of capital or votes controlled by public bodies,
/// an enterprise is not an SME (25 %, annex art. 3(4)).</param>
/// <param name="BusinessAngelInvestmentBelow">Business angels are exempt investors while their
/// total investment in the enterprise is below this (EUR 1,250,000, art. 3(2)(a)).</param>
/// <param name="LocalAuthorityBudgetBelow">Autonomous local authorities are exempt investors while
/// their annual budget is below this (EUR 10 m, art. 3(2)(d)).</param>
/// <param name="LocalAuthorityInhabitantsBelow">... and while they have fewer inhabitants than
/// this (5,000, art. 3(2)(d)).</param>
/// <param name="ConsecutivePeriods">How many consecutive accounting periods over (or under) a
/// ceiling change the size class (2, art. 4(2)).</param>
public sealed record SmeThresholds(
    SizeClassLimits Micro,
    SizeClassLimits Small,
    SizeClassLimits Medium,
    Rate PartnerShareFrom,
    Rate LinkedShareAbove,
    Rate PublicControlFrom,
    Money BusinessAngelInvestmentBelow,
    Money LocalAuthorityBudgetBelow,
    int LocalAuthorityInhabitantsBelow,
    int ConsecutivePeriods)
{
    /// <summary>Which day's exchange rate converts a company's figures to the ceilings' euros when the
    /// programme is in another currency (<see cref="FiguresRateDate.PeriodEnd"/>, the default).</summary>
    public FiguresRateDate FiguresExchangeRate { get; init; }
}

/// <summary>The state-aid rules in force.</summary>
/// <param name="Regime">The regime for aid granted on the date asked.</param>
/// <param name="InKindValuation">How in-kind support is valued as aid.</param>
/// <param name="SingleUndertakingShareAbove">Above this share of voting rights, an undertaking and
/// the one it holds form a single undertaking whose aid adds up (50 %, art. 2(2)(a) of both EU
/// de minimis regulations).</param>
public sealed record AidRules(AidRegime Regime, InKindValuation InKindValuation, Rate SingleUndertakingShareAbove)
{
    /// <summary>Which day's exchange rate converts aid to the ceiling's currency when the programme is
    /// in another one (<see cref="AidRateDate.GrantDate"/>, the default).</summary>
    public AidRateDate ExchangeRate { get; init; }
}

/// <summary>Who may apply.</summary>
/// <param name="Regions">The region codes (NUTS) a company must be established in; empty for any.
/// A code covers the codes inside it (<see cref="Nuts.Covers"/>).</param>
/// <param name="NutsVersion">The version of the NUTS classification the codes are written in,
/// such as <c>NUTS 2021</c>.</param>
public sealed record EligibilityRules(EquatableArray<string> Regions, string NutsVersion);

/// <summary>Which funds pay each budget line, at what rate. Each line's shares add up to 100 %.</summary>
/// <param name="Actions">The actions line.</param>
/// <param name="Training">The training line.</param>
/// <param name="Consultancy">The consultancy line.</param>
public sealed record FundingRules(
    EquatableArray<FundShare> Actions,
    EquatableArray<FundShare> Training,
    EquatableArray<FundShare> Consultancy)
{
    /// <summary>The shares of one line.</summary>
    /// <param name="line">The line.</param>
    /// <returns>Its fund shares.</returns>
    public EquatableArray<FundShare> For(Editions.BudgetLine line) => line switch
    {
        Editions.BudgetLine.Actions => Actions,
        Editions.BudgetLine.Training => Training,
        Editions.BudgetLine.Consultancy => Consultancy,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "Unknown budget line."),
    };

    /// <summary>Which month's rate converts the edition's expenditure to euros for the funds when the
    /// programme is in another currency (<see cref="ExpenditureRateMonth.RecordedMonth"/>, the default).</summary>
    public ExpenditureRateMonth ExchangeRate { get; init; }
}

/// <summary>The satisfaction survey's scale.</summary>
/// <param name="ScaleMin">The lowest score (0).</param>
/// <param name="ScaleMax">The highest score (10).</param>
public sealed record SurveyRules(int ScaleMin, int ScaleMax);

/// <summary>
/// Every rule of a rulebook in force on one date, typed: what the domain's decisions read.
/// Obtain it from <see cref="Rulebook.On"/>.
/// </summary>
/// <param name="InForceFrom">
/// The first date of the period these values are in force in: the latest date, on or before the
/// date asked, on which some value of the rulebook changes.
/// </param>
/// <param name="NextChange">The date on which some value next changes (the period ends the day
/// before); null when none is planned.</param>
/// <param name="RulebookId">The rulebook it comes from.</param>
/// <param name="Currency">The programme's currency.</param>
/// <param name="TimeZone">The programme's time zone.</param>
/// <param name="Commitment">Commitment rules.</param>
/// <param name="Promotion">Promotion support rules.</param>
/// <param name="Support">Support team rules.</param>
/// <param name="Sme">SME test thresholds.</param>
/// <param name="Aid">State-aid rules.</param>
/// <param name="Eligibility">Who may apply.</param>
/// <param name="Funding">Funds and co-financing rates.</param>
/// <param name="Survey">Satisfaction survey scale.</param>
public sealed record RuleSet(
    LocalDate InForceFrom,
    LocalDate? NextChange,
    string RulebookId,
    Currency Currency,
    DateTimeZone TimeZone,
    CommitmentRules Commitment,
    PromotionRules Promotion,
    SupportRules Support,
    SmeThresholds Sme,
    AidRules Aid,
    EligibilityRules Eligibility,
    FundingRules Funding,
    SurveyRules Survey)
{
    /// <summary>The exchange rates against the euro the rulebook carries and the host added
    /// (<see cref="Rulebook.WithExchangeRates"/>); <see cref="ExchangeRates.None"/> when there are none.</summary>
    public ExchangeRates ExchangeRates { get; init; } = ExchangeRates.None;
}
