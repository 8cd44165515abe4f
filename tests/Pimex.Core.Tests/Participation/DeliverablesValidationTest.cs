using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Participation;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Participation;

/// <summary>Every validation branch of the SWOT analysis and the roadmap, with its path and message.</summary>
public class DeliverablesValidationTest
{
    private static Support.Scenario WithB1()
    {
        var s = Open();
        s.Join("B1");
        return s;
    }

    private static Support.Scenario WithAcceptedSwot()
    {
        var s = WithB1();
        s.Do("B1", p => p.SubmitSwot(FullSwot(), Ctx(Rep("B1"), At(2016, 7, 1))));
        s.Do("B1", p => p.ReviewSwot(true, null, Ctx(Tech, At(2016, 7, 2))));
        return s;
    }

    private static Result<Changed<Participant, ParticipantEvent>> Submit(Support.Scenario s, Roadmap roadmap) =>
        s.Participant("B1").SubmitRoadmap(roadmap, Ctx(Rep("B1"), At(2016, 9, 1)));

    [Fact]
    public void Deliverable_WhenNothingWasSubmitted_HasNoLatestVersion()
    {
        var p = WithB1().Participant("B1");

        Assert.Equal(ReviewStatus.NotSubmitted, p.Swot.Status);
        Assert.Null(p.Swot.Latest);
        Assert.Null(p.Roadmap.Latest);
    }

    [Fact]
    public void SubmitSwot_WhenTechnicalStaffSubmitIt_SaysWhatTheyMayNotDo()
    {
        var s = WithB1();

        var result = s.Participant("B1").SubmitSwot(FullSwot(), Ctx(Tech, At(2016, 7, 1)));

        Assert.Contains("may not submit the SWOT analysis", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitSwot_WhenAlreadyAccepted_SaysSo()
    {
        var s = WithAcceptedSwot();

        var result = s.Participant("B1").SubmitSwot(FullSwot(), Ctx(Rep("B1"), At(2016, 7, 3)));

        Assert.Contains("SWOT analysis is already accepted", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitSwot_WhenStrengthsAndOpportunitiesAreEmpty_NamesBothQuadrants()
    {
        var s = WithB1();
        var swot = FullSwot() with { Strengths = default, Opportunities = new EquatableArray<string>([]) };

        var result = s.Participant("B1").SubmitSwot(swot, Ctx(Rep("B1"), At(2016, 7, 1)));

        Assert.Equal(["swot.strengths", "swot.opportunities"], result.ValidationErrors.Select(e => e.Identifier));
        Assert.Contains("opportunities quadrant", result.ValidationErrors.Last().ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitSwot_WhenOneItemOfAQuadrantIsBlank_IsIncomplete()
    {
        var s = WithB1();
        var swot = FullSwot() with { Threats = new EquatableArray<string>(["Tariffs", " "]) };

        var result = s.Participant("B1").SubmitSwot(swot, Ctx(Rep("B1"), At(2016, 7, 1)));

        Assert.Equal(["swot.threats"], result.ValidationErrors.Select(e => e.Identifier));
        Assert.Equal([ParticipationErrors.SwotIncomplete], result.Codes());
    }

    [Fact]
    public void ReviewSwot_WhenReturnedWithoutAComment_PointsAtTheComment()
    {
        var s = WithB1();
        s.Do("B1", p => p.SubmitSwot(FullSwot(), Ctx(Rep("B1"), At(2016, 7, 1))));

        var result = s.Participant("B1").ReviewSwot(false, null, Ctx(Tech, At(2016, 7, 2)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("comment", error.Identifier);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
    }

    [Fact]
    public void SubmitRoadmap_WhenAlreadyAccepted_IsConflict()
    {
        var s = WithAcceptedSwot();
        s.Do("B1", p => p.SubmitRoadmap(ValidRoadmap(), Ctx(Rep("B1"), At(2016, 9, 1))));
        s.Do("B1", p => p.ReviewRoadmap(true, null, Ctx(Tech, At(2016, 9, 2))));

        var result = s.Participant("B1").SubmitRoadmap(ValidRoadmap(), Ctx(Rep("B1"), At(2016, 9, 3)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([ParticipationErrors.DeliverableAlreadyAccepted], result.Codes());
        Assert.Contains("roadmap is already accepted", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitRoadmap_WhenNoMarketNoIndicatorAndNoAction_ListsEachOne()
    {
        var s = WithAcceptedSwot();
        var roadmap = ValidRoadmap() with { TargetMarkets = default, Indicators = default, Actions = default };

        var result = Submit(s, roadmap);

        Assert.Equal(["targetMarkets", "indicators", "actions"], result.ValidationErrors.Select(e => e.Identifier));
        Assert.All(result.Codes(), c => Assert.Equal(ParticipationErrors.RoadmapInvalid, c));
        Assert.All(result.ValidationErrors, e => Assert.False(string.IsNullOrWhiteSpace(e.ErrorMessage)));
    }

    [Fact]
    public void SubmitRoadmap_WhenAnIndicatorIsBlank_IsInvalid()
    {
        var s = WithAcceptedSwot();

        var result = Submit(s, ValidRoadmap() with { Indicators = new EquatableArray<string>(["Export share", ""]) });

        Assert.Equal(["indicators"], result.ValidationErrors.Select(e => e.Identifier));
    }

    [Fact]
    public void SubmitRoadmap_WhenOneObjectiveOfSeveralIsBlank_IsInvalid()
    {
        var s = WithAcceptedSwot();

        var result = Submit(s, ValidRoadmap() with { Objectives = new EquatableArray<string>(["Sell in Portugal", " "]) });

        Assert.Equal(["objectives"], result.ValidationErrors.Select(e => e.Identifier));
    }

    [Fact]
    public void SubmitRoadmap_WhenAnActionHasNoDescription_PointsAtThatAction()
    {
        var s = WithAcceptedSwot();
        var actions = new EquatableArray<RoadmapAction>([
            new RoadmapAction("Attend SISAB Lisbon", "PT", new LocalDate(2017, 2, 15)),
            new RoadmapAction(" ", "FR", new LocalDate(2017, 5, 1)),
        ]);

        var result = Submit(s, ValidRoadmap() with { Actions = actions });

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("actions[1].description", error.Identifier);
        Assert.Equal(ParticipationErrors.RoadmapInvalid, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
    }

    [Fact]
    public void SubmitRoadmap_WhenAnActionIsNull_PointsAtThatAction_AndDoesNotThrow()
    {
        var s = WithAcceptedSwot();
        var actions = new EquatableArray<RoadmapAction>([
            new RoadmapAction("Attend SISAB Lisbon", "PT", new LocalDate(2017, 2, 15)),
            null!,
        ]);

        var result = Submit(s, ValidRoadmap() with { Actions = actions });

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("actions[1]", error.Identifier);
        Assert.Equal(ParticipationErrors.RoadmapInvalid, error.ErrorCode);
    }

    [Fact]
    public void SubmitRoadmap_WhenMarketsAndActionsAreWrong_NamesTheCodeTheDateAndTheMarket()
    {
        var s = WithAcceptedSwot();
        var roadmap = ValidRoadmap() with
        {
            TargetMarkets = new EquatableArray<string>(["PT", "XX"]),
            Actions = new EquatableArray<RoadmapAction>([new RoadmapAction("Fair in Paris", "FR", new LocalDate(2020, 1, 1))]),
        };

        var messages = Submit(s, roadmap).ValidationErrors.Select(e => e.ErrorMessage).ToList();

        Assert.Equal(3, messages.Count);
        Assert.Contains("'XX'", messages[0], StringComparison.Ordinal);
        Assert.Contains("2020-01-01", messages[1], StringComparison.Ordinal);
        Assert.Contains("'FR'", messages[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AD")]
    [InlineData("GA")]
    [InlineData("KE")]
    [InlineData("SA")]
    [InlineData("UM")]
    [InlineData("ZW")]
    public void SubmitRoadmap_WhenTheMarketIsACountryCodeAtTheStartOrEndOfTheList_IsAccepted(string market)
    {
        var s = WithAcceptedSwot();
        var roadmap = ValidRoadmap() with
        {
            TargetMarkets = new EquatableArray<string>([market]),
            Actions = new EquatableArray<RoadmapAction>([new RoadmapAction("Trade mission", market, new LocalDate(2017, 2, 15))]),
        };

        var result = Submit(s, roadmap);

        Assert.True(result.IsSuccess, string.Join("; ", result.ValidationErrors.Select(e => e.ErrorMessage)));
    }

    [Fact]
    public void ReviewRoadmap_WhenReturnedWithAComment_IsReturnedNotAccepted()
    {
        var s = WithAcceptedSwot();
        s.Do("B1", p => p.SubmitRoadmap(ValidRoadmap(), Ctx(Rep("B1"), At(2016, 9, 1))));

        var p = s.Do("B1", p => p.ReviewRoadmap(false, "Add a budget per action", Ctx(Tech, At(2016, 9, 2))));

        Assert.Equal(ReviewStatus.Returned, p.Roadmap.Status);
        Assert.False(p.Roadmap.IsAccepted);
        Assert.Equal("Add a budget per action", p.Roadmap.LastComment);
        Assert.Equal(p, Participant.Replay(s.EventsOf("B1")));
    }
}
