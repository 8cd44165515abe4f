using System.Collections.Frozen;
using Pimex.Admission;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks.Json;
using Pimex.StateAid;

namespace Pimex.Cli.Ledger;

/// <summary>What reading a ledger gave: every command with its line, or every problem found.</summary>
/// <param name="Entries">The commands, in line order; empty when there are errors.</param>
/// <param name="Errors">Every problem, in line order; empty when the ledger is well formed.</param>
internal sealed record LedgerReadResult(IReadOnlyList<LedgerEntry> Entries, IReadOnlyList<LedgerError> Errors)
{
    public bool IsSuccess => Errors.Count == 0;
}

/// <summary>
/// Reads a ledger in the JSON-lines format of <c>docs/ledger-format.md</c>: one command per line.
/// Blank lines and lines starting with <c>//</c> are skipped. Every line is read before anything is
/// applied, and any problem on any line makes the whole ledger unreadable: all problems are
/// reported, each with its line number, path and code, and no command is applied. A ledger is
/// read line by line (<see cref="Scan"/>): <c>pimex run</c> applies each command as its line is
/// read and discards the run if any line is broken, never holding the whole text or every command.
/// </summary>
internal static class LedgerReader
{
    /// <summary>The longest line accepted, in characters (1 MiB); a ledger has no limit as a whole, since it is read line by line.</summary>
    public const int MaxLineCharacters = 1024 * 1024;

    /// <summary>The deepest nesting accepted on one line.</summary>
    public const int MaxDepth = 16;

    /// <summary>The fields every command has.</summary>
    public static readonly IReadOnlyList<string> CommonFields = ["command", "at", "actor"];

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

    private static readonly string[] ActorFields = ["id", "role", "company"];

    private static readonly string[] SplitOnlyFields = ["unallocatedAid", "equityShare"];

    /// <summary>The fields of one aid received.</summary>
    public static readonly IReadOnlyList<string> AidFields = ["amount", "grantedOn", "grantingBody"];

    private static readonly CommandSpec[] SpecList =
    [
        new("openEdition", ["year"], (r, at, actor) => new OpenEdition(at, actor, r.Int("year"))),
        new("apply", ApplyFields, ReadApply),
        new("admit", ["company"], (r, at, actor) => new Admit(at, actor, r.Company())),
        new("scheduleSession", ["session", "date", "venue", "topic", "capacity"], (r, at, actor) =>
            new ScheduleSession(at, actor, new GroupSession(r.Id("session"), r.Date("date"), r.String("venue"), r.String("topic"), r.Int("capacity")))),
        new("recordExpense", ["line", "amount", "description"], (r, at, actor) =>
            new RecordExpense(at, actor, r.Enum<BudgetLine>("line"), r.Money("amount"), r.String("description"))),
        new("assignTechnician", ["company", "technician"], (r, at, actor) => new AssignTechnician(at, actor, r.Company(), r.String("technician"))),
        new("recordAttendance", ["company", "session"], (r, at, actor) => new RecordAttendance(at, actor, r.Company(), r.String("session"))),
        new("recordTutorial", ["company", "tutorial", "date", "venue", "record"], (r, at, actor) =>
            new RecordTutorial(at, actor, r.Company(), new Tutorial(r.String("tutorial"), r.Date("date"), r.Enum<VenueKind>("venue"), r.String("record")))),
        new("recordTrainingPill", ["company", "topic", "date", "attendeeRole"], (r, at, actor) =>
            new RecordTrainingPill(at, actor, r.Company(), new TrainingPill(r.String("topic"), r.Date("date"), r.String("attendeeRole")))),
        new("requestConsultancy", ["company", "hours", "topic"], (r, at, actor) =>
            new RequestConsultancy(at, actor, r.Company(), r.Decimal("hours"), r.String("topic"))),
        new("submitSwot", ["company", "strengths", "weaknesses", "opportunities", "threats"], (r, at, actor) =>
            new SubmitSwot(at, actor, r.Company(), new Swot(r.Strings("strengths"), r.Strings("weaknesses"), r.Strings("opportunities"), r.Strings("threats")))),
        new("reviewSwot", ["company", "accept", "comment"], (r, at, actor) => new ReviewSwot(at, actor, r.Company(), r.Bool("accept"), r.OptionalString("comment"))),
        new("submitRoadmap", ["company", "horizon", "targetMarkets", "objectives", "actions", "indicators"], ReadRoadmap),
        new("reviewRoadmap", ["company", "accept", "comment"], (r, at, actor) => new ReviewRoadmap(at, actor, r.Company(), r.Bool("accept"), r.OptionalString("comment"))),
        new("submitClaim", ["company", "claim", "invoice", "supplier", "invoiceDate", "category", "description", "net", "vat", "vatRecoverable"], (r, at, actor) =>
            new SubmitClaim(at, actor, r.Company(), new ExpenseClaim(
                r.Id("claim"), r.String("invoice"), r.String("supplier"), r.Date("invoiceDate"), r.String("category"), r.String("description"),
                r.Money("net"), r.Money("vat"), r.Bool("vatRecoverable")))),
        new("verifyClaim", ["company", "claim", "verdict", "approvedAmount", "reason"], ReadVerification),
        new("answerSurvey", ["company", "overall", "questions"], (r, at, actor) =>
            new AnswerSurvey(at, actor, r.Company(), new SurveyAnswer(r.Int("overall"), r.IntMap("questions")))),
        new("complete", ["company"], (r, at, actor) => new Complete(at, actor, r.Company())),
        new("withdraw", ["company", "reason"], (r, at, actor) => new Withdraw(at, actor, r.Company(), r.String("reason"))),
        new("exclude", ["company", "reason"], (r, at, actor) => new Exclude(at, actor, r.Company(), r.String("reason"))),
    ];

    private static readonly FrozenDictionary<string, CommandSpec> Specs = SpecList.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The command names, in documentation order.</summary>
    public static IEnumerable<string> CommandNames => SpecList.Select(s => s.Name);

    /// <summary>The fields of one command besides the common ones.</summary>
    /// <param name="command">The command's name.</param>
    /// <returns>Its own fields.</returns>
    public static IReadOnlyList<string> FieldsOf(string command) => Specs[command].Fields;

    /// <summary>Reads a whole ledger held in memory: the same reading as <see cref="Scan"/>, the commands kept.</summary>
    /// <param name="text">The ledger's text.</param>
    /// <returns>The commands, or every problem.</returns>
    public static LedgerReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<LedgerEntry>();
        var errors = new List<LedgerError>();
        using var reader = new StringReader(text);
        Scan(reader, entries.Add, errors);
        return errors.Count == 0 ? new LedgerReadResult(entries, []) : new LedgerReadResult([], errors);
    }

    /// <summary>
    /// Reads a ledger line by line from a reader, handing each well-formed command to
    /// <paramref name="onEntry"/> as soon as its line is read: only one line is held at a time.
    /// Problems go to <paramref name="errors"/>; when there is any, the caller must not apply the
    /// commands already handed over (<c>pimex run</c> discards the run it applied them to).
    /// </summary>
    /// <param name="reader">The ledger's text.</param>
    /// <param name="onEntry">What to do with each command read, in line order.</param>
    /// <param name="errors">Where problems go, in line order.</param>
    /// <returns>How many commands were read (well-formed lines).</returns>
    public static int Scan(TextReader reader, Action<LedgerEntry> onEntry, List<LedgerError> errors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onEntry);
        ArgumentNullException.ThrowIfNull(errors);
        int commands = 0;
        var lines = new LedgerLines(reader, MaxLineCharacters);
        while (lines.Next() is { } line)
        {
            if (line.TooLong)
            {
                errors.Add(new LedgerError(line.Number, "$", LedgerErrors.TooLarge, string.Create(CultureInfo.InvariantCulture, $"The line has more than {MaxLineCharacters} characters.")));
                continue;
            }

            if (ReadLine(line.Text, line.Number, errors) is { } command)
            {
                commands++;
                onEntry(new LedgerEntry(line.Number, command));
            }
        }

        if (errors.Count == 0 && commands == 0)
        {
            errors.Add(new LedgerError(0, "$", LedgerErrors.Empty, "The ledger holds no command."));
        }

        return commands;
    }

    /// <summary>Reads one line: a command, or null after recording its problems.</summary>
    /// <param name="json">The line's text.</param>
    /// <param name="line">Its number.</param>
    /// <param name="errors">Where problems go.</param>
    /// <returns>The command, or null.</returns>
    public static LedgerCommand? ReadLine(string json, int line, List<LedgerError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        int before = errors.Count;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            var tooDeep = NestsDeeperThan(json, MaxDepth);
            errors.Add(new LedgerError(
                line,
                "$",
                tooDeep ? LedgerErrors.TooLarge : LedgerErrors.MalformedJson,
                tooDeep ? $"The line is nested more than {MaxDepth} levels deep." : $"Not valid JSON (position {(ex.BytePositionInLine ?? 0) + 1}): {JsonErrorText.Describe(ex)}"));
            return null;
        }
        catch (ArgumentException)
        {
            // A lone UTF-16 surrogate cannot be transcoded to UTF-8.
            errors.Add(new LedgerError(line, "$", LedgerErrors.MalformedJson, "Not valid text: the line holds an unpaired UTF-16 surrogate."));
            return null;
        }

        using (document)
        {
            // Only a \u escape can name an unpaired surrogate: most lines need no second look.
            if (json.Contains("\\u", StringComparison.Ordinal) && EscapesAnUnpairedSurrogate(json))
            {
                errors.Add(new LedgerError(line, "$", LedgerErrors.MalformedJson, "Not valid text: a \\u escape names an unpaired UTF-16 surrogate (such as \\uD800 alone)."));
                return null;
            }

            try
            {
                return ReadCommand(document.RootElement, line, errors, before);
            }
            finally
            {
                FieldReader.ReleaseAll();
            }
        }
    }

    /// <summary>Reads the command of a well-formed line.</summary>
    private static LedgerCommand? ReadCommand(JsonElement root, int line, List<LedgerError> errors, int before)
    {
        var r = FieldReader.Open(root, line, "$", errors);
        if (r is null)
        {
            return null;
        }

        if (!r.Has("command"))
        {
            r.Error("command", LedgerErrors.MissingField, $"Every line names its command; one of: {string.Join(", ", CommandNames)}.");
            return null;
        }

        var name = r.String("command");
        if (errors.Count > before)
        {
            return null;
        }

        if (!Specs.TryGetValue(name, out var spec))
        {
            r.Error("command", LedgerErrors.UnknownCommand, $"'{name}' is not a command{Spelling.DidYouMean(name, CommandNames)}; one of: {string.Join(", ", CommandNames)}.");
            return null;
        }

        var at = r.Instant("at");
        var actor = ReadActor(r);
        var command = spec.Read(r, at, actor);
        r.RejectUnknown(CommonFields.Concat(spec.Fields));
        return errors.Count > before ? null : command;
    }

    /// <summary>
    /// Whether a string or key of a well-formed line escapes an unpaired surrogate
    /// (<c>"\uD800"</c>): valid JSON, but reading it as text throws.
    /// </summary>
    private static bool EscapesAnUnpairedSurrogate(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }

        return false;
    }

    /// <summary>Whether the text opens more than <paramref name="maxDepth"/> nested objects or arrays before any syntax error.</summary>
    private static bool NestsDeeperThan(string json, int maxDepth)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error before the depth limit: malformed.
        }

        return false;
    }

    private static Actor ReadActor(FieldReader r)
    {
        var a = r.Object("actor");
        if (a is null)
        {
            return new Actor(FieldReader.Placeholder, ActorRole.ProgrammeManager);
        }

        var id = a.Id("id");
        var role = a.Enum<ActorRole>("role");
        CompanyId? company = null;
        if (role == ActorRole.CompanyRepresentative)
        {
            company = a.Company("company");
        }
        else if (a.Has("company"))
        {
            a.String("company");
            a.Error("company", LedgerErrors.InvalidValue, "Only a companyRepresentative acts for a company.");
        }

        a.RejectUnknown(ActorFields);
        return new Actor(id, role, company);
    }

    private static Apply ReadApply(FieldReader r, Instant at, Actor actor)
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

    /// <summary>One accounting period of the declaration: its figures, their basis, its end and its related enterprises.</summary>
    private static CompanyProfile ReadPeriod(FieldReader r)
    {
        var own = ReadFigures(r);
        var basis = r.Has("basis") ? r.Enum<FiguresBasis>("basis") : Touched(r, "basis", FiguresBasis.ApprovedAccounts);
        LocalDate? periodEnd = r.Has("periodEnd") ? r.Date("periodEnd") : Touched<LocalDate?>(r, "periodEnd", null);
        return new CompanyProfile(own, ReadRelated(r)) { Basis = basis, PeriodEnd = periodEnd };
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

    /// <summary>Marks an optional field as read and returns its default.</summary>
    private static T Touched<T>(FieldReader r, string name, T fallback)
    {
        r.Touch(name);
        return fallback;
    }

    private static EnterpriseFigures ReadFigures(FieldReader r) =>
        new(r.Decimal("staff"), r.Money("turnover"), r.Money("balanceSheet"));

    private static SubmitRoadmap ReadRoadmap(FieldReader r, Instant at, Actor actor)
    {
        var company = r.Company();
        DateInterval horizon = new(new LocalDate(2000, 1, 1), new LocalDate(2000, 1, 1));
        if (r.Object("horizon") is { } h)
        {
            var start = h.Date("start");
            var end = h.Date("end");
            h.RejectUnknown(["start", "end"]);
            if (end < start)
            {
                h.Error("end", LedgerErrors.InvalidValue, "The horizon ends before it starts.");
            }
            else
            {
                horizon = new DateInterval(start, end);
            }
        }

        var markets = r.Strings("targetMarkets");
        var objectives = r.Strings("objectives");
        var actions = new List<RoadmapAction>();
        foreach (var e in r.Objects("actions"))
        {
            actions.Add(new RoadmapAction(e.String("description"), e.String("market"), e.Date("due")));
            e.RejectUnknown(["description", "market", "due"]);
        }

        var indicators = r.Strings("indicators");
        return new SubmitRoadmap(at, actor, company, new Roadmap(horizon, markets, objectives, new EquatableArray<RoadmapAction>(actions), indicators));
    }

    private static VerifyClaim ReadVerification(FieldReader r, Instant at, Actor actor)
    {
        var company = r.Company();
        var claim = r.String("claim");
        var verdict = r.Enum<ClaimVerdict>("verdict");
        var amount = r.OptionalMoney("approvedAmount");
        var reason = r.OptionalString("reason");
        if (verdict == ClaimVerdict.ApprovedInPart && amount is null && r.Has("verdict"))
        {
            r.Error("approvedAmount", LedgerErrors.MissingField, "A partial approval (approvedInPart) needs the approved amount.");
        }
        else if (verdict != ClaimVerdict.ApprovedInPart && amount is not null)
        {
            r.Error("approvedAmount", LedgerErrors.UnknownField, "Only a partial approval (approvedInPart) has an approved amount.");
        }

        return new VerifyClaim(at, actor, company, claim, new ClaimVerification(verdict, amount ?? default, reason));
    }

    private sealed record CommandSpec(string Name, IReadOnlyList<string> Fields, Func<FieldReader, Instant, Actor, LedgerCommand> Read);
}
