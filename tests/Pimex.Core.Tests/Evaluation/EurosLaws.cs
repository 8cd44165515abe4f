using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Monetary;
using Pimex.Rulebooks;
using static Pimex.Tests.Admission.ZlotyRegion;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Evaluation;

/// <summary>The laws of a programme's spend in euros: no spend and no cent is lost or made on the way.</summary>
public class EurosLaws
{
    private static readonly EditionId Edition = new("lower-silesia", 2016);
    private static readonly DateTimeZone Warsaw = DateTimeZoneProviders.Tzdb["Europe/Warsaw"];
    private static readonly BudgetLine[] Lines = [BudgetLine.Actions, BudgetLine.Training, BudgetLine.Consultancy];

    /// <summary>A spend of each draw: its line, an amount from PLN 0.01 to PLN 100,000.00, an instant in 2016 to the minute.</summary>
    private static DomainEvent[] Spends(NonNegativeInt[] draws) =>
    [
        .. draws.Select((d, i) =>
        {
            int n = d.Get;
            var line = Lines[n % 3];
            var amount = Zl(((n * 7_919L) % 10_000_000L + 1) / 100m);
            var at = Instant.FromUtc(2016, 1, 1, 0, 0) + Duration.FromMinutes((n * 31L + i) % (366 * 24 * 60));
            return line == BudgetLine.Actions
                ? (DomainEvent)new ReservedFundsSpent(Edition, line, new ParticipantId(Edition, new CompanyId("B" + (n % 7))), amount, at, Manager)
                : new FundsSpent(Edition, line, amount, null, "spend " + i, at, Manager);
        }),
    ];

    private static Expenditure Fold(IEnumerable<DomainEvent> events)
    {
        var expenditure = Expenditure.None(Pln, Warsaw);
        foreach (var e in events)
        {
            expenditure = expenditure.Apply(e);
        }

        return expenditure;
    }

    [Property]
    public void Expenditure_KeepsEverySpendOnItsLine_OncePerMonth_InAnyOrder(NonNegativeInt[] draws)
    {
        var spends = Spends(draws);

        var expenditure = Fold(spends);

        foreach (var line in Lines)
        {
            var sum = spends.Select(e => e switch
            {
                FundsSpent s when s.Line == line => s.Amount,
                ReservedFundsSpent s when s.Line == line => s.Amount,
                _ => Zl(0m),
            }).Aggregate(Zl(0m), (a, b) => a + b);
            Assert.Equal(sum, expenditure.SpentOn(line));
        }

        // One entry per month and line, in order, none zero: equal spends are equal expenditures.
        Assert.All(expenditure.Months.Zip(expenditure.Months.Skip(1)), pair => Assert.True(
            pair.First.Month < pair.Second.Month || (pair.First.Month == pair.Second.Month && pair.First.Line < pair.Second.Line)));
        Assert.All(expenditure.Months, m => Assert.True(m.Spent.IsPositive));
        Assert.Equal(expenditure, Fold(spends.Reverse()));
        Assert.Equal(expenditure, Fold(spends.Concat([new AttendanceRegistered(Edition, "S1", new ParticipantId(Edition, new CompanyId("B1")), Instant.FromUtc(2016, 3, 1, 10, 0), Manager)])));
    }

    [Property(MaxTest = 50)]
    public void WithEuros_MonthsLinesFundsAndTotalAgreeToTheCent(NonNegativeInt[] draws, PositiveInt rateSeed)
    {
        // A monthly rate for every month of 2016, from 3.5000 to 4.9999 zloty per euro.
        var rates = string.Join(", ", Enumerable.Range(1, 12).Select(m =>
            $$"""{ "month": "2016-{{m:00}}", "perEuro": {{3.5m + ((rateSeed.Get * (long)(m + 1)) % 15_000) / 10_000m}}, "source": "s" }"""));
        var rulebook = Load().WithExchangeRates(Must(ExchangeRates.Parse($$"""{ "PLN": [ {{rates}} ] }""")));
        var session = Must(EditionSession.Open(rulebook, 2016, Ctx(Manager, At(2016, 1, 10))));
        var at = At(2016, 1, 11);
        foreach (var d in draws)
        {
            at += Duration.FromHours(1 + (d.Get % 200));
            if (at > At(2016, 12, 31))
            {
                break;
            }

            // A spend the budget cannot afford is refused and changes nothing.
            session.RecordExpense(d.Get % 2 == 0 ? BudgetLine.Training : BudgetLine.Consultancy, Zl(((d.Get * 7_919L) % 300_000 + 1) / 100m), "spend", Ctx(Manager, at));
        }

        var report = Must(EditionReport.Create(session.Edition, session.Participants.Values, rulebook));

        var euros = Must(report.WithEuros(Expenditure.Of(session.Events, rulebook), rulebook)).InEuros!;

        Assert.All(euros.Months, m => Assert.Equal(Money.Of(m.Spent.Amount / m.Rate.PerEuro, Currency.EUR), m.Euros));
        foreach (var line in euros.Lines)
        {
            Assert.Equal(report.Budget.Lines.Single(l => l.Line == line.Line).Spent, line.Spent);
            Assert.Equal(euros.Months.Where(m => m.Line == line.Line).Aggregate(Eur(0m), (sum, m) => sum + m.Euros), line.Euros);
            Assert.Equal(line.Euros, line.Funding.Aggregate(Eur(0m), (sum, f) => sum + f.Amount));
        }

        Assert.Equal(euros.Total, euros.Lines.Aggregate(Eur(0m), (sum, l) => sum + l.Euros));
        Assert.Equal(euros.Total, euros.Funds.Aggregate(Eur(0m), (sum, f) => sum + f.Euros));
        Assert.Equal(report.Budget.Total.Spent, euros.Funds.Aggregate(Zl(0m), (sum, f) => sum + f.Amount));
    }
}
