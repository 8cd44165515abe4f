using Ardalis.Result;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Pimex.Rulebooks;

namespace Pimex.Benchmarks;

/// <summary>
/// The rulebook, warm: loading and validating the Extremadura rulebook from its JSON (every
/// parameter's timeline, every annuity), writing it back, and asking for the rules in force on a
/// date (what every command does first): <c>On</c> answers from the rules prepared once per period
/// between change dates, side by side with <c>Compose</c>, which builds them from every timeline on
/// each call (what <c>On</c> did before).
/// </summary>
[MemoryDiagnoser]
public class RulebookBenchmarks
{
    private static readonly string Json = Rulebook.Extremadura.ToJson();
    private static readonly Rulebook Extremadura = Rulebook.Extremadura;
    private static readonly LocalDate RulesDate = new(2016, 1, 15);

    [Benchmark]
    public Result<Rulebook> Load() => Rulebook.Load(Json);

    [Benchmark]
    public string ToJson() => Extremadura.ToJson();

    [Benchmark]
    public Result<RuleSet> On() => Extremadura.On(RulesDate);

    [Benchmark]
    public Result<RuleSet> Compose() => Extremadura.Compose(RulesDate);
}
