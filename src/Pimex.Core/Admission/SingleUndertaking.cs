using NodaTime.Text;
using Pimex.Editions;
using Pimex.StateAid;

namespace Pimex.Admission;

/// <summary>
/// The "single undertaking" of the EU de minimis regulations (art. 2(2) of Regulation (EU)
/// 1407/2013 and of Regulation (EU) 2023/2831): the applicant together with the undertakings it
/// is linked to. The ceiling counts the aid of all of them, and the aid of the undertakings it
/// merged with, acquired or split from (art. 3(8)-(9)).
/// </summary>
/// <remarks>
/// <para>Linked (art. 2(2)(a)-(d)): a related enterprise whose share is above the rulebook's
/// <see cref="Rulebooks.AidRules.SingleUndertakingShareAbove"/> (a majority of the voting rights),
/// or that controls or is controlled by other means (<see cref="ControlMeans"/>: the right to
/// appoint or remove a majority of the board, a dominant influence by contract or articles, control
/// of the votes under an agreement with other shareholders); and, through it, the undertakings
/// linked to it, at any depth ("through one or more other undertakings"). Partners never belong
/// to it. Public bodies, autonomous local authorities and natural persons are not undertakings
/// linked this way, and undertakings held by the same natural persons are not reached through
/// them: the regulations name relationships between undertakings only.</para>
/// <para>Mergers and acquisitions (art. 3(8)): all prior aid of the merging undertakings counts.
/// Splits (art. 3(9)): the aid allocated to the applicant counts in full; aid that cannot be
/// allocated counts in proportion to the applicant's share of the new undertakings' equity,
/// rounded to the minor unit, half away from zero.</para>
/// </remarks>
[RuleConcept("Admission")]
public static class SingleUndertaking
{
    /// <summary>
    /// Every de minimis aid that counts towards the applicant's ceiling: its own, then each linked
    /// undertaking's (with <see cref="AidReceived.Recipient"/> naming it), then the aid carried by
    /// restructurings. Without linked undertakings' aid or restructurings this is
    /// <see cref="CompanyApplication.DeclaredAid"/> itself.
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="shareAbove">The rulebook's <see cref="Rulebooks.AidRules.SingleUndertakingShareAbove"/>.</param>
    /// <returns>The aid, in that order.</returns>
    public static EquatableArray<AidReceived> Aid(CompanyApplication application, Rate shareAbove)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(application.Profile);
        if (application.Restructurings.Count == 0 && !AnyLinkedAid(application.Profile.Related, shareAbove))
        {
            return application.DeclaredAid;
        }

        var aid = new List<AidReceived>(application.DeclaredAid.Items);
        Collect(application.Profile.Related, string.Empty, shareAbove, aid);
        foreach (var r in application.Restructurings)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(application));
            string label = $"{r.Undertaking} ({Name(r.Kind)} effective {LocalDatePattern.Iso.Format(r.EffectiveOn)})";
            foreach (var a in r.Aid)
            {
                aid.Add(a with { Recipient = label });
            }

            foreach (var a in r.UnallocatedAid)
            {
                aid.Add(a with
                {
                    Amount = a.Amount * r.EquityShare,
                    Recipient = $"{label}, {Rulebooks.Parameters.PercentText(r.EquityShare)} of {a.Amount} not allocated, by the book value of equity",
                });
            }
        }

        return new EquatableArray<AidReceived>(aid);
    }

    /// <summary>The names of the undertakings the applicant is linked to, as paths (<c>Parent &gt; Sister</c>).</summary>
    /// <param name="profile">The applicant's profile.</param>
    /// <param name="shareAbove">The rulebook's <see cref="Rulebooks.AidRules.SingleUndertakingShareAbove"/>.</param>
    /// <returns>The linked undertakings, depth first.</returns>
    public static IReadOnlyList<string> Members(CompanyProfile profile, Rate shareAbove)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var names = new List<string>();
        Walk(profile.Related, string.Empty, shareAbove, (path, _) => names.Add(path));
        return names;
    }

    /// <summary>Checks the restructurings an applicant declares: amounts in the currency and not negative, an equity share from 0 % to 100 %.</summary>
    /// <param name="application">The application.</param>
    /// <param name="currency">The programme's currency.</param>
    /// <returns>One error per problem, with <see cref="AdmissionErrors"/> codes; identifiers such as <c>restructurings[0].aid[1].amount</c>.</returns>
    public static IReadOnlyList<ValidationError> Validate(CompanyApplication application, Currency currency) => Validate(application, currency, ReportLanguage.English);

    /// <summary>Checks the restructurings an applicant declares, with each error's message in a language.</summary>
    /// <param name="application">The application.</param>
    /// <param name="currency">The programme's currency.</param>
    /// <param name="language">The language of the messages; codes and identifiers are the same in every language.</param>
    /// <returns>One error per problem, as <see cref="Validate(CompanyApplication, Currency)"/>.</returns>
    [Rule(AdmissionErrors.BlankRelatedEnterpriseName)]
    [Rule(AdmissionErrors.ShareOutOfRange)]
    [Rule(AdmissionErrors.WrongCurrency, "currency")]
    [Rule(AdmissionErrors.NegativeFigure)]
    public static IReadOnlyList<ValidationError> Validate(CompanyApplication application, Currency currency, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(application);
        var errors = new List<ValidationError>();
        for (int i = 0; i < application.Restructurings.Count; i++)
        {
            var r = application.Restructurings[i];
            ArgumentNullException.ThrowIfNull(r, nameof(application));
            string path = "restructurings[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (string.IsNullOrWhiteSpace(r.Undertaking))
            {
                errors.Add(DomainErrors.Refusal(language, path + ".undertaking", AdmissionErrors.BlankRelatedEnterpriseName + ".undertaking"));
            }

            if (r.EquityShare > Rate.One || (r.Kind != RestructuringKind.Split && (r.UnallocatedAid.Count > 0 || r.EquityShare != Rate.Zero)))
            {
                errors.Add(DomainErrors.Refusal(language, path + ".equityShare", AdmissionErrors.ShareOutOfRange + ".split"));
            }

            CheckAid(errors, path + ".aid", r.Aid, currency, language);
            CheckAid(errors, path + ".unallocatedAid", r.UnallocatedAid, currency, language);
        }

        return errors;
    }

    private static void CheckAid(List<ValidationError> errors, string path, EquatableArray<AidReceived> aid, Currency currency, ReportLanguage language)
    {
        for (int i = 0; i < aid.Count; i++)
        {
            var a = aid[i];
            ArgumentNullException.ThrowIfNull(a, nameof(aid));
            if (a.Amount.Currency != currency || a.Amount.IsNegative || a.Amount.Amount > CompanyProfileRules.MaxFigure)
            {
                errors.Add(DomainErrors.Refusal(language, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "].amount", (a.Amount.Currency != currency ? AdmissionErrors.WrongCurrency : AdmissionErrors.NegativeFigure) + ".aid", a.Amount, currency));
            }
        }
    }

    private static bool AnyLinkedAid(EquatableArray<RelatedEnterprise> related, Rate shareAbove)
    {
        foreach (var r in related)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(related));
            if (IsLinkedUndertaking(r, shareAbove) && (r.Aid.Count > 0 || AnyLinkedAid(r.Related, shareAbove)))
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(EquatableArray<RelatedEnterprise> related, string prefix, Rate shareAbove, List<AidReceived> aid) =>
        Walk(related, prefix, shareAbove, (path, r) =>
        {
            foreach (var a in r.Aid)
            {
                ArgumentNullException.ThrowIfNull(a, nameof(related));
                aid.Add(a with { Recipient = path });
            }
        });

    private static void Walk(EquatableArray<RelatedEnterprise> related, string prefix, Rate shareAbove, Action<string, RelatedEnterprise> visit)
    {
        foreach (var r in related)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(related));
            if (IsLinkedUndertaking(r, shareAbove))
            {
                string path = prefix + r.Name;
                visit(path, r);
                Walk(r.Related, path + " > ", shareAbove, visit);
            }
        }
    }

    private static bool IsLinkedUndertaking(RelatedEnterprise r, Rate shareAbove) =>
        r.Kind is not (RelatedPartyKind.PublicBody or RelatedPartyKind.AutonomousLocalAuthority or RelatedPartyKind.NaturalPersons)
        && (r.Share > shareAbove || r.Control != ControlMeans.None);

    private static string Name(RestructuringKind kind) => kind switch
    {
        RestructuringKind.Merger => "merger",
        RestructuringKind.Acquisition => "acquisition",
        _ => "split",
    };
}
