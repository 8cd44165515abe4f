using BenchmarkDotNet.Running;
using Pimex.Benchmarks;

// Runs the benchmarks the arguments select (BenchmarkDotNet's switcher: --filter, --job,
// --list...). Exits with 1 when a selected benchmark failed to build, threw or produced no
// measurement, so that CI's smoke run (.ci/bench-smoke) fails loudly.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return RunOutcome.ExitCode(summaries);
