using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Participation;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Participation;

public class DeliverablesTest
{
    private static Support.Scenario WithB1()
    {
        var s = Open();
        s.Join("B1");
        return s;
    }

    [Fact]
    public void SubmitSwot_WhenEveryQuadrantHasAnItem_IsSubmittedAsVersionOne()
    {
        var s = WithB1();

        var result = s.Participant("B1").SubmitSwot(FullSwot(), Ctx(Rep("B1"), At(2016, 7, 1)));

        Assert.True(result.IsSuccess);
        Assert.Equal(ReviewStatus.Submitted, result.Value.Aggregate.Swot.Status);
        Assert.Equal(1, Assert.IsType<SwotSubmitted>(Assert.Single(result.Value.Events)).Version);
    }

    [Fact]
    public void SubmitSwot_WhenTwoQuadrantsAreEmpty_ListsBoth()
    {
        var s = WithB1();
        var swot = FullSwot() with { Weaknesses = default, Threats = new EquatableArray<string>([" "]) };

        var result = s.Participant("B1").SubmitSwot(swot, Ctx(Rep("B1"), At(2016, 7, 1)));

        Assert.Equal([ParticipationErrors.SwotIncomplete, ParticipationErrors.SwotIncomplete], result.Codes());
        Assert.Equal(["swot.weaknesses", "swot.threats"], result.ValidationErrors.Select(e => e.Identifier));
    }

    [Fact]
    public void SubmitSwot_WhenTechnicalStaffSubmitIt_IsForbidden()
    {
        var s = WithB1();

        var result = s.Participant("B1").SubmitSwot(FullSwot(), Ctx(Tech, At(2016, 7, 1)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public void ReviewSwot_WhenReturnedWithAComment_ThenResubmittedAndAccepted_KeepsEveryVersion()
    {
        var s = WithB1();
        s.Do("B1", p => p.SubmitSwot(FullSwot(), Ctx(Rep("B1"), At(2016, 7, 1))));
        s.Do("B1", p => p.ReviewSwot(false, "Threats are too vague", Ctx(Tech, At(2016, 7, 2))));
        Assert.Equal(ReviewStatus.Returned, s.Participant("B1").Swot.Status);
        s.Do("B1", p => p.SubmitSwot(FullSwot() with { Threats = new EquatableArray<string>(["Tariffs in Morocco"]) }, Ctx(Rep("B1"), At(2016, 7, 5))));

        var p = s.Do("B1", p => p.ReviewSwot(true, null, Ctx(Tech, At(2016, 7, 6))));

        Assert.True(p.Swot.IsAccepted);
        Assert.Equal(2, p.Swot.Versions.Count);
    }

    [Fact]
    public void ReviewSwot_WhenReturnedWithoutAComment_IsInvalid()
    {
        var s = WithB1();
        s.Do("B1", p => p.SubmitSwot(FullSwot(), Ctx(Rep("B1"), At(2016, 7, 1))));

        var result = s.Participant("B1").ReviewSwot(false, " ", Ctx(Tech, At(2016, 7, 2)));

        Assert.Equal([CommonErrors.MissingText], result.Codes());
    }

    [Fact]
    public void ReviewSwot_WhenNothingWasSubmitted_IsConflict()
    {
        var s = WithB1();

        var result = s.Participant("B1").ReviewSwot(true, null, Ctx(Tech, At(2016, 7, 2)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([ParticipationErrors.NothingToReview], result.Codes());
    }

    [Fact]
    public void SubmitRoadmap_WhenTheSwotIsNotAccepted_IsInvalid()
    {
        var s = WithB1();

        var result = s.Participant("B1").SubmitRoadmap(ValidRoadmap(), Ctx(Rep("B1"), At(2016, 9, 1)));

        Assert.Equal([ParticipationErrors.RoadmapNeedsAcceptedSwot], result.Codes());
    }

    [Fact]
    public void SubmitRoadmap_WhenMarketsAndActionsAreWrong_ListsEveryProblem()
    {
        var s = WithB1();
        s.Do("B1", p => p.SubmitSwot(FullSwot(), Ctx(Rep("B1"), At(2016, 7, 1))));
        s.Do("B1", p => p.ReviewSwot(true, null, Ctx(Tech, At(2016, 7, 2))));
        var roadmap = ValidRoadmap() with
        {
            TargetMarkets = new EquatableArray<string>(["PT", "XX"]),
            Actions = new EquatableArray<RoadmapAction>([new RoadmapAction("Fair in Paris", "FR", new LocalDate(2020, 1, 1))]),
        };

        var result = s.Participant("B1").SubmitRoadmap(roadmap, Ctx(Rep("B1"), At(2016, 9, 1)));

        Assert.Equal(["targetMarkets[1]", "actions[0].due", "actions[0].market"], result.ValidationErrors.Select(e => e.Identifier));
        Assert.All(result.Codes(), c => Assert.Equal(ParticipationErrors.RoadmapInvalid, c));
    }

    [Fact]
    public void SubmitRoadmap_WhenValidAfterAnAcceptedSwot_CanBeAccepted()
    {
        var s = WithB1();
        s.Do("B1", p => p.SubmitSwot(FullSwot(), Ctx(Rep("B1"), At(2016, 7, 1))));
        s.Do("B1", p => p.ReviewSwot(true, null, Ctx(Tech, At(2016, 7, 2))));
        s.Do("B1", p => p.SubmitRoadmap(ValidRoadmap(), Ctx(Rep("B1"), At(2016, 9, 1))));

        var p = s.Do("B1", p => p.ReviewRoadmap(true, "Good plan", Ctx(Tech, At(2016, 9, 2))));

        Assert.True(p.Roadmap.IsAccepted);
        Assert.Equal(ValidRoadmap(), p.Roadmap.Latest);
    }

    [Fact]
    public void SubmitSwot_WhenAlreadyAccepted_IsConflict()
    {
        var s = WithB1();
        s.Do("B1", p => p.SubmitSwot(FullSwot(), Ctx(Rep("B1"), At(2016, 7, 1))));
        s.Do("B1", p => p.ReviewSwot(true, null, Ctx(Tech, At(2016, 7, 2))));

        var result = s.Participant("B1").SubmitSwot(FullSwot(), Ctx(Rep("B1"), At(2016, 7, 3)));

        Assert.Equal([ParticipationErrors.DeliverableAlreadyAccepted], result.Codes());
    }
}
