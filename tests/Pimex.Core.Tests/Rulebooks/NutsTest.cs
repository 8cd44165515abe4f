using FsCheck.Xunit;
using Pimex.Rulebooks;

namespace Pimex.Core.Tests.Rulebooks;

/// <summary>NUTS codes (Regulation (EC) No 1059/2003, annex I) and versions, as a rulebook writes them.</summary>
public sealed class NutsTest
{
    [Theory]
    [InlineData("ES", true)]
    [InlineData("ES4", true)]
    [InlineData("ES43", true)]
    [InlineData("SI032", true)]
    [InlineData("PL514", true)]
    [InlineData("ESZZZ", true)]
    [InlineData("EL30", true)]
    [InlineData("E", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("es43", false)]
    [InlineData("Es43", false)]
    [InlineData("eS43", false)]
    [InlineData("4S43", false)]
    [InlineData("E443", false)]
    [InlineData("ES432A", false)]
    [InlineData("ES 43", false)]
    [InlineData("ES4-", false)]
    [InlineData("ES43a", false)]
    [InlineData("ÉS43", false)]
    [InlineData("ES4٣", false)]
    public void IsWellFormedCode_IsTwoCapitalLettersThenUpToThreeCapitalsOrDigits(string? code, bool expected) =>
        Assert.Equal(expected, Nuts.IsWellFormedCode(code));

    [Theory]
    [InlineData("NUTS 2021", true)]
    [InlineData("NUTS 1999", true)]
    [InlineData("NUTS 202", false)]
    [InlineData("NUTS 20211", false)]
    [InlineData("NUTS  021", false)]
    [InlineData("nuts 2021", false)]
    [InlineData("NUTS-2021", false)]
    [InlineData("NUTS 202A", false)]
    [InlineData("NUTS A021", false)]
    [InlineData("NUTS 2A21", false)]
    [InlineData("NUTS 20A1", false)]
    [InlineData("XUTS 2021", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsWellFormedVersion_IsNutsAndAFourDigitYear(string? version, bool expected) =>
        Assert.Equal(expected, Nuts.IsWellFormedVersion(version));

    [Theory]
    [InlineData("PL51", "PL514", true)]
    [InlineData("PL51", "PL51", true)]
    [InlineData("PL", "PL514", true)]
    [InlineData("PL51", "PL5", false)]
    [InlineData("PL51", "PL52", false)]
    [InlineData("PL51", "pl514", false)]
    [InlineData("ES43", "SI032", false)]
    public void Covers_IsTheCodeOrOneInsideIt(string within, string region, bool expected) =>
        Assert.Equal(expected, Nuts.Covers(within, region));

    [Fact]
    public void Covers_WhenAnArgumentIsNull_Throws()
    {
        Assert.Equal("within", Assert.Throws<ArgumentNullException>(() => Nuts.Covers(null!, "ES43")).ParamName);
        Assert.Equal("region", Assert.Throws<ArgumentNullException>(() => Nuts.Covers("ES43", null!)).ParamName);
    }

    // A code covers itself and every code that extends it, and no shorter code (the levels nest).
    [Property(MaxTest = 200)]
    public bool Covers_ACodeAndAnyExtensionOfIt_ButNotItsParent(byte a, byte b, byte c)
    {
        const string characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var code = "PL" + characters[a % characters.Length];
        var inside = code + characters[b % characters.Length] + characters[c % characters.Length];
        return Nuts.IsWellFormedCode(code) && Nuts.IsWellFormedCode(inside)
            && Nuts.Covers(code, code) && Nuts.Covers(code, inside) && !Nuts.Covers(inside, code);
    }
}
