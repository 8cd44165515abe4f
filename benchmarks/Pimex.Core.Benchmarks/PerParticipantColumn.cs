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
public sealed class PerParticipantColumn() : PerParameterColumn("Participants", "Per participant", "Mean divided by the number of participants");

/// <summary>Adds the <see cref="PerCommandColumn"/> to a benchmark class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PerCommandAttribute : Attribute, IConfigSource
{
    /// <inheritdoc />
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn(new PerCommandColumn());
}

/// <summary>
/// The mean time divided by the <c>Commands</c> parameter: constant when the time grows
/// linearly with the number of commands.
/// </summary>
public sealed class PerCommandColumn() : PerParameterColumn("Commands", "Per command", "Mean divided by the number of commands");

/// <summary>The mean time divided by an integer parameter of the benchmark (the size it runs over).</summary>
/// <param name="parameter">The parameter's name.</param>
/// <param name="columnName">The column's header.</param>
/// <param name="legend">The column's legend.</param>
public abstract class PerParameterColumn(string parameter, string columnName, string legend) : MeanDerivedColumn(columnName, UnitType.Time, legend)
{
    /// <inheritdoc />
    protected override string? Format(BenchmarkCase benchmarkCase, double meanNanoseconds) =>
        benchmarkCase.Parameters[parameter] is int units && units > 0
            ? (meanNanoseconds / units).ToString("N1", CultureInfo.InvariantCulture) + " ns"
            : null;
}
