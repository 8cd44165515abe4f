using Ardalis.Result;
using Pimex.Common;

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
        if (Precheck<Changed<Participant, ParticipantEvent>>(context, ActsForCompany(context.Actor), "submit the SWOT analysis") is { } refused)
        {
            return refused;
        }

        if (Swot.IsAccepted)
        {
            return Result<Changed<Participant, ParticipantEvent>>.Conflict(DomainErrors.Coded(ParticipationErrors.DeliverableAlreadyAccepted, "The SWOT analysis is already accepted."));
        }

        var errors = new List<ValidationError>();
        CheckQuadrant(errors, "strengths", swot.Strengths);
        CheckQuadrant(errors, "weaknesses", swot.Weaknesses);
        CheckQuadrant(errors, "opportunities", swot.Opportunities);
        CheckQuadrant(errors, "threats", swot.Threats);
        return errors.Count > 0 ? Invalid(errors) : Emit(new SwotSubmitted(Id, Swot.Versions.Count + 1, swot, context.At, context.Actor));
    }

    /// <summary>Technical staff accept the SWOT version waiting for review, or return it with a comment.</summary>
    /// <param name="accept">True to accept, false to return.</param>
    /// <param name="comment">The reviewer's comment; required to return.</param>
    /// <param name="context">Who reviews, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> ReviewSwot(bool accept, string? comment, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck<Changed<Participant, ParticipantEvent>>(context, context.Actor.IsTechnicalStaff, "review the SWOT analysis") is { } refused)
        {
            return refused;
        }

        if (Review(Swot.Status, accept, comment) is { } failed)
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
        if (Precheck<Changed<Participant, ParticipantEvent>>(context, ActsForCompany(context.Actor), "submit the roadmap") is { } refused)
        {
            return refused;
        }

        if (Roadmap.IsAccepted)
        {
            return Result<Changed<Participant, ParticipantEvent>>.Conflict(DomainErrors.Coded(ParticipationErrors.DeliverableAlreadyAccepted, "The roadmap is already accepted."));
        }

        var errors = new List<ValidationError>();
        if (!Swot.IsAccepted)
        {
            errors.Add(DomainErrors.Validation("swot", ParticipationErrors.RoadmapNeedsAcceptedSwot, "The roadmap builds on an accepted SWOT analysis."));
        }

        if (roadmap.TargetMarkets.Count == 0)
        {
            errors.Add(DomainErrors.Validation("targetMarkets", ParticipationErrors.RoadmapInvalid, "Name at least one target market."));
        }

        for (int i = 0; i < roadmap.TargetMarkets.Count; i++)
        {
            if (!Iso3166.IsCountryCode(roadmap.TargetMarkets[i]))
            {
                errors.Add(DomainErrors.Validation($"targetMarkets[{i}]", ParticipationErrors.RoadmapInvalid, $"'{roadmap.TargetMarkets[i]}' is not an ISO 3166-1 alpha-2 country code."));
            }
        }

        if (roadmap.Objectives.Count == 0 || roadmap.Objectives.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(DomainErrors.Validation("objectives", ParticipationErrors.RoadmapInvalid, "Name at least one objective, none blank."));
        }

        if (roadmap.Indicators.Count == 0 || roadmap.Indicators.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(DomainErrors.Validation("indicators", ParticipationErrors.RoadmapInvalid, "Name at least one indicator, none blank."));
        }

        if (roadmap.Actions.Count == 0)
        {
            errors.Add(DomainErrors.Validation("actions", ParticipationErrors.RoadmapInvalid, "Plan at least one action."));
        }

        for (int i = 0; i < roadmap.Actions.Count; i++)
        {
            var action = roadmap.Actions[i];
            if (!roadmap.Horizon.Contains(action.Due))
            {
                errors.Add(DomainErrors.Validation($"actions[{i}].due", ParticipationErrors.RoadmapInvalid, $"{action.Due:yyyy-MM-dd} is outside the roadmap's horizon {roadmap.Horizon}."));
            }

            if (!roadmap.TargetMarkets.Contains(action.Market))
            {
                errors.Add(DomainErrors.Validation($"actions[{i}].market", ParticipationErrors.RoadmapInvalid, $"'{action.Market}' is not one of the roadmap's target markets."));
            }

            if (string.IsNullOrWhiteSpace(action.Description))
            {
                errors.Add(DomainErrors.Validation($"actions[{i}].description", ParticipationErrors.RoadmapInvalid, "Describe the action."));
            }
        }

        return errors.Count > 0 ? Invalid(errors) : Emit(new RoadmapSubmitted(Id, Roadmap.Versions.Count + 1, roadmap, context.At, context.Actor));
    }

    /// <summary>Technical staff accept the roadmap version waiting for review, or return it with a comment.</summary>
    /// <param name="accept">True to accept, false to return.</param>
    /// <param name="comment">The reviewer's comment; required to return.</param>
    /// <param name="context">Who reviews, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> ReviewRoadmap(bool accept, string? comment, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck<Changed<Participant, ParticipantEvent>>(context, context.Actor.IsTechnicalStaff, "review the roadmap") is { } refused)
        {
            return refused;
        }

        if (Review(Roadmap.Status, accept, comment) is { } failed)
        {
            return failed;
        }

        return Emit(new RoadmapReviewed(Id, Roadmap.Versions.Count, accept, comment, context.At, context.Actor));
    }

    private static Result<Changed<Participant, ParticipantEvent>>? Review(ReviewStatus status, bool accept, string? comment)
    {
        if (status != ReviewStatus.Submitted)
        {
            return Result<Changed<Participant, ParticipantEvent>>.Conflict(DomainErrors.Coded(ParticipationErrors.NothingToReview, $"No version waits for review (the deliverable is {status})."));
        }

        if (!accept && string.IsNullOrWhiteSpace(comment))
        {
            return Invalid([DomainErrors.Validation("comment", CommonErrors.MissingText, "Say why the version is returned.")]);
        }

        return null;
    }

    private static void CheckQuadrant(List<ValidationError> errors, string name, EquatableArray<string> items)
    {
        if (items.Count == 0 || items.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(DomainErrors.Validation("swot." + name, ParticipationErrors.SwotIncomplete, $"The {name} quadrant needs at least one item, none blank."));
        }
    }
}
