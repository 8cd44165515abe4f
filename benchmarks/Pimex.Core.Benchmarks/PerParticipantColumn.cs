using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Pimex.Benchmarks;

/// <summary>Adds the <see cref="PerParticipantColumn"/> to a benchmark class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PerParticipantAttribute : Attribute, IConfigSource
{
    /// <inheritdoc />
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn(new PerParticipantColumn());
}

/// <summary>
/// The mean time divided by the <c>Participants</c> parameter: constant when the time grows
/// linearly with the number of participants.
/// </summary>
public sealed class PerParticipantColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(PerParticipantColumn);

    /// <inheritdoc />
    public string ColumnName => "Per participant";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Time;

    /// <inheritdoc />
    public string Legend => "Mean divided by the number of participants";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not > 0 || benchmarkCase.Parameters["Participants"] is not int participants || participants <= 0)
        {
            return "NA";
        }

        return (mean.Value / participants).ToString("N1", CultureInfo.InvariantCulture) + " ns";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
