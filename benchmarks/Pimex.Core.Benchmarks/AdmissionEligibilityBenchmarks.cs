using BenchmarkDotNet.Attributes;
using NodaTime;
using Pimex.Admission;
using Pimex.Benchmarks.Comparison;
using Pimex.Benchmarks.Fixtures;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Benchmarks;

/// <summary>
/// One admission eligibility decision (capacity, applications window, region, SME test with
/// linked and partner consolidation, state-aid ceiling within the look-back, actions line),
/// with the rules read once from the Extremadura rulebook, four ways: the hand-written baseline,
/// Pimex.Core, Microsoft RulesEngine and NRules.
/// </summary>
[MemoryDiagnoser]
public class AdmissionEligibilityBenchmarks
{
    private static readonly CompanyApplication Application = AdmissionCase.Application;
    private static readonly LocalDate AppliedOn = AdmissionCase.AppliedOn;
    private static readonly LocalDate DecisionDate = AdmissionCase.DecisionDate;
    private static readonly RuleSet Rules = AdmissionCase.Rules;
    private static readonly AidRegime Regime = AdmissionCase.Regime;
    private static readonly AnnuityRules Annuity = AdmissionCase.Annuity;
    private static readonly int AdmittedSoFar = AdmissionCase.AdmittedSoFar;
    private static readonly Money ActionsAvailable = AdmissionCase.ActionsAvailable;
    private static readonly PlainAdmissionLimits PlainLimits = Implementations.PlainAdmissionLimits;
    private static readonly PlainApplication PlainApplication = PlainApplication.From(Application);
    private static readonly AdmissionInput EngineInput = AdmissionInput.From(Application, AppliedOn, DecisionDate, AdmittedSoFar, ActionsAvailable.Amount);

    /// <summary>Builds the engines and checks that all four implementations decide alike.</summary>
    [GlobalSetup]
    public void CheckTheyAgree() => Implementations.CheckTheyAgree();

    [Benchmark(Baseline = true)]
    public PlainAdmissionCheck HandWritten() => Comparison.HandWritten.Admission(in PlainLimits, in PlainApplication, AppliedOn, DecisionDate, AdmittedSoFar, ActionsAvailable.Amount);

    [Benchmark]
    public AdmissionCheck PimexCore() => AdmissionEligibility.Evaluate(Application, AppliedOn, DecisionDate, Rules, Regime, Annuity, AdmittedSoFar, ActionsAvailable);

    [Benchmark]
    public ValueTask<AdmissionRulesBroken> RulesEngine() => Implementations.RulesEngine.AdmissionAsync(EngineInput);

    [Benchmark]
    public AdmissionRulesBroken NRules() => Implementations.NRules.Admission(EngineInput);
}
