using Ardalis.Result;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;
using Pimex.Admission;
using Pimex.Benchmarks.Comparison;
using Pimex.Benchmarks.Fixtures;
using Pimex.Editions;
using Pimex.Rulebooks;

namespace Pimex.Benchmarks;

/// <summary>
/// The first answer in a fresh process: each launch is a new process that measures one single
/// call, JIT compilation and type loading included (<see cref="RunStrategy.ColdStart"/>, no
/// warm-up, one invocation per launch). Loading and validating the rulebook from JSON, and
/// Pimex.Core's first admission decision (load, rules on the date, decide), against Microsoft
/// RulesEngine's first evaluation of the admission workflow (engine construction, parsing and
/// compiling its lambda expressions, one evaluation) and NRules' (compiling the rules into a
/// session factory, one session, one evaluation).
/// </summary>
/// <remarks>The Pimex.Core setups only read the JSON text from the library's resources (and build
/// the application): they never touch <see cref="Rulebook"/>, so its loader is cold. The engines'
/// setup builds their input objects from the embedded rulebook, which warms code the engines may
/// share with Pimex.Core (collections, LINQ): if anything, in the engines' favour.</remarks>
[MemoryDiagnoser]
[ColdStartJob(launches: 15)]
public class ColdStartBenchmarks
{
    private static readonly LocalDate DecisionDate = new(2016, 3, 20);
    private string json = "";
    private CompanyApplication application = null!;
    private AdmissionLimits limits = null!;
    private ClaimLimits claimLimits = null!;
    private AdmissionInput input = null!;

    /// <summary>Reads the rulebook's JSON from the library's resources, as plain text.</summary>
    [GlobalSetup(Targets = [nameof(RulebookLoad), nameof(PimexFirstDecision)])]
    public void ReadJson()
    {
        using var stream = typeof(AdmissionEligibility).Assembly.GetManifestResourceStream("Pimex.Rulebooks.extremadura.json")!;
        using var reader = new StreamReader(stream);
        json = reader.ReadToEnd();
        application = SampleApplication.Value;
    }

    /// <summary>Builds the engines' input objects.</summary>
    [GlobalSetup(Targets = [nameof(RulesEngineFirstEvaluation), nameof(NRulesFirstEvaluation)])]
    public void BuildEngineInputs()
    {
        limits = Implementations.EngineAdmissionLimits;
        claimLimits = Implementations.EngineClaimLimits;
        input = AdmissionInput.From(AdmissionCase.Application, AdmissionCase.AppliedOn, AdmissionCase.DecisionDate, AdmissionCase.AdmittedSoFar, AdmissionCase.ActionsAvailable.Amount);
    }

    [Benchmark]
    public Result<Rulebook> RulebookLoad() => Rulebook.Load(json);

    [Benchmark]
    public AdmissionRulesBroken PimexFirstDecision() => ColdDecision.Decide(json, application, DecisionDate);

    [Benchmark(Baseline = true)]
    public AdmissionRulesBroken RulesEngineFirstEvaluation() => new RulesEngineChecks(limits, claimLimits).AdmissionAsync(input).AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public AdmissionRulesBroken NRulesFirstEvaluation() => new NRulesChecks(limits, claimLimits).Admission(input);
}
