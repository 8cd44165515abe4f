using Pimex.Promotion;

namespace Pimex.Tests.Promotion;

public class ExpenseCategoryTest
{
    [Theory]
    [InlineData(true, false, "tradeFair (eligible)")]
    [InlineData(false, false, "tradeFair (not eligible)")]
    [InlineData(true, true, "tradeFair (eligible, export aid)")]
    [InlineData(false, true, "tradeFair (not eligible, export aid)")]
    public void ToString_WhenEligibleOrExportAid_SaysSo(bool eligible, bool exportAid, string expected)
    {
        Assert.Equal(expected, new ExpenseCategory("tradeFair", "Trade fair", eligible, exportAid).ToString());
    }
}
