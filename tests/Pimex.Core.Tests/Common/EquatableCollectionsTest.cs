using Pimex.Common;
using Pimex.Tests.Support;

namespace Pimex.Tests.Common;

/// <summary>
/// The collections the aggregates hold compare by content, so that two aggregates rebuilt from
/// the same events are equal.
/// </summary>
public class EquatableCollectionsTest
{
    private static EquatableDictionary<string, int> Map(params (string Key, int Value)[] entries)
    {
        var map = default(EquatableDictionary<string, int>);
        foreach (var (key, value) in entries)
        {
            map = map.SetItem(key, value);
        }

        return map;
    }

    [Fact]
    public void Equals_WhenSameEntriesInAnotherOrder_AreEqual()
    {
        var map = Map(("a", 1), ("b", 2));

        EqualityContract.AssertEquality(map, Map(("b", 2), ("a", 1)), Map(("a", 1), ("b", 3)));
        EqualityContract.AssertEquality(map, Map(("b", 2), ("a", 1)), Map(("a", 1), ("c", 2)));
        EqualityContract.AssertEquality(map, Map(("b", 2), ("a", 1)), Map(("a", 1)));
        EqualityContract.AssertEquality(map, Map(("b", 2), ("a", 1)), map.Remove("b").SetItem("b", 20));
    }

    [Fact]
    public void Contains_WhenTheItemIsThereOrNot_SaysSo()
    {
        var sessions = new EquatableArray<string>(["S1", "S2"]);

        Assert.True(sessions.Contains("S2"));
        Assert.False(sessions.Contains("s2"));
        Assert.False(default(EquatableArray<string>).Contains("S1"));
    }

    [Fact]
    public void Equals_WhenArraysHoldTheSameItemsInOrder_AreEqual()
    {
        var array = new EquatableArray<int>([1, 2, 3]);

        EqualityContract.AssertEquality(array, new EquatableArray<int>([1, 2, 3]), new EquatableArray<int>([3, 2, 1]));
        EqualityContract.AssertEquality(array, new EquatableArray<int>([1, 2, 3]), new EquatableArray<int>([1, 2]));
        EqualityContract.AssertEquality(default, new EquatableArray<int>([]), array);
    }

    [Fact]
    public void GetHashCode_WhenContentsDiffer_Spreads()
    {
        var arrays = Enumerable.Range(0, 100).Select(i => new EquatableArray<int>([i, i * 7])).Select(a => a.GetHashCode());
        var maps = Enumerable.Range(0, 100).Select(i => Map(("k", i), ("j", i * 7))).Select(m => m.GetHashCode());

        Assert.True(arrays.Distinct().Count() >= 90, "arrays of different items should rarely share a hash code");
        Assert.True(maps.Distinct().Count() >= 90, "maps of different entries should rarely share a hash code");
    }

    [Fact]
    public void CollectionExpression_WhenItBuildsAnArray_EqualsTheArrayOfTheSameItems()
    {
        EquatableArray<string> markets = ["PT", "FR"];
        EquatableArray<string> none = [];

        Assert.Equal(new EquatableArray<string>(["PT", "FR"]), markets);
        Assert.Equal(default, none);
        Assert.Equal("PT, FR", markets.ToString());
    }

    [Fact]
    public void ToString_WhenAMapHoldsEntries_ListsThemByKey()
    {
        Assert.Equal("{a: 1, b: 2}", Map(("b", 2), ("a", 1)).ToString());
        Assert.Equal("{}", default(EquatableDictionary<string, int>).ToString());
    }

    [Fact]
    public void Constructor_WhenGivenEntries_KeepsTheLastValueOfAKeyGivenTwice()
    {
        var map = new EquatableDictionary<string, int>([new("a", 1), new("b", 2), new("a", 3)]);

        Assert.Equal(Map(("a", 3), ("b", 2)), map);
    }
}
