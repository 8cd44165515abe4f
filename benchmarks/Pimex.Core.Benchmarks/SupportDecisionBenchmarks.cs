using BenchmarkDotNet.Attributes;
using NodaTime;
using Pimex.Benchmarks.Comparison;
using Pimex.Benchmarks.Fixtures;
using Pimex.Monetary;
using Pimex.Promotion;
using Pimex.StateAid;

namespace Pimex.Benchmarks;

/// <summary>
/// One claim decision: the state-aid headroom within the look-back over the company's aid so
/// far, then the support granted = min(approved x intensity, cap left, reservation left,
/// headroom) with the reasons, with the rules read once from the Extremadura rulebook, four
/// ways: the hand-written baseline, Pimex.Core, Microsoft RulesEngine and NRules.
/// </summary>
[MemoryDiagnoser]
public class SupportDecisionBenchmarks
{
    private static readonly Money Approved = ClaimCase.Approved;
    private static readonly Rate Intensity = ClaimCase.Rules.Promotion.SupportIntensity;
    private static readonly Money Cap = ClaimCase.Rules.Promotion.CapPerCompany;
    private static readonly Money AlreadyGranted = ClaimCase.AlreadyGranted;
    private static readonly Money ReservationLeft = ClaimCase.ReservationLeft;
    private static readonly AidRegime Regime = ClaimCase.Regime;
    private static readonly AidReceived[] AidReceived = ClaimCase.AidReceived;
    private static readonly Money NoNewAid = ClaimCase.NoNewAid;
    private static readonly LocalDate GrantDate = ClaimCase.GrantDate;
    private static readonly PlainClaimLimits PlainLimits = Implementations.PlainClaimLimits;
    private static readonly PlainAid[] PlainAid = [.. AidReceived.Select(PlainApplication.PlainAidFrom)];
    private static readonly ClaimInput EngineInput = Implementations.ClaimInputFrom(Approved, AlreadyGranted, ReservationLeft, AidReceived, GrantDate);

    /// <summary>Builds the engines and checks that all four implementations decide alike.</summary>
    [GlobalSetup]
    public void CheckTheyAgree() => Implementations.CheckTheyAgree();

    [Benchmark(Baseline = true)]
    public PlainClaimDecision HandWritten() => Comparison.HandWritten.Claim(in PlainLimits, PlainAid, Approved.Amount, AlreadyGranted.Amount, ReservationLeft.Amount, GrantDate);

    [Benchmark]
    public SupportDecision PimexCore() => SupportDecision.Decide(Approved, Intensity, Cap, AlreadyGranted, ReservationLeft, AidCeiling.Check(Regime, AidReceived, NoNewAid, GrantDate).Headroom);

    [Benchmark]
    public ValueTask<EngineClaimDecision> RulesEngine() => Implementations.RulesEngine.ClaimAsync(EngineInput);

    [Benchmark]
    public EngineClaimDecision NRules() => Implementations.NRules.Claim(EngineInput);
}
