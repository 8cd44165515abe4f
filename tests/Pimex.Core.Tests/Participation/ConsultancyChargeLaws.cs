using Ardalis.Result;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Participation;

/// <summary>
/// The law of consultancy charges: an accepted consultancy charges a positive amount, in every
/// currency, at every rate (zero included) and for any hours, however small.
/// </summary>
public class ConsultancyChargeLaws
{
    /// <summary>Hours from a ten-billionth of an hour to a hundred hours, many of them too small to charge anything.</summary>
    private static readonly Gen<decimal> HoursGen = Gen.Frequency(
        (2, from units in Gen.Choose(1, 1_000_000)
            from scale in Gen.Choose(4, 16)
            select new decimal(units, 0, 0, false, (byte)scale)),
        (1, Gen.Choose(1, 400).Select(quarters => quarters / 4m)));

    /// <summary>An hourly rate in any known currency, from zero to a thousand major units, often tiny.</summary>
    private static readonly Gen<Money> RateGen =
        from currency in PimexArbitraries.CurrencyGen
        from units in Gen.Frequency((1, Gen.Constant(0L)), (2, Gen.Choose(1, 100).Select(u => (long)u)), (2, Gen.Choose(1, 100_000).Select(u => (long)u)))
        select Money.FromMinorUnits(units, currency);

    /// <summary>The rulebooks the verb-level law runs under: Extremadura (EUR 69.00 an hour) and partners at other rates.</summary>
    private static readonly Lazy<Rulebook[]> Rulebooks = new(() =>
        [Rulebook.Extremadura, .. new[] { "EUR 0.00", "EUR 0.01", "EUR 0.37", "EUR 50.00", "EUR 72.55" }.Select(PartnerAt)]);

    private static Rulebook PartnerAt(string rate) => Rulebook.Load(
        RulebookJsonEdits.Partner(p => p.WithExtremadura2016().Override("support.consultantHourlyRate", rate)),
        Rulebook.Extremadura).Value;

    [Property]
    public Property TheRuleAcceptsOnlyHoursThatChargeAPositiveAmount() =>
        Prop.ForAll(RateGen.ToArbitrary(), HoursGen.ToArbitrary(), (rate, hours) =>
        {
            var available = Money.FromMinorUnits(long.MaxValue / 1_000_000, rate.Currency);
            var errors = new List<ValidationError>();

            TrainingRules.ConsultancyAffordable(errors, ReportLanguage.English, hours, rate, available);

            var cost = rate.Multiply(hours);
            return (errors.Count == 0) == cost.IsPositive
                && errors.All(e => e.ErrorCode == ParticipationErrors.ConsultancyChargesNothing);
        });

    [Property(MaxTest = 60)]
    public Property AnyAcceptedConsultancyChargesAPositiveAmount() =>
        Prop.ForAll(Gen.Choose(0, 5).ToArbitrary(), HoursGen.ToArbitrary(), (which, hours) =>
        {
            var s = Open(Rulebooks.Value[which]);
            s.Join("B1");

            var result = s.Participant("B1").RequestConsultancy(s.Edition, hours, "Pricing", s.Rulebook, Ctx(Rep("B1"), At(2016, 6, 1)));

            if (!result.IsSuccess)
            {
                return true.Label($"refused {string.Join(",", result.Codes())}");
            }

            var spent = Assert.IsType<FundsSpent>(Assert.Single(result.Value.Edition.Events));
            var provided = Assert.IsType<ConsultancyProvided>(Assert.Single(result.Value.Participant.Events));
            return (spent.Amount.IsPositive && provided.Cost.IsPositive && result.Value.Edition.Aggregate.Budget.Consultancy.Spent.IsPositive)
                .Label($"{hours} hours charged {spent.Amount}");
        });
}
