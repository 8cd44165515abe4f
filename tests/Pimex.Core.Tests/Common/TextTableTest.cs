using Pimex.Common;

namespace Pimex.Tests.Common;

public class TextTableTest
{
    [Fact]
    public void Render_WhenNoRows_IsEmpty()
    {
        Assert.Equal(string.Empty, TextTable.Render([]));
    }

    [Fact]
    public void Render_WhenRowsAreShorterThanTheWidest_PadsThemWithEmptyCells()
    {
        var text = TextTable.Render(
        [
            ["line", "amount"],
            ["actions", "EUR 1.00", "note"],
            ["all"],
        ]);

        Assert.Equal(
            "line     amount    \n"
            + "-------  --------  ----\n"
            + "actions  EUR 1.00  note\n"
            + "all                \n",
            text);
    }

    [Fact]
    public void Render_WhenNull_Throws()
    {
        Assert.Throws<ArgumentNullException>("rows", () => TextTable.Render(null!));
    }
}

public class DomainErrorsTest
{
    [Fact]
    public void Codes_WhenErrorsAreCoded_ReadsTheCodeBeforeTheColon()
    {
        var result = Ardalis.Result.Result.Conflict(DomainErrors.Coded("PIMEX-VER-001", "stale: reload"), "no code here", ": empty code");

        Assert.Equal(["PIMEX-VER-001"], result.Codes());
    }

    [Fact]
    public void Codes_WhenSuccess_IsEmpty()
    {
        Assert.Empty(Ardalis.Result.Result.Success().Codes());
    }
}
