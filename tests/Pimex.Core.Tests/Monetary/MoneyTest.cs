using System.Globalization;
using FsCheck.Xunit;
using Pimex.Monetary;
using Pimex.Tests.Support;

namespace Pimex.Tests.Monetary;

/// <summary>Tests of <see cref="Money"/>, split by aspect into partial files.</summary>
[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]
public partial class MoneyTest
{
    private static readonly Currency JPY = Currency.FromCode("JPY");
    private static readonly Currency BHD = Currency.FromCode("BHD");

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static Money Gbp(decimal amount) => Money.Of(amount, Currency.GBP);

    private static decimal D(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
