namespace Pimex.Editions;

/// <summary>A face-to-face group training session of an edition.</summary>
/// <param name="Id">An id unique within the edition, such as <c>S1</c>.</param>
/// <param name="Date">Its date, inside the edition's training window.</param>
/// <param name="Venue">Where it is held.</param>
/// <param name="Topic">What it covers.</param>
/// <param name="Capacity">How many participants it seats.</param>
public sealed record GroupSession(string Id, LocalDate Date, string Venue, string Topic, int Capacity);
