using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Cli.Tests;

/// <summary>
/// One home for the text of amounts and rates: the tool's ledger reader and the library's
/// rulebook reader read an amount or a percentage exactly when <see cref="Money.TryParse(string?, out Money)"/>
/// and <see cref="Rate.TryParse"/> do (issue 20: "EUR 2500.005" was rounded by one and refused by the other).
/// </summary>
public class AmountTextTest
{
    [Theory]
    [InlineData("EUR 2500.005", false)]
    [InlineData("EUR 2500.000", true)]
    [InlineData("EUR 2500", true)]
    [InlineData("EUR 1000000000000000.00", true)]
    [InlineData("EUR 1000000000000000.01", false)]
    [InlineData("EUR +2500.00", false)]
    public void BothReaders_WhenGivenTheSameAmount_AgreeWithMoneyTryParse(string text, bool read)
    {
        Assert.Equal(read, Money.TryParse(text, out _));
        Assert.Equal(read, LedgerReads(text));
        Assert.Equal(read, RulebookReads(text));
    }

    [Theory]
    [InlineData("30%", true)]
    [InlineData("30.125%", true)]
    [InlineData("+30%", false)]
    [InlineData("-0%", false)]
    [InlineData("30 %", false)]
    public void BothReaders_WhenGivenTheSamePercentage_AgreeWithRateTryParse(string text, bool read)
    {
        Assert.Equal(read, Rate.TryParse(text, out _));
        Assert.Equal(read, LedgerReadsShare(text));
        Assert.Equal(read, RulebookReadsRate(text));
    }

    [Property(MaxTest = 200)]
    public Property BothReaders_ReadAnAmountExactlyWhenMoneyTryParseDoes() =>
        Prop.ForAll(AmountTexts.ToArbitrary(), text =>
        {
            var read = Money.TryParse(text, out _);
            return LedgerReads(text) == read && RulebookReads(text) == read;
        });

    private static Gen<string> AmountTexts =>
        from units in Gen.Choose(0, 10_000_000)
        from scale in Gen.Choose(0, 4)
        from big in Gen.Elements(0m, Money.MaxAmount - 1m, Money.MaxAmount)
        from form in Gen.Elements("{0}", "{0}0", "+{0}", "{0} ", "{0:0.00}")
        select "EUR " + string.Format(CultureInfo.InvariantCulture, form, big + (units / (decimal)Math.Pow(10, scale)));

    private static bool LedgerReads(string amount)
    {
        var line = Fixtures.Claim("C1", "F-1", amount);
        var read = LedgerReader.Read(Fixtures.Ledger(line));
        return read.IsSuccess;
    }

    private static bool LedgerReadsShare(string share)
    {
        var line = $"{{\"command\":\"apply\",\"at\":\"2016-02-01T10:00:00Z\",{Fixtures.Manager},\"company\":\"B1\",\"region\":\"ES43\",\"staff\":12,\"turnover\":\"EUR 1.00\",\"balanceSheet\":\"EUR 1.00\",\"related\":[{{\"name\":\"P\",\"share\":\"{share}\",\"staff\":1,\"turnover\":\"EUR 1.00\",\"balanceSheet\":\"EUR 1.00\"}}]}}";
        return LedgerReader.Read(Fixtures.Ledger(line)).IsSuccess;
    }

    private static bool RulebookReads(string amount) =>
        Rulebook.Load(Partner("\"promotion\":{\"capPerCompany\":[{\"from\":\"2002-01-01\",\"value\":\"" + amount + "\"}]}"), Rulebook.Extremadura).IsSuccess;

    private static bool RulebookReadsRate(string rate) =>
        Rulebook.Load(Partner("\"promotion\":{\"supportIntensity\":[{\"from\":\"2002-01-01\",\"value\":\"" + rate + "\"}]}"), Rulebook.Extremadura).IsSuccess;

    private static string Partner(string overrides) =>
        "{\"id\":\"partner\",\"name\":\"A partner region\",\"extends\":\"extremadura\",\"overrides\":{" + overrides + "}}";
}
