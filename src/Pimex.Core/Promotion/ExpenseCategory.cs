namespace Pimex.Promotion;

/// <summary>A category of promotion expense, as the rulebook defines it.</summary>
/// <param name="Code">A stable code, such as <c>tradeFair</c>.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Eligible">Whether the programme supports expenses of this category.</param>
/// <param name="ExportAid">
/// Whether support for it is export aid that the de minimis regulations exclude (distribution
/// networks, current export costs); trade fairs and market studies are not.
/// </param>
public sealed record ExpenseCategory(string Code, string Name, bool Eligible, bool ExportAid)
{
    /// <summary>The code and name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Code} ({(Eligible ? "eligible" : "not eligible")}{(ExportAid ? ", export aid" : string.Empty)})";
}
