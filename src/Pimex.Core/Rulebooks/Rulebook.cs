using NodaTime.Text;
using Pimex.Rulebooks.Json;

namespace Pimex.Rulebooks;

/// <summary>
/// The rules of one region's programme, as data: every parameter a timeline of dated values,
/// and the annuities (yearly editions) with their budgets, capacity and windows.
/// </summary>
/// <remarks>
/// <para>A rulebook is immutable. Load one with <see cref="Load"/> (a base rulebook, or a
/// partner rulebook that extends a base and overrides named parameters), or take the embedded
/// <see cref="Extremadura"/> one. Ask for the rules in force on a date with <see cref="On"/>.</para>
/// <para>Equality: two rulebooks are equal when their identity, currency, zone, every
/// parameter's timeline, every annuity and their exchange rates are equal; a rulebook equals its JSON round trip.</para>
/// </remarks>
public sealed class Rulebook : IEquatable<Rulebook>
{
    private static readonly Rulebook ExtremaduraRulebook = LoadEmbedded("extremadura.json");

    private readonly ImmutableDictionary<string, ITimeline> timelines;

    /// <summary>Every date on which some parameter's value changes, earliest first, without repeats.</summary>
    private readonly ImmutableArray<LocalDate> changes;

    /// <summary>
    /// The rules in force from each of <see cref="changes"/> until the next, prepared once; null
    /// where some parameter has no value yet (<see cref="On"/> then reports which).
    /// </summary>
    private readonly ImmutableArray<Result<RuleSet>?> periods;

    internal Rulebook(
        RulebookHeader header,
        Currency currency,
        DateTimeZone timeZone,
        ImmutableDictionary<string, ITimeline> timelines,
        ImmutableSortedDictionary<int, AnnuityRules> annuities,
        ImmutableArray<string> ancestors,
        ExchangeRates? exchangeRates = null)
    {
        ExchangeRates = exchangeRates ?? ExchangeRates.None;
        Header = header;
        Ancestors = ancestors;
        Currency = currency;
        TimeZone = timeZone;
        this.timelines = timelines;
        Annuities = annuities;
        (changes, periods) = PreparePeriods();
    }

    /// <summary>
    /// The PIMEX rulebook of Extremadura (Spain), embedded in the assembly: the figures of the
    /// Interreg Europe good-practice sheet (3 group sessions, 3 tutorials at the company's
    /// premises, EUR 2,500 per company, the 2016 annuity of EUR 88,280 for 30 SMEs) and
    /// documented defaults, marked as such, where the sheet is silent.
    /// </summary>
    public static Rulebook Extremadura => ExtremaduraRulebook;

    /// <summary>A stable identifier, such as <c>extremadura</c>.</summary>
    public string Id => Header.Id;

    /// <summary>A readable name.</summary>
    public string Name => Header.Name;

    /// <summary>The rulebook this one was derived from (a partner's base), if any.</summary>
    public string? BasedOn => Header.BasedOn;

    /// <summary>Whether the figures are illustrative rather than a programme's real ones.</summary>
    public bool Illustrative => Header.Illustrative;

    /// <summary>A free description.</summary>
    public string? Description => Header.Description;

    /// <summary>
    /// The programme's currency: its own amounts (budgets, cap, rates) are in it. The amounts EU law
    /// sets in euros (the SME ceilings, the investor-exception amounts, the de minimis ceilings: each
    /// parameter's <see cref="ParameterDefinition.FixedCurrency"/>) stay in euros whatever it is.
    /// </summary>
    public Currency Currency { get; }

    /// <summary>
    /// The exchange rates against the euro the rulebook carries (its <c>exchangeRates</c> section, a
    /// partner's laid over its base's per currency) and any the host added with
    /// <see cref="WithExchangeRates"/>: a programme outside the euro converts a company's figures
    /// and its aid with them, at the day its rules name (<see cref="Parameters.FiguresExchangeRate"/>,
    /// <see cref="Parameters.AidExchangeRate"/>).
    /// </summary>
    public ExchangeRates ExchangeRates { get; }

    /// <summary>
    /// This rulebook with the host's exchange rates laid over its own: for each currency the host
    /// gives rates for, the host's replace the rulebook's. The library fetches no rate; a host that
    /// keeps the ECB's reference rates hands them in here (read them with <see cref="ExchangeRates.Parse(string)"/>).
    /// </summary>
    /// <param name="rates">The host's rates.</param>
    /// <returns>The same rules, with the combined rates; this rulebook when <paramref name="rates"/> is empty.</returns>
    public Rulebook WithExchangeRates(ExchangeRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return rates.IsEmpty ? this : new Rulebook(Header, Currency, TimeZone, timelines, Annuities, Ancestors, ExchangeRates.With(rates));
    }

    /// <summary>The programme's IANA time zone, such as <c>Europe/Madrid</c>.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>
    /// The context of a command recorded at a local date and time in the programme's zone
    /// (<see cref="CommandContext.AtLocal"/> with <see cref="TimeZone"/>): for a host whose
    /// clock, forms or ledger read local time.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="local">The local date and time in <see cref="TimeZone"/>.</param>
    /// <returns>The context; an ambiguous local time takes the earlier instant, a skipped one the next valid.</returns>
    public CommandContext At(Actor actor, LocalDateTime local) => CommandContext.AtLocal(actor, local, TimeZone);

    /// <summary>
    /// The context of a command recorded at a local date in the programme's zone, at
    /// <paramref name="hour"/> o'clock (10 by default).
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="date">The local date.</param>
    /// <param name="hour">The hour, 0 to 23.</param>
    /// <returns>The context.</returns>
    public CommandContext At(Actor actor, LocalDate date, int hour = 10) => At(actor, date.At(new LocalTime(hour, 0)));

    /// <summary>The annuities by year.</summary>
    public ImmutableSortedDictionary<int, AnnuityRules> Annuities { get; }

    internal RulebookHeader Header { get; }

    /// <summary>The ids of the rulebooks this one extends, its base first (empty for a base rulebook).</summary>
    internal ImmutableArray<string> Ancestors { get; }

    /// <summary>
    /// Loads a rulebook from JSON. A base rulebook defines every parameter; a partner rulebook
    /// (<c>"extends"</c>) overrides named parameters of <paramref name="base"/> and has its own
    /// annuities (a partner does not inherit its base's). Never throws for bad input and never
    /// returns a half-loaded rulebook; a rulebook that loads can open and run every annuity it
    /// has: each has every parameter in force on its rules date and plausible windows.
    /// </summary>
    /// <param name="json">The JSON text (see <c>docs/rulebook-format.md</c>).</param>
    /// <param name="base">The base rulebook, required when the JSON extends one.</param>
    /// <param name="options">Size and depth limits; the defaults when null.</param>
    /// <returns>The rulebook, or <c>Invalid</c> with one error per problem, each naming its JSON
    /// path and a code of <see cref="RulebookErrors"/>.</returns>
    public static Result<Rulebook> Load(string json, Rulebook? @base = null, RulebookLoadOptions? options = null) =>
        RulebookJson.Read(json, @base, options ?? RulebookLoadOptions.Default);

    /// <summary>Writes this rulebook as a base rulebook in JSON; <see cref="Load"/> reads it back equal.</summary>
    /// <returns>Indented JSON.</returns>
    public string ToJson() => RulebookJson.Write(this);

    /// <summary>The timeline of one parameter.</summary>
    /// <typeparam name="T">The parameter's value type.</typeparam>
    /// <param name="parameter">A parameter of <see cref="Parameters"/>.</param>
    /// <returns>Its timeline.</returns>
    public Timeline<T> Get<T>(ParameterDefinition<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return (Timeline<T>)timelines[parameter.Name];
    }

    /// <summary>
    /// Every rule in force on a date: for each parameter, the value of the latest entry that
    /// starts on or before <paramref name="date"/>.
    /// </summary>
    /// <remarks>
    /// The rules of each period between two dates on which some value changes are prepared once,
    /// when the rulebook is built: this finds the period by binary search over the change dates
    /// (O(log n)) and allocates nothing when the rules are in force. Every date of one period
    /// gets the same <see cref="RuleSet"/>, whose <see cref="RuleSet.InForceFrom"/> and
    /// <see cref="RuleSet.NextChange"/> bound the period.
    /// </remarks>
    /// <param name="date">The date.</param>
    /// <returns>The typed rules, or <c>Invalid</c> (<see cref="RulebookErrors.NotInForce"/>) naming
    /// each parameter that has no value yet on that date.</returns>
    public Result<RuleSet> On(LocalDate date)
    {
        int period = PeriodOf(date);
        return period >= 0 && periods[period] is { } inForce
            ? inForce
            : Compose(date, date, null);
    }

    /// <summary>
    /// Composes the rules in force on a date from every parameter's timeline, without the
    /// prepared periods: what <see cref="On"/> did before it prepared them, kept to prepare them
    /// and to measure against.
    /// </summary>
    /// <param name="date">The date.</param>
    /// <returns>The typed rules, or <c>Invalid</c> naming each parameter with no value yet.</returns>
    internal Result<RuleSet> Compose(LocalDate date)
    {
        int period = PeriodOf(date);
        return Compose(date, period >= 0 ? changes[period] : date, period >= 0 && period + 1 < changes.Length ? changes[period + 1] : null);
    }

    private int PeriodOf(LocalDate date)
    {
        int lo = 0, hi = changes.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (changes[mid] <= date)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private (ImmutableArray<LocalDate> Changes, ImmutableArray<Result<RuleSet>?> Periods) PreparePeriods()
    {
        var starts = new SortedSet<LocalDate>();
        foreach (var timeline in timelines.Values)
        {
            timeline.AddStarts(starts);
        }

        var dates = starts.ToImmutableArray();
        var prepared = ImmutableArray.CreateBuilder<Result<RuleSet>?>(dates.Length);
        for (int i = 0; i < dates.Length; i++)
        {
            var rules = Compose(dates[i], dates[i], i + 1 < dates.Length ? dates[i + 1] : null);
            prepared.Add(rules.IsSuccess ? rules : null);
        }

        return (dates, prepared.MoveToImmutable());
    }

    private Result<RuleSet> Compose(LocalDate date, LocalDate inForceFrom, LocalDate? nextChange)
    {
        var missing = new List<ValidationError>();
        T V<T>(ParameterDefinition<T> p)
        {
            if (Get(p).TryGetValue(date, out var value))
            {
                return value;
            }

            missing.Add(DomainErrors.Validation(p.Name, RulebookErrors.NotInForce, $"'{p.Name}' has no value in force on {LocalDatePattern.Iso.Format(date)}."));
            return default!;
        }

        var set = new RuleSet(
            inForceFrom,
            nextChange,
            Id,
            Currency,
            TimeZone,
            new CommitmentRules(V(Parameters.GroupSessions), V(Parameters.Tutorials), V(Parameters.TutorialVenueRule), V(Parameters.TrainingPills), V(Parameters.PillAttendeeRoles)),
            new PromotionRules(V(Parameters.CapPerCompany), V(Parameters.SupportIntensity), V(Parameters.NonRecoverableVatEligible), V(Parameters.ExpenseCategories)),
            new SupportRules(V(Parameters.TechnicianFullTimeInCompany), V(Parameters.ConsultantHourlyRate)),
            new SmeThresholds(
                new SizeClassLimits(V(Parameters.MicroStaff), V(Parameters.MicroTurnover), V(Parameters.MicroBalanceSheet)),
                new SizeClassLimits(V(Parameters.SmallStaff), V(Parameters.SmallTurnover), V(Parameters.SmallBalanceSheet)),
                new SizeClassLimits(V(Parameters.MediumStaff), V(Parameters.MediumTurnover), V(Parameters.MediumBalanceSheet)),
                V(Parameters.PartnerShareFrom),
                V(Parameters.LinkedShareAbove),
                V(Parameters.PublicControlFrom),
                V(Parameters.BusinessAngelInvestmentBelow),
                V(Parameters.LocalAuthorityBudgetBelow),
                V(Parameters.LocalAuthorityInhabitantsBelow),
                V(Parameters.ConsecutivePeriods))
            { FiguresExchangeRate = V(Parameters.FiguresExchangeRate) },
            new AidRules(V(Parameters.AidRegimeRule), V(Parameters.InKindValuationRule), V(Parameters.SingleUndertakingShareAbove)) { ExchangeRate = V(Parameters.AidExchangeRate) },
            new EligibilityRules(V(Parameters.Regions), V(Parameters.NutsVersion)),
            new FundingRules(V(Parameters.FundingActions), V(Parameters.FundingTraining), V(Parameters.FundingConsultancy)) { ExchangeRate = V(Parameters.FundsExchangeRate) },
            new SurveyRules(V(Parameters.SurveyScaleMin), V(Parameters.SurveyScaleMax)))
        { ExchangeRates = ExchangeRates };
        return missing.Count == 0 ? set : Result.Invalid(missing);
    }

    /// <summary>The rules of one annuity.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The annuity, or <c>Invalid</c> (<see cref="RulebookErrors.NoAnnuity"/>).</returns>
    public Result<AnnuityRules> Annuity(int year) =>
        Annuities.TryGetValue(year, out var annuity)
            ? annuity
            : Result.Invalid(DomainErrors.Validation("annuities", RulebookErrors.NoAnnuity, $"The rulebook '{Id}' has no annuity for {year}."));

    /// <summary>The transfer report: every parameter that differs between this rulebook and another on a date.</summary>
    /// <param name="other">The other rulebook, typically a partner region's.</param>
    /// <param name="on">The date to compare the values in force on.</param>
    /// <returns>The differences.</returns>
    public RulebookDiff Diff(Rulebook other, LocalDate on) => RulebookDiff.Compare(this, other, on);

    /// <inheritdoc />
    public bool Equals(Rulebook? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return Header == other.Header
            && Currency == other.Currency
            && TimeZone.Id == other.TimeZone.Id
            && timelines.Count == other.timelines.Count
            && timelines.All(kv => other.timelines.TryGetValue(kv.Key, out var t) && kv.Value.Equals(t))
            && Annuities.SequenceEqual(other.Annuities)
            && ExchangeRates.Equals(other.ExchangeRates);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rulebook other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Currency, TimeZone.Id, Annuities.Count);

    /// <summary>The rulebook's id and name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id} ({Name})";

    internal ITimeline Timeline(string name) => timelines[name];

    internal ImmutableDictionary<string, ITimeline> Timelines => timelines;

    private static Rulebook LoadEmbedded(string file)
    {
        using var stream = typeof(Rulebook).Assembly.GetManifestResourceStream("Pimex.Rulebooks." + file)
            ?? throw new InvalidOperationException($"The embedded rulebook {file} is missing.");
        using var reader = new StreamReader(stream);
        var result = Load(reader.ReadToEnd());
        return result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException($"The embedded rulebook {file} is invalid: " + string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}")));
    }
}

/// <summary>The identity of a rulebook.</summary>
internal sealed record RulebookHeader(string Id, string Name, string? BasedOn, bool Illustrative, string? Description);

/// <summary>Limits applied when loading a rulebook or a ledger from text.</summary>
/// <param name="MaxCharacters">The largest document accepted, in characters (1 MiB by default).</param>
/// <param name="MaxDepth">The deepest nesting accepted (32 by default).</param>
public sealed record RulebookLoadOptions(int MaxCharacters = 1_048_576, int MaxDepth = 32)
{
    /// <summary>
    /// The language of the problems' messages (its <c>rulebook.*</c> texts): English by default.
    /// The codes and JSON paths of the problems are the same in every language.
    /// </summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;

    /// <summary>The default limits.</summary>
    public static RulebookLoadOptions Default { get; } = new();
}
