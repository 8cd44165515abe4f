using System.Reflection;
using System.Text.Json;
using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Rulebooks;
using Pimex.Tools;

namespace Pimex.Cli.Tests;

/// <summary>
/// Each ledger command owns its verb (name, fields, reading), its writing and its applying: these
/// tests hold the pieces together, so that a verb is added in one place (and its docs).
/// </summary>
public class LedgerVerbTest
{
    /// <summary>One command of every verb: the 2016 edition's, and an exclusion it has none of.</summary>
    private static readonly IReadOnlyList<LedgerCommand> Samples =
    [
        .. Edition2016Generator.Commands(),
        new Exclude(NodaTime.Instant.FromUtc(2016, 9, 1, 9, 0), new Actor("manager-1", ActorRole.ProgrammeManager), new CompanyId("B06000001"), "Did not keep the commitment."),
    ];

    [Fact]
    public void All_HoldsEveryCommandTypeOnce_UnderItsOwnName()
    {
        var types = typeof(LedgerCommand).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(LedgerCommand)) && !t.IsAbstract)
            .ToList();

        var declared = types.Select(t => (LedgerVerb)t.GetField("Definition", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).ToList();

        Assert.Equal(types.Count, LedgerVerb.All.Count);
        Assert.Equal(declared.ToHashSet(), LedgerVerb.All.ToHashSet());
        Assert.Equal(LedgerVerb.All.Count, LedgerVerb.ByName.Count);
        Assert.Equal(LedgerVerb.All.Select(v => v.Name), LedgerReader.CommandNames);
    }

    [Fact]
    public void EveryVerb_ReadsBackWhatItsCommandsWrite_WithOnlyItsOwnFields()
    {
        var byVerb = Samples.GroupBy(c => c.Verb).ToDictionary(g => g.Key, g => g.First());
        Assert.Equal(LedgerVerb.All.ToHashSet(), byVerb.Keys.ToHashSet());

        foreach (var (verb, command) in byVerb)
        {
            var line = LedgerWriter.Write(command);
            var errors = new List<LedgerError>();

            var read = LedgerReader.ReadLine(line, 1, errors);

            Assert.Empty(errors);
            Assert.Equal(command, read);
            Assert.Same(verb, read!.Verb);
            Assert.Same(verb, LedgerVerb.ByName[command.Name]);
            using var json = JsonDocument.Parse(line);
            Assert.All(
                json.RootElement.EnumerateObject().Select(p => p.Name),
                field => Assert.Contains(field, LedgerReader.CommonFields.Concat(verb.Fields)));
        }
    }

    [Fact]
    public void LedgerFormat_HasASectionPerVerb_NamingEachOfItsFields()
    {
        var doc = File.ReadAllText(Path.Combine(DocsCommands.Root, "docs", "ledger-format.md"));
        var sections = doc.Split("\n### ");

        foreach (var verb in LedgerVerb.All)
        {
            var section = Assert.Single(sections, s => s.StartsWith('`') && s[..s.IndexOf('\n', StringComparison.Ordinal)].Contains($"`{verb.Name}`", StringComparison.Ordinal));
            var ownTable = verb == Apply.Definition ? doc : section;
            Assert.All(verb.Fields, field => Assert.Contains($"`{field}`", ownTable, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Run_WhenACommandIsAboutACompanyNotAdmitted_AnswersWithTheToolsCodeInTheRunsLanguage()
    {
        var ledger = LedgerReader.Read(Fixtures.Ledger(Fixtures.Open(), Fixtures.Apply(), Fixtures.Claim("C1", "F-1")));

        var english = LedgerRunner.Run(Rulebook.Extremadura, ledger.Entries);
        var spanish = LedgerRunner.Run(Rulebook.Extremadura, ledger.Entries, ReportLanguage.Spanish);

        var refusal = Assert.Single(english.Refused);
        Assert.Equal((3, Ardalis.Result.ResultStatus.NotFound), (refusal.Line, refusal.Status));
        Assert.Equal(LedgerErrors.NotAParticipant, Assert.Single(refusal.Errors).Code);
        Assert.Equal($"line 3: PIMEX-LEDGER-103 {Fixtures.Company} is not a participant of {english.Edition!.Id}.", Assert.Single(refusal.Lines()));
        Assert.Equal($"línea 3: PIMEX-LEDGER-103 {Fixtures.Company} no es una empresa participante de la convocatoria {spanish.Edition!.Id}.", Assert.Single(Assert.Single(spanish.Refused).Lines(ReportLanguage.Spanish)));
        Assert.DoesNotContain(english.Refused.Concat(spanish.Refused).SelectMany(r => r.Errors), e => e.Code == EditionErrors.NotAParticipant);
    }

    [Fact]
    public void Start_WithoutEvents_KeepsTheAggregatesOnly()
    {
        var ledger = LedgerReader.Read(Tool.Ledger2016);
        var kept = LedgerRunner.Run(Rulebook.Extremadura, ledger.Entries);
        var runner = LedgerRunner.Start(Rulebook.Extremadura, keepEvents: false);

        foreach (var entry in LedgerOrder.InTimeOrder(ledger.Entries).Entries)
        {
            runner.Apply(entry);
        }

        var lean = runner.Finish();
        Assert.Empty(lean.EditionEvents);
        Assert.Empty(lean.ParticipantEvents);
        Assert.Equal(kept.Edition, lean.Edition);
        Assert.Equal(kept.Participants, lean.Participants);
        Assert.Equal(kept.Refused.Select(r => r.Lines()), lean.Refused.Select(r => r.Lines()));
        Assert.Equal(kept.Participants.Select(p => p.Id), kept.ParticipantEvents.Keys);
    }
}
