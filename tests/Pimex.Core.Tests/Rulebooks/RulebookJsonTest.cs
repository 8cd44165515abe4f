using System.Reflection;
using Ardalis.Result;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>Laws of the JSON form: round trips, and loading never throws nor half-loads.</summary>
[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]
public class RulebookJsonTest
{
    private static readonly HashSet<string> Codes =
    [
        .. typeof(RulebookErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!),
    ];

    [Fact]
    public void ToJson_WhenAPartnerIsWritten_GivesABaseRulebookThatNamesItsOrigin()
    {
        var partner = Rulebook.Load(RulebookJsonEdits.Partner(p => p.Override("commitment.tutorials", 4)), Rulebook.Extremadura).Value;

        var flat = Rulebook.Load(partner.ToJson());

        Assert.True(flat.IsSuccess);
        Assert.Equal(partner, flat.Value);
        Assert.Equal("extremadura", flat.Value.BasedOn);
        Assert.Contains("\"basedOn\": \"extremadura\"", partner.ToJson(), StringComparison.Ordinal);
    }

    [Property]
    public bool ARulebookSurvivesAJsonRoundTrip(PartnerRulebookJson partnerJson)
    {
        var rulebook = Rulebook.Load(partnerJson.Json, Rulebook.Extremadura).Value;

        var again = Rulebook.Load(rulebook.ToJson());

        return again.IsSuccess && again.Value.Equals(rulebook) && again.Value.ToJson() == rulebook.ToJson();
    }

    [Property]
    public Property LoadingNeverThrowsAndNeverHalfLoads() =>
        Prop.ForAll(PimexArbitraries.MangledRulebookJsonGen.ToArbitrary(), json =>
        {
            var result = Rulebook.Load(json);
            if (result.IsSuccess)
            {
                return Rulebook.Load(result.Value.ToJson()).Value.Equals(result.Value);
            }

            return result.Status == ResultStatus.Invalid
                && result.Value is null
                && result.ValidationErrors.Any()
                && result.ValidationErrors.All(e => Codes.Contains(e.ErrorCode) && e.Identifier.StartsWith('$'));
        });
}
