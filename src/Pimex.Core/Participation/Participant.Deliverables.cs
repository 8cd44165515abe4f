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
        if (Precheck(context, ActsForCompany(context.Actor), "submitSwot") is { } refused)
        {
            return refused;
        }

        if (Swot.IsAccepted)
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, ParticipationErrors.DeliverableAlreadyAccepted + ".swot"));
        }

        var errors = new List<ValidationError>();
        CheckQuadrant(errors, context.Language, "strengths", swot.Strengths);
        CheckQuadrant(errors, context.Language, "weaknesses", swot.Weaknesses);
        CheckQuadrant(errors, context.Language, "opportunities", swot.Opportunities);
        CheckQuadrant(errors, context.Language, "threats", swot.Threats);
        return errors.Count > 0 ? Result.Invalid(errors) : Emit(new SwotSubmitted(Id, Swot.Versions.Count + 1, swot, context.At, context.Actor));
    }

    /// <summary>Technical staff accept the SWOT version waiting for review, or return it with a comment.</summary>
    /// <param name="accept">True to accept, false to return.</param>
    /// <param name="comment">The reviewer's comment; required to return.</param>
    /// <param name="context">Who reviews, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> ReviewSwot(bool accept, string? comment, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck(context, context.Actor.IsTechnicalStaff, "reviewSwot") is { } refused)
        {
            return refused;
        }

        if (Review(context.Language, Swot.Status, accept, comment) is { } failed)
        {
            return failed;
        }

        return Emit(new SwotReviewed(Id, Swot.Versions.Count, accept, comment, context.At, context.Actor));
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
        if (Precheck(context, ActsForCompany(context.Actor), "submitRoadmap") is { } refused)
        {
            return refused;
        }

        if (Roadmap.IsAccepted)
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, ParticipationErrors.DeliverableAlreadyAccepted + ".roadmap"));
        }

        var errors = new List<ValidationError>();
        if (!Swot.IsAccepted)
        {
            errors.Add(DomainErrors.Refusal(context.Language, "swot", ParticipationErrors.RoadmapNeedsAcceptedSwot));
        }

        if (roadmap.TargetMarkets.Count == 0)
        {
            errors.Add(DomainErrors.Refusal(context.Language, "targetMarkets", ParticipationErrors.RoadmapInvalid));
        }

        for (int i = 0; i < roadmap.TargetMarkets.Count; i++)
        {
            if (!Iso3166.IsCountryCode(roadmap.TargetMarkets[i]))
            {
                errors.Add(DomainErrors.Refusal(context.Language, $"targetMarkets[{i}]", ParticipationErrors.RoadmapInvalid + ".country", roadmap.TargetMarkets[i]));
            }
        }

        if (roadmap.Objectives.Count == 0 || roadmap.Objectives.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(DomainErrors.Refusal(context.Language, "objectives", ParticipationErrors.RoadmapInvalid + ".objectives"));
        }

        if (roadmap.Indicators.Count == 0 || roadmap.Indicators.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(DomainErrors.Refusal(context.Language, "indicators", ParticipationErrors.RoadmapInvalid + ".indicators"));
        }

        if (roadmap.Actions.Count == 0)
        {
            errors.Add(DomainErrors.Refusal(context.Language, "actions", ParticipationErrors.RoadmapInvalid + ".actions"));
        }

        for (int i = 0; i < roadmap.Actions.Count; i++)
        {
            var action = roadmap.Actions[i];
            if (action is null)
            {
                // A null among the actions (a JSON null a host's reader let through) is an action
                // that says nothing: refused at its index like a blank one, never a crash.
                errors.Add(DomainErrors.Refusal(context.Language, $"actions[{i}]", ParticipationErrors.RoadmapInvalid + ".description"));
                continue;
            }

            if (!roadmap.Horizon.Contains(action.Due))
            {
                errors.Add(DomainErrors.Refusal(context.Language, $"actions[{i}].due", ParticipationErrors.RoadmapInvalid + ".due", action.Due, roadmap.Horizon));
            }

            if (!roadmap.TargetMarkets.Contains(action.Market))
            {
                errors.Add(DomainErrors.Refusal(context.Language, $"actions[{i}].market", ParticipationErrors.RoadmapInvalid + ".market", action.Market));
            }

            if (string.IsNullOrWhiteSpace(action.Description))
            {
                errors.Add(DomainErrors.Refusal(context.Language, $"actions[{i}].description", ParticipationErrors.RoadmapInvalid + ".description"));
            }
        }

        return errors.Count > 0 ? Result.Invalid(errors) : Emit(new RoadmapSubmitted(Id, Roadmap.Versions.Count + 1, roadmap, context.At, context.Actor));
    }

    /// <summary>Technical staff accept the roadmap version waiting for review, or return it with a comment.</summary>
    /// <param name="accept">True to accept, false to return.</param>
    /// <param name="comment">The reviewer's comment; required to return.</param>
    /// <param name="context">Who reviews, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> ReviewRoadmap(bool accept, string? comment, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck(context, context.Actor.IsTechnicalStaff, "reviewRoadmap") is { } refused)
        {
            return refused;
        }

        if (Review(context.Language, Roadmap.Status, accept, comment) is { } failed)
        {
            return failed;
        }

        return Emit(new RoadmapReviewed(Id, Roadmap.Versions.Count, accept, comment, context.At, context.Actor));
    }

    private static Result<Changed<Participant, ParticipantEvent>>? Review(ReportLanguage language, ReviewStatus status, bool accept, string? comment)
    {
        if (status != ReviewStatus.Submitted)
        {
            return Result.Conflict(DomainErrors.Coded(language, ParticipationErrors.NothingToReview, status));
        }

        if (!accept && string.IsNullOrWhiteSpace(comment))
        {
            return Result.Invalid(DomainErrors.Refusal(language, "comment", CommonErrors.MissingText + ".comment"));
        }

        return null;
    }

    private static void CheckQuadrant(List<ValidationError> errors, ReportLanguage language, string name, EquatableArray<string> items)
    {
        if (items.Count == 0 || items.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(DomainErrors.Refusal(language, "swot." + name, ParticipationErrors.SwotIncomplete + "." + name));
        }
    }
}
