using Pimex.Rulebooks;

namespace Pimex.Participation;

/// <summary>
/// The requirements of completion, each a pure function named after what it checks, beside its
/// error codes (<see cref="ParticipationErrors"/>): the commitment the participant was admitted on
/// (group sessions, tutorials, training pills) met, and both deliverables accepted.
/// <see cref="Participant.MissingForCompletion(ReportLanguage)"/> walks them in this order.
/// </summary>
[RuleConcept("Completion")]
internal static class CompletionRules
{
    /// <summary>Every requirement of completion still missing, in order.</summary>
    internal static void Missing(List<ValidationError> missing, ReportLanguage language, Participant participant)
    {
        var commitment = participant.Terms.Commitment;
        SessionsAttended(missing, language, participant.SessionsAttended.Count, commitment);
        TutorialsHeld(missing, language, participant.Tutorials.Count, commitment);
        PillsAttended(missing, language, participant.Pills.Count, commitment);
        SwotAccepted(missing, language, participant.Swot.Status);
        RoadmapAccepted(missing, language, participant.Roadmap.Status);
    }

    /// <summary>At least as many group sessions attended as committed.</summary>
    [Rule(ParticipationErrors.SessionsMissing, "commitment.groupSessions")]
    internal static void SessionsAttended(List<ValidationError> missing, ReportLanguage language, int attended, CommitmentRules commitment)
    {
        if (attended < commitment.GroupSessions)
        {
            missing.Add(DomainErrors.Refusal(language, "groupSessions", ParticipationErrors.SessionsMissing, attended, commitment.GroupSessions));
        }
    }

    /// <summary>At least as many tutorials held as committed.</summary>
    [Rule(ParticipationErrors.TutorialsMissing, "commitment.tutorials")]
    internal static void TutorialsHeld(List<ValidationError> missing, ReportLanguage language, int held, CommitmentRules commitment)
    {
        if (held < commitment.Tutorials)
        {
            missing.Add(DomainErrors.Refusal(language, "tutorials", ParticipationErrors.TutorialsMissing, held, commitment.Tutorials));
        }
    }

    /// <summary>At least as many training pills attended as required.</summary>
    [Rule(ParticipationErrors.PillsMissing, "commitment.trainingPills")]
    internal static void PillsAttended(List<ValidationError> missing, ReportLanguage language, int attended, CommitmentRules commitment)
    {
        if (attended < commitment.TrainingPills)
        {
            missing.Add(DomainErrors.Refusal(language, "trainingPills", ParticipationErrors.PillsMissing, attended, commitment.TrainingPills));
        }
    }

    /// <summary>The SWOT analysis is accepted.</summary>
    [Rule(ParticipationErrors.SwotNotAccepted)]
    internal static void SwotAccepted(List<ValidationError> missing, ReportLanguage language, ReviewStatus swot)
    {
        if (swot != ReviewStatus.Accepted)
        {
            missing.Add(DomainErrors.Refusal(language, "swot", ParticipationErrors.SwotNotAccepted, swot));
        }
    }

    /// <summary>The international roadmap is accepted.</summary>
    [Rule(ParticipationErrors.RoadmapNotAccepted)]
    internal static void RoadmapAccepted(List<ValidationError> missing, ReportLanguage language, ReviewStatus roadmap)
    {
        if (roadmap != ReviewStatus.Accepted)
        {
            missing.Add(DomainErrors.Refusal(language, "roadmap", ParticipationErrors.RoadmapNotAccepted, roadmap));
        }
    }
}
