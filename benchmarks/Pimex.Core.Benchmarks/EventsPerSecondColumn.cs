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
public sealed class EventsPerSecondColumn(Type fixture)
    : MeanDerivedColumn("Events/s", UnitType.Dimensionless, "Events folded per second: events in one operation / Mean")
{
    /// <inheritdoc />
    protected override string? Format(BenchmarkCase benchmarkCase, double meanNanoseconds)
    {
        var count = (int)fixture.GetMethod("EventCount")!.Invoke(null, [benchmarkCase.Descriptor.WorkloadMethod.Name])!;
        return (count / (meanNanoseconds / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }
}
