using Ardalis.GuardClauses;

namespace Pimex.Common;

/// <summary>The roles that act in the programme.</summary>
public enum ActorRole
{
    /// <summary>The operator's programme manager: opens editions, admits companies, excludes.</summary>
    ProgrammeManager,

    /// <summary>The operator's technical staff: records attendance and tutorials, verifies claims and deliverables.</summary>
    Technician,

    /// <summary>An external senior consultant who advises on request and may hold tutorials.</summary>
    SeniorConsultant,

    /// <summary>The representative of one company: applies, submits deliverables and claims, answers the survey.</summary>
    CompanyRepresentative,
}

/// <summary>
/// Who issues a command. Every command names its actor, and every event records it.
/// </summary>
/// <param name="Id">An opaque identifier of the person (no personal data is needed).</param>
/// <param name="Role">The role they act in.</param>
/// <param name="Company">For a company representative, the company they act for; otherwise null.</param>
public sealed record Actor(string Id, ActorRole Role, CompanyId? Company = null)
{
    /// <summary>Whether the actor is operator staff (programme manager or technician).</summary>
    public bool IsOperatorStaff => Role is ActorRole.ProgrammeManager or ActorRole.Technician;

    /// <summary>Whether the actor is technical staff: a technician or a programme manager.</summary>
    public bool IsTechnicalStaff => IsOperatorStaff;

    /// <summary>A programme manager (<see cref="ActorRole.ProgrammeManager"/>, <c>programmeManager</c> in a ledger).</summary>
    /// <param name="id">The person's opaque id.</param>
    /// <returns>The actor.</returns>
    public static Actor ProgrammeManager(string id) => new(Guard.Against.NullOrWhiteSpace(id), ActorRole.ProgrammeManager);

    /// <summary>A technician of the operator (<see cref="ActorRole.Technician"/>, <c>technician</c> in a ledger).</summary>
    /// <param name="id">The person's opaque id.</param>
    /// <returns>The actor.</returns>
    public static Actor Technician(string id) => new(Guard.Against.NullOrWhiteSpace(id), ActorRole.Technician);

    /// <summary>A senior consultant (<see cref="ActorRole.SeniorConsultant"/>, <c>seniorConsultant</c> in a ledger).</summary>
    /// <param name="id">The person's opaque id.</param>
    /// <returns>The actor.</returns>
    public static Actor SeniorConsultant(string id) => new(Guard.Against.NullOrWhiteSpace(id), ActorRole.SeniorConsultant);

    /// <summary>The representative of a company (<see cref="ActorRole.CompanyRepresentative"/>, <c>companyRepresentative</c> in a ledger).</summary>
    /// <param name="id">The person's opaque id.</param>
    /// <param name="company">The company they act for.</param>
    /// <returns>The actor.</returns>
    public static Actor CompanyRepresentative(string id, CompanyId company) => new(Guard.Against.NullOrWhiteSpace(id), ActorRole.CompanyRepresentative, company);

    /// <summary>Whether the actor represents the given company.</summary>
    /// <param name="company">The company.</param>
    /// <returns>True for that company's representative only.</returns>
    public bool Represents(CompanyId company) => Role == ActorRole.CompanyRepresentative && Company == company;

    /// <summary>The role and id, such as <c>Technician tech-1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Company is { } c ? $"{Role} {Id} ({c})" : $"{Role} {Id}";
}
