using Pimex.Admission;
using Pimex.Cli.Ledger;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.StateAid;

namespace Pimex.Tools;

/// <summary>
/// Generates the ledger of the 2016 Extremadura edition: 30 SMEs with illustrative but realistic
/// data (sectors and towns of Extremadura, staff, turnover and balance sheets of SMEs, partner and
/// linked enterprises, declared de minimis aid), their group sessions, tutorials, training pills,
/// consultancy, SWOT analyses, roadmaps, expense claims (some over the cap, some approved in part,
/// one duplicate invoice), a withdrawal and the satisfaction survey. Deterministic: a fixed seed
/// and a hand-written generator, so the output is the same on every machine and every .NET version.
/// </summary>
/// <remarks>
/// Every programme figure comes from the Extremadura rulebook's 2016 annuity and the rules in
/// force when its applications open: the budget lines, the capacity (the sessions' seats), the
/// windows, the region, the consultant's hourly rate, the commitment, the de minimis ceiling, the
/// survey's scale and the pills' attendee roles. The story is the generator's own: the companies
/// and what befalls each, its calendar (placed relative to the rulebook's windows, and checked to
/// fall inside them), the amounts spent, and the VAT rate of the invoices.
/// Its output is embedded in the tool as <c>src/Pimex.Cli/Data/extremadura-2016.jsonl</c>; a test
/// checks that the two are equal. Regenerate with
/// <c>dotnet run --project tools/Pimex.Tools -- generate-2016 &gt; src/Pimex.Cli/Data/extremadura-2016.jsonl</c>.
/// </remarks>
internal sealed class Edition2016Generator
{
    /// <summary>The seed of the random sequence.</summary>
    public const ulong Seed = 2016;

    /// <summary>The annuity the story tells.</summary>
    private const int Year = 2016;

    /// <summary>Spain's general VAT rate in 2016: the story's invoices, not a rulebook parameter.</summary>
    private const decimal VatRate = 0.21m;

    private static readonly Actor Manager = Actor.ProgrammeManager("manager-1");
    private static readonly Actor[] Technicians = [.. Enumerable.Range(1, 5).Select(i => Actor.Technician(string.Create(CultureInfo.InvariantCulture, $"technician-{i}")))];

    /// <summary>The company (by index) whose attendance at S2 is first typed in ten days early.</summary>
    private const int BackDatedAttendance = 3;

    /// <summary>The company (by index) whose first claim gets a verification dated before its submission.</summary>
    private const int BackDatedVerification = 5;

    private readonly Dice dice = new(Seed);
    private readonly List<(Instant At, int Order, LedgerCommand Command)> commands = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly AnnuityRules annuity;
    private readonly RuleSet rules;
    private readonly Currency eur;

    private Edition2016Generator(Rulebook rulebook)
    {
        var found = rulebook.Annuity(Year);
        if (!found.IsSuccess)
        {
            throw new InvalidOperationException($"The rulebook '{rulebook.Id}' has no {Year} annuity: {string.Join(" ", found.ValidationErrors.Select(e => e.ErrorMessage))}");
        }

        annuity = found.Value;
        rules = rulebook.On(annuity.Applications.Start).Value;
        eur = rulebook.Currency;
    }

    /// <summary>The ledger's text: a header of comments, then one command per line, in time order.</summary>
    /// <returns>The JSON-lines text, each line ending with a line feed.</returns>
    public static string Generate()
    {
        var budget = Extremadura().annuity.Budget;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"// PIMEX Extremadura, {Year} edition: an illustrative ledger of {Edition2016Data.Companies.Length} SMEs ({budget.Total.Currency} {Figure(budget.Total)} = {Figure(budget.Actions)} actions + {Figure(budget.Training)} training + {Figure(budget.Consultancy)} consultancy).\n");
        text.Append(CultureInfo.InvariantCulture, $"// Company names, tax ids and figures are made up; towns, products and trade fairs are real. Written with seed {Seed} by\n");
        text.Append("// 'generate-2016' of tools/Pimex.Tools: do not edit by hand. Format: 'pimex ledger format'. Refused on purpose: a company\n");
        text.Append("// that is not an SME, one over the de minimis ceiling, one applying when the edition is full, a tutorial away from the\n");
        text.Append("// company's premises, a duplicate invoice, an attendance recorded ten days before its session, and a verification dated\n");
        text.Append("// an hour before its claim's submission. Each company answers the survey after completing the programme.\n");
        foreach (var command in Commands())
        {
            text.Append(LedgerWriter.Write(command)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The commands, in time order.</summary>
    /// <returns>The commands.</returns>
    public static IReadOnlyList<LedgerCommand> Commands()
    {
        var generator = Extremadura();
        generator.Build();
        return [.. generator.commands.OrderBy(c => c.At).ThenBy(c => c.Order).Select(c => c.Command)];
    }

    private static Edition2016Generator Extremadura() => new(Rulebook.Extremadura);

    /// <summary>An amount as the header writes it: thousands separated by commas, cents only when there are some.</summary>
    private static string Figure(Money amount) => amount.Amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    private void Add(LedgerCommand command) => commands.Add((command.At, commands.Count, command));

    /// <summary>
    /// Adds a command at a place in the ledger other than its own instant: a back-dated command,
    /// typed in after the facts it contradicts.
    /// </summary>
    private void AddAfter(Instant placedAt, LedgerCommand command) => commands.Add((placedAt, commands.Count, command));

    private void Build()
    {
        // The story's calendar around the applications window: opened four days before it, the first
        // application three days into it, the last on time five days before it closes, and one the day before it closes.
        var applications = annuity.Applications;
        Add(new OpenEdition(Time(applications.Start.PlusDays(-4), 9, 0), Manager, annuity.Year));

        // Applications: the 30 companies, then the two that are not eligible, and one that comes late.
        var plans = Edition2016Data.Companies.Select(seed => Plan(seed)).ToList();
        var notSme = Plan(Edition2016Data.NotAnSme);
        var nearCeiling = Plan(Edition2016Data.NearAidCeiling);
        var late = Plan(Edition2016Data.LateApplicant);
        notSme.Related.Add(new RelatedEnterprise("Grupo Cárnico Ibérico SA (parent company)", Rate.FromPercent(100m), new EnterpriseFigures(520m, Money.Of(96_400_000m, eur), Money.Of(71_250_000m, eur))));
        nearCeiling.Aid.Clear();
        nearCeiling.Aid.Add(new AidReceived(rules.Aid.Regime.Ceiling - Money.Of(2_200m, eur), new LocalDate(2015, 9, 14), "Junta de Extremadura (de minimis aid for productive investment)"));

        var applicants = plans.Concat([notSme, nearCeiling]).ToList();
        var applicationDays = applicants.Select(_ => Weekday(Between(applications.Start.PlusDays(3), applications.End.PlusDays(-5)))).Order().ToList();
        Shuffle(applicants);
        applicants.Add(late);
        applicationDays.Add(applications.End.PlusDays(-1));
        for (int i = 0; i < applicants.Count; i++)
        {
            var p = applicants[i];
            p.AppliedOn = applicationDays[i];
            var application = new CompanyApplication(
                p.Company,
                rules.Eligibility.Regions[0],
                new CompanyProfile(new EnterpriseFigures(p.Staff, p.Turnover, p.BalanceSheet), new EquatableArray<RelatedEnterprise>(p.Related)),
                new EquatableArray<AidReceived>(p.Aid));
            Add(new Apply(Time(p.AppliedOn, dice.Next(7, 15), dice.Next(0, 59)), p.Representative, application, p.Seed.Name, p.Seed.Sector));
        }

        // Admission decisions in order of application, from six days after applications close.
        var decision = Time(applications.End.PlusDays(6), 8, 0);
        foreach (var p in applicants)
        {
            decision = decision.Plus(Duration.FromMinutes(dice.Next(6, 25)));
            Add(new Admit(decision, Manager, p.Company));
        }

        for (int i = 0; i < plans.Count; i++)
        {
            plans[i].Technician = Technicians[i % Technicians.Length];
            Add(new AssignTechnician(Time(applications.End.PlusDays(13), 9, 0).Plus(Duration.FromMinutes(i * 5)), Manager, plans[i].Company, plans[i].Technician.Id));
        }

        Training(plans);
        Consultancy(plans);
        for (int i = 0; i < plans.Count; i++)
        {
            Deliverables(plans[i], i);
            Claims(plans[i], i);
        }

        Exits(plans);
    }

    private void Training(List<CompanyPlan> plans)
    {
        // The sessions the commitment asks for, each with as many seats as the edition admits companies.
        var sessions = new[]
        {
            new GroupSession("S1", InTraining(new LocalDate(Year, 4, 20)), "Extremadura Avante, Mérida", "Internationalisation strategy and market selection", annuity.Capacity),
            new GroupSession("S2", InTraining(new LocalDate(Year, 5, 25)), "Palacio de Congresos, Badajoz", "Export pricing, Incoterms and international payments", annuity.Capacity),
            new GroupSession("S3", InTraining(new LocalDate(Year, 6, 22)), "Centro de Negocios, Cáceres", "Trade fairs, digital promotion and working with distributors", annuity.Capacity),
        };
        Story(sessions.Length == rules.Commitment.GroupSessions, $"The story has {sessions.Length} group sessions; the rulebook asks for {rules.Commitment.GroupSessions}.");
        var trainer = Technicians[0];
        for (int s = 0; s < sessions.Length; s++)
        {
            Add(new ScheduleSession(Time(annuity.Applications.End.PlusDays(14), 10 + s, 0), trainer, sessions[s]));
            Add(new RecordExpense(Time(sessions[s].Date, 16, 30), Manager, BudgetLine.Training, Money.Of(1_250m, eur), $"Trainer fees, group session {sessions[s].Id}"));
            Add(new RecordExpense(Time(sessions[s].Date, 16, 45), Manager, BudgetLine.Training, Money.Of(180m, eur), $"Room hire and coffee break, group session {sessions[s].Id}"));
        }

        Add(new RecordExpense(At(4, 15, 11), Manager, BudgetLine.Training, Money.Of(395.50m, eur), "Printed training materials for the three group sessions"));
        Add(new RecordExpense(At(9, 30, 11), Manager, BudgetLine.Training, Money.Of(300m, eur), "Trainer fees, training pills on strategic planning"));

        for (int i = 0; i < plans.Count; i++)
        {
            var p = plans[i];
            foreach (var session in sessions)
            {
                if (p.MissesSession == session.Id || (p.Withdraws && session.Id != "S1"))
                {
                    continue;
                }

                p.Sessions++;
                if (i == BackDatedAttendance && session.Id == "S2")
                {
                    // Typed in ten days early by mistake: refused (a session is attended on or after its date), then recorded on the day.
                    Add(new RecordAttendance(Time(session.Date.PlusDays(-10), 17, 0), trainer, p.Company, session.Id));
                }

                Add(new RecordAttendance(Time(session.Date, 17, 0).Plus(Duration.FromMinutes(i)), trainer, p.Company, session.Id));
            }

            var windows = new[] { (InTraining(new LocalDate(Year, 4, 25)), InTraining(new LocalDate(Year, 5, 31))), (InTraining(new LocalDate(Year, 6, 1)), InTraining(new LocalDate(Year, 7, 22))), (InTraining(new LocalDate(Year, 9, 5)), InTraining(new LocalDate(Year, 10, 28))) };
            var records = new[]
            {
                "Diagnosis of export readiness with the management",
                "SWOT workshop with the management and the sales team",
                "International roadmap and promotion plan for 2017",
            };
            Story(windows.Length == rules.Commitment.Tutorials, $"The story has {windows.Length} tutorials; the rulebook asks for {rules.Commitment.Tutorials}.");
            int tutorials = p.Withdraws ? 1 : p.MissesTutorial ? windows.Length - 1 : windows.Length;
            for (int t = 0; t < tutorials; t++)
            {
                var date = Weekday(Between(windows[t].Item1, windows[t].Item2));
                var id = string.Create(CultureInfo.InvariantCulture, $"T{t + 1}");
                if (p.TutorialAwayFromPremises && t == 1)
                {
                    // Recorded at the operator's office by mistake: refused, then recorded again where it was held.
                    Add(new RecordTutorial(Time(date, 17, 30), p.Technician, p.Company, new Tutorial(id, date, VenueKind.OperatorOffice, records[t])));
                    Add(new RecordTutorial(Time(date.PlusDays(1), 8, 10), p.Technician, p.Company, new Tutorial(id, date, VenueKind.CompanyPremises, records[t] + " (held at the company's premises)")));
                    p.Tutorials++;
                    continue;
                }

                Add(new RecordTutorial(Time(date, 17, 30), p.Technician, p.Company, new Tutorial(id, date, VenueKind.CompanyPremises, records[t])));
                p.Tutorials++;
            }

            if (!p.Withdraws && dice.Chance(0.4))
            {
                var date = Weekday(Between(InTraining(new LocalDate(Year, 9, 12)), InTraining(new LocalDate(Year, 9, 29))));
                var roles = rules.Commitment.PillAttendeeRoles;
                var role = dice.Chance(0.6) ? roles[0] : roles[1];
                Add(new RecordTrainingPill(Time(date, 15, 0), trainer, p.Company, new TrainingPill("Strategic planning for international growth", date, role)));
            }
        }
    }

    private void Consultancy(List<CompanyPlan> plans)
    {
        // The hours the consultancy line pays for at the consultant's rate, but for six the story keeps in hand.
        decimal hoursLeft = (annuity.Budget.Consultancy.Amount / rules.Support.ConsultantHourlyRate.Amount) - 6m;
        foreach (var p in plans.Where(p => !p.Withdraws))
        {
            if (!dice.Chance(0.85))
            {
                continue;
            }

            decimal hours = dice.Next(4, 12) / 2m;
            if (hours > hoursLeft)
            {
                break;
            }

            hoursLeft -= hours;
            var date = Weekday(Between(new LocalDate(Year, 5, 9), new LocalDate(Year, 10, 21)));
            Add(new RequestConsultancy(Time(date, 10, 0), p.Representative, p.Company, hours, dice.Pick(p.Sector.Advice)));
        }
    }

    private void Deliverables(CompanyPlan p, int index)
    {
        if (p.Withdraws)
        {
            return;
        }

        var sector = p.Sector;
        var swot = new Swot(
            Items(sector.Strengths, 2),
            Items(sector.Weaknesses.Concat([dice.Pick(Edition2016Data.Weaknesses)]).ToArray(), 2),
            Items(sector.Opportunities, 2),
            Items(sector.Threats.Concat([dice.Pick(Edition2016Data.Threats)]).ToArray(), 2));
        var submitted = Weekday(Between(new LocalDate(Year, 6, 6), new LocalDate(Year, 7, 15)));
        var reviewed = Weekday(submitted.PlusDays(dice.Next(3, 9)));
        if (index % 6 == 2)
        {
            var first = swot with { Threats = new EquatableArray<string>(["Competition"]) };
            Add(new SubmitSwot(Time(submitted, 11, 0), p.Representative, p.Company, first));
            Add(new ReviewSwot(Time(reviewed, 12, 0), p.Technician, p.Company, false, "The threats quadrant is too generic: name the competitors and barriers in your target markets."));
            submitted = Weekday(reviewed.PlusDays(dice.Next(4, 10)));
            reviewed = Weekday(submitted.PlusDays(dice.Next(2, 6)));
        }

        Add(new SubmitSwot(Time(submitted, 11, 0), p.Representative, p.Company, swot));
        Add(new ReviewSwot(Time(reviewed, 12, 0), p.Technician, p.Company, true, null));

        var markets = Items(sector.Markets, dice.Next(2, 3));
        var horizon = new DateInterval(new LocalDate(Year, 10, 1), new LocalDate(Year + 2, 6, 30));
        var actions = new List<RoadmapAction>();
        foreach (var market in markets)
        {
            actions.Add(new RoadmapAction($"Visit importers and distributors in {CountryName(market)}", market, Between(new LocalDate(Year + 1, 1, 9), new LocalDate(Year + 1, 6, 30))));
            actions.Add(new RoadmapAction($"Exhibit or hold B2B meetings aimed at {CountryName(market)}", market, Between(new LocalDate(Year + 1, 7, 1), new LocalDate(Year + 2, 5, 31))));
        }

        var roadmap = new Roadmap(
            horizon,
            markets,
            new EquatableArray<string>([$"Export {dice.Next(8, 25)}% of turnover by 2018", $"Sign agreements with {dice.Next(2, 4)} importers or distributors"]),
            new EquatableArray<RoadmapAction>(actions),
            new EquatableArray<string>(["Export share of turnover", "Number of active foreign customers", "Contacts made at trade fairs"]));
        var roadmapDay = Weekday(Between(reviewed.PlusDays(10), reviewed.PlusDays(40)));
        var roadmapReview = Weekday(roadmapDay.PlusDays(dice.Next(3, 8)));
        if (p.RoadmapReturned || index % 7 == 4)
        {
            Add(new SubmitRoadmap(Time(roadmapDay, 11, 30), p.Representative, p.Company, roadmap));
            Add(new ReviewRoadmap(Time(roadmapReview, 12, 30), p.Technician, p.Company, false, "Set quantified objectives per market and date each action with its budget."));
            if (p.RoadmapReturned)
            {
                return;
            }

            roadmapDay = Weekday(roadmapReview.PlusDays(dice.Next(5, 12)));
            roadmapReview = Weekday(roadmapDay.PlusDays(dice.Next(2, 6)));
        }

        Add(new SubmitRoadmap(Time(roadmapDay, 11, 30), p.Representative, p.Company, roadmap));
        Add(new ReviewRoadmap(Time(roadmapReview, 12, 30), p.Technician, p.Company, true, null));
        p.RoadmapAccepted = true;
    }

    private void Claims(CompanyPlan p, int index)
    {
        if (p.Withdraws)
        {
            return;
        }

        var sector = p.Sector;
        int count = p.BigFair ? 2 : dice.Next(1, 3);
        var verifier = Technicians[(index + 2) % Technicians.Length];
        for (int c = 0; c < count; c++)
        {
            var claimId = string.Create(CultureInfo.InvariantCulture, $"C{c + 1}");
            var (category, description, net, foreign) = c == 0 && p.BigFair
                ? ("tradeFair", $"Stand at {dice.Pick(sector.Fairs)} (space, fitting and registration)", Amount(3_600, 4_900), true)
                : Expense(sector);
            var invoiceDate = Weekday(Between(InExpenses(new LocalDate(Year, 5, 16)), InExpenses(new LocalDate(Year, 11, 18))));
            var supplier = foreign ? ForeignSupplier() : TaxId("B", dice.Pick(["06", "10", "28", "41", "46"]));
            var vat = foreign ? Money.Zero(eur) : Money.Of(Math.Round(net.Amount * VatRate, 2, MidpointRounding.AwayFromZero), eur);
            var invoice = string.Create(CultureInfo.InvariantCulture, $"{dice.Pick(["F2016-", "2016/", "FAC-16-"])}{dice.Next(12, 980):D4}");
            var claim = new ExpenseClaim(claimId, invoice, supplier, invoiceDate, category, description, net, vat, !p.VatNotRecoverable);
            var submitted = Weekday(invoiceDate.PlusDays(dice.Next(3, 14)));
            Add(new SubmitClaim(Time(submitted, 9, 30), p.Representative, p.Company, claim));
            if (p.DuplicateInvoice && c == 0)
            {
                // The same invoice sent again a week later as a new claim: refused as a duplicate.
                var again = claim with { Id = "C9", Description = claim.Description + " (sent again)" };
                Add(new SubmitClaim(Time(submitted.PlusDays(7), 9, 45), p.Representative, p.Company, again));
            }

            if (index == BackDatedVerification && c == 0)
            {
                // A verification typed in after the submission but dated an hour before it: refused (time never goes back).
                AddAfter(Time(submitted, 10, 30), new VerifyClaim(Time(submitted, 8, 30), verifier, p.Company, claimId, ClaimVerification.ApproveInFull()));
            }

            var verified = Weekday(submitted.PlusDays(dice.Next(4, 12)));
            var eligible = p.VatNotRecoverable ? net + vat : net;
            ClaimVerification verification;
            if (p.PartialApproval && c == count - 1)
            {
                var approved = Money.Of(Math.Round(eligible.Amount * (dice.Next(55, 85) / 100m), 0, MidpointRounding.AwayFromZero), eur);
                verification = ClaimVerification.ApproveInPart(approved, dice.Pick(
                [
                    "Travel and subsistence of a second person are not eligible",
                    "Catering at the stand is not an eligible cost",
                    "Part of the invoice covers the domestic catalogue, which is not a promotion action abroad",
                ]));
            }
            else if (p.Rejected && c == count - 1)
            {
                verification = ClaimVerification.Reject("Proof of payment is missing and was not provided within the ten days given");
            }
            else
            {
                verification = ClaimVerification.ApproveInFull();
            }

            Add(new VerifyClaim(Time(verified, 13, 0), verifier, p.Company, claimId, verification));
        }
    }

    private void Exits(List<CompanyPlan> plans)
    {
        var withdrawn = plans.Single(p => p.Withdraws);
        Add(new Withdraw(At(6, 6, 10), withdrawn.Representative, withdrawn.Company, "Change of ownership: the new owners postpone the company's internationalisation plans"));

        var completers = plans.Where(p => !p.Withdraws && p.Sessions == rules.Commitment.GroupSessions && p.Tutorials == rules.Commitment.Tutorials && p.RoadmapAccepted).ToList();
        foreach (var p in completers)
        {
            Add(new Complete(At(12, 15, 9).Plus(Duration.FromMinutes(plans.IndexOf(p) * 3)), p.Technician, p.Company));
        }

        // The survey, once completed.
        int[] scores = [6, 7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 9, 9, 10, 10];
        int answered = 0;
        foreach (var p in completers)
        {
            if (answered > 0 && answered % 14 == 0 && dice.Chance(0.5))
            {
                answered++;
                continue;
            }

            answered++;
            int overall = dice.Pick(scores);
            int Around() => Math.Clamp(overall + dice.Next(-1, 1), rules.Survey.ScaleMin, rules.Survey.ScaleMax);
            var questions = default(EquatableDictionary<string, int>)
                .SetItem("training", Around())
                .SetItem("tutorials", Around())
                .SetItem("consultancy", Around())
                .SetItem("promotionSupport", Around());
            var day = Weekday(Between(new LocalDate(Year, 12, 16), new LocalDate(Year, 12, 23)));
            Add(new AnswerSurvey(Time(day, 9, 0), p.Representative, p.Company, new SurveyAnswer(overall, questions)));
        }
    }

    private CompanyPlan Plan(CompanySeed seed)
    {
        var sector = Edition2016Data.SectorOf(seed.Sector);
        var company = new CompanyId(TaxId("B", seed.Province));
        int staff = dice.Next(seed.Staff.From, seed.Staff.To);
        decimal turnover = RoundTo(staff * dice.Next(sector.TurnoverPerHead.From, sector.TurnoverPerHead.To) * 1_000m, 1_000m);
        decimal balance = RoundTo(turnover * (dice.Next(55, 140) / 100m), 1_000m);
        var plan = new CompanyPlan(seed, sector, company, Actor.CompanyRepresentative("rep-" + company.Value, company), staff, Money.Of(turnover, eur), Money.Of(balance, eur));
        int index = Array.IndexOf(Edition2016Data.Companies, seed);
        if (dice.Chance(0.2))
        {
            int share = dice.Next(25, 45);
            int partnerStaff = dice.Next(2, 30);
            decimal partnerTurnover = RoundTo(partnerStaff * dice.Next(80, 200) * 1_000m, 1_000m);
            plan.Related.Add(new RelatedEnterprise(
                $"{dice.Pick(["Inversiones", "Participaciones", "Gestión Patrimonial"])} {dice.Pick(["Guadiana", "Tajo", "Dehesa", "Vettonia", "Lusitania"])} SL (holds {share}%)",
                Rate.FromPercent(share),
                new EnterpriseFigures(partnerStaff, Money.Of(partnerTurnover, eur), Money.Of(RoundTo(partnerTurnover * 1.1m, 1_000m), eur))));
        }

        if (index is 0 or 9 or 17)
        {
            int subsidiaryStaff = dice.Next(2, 8);
            decimal subsidiaryTurnover = RoundTo(subsidiaryStaff * dice.Next(150, 300) * 1_000m, 1_000m);
            plan.Related.Add(new RelatedEnterprise(
                $"{seed.Name[..seed.Name.LastIndexOf(' ')]} Portugal Lda (sales subsidiary, 100%)",
                Rate.FromPercent(100m),
                new EnterpriseFigures(subsidiaryStaff, Money.Of(subsidiaryTurnover, eur), Money.Of(RoundTo(subsidiaryTurnover * 0.6m, 1_000m), eur))));
        }

        if (dice.Chance(0.35))
        {
            plan.Aid.Add(new AidReceived(
                Money.Of(RoundTo(dice.Next(1_500, 30_000), 50m), eur),
                Between(new LocalDate(2014, 2, 1), new LocalDate(2015, 12, 15)),
                dice.Pick(["Junta de Extremadura (trade fair support)", seed.Province == "06" ? "Diputación de Badajoz (innovation vouchers)" : "Diputación de Cáceres (promotion support)", "ICEX (market access programme)"])));
        }

        plan.Withdraws = index == 8;
        plan.DuplicateInvoice = index == 3;
        plan.TutorialAwayFromPremises = index == 12;
        plan.MissesSession = index switch { 16 => "S2", 26 => "S3", _ => null };
        plan.MissesTutorial = index == 19;
        plan.RoadmapReturned = index == 22;
        plan.BigFair = index is 0 or 1 or 4 or 13 or 17 or 24;
        plan.PartialApproval = index is 2 or 7 or 11 or 20 or 27;
        plan.Rejected = index == 15;
        plan.VatNotRecoverable = index is 6 or 15;
        return plan;
    }

    private (string Category, string Description, Money Net, bool Foreign) Expense(Sector sector)
    {
        switch (dice.Next(1, 6))
        {
            case 1:
                return ("tradeFair", $"Shared stand at {dice.Pick(sector.Fairs)}", Amount(900, 2_400), true);
            case 2:
                var market = dice.Pick(sector.Markets);
                return ("tradeMission", $"Trade mission to {CountryName(market)}: flights, hotel and meeting agenda", Amount(950, 2_200), false);
            case 3:
                return ("promotionalMaterial", dice.Pick(["Product catalogue in English and French, 2,000 copies", "Product video with English and German subtitles", "Samples packaging and leaflets for importers"]), Amount(350, 1_500), false);
            case 4:
                var studied = dice.Pick(sector.Markets);
                return ("marketStudy", $"Market study: distribution channels and prices in {CountryName(studied)}", Amount(1_400, 3_200), false);
            case 5:
                var agenda = dice.Pick(sector.Markets);
                return ("b2bAgenda", $"Agenda of B2B meetings with importers in {CountryName(agenda)}", Amount(450, 950), true);
            default:
                return ("websiteLocalisation", "Website translated into English, French and German, with an online catalogue", Amount(650, 1_800), false);
        }
    }

    private Money Amount(int from, int to) => Money.Of(dice.Next(from * 4, to * 4) / 4m, eur);

    private EquatableArray<string> Items(string[] pool, int count)
    {
        var copy = pool.ToList();
        Shuffle(copy);
        return new EquatableArray<string>(copy.Take(Math.Min(count, copy.Count)));
    }

    private void Shuffle<T>(List<T> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = dice.Next(0, i);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private LocalDate Between(LocalDate from, LocalDate to) => from.PlusDays(dice.Next(0, Period.Between(from, to, PeriodUnits.Days).Days));

    /// <summary>A Spanish company tax id (CIF) with its control digit, unique in the edition.</summary>
    private string TaxId(string letter, string province)
    {
        while (true)
        {
            var digits = province + dice.Next(0, 99_999).ToString("D5", CultureInfo.InvariantCulture);
            int sum = 0;
            for (int i = 0; i < digits.Length; i++)
            {
                int d = digits[i] - '0';
                sum += i % 2 == 1 ? d : (d * 2 / 10) + (d * 2 % 10);
            }

            var id = letter + digits + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
            if (ids.Add(id))
            {
                return id;
            }
        }
    }

    private string ForeignSupplier()
    {
        var country = dice.Pick(["FR", "IT", "DE", "GB", "PT"]);
        return country + dice.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
    }

    private static string CountryName(string code) => code switch
    {
        "AE" => "the United Arab Emirates",
        "AR" => "Argentina",
        "BE" => "Belgium",
        "BR" => "Brazil",
        "CL" => "Chile",
        "CN" => "China",
        "DE" => "Germany",
        "FR" => "France",
        "GB" => "the United Kingdom",
        "IT" => "Italy",
        "JP" => "Japan",
        "MA" => "Morocco",
        "MX" => "Mexico",
        "NL" => "the Netherlands",
        "PE" => "Peru",
        "PT" => "Portugal",
        "SA" => "Saudi Arabia",
        "US" => "the United States",
        _ => code,
    };

    private static decimal RoundTo(decimal value, decimal step) => Math.Round(value / step, 0, MidpointRounding.AwayFromZero) * step;

    private static LocalDate Weekday(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date.PlusDays(2),
        IsoDayOfWeek.Sunday => date.PlusDays(1),
        _ => date,
    };

    private static Instant At(int month, int day, int hour, int minute = 0) => Instant.FromUtc(Year, month, day, hour, minute);

    /// <summary>Fails when the rulebook no longer fits the story (a figure the story was written around has changed).</summary>
    private static void Story(bool fits, string why)
    {
        if (!fits)
        {
            throw new InvalidOperationException(why + " Rewrite the story to fit.");
        }
    }

    /// <summary>A date of the story's training calendar, checked to fall in the annuity's training window.</summary>
    private LocalDate InTraining(LocalDate date) => InWindow(annuity.Training, date, "training");

    /// <summary>A date of the story's invoices, checked to fall in the annuity's expenses window.</summary>
    private LocalDate InExpenses(LocalDate date) => InWindow(annuity.Expenses, date, "expenses");

    private static LocalDate InWindow(DateInterval window, LocalDate date, string name)
    {
        Story(window.Contains(date), string.Create(CultureInfo.InvariantCulture, $"The story's {date:uuuu-MM-dd} is outside the {name} window ({window.Start:uuuu-MM-dd} to {window.End:uuuu-MM-dd})."));
        return date;
    }

    private static Instant Time(LocalDate date, int hour, int minute) => Instant.FromUtc(date.Year, date.Month, date.Day, hour, minute);

    private sealed class CompanyPlan(CompanySeed seed, Sector sector, CompanyId company, Actor representative, int staff, Money turnover, Money balanceSheet)
    {
        public CompanySeed Seed { get; } = seed;

        public Sector Sector { get; } = sector;

        public CompanyId Company { get; } = company;

        public Actor Representative { get; } = representative;

        public int Staff { get; } = staff;

        public Money Turnover { get; } = turnover;

        public Money BalanceSheet { get; } = balanceSheet;

        public List<RelatedEnterprise> Related { get; } = [];

        public List<AidReceived> Aid { get; } = [];

        public LocalDate AppliedOn { get; set; }

        public Actor Technician { get; set; } = Technicians[0];

        public int Sessions { get; set; }

        public int Tutorials { get; set; }

        public bool RoadmapAccepted { get; set; }

        public bool Withdraws { get; set; }

        public bool DuplicateInvoice { get; set; }

        public bool TutorialAwayFromPremises { get; set; }

        public string? MissesSession { get; set; }

        public bool MissesTutorial { get; set; }

        public bool RoadmapReturned { get; set; }

        public bool BigFair { get; set; }

        public bool PartialApproval { get; set; }

        public bool Rejected { get; set; }

        public bool VatNotRecoverable { get; set; }
    }

    /// <summary>A small deterministic random generator (SplitMix64): the same sequence everywhere.</summary>
    private sealed class Dice(ulong seed)
    {
        private ulong state = seed;

        /// <summary>A whole number from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
        public int Next(int from, int to)
        {
            var range = (ulong)((long)to - from + 1);
            return (int)((long)from + (long)(NextUInt64() % range));
        }

        public bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;

        public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count - 1)];

        private ulong NextUInt64()
        {
            unchecked
            {
                state += 0x9E3779B97F4A7C15UL;
                ulong z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }
    }
}
