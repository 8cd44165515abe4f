using Ardalis.GuardClauses;

namespace Pimex.Common;

/// <summary>An opaque identifier of a company (a tax id, a CRM key: whatever the host uses).</summary>
/// <remarks>Equality is ordinal on the value; <c>default</c> has a null value and is never valid.</remarks>
public readonly record struct CompanyId
{
    /// <summary>Wraps a non-empty value.</summary>
    /// <param name="value">The identifier.</param>
    public CompanyId(string value) => Value = Guard.Against.NullOrWhiteSpace(value);

    /// <summary>The identifier.</summary>
    public string Value { get; }

    /// <summary>The value.</summary>
    /// <returns>The identifier.</returns>
    public override string ToString() => Value;
}

/// <summary>
/// The identifier of an edition: the rulebook's id and the annuity's year, such as
/// <c>extremadura-2016</c>.
/// </summary>
public readonly record struct EditionId
{
    /// <summary>Creates the id of a rulebook's annuity.</summary>
    /// <param name="rulebookId">The rulebook's id.</param>
    /// <param name="year">The annuity's year.</param>
    public EditionId(string rulebookId, int year)
    {
        RulebookId = Guard.Against.NullOrWhiteSpace(rulebookId);
        Year = year;
    }

    /// <summary>The rulebook's id.</summary>
    public string RulebookId { get; }

    /// <summary>The annuity's year.</summary>
    public int Year { get; }

    /// <summary>The text form, <c>extremadura-2016</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{RulebookId}-{Year}";
}

/// <summary>
/// The identifier of a participant: one company in one edition, such as
/// <c>extremadura-2016/B06123456</c>. Derived, so the same admission always gets the same id.
/// </summary>
public readonly record struct ParticipantId
{
    /// <summary>Creates the id of a company in an edition.</summary>
    /// <param name="edition">The edition.</param>
    /// <param name="company">The company.</param>
    public ParticipantId(EditionId edition, CompanyId company)
    {
        Edition = edition;
        Company = company;
    }

    /// <summary>The edition.</summary>
    public EditionId Edition { get; }

    /// <summary>The company.</summary>
    public CompanyId Company { get; }

    /// <summary>The text form, <c>extremadura-2016/B06123456</c>: a natural stream name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Edition}/{Company}";
}
