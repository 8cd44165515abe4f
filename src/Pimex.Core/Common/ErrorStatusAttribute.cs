namespace Pimex.Common;

/// <summary>
/// The status of the <see cref="Result"/> that carries an error code: put on each code's
/// constant (<c>[ErrorStatus(ResultStatus.Conflict)] public const string DuplicateInvoice = ...</c>),
/// so that a host can map a code to a response without running the command, and
/// <c>docs/errors.md</c> is generated from it.
/// </summary>
/// <remarks>A code is always carried with the same status; the model-based test checks every
/// refusal it sees against this attribute.</remarks>
/// <param name="status">The status: <see cref="ResultStatus.Invalid"/> for a broken rule or bad
/// input, <see cref="ResultStatus.Conflict"/> for a clash with the current state,
/// <see cref="ResultStatus.Forbidden"/> for the wrong actor, <see cref="ResultStatus.NotFound"/>
/// for a missing target.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ErrorStatusAttribute(ResultStatus status) : Attribute
{
    /// <summary>The status of the results that carry the code.</summary>
    public ResultStatus Status { get; } = status;
}
