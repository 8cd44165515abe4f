using Ardalis.Result;
using BenchmarkDotNet.Attributes;
using Pimex.Admission;
using Pimex.Benchmarks.Comparison;
using Pimex.Benchmarks.Fixtures;
using Pimex.Rulebooks;

namespace Pimex.Benchmarks;

/// <summary>
/// Getting from rules as text to a first answer, in a warm process (the code already compiled by
/// the JIT): loading and validating the rulebook from JSON, against building a new Microsoft
/// RulesEngine with the admission workflow and evaluating it once (its lambda expressions are
/// parsed and compiled on that first evaluation) and compiling the NRules rules into a session
/// factory and evaluating them once. <see cref="ColdStartBenchmarks"/> measures the same in a
/// fresh process.
/// </summary>
[MemoryDiagnoser]
public class RulesSetupBenchmarks
{
    private static readonly string Json = Rulebook.Extremadura.ToJson();
    private static readonly AdmissionLimits Limits = Implementations.EngineAdmissionLimits;
    private static readonly ClaimLimits ClaimLimits = Implementations.EngineClaimLimits;
    private static readonly AdmissionInput Input = AdmissionInput.From(AdmissionCase.Application, AdmissionCase.AppliedOn, AdmissionCase.DecisionDate, AdmissionCase.AdmittedSoFar, AdmissionCase.ActionsAvailable.Amount);

    [Benchmark]
    public Result<Rulebook> RulebookLoad() => Rulebook.Load(Json);

    [Benchmark(Baseline = true)]
    public AdmissionRulesBroken RulesEngineBuildAndFirstEvaluation() => new RulesEngineChecks(Limits, ClaimLimits).AdmissionAsync(Input).AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public AdmissionRulesBroken NRulesCompileAndFirstEvaluation() => new NRulesChecks(Limits, ClaimLimits).Admission(Input);
}
