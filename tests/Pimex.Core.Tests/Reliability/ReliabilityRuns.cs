using System.Globalization;
using FsCheck;

namespace Pimex.Tests.Reliability;

/// <summary>
/// How many cases the reliability properties run: a small number by default (CI, the mutation
/// run), more when an environment variable asks for it (the dedicated runs of
/// <c>docs/reliability.md</c>).
/// </summary>
internal static class ReliabilityRuns
{
    /// <summary>Random command sequences of the model-based test (<c>PIMEX_MODEL_RUNS</c>).</summary>
    public static int ModelSequences => FromEnvironment("PIMEX_MODEL_RUNS", 150);

    /// <summary>Random command sequences of the laws of time (<c>PIMEX_TIME_LAW_RUNS</c>).</summary>
    public static int TimeLawSequences => FromEnvironment("PIMEX_TIME_LAW_RUNS", 100);

    /// <summary>Mutated documents of the fuzz test (<c>PIMEX_FUZZ_RUNS</c>).</summary>
    public static int FuzzCases => FromEnvironment("PIMEX_FUZZ_RUNS", 400);

    /// <summary>Random schedules of the concurrency simulation (<c>PIMEX_CONCURRENCY_RUNS</c>).</summary>
    public static int Schedules => FromEnvironment("PIMEX_CONCURRENCY_RUNS", 200);

    /// <summary>A configuration that runs <paramref name="cases"/> cases and throws on the first failure.</summary>
    /// <param name="cases">How many cases.</param>
    /// <returns>The configuration.</returns>
    public static Config Checking(int cases) =>
        Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true);

    private static int FromEnvironment(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : fallback;
}
