using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;

namespace Pimex.Samples;

/// <summary>One company's year of the 2016 edition, from its application to its survey, through an <see cref="EditionSession"/>.</summary>
public static class Year
{
    /// <summary>Runs the year; every command's result is kept (a refused one changes nothing).</summary>
    /// <param name="company">The company.</param>
    /// <returns>The session after the year (null if the edition did not open), and every command's result.</returns>
    public static (EditionSession? Session, List<IResult> Results) Of(CompanyId company)
    {
        var rules = Rulebook.Extremadura;
        var (manager, tech, rep) = (Actor.ProgrammeManager("mgr-1"), Actor.Technician("tech-1"), Actor.CompanyRepresentative("rep-1", company));
        CommandContext On(Actor actor, int month, int day) => rules.At(actor, new LocalDate(2016, month, day));

        var opened = EditionSession.Open(rules, 2016, On(manager, 1, 10));
        var (session, results) = (opened.Value, new List<IResult> { opened });
        if (!opened.IsSuccess)
        {
            return (null, results);
        }

        for (int i = 1; i <= 3; i++)
        {
            results.Add(session.ScheduleSession(new GroupSession("S" + i, new LocalDate(2016, 5, (2 * i) - 1), "Mérida", "Session " + i, 30), On(tech, 1, 15)));
        }

        results.Add(session.ReceiveApplication(CompanyApplication.Autonomous(company, "ES43", new EnterpriseFigures(20m, Money.Of(3_000_000m, rules.Currency), Money.Of(2_000_000m, rules.Currency))), On(rep, 2, 1)));
        results.Add(session.Admit(company, On(manager, 2, 15)));
        results.Add(session.AssignTechnician(company, "tech-1", On(manager, 2, 16)));
        for (int i = 1; i <= 3; i++)
        {
            results.Add(session.RecordAttendance(company, "S" + i, On(tech, 5, (2 * i) - 1)));
            results.Add(session.RecordTutorial(company, new Tutorial("T" + i, new LocalDate(2016, 5, 2 * i), VenueKind.CompanyPremises, "Export plan"), On(tech, 5, 2 * i)));
        }

        results.Add(session.RecordTrainingPill(company, new TrainingPill("Strategic planning", new LocalDate(2016, 6, 20), "management"), On(tech, 6, 20)));
        results.Add(session.SubmitSwot(company, new Swot(["Quality"], ["Size"], ["Portugal"], ["Competition"]), On(rep, 7, 1)));
        results.Add(session.ReviewSwot(company, true, null, On(tech, 7, 2)));
        results.Add(session.SubmitRoadmap(company, new Roadmap(new(new(2016, 10, 1), new(2017, 12, 31)), ["PT"], ["First sale in Portugal"], [new RoadmapAction("Fair in Lisbon", "PT", new LocalDate(2017, 2, 15))], ["Export share of turnover"]), On(rep, 9, 1)));
        results.Add(session.ReviewRoadmap(company, true, null, On(tech, 9, 2)));
        results.Add(session.SubmitClaim(company, new ExpenseClaim("K1", "INV-1", "B11111111", new LocalDate(2016, 10, 1), "tradeFair", "Stand", Money.Of(800m, rules.Currency), Money.Zero(rules.Currency), true), On(rep, 10, 5)));
        results.Add(session.VerifyClaim(company, "K1", ClaimVerification.ApproveInFull(), On(tech, 10, 20)));
        results.Add(session.Complete(company, On(tech, 11, 1)));
        results.Add(session.AnswerSurvey(company, new SurveyAnswer(8, default), On(rep, 11, 15)));
        return (session, results);
    }
}
