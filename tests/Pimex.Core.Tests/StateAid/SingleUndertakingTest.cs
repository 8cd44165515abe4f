using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.StateAid;

/// <summary>
/// De minimis aid per single undertaking: art. 2(2) of Regulations (EU) 1407/2013 and 2023/2831
/// (linked undertakings' aid counts), art. 3(8) (mergers and acquisitions carry the previous aid)
/// and art. 3(9) (splits allocate it, or divide it by the book value of equity).
/// </summary>
public class SingleUndertakingTest
{
    private static readonly Rate Majority = Rulebook.Extremadura.On(new LocalDate(2016, 3, 20)).Value.Aid.SingleUndertakingShareAbove;
    private static readonly LocalDate Granted = new(2015, 6, 1);

    private static AidReceived Aid(decimal amount, string body = "Junta de Extremadura") => new(Eur(amount), Granted, body);

    private static RelatedEnterprise Related(string name, decimal percent, params AidReceived[] aid) =>
        new(name, Rate.FromPercent(percent), new EnterpriseFigures(5m, Eur(100_000m), Eur(100_000m))) { Aid = new EquatableArray<AidReceived>(aid) };

    private static CompanyApplication With(params RelatedEnterprise[] related) =>
        Application("B1", declaredAid: Aid(1_000m, "Own grant")) with
        {
            Profile = new CompanyProfile(new EnterpriseFigures(20m, Eur(3_000_000m), Eur(2_000_000m)), new EquatableArray<RelatedEnterprise>(related)),
        };

    private static (string? Recipient, decimal Amount)[] Counted(CompanyApplication application) =>
        [.. SingleUndertaking.Aid(application, Majority).Select(a => (a.Recipient, a.Amount.Amount))];

    [Fact]
    public void Aid_WhenNoLinkedUndertakingReceivedAid_IsTheDeclaredAidItself()
    {
        var application = With(Related("Partner SA", 40m, Aid(5_000m)));

        Assert.Equal(application.DeclaredAid, SingleUndertaking.Aid(application, Majority));
    }

    [Fact]
    public void Aid_WhenLinkedUndertakingsReceivedAid_CountsTheirsNamingThemAndNotThePartners()
    {
        // Art. 2(2)(a) (a majority of votes), (b)-(d) (control by other means), and "through one or
        // more other undertakings"; partners are not part of a single undertaking.
        var parent = Related("Parent SA", 60m, Aid(10_000m)) with
        {
            Related = new EquatableArray<RelatedEnterprise>([Related("Sister SL", 100m, Aid(2_000m)), Related("Parent's partner", 40m, Aid(70_000m))]),
        };
        var controlled = Related("Controlled by contract SL", 10m, Aid(3_000m)) with { Control = ControlMeans.DominantInfluence };

        var counted = Counted(With(parent, controlled, Related("Partner SA", 40m, Aid(50_000m))));

        Assert.Equal(
            [((string?)null, 1_000m), ("Parent SA", 10_000m), ("Parent SA > Sister SL", 2_000m), ("Controlled by contract SL", 3_000m)],
            counted);
    }

    [Fact]
    public void Aid_WhenTheSameNaturalPersonsOrAPublicBodyHoldTheOtherUndertakings_DoesNotReachThem()
    {
        // Art. 2(2) names relationships between undertakings only.
        var persons = new RelatedEnterprise("The García family", Rate.FromPercent(100m), new EnterpriseFigures(0m, Eur(0m), Eur(0m)))
        {
            Kind = RelatedPartyKind.NaturalPersons,
            Related = new EquatableArray<RelatedEnterprise>([Related("Family company SL", 100m, Aid(90_000m)) with { SameOrAdjacentMarket = true }]),
        };
        var council = Related("Ayuntamiento", 60m, Aid(90_000m)) with { Kind = RelatedPartyKind.PublicBody };

        Assert.Equal([((string?)null, 1_000m)], Counted(With(persons, council)));
    }

    [Fact]
    public void Aid_WhenTheApplicantMergedAcquiredAndSplit_CarriesTheAidAsArticle3Says()
    {
        // Art. 3(8): all prior aid of the merging undertakings; art. 3(9): the aid allocated to the
        // applicant in full, the rest by its share of the book value of equity (30 % of 1,000.05).
        var application = With() with
        {
            Restructurings = new EquatableArray<Restructuring>(
            [
                new Restructuring(RestructuringKind.Merger, "Merged SL", new LocalDate(2015, 1, 1), new EquatableArray<AidReceived>([Aid(4_000m)])),
                new Restructuring(RestructuringKind.Acquisition, "Acquired SA", new LocalDate(2015, 2, 1), new EquatableArray<AidReceived>([Aid(6_000m)])),
                new Restructuring(RestructuringKind.Split, "Former group SA", new LocalDate(2015, 3, 1), new EquatableArray<AidReceived>([Aid(7_000m)]))
                {
                    UnallocatedAid = new EquatableArray<AidReceived>([Aid(1_000.05m)]),
                    EquityShare = Rate.FromPercent(30m),
                },
            ]),
        };

        var counted = SingleUndertaking.Aid(application, Majority);

        Assert.Equal([1_000m, 4_000m, 6_000m, 7_000m, 300.02m], counted.Select(a => a.Amount.Amount));
        Assert.Equal("Merged SL (merger effective 2015-01-01)", counted[1].Recipient);
        Assert.StartsWith("Former group SA (split effective 2015-03-01), 30% of EUR 1000.05 not allocated", counted[4].Recipient, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenARestructuringIsMalformed_ListsEveryProblem()
    {
        var application = With() with
        {
            Restructurings = new EquatableArray<Restructuring>(
            [
                new Restructuring(RestructuringKind.Merger, " ", new LocalDate(2015, 1, 1), new EquatableArray<AidReceived>([new AidReceived(Money.Of(1m, Currency.GBP), Granted, "UK")])) { EquityShare = Rate.FromPercent(10m) },
                new Restructuring(RestructuringKind.Split, "Split SA", new LocalDate(2015, 1, 1), default) { EquityShare = Rate.FromPercent(101m), UnallocatedAid = new EquatableArray<AidReceived>([Aid(-1m)]) },
            ]),
        };

        var errors = SingleUndertaking.Validate(application, Currency.EUR);

        Assert.Equal(
            [
                ("restructurings[0].undertaking", AdmissionErrors.BlankRelatedEnterpriseName),
                ("restructurings[0].equityShare", AdmissionErrors.ShareOutOfRange),
                ("restructurings[0].aid[0].amount", AdmissionErrors.WrongCurrency),
                ("restructurings[1].equityShare", AdmissionErrors.ShareOutOfRange),
                ("restructurings[1].unallocatedAid[0].amount", AdmissionErrors.NegativeFigure),
            ],
            errors.Select(e => (e.Identifier, e.ErrorCode)));
    }

    [Fact]
    public void Admit_WhenALinkedUndertakingsAidTakesTheSingleUndertakingOverTheCeiling_IsInvalid()
    {
        var rules = Rulebook.Extremadura.On(new LocalDate(2016, 3, 20)).Value;
        var most = rules.Promotion.CapPerCompany + AdmissionEligibility.InKindAid(rules, Rulebook.Extremadura.Annuity(2016).Value);
        var parentAid = rules.Aid.Regime.Ceiling - most - Eur(1_000m) + Eur(0.01m);
        var s = Open().ApplyFor(With(Related("Parent SA", 60m, Aid(parentAid.Amount))));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([AdmissionErrors.AidCeilingExceeded], result.Codes());
    }

    [Theory]
    [InlineData("en", "Counted in the period: EUR 1000.00 received by the applicant itself; EUR 199000.00 received by Parent SA.")]
    [InlineData("es", "Contados en el periodo: 1.000,00 € recibidos por la propia empresa solicitante; 199.000,00 € recibidos por Parent SA.")]
    [InlineData("sl", "Upoštevano v obdobju: 1.000,00 €, ki jih je prejel prijavitelj sam; 199.000,00 €, ki jih je prejelo podjetje Parent SA.")]
    [InlineData("pl", "Uwzględniono w okresie: 1000,00 € otrzymane przez samego wnioskodawcę; 199\u00a0000,00 € otrzymane przez Parent SA.")]
    [InlineData("pt", "Contabilizados no período: 1000,00 € recebidos pela própria empresa candidata; 199\u00a0000,00 € recebidos por Parent SA.")]
    public void Admit_WhenALinkedUndertakingsAidTakesItOverTheCeiling_TheRefusalNamesWhoseAidItCounted(string code, string whose)
    {
        // The applicant's own EUR 1,000 and its parent's EUR 199,000 fill the EUR 200,000 ceiling
        // of Regulation (EU) 1407/2013; the participation's aid takes it over.
        Assert.True(ReportLanguage.TryFromCode(code, out var language));
        var s = Open().ApplyFor(With(Related("Parent SA", 60m, Aid(199_000m)), Related("Partner SA", 40m, Aid(50_000m))));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)).In(language));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal((AdmissionErrors.AidCeilingExceeded, "declaredAid"), (error.ErrorCode, error.Identifier));
        Assert.EndsWith(" " + whose, error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Partner SA", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Admit_WhenOnlyTheApplicantsOwnAidTakesItOverTheCeiling_TheRefusalIsTheOneSentence()
    {
        var s = Open().ApplyFor(Application("B1", declaredAid: Aid(199_000m, "Own grant")));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(AdmissionErrors.AidCeilingExceeded, error.ErrorCode);
        Assert.StartsWith("EUR 199000.00 already received in ", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Counted in the period", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Admit_WhenTheCompanyHasALinkedUndertaking_KeepsTheAssessmentAndTheSingleUndertakingsAid()
    {
        var s = Open().ApplyFor(With(Related("Parent SA", 60m, Aid(10_000m)), Related("Partner SA", 30m, Aid(20_000m))));

        var participant = s.Admit("B1");

        var admitted = Assert.Single(s.EditionEvents.OfType<CompanyAdmitted>());
        var assessment = Assert.IsType<SmeAssessment>(admitted.Sme);
        Assert.Equal(admitted.SizeClass, assessment.SizeClass);
        Assert.Equal(["(applicant)", "Parent SA", "Partner SA"], assessment.Lines.Select(l => l.Enterprise));
        Assert.Equal([null, "Parent SA"], participant.Terms.DeclaredAid.Select(a => a.Recipient));

        var statement = AidStatement.Create(participant, s.Rulebook, new LocalDate(2016, 6, 30)).Ok();
        Assert.Equal(["Parent SA"], statement.OtherRecipients);
        Assert.Equal(Eur(11_000m) + participant.Terms.InKindAid, statement.CountedInLookBack);
        Assert.Contains("\"recipient\": \"Parent SA\"", statement.ToJson(), StringComparison.Ordinal);
        Assert.Contains("Single undertaking: the company and Parent SA\n", statement.ToText(Pimex.Localisation.ReportLanguage.English), StringComparison.Ordinal);
        var rows = statement.ToText(Pimex.Localisation.ReportLanguage.English).Split('\n').Select(line => line.TrimEnd()).ToList();
        Assert.Contains(rows, row => row.Contains("received by", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains('€', StringComparison.Ordinal) && row.EndsWith("the company", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains('€', StringComparison.Ordinal) && row.EndsWith("Parent SA", StringComparison.Ordinal));
    }

    [Fact]
    public void ReceiveApplication_WhenARestructuringsAidIsInAnotherCurrency_IsInvalid()
    {
        var application = With() with
        {
            Restructurings = new EquatableArray<Restructuring>(
                [new Restructuring(RestructuringKind.Merger, "Merged Ltd", new LocalDate(2015, 1, 1), new EquatableArray<AidReceived>([new AidReceived(Money.Of(1m, Currency.GBP), Granted, "UK")]))]),
        };

        var result = Open().Edition.ReceiveApplication(application, Rulebook.Extremadura, Ctx(Rep("B1"), At(2016, 2, 1)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([AdmissionErrors.WrongCurrency], result.Codes());
    }
}
