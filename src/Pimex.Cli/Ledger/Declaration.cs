using Pimex.Admission;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.StateAid;

namespace Pimex.Cli.Ledger;

/// <summary>
/// The JSON form of an <c>apply</c> line: the company, then the model SME declaration (its
/// accounting periods, related enterprises at any depth, aid received, restructurings), read and
/// written here side by side so that they stay each other's inverse.
/// </summary>
internal static class Declaration
{
    /// <summary>The fields of <c>apply</c>: the company, then the model SME declaration.</summary>
    public static readonly IReadOnlyList<string> ApplyFields =
        ["company", "name", "sector", "region", "staff", "turnover", "balanceSheet", "basis", "periodEnd", "related", "earlier", "declaredAid", "restructurings"];

    /// <summary>The fields of an enterprise in <c>related</c>, at any depth.</summary>
    public static readonly IReadOnlyList<string> RelatedFields =
    [
        "name", "share", "staff", "turnover", "balanceSheet", "kind", "direction", "control", "includedThroughConsolidation",
        "sameOrAdjacentMarket", "actingJointlyWith", "businessAngelInvestment", "annualBudget", "inhabitants", "related", "aid",
    ];

    /// <summary>The fields of an earlier accounting period in <c>earlier</c>.</summary>
    public static readonly IReadOnlyList<string> EarlierFields = ["periodEnd", "basis", "staff", "turnover", "balanceSheet", "related"];

    /// <summary>The fields of a merger, acquisition or split in <c>restructurings</c>.</summary>
    public static readonly IReadOnlyList<string> RestructuringFields = ["kind", "undertaking", "effectiveOn", "aid", "unallocatedAid", "equityShare"];

    /// <summary>The fields of one aid received.</summary>
    public static readonly IReadOnlyList<string> AidFields = ["amount", "grantedOn", "grantingBody"];

    private static readonly string[] SplitOnlyFields = ["unallocatedAid", "equityShare"];

    /// <summary>Reads an <c>apply</c> line's own fields.</summary>
    /// <param name="r">The line's reader.</param>
    /// <param name="at">The command's moment.</param>
    /// <param name="actor">Its actor.</param>
    /// <returns>The command (with placeholders where the reader recorded problems).</returns>
    public static Apply Read(FieldReader r, Instant at, Actor actor)
    {
        var company = r.Company();
        var name = r.OptionalString("name");
        var sector = r.OptionalString("sector");
        var region = r.String("region");
        var profile = ReadPeriod(r);
        var earlier = new List<CompanyProfile>();
        foreach (var e in r.Objects("earlier", required: false))
        {
            earlier.Add(ReadPeriod(e));
            e.RejectUnknown(EarlierFields);
        }

        var aid = ReadAid(r, "declaredAid");
        var restructurings = new List<Restructuring>();
        foreach (var e in r.Objects("restructurings", required: false))
        {
            restructurings.Add(ReadRestructuring(e));
            e.RejectUnknown(RestructuringFields);
        }

        var application = new CompanyApplication(company, region, profile with { Earlier = new EquatableArray<CompanyProfile>(earlier) }, aid)
        {
            Restructurings = new EquatableArray<Restructuring>(restructurings),
        };
        return new Apply(at, actor, application, name, sector);
    }

    /// <summary>Writes an <c>apply</c> line's own fields, in the order of <see cref="ApplyFields"/>; what equals a default is left out.</summary>
    /// <param name="w">The writer, inside the line's object.</param>
    /// <param name="command">The command.</param>
    public static void Write(Utf8JsonWriter w, Apply command)
    {
        var a = command.Application;
        w.WriteString("company", a.Company.Value);
        if (command.CompanyName is not null)
        {
            w.WriteString("name", command.CompanyName);
        }

        if (command.Sector is not null)
        {
            w.WriteString("sector", command.Sector);
        }

        w.WriteString("region", a.Region);
        WritePeriod(w, a.Profile);
        w.WriteObjects("earlier", a.Profile.Earlier, WritePeriod);
        WriteAid(w, "declaredAid", a.DeclaredAid);
        w.WriteObjects("restructurings", a.Restructurings, WriteRestructuring);
    }

    /// <summary>One accounting period of the declaration: its figures, their basis, its end and its related enterprises.</summary>
    private static CompanyProfile ReadPeriod(FieldReader r)
    {
        var own = ReadFigures(r);
        var basis = r.Has("basis") ? r.Enum<FiguresBasis>("basis") : Touched(r, "basis", FiguresBasis.ApprovedAccounts);
        LocalDate? periodEnd = r.Has("periodEnd") ? r.Date("periodEnd") : Touched<LocalDate?>(r, "periodEnd", null);
        return new CompanyProfile(own, ReadRelated(r)) { Basis = basis, PeriodEnd = periodEnd };
    }

    /// <summary>One accounting period of the declaration: its figures, then what differs from the defaults.</summary>
    private static void WritePeriod(Utf8JsonWriter w, CompanyProfile period)
    {
        if (period.PeriodEnd is { } end)
        {
            w.WriteDate("periodEnd", end);
        }

        if (period.Basis != FiguresBasis.ApprovedAccounts)
        {
            w.WriteName("basis", period.Basis);
        }

        WriteFigures(w, period.Own);
        w.WriteObjects("related", period.Related, WriteRelated);
    }

    /// <summary>The related enterprises of an enterprise, each with its own chain (art. 3 and 6 of the Recommendation's annex).</summary>
    private static EquatableArray<RelatedEnterprise> ReadRelated(FieldReader r)
    {
        var related = new List<RelatedEnterprise>();
        foreach (var e in r.Objects("related", required: false))
        {
            var enterprise = new RelatedEnterprise(e.String("name"), e.Percent("share"), ReadFigures(e))
            {
                Kind = e.Has("kind") ? e.Enum<RelatedPartyKind>("kind") : Touched(e, "kind", RelatedPartyKind.Enterprise),
                Direction = e.Has("direction") ? e.Enum<HoldingDirection>("direction") : Touched(e, "direction", HoldingDirection.Unstated),
                Control = ReadControl(e),
                IncludedThroughConsolidation = e.OptionalBool("includedThroughConsolidation", false),
                SameOrAdjacentMarket = e.OptionalBool("sameOrAdjacentMarket", false),
                ActingJointlyWith = e.OptionalString("actingJointlyWith"),
                BusinessAngelInvestment = e.OptionalMoney("businessAngelInvestment"),
                AnnualBudget = e.OptionalMoney("annualBudget"),
                Inhabitants = e.Has("inhabitants") ? e.Int("inhabitants") : Touched<int?>(e, "inhabitants", null),
                Related = ReadRelated(e),
                Aid = ReadAid(e, "aid"),
            };
            related.Add(enterprise);
            e.RejectUnknown(RelatedFields);
        }

        return new EquatableArray<RelatedEnterprise>(related);
    }

    /// <summary>A related enterprise, with its own chain; only what differs from the defaults is written.</summary>
    private static void WriteRelated(Utf8JsonWriter w, RelatedEnterprise r)
    {
        w.WriteString("name", r.Name);
        w.WritePercent("share", r.Share);
        WriteFigures(w, r.Figures);
        if (r.Kind != RelatedPartyKind.Enterprise)
        {
            w.WriteName("kind", r.Kind);
        }

        if (r.Direction != HoldingDirection.Unstated)
        {
            w.WriteName("direction", r.Direction);
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
            w.WriteMoney("businessAngelInvestment", invested);
        }

        if (r.AnnualBudget is { } budget)
        {
            w.WriteMoney("annualBudget", budget);
        }

        if (r.Inhabitants is { } inhabitants)
        {
            w.WriteNumber("inhabitants", inhabitants);
        }

        w.WriteObjects("related", r.Related, WriteRelated);
        WriteAid(w, "aid", r.Aid);
    }

    /// <summary>Control by other means than a majority of the votes (art. 3(3)(b)-(d)): an array of names.</summary>
    private static ControlMeans ReadControl(FieldReader r)
    {
        var control = ControlMeans.None;
        var names = Enum.GetValues<ControlMeans>().Where(v => v != ControlMeans.None).ToArray();
        foreach (var (element, path) in r.Array("control", required: false))
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                r.Errors.Add(new LedgerError(r.Line, path, LedgerErrors.WrongType, $"Expected a string, found {FieldReader.Describe(element)}."));
                continue;
            }

            var text = element.GetString()!;
            var means = names.Where(v => string.Equals(FieldReader.NameOf(v), text, StringComparison.Ordinal)).ToArray();
            if (means.Length == 0)
            {
                r.Errors.Add(new LedgerError(r.Line, path, LedgerErrors.InvalidValue, $"'{text}' is not one of: {string.Join(", ", names.Select(v => FieldReader.NameOf(v)))}."));
                continue;
            }

            control |= means[0];
        }

        return control;
    }

    private static EquatableArray<AidReceived> ReadAid(FieldReader r, string field)
    {
        var aid = new List<AidReceived>();
        foreach (var e in r.Objects(field, required: false))
        {
            aid.Add(new AidReceived(e.Money("amount"), e.Date("grantedOn"), e.String("grantingBody")));
            e.RejectUnknown(AidFields);
        }

        return new EquatableArray<AidReceived>(aid);
    }

    private static void WriteAid(Utf8JsonWriter w, string name, EquatableArray<AidReceived> aid) =>
        w.WriteObjects(name, aid, static (w, a) => w.WriteFields(AidFields, a.Amount, a.GrantedOn, a.GrantingBody));

    /// <summary>A merger, acquisition or split whose aid counts towards the applicant's ceiling (art. 3(8)-(9) of the de minimis regulations).</summary>
    private static Restructuring ReadRestructuring(FieldReader r)
    {
        var kind = r.Enum<RestructuringKind>("kind");
        var restructuring = new Restructuring(kind, r.String("undertaking"), r.Date("effectiveOn"), ReadAid(r, "aid"))
        {
            UnallocatedAid = ReadAid(r, "unallocatedAid"),
            EquityShare = r.Has("equityShare") ? r.Percent("equityShare") : Touched(r, "equityShare", Rate.Zero),
        };
        if (kind != RestructuringKind.Split && r.Has("kind"))
        {
            foreach (var field in SplitOnlyFields.Where(r.Has))
            {
                r.Error(field, LedgerErrors.UnknownField, $"Only a split has '{field}' (art. 3(9)); a merger or an acquisition brings all the undertaking's aid in 'aid' (art. 3(8)).");
            }
        }
        else if (kind == RestructuringKind.Split && restructuring.UnallocatedAid.Count > 0 && !r.Has("equityShare"))
        {
            r.Error("equityShare", LedgerErrors.MissingField, "A split's unallocated aid is divided by the applicant's share of the book value of the new undertakings' equity (art. 3(9)): give 'equityShare'.");
        }

        return restructuring;
    }

    private static void WriteRestructuring(Utf8JsonWriter w, Restructuring r)
    {
        w.WriteName("kind", r.Kind);
        w.WriteString("undertaking", r.Undertaking);
        w.WriteDate("effectiveOn", r.EffectiveOn);
        WriteAid(w, "aid", r.Aid);
        WriteAid(w, "unallocatedAid", r.UnallocatedAid);
        if (r.Kind == RestructuringKind.Split && (r.EquityShare != Rate.Zero || r.UnallocatedAid.Count > 0))
        {
            w.WritePercent("equityShare", r.EquityShare);
        }
    }

    /// <summary>Marks an optional field as read and returns its default.</summary>
    private static T Touched<T>(FieldReader r, string name, T fallback)
    {
        r.Touch(name);
        return fallback;
    }

    private static EnterpriseFigures ReadFigures(FieldReader r) =>
        new(r.Decimal("staff"), r.Money("turnover"), r.Money("balanceSheet"));

    private static void WriteFigures(Utf8JsonWriter w, EnterpriseFigures figures)
    {
        w.WriteNumber("staff", figures.Staff);
        w.WriteMoney("turnover", figures.Turnover);
        w.WriteMoney("balanceSheet", figures.BalanceSheet);
    }
}
