namespace Pimex.Participation;

/// <summary>Where the rulebook requires individual tutorials to be held.</summary>
public enum TutorialVenue
{
    /// <summary>At the participating company's own premises (the PIMEX rule).</summary>
    CompanyPremises,

    /// <summary>Anywhere.</summary>
    Any,
}
