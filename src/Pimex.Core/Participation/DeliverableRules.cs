namespace Pimex.Participation;

/// <summary>
/// The rules of the two deliverables, the SWOT analysis and the international roadmap, each a
/// pure function named after what it checks, beside its error codes
/// (<see cref="ParticipationErrors"/>). A rule adds an error to the verb's list only when it is broken.
/// </summary>
[RuleConcept("Deliverables")]
internal static class DeliverableRules
{
    /// <summary>Every rule of a SWOT analysis submitted by a participant, in order.</summary>
    internal static void Swot(List<ValidationError> errors, ReportLanguage language, Participant participant, Swot swot) =>
        SwotComplete(errors, language, swot);

    /// <summary>Every rule of a roadmap submitted by a participant, in order.</summary>
    internal static void Roadmap(List<ValidationError> errors, ReportLanguage language, Participant participant, Roadmap roadmap)
    {
        RoadmapAfterSwot(errors, language, participant.Swot.Status);
        RoadmapComplete(errors, language, roadmap);
    }

    /// <summary>A SWOT analysis has four quadrants, each with at least one item and no blank one.</summary>
    [Rule(ParticipationErrors.SwotIncomplete)]
    internal static void SwotComplete(List<ValidationError> errors, ReportLanguage language, Swot swot)
    {
        Quadrant(errors, language, "strengths", swot.Strengths);
        Quadrant(errors, language, "weaknesses", swot.Weaknesses);
        Quadrant(errors, language, "opportunities", swot.Opportunities);
        Quadrant(errors, language, "threats", swot.Threats);
    }

    /// <summary>A roadmap is submitted once the SWOT analysis is accepted.</summary>
    [Rule(ParticipationErrors.RoadmapNeedsAcceptedSwot)]
    internal static void RoadmapAfterSwot(List<ValidationError> errors, ReportLanguage language, ReviewStatus swot)
    {
        if (swot != ReviewStatus.Accepted)
        {
            errors.Add(DomainErrors.Refusal(language, "swot", ParticipationErrors.RoadmapNeedsAcceptedSwot));
        }
    }

    /// <summary>
    /// A roadmap names its target markets (ISO 3166-1 alpha-2 codes), objectives, indicators and
    /// actions; every action falls inside the horizon, aims at one of the target markets and says
    /// what it is. One error per problem, in that order.
    /// </summary>
    [Rule(ParticipationErrors.RoadmapInvalid)]
    internal static void RoadmapComplete(List<ValidationError> errors, ReportLanguage language, Roadmap roadmap)
    {
        if (roadmap.TargetMarkets.Count == 0)
        {
            errors.Add(DomainErrors.Refusal(language, "targetMarkets", ParticipationErrors.RoadmapInvalid));
        }

        for (int i = 0; i < roadmap.TargetMarkets.Count; i++)
        {
            if (!Iso3166.IsCountryCode(roadmap.TargetMarkets[i]))
            {
                errors.Add(DomainErrors.Refusal(language, $"targetMarkets[{i}]", ParticipationErrors.RoadmapInvalid + ".country", roadmap.TargetMarkets[i]));
            }
        }

        if (roadmap.Objectives.Count == 0 || roadmap.Objectives.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(DomainErrors.Refusal(language, "objectives", ParticipationErrors.RoadmapInvalid + ".objectives"));
        }

        if (roadmap.Indicators.Count == 0 || roadmap.Indicators.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(DomainErrors.Refusal(language, "indicators", ParticipationErrors.RoadmapInvalid + ".indicators"));
        }

        if (roadmap.Actions.Count == 0)
        {
            errors.Add(DomainErrors.Refusal(language, "actions", ParticipationErrors.RoadmapInvalid + ".actions"));
        }

        for (int i = 0; i < roadmap.Actions.Count; i++)
        {
            var action = roadmap.Actions[i];
            if (action is null)
            {
                // A null among the actions (a JSON null a host's reader let through) is an action
                // that says nothing: refused at its index like a blank one, never a crash.
                errors.Add(DomainErrors.Refusal(language, $"actions[{i}]", ParticipationErrors.RoadmapInvalid + ".description"));
                continue;
            }

            if (!roadmap.Horizon.Contains(action.Due))
            {
                errors.Add(DomainErrors.Refusal(language, $"actions[{i}].due", ParticipationErrors.RoadmapInvalid + ".due", action.Due, roadmap.Horizon));
            }

            if (!roadmap.TargetMarkets.Contains(action.Market))
            {
                errors.Add(DomainErrors.Refusal(language, $"actions[{i}].market", ParticipationErrors.RoadmapInvalid + ".market", action.Market));
            }

            if (string.IsNullOrWhiteSpace(action.Description))
            {
                errors.Add(DomainErrors.Refusal(language, $"actions[{i}].description", ParticipationErrors.RoadmapInvalid + ".description"));
            }
        }
    }

    /// <summary>A deliverable returned to the company carries the reviewer's comment.</summary>
    [Rule(CommonErrors.MissingText)]
    internal static void ReturnCommented(List<ValidationError> errors, ReportLanguage language, bool accept, string? comment)
    {
        if (!accept && string.IsNullOrWhiteSpace(comment))
        {
            errors.Add(DomainErrors.Refusal(language, "comment", CommonErrors.MissingText + ".comment"));
        }
    }

    private static void Quadrant(List<ValidationError> errors, ReportLanguage language, string name, EquatableArray<string> items)
    {
        if (items.Count == 0 || items.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(DomainErrors.Refusal(language, "swot." + name, ParticipationErrors.SwotIncomplete + "." + name));
        }
    }
}
