using System.Text.Json.Nodes;
using Pimex.Monetary;

namespace Pimex.Cli.Ledger;

/// <summary>
/// Big ledgers for measuring the tool (<c>pimex ledger generate-big</c>, a maintainers' command
/// that <c>--help</c> does not list): the 2016 Extremadura edition with as many companies as
/// make the number of commands asked for, each taken through the starter ledger's whole life
/// (application, admission, technician, the group sessions, the tutorials, SWOT and roadmap with
/// their reviews, a claim and its verification, completion, the survey), under a rulebook that is
/// Extremadura's with that edition's capacity and actions line made large enough for them all.
/// Every command is applied; none is refused.
/// </summary>
internal static class BigLedger
{
    /// <summary>The edition's year.</summary>
    public const int Year = 2016;

    /// <summary>The big rulebook's id.</summary>
    public const string RulebookId = "extremadura-big";

    /// <summary>The time between two companies' same step (one second: a million commands fit in the edition's windows).</summary>
    private static readonly Duration Step = Duration.FromSeconds(1);

    /// <summary>The commands of the edition itself (opening, sessions), and of each company.</summary>
    /// <returns>Both counts, from the Extremadura rulebook's commitment.</returns>
    public static (int Edition, int PerCompany) CommandCounts()
    {
        var extremadura = Rulebook.Extremadura;
        var rules = extremadura.On(extremadura.Annuity(Year).Value.Applications.Start).Value;
        var c = rules.Commitment;

        // apply, admit, assignTechnician, submitSwot, reviewSwot, submitRoadmap, reviewRoadmap,
        // submitClaim, verifyClaim, complete, answerSurvey; then the sessions, tutorials and pills.
        return (1 + c.GroupSessions, 11 + c.GroupSessions + c.Tutorials + c.TrainingPills);
    }

    /// <summary>How many companies a ledger of (about) so many commands has: at least one.</summary>
    /// <param name="commands">The commands wanted.</param>
    /// <returns>The companies.</returns>
    public static int CompaniesFor(int commands)
    {
        var (edition, perCompany) = CommandCounts();
        return Math.Max(1, (commands - edition + perCompany - 1) / perCompany);
    }

    /// <summary>How many commands the ledger of so many companies holds.</summary>
    /// <param name="companies">The companies.</param>
    /// <returns>The commands.</returns>
    public static int CommandsOf(int companies)
    {
        var (edition, perCompany) = CommandCounts();
        return edition + (perCompany * companies);
    }

    /// <summary>
    /// The rulebook a big ledger runs under: Extremadura's, with the 2016 edition's capacity set
    /// to the companies and its actions line to the cap each reserves, times the companies.
    /// </summary>
    /// <param name="companies">The companies.</param>
    /// <returns>The rulebook's JSON (docs/rulebook-format.md).</returns>
    public static string RulebookJson(int companies)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(companies, 1);
        var extremadura = Rulebook.Extremadura;
        var annuity = extremadura.Annuity(Year).Value;
        var cap = extremadura.On(annuity.Applications.Start).Value.Promotion.CapPerCompany;
        var root = JsonNode.Parse(extremadura.ToJson())!.AsObject();
        root["id"] = RulebookId;
        root["name"] = string.Create(CultureInfo.InvariantCulture, $"Extremadura, the {Year} edition for {companies} companies (a big ledger's rulebook)");
        var edition = root["annuities"]![Year.ToString(CultureInfo.InvariantCulture)]!.AsObject();
        var actions = Money.Of(cap.Amount * companies, cap.Currency);
        var budget = annuity.Budget;
        edition["capacity"] = companies;
        edition["budget"] = new JsonObject
        {
            ["actions"] = actions.ToString(),
            ["training"] = budget.Training.ToString(),
            ["consultancy"] = budget.Consultancy.ToString(),
            ["total"] = (actions + budget.Training + budget.Consultancy).ToString(),
        };
        return root.ToJsonString();
    }

    /// <summary>The big rulebook, loaded.</summary>
    /// <param name="companies">The companies.</param>
    /// <returns>The rulebook.</returns>
    public static Rulebook RulebookFor(int companies) => Rulebook.Load(RulebookJson(companies)).Value;

    /// <summary>Writes the ledger of so many companies.</summary>
    /// <param name="output">Where it goes.</param>
    /// <param name="companies">The companies.</param>
    /// <param name="rulebookArgument">How its rulebook is named, for the comments.</param>
    public static void Write(TextWriter output, int companies, string rulebookArgument) =>
        StarterLedger.WriteTo(output, RulebookFor(companies), Year, rulebookArgument, companies, Step);
}
