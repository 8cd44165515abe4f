using System.Text;
using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Rulebooks;
using Pimex.Tools;

namespace Pimex.Cli.Tests;

public class Edition2016GeneratorTest
{
    [Fact]
    public void EmbeddedLedger_IsTheGeneratorsOutput()
    {
        // If this fails after a change to the generator, regenerate the embedded file:
        //   dotnet run -c Release --project tools/Pimex.Tools -- generate-2016 > src/Pimex.Cli/Data/extremadura-2016.jsonl
        Assert.Equal(Edition2016Generator.Generate(), Tool.Ledger2016.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_IsDeterministic()
    {
        Assert.Equal(Edition2016Generator.Generate(), Edition2016Generator.Generate());
    }

    [Fact]
    public void Generate_WritesCommandsInTimeOrderWithPlausibleCompanies()
    {
        var commands = Edition2016Generator.Commands();
        var applications = commands.OfType<Apply>().ToList();

        // In time order, but for the verification typed in after its claim and dated an hour before it (refused on purpose).
        var backDated = Assert.Single(commands.Where((c, i) => i > 0 && c.At < commands[i - 1].At));
        Assert.IsType<VerifyClaim>(backDated);
        Assert.Equal(commands.Where(c => c != backDated).OrderBy(c => c.At), commands.Where(c => c != backDated));
        Assert.Equal(33, applications.Count);
        Assert.Equal(33, applications.Select(a => a.Application.Company).Distinct().Count());
        Assert.All(applications, a =>
        {
            Assert.Equal("ES43", a.Application.Region);
            Assert.Matches("^B(06|10)[0-9]{6}$", a.Application.Company.Value);
            Assert.False(string.IsNullOrWhiteSpace(a.CompanyName));
        });
        Assert.All(applications.Take(30), a => Assert.InRange(a.Application.Profile.Own.Staff, 3m, 140m));
        Assert.Contains(applications, a => a.Application.Profile.Related.Count > 0);
        Assert.Contains(applications, a => a.Application.DeclaredAid.Count > 0);
        Assert.Equal(1, commands.Count(c => c is OpenEdition));
        Assert.Equal(1, commands.Count(c => c is Withdraw));
    }

    [Fact]
    public void Generate_TakesTheProgrammesFiguresFromTheRulebook()
    {
        var extremadura = Rulebook.Extremadura;
        var annuity = extremadura.Annuity(2016).Value;
        var rules = extremadura.On(annuity.Applications.Start).Value;
        var commands = Edition2016Generator.Commands();
        var applications = commands.OfType<Apply>().ToList();

        Assert.StartsWith(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"// PIMEX Extremadura, 2016 edition: an illustrative ledger of {annuity.Capacity} SMEs (EUR {annuity.Budget.Total.Amount:#,0} = "),
            Edition2016Generator.Generate(),
            StringComparison.Ordinal);
        Assert.All(applications, a => Assert.Contains(a.Application.Region, rules.Eligibility.Regions));
        Assert.All(applications, a => Assert.True(annuity.Applications.Contains(a.At.InUtc().Date), $"{a.At} is outside the applications window."));
        Assert.All(commands.OfType<ScheduleSession>(), s => Assert.Equal(annuity.Capacity, s.Session.Capacity));
        Assert.All(commands.OfType<ScheduleSession>(), s => Assert.True(annuity.Training.Contains(s.Session.Date)));
        Assert.Equal(rules.Commitment.GroupSessions, commands.OfType<ScheduleSession>().Count());
        Assert.All(commands.OfType<SubmitClaim>(), c => Assert.True(annuity.Expenses.Contains(c.Claim.InvoiceDate)));
        var hours = commands.OfType<RequestConsultancy>().Sum(c => c.Hours);
        Assert.InRange(hours * rules.Support.ConsultantHourlyRate.Amount, 0m, annuity.Budget.Consultancy.Amount);
    }

    [Fact]
    public void ToolsGenerate2016_PrintsTheEmbeddedLedgerByteForByte()
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();

        int code = Pimex.Tools.Program.Run(["generate-2016"], output, error);

        Assert.Equal(0, code);
        Assert.Equal(Encoding.UTF8.GetBytes(Tool.Ledger2016.Replace("\r\n", "\n", StringComparison.Ordinal)), output.ToArray());
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void ToolsRun_WhenTheToolIsUnknown_PrintsTheUsageAndExits2()
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();

        int code = Pimex.Tools.Program.Run(["generate-2017"], output, error);

        Assert.Equal(2, code);
        Assert.Equal(0, output.Length);
        Assert.Contains("generate-2016", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PimexLedger_WhenAskedForTheGenerator_DoesNotKnowIt()
    {
        var run = Tool.Run("ledger", "generate-2016");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(run.Out);
    }
}
