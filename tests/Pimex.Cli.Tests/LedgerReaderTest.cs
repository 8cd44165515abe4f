using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Tools;

namespace Pimex.Cli.Tests;

public class LedgerReaderTest
{
    [Fact]
    public void Read_WhenWrittenByTheWriter_GivesBackEqualCommands()
    {
        var commands = Edition2016Generator.Commands();
        var text = string.Join("\n", commands.Select(LedgerWriter.Write));

        var read = LedgerReader.Read(text);

        Assert.True(read.IsSuccess, string.Join("\n", read.Errors));
        Assert.Equal(commands, read.Entries.Select(e => e.Command));
    }

    [Fact]
    public void Read_SkipsBlankLinesAndComments_AndKeepsPhysicalLineNumbers()
    {
        var text = "// a comment\n\n   \r\n  // indented comment\r\n" + Fixtures.Open() + "\r\n\n" + Fixtures.Apply() + "\n";

        var read = LedgerReader.Read("\uFEFF" + text);

        Assert.True(read.IsSuccess, string.Join("\n", read.Errors));
        Assert.Equal([5, 7], read.Entries.Select(e => e.Line));
        Assert.IsType<OpenEdition>(read.Entries[0].Command);
        var apply = Assert.IsType<Apply>(read.Entries[1].Command);
        Assert.Equal(new CompanyId(Fixtures.Company), apply.Application.Company);
        Assert.Equal(ActorRole.ProgrammeManager, apply.Actor.Role);
    }

    [Fact]
    public void Read_WhenALineIsMalformed_ReportsEveryBadLineAndReturnsNoCommand()
    {
        var text = Fixtures.Ledger(
            Fixtures.Open(),
            "{\"command\":\"admit\",",
            "[1, 2]",
            "{\"command\":\"promote\",\"at\":\"2016-03-21T09:00:00Z\"}",
            Fixtures.Admit());

        var read = LedgerReader.Read(text);

        Assert.False(read.IsSuccess);
        Assert.Empty(read.Entries);
        Assert.Equal(
            [(2, LedgerErrors.MalformedJson), (3, LedgerErrors.NotAnObject), (4, LedgerErrors.UnknownCommand)],
            read.Errors.Select(e => (e.Line, e.Code)));
        Assert.Contains("'promote' is not a command", read.Errors[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"at\":\"2016-03-21T09:00:00Z\"}", "$.command", LedgerErrors.MissingField)]
    [InlineData("{\"command\":7}", "$.command", LedgerErrors.WrongType)]
    [InlineData("{\"command\":\"admit\",\"at\":\"2016-03-21 09:00\",\"actor\":{\"id\":\"m\",\"role\":\"programmeManager\"},\"company\":\"B1\"}", "$.at", LedgerErrors.InvalidValue)]
    [InlineData("{\"command\":\"admit\",\"at\":\"2016-03-21T09:00:00Z\",\"actor\":{\"id\":\"m\",\"role\":\"boss\"},\"company\":\"B1\"}", "$.actor.role", LedgerErrors.InvalidValue)]
    [InlineData("{\"command\":\"admit\",\"at\":\"2016-03-21T09:00:00Z\",\"actor\":{\"id\":\"m\",\"role\":\"programmeManager\"}}", "$.company", LedgerErrors.MissingField)]
    [InlineData("{\"command\":\"admit\",\"at\":\"2016-03-21T09:00:00Z\",\"actor\":{\"id\":\"m\",\"role\":\"programmeManager\"},\"company\":\"B1\",\"compnay\":\"B2\"}", "$.compnay", LedgerErrors.UnknownField)]
    [InlineData("{\"command\":\"admit\",\"command\":\"admit\",\"at\":\"2016-03-21T09:00:00Z\",\"actor\":{\"id\":\"m\",\"role\":\"programmeManager\"},\"company\":\"B1\"}", "$.command", LedgerErrors.DuplicateKey)]
    [InlineData("{\"command\":\"admit\",\"at\":\"2016-03-21T09:00:00Z\",\"actor\":{\"id\":\"m\",\"role\":\"technician\",\"company\":\"B1\"},\"company\":\"B1\"}", "$.actor.company", LedgerErrors.InvalidValue)]
    [InlineData("{\"command\":\"admit\",\"at\":\"2016-03-21T09:00:00Z\",\"actor\":{\"id\":\" \",\"role\":\"technician\"},\"company\":\"B1\"}", "$.actor.id", LedgerErrors.InvalidValue)]
    [InlineData("{\"command\":\"recordExpense\",\"at\":\"2016-04-21T09:00:00Z\",\"actor\":{\"id\":\"m\",\"role\":\"programmeManager\"},\"line\":\"training\",\"amount\":\"EUR 12.345\",\"description\":\"x\"}", "$.amount", LedgerErrors.InvalidValue)]
    [InlineData("{\"command\":\"recordExpense\",\"at\":\"2016-04-21T09:00:00Z\",\"actor\":{\"id\":\"m\",\"role\":\"programmeManager\"},\"line\":\"travel\",\"amount\":\"EUR 12.00\",\"description\":\"x\"}", "$.line", LedgerErrors.InvalidValue)]
    [InlineData("{\"command\":\"scheduleSession\",\"at\":\"2016-04-21T09:00:00Z\",\"actor\":{\"id\":\"m\",\"role\":\"technician\"},\"session\":\"S1\",\"date\":\"20/04/2016\",\"venue\":\"v\",\"topic\":\"t\",\"capacity\":30}", "$.date", LedgerErrors.InvalidValue)]
    [InlineData("{\"command\":\"verifyClaim\",\"at\":\"2016-04-21T09:00:00Z\",\"actor\":{\"id\":\"t\",\"role\":\"technician\"},\"company\":\"B1\",\"claim\":\"C1\",\"verdict\":\"approvedInPart\",\"reason\":\"r\"}", "$.approvedAmount", LedgerErrors.MissingField)]
    [InlineData("{\"command\":\"apply\",\"at\":\"2016-02-01T10:00:00Z\",\"actor\":{\"id\":\"m\",\"role\":\"programmeManager\"},\"company\":\"B1\",\"region\":\"ES43\",\"staff\":12,\"turnover\":\"EUR 1.00\",\"balanceSheet\":\"EUR 1.00\",\"related\":[{\"name\":\"P\",\"share\":\"130%\",\"staff\":1,\"turnover\":\"EUR 1.00\",\"balanceSheet\":\"EUR 1.00\"}]}", "$.related[0].share", LedgerErrors.InvalidValue)]
    [InlineData("{\"command\":\"submitRoadmap\",\"at\":\"2016-02-01T10:00:00Z\",\"actor\":{\"id\":\"r\",\"role\":\"companyRepresentative\",\"company\":\"B1\"},\"company\":\"B1\",\"horizon\":{\"start\":\"2017-01-01\",\"end\":\"2016-01-01\"},\"targetMarkets\":[\"PT\"],\"objectives\":[\"o\"],\"actions\":[],\"indicators\":[\"i\"]}", "$.horizon.end", LedgerErrors.InvalidValue)]
    [InlineData("{\"command\":\"submitSwot\",\"at\":\"2016-02-01T10:00:00Z\",\"actor\":{\"id\":\"r\",\"role\":\"companyRepresentative\",\"company\":\"B1\"},\"company\":\"B1\",\"strengths\":[\"a\",3],\"weaknesses\":[\"w\"],\"opportunities\":[\"o\"],\"threats\":[\"t\"]}", "$.strengths[1]", LedgerErrors.WrongType)]
    public void ReadLine_WhenAFieldIsWrong_ReportsItsPathAndCode(string json, string path, string code)
    {
        var errors = new List<LedgerError>();

        var command = LedgerReader.ReadLine(json, 9, errors);

        Assert.Null(command);
        var error = Assert.Single(errors, e => e.Path == path);
        Assert.Equal(code, error.Code);
        Assert.Equal(9, error.Line);
        Assert.StartsWith($"line 9: {code} {path}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenEmptyOrOnlyComments_IsAnError()
    {
        var read = LedgerReader.Read("// nothing here\n\n");

        var error = Assert.Single(read.Errors);
        Assert.Equal(LedgerErrors.Empty, error.Code);
    }

    [Fact]
    public void Read_WhenALineIsNestedTooDeeply_ReportsTooLarge()
    {
        var deep = new string('[', 40) + new string(']', 40);

        var read = LedgerReader.Read(deep);

        Assert.Equal(LedgerErrors.TooLarge, Assert.Single(read.Errors).Code);
    }

    [Fact]
    public void Read_WhenALineIsTruncated_ReportsMalformedJson()
    {
        var read = LedgerReader.Read("{\"command\":\"admit\",\"actor\":{\"id\":");

        Assert.Equal(LedgerErrors.MalformedJson, Assert.Single(read.Errors).Code);
    }

    [Fact]
    public void Read_WhenALineHasALoneSurrogate_ReportsMalformedJson()
    {
        var read = LedgerReader.Read(Fixtures.Open().Replace("manager-1", "manager-\uD800", StringComparison.Ordinal));

        Assert.Equal(LedgerErrors.MalformedJson, Assert.Single(read.Errors).Code);
    }

    [Fact]
    public void Read_ParsesEveryFieldOfAClaim()
    {
        var read = LedgerReader.Read(Fixtures.Ledger(Fixtures.Claim("C1", "F-1", "EUR 1234.50")));

        var claim = Assert.IsType<SubmitClaim>(Assert.Single(read.Entries).Command);
        Assert.Equal("C1", claim.Claim.Id);
        Assert.Equal("F-1", claim.Claim.InvoiceId);
        Assert.Equal(1234.50m, claim.Claim.Net.Amount);
        Assert.Equal(new NodaTime.LocalDate(2016, 5, 20), claim.Claim.InvoiceDate);
        Assert.True(claim.Claim.VatRecoverable);
        Assert.Equal(new CompanyId(Fixtures.Company), claim.Actor.Company);
    }

    [Fact]
    public void CommandNames_CoverEveryCommandTheWriterWrites()
    {
        var written = Edition2016Generator.Commands().Select(c => c.Name).Distinct();

        Assert.Subset(LedgerReader.CommandNames.ToHashSet(), written.ToHashSet());
        Assert.Equal(20, LedgerReader.CommandNames.Count());
        Assert.Equal(BudgetLine.Training, Assert.IsType<RecordExpense>(Edition2016Generator.Commands().First(c => c is RecordExpense)).Line);
    }
}
