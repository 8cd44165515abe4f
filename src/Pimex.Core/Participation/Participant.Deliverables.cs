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
    public Result<Changed<Participant, ParticipantEvent>> SubmitSwot(Swot swot, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(swot);
        return SubmitDeliverable(
            Swot,
            swot,
            "swot",
            "submitSwot",
            context,
            static (errors, language, _, swot) => DeliverableRules.SwotComplete(errors, language, swot),
            new SwotSubmitted(Id, Swot.Versions.Count + 1, swot, context.At, context.Actor));
    }

    /// <summary>Technical staff accept the SWOT version waiting for review, or return it with a comment.</summary>
    /// <param name="accept">True to accept, false to return.</param>
    /// <param name="comment">The reviewer's comment; required to return.</param>
    /// <param name="context">Who reviews, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> ReviewSwot(bool accept, string? comment, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReviewDeliverable(Swot.Status, "reviewSwot", accept, comment, context, new SwotReviewed(Id, Swot.Versions.Count, accept, comment, context.At, context.Actor));
    }

    /// <summary>
    /// The company submits a version of its international roadmap. It needs an accepted SWOT
    /// analysis; target markets are ISO 3166-1 alpha-2 codes; every action falls inside the
    /// horizon and aims at one of the target markets; objectives and indicators are named.
    /// </summary>
    /// <param name="roadmap">The roadmap.</param>
    /// <param name="context">The company's representative, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> SubmitRoadmap(Roadmap roadmap, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(roadmap);
        return SubmitDeliverable(
            Roadmap,
            roadmap,
            "roadmap",
            "submitRoadmap",
            context,
            static (errors, language, participant, roadmap) =>
            {
                DeliverableRules.RoadmapAfterSwot(errors, language, participant.Swot.Status);
                DeliverableRules.RoadmapComplete(errors, language, roadmap);
            },
            new RoadmapSubmitted(Id, Roadmap.Versions.Count + 1, roadmap, context.At, context.Actor));
    }

    /// <summary>Technical staff accept the roadmap version waiting for review, or return it with a comment.</summary>
    /// <param name="accept">True to accept, false to return.</param>
    /// <param name="comment">The reviewer's comment; required to return.</param>
    /// <param name="context">Who reviews, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> ReviewRoadmap(bool accept, string? comment, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReviewDeliverable(Roadmap.Status, "reviewRoadmap", accept, comment, context, new RoadmapReviewed(Id, Roadmap.Versions.Count, accept, comment, context.At, context.Actor));
    }

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
        ParticipantEvent submitted)
    {
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
        return errors.Count > 0 ? Result.Invalid(errors) : Emit(submitted);
    }

    /// <summary>
    /// The one path of both deliverables' review: technical staff only, a version waiting for
    /// review, and a comment to return it.
    /// </summary>
    [Plumbing(CheckStage.State, ParticipationErrors.NothingToReview)]
    private Result<Changed<Participant, ParticipantEvent>> ReviewDeliverable(ReviewStatus status, string action, bool accept, string? comment, CommandContext context, ParticipantEvent reviewed)
    {
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
        return errors.Count > 0 ? Result.Invalid(errors) : Emit(reviewed);
    }
}
