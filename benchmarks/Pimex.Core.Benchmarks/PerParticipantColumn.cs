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
public sealed class PerParticipantColumn() : MeanDerivedColumn("Per participant", UnitType.Time, "Mean divided by the number of participants")
{
    /// <inheritdoc />
    protected override string? Format(BenchmarkCase benchmarkCase, double meanNanoseconds) =>
        benchmarkCase.Parameters["Participants"] is int participants && participants > 0
            ? (meanNanoseconds / participants).ToString("N1", CultureInfo.InvariantCulture) + " ns"
            : null;
}

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
public sealed class PerCommandColumn() : MeanDerivedColumn("Per command", UnitType.Time, "Mean divided by the number of commands")
{
    /// <inheritdoc />
    protected override string? Format(BenchmarkCase benchmarkCase, double meanNanoseconds) =>
        benchmarkCase.Parameters["Commands"] is int commands && commands > 0
            ? (meanNanoseconds / commands).ToString("N1", CultureInfo.InvariantCulture) + " ns"
            : null;
}
