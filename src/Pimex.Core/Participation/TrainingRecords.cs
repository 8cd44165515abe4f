namespace Pimex.Participation;

/// <summary>Where a tutorial took place.</summary>
public enum VenueKind
{
    /// <summary>At the participating company's own premises.</summary>
    CompanyPremises,

    /// <summary>At the operator's offices.</summary>
    OperatorOffice,

    /// <summary>Remotely.</summary>
    Online,

    /// <summary>Elsewhere.</summary>
    Other,
}

/// <summary>An individual tutorial held for a participant.</summary>
/// <param name="Id">An id unique for the participant, such as <c>T1</c>.</param>
/// <param name="Date">When it was held.</param>
/// <param name="Venue">Where it was held.</param>
/// <param name="Record">A short record of what was done.</param>
public sealed record Tutorial(string Id, LocalDate Date, VenueKind Venue, string Record);

/// <summary>A training pill on strategic planning, attended by someone of the company's management.</summary>
/// <param name="Topic">The pill's topic.</param>
/// <param name="Date">When it took place.</param>
/// <param name="AttendeeRole">The attendee's role in the company (must be one the rulebook names).</param>
public sealed record TrainingPill(string Topic, LocalDate Date, string AttendeeRole);

/// <summary>One participant's answer to the satisfaction survey.</summary>
/// <param name="Overall">The overall score on the rulebook's scale.</param>
/// <param name="Questions">Optional scores per question, by question id (<c>default</c>: none).</param>
public sealed record SurveyAnswer(int Overall, Common.EquatableDictionary<string, int> Questions);
