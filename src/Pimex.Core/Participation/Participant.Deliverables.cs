namespace Pimex.Participation;

/// <content>The SWOT analysis and the international roadmap.</content>
public sealed partial record Participant
{
    /// <summary>
    /// The company submits a version of its SWOT analysis: four quadrants, each with at least one
    /// item. A version waiting for review is superseded by a new one.
    /// </summary>
    /// <param name="swot">The analysis.</param>
    /// <param name="context">The company's representative, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> SubmitSwot(Swot swot, CommandContext context) =>
        SubmitDeliverable(Swot, swot, "swot", "submitSwot", context, DeliverableRules.Swot, static (p, swot, c) => new SwotSubmitted(p.Id, p.Swot.Versions.Count + 1, swot, c.At, c.Actor));

    /// <summary>Technical staff accept the SWOT version waiting for review, or return it with a comment.</summary>
    /// <param name="accept">True to accept, false to return.</param>
    /// <param name="comment">The reviewer's comment; required to return.</param>
    /// <param name="context">Who reviews, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> ReviewSwot(bool accept, string? comment, CommandContext context) =>
        ReviewDeliverable(Swot.Status, "reviewSwot", accept, comment, context, static (p, accept, comment, c) => new SwotReviewed(p.Id, p.Swot.Versions.Count, accept, comment, c.At, c.Actor));

    /// <summary>
    /// The company submits a version of its international roadmap. It needs an accepted SWOT
    /// analysis; target markets are ISO 3166-1 alpha-2 codes; every action falls inside the
    /// horizon and aims at one of the target markets; objectives and indicators are named.
    /// </summary>
    /// <param name="roadmap">The roadmap.</param>
    /// <param name="context">The company's representative, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> SubmitRoadmap(Roadmap roadmap, CommandContext context) =>
        SubmitDeliverable(Roadmap, roadmap, "roadmap", "submitRoadmap", context, DeliverableRules.Roadmap, static (p, roadmap, c) => new RoadmapSubmitted(p.Id, p.Roadmap.Versions.Count + 1, roadmap, c.At, c.Actor));

    /// <summary>Technical staff accept the roadmap version waiting for review, or return it with a comment.</summary>
    /// <param name="accept">True to accept, false to return.</param>
    /// <param name="comment">The reviewer's comment; required to return.</param>
    /// <param name="context">Who reviews, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> ReviewRoadmap(bool accept, string? comment, CommandContext context) =>
        ReviewDeliverable(Roadmap.Status, "reviewRoadmap", accept, comment, context, static (p, accept, comment, c) => new RoadmapReviewed(p.Id, p.Roadmap.Versions.Count, accept, comment, c.At, c.Actor));

    /// <summary>
    /// The one path of both deliverables' submission: the checks every verb makes first, no new
    /// version once one is accepted, then the deliverable's <paramref name="rules"/>.
    /// </summary>
    [Plumbing(CheckStage.State, ParticipationErrors.DeliverableAlreadyAccepted)]
    private Result<Changed<Participant, ParticipantEvent>> SubmitDeliverable<T>(
        Deliverable<T> current,
        T version,
        string name,
        string action,
        CommandContext context,
        Action<List<ValidationError>, ReportLanguage, Participant, T> rules,
        Func<Participant, T, CommandContext, ParticipantEvent> submitted)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(version, name);
        if (Precheck(context, ActsForCompany(context.Actor), action) is { } refused)
        {
            return refused;
        }

        if (current.IsAccepted)
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, ParticipationErrors.DeliverableAlreadyAccepted + "." + name));
        }

        var errors = new List<ValidationError>();
        rules(errors, context.Language, this, version);
        return errors.Count > 0 ? Result.Invalid(errors) : Emit(submitted(this, version, context));
    }

    /// <summary>
    /// The one path of both deliverables' review: technical staff only, a version waiting for
    /// review, and a comment to return it.
    /// </summary>
    [Plumbing(CheckStage.State, ParticipationErrors.NothingToReview)]
    private Result<Changed<Participant, ParticipantEvent>> ReviewDeliverable(ReviewStatus status, string action, bool accept, string? comment, CommandContext context, Func<Participant, bool, string?, CommandContext, ParticipantEvent> reviewed)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck(context, context.Actor.IsTechnicalStaff, action) is { } refused)
        {
            return refused;
        }

        if (status != ReviewStatus.Submitted)
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, ParticipationErrors.NothingToReview, status));
        }

        var errors = new List<ValidationError>();
        DeliverableRules.ReturnCommented(errors, context.Language, accept, comment);
        return errors.Count > 0 ? Result.Invalid(errors) : Emit(reviewed(this, accept, comment, context));
    }
}
