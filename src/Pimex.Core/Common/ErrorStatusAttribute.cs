namespace Pimex.Common;

/// <summary>
/// The status of the <see cref="Result"/> that carries an error code, and for an
/// <see cref="ResultStatus.Invalid"/> code the identifiers its validation errors name: put on
/// each code's constant (<c>[ErrorStatus(ResultStatus.Invalid, "invoiceDate")] public const
/// string InvoiceOutsideWindow = ...</c>), so that a host can map a code to a response and a
/// field without running the command, and <c>docs/errors.md</c> is generated from it.
/// </summary>
/// <remarks>
/// <para>A code is always carried with the same status, and its validation errors name one of
/// the declared identifiers: the model-based test, the rulebook fuzz and the rule tests check
/// every refusal they see against this attribute.</para>
/// <para>In an identifier, <c>[i]</c> stands for any position in a list
/// (<c>declaredAid[i].amount</c> for <c>declaredAid[2].amount</c>) and <c>*</c> for any text
/// (<c>$.parameters.*</c> for a JSON path under <c>parameters</c>, <c>*.Name</c> for the name
/// of a related enterprise at any depth).</para>
/// </remarks>
/// <param name="status">The status: <see cref="ResultStatus.Invalid"/> for a broken rule or bad
/// input, <see cref="ResultStatus.Conflict"/> for a clash with the current state,
/// <see cref="ResultStatus.Forbidden"/> for the wrong actor, <see cref="ResultStatus.NotFound"/>
/// for a missing target.</param>
/// <param name="identifiers">For an <see cref="ResultStatus.Invalid"/> code, what its validation
/// errors are about (<see cref="ValidationError.Identifier"/>): field names or JSON paths, with
/// <c>[i]</c> and <c>*</c> as above. The other statuses carry plain messages and declare none.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ErrorStatusAttribute(ResultStatus status, params string[] identifiers) : Attribute
{
    /// <summary>The status of the results that carry the code.</summary>
    public ResultStatus Status { get; } = status;

    /// <summary>What the code's validation errors are about (<see cref="ValidationError.Identifier"/>), as declared; empty for a status other than <see cref="ResultStatus.Invalid"/>.</summary>
    public IReadOnlyList<string> Identifiers { get; } = identifiers;
}
