using NodaTime;
using Pimex.Admission;
using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Cli.Tests;

/// <summary>
/// The <c>apply</c> command carries the whole model SME declaration: related enterprises with
/// their kind, share, control and own chains, the investors' figures, public bodies, natural
/// persons, the earlier periods, an estimate, the related enterprises' aid and the mergers,
/// acquisitions and splits. Every new field is optional: a ledger written before reads the same.
/// </summary>
public class LedgerDeclarationTest
{
    private const string Head = "{\"command\":\"apply\",\"at\":\"2016-02-01T10:00:00Z\",\"actor\":{\"id\":\"m\",\"role\":\"programmeManager\"},\"company\":\"B1\",\"region\":\"ES43\",\"staff\":12,\"turnover\":\"EUR 1500000.00\",\"balanceSheet\":\"EUR 900000.00\"";

    private const string Figures = "\"staff\":3,\"turnover\":\"EUR 100000.00\",\"balanceSheet\":\"EUR 90000.00\"";

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static EnterpriseFigures Small => new(3m, Eur(100_000m), Eur(90_000m));

    private static AidReceived Aid(decimal amount, int year) => new(Eur(amount), new LocalDate(year, 6, 1), "Junta de Extremadura");

    private static Apply ApplyWith(CompanyApplication application) =>
        new(Instant.FromUtc(2016, 2, 1, 10, 0), new Actor("manager-1", ActorRole.ProgrammeManager), application, "Quesos del Jerte SL", "agrifood");

    /// <summary>An application by company B1 that declares every field at least once.</summary>
    /// <returns>The command.</returns>
    internal static Apply WholeApply() => ApplyWith(Whole());

    /// <summary>A declaration that sets every field at least once, chains two levels deep.</summary>
    private static CompanyApplication Whole()
    {
        var subsidiary = new RelatedEnterprise("Distribuciones Jerte SL", Rate.FromPercent(70m), Small)
        {
            Direction = HoldingDirection.Downstream,
            Aid = new EquatableArray<AidReceived>([Aid(12_000m, 2015)]),
            Related = new EquatableArray<RelatedEnterprise>([new RelatedEnterprise("Transportes Vera SL", Rate.FromPercent(30m), Small) { IncludedThroughConsolidation = true }]),
        };
        var related = new EquatableArray<RelatedEnterprise>(
        [
            subsidiary,
            new RelatedEnterprise("Capital Riesgo Extremadura", Rate.FromPercent(30m), Small) { Kind = RelatedPartyKind.VentureCapitalCompany, Direction = HoldingDirection.Upstream, ActingJointlyWith = "investors" },
            new RelatedEnterprise("Ángeles de Cáceres", Rate.FromPercent(10m), Small) { Kind = RelatedPartyKind.BusinessAngel, BusinessAngelInvestment = Eur(400_000m), ActingJointlyWith = "investors" },
            new RelatedEnterprise("Ayuntamiento de Cabezuela", Rate.FromPercent(5m), Small) { Kind = RelatedPartyKind.AutonomousLocalAuthority, AnnualBudget = Eur(2_000_000m), Inhabitants = 2_200 },
            new RelatedEnterprise("Cooperativa del Valle", Rate.FromPercent(20m), Small) { Control = ControlMeans.BoardMajority | ControlMeans.VotingAgreement },
            new RelatedEnterprise("Family Sánchez", Rate.FromPercent(0m), Small)
            {
                Kind = RelatedPartyKind.NaturalPersons,
                Related = new EquatableArray<RelatedEnterprise>([new RelatedEnterprise("Quesería Sánchez SL", Rate.FromPercent(80m), Small) { SameOrAdjacentMarket = true }]),
            },
            new RelatedEnterprise("Diputación de Cáceres", Rate.FromPercent(2.5m), Small) { Kind = RelatedPartyKind.PublicBody, Control = ControlMeans.DominantInfluence },
        ]);
        var earlier = new CompanyProfile(new EnterpriseFigures(11.5m, Eur(1_400_000m), Eur(850_000m)), new EquatableArray<RelatedEnterprise>([subsidiary with { Aid = default }]))
        {
            PeriodEnd = new LocalDate(2014, 12, 31),
        };
        var profile = new CompanyProfile(new EnterpriseFigures(12m, Eur(1_500_000m), Eur(900_000m)), related)
        {
            PeriodEnd = new LocalDate(2015, 12, 31),
            Earlier = new EquatableArray<CompanyProfile>([earlier]),
        };
        return new CompanyApplication(new CompanyId("B1"), "ES43", profile, new EquatableArray<AidReceived>([Aid(5_000m, 2014)]))
        {
            Restructurings = new EquatableArray<Restructuring>(
            [
                new Restructuring(RestructuringKind.Merger, "Quesos Tietar SL", new LocalDate(2015, 3, 1), new EquatableArray<AidReceived>([Aid(8_000m, 2014)])),
                new Restructuring(RestructuringKind.Split, "Lácteos del Ambroz SA", new LocalDate(2015, 9, 1), new EquatableArray<AidReceived>([Aid(3_000m, 2015)]))
                {
                    UnallocatedAid = new EquatableArray<AidReceived>([Aid(10_000m, 2014)]),
                    EquityShare = Rate.FromPercent(40m),
                },
            ]),
        };
    }

    [Fact]
    public void Read_WhenTheWriterWroteAWholeDeclaration_GivesBackAnEqualApply()
    {
        var whole = ApplyWith(Whole());
        var estimate = ApplyWith(new CompanyApplication(
            new CompanyId("B2"),
            "ES43",
            new CompanyProfile(Small, default) { Basis = FiguresBasis.BonaFideEstimate, PeriodEnd = new LocalDate(2016, 12, 31) },
            default));

        var read = LedgerReader.Read(LedgerWriter.Write(whole) + "\n" + LedgerWriter.Write(estimate));

        Assert.True(read.IsSuccess, string.Join("\n", read.Errors));
        Assert.Equal(whole, read.Entries[0].Command);
        Assert.Equal(estimate, read.Entries[1].Command);
    }

    [Fact]
    public void ReadLine_WhenTheDeclarationIsWrittenByHand_ReadsEveryField()
    {
        var json = Head
            + ",\"periodEnd\":\"2015-12-31\",\"related\":["
            + "{\"name\":\"Parent SA\",\"share\":\"60%\"," + Figures + ",\"direction\":\"upstream\",\"aid\":[{\"amount\":\"EUR 7000.00\",\"grantedOn\":\"2015-04-01\",\"grantingBody\":\"Junta\"}],"
            + "\"related\":[{\"name\":\"Sister SL\",\"share\":\"100%\"," + Figures + "}]},"
            + "{\"name\":\"Angels\",\"share\":\"30%\"," + Figures + ",\"kind\":\"businessAngel\",\"businessAngelInvestment\":\"EUR 900000.00\"},"
            + "{\"name\":\"Town\",\"share\":\"26%\"," + Figures + ",\"kind\":\"autonomousLocalAuthority\",\"annualBudget\":\"EUR 9000000.00\",\"inhabitants\":4999},"
            + "{\"name\":\"Board\",\"share\":\"10%\"," + Figures + ",\"control\":[\"boardMajority\",\"dominantInfluence\"]}],"
            + "\"earlier\":[{\"periodEnd\":\"2014-12-31\"," + Figures + "}],"
            + "\"restructurings\":[{\"kind\":\"acquisition\",\"undertaking\":\"Old SL\",\"effectiveOn\":\"2015-01-01\",\"aid\":[{\"amount\":\"EUR 1000.00\",\"grantedOn\":\"2014-04-01\",\"grantingBody\":\"Junta\"}]}]}";
        var errors = new List<LedgerError>();

        var apply = Assert.IsType<Apply>(LedgerReader.ReadLine(json, 1, errors));

        Assert.Empty(errors);
        var profile = apply.Application.Profile;
        Assert.Equal(new LocalDate(2015, 12, 31), profile.PeriodEnd);
        Assert.Equal(FiguresBasis.ApprovedAccounts, profile.Basis);
        Assert.Equal(
            [("Parent SA", RelatedPartyKind.Enterprise, HoldingDirection.Upstream, ControlMeans.None), ("Angels", RelatedPartyKind.BusinessAngel, HoldingDirection.Unstated, ControlMeans.None),
             ("Town", RelatedPartyKind.AutonomousLocalAuthority, HoldingDirection.Unstated, ControlMeans.None), ("Board", RelatedPartyKind.Enterprise, HoldingDirection.Unstated, ControlMeans.BoardMajority | ControlMeans.DominantInfluence)],
            profile.Related.Select(r => (r.Name, r.Kind, r.Direction, r.Control)));
        Assert.Equal("Sister SL", Assert.Single(profile.Related[0].Related).Name);
        Assert.Equal(Eur(7_000m), Assert.Single(profile.Related[0].Aid).Amount);
        Assert.Equal(Eur(900_000m), profile.Related[1].BusinessAngelInvestment);
        Assert.Equal((Eur(9_000_000m), 4999), (profile.Related[2].AnnualBudget!.Value, profile.Related[2].Inhabitants!.Value));
        Assert.Equal(new LocalDate(2014, 12, 31), Assert.Single(profile.Earlier).PeriodEnd);
        var acquisition = Assert.Single(apply.Application.Restructurings);
        Assert.Equal((RestructuringKind.Acquisition, "Old SL", Eur(1_000m)), (acquisition.Kind, acquisition.Undertaking, acquisition.Aid[0].Amount));
    }

    [Fact]
    public void ReadLine_WhenALedgerWrittenBeforeHasNoDeclarationFields_ReadsTheDefaults()
    {
        var errors = new List<LedgerError>();

        var apply = Assert.IsType<Apply>(LedgerReader.ReadLine(Fixtures.Apply(), 1, errors));

        Assert.Empty(errors);
        var profile = apply.Application.Profile;
        Assert.Equal((FiguresBasis.ApprovedAccounts, (LocalDate?)null, 0, 0), (profile.Basis, profile.PeriodEnd, profile.Earlier.Count, profile.Related.Count));
        Assert.Empty(apply.Application.Restructurings);
    }

    [Theory]
    [InlineData(",\"basis\":\"guess\"", "$.basis", LedgerErrors.InvalidValue)]
    [InlineData(",\"periodEnd\":\"2015\"", "$.periodEnd", LedgerErrors.InvalidValue)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"kind\":\"bank\"}]", "$.related[0].kind", LedgerErrors.InvalidValue)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"direction\":\"sideways\"}]", "$.related[0].direction", LedgerErrors.InvalidValue)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"control\":\"boardMajority\"}]", "$.related[0].control", LedgerErrors.WrongType)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"control\":[\"boardMajority\",\"vetoRight\"]}]", "$.related[0].control[1]", LedgerErrors.InvalidValue)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"control\":[3]}]", "$.related[0].control[0]", LedgerErrors.WrongType)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"control\":[\"none\"]}]", "$.related[0].control[0]", LedgerErrors.InvalidValue)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"sameOrAdjacentMarket\":\"yes\"}]", "$.related[0].sameOrAdjacentMarket", LedgerErrors.WrongType)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"includedThroughConsolidation\":1}]", "$.related[0].includedThroughConsolidation", LedgerErrors.WrongType)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"actingJointlyWith\":[\"Q\"]}]", "$.related[0].actingJointlyWith", LedgerErrors.WrongType)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"kind\":\"businessAngel\",\"businessAngelInvestment\":\"1250000\"}]", "$.related[0].businessAngelInvestment", LedgerErrors.InvalidValue)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"kind\":\"autonomousLocalAuthority\",\"annualBudget\":\"EUR 1.00\",\"inhabitants\":4.5}]", "$.related[0].inhabitants", LedgerErrors.InvalidValue)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"related\":[{\"name\":\"Q\",\"share\":\"60\"," + Figures + "}]}]", "$.related[0].related[0].share", LedgerErrors.InvalidValue)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"30%\"," + Figures + ",\"related\":[{\"name\":\"Q\",\"share\":\"60%\"," + Figures + ",\"kindd\":\"university\"}]}]", "$.related[0].related[0].kindd", LedgerErrors.UnknownField)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"60%\"," + Figures + ",\"aid\":[{\"amount\":\"EUR 10.00\",\"grantingBody\":\"Junta\"}]}]", "$.related[0].aid[0].grantedOn", LedgerErrors.MissingField)]
    [InlineData(",\"related\":[{\"name\":\"P\",\"share\":\"60%\"," + Figures + ",\"aid\":{}}]", "$.related[0].aid", LedgerErrors.WrongType)]
    [InlineData(",\"earlier\":{}", "$.earlier", LedgerErrors.WrongType)]
    [InlineData(",\"earlier\":[{\"staff\":3,\"turnover\":\"EUR 1.00\"}]", "$.earlier[0].balanceSheet", LedgerErrors.MissingField)]
    [InlineData(",\"earlier\":[{" + Figures + ",\"earlier\":[]}]", "$.earlier[0].earlier", LedgerErrors.UnknownField)]
    [InlineData(",\"earlier\":[{" + Figures + ",\"periodEnd\":\"2014-13-31\"}]", "$.earlier[0].periodEnd", LedgerErrors.InvalidValue)]
    [InlineData(",\"restructurings\":[{\"kind\":\"takeover\",\"undertaking\":\"U\",\"effectiveOn\":\"2015-01-01\"}]", "$.restructurings[0].kind", LedgerErrors.InvalidValue)]
    [InlineData(",\"restructurings\":[{\"kind\":\"merger\",\"undertaking\":\"U\"}]", "$.restructurings[0].effectiveOn", LedgerErrors.MissingField)]
    [InlineData(",\"restructurings\":[{\"kind\":\"merger\",\"undertaking\":\"U\",\"effectiveOn\":\"2015-01-01\",\"equityShare\":\"40%\"}]", "$.restructurings[0].equityShare", LedgerErrors.UnknownField)]
    [InlineData(",\"restructurings\":[{\"kind\":\"acquisition\",\"undertaking\":\"U\",\"effectiveOn\":\"2015-01-01\",\"unallocatedAid\":[]}]", "$.restructurings[0].unallocatedAid", LedgerErrors.UnknownField)]
    [InlineData(",\"restructurings\":[{\"kind\":\"split\",\"undertaking\":\"U\",\"effectiveOn\":\"2015-01-01\",\"unallocatedAid\":[{\"amount\":\"EUR 10.00\",\"grantedOn\":\"2014-01-01\",\"grantingBody\":\"J\"}]}]", "$.restructurings[0].equityShare", LedgerErrors.MissingField)]
    [InlineData(",\"restructurings\":[{\"kind\":\"split\",\"undertaking\":\"U\",\"effectiveOn\":\"2015-01-01\",\"equityShare\":\"140%\"}]", "$.restructurings[0].equityShare", LedgerErrors.InvalidValue)]
    [InlineData(",\"restructurings\":[{\"kind\":\"merger\",\"undertaking\":\"U\",\"effectiveOn\":\"2015-01-01\",\"recipient\":\"X\"}]", "$.restructurings[0].recipient", LedgerErrors.UnknownField)]
    public void ReadLine_WhenADeclarationFieldIsWrong_ReportsItsLinePathAndCode(string fields, string path, string code)
    {
        var errors = new List<LedgerError>();

        var command = LedgerReader.ReadLine(Head + fields + "}", 9, errors);

        Assert.Null(command);
        var error = Assert.Single(errors);
        Assert.Equal((9, path, code), (error.Line, error.Path, error.Code));
        Assert.StartsWith($"line 9: {code} {path}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("60%", "PIMEX-ADM-005")]
    [InlineData("40%", null)]
    public void Run_WhenALinkedEnterpriseReceivedAid_CountsItTowardsTheSingleUndertakingsCeiling(string share, string? refusal)
    {
        // Regulation (EU) No 1407/2013, art. 2(2): a subsidiary held at 60 % is linked, its aid
        // counts with the applicant's; at 40 % it is a partner of the SME test and its aid does not.
        var apply = Head + ",\"related\":[{\"name\":\"Filial SL\",\"share\":\"" + share + "\"," + Figures
            + ",\"direction\":\"downstream\",\"aid\":[{\"amount\":\"EUR 199000.00\",\"grantedOn\":\"2015-06-01\",\"grantingBody\":\"Junta\"}]}]}";
        var ledger = LedgerReader.Read(Fixtures.Ledger(Fixtures.Open(), apply, Fixtures.Admit("B1")));
        Assert.True(ledger.IsSuccess, string.Join("\n", ledger.Errors));

        var outcome = LedgerRunner.Run(Rulebook.Extremadura, ledger.Entries);

        Assert.Equal(refusal, outcome.Refused.SingleOrDefault()?.Errors[0].Code);
        Assert.Equal(refusal is null ? 1 : 0, outcome.Participants.Count);
    }

    [Fact]
    public void Run_WhenALinkedParentIsLarge_RefusesTheAdmissionAsNotAnSme()
    {
        // Recommendation 2003/361/EC, annex art. 3(3)(a) and 6(2): a parent holding 60 % is linked,
        // its figures count in full; with 300 AWU the applicant is not an SME.
        var apply = Head + ",\"related\":[{\"name\":\"Grupo SA\",\"share\":\"60%\",\"staff\":300,\"turnover\":\"EUR 60000000.00\",\"balanceSheet\":\"EUR 50000000.00\",\"direction\":\"upstream\"}]}";
        var ledger = LedgerReader.Read(Fixtures.Ledger(Fixtures.Open(), apply, Fixtures.Admit("B1")));

        var outcome = LedgerRunner.Run(Rulebook.Extremadura, ledger.Entries);

        Assert.Equal((3, AdmissionErrors.NotAnSme), (outcome.Refused.Single().Line, outcome.Refused.Single().Errors[0].Code));
    }

    [Fact]
    public void LedgerFormat_ItsApplyExampleReadsAndIsAdmitted_AndItListsEveryDeclarationField()
    {
        var doc = File.ReadAllText(Path.Combine(DocsCommands.Root, "docs", "ledger-format.md"));
        var example = doc.Split('\n').Single(l => l.StartsWith("{\"command\":\"apply\"", StringComparison.Ordinal));

        var ledger = LedgerReader.Read(Fixtures.Ledger(Fixtures.Open(), example, Fixtures.Admit()));
        Assert.True(ledger.IsSuccess, string.Join("\n", ledger.Errors));
        var outcome = LedgerRunner.Run(Rulebook.Extremadura, ledger.Entries);

        Assert.Empty(outcome.Refused);
        var apply = Assert.IsType<Apply>(ledger.Entries[1].Command);
        Assert.Equal([HoldingDirection.Upstream, HoldingDirection.Unstated], apply.Application.Profile.Related.Select(r => r.Direction));
        Assert.All(
            Declaration.ApplyFields.Concat(Declaration.RelatedFields).Concat(Declaration.EarlierFields).Concat(Declaration.RestructuringFields).Concat(Declaration.AidFields),
            field => Assert.Contains($"`{field}`", doc, StringComparison.Ordinal));
    }
}
