using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Pimex.Benchmarks;

/// <summary>
/// The CI smoke mode: when the environment variable <c>PIMEX_BENCH_SMOKE</c> is <c>1</c>, the
/// benchmarks run only with the job given on the command line (CI gives <c>--job Dry</c>), the
/// cold-start class adds no job of its own and the largest report size is left out.
/// </summary>
internal static class SmokeMode
{
    /// <summary>Whether the smoke mode is on.</summary>
    public static bool IsOn => Environment.GetEnvironmentVariable("PIMEX_BENCH_SMOKE") == "1";
}

/// <summary>
/// The cold-start job: <paramref name="launches"/> fresh processes, each measuring one single
/// call with no warm-up. Adds nothing in <see cref="SmokeMode"/>.
/// </summary>
/// <param name="launches">How many processes.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ColdStartJobAttribute(int launches) : Attribute, IConfigSource
{
    /// <summary>How many processes.</summary>
    public int Launches { get; } = launches;

    /// <inheritdoc />
    public IConfig Config { get; } = SmokeMode.IsOn
        ? ManualConfig.CreateEmpty()
        : ManualConfig.CreateEmpty().AddJob(Job.Default
            .WithStrategy(RunStrategy.ColdStart)
            .WithLaunchCount(launches)
            .WithWarmupCount(0)
            .WithIterationCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("ColdStart"));
}

/// <summary>
/// A job for operations of seconds (a million-command ledger): one process, two warm-up and five
/// measured iterations of one operation each, instead of the default job's dozens. Adds nothing
/// in <see cref="SmokeMode"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongOperationJobAttribute : Attribute, IConfigSource
{
    /// <inheritdoc />
    public IConfig Config { get; } = SmokeMode.IsOn
        ? ManualConfig.CreateEmpty()
        : ManualConfig.CreateEmpty().AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("LongOperation"));
}
