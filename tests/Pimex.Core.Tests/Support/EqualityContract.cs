using System.Reflection;

namespace Pimex.Tests.Support;

/// <summary>
/// Checks the whole equality contract of a value type in one call: <c>Equals(T)</c>,
/// <c>Equals(object)</c>, <c>GetHashCode</c>, the <c>==</c> and <c>!=</c> operators and, for
/// ordered types, <c>CompareTo</c> (generic and non-generic) and the four ordering operators.
/// </summary>
internal static class EqualityContract
{
    /// <summary>Asserts that <paramref name="value"/> equals <paramref name="equal"/> and differs from <paramref name="different"/> in every way equality can be asked.</summary>
    public static void AssertEquality<T>(T value, T equal, T different)
        where T : IEquatable<T>
    {
        Assert.True(value.Equals(equal), $"{value}.Equals({equal})");
        Assert.True(equal.Equals(value), $"{equal}.Equals({value})");
        Assert.True(value.Equals(value), $"{value}.Equals(itself)");
        Assert.False(value.Equals(different), $"{value}.Equals({different})");
        Assert.False(different.Equals(value), $"{different}.Equals({value})");

        Assert.True(value.Equals((object)equal), $"{value}.Equals((object){equal})");
        Assert.False(value.Equals((object)different), $"{value}.Equals((object){different})");
        Assert.False(value.Equals((object?)null), $"{value}.Equals(null)");
        Assert.False(value.Equals(new object()), $"{value}.Equals(new object())");

        Assert.Equal(value.GetHashCode(), equal.GetHashCode());

        Assert.True(Operator(typeof(T), "op_Equality", value, equal), $"{value} == {equal}");
        Assert.False(Operator(typeof(T), "op_Equality", value, different), $"{value} == {different}");
        Assert.False(Operator(typeof(T), "op_Inequality", value, equal), $"{value} != {equal}");
        Assert.True(Operator(typeof(T), "op_Inequality", value, different), $"{value} != {different}");
    }

    /// <summary>
    /// Asserts the equality contract and the ordering contract: <paramref name="lesser"/> equals
    /// <paramref name="equalToLesser"/> and both come before <paramref name="greater"/>.
    /// </summary>
    public static void AssertComparison<T>(T lesser, T equalToLesser, T greater)
        where T : IEquatable<T>, IComparable<T>
    {
        AssertEquality(lesser, equalToLesser, greater);

        Assert.Equal(0, lesser.CompareTo(equalToLesser));
        Assert.True(lesser.CompareTo(greater) < 0, $"{lesser}.CompareTo({greater}) < 0");
        Assert.True(greater.CompareTo(lesser) > 0, $"{greater}.CompareTo({lesser}) > 0");

        Assert.True(Operator(typeof(T), "op_LessThan", lesser, greater), $"{lesser} < {greater}");
        Assert.False(Operator(typeof(T), "op_LessThan", lesser, equalToLesser), $"{lesser} < {equalToLesser}");
        Assert.False(Operator(typeof(T), "op_LessThan", greater, lesser), $"{greater} < {lesser}");
        Assert.True(Operator(typeof(T), "op_LessThanOrEqual", lesser, equalToLesser), $"{lesser} <= {equalToLesser}");
        Assert.True(Operator(typeof(T), "op_LessThanOrEqual", lesser, greater), $"{lesser} <= {greater}");
        Assert.False(Operator(typeof(T), "op_LessThanOrEqual", greater, lesser), $"{greater} <= {lesser}");
        Assert.True(Operator(typeof(T), "op_GreaterThan", greater, lesser), $"{greater} > {lesser}");
        Assert.False(Operator(typeof(T), "op_GreaterThan", lesser, equalToLesser), $"{lesser} > {equalToLesser}");
        Assert.False(Operator(typeof(T), "op_GreaterThan", lesser, greater), $"{lesser} > {greater}");
        Assert.True(Operator(typeof(T), "op_GreaterThanOrEqual", lesser, equalToLesser), $"{lesser} >= {equalToLesser}");
        Assert.True(Operator(typeof(T), "op_GreaterThanOrEqual", greater, lesser), $"{greater} >= {lesser}");
        Assert.False(Operator(typeof(T), "op_GreaterThanOrEqual", lesser, greater), $"{lesser} >= {greater}");

        if (lesser is IComparable comparable)
        {
            Assert.Equal(0, comparable.CompareTo(equalToLesser));
            Assert.True(comparable.CompareTo(greater) < 0, $"(IComparable){lesser}.CompareTo({greater}) < 0");
            Assert.True(comparable.CompareTo(null) > 0, $"(IComparable){lesser}.CompareTo(null) > 0");
            Assert.Throws<ArgumentException>(() => comparable.CompareTo(new object()));
        }
    }

    private static bool Operator<T>(Type type, string name, T left, T right)
    {
        var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, [type, type]);
        Assert.True(method is not null, $"{type.Name} has no operator {name}.");
        return (bool)method.Invoke(null, [left, right])!;
    }
}
