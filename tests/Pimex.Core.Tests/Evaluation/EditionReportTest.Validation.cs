using Ardalis.Result;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Evaluation;

/// <content>What a host's data can get wrong (the wrong rulebook, the wrong participants, impossible scores: Invalid), and programmer errors (null: thrown).</content>
public partial class EditionReportTest
{
    [Fact]
    public void Create_WhenRulebookOfAnotherProgramme_IsInvalid()
    {
        var (edition, participants) = new EditionBuilder(Annuity2016, rulebookId: "coventry").Build();

        var error = EditionReport.Create(edition, participants, Rulebook.Extremadura).AssertSingleError("rulebook", EditionErrors.WrongEdition);

        Assert.Equal("The rulebook 'extremadura' is not the rulebook of coventry-2016.", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenParticipantOfAnotherEdition_IsInvalid()
    {
        var (edition, _) = For2016().Build();
        var other = Sized(30);
        other.Admit("B0000001");
        var (_, strangers) = other.Build();

        var error = EditionReport.Create(edition, strangers, Rulebook.Extremadura).AssertSingleError("participants", EditionErrors.WrongEdition);

        Assert.Equal("extremadura-2025/B0000001 is not a participant of extremadura-2016.", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenAParticipantIsMissing_IsInvalid()
    {
        var (edition, participants) = SmallEdition();

        var error = EditionReport.Create(edition, participants.Skip(1), Rulebook.Extremadura).AssertSingleError("participants", EvaluationErrors.ParticipantsNotTheEditions);

        Assert.Equal("3 participants were given, but extremadura-2016 admitted 4: give each of them once.", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenAParticipantIsGivenTwice_IsInvalid()
    {
        var (edition, participants) = SmallEdition();
        var repeated = participants.Append(participants[0]);

        var error = EditionReport.Create(edition, repeated, Rulebook.Extremadura).AssertSingleError("participants", EvaluationErrors.ParticipantsNotTheEditions);

        Assert.StartsWith("5 participants were given", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenANullParticipant_Throws()
    {
        var (edition, participants) = SmallEdition();

        var error = Assert.Throws<ArgumentException>(() => EditionReport.Create(edition, [.. participants.Take(3), null!], Rulebook.Extremadura));

        Assert.Equal("participants", error.ParamName);
        Assert.StartsWith("null is not a participant of extremadura-2016.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenAScoreIsOutsideTheScale_IsInvalid()
    {
        var b = For2016();
        b.Admit("B0000001").Answer(11);
        var (edition, participants) = b.Build();

        var error = EditionReport.Create(edition, participants, Rulebook.Extremadura).AssertSingleError("participants", EvaluationErrors.ScoreOutsideScale);

        Assert.Equal("extremadura-2016/B0000001 scored overall 11, outside the survey scale 0 to 10.", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenAQuestionScoreIsOutsideTheScale_IsInvalid()
    {
        var b = For2016();
        b.Admit("B0000001").Answer(8, ("venue", -1));
        var (edition, participants) = b.Build();

        var error = EditionReport.Create(edition, participants, Rulebook.Extremadura).AssertSingleError("participants", EvaluationErrors.ScoreOutsideScale);

        Assert.Equal("extremadura-2016/B0000001 scored question venue -1, outside the survey scale 0 to 10.", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenRefused_CarriesTheStatusItsCodesDeclare()
    {
        var (edition, participants) = SmallEdition();

        var refused = EditionReport.Create(edition, participants.Skip(1), Rulebook.Extremadura);

        Assert.All(refused.Codes(), code => Assert.Equal(ErrorCodes.StatusOf(code), refused.Status));
        Assert.Empty(ErrorCodes.Undeclared(refused.ValidationErrors));
    }

    [Fact]
    public void Create_WhenNullArguments_Throws()
    {
        var (edition, participants) = SmallEdition();

        Assert.Throws<ArgumentNullException>(() => EditionReport.Create(null!, participants, Rulebook.Extremadura));
        Assert.Throws<ArgumentNullException>(() => EditionReport.Create(edition, null!, Rulebook.Extremadura));
        Assert.Throws<ArgumentNullException>(() => EditionReport.Create(edition, participants, null!));
    }

    [Fact]
    public void Create_WhenParticipantsAreEnumerated_EnumeratesThemOnce()
    {
        var (edition, participants) = SmallEdition();
        var source = new CountingSequence<global::Pimex.Participation.Participant>(participants);

        EditionReport.Create(edition, source, Rulebook.Extremadura).Ok();

        Assert.Equal(1, source.Enumerations);
    }

    private sealed class CountingSequence<T>(IEnumerable<T> items) : IEnumerable<T>
    {
        public int Enumerations { get; private set; }

        public IEnumerator<T> GetEnumerator()
        {
            Enumerations++;
            return items.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
