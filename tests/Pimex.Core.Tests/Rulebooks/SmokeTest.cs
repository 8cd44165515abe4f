using Pimex.Rulebooks;

namespace Pimex.Tests.Rulebooks;

public class SmokeTest
{
    [Fact]
    public void Extremadura_Loads()
    {
        var rb = Rulebook.Extremadura;
        Assert.Equal("extremadura", rb.Id);
        var json = rb.ToJson();
        var again = Rulebook.Load(json);
        Assert.True(again.IsSuccess, string.Join("\n", again.ValidationErrors.Select(e => e.Identifier + " " + e.ErrorMessage)));
        Assert.Equal(rb, again.Value);
    }
}
