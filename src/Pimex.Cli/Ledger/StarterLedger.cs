using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Ardalis.Result;
using NodaTime.Text;
using Pimex.Monetary;

namespace Pimex.Cli.Ledger;

/// <summary>
/// Writes a commented starter ledger for one edition of a rulebook (<c>pimex ledger new</c>):
/// the opening, the committed group sessions, and one sample company taken through application,
/// admission, sessions, tutorials, pills, SWOT, roadmap, a claim and its verification,
/// completion and the survey, every figure and date taken from the rulebook so that it runs
/// with no refusal.
/// </summary>
/// <remarks>
/// The ledger is causally ordered by construction: its instants never go backwards; each fact
/// is dated on or before the instant that records it and after what it depends on (attendance
/// on the session's day, an invoice before its claim, verification after submission, admission
/// after application, review after submission, completion after its requirements, the survey
/// after completion); every command falls on or after the edition's rules date.
/// </remarks>
internal static class StarterLedger
{
    /// <summary>The most sample companies a starter ledger holds.</summary>
    public const int MaxCompanies = 99;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the starter ledger of a year's edition.</summary>
    /// <param name="rulebook">The rulebook the ledger will run under.</param>
    /// <param name="year">The annuity's year.</param>
    /// <param name="rulebookArgument">How the rulebook was named on the command line, for the comments.</param>
    /// <param name="companies">How many sample companies: at least 1, at most what the edition admits (its capacity, the caps its actions line reserves) and <see cref="MaxCompanies"/>.</param>
    /// <returns>The ledger text, or why there is none (no such annuity).</returns>
    public static Result<string> Write(Rulebook rulebook, int year, string rulebookArgument, int companies = 1)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        var annuity = rulebook.Annuity(year);
        if (!annuity.IsSuccess)
        {
            return Result.Invalid(annuity.ValidationErrors);
        }

        var a = annuity.Value;
        var loaded = rulebook.On(a.Applications.Start);
        if (!loaded.IsSuccess)
        {
            return Result.Invalid(loaded.ValidationErrors);
        }

        // As many as the edition admits: its capacity, and the caps its actions line can reserve.
        var cap = loaded.Value.Promotion.CapPerCompany.Amount;
        int fits = cap > 0 ? (int)Math.Min(MaxCompanies, decimal.Floor(a.Budget.Actions.Amount / cap)) : MaxCompanies;
        int count = Math.Clamp(companies, 1, Math.Max(1, Math.Min(Math.Min(MaxCompanies, a.Capacity), fits)));
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        new Writer(text, rulebook, a, loaded.Value, rulebookArgument, count, Duration.FromMinutes(5)).Write();
        return text.ToString();
    }

    /// <summary>
    /// Writes the same ledger for as many companies as asked, with no limit but the edition's own
    /// (its capacity and its actions line, which the caller's rulebook must make large enough), to
    /// a writer as it goes: a big ledger for measuring the tool (<see cref="BigLedger"/>).
    /// </summary>
    /// <param name="output">Where the ledger goes.</param>
    /// <param name="rulebook">The rulebook.</param>
    /// <param name="year">The annuity's year (the rulebook must have it).</param>
    /// <param name="rulebookArgument">How the rulebook is named, for the comments.</param>
    /// <param name="companies">How many companies.</param>
    /// <param name="step">The time between two companies' same step.</param>
    internal static void WriteTo(TextWriter output, Rulebook rulebook, int year, string rulebookArgument, int companies, Duration step)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rulebook);
        var a = rulebook.Annuity(year).Value;
        new Writer(output, rulebook, a, rulebook.On(a.Applications.Start).Value, rulebookArgument, companies, step).Write();
    }

    private sealed class Writer(TextWriter text, Rulebook rulebook, AnnuityRules annuity, RuleSet rules, string rulebookArgument, int count, Duration step)
    {
        private static readonly string[] Sectors = ["agrifood", "wine", "tourism", "machinery", "cosmetics", "crafts"];
        private Instant last = Instant.MinValue;

        private static JsonObject Manager => new() { ["id"] = "manager-1", ["role"] = "programmeManager" };

        private static JsonObject Technician(int n) => new() { ["id"] = $"technician-{n}", ["role"] = "technician" };

        private static string Company(int k) => string.Create(CultureInfo.InvariantCulture, $"SAMPLE-{k:000}");

        private static JsonObject Representative(int k) => new() { ["id"] = "rep-" + Company(k), ["role"] = "companyRepresentative", ["company"] = Company(k) };

        private IEnumerable<int> All => Enumerable.Range(1, count);

        public void Write()
        {
            var training = annuity.Training;
            var expenses = annuity.Expenses;
            var c = rules.Commitment;
            string companies = count == 1 ? "one sample company" : $"{count} sample companies";

            Comment($"Starter ledger: the {annuity.Year} edition of '{rulebook.Id}' ({rulebook.Name}), {companies}.");
            Comment($"Written by 'pimex ledger new --rulebook {rulebookArgument} --year {annuity.Year}'. Run it with:");
            Comment($"  pimex run FILE --rulebook {rulebookArgument}");
            Comment("One JSON command per line; lines starting with // are comments ('pimex ledger format' describes every");
            Comment("command). Replace the sample companies with yours: each company has the same steps.");
            Comment($"The edition takes its rules from its first day of applications, {Iso(annuity.Applications.Start)}; its windows:");
            Comment($"applications {Window(annuity.Applications)}, training {Window(training)}, expenses {Window(expenses)}.");
            Comment("Instants ('at') are UTC and never go back; each is when the command is recorded, never before what it records.");
            Blank();

            Comment("The programme manager opens the edition on the first day of applications.");
            var open = At(annuity.Applications.Start, 9);
            Line(open, "openEdition", Manager, new() { ["year"] = annuity.Year });

            Blank();
            Comment($"The {c.GroupSessions} group session(s) every participant commits to attend, spread over the training window.");
            var days = Spread(training, c.GroupSessions + c.Tutorials + c.TrainingPills + 6);
            int next = 0;
            var sessions = new List<(string Id, LocalDate Date)>();
            for (int i = 1; i <= c.GroupSessions; i++)
            {
                sessions.Add(($"S{i}", days[next++]));
            }

            foreach (var (id, date) in sessions)
            {
                Line(open.Plus(Duration.FromMinutes(30)), "scheduleSession", Technician(1), new()
                {
                    ["session"] = id,
                    ["date"] = Iso(date),
                    ["venue"] = "Chamber of commerce, main hall",
                    ["topic"] = $"Group session {id[1..]} of the internationalisation programme",
                    ["capacity"] = annuity.Capacity,
                });
            }

            Blank();
            Comment("Companies apply inside the applications window: their region, staff and figures decide admission");
            Comment("(the SME test and the region come from the rulebook). Name and sector are for people, not for the rules.");
            var region = rules.Eligibility.Regions.Count > 0 ? rules.Eligibility.Regions[0] : "XX00";
            var small = rules.Sme.Small;
            Comment("The first company declares what the model SME declaration asks of a company in a group: the end of its");
            Comment("reference period, the holding that controls it (linked: its figures and its de minimis aid count in full)");
            Comment("and the period before, with the same holding (the class changes only after two periods).");
            foreach (int k in All)
            {
                // Past the starter's 99 companies (a big ledger), the figures repeat: each company stays an SME.
                int f = ((k - 1) % MaxCompanies) + 1;
                int staff = Math.Max(1, (small.StaffBelow / 4) + f - 1);
                var apply = new JsonObject
                {
                    ["company"] = Company(k),
                    ["name"] = string.Create(CultureInfo.InvariantCulture, $"Sample Company {k}"),
                    ["sector"] = Sectors[(k - 1) % Sectors.Length],
                    ["region"] = region,
                    ["staff"] = staff,
                    ["turnover"] = Money.Of(Round(small.TurnoverAtMost.Amount * (10 + f) / 60), rulebook.Currency).ToString(),
                    ["balanceSheet"] = Money.Of(Round(small.BalanceSheetAtMost.Amount * (5 + f) / 60), rulebook.Currency).ToString(),
                };
                if (k == 1)
                {
                    Declaration(apply, staff);
                }

                Line(At(annuity.Applications.Start, 11, k), "apply", Representative(k), apply);
            }

            Blank();
            Comment("The programme manager admits each (capacity, region, SME test, state-aid ceiling, and the cap reserved");
            Comment($"on the actions line: {rules.Promotion.CapPerCompany}), then assigns its technician.");

            // Admitted before training starts, the day after applying (or when applications close, if sooner).
            var admitDay = Earlier(annuity.Applications.Start.PlusDays(1), annuity.Applications.End);
            admitDay = Later(Earlier(admitDay, training.Start.PlusDays(-1)), annuity.Applications.Start);
            foreach (int k in All)
            {
                Line(At(admitDay, 9, k), "admit", Manager, new() { ["company"] = Company(k) });
            }

            foreach (int k in All)
            {
                Line(At(admitDay, 14, k), "assignTechnician", Manager, new() { ["company"] = Company(k), ["technician"] = "technician-2" });
            }

            Blank();
            Comment($"Training: attendance is recorded on each session's day, then the tutorials ({c.Tutorials}, venue: {JsonNamingPolicy.CamelCase.ConvertName(c.TutorialVenue.ToString())})");
            Comment($"and training pills ({c.TrainingPills}) on theirs.");
            foreach (var (id, date) in sessions)
            {
                foreach (int k in All)
                {
                    Line(At(date, 18, k), "recordAttendance", Technician(1), new() { ["company"] = Company(k), ["session"] = id });
                }
            }

            for (int i = 1; i <= c.Tutorials; i++)
            {
                var date = days[next++];
                foreach (int k in All)
                {
                    Line(At(date, 17, k), "recordTutorial", Technician(2), new()
                    {
                        ["company"] = Company(k),
                        ["tutorial"] = $"T{i}",
                        ["date"] = Iso(date),
                        ["venue"] = "companyPremises",
                        ["record"] = $"Tutorial {i} at the company's premises",
                    });
                }
            }

            for (int i = 1; i <= c.TrainingPills; i++)
            {
                var date = days[next++];
                foreach (int k in All)
                {
                    Line(At(date, 17, k), "recordTrainingPill", Technician(1), new()
                    {
                        ["company"] = Company(k),
                        ["topic"] = $"Strategic planning, pill {i}",
                        ["date"] = Iso(date),
                        ["attendeeRole"] = c.PillAttendeeRoles.Count > 0 ? c.PillAttendeeRoles[0] : "management",
                    });
                }
            }

            Blank();
            Comment("Deliverables: each company submits its SWOT analysis and the technician accepts it; then its roadmap.");
            var swot = days[next++];
            foreach (int k in All)
            {
                Line(At(swot, 10, k), "submitSwot", Representative(k), new()
                {
                    ["company"] = Company(k),
                    ["strengths"] = new JsonArray("A product with a protected designation"),
                    ["weaknesses"] = new JsonArray("No export department"),
                    ["opportunities"] = new JsonArray("Demand in neighbouring markets"),
                    ["threats"] = new JsonArray("Price pressure from larger competitors"),
                });
            }

            foreach (int k in All)
            {
                Line(At(swot, 16, k), "reviewSwot", Technician(2), new() { ["company"] = Company(k), ["accept"] = true });
            }

            var roadmap = days[next++];
            var horizonStart = training.End.PlusDays(1);
            var horizonEnd = horizonStart.PlusYears(2).PlusDays(-1);
            foreach (int k in All)
            {
                Line(At(roadmap, 10, k), "submitRoadmap", Representative(k), new()
                {
                    ["company"] = Company(k),
                    ["horizon"] = new JsonObject { ["start"] = Iso(horizonStart), ["end"] = Iso(horizonEnd) },
                    ["targetMarkets"] = new JsonArray("FR", "PT"),
                    ["objectives"] = new JsonArray("Sign agreements with two importers"),
                    ["actions"] = new JsonArray(
                        new JsonObject { ["description"] = "Visit importers in France", ["market"] = "FR", ["due"] = Iso(horizonStart.PlusMonths(6)) },
                        new JsonObject { ["description"] = "Exhibit at a trade fair in Portugal", ["market"] = "PT", ["due"] = Iso(horizonStart.PlusMonths(12)) }),
                    ["indicators"] = new JsonArray("Export share of turnover"),
                });
            }

            foreach (int k in All)
            {
                Line(At(roadmap, 16, k), "reviewRoadmap", Technician(2), new() { ["company"] = Company(k), ["accept"] = true });
            }

            Blank();
            var category = rules.Promotion.Categories.FirstOrDefault(k => k.Eligible && !k.ExportAid);
            var claimDay = days[next++];
            if (category is not null)
            {
                // An invoice inside the expenses window, on or before the day it is claimed.
                claimDay = Later(claimDay, expenses.Start.PlusDays(1));
                var invoiceDate = Earlier(Later(claimDay.PlusDays(-7), expenses.Start), expenses.End);
                claimDay = Later(claimDay, invoiceDate);
                var net = Money.Of(Round(rules.Promotion.CapPerCompany.Amount * 0.4m), rulebook.Currency);
                Comment($"A promotion expense claim each ({category.Code}, {net} net, within the cap of {rules.Promotion.CapPerCompany}), its invoice");
                Comment("dated inside the expenses window; another technician verifies it, and the support is granted.");
                foreach (int k in All)
                {
                    Line(At(claimDay, 10, k), "submitClaim", Representative(k), new()
                    {
                        ["company"] = Company(k),
                        ["claim"] = "C1",
                        ["invoice"] = string.Create(CultureInfo.InvariantCulture, $"INV-{k:0000}"),
                        ["supplier"] = "SUPPLIER-001",
                        ["invoiceDate"] = Iso(invoiceDate),
                        ["category"] = category.Code,
                        ["description"] = category.Name,
                        ["net"] = net.ToString(),
                        ["vat"] = Money.Zero(rulebook.Currency).ToString(),
                        ["vatRecoverable"] = true,
                    });
                }

                foreach (int k in All)
                {
                    Line(At(claimDay.PlusDays(2), 10, k), "verifyClaim", Technician(3), new() { ["company"] = Company(k), ["claim"] = "C1", ["verdict"] = "approvedInFull" });
                }
            }
            else
            {
                Comment("The rulebook has no eligible promotion category that is not export aid: no sample claim.");
            }

            Blank();
            Comment("The technician records completion once the commitment and deliverables are met; the company then");
            Comment($"answers the satisfaction survey (scale {rules.Survey.ScaleMin} to {rules.Survey.ScaleMax}).");
            var end = Later(days[next], LocalDateTimeOf(last).Date.PlusDays(1));
            int score = rules.Survey.ScaleMin + (((rules.Survey.ScaleMax - rules.Survey.ScaleMin) * 4) / 5);
            foreach (int k in All)
            {
                Line(At(end, 12, k), "complete", Technician(2), new() { ["company"] = Company(k) });
            }

            foreach (int k in All)
            {
                Line(At(end.PlusDays(1), 9, k), "answerSurvey", Representative(k), new()
                {
                    ["company"] = Company(k),
                    ["overall"] = score,
                    ["questions"] = new JsonObject { ["training"] = score, ["tutorials"] = score },
                });
            }

        }

        private static decimal Round(decimal amount) => decimal.Round(amount, 0, MidpointRounding.AwayFromZero);

        private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

        private static string Window(DateInterval w) => Iso(w.Start) + " .. " + Iso(w.End);

        private static LocalDate Later(LocalDate a, LocalDate b) => a > b ? a : b;

        private static LocalDate Earlier(LocalDate a, LocalDate b) => a < b ? a : b;

        /// <summary><paramref name="count"/> days spread evenly over a window, in order (several on one day when it is short).</summary>
        private static List<LocalDate> Spread(DateInterval window, int count)
        {
            int span = window.Length - 1;
            return [.. Enumerable.Range(1, count).Select(i => window.Start.PlusDays((int)((long)span * i / (count + 1))))];
        }

        private LocalDateTime LocalDateTimeOf(Instant instant) => instant.InZone(rulebook.TimeZone).LocalDateTime;

        /// <summary>An instant at a local hour of a day (one step later for each company after the first), never before the last one written.</summary>
        private Instant At(LocalDate date, int hour, int company = 1)
        {
            var at = date.At(new LocalTime(hour, 0)).PlusNanoseconds(step.ToInt64Nanoseconds() * (company - 1)).InZoneLeniently(rulebook.TimeZone).ToInstant();
            return at > last ? at : last.Plus(step);
        }

        /// <summary>
        /// The first company's declaration: its reference period ends on the last day of the year
        /// before the annuity; a holding owns 60 % of it (linked: its figures count in full, and so
        /// does the de minimis aid it received, a year before applying and as much as the cap); the
        /// period before has the same holding. Every figure is a fraction of the small-enterprise
        /// ceilings, so the company stays small.
        /// </summary>
        private void Declaration(JsonObject apply, int staff)
        {
            var small = rules.Sme.Small;
            string Amount(decimal amount) => Money.Of(Round(amount), rulebook.Currency).ToString();
            JsonObject Holding(decimal scale, bool withAid)
            {
                var holding = new JsonObject
                {
                    ["name"] = "Sample Holding",
                    ["share"] = "60%",
                    ["staff"] = Math.Max(1, small.StaffBelow / 25),
                    ["turnover"] = Amount(small.TurnoverAtMost.Amount * scale / 50),
                    ["balanceSheet"] = Amount(small.BalanceSheetAtMost.Amount * scale / 25),
                    ["direction"] = "upstream",
                };
                if (withAid)
                {
                    holding["aid"] = new JsonArray(new JsonObject
                    {
                        ["amount"] = rules.Promotion.CapPerCompany.ToString(),
                        ["grantedOn"] = Iso(annuity.Applications.Start.PlusYears(-1)),
                        ["grantingBody"] = "Regional development agency",
                    });
                }

                return holding;
            }

            int year = annuity.Applications.Start.Year;
            apply["periodEnd"] = Iso(new LocalDate(year - 1, 12, 31));
            apply["related"] = new JsonArray(Holding(1m, withAid: true));
            apply["earlier"] = new JsonArray(new JsonObject
            {
                ["periodEnd"] = Iso(new LocalDate(year - 2, 12, 31)),
                ["staff"] = Math.Max(1, staff - 1),
                ["turnover"] = Amount(small.TurnoverAtMost.Amount * 10 / 60),
                ["balanceSheet"] = Amount(small.BalanceSheetAtMost.Amount * 5 / 60),
                ["related"] = new JsonArray(Holding(0.9m, withAid: false)),
            });
        }

        private void Comment(string line) => text.Write("// " + line + "\n");

        private void Blank() => text.Write('\n');

        private void Line(Instant at, string command, JsonObject actor, JsonObject fields)
        {
            at = at > last ? at : last.Plus(step);
            last = at;
            var line = new JsonObject
            {
                ["command"] = command,
                ["at"] = InstantPattern.ExtendedIso.Format(at),
                ["actor"] = actor,
            };
            foreach (var (key, value) in fields.ToList())
            {
                fields.Remove(key);
                line[key] = value;
            }

            text.Write(line.ToJsonString(Compact));
            text.Write('\n');
        }
    }
}
