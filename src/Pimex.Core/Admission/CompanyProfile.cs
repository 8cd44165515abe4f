using Pimex.Common;

namespace Pimex.Admission;

/// <summary>
/// What an applicant declares for the SME test: its own figures and the enterprises it is
/// related to by shareholding. Check it with <see cref="CompanyProfileRules.Validate"/>, then
/// classify it with <see cref="SmeTest.Assess"/>.
/// </summary>
/// <param name="Own">The applicant's own figures.</param>
/// <param name="Related">The enterprises related to it by shareholding (any share: those below
/// the partner threshold are ignored by the test, so declaring them is harmless).</param>
public sealed record CompanyProfile(EnterpriseFigures Own, EquatableArray<RelatedEnterprise> Related);
