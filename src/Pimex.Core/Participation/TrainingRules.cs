using Pimex.Editions;
using Pimex.Rulebooks;

namespace Pimex.Participation;

/// <summary>
/// The rules of the training a participant commits to (group sessions, tutorials, training
/// pills) and of the senior-consultant advice it receives, each a pure function named after what
/// it checks, beside its error codes (<see cref="ParticipationErrors"/>). A rule adds an error to
/// the verb's list only when it is broken.
/// </summary>
[RuleConcept("Commitment (training and advice)")]
internal static class TrainingRules
{
    /// <summary>Every rule of a group session attended, in order, on the local date <paramref name="today"/> of the command.</summary>
    internal static void Attendance(List<ValidationError> errors, ReportLanguage language, string sessionId, GroupSession session, int attendance, ParticipationTerms terms, LocalDate today)
    {
        SessionHasSeat(errors, language, sessionId, session, attendance);
        FactDated(errors, language, "session.date", "session", sessionId, session.Date, today, terms.AdmittedOn);
    }

    /// <summary>Every rule of a tutorial held, in order, on the local date <paramref name="today"/> of the command.</summary>
    internal static void Tutorial(List<ValidationError> errors, ReportLanguage language, Tutorial tutorial, ParticipationTerms terms, LocalDate today)
    {
        InTrainingWindow(errors, language, "tutorial.date", tutorial.Date, terms.TrainingWindow);
        TutorialAtRequiredVenue(errors, language, tutorial, terms.Commitment);
        TutorialRecorded(errors, language, tutorial);
        FactDated(errors, language, "tutorial.date", "tutorial", tutorial.Id, tutorial.Date, today, terms.AdmittedOn);
    }

    /// <summary>Every rule of a training pill attended, in order, on the local date <paramref name="today"/> of the command.</summary>
    internal static void Pill(List<ValidationError> errors, ReportLanguage language, TrainingPill pill, ParticipationTerms terms, LocalDate today)
    {
        InTrainingWindow(errors, language, "pill.date", pill.Date, terms.TrainingWindow);
        PillAttendeeAllowed(errors, language, pill, terms.Commitment);
        PillTopicGiven(errors, language, pill);
        FactDated(errors, language, "pill.date", "pill", string.Empty, pill.Date, today, terms.AdmittedOn);
    }

    /// <summary>A group session seats no more participants than its capacity.</summary>
    [Rule(ParticipationErrors.SessionFull)]
    internal static void SessionHasSeat(List<ValidationError> errors, ReportLanguage language, string sessionId, GroupSession session, int attendance)
    {
        if (attendance >= session.Capacity)
        {
            errors.Add(DomainErrors.Refusal(language, "session", ParticipationErrors.SessionFull, sessionId, session.Capacity));
        }
    }

    /// <summary>
    /// A tutorial is held by the assigned technician (any technician while none is assigned) or a
    /// senior consultant (Forbidden, at the actor stage): null when the actor may hold it.
    /// </summary>
    [Rule(ParticipationErrors.NotTheAssignedTechnician)]
    internal static Result? HeldByAssignedTechnician(ReportLanguage language, ParticipantId participant, string? technician, Actor actor) =>
        actor.Role == ActorRole.Technician && technician is not null && actor.Id != technician
            ? Result.Forbidden(DomainErrors.Coded(language, ParticipationErrors.NotTheAssignedTechnician, participant, technician, actor.Id))
            : null;

    /// <summary>A tutorial or a training pill takes place inside the edition's training window.</summary>
    [Rule(ParticipationErrors.OutsideTrainingWindow, "annuities.YYYY.windows.training")]
    internal static void InTrainingWindow(List<ValidationError> errors, ReportLanguage language, string field, LocalDate date, DateInterval trainingWindow)
    {
        if (!trainingWindow.Contains(date))
        {
            errors.Add(DomainErrors.Refusal(language, field, ParticipationErrors.OutsideTrainingWindow, date, trainingWindow));
        }
    }

    /// <summary>A tutorial is held at the company's premises where the rulebook requires it.</summary>
    [Rule(ParticipationErrors.TutorialNotAtPremises, "commitment.tutorialVenue")]
    internal static void TutorialAtRequiredVenue(List<ValidationError> errors, ReportLanguage language, Tutorial tutorial, CommitmentRules commitment)
    {
        if (commitment.TutorialVenue == TutorialVenue.CompanyPremises && tutorial.Venue != VenueKind.CompanyPremises)
        {
            errors.Add(DomainErrors.Refusal(language, "tutorial.venue", ParticipationErrors.TutorialNotAtPremises, tutorial.Venue));
        }
    }

    /// <summary>A tutorial has an id and a record of what was done.</summary>
    [Rule(CommonErrors.MissingText)]
    internal static void TutorialRecorded(List<ValidationError> errors, ReportLanguage language, Tutorial tutorial)
    {
        if (string.IsNullOrWhiteSpace(tutorial.Id) || string.IsNullOrWhiteSpace(tutorial.Record))
        {
            errors.Add(DomainErrors.Refusal(language, "tutorial.record", CommonErrors.MissingText + ".tutorial"));
        }
    }

    /// <summary>A training pill is attended by someone in a role the rulebook names.</summary>
    [Rule(ParticipationErrors.PillAttendeeRoleNotAllowed, "commitment.pillAttendeeRoles")]
    internal static void PillAttendeeAllowed(List<ValidationError> errors, ReportLanguage language, TrainingPill pill, CommitmentRules commitment)
    {
        if (!commitment.PillAttendeeRoles.Contains(pill.AttendeeRole))
        {
            errors.Add(DomainErrors.Refusal(language, "pill.attendeeRole", ParticipationErrors.PillAttendeeRoleNotAllowed, commitment.PillAttendeeRoles.ToString(), pill.AttendeeRole));
        }
    }

    /// <summary>A training pill names its topic.</summary>
    [Rule(CommonErrors.MissingText)]
    internal static void PillTopicGiven(List<ValidationError> errors, ReportLanguage language, TrainingPill pill)
    {
        if (string.IsNullOrWhiteSpace(pill.Topic))
        {
            errors.Add(DomainErrors.Refusal(language, "pill.topic", CommonErrors.MissingText + ".pill"));
        }
    }

    /// <summary>
    /// A training fact (a session attended, a tutorial, a pill) is dated neither after the day of
    /// the command that records it, in the programme's zone, nor before the participant's admission.
    /// </summary>
    [Rule(TimeErrors.DatedAfterCommand, "timeZone")]
    [Rule(TimeErrors.DatedBeforeDependency)]
    internal static void FactDated(List<ValidationError> errors, ReportLanguage language, string field, string fact, string id, LocalDate date, LocalDate today, LocalDate admittedOn)
    {
        if (date > today)
        {
            errors.Add(TimeErrors.AfterCommand(language, field, fact, id, date, today));
        }
        else if (date < admittedOn)
        {
            errors.Add(TimeErrors.BeforeAdmission(language, field, fact, id, date, admittedOn));
        }
    }

    /// <summary>
    /// Consultancy hours are positive and at most <see cref="Participant.MaxConsultancyHours"/>,
    /// their cost at the rulebook's hourly rate, rounded to the currency's minor unit as
    /// <see cref="Money.Multiply(decimal)"/> rounds it, is more than zero (a direct spend of zero
    /// is refused too), and it leaves the consultancy line at zero or more.
    /// </summary>
    [Rule(ParticipationErrors.InvalidHours)]
    [Rule(ParticipationErrors.ConsultancyChargesNothing, "support.consultantHourlyRate", "currency")]
    [Rule(ParticipationErrors.ConsultancyLineExhausted, "support.consultantHourlyRate", "annuities.YYYY.budget.consultancy")]
    internal static void ConsultancyAffordable(List<ValidationError> errors, ReportLanguage language, decimal hours, Money hourlyRate, Money available)
    {
        if (hours <= 0m || hours > Participant.MaxConsultancyHours)
        {
            errors.Add(DomainErrors.Refusal(language, "hours", ParticipationErrors.InvalidHours, hours, Participant.MaxConsultancyHours));
            return;
        }

        var cost = hourlyRate.Multiply(hours);
        if (!cost.IsPositive)
        {
            errors.Add(DomainErrors.Refusal(language, "hours", ParticipationErrors.ConsultancyChargesNothing, language.ExactNumber(hours), hourlyRate, Money.FromMinorUnits(1, hourlyRate.Currency)));
            return;
        }

        if (cost > available)
        {
            errors.Add(DomainErrors.Refusal(language, "hours", ParticipationErrors.ConsultancyLineExhausted, hours, cost, available));
        }
    }

    /// <summary>Advice names its topic.</summary>
    [Rule(CommonErrors.MissingText)]
    internal static void AdviceTopicGiven(List<ValidationError> errors, ReportLanguage language, string topic)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            errors.Add(DomainErrors.Refusal(language, "topic", CommonErrors.MissingText + ".advice"));
        }
    }
}
