namespace Pimex.Common;

/// <summary>
/// Names one business rule a function checks: the error code it refuses with and the rulebook
/// values it reads (a catalogue parameter such as <c>promotion.categories</c>, or a field of the
/// rulebook format such as <c>currency</c> or <c>annuities.YYYY.windows.expenses</c>). Put once per
/// code on the rule function; <c>docs/rules.md</c> is generated from these attributes by a test
/// that checks every code exists and every value named is in the rulebook format.
/// </summary>
/// <param name="code">The error code the rule refuses with.</param>
/// <param name="reads">The rulebook values the rule reads; none for a rule of the input alone.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
internal sealed class RuleAttribute(string code, params string[] reads) : Attribute
{
    /// <summary>The error code.</summary>
    public string Code { get; } = code;

    /// <summary>The rulebook values read, as named in the rulebook format.</summary>
    public IReadOnlyList<string> Reads { get; } = reads;
}

/// <summary>
/// Names one check of a verb's plumbing that refuses before the business rules, at a stage of
/// <see cref="CheckOrder"/> (actor, version, time, final state, the edition given, the
/// aggregate's state, a missing target): listed apart in <c>docs/rules.md</c>.
/// </summary>
/// <param name="stage">The stage of the check.</param>
/// <param name="code">The error code it refuses with.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
internal sealed class PlumbingAttribute(CheckStage stage, string code) : Attribute
{
    /// <summary>The stage of the check.</summary>
    public CheckStage Stage { get; } = stage;

    /// <summary>The error code.</summary>
    public string Code { get; } = code;
}

/// <summary>The concept whose rules a type holds, the heading of its table in <c>docs/rules.md</c>.</summary>
/// <param name="name">The concept, such as <c>Claims</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
internal sealed class RuleConceptAttribute(string name) : Attribute
{
    /// <summary>The concept.</summary>
    public string Name { get; } = name;
}
