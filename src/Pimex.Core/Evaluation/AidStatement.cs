using System.Text;
using System.Text.Json;
using NodaTime.Text;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Evaluation;

/// <summary>What an entry of an aid statement is.</summary>
public enum AidKind
{
    /// <summary>De minimis aid the company declared having received from others, before its admission.</summary>
    Declared,

    /// <summary>The value of the in-kind support of its participation (training and consultancy), dated on admission.</summary>
    InKind,

    /// <summary>Promotion support granted on a verified expense claim, dated on the grant.</summary>
    PromotionSupport,
}

/// <summary>One aid on a company's statement.</summary>
/// <param name="Kind">Declared, in-kind or promotion support.</param>
/// <param name="GrantedOn">The date the aid was granted.</param>
/// <param name="Amount">Its value.</param>
/// <param name="GrantingBody">Who granted it, and for what.</param>
/// <param name="InLookBack">Whether it falls in the regime's look-back period ending on the statement's date, and so counts towards the ceiling.</param>
public sealed record AidStatementEntry(AidKind Kind, LocalDate GrantedOn, Money Amount, string GrantingBody, bool InLookBack)
{
    /// <summary>Whose aid it is when not the company's own: an undertaking linked to it (its single
    /// undertaking, art. 2(2) of the de minimis regulations), or one it merged with, acquired or
    /// split from (art. 3(8)-(9)); null for the company itself.</summary>
    public string? Recipient { get; init; }

    /// <summary>For promotion support, the id of the expense claim it was granted on; otherwise null.</summary>
    public string? Claim { get; init; }
}

/// <summary>
/// A participant's state-aid statement, for the company's de minimis records: every aid its
/// single undertaking received up to a date (declared by it or by the undertakings linked to it,
/// or carried by a merger, acquisition or split, each entry naming whose aid it is; the in-kind
/// value of its participation; each promotion support granted), what PIMEX granted, and where it stands against the regime's ceiling over
/// the look-back period on that date. Immutable, with value equality.
/// </summary>
/// <param name="Participant">The participant.</param>
/// <param name="On">The statement's date: aid granted after it is not on the statement.</param>
/// <param name="Regime">The state-aid regime in force on <paramref name="On"/>.</param>
/// <param name="LookBack">The regime's look-back period ending on <paramref name="On"/>, both ends included.</param>
/// <param name="Entries">Every aid granted on or before <paramref name="On"/>, by grant date (aid of one date in the order of <see cref="Participant.AidReceived"/>: declared, in-kind, then support by claim id).</param>
/// <param name="InKind">The in-kind value of the participation on the statement.</param>
/// <param name="PromotionSupport">The promotion support granted on the statement.</param>
/// <param name="CountedInLookBack">Every entry in the look-back period added up, declared aid included: what the ceiling is checked against, in the ceiling's currency (in a programme outside the euro, each entry converted at the rate of the day it was granted).</param>
/// <param name="Headroom">The ceiling minus what is counted, never below zero: how much more aid the company may receive on that date.</param>
public sealed record AidStatement(
    ParticipantId Participant,
    LocalDate On,
    AidRegime Regime,
    DateInterval LookBack,
    EquatableArray<AidStatementEntry> Entries,
    Money InKind,
    Money PromotionSupport,
    Money CountedInLookBack,
    Money Headroom)
{
    /// <summary>The language the rulebook names for its reports on the statement's date (English when it names none); <see cref="ToText()"/> writes in it.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;

    /// <summary>The aid PIMEX granted on the statement: in-kind value plus promotion support.</summary>
    public Money GrantedByPimex => InKind + PromotionSupport;

    /// <summary>The regime's ceiling per single undertaking over the look-back period.</summary>
    public Money Ceiling => Regime.Ceiling;

    /// <summary>
    /// Whose aid the statement counts besides the company's own: the undertakings of its single
    /// undertaking and of its mergers, acquisitions and splits, in the order they first appear.
    /// Empty when only the company's own aid is on the statement.
    /// </summary>
    public IReadOnlyList<string> OtherRecipients => [.. Entries.Where(e => e.Recipient is not null).Select(e => e.Recipient!).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether what is counted in the look-back period is within the ceiling.</summary>
    public bool IsWithinCeiling => CountedInLookBack <= Ceiling;

    /// <summary>
    /// The statement of a participant on a date, from <see cref="Participant.AidReceived"/> and
    /// the regime the rulebook puts in force on that date.
    /// </summary>
    /// <param name="participant">The participant.</param>
    /// <param name="rulebook">The participant's rulebook.</param>
    /// <param name="on">The statement's date.</param>
    /// <returns>
    /// The statement; or Invalid when the rulebook is not the participant's
    /// (<see cref="Editions.EditionErrors.WrongEdition"/>) or has no state-aid regime in force on
    /// <paramref name="on"/> (<see cref="EvaluationErrors.NoAidRegime"/>), or, in a programme outside
    /// the euro, no exchange rate for the day an aid in the look-back was granted
    /// (<see cref="Admission.AdmissionErrors.NoExchangeRate"/>): the aid counts in the ceiling's euros at
    /// that day's rate, while each entry, the in-kind value and the support keep the currency they were granted in.
    /// </returns>
    public static Result<AidStatement> Create(Participant participant, Rulebook rulebook, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(rulebook);
        if (!string.Equals(rulebook.Id, participant.Id.Edition.RulebookId, StringComparison.Ordinal))
        {
            return Result.Invalid(DomainErrors.Refusal(ReportLanguage.English, "rulebook", Editions.EditionErrors.WrongEdition, rulebook.Id, participant.Id));
        }

        if (!rulebook.Get(Parameters.AidRegimeRule).TryGetValue(on, out var regime))
        {
            return Result.Invalid(DomainErrors.Refusal(ReportLanguage.English, "on", EvaluationErrors.NoAidRegime, rulebook.Id, on));
        }

        var lookBack = regime.Period.LookBack(on);
        var zero = Money.Zero(regime.Ceiling.Currency);
        var own = Money.Zero(rulebook.Currency);
        Money inKind = own, support = own, counted = zero;
        var aid = participant.AidReceived();
        int declared = participant.Terms.DeclaredAid.Count;
        int inKindAt = participant.Terms.InKindAid.IsPositive ? declared : -1;
        var entries = new List<AidStatementEntry>(aid.Count);
        var claims = participant.Claims.Values
            .Where(r => r.Verification is { Decision.Granted.IsPositive: true })
            .Select(r => r.Claim.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        int firstSupport = declared + (inKindAt >= 0 ? 1 : 0);
        for (int i = 0; i < aid.Count; i++)
        {
            var received = aid[i];
            if (received.GrantedOn > on)
            {
                continue;
            }

            var kind = i < declared ? AidKind.Declared : i == inKindAt ? AidKind.InKind : AidKind.PromotionSupport;
            bool inLookBack = lookBack.Contains(received.GrantedOn);
            entries.Add(new AidStatementEntry(kind, received.GrantedOn, received.Amount, received.GrantingBody, inLookBack)
            {
                Recipient = received.Recipient,
                Claim = kind == AidKind.PromotionSupport && i - firstSupport < claims.Count ? claims[i - firstSupport] : null,
            });
            if (kind == AidKind.InKind)
            {
                inKind += received.Amount;
            }
            else if (kind == AidKind.PromotionSupport)
            {
                support += received.Amount;
            }

            if (inLookBack)
            {
                // Aid in another currency than the ceiling's (a programme outside the euro) counts at
                // the rate of the day it was granted (aid.exchangeRate: grantDate).
                if (received.Amount.Currency == zero.Currency)
                {
                    counted += received.Amount;
                }
                else if (zero.Currency == Currency.EUR && rulebook.ExchangeRates.TryFind(received.Amount.Currency, received.GrantedOn, out var rate))
                {
                    counted += rate.ToEuros(received.Amount);
                }
                else
                {
                    return Result.Invalid(DomainErrors.Refusal(ReportLanguage.English, "declaredAid", Admission.AdmissionErrors.NoExchangeRate + ".aid", received.Amount.Currency.Code, received.GrantedOn));
                }
            }
        }

        return new AidStatement(
            participant.Id,
            on,
            regime,
            lookBack,
            new EquatableArray<AidStatementEntry>(entries.OrderBy(e => e.GrantedOn)),
            inKind,
            support,
            counted,
            Money.Max(regime.Ceiling - counted, zero))
        {
            Language = rulebook.Get(Parameters.ReportLanguageRule).TryGetValue(on, out var code) && ReportLanguage.TryFromCode(code, out var language) ? language : ReportLanguage.English,
        };
    }

    /// <summary>The statement as indented JSON with the stable camelCase field names of <c>docs/evaluation.md</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ReportFormat.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("participant", Participant.ToString());
        w.WriteString("edition", Participant.Edition.ToString());
        w.WriteString("company", Participant.Company.Value);
        w.WriteDate("on", On);
        w.WriteString("currency", Ceiling.Currency.Code);
        var regime = JsonSerializer.SerializeToNode(Regime, ReportJson.Default.AidRegime)!.AsObject();
        if (Regime.Reference is null)
        {
            regime.Remove("reference");
        }

        w.WritePropertyName("regime");
        regime.WriteTo(w);
        w.WriteInterval("lookBack", LookBack);
        w.WriteStartArray("entries");
        foreach (var entry in Entries)
        {
            WriteEntry(w, entry);
        }

        w.WriteEndArray();
        w.WriteMoney("inKind", InKind);
        w.WriteMoney("promotionSupport", PromotionSupport);
        w.WriteMoney("grantedByPimex", GrantedByPimex);
        w.WriteMoney("countedInLookBack", CountedInLookBack);
        w.WriteMoney("ceiling", Ceiling);
        w.WriteMoney("headroom", Headroom);
        w.WriteBoolean("withinCeiling", IsWithinCeiling);
        w.WriteEndObject();
    });

    /// <summary>The statement as plain-text tables, in the rulebook's language: the aid received, then the position against the ceiling.</summary>
    /// <returns>The text.</returns>
    public string ToText() => ToText(Language);

    /// <summary>The statement as plain-text tables, in a given language: the aid received, then the position against the ceiling.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The text.</returns>
    public string ToText(ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var l = language;
        var period = l.Format("aid.period." + ReportFormat.Name(Regime.Period.Kind), l.Number(Regime.Period.Years));
        var text = new StringBuilder();
        text.Append(l.Format("aid.title", Participant, l.Date(On))).Append('\n')
            .Append(l.Format("aid.regime", Regime.Name, l.Money(Regime.Ceiling), period, l.Format("common.range", l.Date(LookBack.Start), l.Date(LookBack.End)))).Append('\n');
        if (Regime.Reference is not null)
        {
            text.Append(l.Format("aid.reference", Regime.Reference)).Append('\n');
        }

        var others = OtherRecipients;
        if (others.Count > 0)
        {
            text.Append(l.Format("aid.singleUndertaking", string.Join("; ", others))).Append('\n');
        }

        text.Append('\n').Append(l.Term("aid.receivedTitle")).Append('\n');
        var header = l.Header("aid.grantedOn", "aid.kind", "aid.amount", "aid.body", "aid.inLookBack");
        var rows = new List<string[]> { others.Count > 0 ? [.. header, l.Term("aid.recipient")] : header };
        foreach (var entry in Entries)
        {
            string[] row = [l.Date(entry.GrantedOn), l.Term("aid.kind." + ReportFormat.Name(entry.Kind)), l.Money(entry.Amount), Body(entry, l), l.YesNo(entry.InLookBack)];
            rows.Add(others.Count > 0 ? [.. row, entry.Recipient ?? l.Term("aid.theCompany")] : row);
        }

        text.Append(TextTable.Render(rows)).Append('\n').Append(l.Term("aid.positionTitle")).Append('\n');
        text.Append(TextTable.Render(
        [
            [l.Term("common.figure"), l.Term("common.value")],
            [l.Term("aid.inKindValue"), l.Money(InKind)],
            [l.Term("aid.promotionSupport"), l.Money(PromotionSupport)],
            [l.Term("aid.grantedByPimex"), l.Money(GrantedByPimex)],
            [l.Term("aid.counted"), l.Money(CountedInLookBack)],
            [l.Term("aid.ceiling"), l.Money(Ceiling)],
            [l.Term("aid.headroom"), l.Money(Headroom)],
            [l.Term("aid.within"), l.YesNo(IsWithinCeiling)],
        ]));
        text.Append(l.Term("aid.note")).Append('\n');
        return text.ToString();
    }

    private static void WriteEntry(Utf8JsonWriter w, AidStatementEntry entry)
    {
        w.WriteStartObject();
        w.WriteString("kind", ReportFormat.Name(entry.Kind));
        w.WriteDate("grantedOn", entry.GrantedOn);
        w.WriteMoney("amount", entry.Amount);
        w.WriteString("grantingBody", entry.GrantingBody);
        w.WriteBoolean("inLookBack", entry.InLookBack);
        if (entry.Recipient is not null)
        {
            w.WriteString("recipient", entry.Recipient);
        }

        if (entry.Claim is not null)
        {
            w.WriteString("claim", entry.Claim);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Who granted an aid, in the language: PIMEX's own aid (in kind, and promotion support on a
    /// claim) is said in the language; aid the company declared keeps the body it declared.
    /// </summary>
    private string Body(AidStatementEntry entry, ReportLanguage l) => entry.Kind switch
    {
        AidKind.InKind => l.Format("aid.body.inKind", Participant.Edition),
        AidKind.PromotionSupport when entry.Claim is { } claim => l.Format("aid.body.support", Participant.Edition, claim),
        _ => entry.GrantingBody,
    };
}
