namespace Pimex.Localisation;

/// <summary>
/// A human label of a code the rulebook or a ledger uses (a survey question such as
/// <c>promotionSupport</c>, an expense category such as <c>tradeFair</c>) in one language.
/// </summary>
/// <param name="Code">The code.</param>
/// <param name="Language">The language's code: <c>en</c>, <c>es</c> or <c>sl</c>.</param>
/// <param name="Text">The label.</param>
public sealed record ReportLabel(string Code, string Language, string Text);
