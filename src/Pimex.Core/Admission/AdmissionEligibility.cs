using Pimex.Editions;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Admission;

/// <summary>The admission rules an application breaks. Several may be broken at once.</summary>
[Flags]
public enum AdmissionRulesBroken
{
    /// <summary>None: the company can be admitted.</summary>
    None = 0,

    /// <summary>The edition is full.</summary>
    CapacityReached = 1,

    /// <summary>The application came outside the applications window.</summary>
    OutsideApplicationWindow = 2,

    /// <summary>The company is not established in a region the rulebook requires.</summary>
    NotEstablishedInRegion = 4,

    /// <summary>The company is not an SME.</summary>
    NotAnSme = 8,

    /// <summary>The most aid this participation can give would exceed the state-aid ceiling.</summary>
    AidCeilingExceeded = 16,

    /// <summary>The actions line cannot reserve the company's cap.</summary>
    BudgetCannotReserveCap = 32,

    /// <summary>The programme is not in euros and an exchange rate (or the day to take it on) that
    /// converts the company's figures or its aid to the ceilings' euros is missing: the SME test or
    /// the aid ceiling it was needed for is not decided.</summary>
    ExchangeRateMissing = 64,
}

/// <summary>The outcome of the admission rules for one application, with the figures behind it.</summary>
/// <param name="Broken">The rules broken; <see cref="AdmissionRulesBroken.None"/> when admissible.</param>
/// <param name="Sme">The SME test's class and consolidated figures (<see cref="SmeTest.Classify(CompanyProfile, SmeThresholds)"/>:
/// without the explanation, which <see cref="SmeTest.Assess"/> gives).</param>
/// <param name="Aid">The state-aid ceiling check for the most aid the participation can give.</param>
/// <param name="Cap">The cap to reserve.</param>
/// <param name="InKindAid">The in-kind aid value counted.</param>
public readonly record struct AdmissionCheck(AdmissionRulesBroken Broken, SmeAssessment Sme, AidCeilingCheck Aid, Money Cap, Money InKindAid)
{
    /// <summary>Whether every admission rule holds.</summary>
    public bool IsAdmissible => Broken == AdmissionRulesBroken.None;

    /// <summary>The de minimis aid of the applicant's single undertaking that the ceiling was checked
    /// with (<see cref="SingleUndertaking.Aid"/>): its own, its linked undertakings' and the aid carried by restructurings.</summary>
    public EquatableArray<AidReceived> SingleUndertakingAid { get; init; }

    /// <summary>
    /// The conversions to euros the check made, when the programme is not in euros: each period's
    /// figures at the rate of its last day, each aid counted at the rate of its grant day, the new aid
    /// at the decision date's (what the company signs); empty in a programme in euros.
    /// </summary>
    public EquatableArray<Conversion> Conversions { get; init; }

    /// <summary>The rates (or the days to take them on) the conversions needed and did not find; empty when none is missing.</summary>
    public EquatableArray<MissingExchangeRate> MissingRates { get; init; }

    /// <summary>The aid the ceiling counted, converted to the ceiling's currency: default when no
    /// conversion was made (then <see cref="SingleUndertakingAid"/> is in it).</summary>
    internal EquatableArray<AidReceived> CountedAid { get; init; }

    /// <summary>The profile the SME test classified, in the thresholds' currency: null when it is the declared one.</summary>
    internal CompanyProfile? ConvertedProfile { get; init; }
}

/// <summary>
/// The admission rules, as one pure decision that allocates nothing: capacity, applications
/// window, region, the EU SME test, the state-aid ceiling of the applicant's single undertaking and
/// the actions line. Every number comes from the rules and the annuity.
/// </summary>
[RuleConcept("Admission")]
public static class AdmissionEligibility
{
    /// <summary>Evaluates every admission rule for one application.</summary>
    /// <param name="application">The application.</param>
    /// <param name="appliedOn">The date it was received.</param>
    /// <param name="decisionDate">The date of the admission decision (picks the aid regime).</param>
    /// <param name="rules">The edition's rules.</param>
    /// <param name="aidRegime">The state-aid regime in force on the decision date.</param>
    /// <param name="annuity">The edition's annuity.</param>
    /// <param name="admittedSoFar">How many companies the edition has admitted.</param>
    /// <param name="actionsAvailable">What is available on the actions line.</param>
    /// <returns>The rules broken and the figures behind them.</returns>
    [Rule(AdmissionErrors.CapacityReached, "annuities.YYYY.capacity")]
    [Rule(AdmissionErrors.OutsideApplicationWindow, "annuities.YYYY.windows.applications")]
    [Rule(AdmissionErrors.NotEstablishedInRegion, "eligibility.regions", "eligibility.nutsVersion")]
    [Rule(AdmissionErrors.NotAnSme, "sme.*")]
    [Rule(AdmissionErrors.AidCeilingExceeded, "aid.regime", "aid.singleUndertakingShareAbove", "aid.inKindValuation", "promotion.capPerCompany", "annuities.YYYY.budget.training", "annuities.YYYY.budget.consultancy", "annuities.YYYY.capacity")]
    [Rule(AdmissionErrors.BudgetCannotReserveCap, "promotion.capPerCompany", "annuities.YYYY.budget.actions")]
    [Rule(AdmissionErrors.NoExchangeRate, "sme.figuresExchangeRate", "aid.exchangeRate")]
    public static AdmissionCheck Evaluate(
        CompanyApplication application,
        LocalDate appliedOn,
        LocalDate decisionDate,
        RuleSet rules,
        AidRegime aidRegime,
        AnnuityRules annuity,
        int admittedSoFar,
        Money actionsAvailable)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(aidRegime);
        ArgumentNullException.ThrowIfNull(annuity);
        var broken = AdmissionRulesBroken.None;
        if (admittedSoFar >= annuity.Capacity)
        {
            broken |= AdmissionRulesBroken.CapacityReached;
        }

        if (!annuity.Applications.Contains(appliedOn))
        {
            broken |= AdmissionRulesBroken.OutsideApplicationWindow;
        }

        if (!InRegion(application.Region, rules.Eligibility.Regions))
        {
            broken |= AdmissionRulesBroken.NotEstablishedInRegion;
        }

        var cap = rules.Promotion.CapPerCompany;
        var inKind = InKindAid(rules, annuity);
        var singleUndertakingAid = SingleUndertaking.Aid(application, rules.Aid.SingleUndertakingShareAbove);
        if (rules.Currency != rules.Sme.Micro.TurnoverAtMost.Currency || (cap + inKind).Currency != aidRegime.Ceiling.Currency)
        {
            return OutsideTheEuro(application, decisionDate, rules, aidRegime, broken, singleUndertakingAid, cap, inKind, actionsAvailable);
        }

        var sme = SmeTest.Classify(application.Profile, rules.Sme);
        if (sme.SizeClass == SizeClass.NotSme)
        {
            broken |= AdmissionRulesBroken.NotAnSme;
        }

        var aid = AidCeiling.Check(aidRegime, singleUndertakingAid.AsSpan(), cap + inKind, decisionDate);
        if (!aid.IsWithinCeiling)
        {
            broken |= AdmissionRulesBroken.AidCeilingExceeded;
        }

        if (actionsAvailable < cap)
        {
            broken |= AdmissionRulesBroken.BudgetCannotReserveCap;
        }

        return new AdmissionCheck(broken, sme, aid, cap, inKind) { SingleUndertakingAid = singleUndertakingAid };
    }

    /// <summary>
    /// The SME test and the aid ceiling of a programme outside the euro: the company's figures and
    /// its aid are converted to the euros EU law sets the ceilings in, at the rates the rules name,
    /// before the same tests run. A missing rate leaves the test it was needed for undecided and
    /// breaks <see cref="AdmissionRulesBroken.ExchangeRateMissing"/>.
    /// </summary>
    private static AdmissionCheck OutsideTheEuro(
        CompanyApplication application,
        LocalDate decisionDate,
        RuleSet rules,
        AidRegime aidRegime,
        AdmissionRulesBroken broken,
        EquatableArray<AidReceived> singleUndertakingAid,
        Money cap,
        Money inKind,
        Money actionsAvailable)
    {
        var used = new List<Conversion>();
        var missing = new List<MissingExchangeRate>();
        var profile = rules.Currency == rules.Sme.Micro.TurnoverAtMost.Currency
            ? application.Profile
            : EuroConversion.Profile(application.Profile, rules.Currency, rules.Sme.FiguresExchangeRate, rules.ExchangeRates, used, missing);
        var sme = default(SmeAssessment);
        if (profile is not null)
        {
            sme = SmeTest.Classify(profile, rules.Sme);
            if (sme.SizeClass == SizeClass.NotSme)
            {
                broken |= AdmissionRulesBroken.NotAnSme;
            }
        }

        var newAid = cap + inKind;
        var aid = default(AidCeilingCheck);
        var converted = newAid.Currency == aidRegime.Ceiling.Currency
            ? (singleUndertakingAid.AsSpan().ToArray(), newAid)
            : EuroConversion.Aid(singleUndertakingAid.AsSpan(), newAid, aidRegime, decisionDate, rules.Aid.ExchangeRate, rules.ExchangeRates, used, missing);
        if (converted is { } inCeilingCurrency)
        {
            aid = AidCeiling.Check(aidRegime, inCeilingCurrency.Aid, inCeilingCurrency.NewAid, decisionDate);
            if (!aid.IsWithinCeiling)
            {
                broken |= AdmissionRulesBroken.AidCeilingExceeded;
            }
        }

        if (missing.Count > 0)
        {
            broken |= AdmissionRulesBroken.ExchangeRateMissing;
        }

        if (actionsAvailable < cap)
        {
            broken |= AdmissionRulesBroken.BudgetCannotReserveCap;
        }

        return new AdmissionCheck(broken, sme, aid, cap, inKind)
        {
            SingleUndertakingAid = singleUndertakingAid,
            CountedAid = converted is { } counted ? new EquatableArray<AidReceived>(counted.Aid) : default,
            Conversions = new EquatableArray<Conversion>(used),
            MissingRates = new EquatableArray<MissingExchangeRate>(missing),
            ConvertedProfile = ReferenceEquals(profile, application.Profile) ? null : profile,
        };
    }

    /// <summary>
    /// The SME test's explanation of an admission check (<see cref="SmeTest.Assess"/>), of the figures
    /// it classified: in a programme outside the euro, the figures converted to euros, with a note
    /// per period saying which rate converted them (its day and source), what the company signs.
    /// </summary>
    /// <param name="check">The admission check.</param>
    /// <param name="application">The application checked.</param>
    /// <param name="rules">The rules it was checked with.</param>
    /// <returns>The explained assessment; when a rate the figures needed was missing, the SME test
    /// was not run and this is the check's undecided <see cref="AdmissionCheck.Sme"/>, with nothing
    /// to explain.</returns>
    public static SmeAssessment ExplainSme(in AdmissionCheck check, CompanyApplication application, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var gap in check.MissingRates)
        {
            if (gap.Of == ConvertedAmounts.PeriodFigures)
            {
                return check.Sme;
            }
        }

        var assessment = SmeTest.Assess(check.ConvertedProfile ?? application.Profile, rules.Sme);
        if (check.ConvertedProfile is null)
        {
            return assessment;
        }

        return assessment with { Notes = new EquatableArray<string>([.. EuroConversion.Notes(check.Conversions, rules.Currency), .. assessment.Notes]) };
    }

    /// <summary>
    /// The value of one participant's in-kind support as aid: under
    /// <see cref="InKindValuation.BudgetShare"/>, its seat's share of the training and
    /// consultancy lines; zero under <see cref="InKindValuation.None"/>.
    /// </summary>
    /// <param name="rules">The rules.</param>
    /// <param name="annuity">The annuity.</param>
    /// <returns>The in-kind aid per participant.</returns>
    public static Money InKindAid(RuleSet rules, AnnuityRules annuity)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(annuity);
        return rules.Aid.InKindValuation == InKindValuation.BudgetShare
            ? Money.Of((annuity.Budget.Training + annuity.Budget.Consultancy).Amount / annuity.Capacity, annuity.Budget.Training.Currency)
            : Money.Zero(annuity.Budget.Training.Currency);
    }

    /// <summary>The validation errors for the rules an admission check found broken.</summary>
    /// <param name="check">The check.</param>
    /// <param name="application">The application checked.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="annuity">The annuity.</param>
    /// <returns>One error per broken rule, with its stable code.</returns>
    public static IReadOnlyList<ValidationError> Errors(in AdmissionCheck check, CompanyApplication application, RuleSet rules, AnnuityRules annuity) =>
        Errors(check, application, rules, annuity, ReportLanguage.English);

    /// <summary>The validation errors for the rules an admission check found broken, with their messages in a language.</summary>
    /// <param name="check">The check.</param>
    /// <param name="application">The application checked.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="annuity">The annuity.</param>
    /// <param name="language">The language of the messages; codes and identifiers are the same in every language.</param>
    /// <returns>One error per broken rule, with its stable code.</returns>
    public static IReadOnlyList<ValidationError> Errors(in AdmissionCheck check, CompanyApplication application, RuleSet rules, AnnuityRules annuity, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(annuity);
        var errors = new List<ValidationError>();
        var b = check.Broken;
        if (b.HasFlag(AdmissionRulesBroken.CapacityReached))
        {
            errors.Add(DomainErrors.Refusal(language, "capacity", AdmissionErrors.CapacityReached, annuity.Capacity));
        }

        if (b.HasFlag(AdmissionRulesBroken.OutsideApplicationWindow))
        {
            errors.Add(DomainErrors.Refusal(language, "appliedOn", AdmissionErrors.OutsideApplicationWindow, annuity.Applications));
        }

        if (b.HasFlag(AdmissionRulesBroken.NotEstablishedInRegion))
        {
            errors.Add(DomainErrors.Refusal(language, "region", AdmissionErrors.NotEstablishedInRegion, application.Region, rules.Eligibility.Regions.ToString(), rules.Eligibility.NutsVersion));
        }

        if (b.HasFlag(AdmissionRulesBroken.NotAnSme))
        {
            errors.Add(check.Sme.PublicControl >= rules.Sme.PublicControlFrom
                ? DomainErrors.Refusal(language, "profile", AdmissionErrors.NotAnSme + ".public", language.InvariantArguments ? Parameters.PercentText(check.Sme.PublicControl) : check.Sme.PublicControl)
                : DomainErrors.Refusal(language, "profile", AdmissionErrors.NotAnSme, check.Sme.Staff, check.Sme.Turnover, check.Sme.BalanceSheet));
        }

        if (b.HasFlag(AdmissionRulesBroken.AidCeilingExceeded))
        {
            errors.Add(DomainErrors.Validation(
                "declaredAid",
                AdmissionErrors.AidCeilingExceeded,
                language.Refusal(AdmissionErrors.AidCeilingExceeded, check.Aid.AlreadyCounted, check.Aid.LookBack, check.Aid.NewAid, check.Aid.Regime.Name, check.Aid.Regime.Ceiling) + WhoseAid(check, language)));
        }

        if (b.HasFlag(AdmissionRulesBroken.BudgetCannotReserveCap))
        {
            errors.Add(DomainErrors.Refusal(language, "budget.actions", AdmissionErrors.BudgetCannotReserveCap, check.Cap));
        }

        if (b.HasFlag(AdmissionRulesBroken.ExchangeRateMissing))
        {
            foreach (var gap in check.MissingRates)
            {
                errors.Add(gap.Date is not { } date
                    ? DomainErrors.Refusal(language, gap.Identifier, AdmissionErrors.NoExchangeRate + ".periodEnd", gap.Currency.Code)
                    : DomainErrors.Refusal(language, gap.Identifier, gap.Of == ConvertedAmounts.Aid ? AdmissionErrors.NoExchangeRate + ".aid" : AdmissionErrors.NoExchangeRate, gap.Currency.Code, date));
            }
        }

        return errors;
    }

    /// <summary>
    /// Whose aid the ceiling counted, as the aid statement names it (<see cref="AidReceived.Recipient"/>):
    /// the applicant's own, then each linked (or restructured) undertaking's, in the order they
    /// first appear, each with what it received in the look-back. Empty when the applicant's own
    /// aid is all that was counted: the refusal's first sentence then says it.
    /// </summary>
    private static string WhoseAid(in AdmissionCheck check, ReportLanguage language)
    {
        // In a programme outside the euro the ceiling counted the aid converted at its grant days' rates.
        var aid = check.CountedAid.Count > 0 ? check.CountedAid : check.SingleUndertakingAid;
        var start = check.Aid.LookBackStart;
        var end = check.Aid.GrantDate;
        var own = Money.Zero(check.Aid.AlreadyCounted.Currency);
        var others = new List<(string Recipient, Money Amount)>();
        foreach (var a in aid)
        {
            if (a.GrantedOn < start || a.GrantedOn > end)
            {
                continue;
            }

            if (a.Recipient is null)
            {
                own += a.Amount;
                continue;
            }

            int at = others.FindIndex(o => string.Equals(o.Recipient, a.Recipient, StringComparison.Ordinal));
            if (at < 0)
            {
                others.Add((a.Recipient, a.Amount));
            }
            else
            {
                others[at] = (a.Recipient, others[at].Amount + a.Amount);
            }
        }

        if (others.Count == 0)
        {
            return string.Empty;
        }

        var parts = new List<string>(others.Count + 1) { language.Refusal(AdmissionErrors.AidCeilingExceeded + ".own", own) };
        foreach (var (recipient, amount) in others)
        {
            parts.Add(language.Refusal(AdmissionErrors.AidCeilingExceeded + ".other", amount, recipient));
        }

        return " " + language.Refusal(AdmissionErrors.AidCeilingExceeded + ".counted", string.Join("; ", parts));
    }

    /// <summary>
    /// Whether a company's region is one of the eligible regions or inside one. NUTS codes nest by
    /// their first characters (Regulation (EC) No 1059/2003, art. 2 and annex I: a country's two
    /// letters, then one character per level), so an eligible code covers every code that starts
    /// with it: <c>PL51</c> (Dolnośląskie) covers <c>PL514</c> (Miasto Wrocław), <c>ES43</c> covers
    /// <c>ES431</c> (Badajoz). No eligible region means any region.
    /// </summary>
    internal static bool InRegion(string region, EquatableArray<string> regions)
    {
        if (regions.Count == 0)
        {
            return true;
        }

        foreach (var r in regions)
        {
            if (Nuts.Covers(r, region))
            {
                return true;
            }
        }

        return false;
    }
}
