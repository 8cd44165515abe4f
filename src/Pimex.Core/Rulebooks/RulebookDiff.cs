using System.Text;
using NodaTime.Text;

namespace Pimex.Rulebooks;

/// <summary>One parameter whose value in force differs between two rulebooks.</summary>
/// <param name="Name">The parameter, such as <c>promotion.capPerCompany</c> or <c>annuity.capacity</c>.</param>
/// <param name="BaseValue">The base rulebook's value, or <c>(none)</c>.</param>
/// <param name="PartnerValue">The other rulebook's value, or <c>(none)</c>.</param>
public sealed record ParameterDifference(string Name, string BaseValue, string PartnerValue);

/// <summary>
/// The transfer report: every parameter whose value in force on a date differs between a base
/// rulebook and a partner's, with both values side by side, plus the currency, the time zone,
/// the exchange rates held (how many per currency) and the annuity of that date's year.
/// </summary>
/// <param name="BaseId">The base rulebook.</param>
/// <param name="PartnerId">The partner rulebook.</param>
/// <param name="On">The date compared.</param>
/// <param name="Differences">The differences, in catalogue order.</param>
public sealed record RulebookDiff(string BaseId, string PartnerId, LocalDate On, ImmutableArray<ParameterDifference> Differences)
{
    private const string None = "(none)";

    /// <summary>Whether the two rulebooks agree on everything compared.</summary>
    public bool IsEmpty => Differences.IsEmpty;

    /// <summary>Compares two rulebooks on a date.</summary>
    /// <param name="baseRulebook">The base.</param>
    /// <param name="partner">The partner.</param>
    /// <param name="on">The date.</param>
    /// <returns>The differences.</returns>
    public static RulebookDiff Compare(Rulebook baseRulebook, Rulebook partner, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(baseRulebook);
        ArgumentNullException.ThrowIfNull(partner);
        var list = ImmutableArray.CreateBuilder<ParameterDifference>();
        void Add(string name, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                list.Add(new ParameterDifference(name, a ?? None, b ?? None));
            }
        }

        Add("currency", baseRulebook.Currency.Code, partner.Currency.Code);
        Add("timeZone", baseRulebook.TimeZone.Id, partner.TimeZone.Id);
        Add("exchangeRates", baseRulebook.ExchangeRates.ToString(), partner.ExchangeRates.ToString());
        foreach (var p in Parameters.All)
        {
            if (ReferenceEquals(p, Parameters.ReportLabels))
            {
                // Labels are many: only those that differ, each side's.
                var (mine, theirs) = (Labels(baseRulebook, on), Labels(partner, on));
                Add(p.Name, Only(mine, theirs), Only(theirs, mine));
                continue;
            }

            Add(p.Name, p.FormatOn(baseRulebook, on), p.FormatOn(partner, on));
        }

        baseRulebook.Annuities.TryGetValue(on.Year, out var a);
        partner.Annuities.TryGetValue(on.Year, out var b);
        string Y(string field) => "annuities." + on.Year.ToString(CultureInfo.InvariantCulture) + "." + field;
        Add(Y("budget.actions"), a?.Budget.Actions.ToString(), b?.Budget.Actions.ToString());
        Add(Y("budget.training"), a?.Budget.Training.ToString(), b?.Budget.Training.ToString());
        Add(Y("budget.consultancy"), a?.Budget.Consultancy.ToString(), b?.Budget.Consultancy.ToString());
        Add(Y("budget.total"), a?.Budget.Total.ToString(), b?.Budget.Total.ToString());
        Add(Y("capacity"), a?.Capacity.ToString(CultureInfo.InvariantCulture), b?.Capacity.ToString(CultureInfo.InvariantCulture));
        Add(Y("windows.applications"), Window(a?.Applications), Window(b?.Applications));
        Add(Y("windows.training"), Window(a?.Training), Window(b?.Training));
        Add(Y("windows.expenses"), Window(a?.Expenses), Window(b?.Expenses));
        return new RulebookDiff(baseRulebook.Id, partner.Id, on, list.ToImmutable());
    }

    private static EquatableArray<ReportLabel>? Labels(Rulebook rulebook, LocalDate on) =>
        rulebook.Get(Parameters.ReportLabels).TryGetValue(on, out var labels) ? labels : null;

    /// <summary>The labels of one side the other has not, as <c>rules show</c> writes them; null when there is none.</summary>
    private static string? Only(EquatableArray<ReportLabel>? side, EquatableArray<ReportLabel>? other)
    {
        var only = side is { } labels ? labels.Where(l => other is not { } o || !o.Contains(l)).ToList() : [];
        return only.Count == 0 ? null : Parameters.ReportLabels.Format(new EquatableArray<ReportLabel>(only));
    }

    /// <summary>Renders the report as a plain-text table.</summary>
    /// <returns>The table, one difference per row.</returns>
    public string Render()
    {
        var rows = new List<string[]> { new[] { "parameter", BaseId, PartnerId } };
        rows.AddRange(Differences.Select(d => new[] { d.Name, d.BaseValue, d.PartnerValue }));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Transfer report: {BaseId} -> {PartnerId} on {LocalDatePattern.Iso.Format(On)}: {Differences.Length} difference(s)\n");
        text.Append(TextTable.Render(rows));
        return text.ToString();
    }

    private static string? Window(DateInterval? w) =>
        w is null ? null : LocalDatePattern.Iso.Format(w.Start) + " .. " + LocalDatePattern.Iso.Format(w.End);
}
