using System.Text.Encodings.Web;
using NodaTime.Text;
using Pimex.Admission;
using Pimex.Monetary;
using Pimex.StateAid;

namespace Pimex.Cli.Ledger;

/// <summary>
/// Writes ledger commands as JSON lines that <see cref="LedgerReader"/> reads back equal: one
/// compact object per line, the common fields first, then the command's own in a fixed order.
/// </summary>
internal static class LedgerWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one command as a line of JSON, without the line break.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(LedgerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("command", command.Name);
            w.WriteString("at", InstantPattern.ExtendedIso.Format(command.At));
            w.WriteStartObject("actor");
            w.WriteString("id", command.Actor.Id);
            w.WriteString("role", FieldReader.NameOf(command.Actor.Role));
            if (command.Actor.Company is { } represented)
            {
                w.WriteString("company", represented.Value);
            }

            w.WriteEndObject();
            if (command is ParticipantCommand p)
            {
                w.WriteString("company", p.Company.Value);
            }

            WriteFields(w, command);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFields(Utf8JsonWriter w, LedgerCommand command)
    {
        switch (command)
        {
            case OpenEdition c:
                w.WriteNumber("year", c.Year);
                break;
            case Apply c:
                var a = c.Application;
                w.WriteString("company", a.Company.Value);
                if (c.CompanyName is not null)
                {
                    w.WriteString("name", c.CompanyName);
                }

                if (c.Sector is not null)
                {
                    w.WriteString("sector", c.Sector);
                }

                w.WriteString("region", a.Region);
                Period(w, a.Profile);
                if (a.Profile.Earlier.Count > 0)
                {
                    w.WriteStartArray("earlier");
                    foreach (var period in a.Profile.Earlier)
                    {
                        w.WriteStartObject();
                        Period(w, period);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                Aid(w, "declaredAid", a.DeclaredAid);
                if (a.Restructurings.Count > 0)
                {
                    w.WriteStartArray("restructurings");
                    foreach (var r in a.Restructurings)
                    {
                        w.WriteStartObject();
                        w.WriteString("kind", FieldReader.NameOf(r.Kind));
                        w.WriteString("undertaking", r.Undertaking);
                        w.WriteString("effectiveOn", LocalDatePattern.Iso.Format(r.EffectiveOn));
                        Aid(w, "aid", r.Aid);
                        Aid(w, "unallocatedAid", r.UnallocatedAid);
                        if (r.Kind == RestructuringKind.Split && (r.EquityShare != Rate.Zero || r.UnallocatedAid.Count > 0))
                        {
                            Percent(w, "equityShare", r.EquityShare);
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                break;
            case Admit c:
                w.WriteString("company", c.Company.Value);
                break;
            case ScheduleSession c:
                w.WriteString("session", c.Session.Id);
                w.WriteString("date", LocalDatePattern.Iso.Format(c.Session.Date));
                w.WriteString("venue", c.Session.Venue);
                w.WriteString("topic", c.Session.Topic);
                w.WriteNumber("capacity", c.Session.Capacity);
                break;
            case RecordExpense c:
                w.WriteString("line", FieldReader.NameOf(c.Line));
                Money(w, "amount", c.Amount);
                w.WriteString("description", c.Description);
                break;
            case AssignTechnician c:
                w.WriteString("technician", c.Technician);
                break;
            case RecordAttendance c:
                w.WriteString("session", c.Session);
                break;
            case RecordTutorial c:
                w.WriteString("tutorial", c.Tutorial.Id);
                w.WriteString("date", LocalDatePattern.Iso.Format(c.Tutorial.Date));
                w.WriteString("venue", FieldReader.NameOf(c.Tutorial.Venue));
                w.WriteString("record", c.Tutorial.Record);
                break;
            case RecordTrainingPill c:
                w.WriteString("topic", c.Pill.Topic);
                w.WriteString("date", LocalDatePattern.Iso.Format(c.Pill.Date));
                w.WriteString("attendeeRole", c.Pill.AttendeeRole);
                break;
            case RequestConsultancy c:
                w.WriteNumber("hours", c.Hours);
                w.WriteString("topic", c.Topic);
                break;
            case SubmitSwot c:
                Strings(w, "strengths", c.Swot.Strengths);
                Strings(w, "weaknesses", c.Swot.Weaknesses);
                Strings(w, "opportunities", c.Swot.Opportunities);
                Strings(w, "threats", c.Swot.Threats);
                break;
            case ReviewSwot c:
                Review(w, c.Accept, c.Comment);
                break;
            case SubmitRoadmap c:
                w.WriteStartObject("horizon");
                w.WriteString("start", LocalDatePattern.Iso.Format(c.Roadmap.Horizon.Start));
                w.WriteString("end", LocalDatePattern.Iso.Format(c.Roadmap.Horizon.End));
                w.WriteEndObject();
                Strings(w, "targetMarkets", c.Roadmap.TargetMarkets);
                Strings(w, "objectives", c.Roadmap.Objectives);
                w.WriteStartArray("actions");
                foreach (var action in c.Roadmap.Actions)
                {
                    w.WriteStartObject();
                    w.WriteString("description", action.Description);
                    w.WriteString("market", action.Market);
                    w.WriteString("due", LocalDatePattern.Iso.Format(action.Due));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Strings(w, "indicators", c.Roadmap.Indicators);
                break;
            case ReviewRoadmap c:
                Review(w, c.Accept, c.Comment);
                break;
            case SubmitClaim c:
                w.WriteString("claim", c.Claim.Id);
                w.WriteString("invoice", c.Claim.InvoiceId);
                w.WriteString("supplier", c.Claim.Supplier);
                w.WriteString("invoiceDate", LocalDatePattern.Iso.Format(c.Claim.InvoiceDate));
                w.WriteString("category", c.Claim.Category);
                w.WriteString("description", c.Claim.Description);
                Money(w, "net", c.Claim.Net);
                Money(w, "vat", c.Claim.Vat);
                w.WriteBoolean("vatRecoverable", c.Claim.VatRecoverable);
                break;
            case VerifyClaim c:
                w.WriteString("claim", c.Claim);
                w.WriteString("verdict", FieldReader.NameOf(c.Verification.Verdict));
                if (c.Verification.Verdict == Promotion.ClaimVerdict.ApprovedInPart)
                {
                    Money(w, "approvedAmount", c.Verification.ApprovedAmount);
                }

                if (c.Verification.Reason is not null)
                {
                    w.WriteString("reason", c.Verification.Reason);
                }

                break;
            case AnswerSurvey c:
                w.WriteNumber("overall", c.Answer.Overall);
                if (c.Answer.Questions.Count > 0)
                {
                    w.WriteStartObject("questions");
                    foreach (var (question, score) in c.Answer.Questions.OrderBy(q => q.Key, StringComparer.Ordinal))
                    {
                        w.WriteNumber(question, score);
                    }

                    w.WriteEndObject();
                }

                break;
            case Withdraw c:
                w.WriteString("reason", c.Reason);
                break;
            case Exclude c:
                w.WriteString("reason", c.Reason);
                break;
            case Complete:
                break;
            default:
                throw new ArgumentException($"Unknown ledger command {command.GetType().Name}.", nameof(command));
        }
    }

    private static void Money(Utf8JsonWriter w, string name, Money amount) => w.WriteString(name, amount.ToString());

    private static void Percent(Utf8JsonWriter w, string name, Rate rate) =>
        w.WriteString(name, rate.Percent.ToString("0.####", CultureInfo.InvariantCulture) + "%");

    /// <summary>One accounting period of the declaration: its figures, then what differs from the defaults.</summary>
    private static void Period(Utf8JsonWriter w, CompanyProfile period)
    {
        if (period.PeriodEnd is { } end)
        {
            w.WriteString("periodEnd", LocalDatePattern.Iso.Format(end));
        }

        if (period.Basis != FiguresBasis.ApprovedAccounts)
        {
            w.WriteString("basis", FieldReader.NameOf(period.Basis));
        }

        w.WriteNumber("staff", period.Own.Staff);
        Money(w, "turnover", period.Own.Turnover);
        Money(w, "balanceSheet", period.Own.BalanceSheet);
        Related(w, period.Related);
    }

    /// <summary>Related enterprises, each with its own chain; only what differs from the defaults is written.</summary>
    private static void Related(Utf8JsonWriter w, EquatableArray<RelatedEnterprise> related)
    {
        if (related.Count == 0)
        {
            return;
        }

        w.WriteStartArray("related");
        foreach (var r in related)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            Percent(w, "share", r.Share);
            w.WriteNumber("staff", r.Figures.Staff);
            Money(w, "turnover", r.Figures.Turnover);
            Money(w, "balanceSheet", r.Figures.BalanceSheet);
            if (r.Kind != RelatedPartyKind.Enterprise)
            {
                w.WriteString("kind", FieldReader.NameOf(r.Kind));
            }

            if (r.Direction != HoldingDirection.Unstated)
            {
                w.WriteString("direction", FieldReader.NameOf(r.Direction));
            }

            if (r.Control != ControlMeans.None)
            {
                w.WriteStartArray("control");
                foreach (var means in Enum.GetValues<ControlMeans>().Where(m => m != ControlMeans.None && r.Control.HasFlag(m)))
                {
                    w.WriteStringValue(FieldReader.NameOf(means));
                }

                w.WriteEndArray();
            }

            if (r.IncludedThroughConsolidation)
            {
                w.WriteBoolean("includedThroughConsolidation", true);
            }

            if (r.SameOrAdjacentMarket)
            {
                w.WriteBoolean("sameOrAdjacentMarket", true);
            }

            if (r.ActingJointlyWith is not null)
            {
                w.WriteString("actingJointlyWith", r.ActingJointlyWith);
            }

            if (r.BusinessAngelInvestment is { } invested)
            {
                Money(w, "businessAngelInvestment", invested);
            }

            if (r.AnnualBudget is { } budget)
            {
                Money(w, "annualBudget", budget);
            }

            if (r.Inhabitants is { } inhabitants)
            {
                w.WriteNumber("inhabitants", inhabitants);
            }

            Related(w, r.Related);
            Aid(w, "aid", r.Aid);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Aid(Utf8JsonWriter w, string name, EquatableArray<AidReceived> aid)
    {
        if (aid.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var a in aid)
        {
            w.WriteStartObject();
            Money(w, "amount", a.Amount);
            w.WriteString("grantedOn", LocalDatePattern.Iso.Format(a.GrantedOn));
            w.WriteString("grantingBody", a.GrantingBody);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, EquatableArray<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }

    private static void Review(Utf8JsonWriter w, bool accept, string? comment)
    {
        w.WriteBoolean("accept", accept);
        if (comment is not null)
        {
            w.WriteString("comment", comment);
        }
    }
}
