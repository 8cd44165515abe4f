namespace Pimex.Rulebooks;

/// <summary>
/// The currency a law sets a parameter's amounts in, whatever the rulebook's currency: the SME
/// ceilings and investor-exception amounts of Recommendation 2003/361/EC and the de minimis
/// ceilings are in euros. Declared once, on the parameter (<see cref="ParameterDefinition.FixedCurrency"/>).
/// </summary>
/// <param name="Currency">The currency the law writes the amounts in.</param>
/// <param name="LawKey">The key of the text that fixes it (<c>rulebook.LawKey</c> in the language files), as a clause: "Recommendation 2003/361/EC sets it in euros".</param>
/// <param name="OrRulebookCurrency">Whether the rulebook's own currency is accepted too: a state-aid
/// regime of a national law (the UK's minimal financial assistance, in pounds) is written in its own currency.</param>
internal sealed record LawCurrency(Currency Currency, string LawKey, bool OrRulebookCurrency = false);
