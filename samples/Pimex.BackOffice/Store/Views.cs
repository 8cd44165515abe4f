using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.BackOffice.Store;

/// <summary>One budget line's figures in a view: amounts in the edition's currency.</summary>
public sealed record LineFigures(string Line, decimal Allocated, decimal Reserved, decimal Spent, decimal Released, decimal Available)
{
    public static LineFigures Of(LineBalance line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.Line.ToString(), line.Allocated.Amount, line.Reserved.Amount, line.Spent.Amount, line.Released.Amount, line.Available.Amount);
    }
}

/// <summary>
/// An edition's figures, a Marten document kept up to date as events arrive: the host writes
/// it in the same session (so the same PostgreSQL transaction) as the edition's events, so it
/// is never ahead of or behind the stream it was folded from (<see cref="Version"/>).
/// </summary>
public sealed record EditionFiguresView(
    string Id,
    long Version,
    string Currency,
    int PendingApplications,
    int Admitted,
    int Sessions,
    IReadOnlyList<LineFigures> Lines)
{
    public static EditionFiguresView Of(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return new(
            edition.Id.ToString(),
            edition.Version,
            edition.Budget.Actions.Allocated.Currency.Code,
            edition.Applications.Count,
            edition.AdmittedCount,
            edition.Sessions.Count,
            [.. edition.Budget.Lines.Select(LineFigures.Of)]);
    }
}

/// <summary>A participant's row in the edition's list, kept up to date in the same transaction as its events.</summary>
public sealed record ParticipantView(
    string Id,
    string Edition,
    string Company,
    long Version,
    string Status,
    string? Technician,
    int SessionsAttended,
    int Tutorials,
    int Pills,
    string Swot,
    string Roadmap,
    int Claims,
    decimal SupportGranted,
    decimal ReservationLeft,
    int? Satisfaction)
{
    public static ParticipantView Of(Participant p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.Id.ToString(),
            p.Id.Edition.ToString(),
            p.Id.Company.Value,
            p.Version,
            p.Status.ToString(),
            p.Technician,
            p.SessionsAttended.Count,
            p.Tutorials.Count,
            p.Pills.Count,
            p.Swot.Status.ToString(),
            p.Roadmap.Status.ToString(),
            p.Claims.Count,
            p.SupportGranted.Amount,
            p.ReservationLeft.Amount,
            p.Survey?.Overall);
    }
}
