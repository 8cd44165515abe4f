using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Pimex.Benchmarks;

/// <summary>
/// A custom column computed from a benchmark's mean time: the boilerplate of
/// <see cref="IColumn"/> once, the figure in each subclass.
/// </summary>
/// <param name="columnName">The column's header.</param>
/// <param name="unitType">The unit of the figure.</param>
/// <param name="legend">What the figure is.</param>
public abstract class MeanDerivedColumn(string columnName, UnitType unitType, string legend) : IColumn
{
    /// <inheritdoc />
    public string Id => GetType().Name;

    /// <inheritdoc />
    public string ColumnName => columnName;

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => unitType;

    /// <inheritdoc />
    public string Legend => legend;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? Format(benchmarkCase, mean.Value) ?? "NA" : "NA";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>The figure for one benchmark case, or null when it has none.</summary>
    /// <param name="benchmarkCase">The case.</param>
    /// <param name="meanNanoseconds">Its mean time, in nanoseconds (positive).</param>
    /// <returns>The formatted figure, or null.</returns>
    protected abstract string? Format(BenchmarkCase benchmarkCase, double meanNanoseconds);
}
