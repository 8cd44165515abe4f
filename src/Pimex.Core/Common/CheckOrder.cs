namespace Pimex.Common;

/// <summary>
/// The stages of the checks every verb makes, earliest first: a command that fails two checks is
/// refused by the earlier one, with its status and code (<c>docs/architecture.md</c>, "Checks
/// first, in a fixed order"). The reference model of the model-based test walks the same stages.
/// </summary>
internal enum CheckStage
{
    /// <summary>
    /// Who acts (<see cref="ResultStatus.Forbidden"/>): the actor's role (<c>PIMEX-AUTH-001</c>),
    /// then who may act on the target (the assigned technician, <c>PIMEX-PART-005</c>; not the
    /// claim's submitter, <c>PIMEX-PROMO-007</c>).
    /// </summary>
    Actor,

    /// <summary>The expected version (<see cref="ResultStatus.Conflict"/>, <c>PIMEX-VER-001</c>).</summary>
    Version,

    /// <summary>The supported calendar (<see cref="ResultStatus.Invalid"/>, <c>PIMEX-TIME-005</c>).</summary>
    Calendar,

    /// <summary>Not before the aggregate's last event (<see cref="ResultStatus.Conflict"/>, <c>PIMEX-TIME-001</c>).</summary>
    LastEvent,

    /// <summary>A participant that completed, withdrew or was excluded (<see cref="ResultStatus.Conflict"/>, <c>PIMEX-PART-001</c>).</summary>
    Final,

    /// <summary>
    /// For a verb that changes the edition too, the edition given: this participant's
    /// (<see cref="ResultStatus.Invalid"/>, <c>PIMEX-ED-006</c>), not stale
    /// (<see cref="ResultStatus.Conflict"/>, <c>PIMEX-VER-002</c>), then its calendar and last
    /// event (<c>PIMEX-TIME-005</c>, <c>PIMEX-TIME-001</c>).
    /// </summary>
    EditionGiven,

    /// <summary>The aggregate's state (<see cref="ResultStatus.Conflict"/>: already verified, duplicate invoice...).</summary>
    State,

    /// <summary>A missing target (<see cref="ResultStatus.NotFound"/>: no such claim, session or application).</summary>
    MissingTarget,

    /// <summary>Every business rule at once (<see cref="ResultStatus.Invalid"/>, one error per broken rule).</summary>
    Rules,
}

/// <summary>
/// The one precedence table of the verbs' checks, and the checks every verb makes first, walked
/// in that order.
/// </summary>
internal static class CheckOrder
{
    /// <summary>Every stage, earliest first.</summary>
    internal static readonly CheckStage[] Stages =
    [
        CheckStage.Actor,
        CheckStage.Version,
        CheckStage.Calendar,
        CheckStage.LastEvent,
        CheckStage.Final,
        CheckStage.EditionGiven,
        CheckStage.State,
        CheckStage.MissingTarget,
        CheckStage.Rules,
    ];

    /// <summary>
    /// The checks every verb makes first, up to <see cref="CheckStage.Final"/>, in the order of
    /// <see cref="Stages"/>: the actor (<paramref name="forbidden"/>, null when the actor may act),
    /// the expected version, the calendar, the aggregate's last event, a final state
    /// (<paramref name="final"/>, null when the aggregate may still change). Null when every
    /// check passes.
    /// </summary>
    /// <typeparam name="TId">The aggregate's id, named in a refusal for time.</typeparam>
    [Plumbing(CheckStage.Version, CommonErrors.VersionMismatch)]
    [Plumbing(CheckStage.Calendar, TimeErrors.OutsideCalendar)]
    [Plumbing(CheckStage.LastEvent, TimeErrors.BeforeLastEvent)]
    internal static Result? Precheck<TId>(IEventSourced aggregate, TId id, CommandContext context, Result? forbidden, Result? final = null)
        where TId : struct
    {
        ArgumentNullException.ThrowIfNull(context);
        return Walk(aggregate, id, context, context.ExpectedVersion, forbidden, final);
    }

    /// <summary>
    /// The time checks of a command on an aggregate it changes besides its own (the edition of a
    /// participant's verb): the calendar and the aggregate's last event, in the order of
    /// <see cref="Stages"/>.
    /// </summary>
    internal static Result? TimeCheck<TId>(IEventSourced aggregate, TId id, CommandContext context)
        where TId : struct
    {
        ArgumentNullException.ThrowIfNull(context);
        return Walk(aggregate, id, context, expectedVersion: null, forbidden: null, final: null);
    }

    private static Result? Walk<TId>(IEventSourced aggregate, TId id, CommandContext context, long? expectedVersion, Result? forbidden, Result? final)
        where TId : struct
    {
        foreach (var stage in Stages)
        {
            var refused = stage switch
            {
                CheckStage.Actor => forbidden,
                CheckStage.Version => expectedVersion is { } expected && expected != aggregate.Version
                    ? CommonErrors.VersionConflict(context.Language, expected, aggregate.Version)
                    : null,
                CheckStage.Calendar => context.IsInSupportedCalendar ? null : TimeErrors.OutsideSupportedCalendar(context.Language, context.At),
                CheckStage.LastEvent => context.At < aggregate.LastRecordedAt
                    ? TimeErrors.BackInTime(context.Language, id.ToString() ?? string.Empty, aggregate.LastRecordedAt, context.At)
                    : null,
                CheckStage.Final => final,
                _ => null,
            };
            if (refused is not null)
            {
                return refused;
            }
        }

        return null;
    }
}
