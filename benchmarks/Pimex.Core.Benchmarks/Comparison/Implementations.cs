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
        foreach (var (application, appliedOn, admitted, available) in AdmissionCases())
        {
            var pimex = AdmissionEligibility.Evaluate(application, appliedOn, AdmissionCase.DecisionDate, AdmissionCase.Rules, AdmissionCase.Regime, AdmissionCase.Annuity, admitted, available);
            var plain = HandWritten.Admission(PlainAdmissionLimits, PlainApplication.From(application), appliedOn, AdmissionCase.DecisionDate, admitted, available.Amount);
            var input = AdmissionInput.From(application, appliedOn, AdmissionCase.DecisionDate, admitted, available.Amount);
            var rulesEngine = RulesEngine.AdmissionAsync(input).AsTask().GetAwaiter().GetResult();
            var nrules = NRules.Admission(input);
            Agree($"admission of {application.Company} applied {appliedOn}", pimex.Broken, plain.Broken, rulesEngine, nrules);
            Agree($"size class of {application.Company}", pimex.Sme.SizeClass, plain.SizeClass, plain.SizeClass, plain.SizeClass);
            Agree($"aid counted for {application.Company}", pimex.Aid.AlreadyCounted.Amount, plain.AidCounted, plain.AidCounted, plain.AidCounted);
        }

        foreach (var (rules, approved, granted, aid) in ClaimCases())
        {
            var regime = ClaimCase.Regime;
            var headroom = AidCeiling.Check(regime, aid, ClaimCase.NoNewAid, ClaimCase.GrantDate).Headroom;
            var reservation = rules.Promotion.CapPerCompany - granted;
            var pimex = SupportDecision.Decide(approved, rules.Promotion.SupportIntensity, rules.Promotion.CapPerCompany, granted, reservation, headroom);
            var plain = HandWritten.Claim(Comparison.PlainClaimLimits.From(rules, regime), [.. aid.Select(PlainApplication.PlainAidFrom)], approved.Amount, granted.Amount, reservation.Amount, ClaimCase.GrantDate);
            var engines = new RulesEngineChecks(EngineAdmissionLimits, ClaimLimits.From(rules, regime));
            var nrulesEngine = new NRulesChecks(EngineAdmissionLimits, ClaimLimits.From(rules, regime));
            var input = ClaimInputFrom(approved, granted, reservation, aid);
            var rulesEngine = engines.ClaimAsync(input).AsTask().GetAwaiter().GetResult();
            var nrules = nrulesEngine.Claim(input);
            var name = $"claim of {approved} with {granted} granted at intensity {rules.Promotion.SupportIntensity}";
            Agree(name, pimex.Reasons, plain.Reasons, rulesEngine.Reasons, nrules.Reasons);
            Agree(name, pimex.Granted.Amount, plain.Granted, rulesEngine.Granted, nrules.Granted);
        }
    }

    /// <summary>The engines' input for a claim.</summary>
    /// <param name="approved">The approved amount.</param>
    /// <param name="alreadyGranted">Support already granted.</param>
    /// <param name="reservationLeft">The reservation left.</param>
    /// <param name="aid">The aid received.</param>
    /// <returns>The input.</returns>
    public static ClaimInput ClaimInputFrom(Money approved, Money alreadyGranted, Money reservationLeft, AidReceived[] aid) => new()
    {
        Approved = approved.Amount,
        AlreadyGranted = alreadyGranted.Amount,
        ReservationLeft = reservationLeft.Amount,
        AidReceived = [.. aid.Select(AidInput.From)],
        GrantDate = Eur.ToDateTime(ClaimCase.GrantDate),
    };

    private static IEnumerable<(CompanyApplication Application, LocalDate AppliedOn, int Admitted, Money Available)> AdmissionCases()
    {
        var ok = AdmissionCase.Application;
        yield return (ok, AdmissionCase.AppliedOn, AdmissionCase.AdmittedSoFar, AdmissionCase.ActionsAvailable);
        yield return (ok with { Region = "ES30" }, new LocalDate(2016, 3, 16), 30, Eur.Of(2_000m));
        yield return (ok, new LocalDate(2016, 1, 14), 29, Eur.Of(2_500m));
        var large = ok with
        {
            Profile = ok.Profile with { Own = new EnterpriseFigures(200m, Eur.Of(30_000_000m), Eur.Of(30_000_000m)) },
            DeclaredAid = new([new AidReceived(Eur.Of(197_500m), new LocalDate(2014, 1, 1), "Junta de Extremadura")]),
        };
        yield return (large, AdmissionCase.AppliedOn, 0, AdmissionCase.ActionsAvailable);
        var almost = ok with { DeclaredAid = new([new AidReceived(Eur.Of(197_057.33m), new LocalDate(2016, 3, 20), "ICEX"), new AidReceived(Eur.Of(1m), new LocalDate(2016, 3, 21), "Later")]) };
        yield return (almost, AdmissionCase.AppliedOn, 0, AdmissionCase.ActionsAvailable);
        yield return (almost with { DeclaredAid = new([.. almost.DeclaredAid, new AidReceived(Eur.Of(0.01m), new LocalDate(2014, 1, 1), "ICEX")]) }, AdmissionCase.AppliedOn, 0, AdmissionCase.ActionsAvailable);
    }

    private static IEnumerable<(RuleSet Rules, Money Approved, Money AlreadyGranted, AidReceived[] Aid)> ClaimCases()
    {
        var rules = ClaimCase.Rules;
        var eighty = rules with { Promotion = rules.Promotion with { SupportIntensity = Rate.FromPercent(80m) } };
        yield return (rules, ClaimCase.Approved, ClaimCase.AlreadyGranted, ClaimCase.AidReceived);
        yield return (rules, Eur.Of(300m), Eur.Of(1_000m), ClaimCase.AidReceived);
        yield return (eighty, Eur.Of(333.33m), Eur.Of(0m), ClaimCase.AidReceived);
        yield return (eighty, Eur.Of(3_333.33m), Eur.Of(200m), ClaimCase.AidReceived);
        yield return (rules, Eur.Of(900m), Eur.Of(0m), [new AidReceived(Eur.Of(199_800m), new LocalDate(2014, 1, 1), "ICEX")]);
        yield return (rules, Eur.Of(900m), Eur.Of(2_600m), [new AidReceived(Eur.Of(250_000m), new LocalDate(2016, 12, 1), "ICEX")]);
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
