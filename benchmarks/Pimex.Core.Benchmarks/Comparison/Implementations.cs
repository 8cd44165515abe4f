using NodaTime;
using Pimex.Admission;
using Pimex.Benchmarks.Fixtures;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Benchmarks.Comparison;

/// <summary>
/// The four implementations of the admission and claim checks, each given the same rulebook
/// values, and a check that they agree on the benchmark cases and on cases that break rules.
/// </summary>
internal static class Implementations
{
    /// <summary>The hand-written admission limits of the benchmark case.</summary>
    public static readonly PlainAdmissionLimits PlainAdmissionLimits = Comparison.PlainAdmissionLimits.From(AdmissionCase.Rules, AdmissionCase.Annuity, AdmissionCase.Regime);

    /// <summary>The hand-written claim limits of the benchmark case.</summary>
    public static readonly PlainClaimLimits PlainClaimLimits = Comparison.PlainClaimLimits.From(ClaimCase.Rules, ClaimCase.Regime);

    /// <summary>The rules engines' admission limits.</summary>
    public static readonly AdmissionLimits EngineAdmissionLimits = AdmissionLimits.From(AdmissionCase.Rules, AdmissionCase.Annuity, AdmissionCase.Regime);

    /// <summary>The rules engines' claim limits.</summary>
    public static readonly ClaimLimits EngineClaimLimits = ClaimLimits.From(ClaimCase.Rules, ClaimCase.Regime);

    /// <summary>Microsoft RulesEngine, built once.</summary>
    public static readonly RulesEngineChecks RulesEngine = new(EngineAdmissionLimits, EngineClaimLimits);

    /// <summary>NRules, compiled once, one reused session per check.</summary>
    public static readonly NRulesChecks NRules = new(EngineAdmissionLimits, EngineClaimLimits);

    /// <summary>
    /// Evaluates every case with all four implementations and throws unless they agree: a
    /// benchmark of an implementation that decides otherwise would measure nothing.
    /// </summary>
    public static void CheckTheyAgree()
    {
        foreach (var (application, appliedOn, decisionDate, admitted, available) in AdmissionCases())
        {
            var regime = AdmissionCase.Rulebook.On(decisionDate).Value.Aid.Regime;
            var engineLimits = AdmissionLimits.From(AdmissionCase.Rules, AdmissionCase.Annuity, regime);
            var pimex = AdmissionEligibility.Evaluate(application, appliedOn, decisionDate, AdmissionCase.Rules, regime, AdmissionCase.Annuity, admitted, available);
            var plain = HandWritten.Admission(Comparison.PlainAdmissionLimits.From(AdmissionCase.Rules, AdmissionCase.Annuity, regime), PlainApplication.From(application), appliedOn, decisionDate, admitted, available.Amount);
            var input = AdmissionInput.From(application, appliedOn, decisionDate, admitted, available.Amount);
            var rulesEngine = new RulesEngineChecks(engineLimits, EngineClaimLimits).AdmissionAsync(input).AsTask().GetAwaiter().GetResult();
            var nrules = new NRulesChecks(engineLimits, EngineClaimLimits).Admission(input);
            var name = $"admission of {application.Company} applied {appliedOn} decided {decisionDate} under {regime.Name}";
            Agree(name, pimex.Broken, plain.Broken, rulesEngine, nrules);
            Agree(name + " (size class)", pimex.Sme.SizeClass, plain.SizeClass, plain.SizeClass, plain.SizeClass);
            Agree(name + " (aid counted)", pimex.Aid.AlreadyCounted.Amount, plain.AidCounted, plain.AidCounted, plain.AidCounted);
        }

        foreach (var (rules, approved, granted, aid, grantDate) in ClaimCases())
        {
            var regime = AdmissionCase.Rulebook.On(grantDate).Value.Aid.Regime;
            var headroom = AidCeiling.Check(regime, aid, ClaimCase.NoNewAid, grantDate).Headroom;
            var reservation = rules.Promotion.CapPerCompany - granted;
            var pimex = SupportDecision.Decide(approved, rules.Promotion.SupportIntensity, rules.Promotion.CapPerCompany, granted, reservation, headroom);
            var plain = HandWritten.Claim(Comparison.PlainClaimLimits.From(rules, regime), [.. aid.Select(PlainApplication.PlainAidFrom)], approved.Amount, granted.Amount, reservation.Amount, grantDate);
            var engines = new RulesEngineChecks(EngineAdmissionLimits, ClaimLimits.From(rules, regime));
            var nrulesEngine = new NRulesChecks(EngineAdmissionLimits, ClaimLimits.From(rules, regime));
            var input = ClaimInputFrom(approved, granted, reservation, aid, grantDate);
            var rulesEngine = engines.ClaimAsync(input).AsTask().GetAwaiter().GetResult();
            var nrules = nrulesEngine.Claim(input);
            var name = $"claim of {approved} with {granted} granted at intensity {rules.Promotion.SupportIntensity} on {grantDate} under {regime.Name}";
            Agree(name, pimex.Reasons, plain.Reasons, rulesEngine.Reasons, nrules.Reasons);
            Agree(name, pimex.Granted.Amount, plain.Granted, rulesEngine.Granted, nrules.Granted);
        }
    }

    /// <summary>The engines' input for a claim.</summary>
    /// <param name="approved">The approved amount.</param>
    /// <param name="alreadyGranted">Support already granted.</param>
    /// <param name="reservationLeft">The reservation left.</param>
    /// <param name="aid">The aid received.</param>
    /// <param name="grantDate">The grant date.</param>
    /// <returns>The input.</returns>
    public static ClaimInput ClaimInputFrom(Money approved, Money alreadyGranted, Money reservationLeft, AidReceived[] aid, LocalDate grantDate) => new()
    {
        Approved = approved.Amount,
        AlreadyGranted = alreadyGranted.Amount,
        ReservationLeft = reservationLeft.Amount,
        AidReceived = [.. aid.Select(AidInput.From)],
        GrantDate = Eur.ToDateTime(grantDate),
    };

    private static IEnumerable<(CompanyApplication Application, LocalDate AppliedOn, LocalDate DecisionDate, int Admitted, Money Available)> AdmissionCases()
    {
        var ok = AdmissionCase.Application;
        var decided = AdmissionCase.DecisionDate;
        yield return (ok, AdmissionCase.AppliedOn, decided, AdmissionCase.AdmittedSoFar, AdmissionCase.ActionsAvailable);
        yield return (ok with { Region = "ES30" }, new LocalDate(2016, 3, 16), decided, 30, Eur.Of(2_000m));
        yield return (ok, new LocalDate(2016, 1, 14), decided, 29, Eur.Of(2_500m));
        var large = ok with
        {
            Profile = ok.Profile with { Own = new EnterpriseFigures(200m, Eur.Of(30_000_000m), Eur.Of(30_000_000m)) },
            DeclaredAid = new([new AidReceived(Eur.Of(197_500m), new LocalDate(2014, 1, 1), "Junta de Extremadura")]),
        };
        yield return (large, AdmissionCase.AppliedOn, decided, 0, AdmissionCase.ActionsAvailable);

        // Three fiscal years (EU 1407/2013): the ceiling of EUR 200,000 reached to the cent, then passed by one.
        var almost = ok with { DeclaredAid = new([new AidReceived(Eur.Of(197_057.33m), decided, "ICEX"), new AidReceived(Eur.Of(1m), decided.PlusDays(1), "Later")]) };
        yield return (almost, AdmissionCase.AppliedOn, decided, 0, AdmissionCase.ActionsAvailable);
        yield return (almost with { DeclaredAid = new([.. almost.DeclaredAid, new AidReceived(Eur.Of(0.01m), new LocalDate(2014, 1, 1), "ICEX")]) }, AdmissionCase.AppliedOn, decided, 0, AdmissionCase.ActionsAvailable);

        // Rolling three years (EU 2023/2831, decided on 2024-03-20): from 2021-03-21; EUR 300,000 reached to the cent, then passed.
        var rolling = new LocalDate(2024, 3, 20);
        var atCeiling = ok with { DeclaredAid = new([new AidReceived(Eur.Of(297_057.33m), new LocalDate(2021, 3, 21), "ICEX"), new AidReceived(Eur.Of(50_000m), new LocalDate(2021, 3, 20), "Before")]) };
        yield return (atCeiling, AdmissionCase.AppliedOn, rolling, 0, AdmissionCase.ActionsAvailable);
        yield return (atCeiling with { DeclaredAid = new([.. atCeiling.DeclaredAid, new AidReceived(Eur.Of(0.01m), rolling, "ICEX")]) }, AdmissionCase.AppliedOn, rolling, 0, AdmissionCase.ActionsAvailable);
    }

    private static IEnumerable<(RuleSet Rules, Money Approved, Money AlreadyGranted, AidReceived[] Aid, LocalDate GrantDate)> ClaimCases()
    {
        var rules = ClaimCase.Rules;
        var eighty = rules with { Promotion = rules.Promotion with { SupportIntensity = Rate.FromPercent(80m) } };
        var granted = ClaimCase.GrantDate;
        yield return (rules, ClaimCase.Approved, ClaimCase.AlreadyGranted, ClaimCase.AidReceived, granted);
        yield return (rules, Eur.Of(300m), Eur.Of(1_000m), ClaimCase.AidReceived, granted);
        yield return (eighty, Eur.Of(333.33m), Eur.Of(0m), ClaimCase.AidReceived, granted);
        yield return (eighty, Eur.Of(3_333.33m), Eur.Of(200m), ClaimCase.AidReceived, granted);
        yield return (rules, Eur.Of(900m), Eur.Of(0m), [new AidReceived(Eur.Of(199_800m), new LocalDate(2014, 1, 1), "ICEX")], granted);
        yield return (rules, Eur.Of(900m), Eur.Of(2_600m), [new AidReceived(Eur.Of(250_000m), new LocalDate(2016, 12, 1), "ICEX")], granted);

        // Rolling three years (EU 2023/2831): granted on 2024-06-01, aid from 2021-06-02 counts.
        var rolling = new LocalDate(2024, 6, 1);
        yield return (rules, Eur.Of(900m), Eur.Of(0m), [new AidReceived(Eur.Of(299_500m), new LocalDate(2021, 6, 2), "ICEX"), new AidReceived(Eur.Of(10_000m), new LocalDate(2021, 6, 1), "Before")], rolling);
    }

    private static void Agree<T>(string what, T pimex, T handWritten, T rulesEngine, T nrules)
    {
        var comparer = EqualityComparer<T>.Default;
        if (!comparer.Equals(pimex, handWritten) || !comparer.Equals(pimex, rulesEngine) || !comparer.Equals(pimex, nrules))
        {
            throw new InvalidOperationException($"The implementations disagree on the {what}: Pimex.Core {pimex}, hand-written {handWritten}, RulesEngine {rulesEngine}, NRules {nrules}.");
        }
    }
}
