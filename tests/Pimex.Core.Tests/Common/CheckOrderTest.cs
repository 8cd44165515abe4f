using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Common;

/// <summary>
/// The one precedence of the verbs' checks (<see cref="CheckOrder"/>): a command that fails two
/// checks at once is refused by the earlier one, with its status and code.
/// </summary>
public class CheckOrderTest
{
    private static readonly Tutorial Diagnosis = new("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis");

    [Fact]
    public void RecordTutorial_WhenAnotherTechnicianThanTheAssignedOneSendsAStaleVersion_IsForbiddenBeforeTheVersionConflict()
    {
        var s = Open();
        s.Join("B1");
        var assigned = s.Do("B1", p => p.AssignTechnician(Tech.Id, s.Rulebook, Ctx(Manager, At(2016, 3, 21))));

        var result = assigned.RecordTutorial(Diagnosis, Ctx(Tech2, At(2016, 6, 1)).Expecting(assigned.Version - 1));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal([ParticipationErrors.NotTheAssignedTechnician], result.Codes());
    }

    [Fact]
    public void RecordTutorial_WhenAnotherTechnicianThanTheAssignedOneActsOnAWithdrawnParticipant_IsForbiddenBeforeTheFinalState()
    {
        var s = Open();
        s.Join("B1");
        s.Do("B1", p => p.AssignTechnician(Tech.Id, s.Rulebook, Ctx(Manager, At(2016, 3, 21))));
        var withdrawn = s.Do("B1", p => p.Withdraw(s.Edition, "Closing down", Ctx(Rep("B1"), At(2016, 4, 1))));

        var result = withdrawn.RecordTutorial(Diagnosis, Ctx(Tech2, At(2016, 6, 1)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal([ParticipationErrors.NotTheAssignedTechnician], result.Codes());
    }

    [Fact]
    public void VerifyClaim_WhenTheSubmitterVerifiesWithAStaleVersion_IsForbiddenBeforeTheVersionConflict()
    {
        var s = Open();
        s.Join("B1");
        var submitted = s.Do("B1", p => p.SubmitClaim(Claim("C1", 1000m), s.Rulebook, Ctx(Tech, At(2016, 10, 5))));

        var result = submitted.VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech, At(2016, 10, 20)).Expecting(submitted.Version - 1));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal([PromotionErrors.VerifierIsSubmitter], result.Codes());
    }

    [Fact]
    public void VerifyClaim_WhenTheSubmitterVerifiesAClaimAlreadyVerified_IsForbiddenBeforeTheConflict()
    {
        var s = Open();
        s.Join("B1");
        s.Do("B1", p => p.SubmitClaim(Claim("C1", 1000m), s.Rulebook, Ctx(Tech, At(2016, 10, 5))));
        var verified = s.Do("B1", p => p.VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech2, At(2016, 10, 20))));

        var result = verified.VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech, At(2016, 10, 21)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal([PromotionErrors.VerifierIsSubmitter], result.Codes());
    }

    [Fact]
    public void RecordAttendance_WhenTheSessionIsAttendedAlreadyAndNotInTheEdition_IsAConflictBeforeNotFound()
    {
        var s = Open().ScheduleSessions();
        var admitted = s.Join("B1");

        // Events are facts: a stream may record a session the edition given does not list.
        var attendedElsewhere = Participant.Replay(
            [.. s.EventsOf("B1"), new SessionAttended(admitted.Id, "S9", new LocalDate(2016, 5, 2), At(2016, 5, 2), Tech)]);
        var result = attendedElsewhere.RecordAttendance(s.Edition, "S9", Ctx(Tech, At(2016, 5, 10)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([ParticipationErrors.SessionAlreadyAttended], result.Codes());
    }

    [Fact]
    public void RecordAttendance_WhenTheEditionIsNotTheParticipantsAndHasNoSuchSession_IsInvalidBeforeNotFound()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        var other = Open();

        var result = s.Participant("B1").RecordAttendance(other.Edition, "S9", Ctx(Tech, At(2016, 5, 10)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([EditionErrors.WrongEdition], result.Codes());
    }

    [Fact]
    public void Stages_AreTheTableOfTheArchitectureGuide_InItsOrder()
    {
        var lines = DocsFiles.Read("architecture.md").Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("| stage | what is checked |", StringComparison.Ordinal));
        Assert.True(header >= 0, "architecture.md has no table of the check stages");
        var documented = lines.Skip(header + 2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|')[1].Trim().Trim('`'))
            .ToArray();

        Assert.Equal(CheckOrder.Stages.Select(stage => stage.ToString()), documented);
    }
}
