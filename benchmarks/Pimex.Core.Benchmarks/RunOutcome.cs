using BenchmarkDotNet.Reports;

namespace Pimex.Benchmarks;

/// <summary>The process exit code of a benchmark run.</summary>
internal static class RunOutcome
{
    /// <summary>0 when every selected benchmark ran and measured; 1 otherwise.</summary>
    /// <param name="summaries">The run's summaries.</param>
    /// <returns>The exit code.</returns>
    public static int ExitCode(IEnumerable<Summary> summaries)
    {
        var failed = 0;
        foreach (var summary in summaries)
        {
            if (summary.HasCriticalValidationErrors)
            {
                Console.Error.WriteLine($"{summary.Title}: critical validation errors.");
                failed++;
            }

            foreach (var report in summary.Reports)
            {
                if (!report.Success || report.ResultStatistics is null)
                {
                    Console.Error.WriteLine($"{report.BenchmarkCase.DisplayInfo}: failed.");
                    failed++;
                }
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
