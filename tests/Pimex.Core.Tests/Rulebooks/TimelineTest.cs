using FsCheck.Xunit;
using NodaTime;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]
public class TimelineTest
{
    private static readonly Timeline<string> Regimes = Timeline.Of(
    [
        new TimelineEntry<string>(new LocalDate(2014, 1, 1), "EU 1407/2013", "art. 3(2)"),
        new TimelineEntry<string>(new LocalDate(2024, 1, 1), "EU 2023/2831", IsDefault: true),
    ]);

    [Theory]
    [InlineData(2014, 1, 1, "EU 1407/2013")]
    [InlineData(2023, 12, 31, "EU 1407/2013")]
    [InlineData(2024, 1, 1, "EU 2023/2831")]
    [InlineData(2099, 6, 30, "EU 2023/2831")]
    public void TryGetValue_WhenOnOrAfterAnEntry_GivesTheLatestValueNotAfterTheDate(int year, int month, int day, string expected)
    {
        Assert.True(Regimes.TryGetValue(new LocalDate(year, month, day), out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryGetValue_WhenBeforeTheFirstEntry_IsFalse()
    {
        Assert.False(Regimes.TryGetValue(new LocalDate(2013, 12, 31), out _));
        Assert.False(Regimes.TryGetEntry(new LocalDate(2013, 12, 31), out var entry));
        Assert.Null(entry);
    }

    [Fact]
    public void TryGetEntry_WhenInForce_GivesItsSourceAndDefaultFlag()
    {
        Assert.True(Regimes.TryGetEntry(new LocalDate(2016, 1, 1), out var entry));
        Assert.Equal("art. 3(2)", entry.Source);
        Assert.False(entry.IsDefault);
        Assert.True(Regimes.TryGetEntry(new LocalDate(2025, 1, 1), out var later));
        Assert.True(later.IsDefault);
    }

    [Fact]
    public void Starting_WhenOneValue_HoldsOneEntry()
    {
        var timeline = Timeline.Starting(new LocalDate(2002, 1, 1), 3, "sheet");

        var entry = Assert.Single(timeline.Entries);
        Assert.Equal(new TimelineEntry<int>(new LocalDate(2002, 1, 1), 3, "sheet"), entry);
    }

    [Fact]
    public void Of_WhenNoEntry_Throws()
    {
        Assert.Throws<ArgumentException>(() => Timeline.Of(Array.Empty<TimelineEntry<int>>()));
    }

    [Fact]
    public void Of_WhenDatesDoNotStrictlyIncrease_Throws()
    {
        var day = new LocalDate(2020, 1, 1);

        Assert.Throws<ArgumentException>(() => Timeline.Of([new TimelineEntry<int>(day, 1), new TimelineEntry<int>(day, 2)]));
        Assert.Throws<ArgumentException>(() => Timeline.Of([new TimelineEntry<int>(day, 1), new TimelineEntry<int>(day.PlusDays(-1), 2)]));
    }

    [Fact]
    public void Equals_WhenEntriesAreEqual_IsTrueAndOtherwiseFalse()
    {
        var day = new LocalDate(2020, 1, 1);
        var one = Timeline.Starting(day, 1, "a");

        Assert.Equal(one, Timeline.Starting(day, 1, "a"));
        Assert.Equal(one.GetHashCode(), Timeline.Starting(day, 1, "a").GetHashCode());
        Assert.NotEqual(one, Timeline.Starting(day, 1, "b"));
        Assert.NotEqual(one, Timeline.Starting(day, 2, "a"));
        Assert.NotEqual(one, Timeline.Starting(day.PlusDays(1), 1, "a"));
        Assert.False(one.Equals(null));
    }

    [Property]
    public bool OnPicksTheLatestValueNotAfterTheDate(Timeline<int> timeline, LocalDate date)
    {
        var expected = timeline.Entries.LastOrDefault(e => e.From <= date);
        return timeline.TryGetEntry(date, out var entry)
            ? entry == expected
            : expected is null;
    }

    [Property]
    public bool EachEntryIsInForceFromItsFirstDayUntilTheNextStarts(Timeline<int> timeline)
    {
        var entries = timeline.Entries;
        return entries.Select((entry, i) =>
                timeline.TryGetEntry(entry.From, out var first) && first == entry
                && (i == 0 ? !timeline.TryGetEntry(entry.From.PlusDays(-1), out _) : timeline.TryGetEntry(entry.From.PlusDays(-1), out var before) && before == entries[i - 1]))
            .All(ok => ok);
    }
}
