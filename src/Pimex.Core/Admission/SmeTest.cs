using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using NodaTime.Text;
using Pimex.Rulebooks;

namespace Pimex.Admission;

/// <summary>
/// The SME test of EU Recommendation 2003/361/EC, annex articles 2 to 6, whole: which enterprises
/// count and how, the investor exceptions, public control, the two-consecutive-periods rule and the
/// estimate of a new enterprise. Every limit and share comes from the rulebook's
/// <see cref="SmeThresholds"/>; the assessment explains itself, each rule citing its article.
/// </summary>
/// <remarks>
/// <para><b>Relationships (art. 3).</b> A related enterprise is <i>linked</i> when the share held is
/// above <see cref="SmeThresholds.LinkedShareAbove"/> (a majority of votes, art. 3(3)(a)) or when it
/// controls or is controlled by other means (<see cref="ControlMeans"/>: the right to appoint the
/// majority of the board, a dominant influence by contract or articles, control of the votes under
/// an agreement between shareholders, art. 3(3)(b)-(d)); it is a <i>partner</i> when not linked and the
/// share is at least <see cref="SmeThresholds.PartnerShareFrom"/> (art. 3(2)); below that it is
/// autonomous and not counted (art. 3(1)). Enterprises held by the same natural persons acting
/// jointly (<see cref="RelatedPartyKind.NaturalPersons"/>) are linked when the persons control both
/// and they are active on the same or an adjacent market (art. 3(3), fourth subparagraph).</para>
/// <para><b>Investor exceptions (art. 3(2), second subparagraph).</b> Public investment corporations,
/// venture capital companies, business angels whose total investment is below
/// <see cref="SmeThresholds.BusinessAngelInvestmentBelow"/>, universities, non-profit research
/// centres, institutional investors including regional development funds, and autonomous local
/// authorities with a budget below <see cref="SmeThresholds.LocalAuthorityBudgetBelow"/> and fewer
/// inhabitants than <see cref="SmeThresholds.LocalAuthorityInhabitantsBelow"/> are not partners
/// however much they hold, as long as they are not linked, individually or jointly (investors linked
/// to one another, <see cref="RelatedEnterprise.ActingJointlyWith"/>, add up their shares).</para>
/// <para><b>Public control (art. 3(4)).</b> When public bodies control, directly or indirectly, at
/// least <see cref="SmeThresholds.PublicControlFrom"/> of the capital or votes, the enterprise is not
/// an SME, whatever its figures. Exempt investors of art. 3(2) do not count; an autonomous local
/// authority above the limits, or a public investment corporation that is linked, does; an upstream
/// enterprise controlled by public bodies counts with its share.</para>
/// <para><b>Chains (art. 6(2)-(4)).</b> Own figures in full; linked enterprises, directly or
/// indirectly, in full, and the partners of each linked enterprise in proportion to that linked
/// enterprise's share in them; partners in proportion, together with the enterprises linked to them;
/// partners of partners are not counted. Figures marked
/// <see cref="RelatedEnterprise.IncludedThroughConsolidation"/> are not added twice. Staff adds up
/// unrounded; each amount added is rounded to the minor unit, half away from zero, line by line, so
/// the totals are the sum of the lines.</para>
/// <para><b>Periods (art. 4).</b> Each period declared (<see cref="CompanyProfile.Earlier"/>) is
/// consolidated on its own; from the oldest, the class changes only when the figures of
/// <see cref="SmeThresholds.ConsecutivePeriods"/> consecutive periods all lie beyond the current
/// class, on the same side, and then to the nearest class they reach. With one period only, that
/// period decides (the assessment says so). A new enterprise declares a bona fide estimate
/// (<see cref="FiguresBasis.BonaFideEstimate"/>, art. 4(3)). Public control takes effect at once.</para>
/// <para><b>Classification (art. 2).</b> The first class, from micro to medium, whose staff limit the
/// consolidated staff is below and whose turnover or balance-sheet limit (either one suffices) is
/// not exceeded; otherwise <see cref="SizeClass.NotSme"/>.</para>
/// <para><b>What the declaration defines.</b> The figures themselves follow the annex's
/// definitions, as the model SME declaration asks for them: staff in annual work units, without
/// apprentices, students in vocational training or parental leave (art. 5); annual turnover
/// without VAT and other indirect taxes, from the last approved accounts (art. 4(1)); an
/// enterprise being any entity engaged in an economic activity (art. 1). A holding the enterprise
/// has jointly with its linked enterprises is declared as one combined share (art. 3(2)), and
/// where the capital is so spread that no holder can be known, the enterprise declares in good
/// faith the holders it knows (art. 3(5)).</para>
/// <para>No article of the annex is left to the host: the host declares facts (shares, kinds,
/// control, markets, periods), and this test applies the rules to them. Pure.
/// <see cref="Assess"/> explains itself; <see cref="Classify(CompanyProfile, SmeThresholds)"/>
/// decides the same class and figures without the explanation, allocating nothing for up to 32
/// periods: the hot path of admission.</para>
/// </remarks>
public static class SmeTest
{
    private const string ProfileParameter = "profile";

    /// <summary>Consolidates a company's figures, period by period, and classifies it, explaining
    /// which enterprises were counted, how and why.</summary>
    /// <param name="profile">The applicant's declaration, as <see cref="CompanyProfileRules.Validate(CompanyProfile, Monetary.Currency)"/> accepts it.</param>
    /// <param name="thresholds">The SME thresholds in force (from the rulebook).</param>
    /// <returns>The size class, the reference period's consolidated figures and the explanation.</returns>
    /// <exception cref="ArgumentNullException">An argument or a related enterprise is null.</exception>
    /// <exception cref="ArgumentException">An amount is in another currency than the thresholds,
    /// a figure is negative or a share is above 100 %: programmer errors, since admission
    /// validates the profile first.</exception>
    public static SmeAssessment Assess(CompanyProfile profile, SmeThresholds thresholds) => Run(profile, thresholds, explain: true);

    /// <summary>
    /// Decides what <see cref="Assess"/> decides (the size class, the reference period's
    /// consolidated figures, public control and basis) without the explanation: its
    /// <see cref="SmeAssessment.Lines"/>, <see cref="SmeAssessment.Periods"/> and
    /// <see cref="SmeAssessment.Notes"/> are empty. Allocates nothing for up to 32 periods.
    /// </summary>
    /// <param name="profile">The applicant's declaration, as <see cref="CompanyProfileRules.Validate(CompanyProfile, Monetary.Currency)"/> accepts it.</param>
    /// <param name="thresholds">The SME thresholds in force (from the rulebook).</param>
    /// <returns>The size class and the reference period's consolidated figures.</returns>
    /// <exception cref="ArgumentNullException">An argument or a related enterprise is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="Assess"/>.</exception>
    public static SmeAssessment Classify(CompanyProfile profile, SmeThresholds thresholds) => Run(profile, thresholds, explain: false);

    /// <summary>The class of one set of consolidated figures (art. 2), before art. 4(2) and 3(4).</summary>
    /// <param name="staff">Consolidated staff.</param>
    /// <param name="turnover">Consolidated turnover.</param>
    /// <param name="balanceSheet">Consolidated balance-sheet total.</param>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The class.</returns>
    public static SizeClass Classify(decimal staff, Money turnover, Money balanceSheet, SmeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return Within(thresholds.Micro, staff, turnover, balanceSheet) ? SizeClass.Micro
            : Within(thresholds.Small, staff, turnover, balanceSheet) ? SizeClass.Small
            : Within(thresholds.Medium, staff, turnover, balanceSheet) ? SizeClass.Medium
            : SizeClass.NotSme;
    }

    private static SmeAssessment Run(CompanyProfile profile, SmeThresholds thresholds, bool explain)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(thresholds);
        var currency = ThresholdsCurrency(thresholds);
        int count = profile.Earlier.Count + 1;
        Span<SizeClass> classes = count <= 32 ? stackalloc SizeClass[count] : new SizeClass[count];
        var periods = explain ? new List<SmePeriod>(count) : null;
        var reference = default(Walker);
        for (int j = 0; j < count; j++)
        {
            // Oldest first: Earlier is newest first, and the profile itself is the reference period.
            var period = j == count - 1 ? profile : profile.Earlier[count - 2 - j] ?? throw new ArgumentNullException(nameof(profile), "An earlier period is null.");
            var w = new Walker(thresholds, currency, explain && j == count - 1);
            w.Run(period);
            classes[j] = Classify(w.Staff, w.Turnover, w.BalanceSheet, thresholds);
            periods?.Add(new SmePeriod(period.PeriodEnd, classes[j], w.Staff, w.Turnover, w.BalanceSheet));
            reference = w;
        }

        var notes = explain ? new List<string>() : null;
        if (profile.Basis == FiguresBasis.BonaFideEstimate)
        {
            notes?.Add("The own figures are a bona fide estimate made in the course of the financial year, by a new enterprise without approved accounts (art. 4(3)).");
        }

        var sizeClass = ApplyConsecutivePeriods(classes, thresholds.ConsecutivePeriods);
        if (notes is not null)
        {
            int needed = Math.Max(1, thresholds.ConsecutivePeriods);
            if (count == 1)
            {
                notes.Add($"One accounting period declared: its figures decide. The class changes only when the ceilings are crossed in {needed} consecutive accounting periods (art. 4(2)): declare the earlier periods too.");
            }
            else
            {
                var byPeriod = string.Join(", ", periods!.Select(p => (p.PeriodEnd is { } end ? LocalDatePattern.Iso.Format(end) + " " : string.Empty) + Name(p.FiguresClass)));
                notes.Add($"Figures by period, oldest first: {byPeriod}. The class changes only when the ceilings are crossed in {needed} consecutive accounting periods (art. 4(2)): {Name(sizeClass)}.");
            }
        }

        var publicControl = PublicShare(profile.Related, thresholds);
        if (publicControl >= thresholds.PublicControlFrom)
        {
            notes?.Add($"{Percent(publicControl)} of the capital or votes is controlled by public bodies, at least {Percent(thresholds.PublicControlFrom)}: not an SME, whatever its figures (art. 3(4)).");
            sizeClass = SizeClass.NotSme;
        }
        else
        {
            notes?.Add($"Class {Name(sizeClass)}: the first class whose staff limit the consolidated staff is below and whose turnover or balance-sheet limit is not exceeded (art. 2).");
        }
        var assessment = new SmeAssessment(sizeClass, reference.Staff, reference.Turnover, reference.BalanceSheet)
        {
            PublicControl = publicControl,
            Basis = profile.Basis,
        };
        return explain
            ? assessment with
            {
                Lines = new EquatableArray<SmeAssessmentLine>(reference.Lines!),
                Periods = new EquatableArray<SmePeriod>(periods!),
                Notes = new EquatableArray<string>(notes!),
            }
            : assessment;
    }

    /// <summary>Art. 4(2): from the oldest period, the class moves only when the last N periods all lie on one side of it, and then to the nearest class they reach.</summary>
    private static SizeClass ApplyConsecutivePeriods(ReadOnlySpan<SizeClass> classes, int consecutive)
    {
        var status = classes[0];
        int needed = Math.Max(1, consecutive);
        for (int i = 1; i < classes.Length; i++)
        {
            if (i + 1 < needed)
            {
                continue;
            }

            bool allAbove = true, allBelow = true;
            var nearestAbove = SizeClass.NotSme;
            var nearestBelow = SizeClass.Micro;
            for (int j = i - needed + 1; j <= i; j++)
            {
                var c = classes[j];
                allAbove &= c > status;
                allBelow &= c < status;
                nearestAbove = c < nearestAbove ? c : nearestAbove;
                nearestBelow = c > nearestBelow ? c : nearestBelow;
            }

            status = allAbove ? nearestAbove : allBelow ? nearestBelow : status;
        }

        return status;
    }

    private static bool Within(SizeClassLimits limits, decimal staff, Money turnover, Money balanceSheet) =>
        staff < limits.StaffBelow && (turnover <= limits.TurnoverAtMost || balanceSheet <= limits.BalanceSheetAtMost);

    private static string Percent(Rate rate) => Parameters.PercentText(rate);

    private static string Name(SizeClass sizeClass) => sizeClass switch
    {
        SizeClass.Micro => "micro",
        SizeClass.Small => "small",
        SizeClass.Medium => "medium",
        _ => "not an SME",
    };

    private static Currency ThresholdsCurrency(SmeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds.Micro, nameof(thresholds));
        ArgumentNullException.ThrowIfNull(thresholds.Small, nameof(thresholds));
        ArgumentNullException.ThrowIfNull(thresholds.Medium, nameof(thresholds));
        var currency = thresholds.Micro.TurnoverAtMost.Currency;
        if (thresholds.Micro.BalanceSheetAtMost.Currency != currency
            || thresholds.Small.TurnoverAtMost.Currency != currency
            || thresholds.Small.BalanceSheetAtMost.Currency != currency
            || thresholds.Medium.TurnoverAtMost.Currency != currency
            || thresholds.Medium.BalanceSheetAtMost.Currency != currency)
        {
            throw new ArgumentException("The SME thresholds mix currencies.", nameof(thresholds));
        }

        return currency;
    }

    private static EnterpriseFigures EnsureUsable(EnterpriseFigures? figures, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(figures, ProfileParameter);
        if (figures.Turnover.Currency != currency || figures.BalanceSheet.Currency != currency)
        {
            ThrowUnusable($"The profile's amounts must be in {currency}, the thresholds' currency: validate the profile first.");
        }

        if ((decimal.IsNegative(figures.Staff) && figures.Staff != 0m) || figures.Turnover.IsNegative || figures.BalanceSheet.IsNegative)
        {
            ThrowUnusable("The profile has a negative figure: validate the profile first.");
        }

        return figures;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnusable(string message, string parameterName = ProfileParameter) => throw new ArgumentException(message, parameterName);

    private static Rate CheckShare(RelatedEnterprise r, string parameterName = ProfileParameter)
    {
        if (r.Share > Rate.One)
        {
            ThrowShare(r, parameterName);
        }

        return r.Share;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowShare(RelatedEnterprise r, string parameterName) =>
        throw new ArgumentException($"The share held with '{r.Name}' is {r.Share}, above 100 %: validate the profile first.", parameterName);

    private enum Relation
    {
        NotCounted,
        Partner,
        Linked,
        NaturalPersons,
    }

    /// <summary>Why a related party relates as it does (art. 3); turned into text only when explaining.</summary>
    private enum Why
    {
        NaturalPersons,
        PublicBody,
        Majority,
        Control,
        JointlyLinkedInvestors,
        BelowPartnerShare,
        ExemptInvestor,
        InvestorOutsideItsLimits,
        Partner,
    }

    /// <summary>One period's consolidation: walks the declared relations, adds up, and keeps the lines when explaining.</summary>
    private struct Walker(SmeThresholds thresholds, Currency currency, bool explain)
    {
        public decimal Staff;
        public Money Turnover;
        public Money BalanceSheet;
        public readonly List<SmeAssessmentLine>? Lines = explain ? [] : null;

        private readonly bool Explaining => Lines is not null;

        private readonly Money Zero => Money.Zero(currency);

        public void Run(CompanyProfile period)
        {
            var own = EnsureUsable(period.Own, currency);
            Turnover = Zero;
            BalanceSheet = Zero;
            Add(
                Explaining ? "(applicant)" : null,
                SmeTreatment.Own,
                Rate.One,
                own.Staff,
                own.Turnover,
                own.BalanceSheet,
                !Explaining ? null : period.Basis == FiguresBasis.BonaFideEstimate
                    ? "Its own figures, a bona fide estimate of a new enterprise (art. 4(3))."
                    : "Its own figures, from the accounts of the period (art. 4(1), 6(2)).");
            CheckAll(period.Related);
            CountAround(period.Related, string.Empty, atApplicant: true);
        }

        /// <summary>Checks every related enterprise, counted or not, as the profile's validation would.</summary>
        private readonly void CheckAll(EquatableArray<RelatedEnterprise> related)
        {
            foreach (var r in related)
            {
                ArgumentNullException.ThrowIfNull(r, ProfileParameter);
                EnsureUsable(r.Figures, currency);
                CheckShare(r);
                CheckAll(r.Related);
            }
        }

        private readonly string? PathOf(string? prefix, RelatedEnterprise r) => Explaining ? prefix + r.Name : null;

        private readonly string? Child(string? path) => Explaining ? path + " > " : null;

        /// <summary>Counts the enterprises around the applicant or a linked enterprise (the "enterprise in question").</summary>
        private void CountAround(EquatableArray<RelatedEnterprise> related, string? prefix, bool atApplicant)
        {
            foreach (var r in related)
            {
                string? path = PathOf(prefix, r);
                var (relation, why) = Relate(r, related, thresholds);
                switch (relation)
                {
                    case Relation.Linked:
                        AddLinked(r, path, Explaining ? Reason(why, r, related, thresholds) : null);
                        break;
                    case Relation.Partner:
                        AddPartner(r, path, Explaining ? Reason(why, r, related, thresholds) : null, ofLinked: !atApplicant);
                        break;
                    case Relation.NaturalPersons:
                        AddThroughPersons(r, path);
                        break;
                    default:
                        NotCounted(path, Explaining ? Reason(why, r, related, thresholds) : null);
                        break;
                }
            }
        }

        private void AddLinked(RelatedEnterprise r, string? path, string? reason)
        {
            var f = EnsureUsable(r.Figures, currency);
            if (r.IncludedThroughConsolidation)
            {
                Add(path, SmeTreatment.Linked, Rate.One, 0m, Zero, Zero, Explaining ? reason + " Its figures are already included through consolidation, so not added again (art. 6(2))." : null);
            }
            else
            {
                Add(path, SmeTreatment.Linked, Rate.One, f.Staff, f.Turnover, f.BalanceSheet, Explaining ? reason + " Linked enterprises count in full, directly or indirectly linked (art. 6(2), third subparagraph)." : null);
            }

            CountAround(r.Related, Child(path), atApplicant: false);
        }

        private void AddPartner(RelatedEnterprise r, string? path, string? reason, bool ofLinked)
        {
            var share = CheckShare(r);
            var f = EnsureUsable(r.Figures, currency);
            string? why = !Explaining ? null : ofLinked
                ? reason + " A partner of a linked enterprise counts pro rata to that enterprise's share in it (art. 6(3), second subparagraph)."
                : reason + " Partners immediately upstream or downstream count in proportion to the share, the larger of capital and votes (art. 6(2), second subparagraph).";
            AddShare(r, path, share, f, why);
            foreach (var child in r.Related)
            {
                string? childPath = Explaining ? path + " > " + child.Name : null;
                var (relation, childWhy) = Relate(child, r.Related, thresholds);
                if (!ofLinked && relation == Relation.Linked)
                {
                    AddLinkedToPartner(child, childPath, share, Explaining ? Reason(childWhy, child, r.Related, thresholds) : null, r.Name);
                }
                else if (Explaining)
                {
                    NotCounted(childPath, ofLinked
                        ? $"Related to {r.Name}, a partner of a linked enterprise, whose own data only are added (art. 6(3), second subparagraph)."
                        : relation == Relation.Partner
                            ? $"A partner of the partner {r.Name}: only partners immediately upstream or downstream of the enterprise in question count (art. 6(2), second subparagraph)."
                            : $"Related to the partner {r.Name}, but not linked to it: {Reason(childWhy, child, r.Related, thresholds)}");
                }
            }
        }

        private void AddLinkedToPartner(RelatedEnterprise r, string? path, Rate share, string? reason, string partner)
        {
            var f = EnsureUsable(r.Figures, currency);
            AddShare(r, path, share, f, Explaining ? reason + $" Enterprises linked to the partner {partner} are added to its data in full, then counted in proportion to its share (art. 6(3), first subparagraph)." : null);
            foreach (var child in r.Related)
            {
                string? childPath = Explaining ? path + " > " + child.Name : null;
                var (relation, childWhy) = Relate(child, r.Related, thresholds);
                if (relation == Relation.Linked)
                {
                    AddLinkedToPartner(child, childPath, share, Explaining ? Reason(childWhy, child, r.Related, thresholds) : null, partner);
                }
                else
                {
                    NotCounted(childPath, Explaining ? $"Related to {r.Name}, an enterprise linked to the partner {partner}, but not linked to it: only the partner's linked enterprises are added to its data (art. 6(3), first subparagraph)." : null);
                }
            }
        }

        private void AddThroughPersons(RelatedEnterprise persons, string? path)
        {
            bool control = persons.Share > thresholds.LinkedShareAbove || persons.Control != ControlMeans.None;
            NotCounted(path, !Explaining ? null : control
                ? "Natural persons acting jointly who control the enterprise in question; they are not an enterprise, the enterprises they control on the same or an adjacent market are linked (art. 3(3), fourth subparagraph)."
                : "Natural persons who do not control the enterprise in question: no enterprise is linked through them (art. 3(3), fourth subparagraph), and they are not an enterprise themselves.");
            foreach (var held in persons.Related)
            {
                string? heldPath = Explaining ? path + " > " + held.Name : null;
                bool controlsHeld = CheckShare(held) > thresholds.LinkedShareAbove || held.Control != ControlMeans.None;
                if (control && controlsHeld && held.SameOrAdjacentMarket)
                {
                    AddLinked(held, heldPath, Explaining ? "Controlled by the same natural persons acting jointly, on the same or an adjacent market: linked (art. 3(3), fourth subparagraph)." : null);
                }
                else
                {
                    NotCounted(heldPath, !Explaining ? null : !control || !controlsHeld
                        ? "Held by the same natural persons, who do not control both enterprises: not linked through them (art. 3(3), fourth subparagraph)."
                        : "Controlled by the same natural persons but active on another market, neither the same nor adjacent: not linked (art. 3(3), fourth subparagraph).");
                }
            }
        }

        private void AddShare(RelatedEnterprise r, string? path, Rate share, EnterpriseFigures f, string? reason)
        {
            if (r.IncludedThroughConsolidation)
            {
                Add(path, SmeTreatment.Partner, share, 0m, Zero, Zero, Explaining ? reason + " Its figures are already included through consolidation, so not added again (art. 6(3))." : null);
            }
            else
            {
                Add(path, SmeTreatment.Partner, share, f.Staff * share.Fraction, f.Turnover * share, f.BalanceSheet * share, reason);
            }
        }

        private readonly void NotCounted(string? path, string? reason) =>
            Lines?.Add(new SmeAssessmentLine(path!, SmeTreatment.NotCounted, Rate.Zero, 0m, Zero, Zero, reason!));

        private void Add(string? path, SmeTreatment treatment, Rate share, decimal staff, Money turnover, Money balanceSheet, string? reason)
        {
            Staff += staff;
            Turnover += turnover;
            BalanceSheet += balanceSheet;
            Lines?.Add(new SmeAssessmentLine(path!, treatment, share, staff, turnover, balanceSheet, reason!));
        }
    }

    /// <summary>How one related party relates to the enterprise in question, and why (art. 3).</summary>
    private static (Relation Relation, Why Why) Relate(RelatedEnterprise r, EquatableArray<RelatedEnterprise> siblings, SmeThresholds t)
    {
        var share = CheckShare(r);
        switch (r.Kind)
        {
            case RelatedPartyKind.NaturalPersons:
                return (Relation.NaturalPersons, Why.NaturalPersons);
            case RelatedPartyKind.PublicBody:
                return (Relation.NotCounted, Why.PublicBody);
        }

        if (share > t.LinkedShareAbove)
        {
            return (Relation.Linked, Why.Majority);
        }

        if (r.Control != ControlMeans.None)
        {
            return (Relation.Linked, Why.Control);
        }

        if (r.IsListedInvestor && JointShare(r, siblings) is { } joint && joint > t.LinkedShareAbove.Fraction)
        {
            return (Relation.Linked, Why.JointlyLinkedInvestors);
        }

        if (share < t.PartnerShareFrom)
        {
            return (Relation.NotCounted, Why.BelowPartnerShare);
        }

        if (r.IsListedInvestor)
        {
            return IsExempt(r, t) ? (Relation.NotCounted, Why.ExemptInvestor) : (Relation.Partner, Why.InvestorOutsideItsLimits);
        }

        return (Relation.Partner, Why.Partner);
    }

    private static string Reason(Why why, RelatedEnterprise r, EquatableArray<RelatedEnterprise> siblings, SmeThresholds t)
    {
        string held = $"{Percent(r.Share)} of the capital or votes";
        return why switch
        {
            Why.NaturalPersons => "natural persons, not an enterprise; enterprises are linked through them only to an enterprise they control (art. 3(3), fourth subparagraph).",
            Why.PublicBody => $"A public body holding {held}: its figures are not counted, its share counts towards public control (art. 3(4)).",
            Why.Majority => $"Linked: {held}, a majority of the voting rights (art. 3(3)(a)).",
            Why.Control => $"Linked by control other than shares: {ControlText(r.Control)}.",
            Why.JointlyLinkedInvestors => $"An investor of art. 3(2) linked to other such investors ('{r.ActingJointlyWith}'), who together hold {Percent(Rate.FromFraction(JointShare(r, siblings) ?? 0m))}, above {Percent(t.LinkedShareAbove)}: linked jointly, not exempt (art. 3(2), second subparagraph; art. 3(3)).",
            Why.BelowPartnerShare => $"{char.ToUpperInvariant(held[0]) + held[1..]}, below {Percent(t.PartnerShareFrom)}: autonomous of it, not counted (art. 3(1)).",
            Why.ExemptInvestor => $"{Investor(r, t)} holding {held} without being linked, individually or jointly: the enterprise stays autonomous of it, not counted (art. 3(2), second subparagraph).",
            Why.InvestorOutsideItsLimits => $"{Investor(r, t)}: not an exempt investor, so a partner with {held} (art. 3(2)).",
            Why.Partner => $"A partner: {held}, from {Percent(t.PartnerShareFrom)} and not linked (art. 3(2)).",
            _ => string.Empty,
        };
    }

    private static bool IsExempt(RelatedEnterprise r, SmeThresholds t) => r.Kind switch
    {
        RelatedPartyKind.BusinessAngel => r.BusinessAngelInvestment is { } invested && invested.Currency == t.BusinessAngelInvestmentBelow.Currency && invested < t.BusinessAngelInvestmentBelow,
        RelatedPartyKind.AutonomousLocalAuthority => LocalAuthorityWithinLimits(r, t),
        _ => r.IsListedInvestor,
    };

    private static string Investor(RelatedEnterprise r, SmeThresholds t) => r.Kind switch
    {
        RelatedPartyKind.PublicInvestmentCorporation => "A public investment corporation (art. 3(2)(a))",
        RelatedPartyKind.VentureCapitalCompany => "A venture capital company (art. 3(2)(a))",
        RelatedPartyKind.BusinessAngel => IsExempt(r, t)
            ? $"Business angels investing {r.BusinessAngelInvestment} in total, below {t.BusinessAngelInvestmentBelow} (art. 3(2)(a))"
            : $"Business angels whose total investment ({(r.BusinessAngelInvestment?.ToString() ?? "not declared")}) is not below {t.BusinessAngelInvestmentBelow} (art. 3(2)(a))",
        RelatedPartyKind.University => "A university (art. 3(2)(b))",
        RelatedPartyKind.NonProfitResearchCentre => "A non-profit research centre (art. 3(2)(b))",
        RelatedPartyKind.InstitutionalInvestor => "An institutional investor (art. 3(2)(c))",
        RelatedPartyKind.RegionalDevelopmentFund => "A regional development fund, an institutional investor (art. 3(2)(c))",
        _ => IsExempt(r, t)
            ? $"An autonomous local authority with a budget of {r.AnnualBudget} and {r.Inhabitants?.ToString(CultureInfo.InvariantCulture)} inhabitants, below {t.LocalAuthorityBudgetBelow} and {t.LocalAuthorityInhabitantsBelow.ToString(CultureInfo.InvariantCulture)} (art. 3(2)(d))"
            : $"An autonomous local authority whose budget ({(r.AnnualBudget?.ToString() ?? "not declared")}) or inhabitants ({(r.Inhabitants?.ToString(CultureInfo.InvariantCulture) ?? "not declared")}) are not below {t.LocalAuthorityBudgetBelow} and {t.LocalAuthorityInhabitantsBelow.ToString(CultureInfo.InvariantCulture)} (art. 3(2)(d))",
    };

    private static bool LocalAuthorityWithinLimits(RelatedEnterprise r, SmeThresholds t) =>
        r.AnnualBudget is { } budget && budget.Currency == t.LocalAuthorityBudgetBelow.Currency && budget < t.LocalAuthorityBudgetBelow
        && r.Inhabitants is { } inhabitants && inhabitants < t.LocalAuthorityInhabitantsBelow;

    /// <summary>The share that listed investors linked to one another hold together, or null when the investor acts alone.</summary>
    private static decimal? JointShare(RelatedEnterprise r, EquatableArray<RelatedEnterprise> siblings)
    {
        if (string.IsNullOrWhiteSpace(r.ActingJointlyWith))
        {
            return null;
        }

        var group = r.ActingJointlyWith.AsSpan().Trim();
        decimal total = 0m;
        foreach (var s in siblings)
        {
            if (s is not null && s.IsListedInvestor && s.ActingJointlyWith is { } other && group.Equals(other.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
            {
                total += s.Share.Fraction;
            }
        }

        return total;
    }

    /// <summary>
    /// The share of the enterprise in question that public bodies control, directly or indirectly
    /// (art. 3(4)): public bodies; an autonomous local authority above the limits or linked; a public
    /// investment corporation that is linked; an upstream enterprise that public bodies control.
    /// </summary>
    private static Rate PublicShare(EquatableArray<RelatedEnterprise> related, SmeThresholds t)
    {
        decimal total = 0m;
        foreach (var r in related)
        {
            if (r is not null && IsPublicHolder(r, related, t))
            {
                total += r.Share.Fraction;
            }
        }

        // Rate.FromFraction's guard boxes its argument: the usual case (no public holder) allocates nothing.
        return total == 0m ? Rate.Zero : total >= 1m ? Rate.One : Rate.FromFraction(total);
    }

    private static bool IsPublicHolder(RelatedEnterprise r, EquatableArray<RelatedEnterprise> siblings, SmeThresholds t)
    {
        bool linked = r.Share > t.LinkedShareAbove || r.Control != ControlMeans.None
            || (r.IsListedInvestor && JointShare(r, siblings) is { } joint && joint > t.LinkedShareAbove.Fraction);
        return r.Kind switch
        {
            RelatedPartyKind.PublicBody => true,
            RelatedPartyKind.AutonomousLocalAuthority => linked || !LocalAuthorityWithinLimits(r, t),
            RelatedPartyKind.PublicInvestmentCorporation => linked,
            RelatedPartyKind.Enterprise => r.Direction == HoldingDirection.Upstream && IsControlledByPublicBodies(r, t),
            _ => false,
        };
    }

    private static bool IsControlledByPublicBodies(RelatedEnterprise holder, SmeThresholds t)
    {
        decimal total = 0m;
        foreach (var r in holder.Related)
        {
            if (r is not null && IsPublicHolder(r, holder.Related, t))
            {
                if (r.Control != ControlMeans.None)
                {
                    return true;
                }

                total += r.Share.Fraction;
            }
        }

        return total > t.LinkedShareAbove.Fraction;
    }

    private static string ControlText(ControlMeans control)
    {
        var parts = new List<string>(3);
        if (control.HasFlag(ControlMeans.BoardMajority))
        {
            parts.Add("the right to appoint or remove a majority of the board (art. 3(3)(b))");
        }

        if (control.HasFlag(ControlMeans.DominantInfluence))
        {
            parts.Add("a dominant influence under a contract or the articles (art. 3(3)(c))");
        }

        if (control.HasFlag(ControlMeans.VotingAgreement))
        {
            parts.Add("control of a majority of the votes under an agreement with other shareholders (art. 3(3)(d))");
        }

        return string.Join("; ", parts);
    }
}
