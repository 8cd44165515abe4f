namespace Pimex.Funding;

/// <summary>The share of a budget line's spend that one fund pays (ERDF, ESF, the region...).</summary>
/// <param name="Fund">The fund's name, such as <c>ERDF</c>.</param>
/// <param name="Rate">The co-financing rate.</param>
public sealed record FundShare(string Fund, Rate Rate)
{
    /// <summary>The fund and its rate, such as <c>ERDF 80%</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Fund} {Rate}";
}
