using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Pimex.Benchmarks;

/// <summary>
/// Marks a replay benchmark with the number of events one operation folds, for the
/// <see cref="EventsPerSecondColumn"/>.
/// </summary>
/// <param name="fixture">A type with a static <c>EventCount(string method)</c>.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EventsPerSecondAttribute(Type fixture) : Attribute, IConfigSource
{
    /// <summary>The type that counts the events of each benchmark method.</summary>
    public Type Fixture { get; } = fixture;

    /// <inheritdoc />
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn(new EventsPerSecondColumn(fixture));
}

/// <summary>Events folded per second: the events of one operation divided by its mean time.</summary>
/// <param name="fixture">A type with a static <c>EventCount(string method)</c>.</param>
public sealed class EventsPerSecondColumn(Type fixture) : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(EventsPerSecondColumn);

    /// <inheritdoc />
    public string ColumnName => "Events/s";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Events folded per second: events in one operation / Mean";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not > 0)
        {
            return "NA";
        }

        var count = (int)fixture.GetMethod("EventCount")!.Invoke(null, [benchmarkCase.Descriptor.WorkloadMethod.Name])!;
        return (count / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
