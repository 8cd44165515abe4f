using Pimex.Common;
using Pimex.Evaluation;
using Pimex.Rulebooks;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Evaluation;

/// <content>Programmer errors: the wrong rulebook, the wrong participants, impossible scores.</content>
public partial class EditionReportTest
{
    [Fact]
    public void Create_WhenRulebookOfAnotherProgramme_Throws()
    {
        var (edition, participants) = new EditionBuilder(Annuity2016, rulebookId: "coventry").Build();

        var error = Assert.Throws<ArgumentException>(() => EditionReport.Create(edition, participants, Rulebook.Extremadura));

        Assert.Equal("rulebook", error.ParamName);
        Assert.Contains("coventry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenParticipantOfAnotherEdition_Throws()
    {
        var (edition, _) = For2016().Build();
        var other = Sized(30);
        other.Admit("B0000001");
        var (_, strangers) = other.Build();

        var error = Assert.Throws<ArgumentException>(() => EditionReport.Create(edition, strangers, Rulebook.Extremadura));

        Assert.Equal("participants", error.ParamName);
        Assert.StartsWith("extremadura-2025/B0000001 is not a participant of extremadura-2016.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenAParticipantIsMissing_Throws()
    {
        var (edition, participants) = SmallEdition();

        var error = Assert.Throws<ArgumentException>(() => EditionReport.Create(edition, participants.Skip(1), Rulebook.Extremadura));

        Assert.Equal("participants", error.ParamName);
        Assert.StartsWith("3 participants were given, but extremadura-2016 admitted 4: give each of them once.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenAParticipantIsGivenTwice_Throws()
    {
        var (edition, participants) = SmallEdition();
        var repeated = participants.Append(participants[0]);

        Assert.Throws<ArgumentException>(() => EditionReport.Create(edition, repeated, Rulebook.Extremadura));
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
    public void Create_WhenAScoreIsOutsideTheScale_Throws()
    {
        var b = For2016();
        b.Admit("B0000001").Answer(11);
        var (edition, participants) = b.Build();

        var error = Assert.Throws<ArgumentException>(() => EditionReport.Create(edition, participants, Rulebook.Extremadura));

        Assert.Contains("outside the survey scale 0 to 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenAQuestionScoreIsOutsideTheScale_Throws()
    {
        var b = For2016();
        b.Admit("B0000001").Answer(8, ("venue", -1));
        var (edition, participants) = b.Build();

        Assert.Throws<ArgumentException>(() => EditionReport.Create(edition, participants, Rulebook.Extremadura));
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

        EditionReport.Create(edition, source, Rulebook.Extremadura);

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
