using System.Reflection;
using System.Text.RegularExpressions;
using Ardalis.Result;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Localisation;

/// <summary>
/// The reasons of refusals in every language: one template per error code (and variant) in each
/// glossary, the same placeholders in each (the glossary tests check that), the same codes and
/// identifiers whatever the language.
/// </summary>
public partial class RefusalTextTest
{
    /// <summary>The enums whose values a refusal names (their terms are in every glossary).</summary>
    private static readonly Type[] NamedEnums = [typeof(ReviewStatus), typeof(ParticipantStatus), typeof(VenueKind), typeof(ActorRole), typeof(BudgetLine)];

    public static TheoryData<string> Languages => new(ReportLanguage.All.Select(l => l.Code));

    /// <summary>
    /// Every code constant of every <c>*Errors</c> class of the library that a command can raise.
    /// <see cref="RulebookErrors"/> is the rulebook loader's: its messages stay in English (a
    /// rulebook is written by the programme's developers, and its errors name JSON paths);
    /// <see cref="LanguageErrors"/> is the language file reader's, in English for the same reason.
    /// </summary>
    public static IEnumerable<(string Class, string Name, string Code)> CommandCodes() =>
        typeof(DomainErrors).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Errors", StringComparison.Ordinal) && t != typeof(DomainErrors) && t != typeof(RulebookErrors) && t != typeof(LanguageErrors))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (t.Name, f.Name, (string)f.GetRawConstantValue()!)));

    [Fact]
    public void CommandCodes_WhenListed_FindEveryErrorClass()
    {
        var classes = CommandCodes().Select(c => c.Class).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["AdmissionErrors", "CommonErrors", "EditionErrors", "EvaluationErrors", "ParticipationErrors", "PromotionErrors", "TimeErrors"], classes);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Glossary_ForEveryErrorCode_HasATemplate(string code)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        var missing = CommandCodes()
            .Where(c => !language.Terms.Keys.Any(k => k == "refusal." + c.Code || k.StartsWith("refusal." + c.Code + ".", StringComparison.Ordinal)))
            .Select(c => $"{c.Class}.{c.Name} ({c.Code})");

        Assert.Empty(missing);
    }

    [Fact]
    public void Glossary_ForEveryTemplate_NamesAnExistingCode()
    {
        var codes = CommandCodes().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        var stale = ReportLanguage.English.Terms.Keys
            .Where(k => k.StartsWith("refusal.PIMEX-", StringComparison.Ordinal))
            .Where(k => !codes.Contains(k["refusal.".Length..].Split('.')[0]));

        Assert.Empty(stale);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Glossary_ForEveryValueARefusalNames_HasATerm(string code)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        var missing = NamedEnums
            .SelectMany(t => Enum.GetNames(t).Select(n => $"refusal.enum.{t.Name}.{n}"))
            .Where(k => !language.Terms.ContainsKey(k));

        Assert.Empty(missing);
    }

    [Fact]
    public void Refusal_WhenTheContextIsInEnglish_KeepsTheLibrarysWording()
    {
        var s = Open();
        var refused = s.Edition.RecordExpense(BudgetLine.Training, Eur(999_999m), "trainers", Ctx(Manager, At(2016, 5, 2)));

        var error = Assert.Single(refused.ValidationErrors);
        Assert.Equal("EUR 999999.00 is more than the EUR 5000.00 available on the Training line.", error.ErrorMessage);
    }

    [Theory]
    [InlineData("es", "999.999,00 € supera los 5.000,00 € disponibles en la partida de formación.")]
    [InlineData("sl", "999.999,00 € je več kot 5.000,00 €, ki je še na voljo na postavki usposabljanje.")]
    public void Refusal_WhenTheContextIsInAnotherLanguage_SaysItThereWithTheSameCode(string code, string expected)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));
        var s = Open();
        var context = Ctx(Manager, At(2016, 5, 2));

        var english = s.Edition.RecordExpense(BudgetLine.Training, Eur(999_999m), "trainers", context);
        var translated = s.Edition.RecordExpense(BudgetLine.Training, Eur(999_999m), "trainers", context.In(language));

        var error = Assert.Single(translated.ValidationErrors);
        Assert.Equal(expected, error.ErrorMessage);
        Assert.Equal(english.ValidationErrors.Single().ErrorCode, error.ErrorCode);
        Assert.Equal(english.ValidationErrors.Single().Identifier, error.Identifier);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Refusal_WhenConflictForbiddenOrNotFound_StartsWithTheSameCodeInEveryLanguage(string code)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));
        var s = Open();
        var p = s.Join("B1");
        var late = At(2016, 6, 1);

        IResult[] results =
        [
            p.RecordTutorial(new Tutorial("T1", new NodaTime.LocalDate(2016, 5, 20), VenueKind.CompanyPremises, "plan"), Ctx(Rep("B1"), late).In(language)),
            p.VerifyClaim(s.Edition, "none", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech, late).In(language)),
            p.ReviewSwot(accept: true, null, Ctx(Tech, late).In(language)),
        ];

        Assert.Equal([ResultStatus.Forbidden, ResultStatus.NotFound, ResultStatus.Conflict], results.Select(r => r.Status));
        Assert.Equal(["PIMEX-AUTH-001", "PIMEX-PROMO-008", "PIMEX-PART-009"], results.Select(r => r.Codes().Single()));
        Assert.All(results, r => Assert.DoesNotContain("{", r.Errors.Single(), StringComparison.Ordinal));
    }

    [Fact]
    public void Refusal_WhenInSpanish_NamesTheActorsRoleAndTheActionInSpanish()
    {
        var s = Open();
        var p = s.Join("B1");

        var refused = p.RecordTutorial(new Tutorial("T1", new NodaTime.LocalDate(2016, 5, 20), VenueKind.CompanyPremises, "plan"), Ctx(Rep("B1"), At(2016, 6, 1)).In(ReportLanguage.Spanish));

        Assert.Equal("PIMEX-AUTH-001: No autorizado: representante de la empresa rep-B1 (B1) no puede realizar una tutoría.", refused.Errors.Single());
    }

    [Fact]
    public void Success_WhenTheContextIsInAnotherLanguage_IsTheSameChange()
    {
        var s = Open();
        var session = new GroupSession("S1", new NodaTime.LocalDate(2016, 5, 10), "Mérida", "Export basics", 30);

        var english = s.Edition.ScheduleSession(session, Ctx(Tech, At(2016, 5, 2)));
        var spanish = s.Edition.ScheduleSession(session, Ctx(Tech, At(2016, 5, 2)).In(ReportLanguage.Spanish));

        Assert.True(english.IsSuccess);
        Assert.Equal(english.Value.Aggregate, spanish.Value.Aggregate);
    }

    /// <summary>Every language a command can be given in: the shipped ones and one read from a file beside a rulebook (docs/rulebooks/cs.json, Czech, which the library does not ship).</summary>
    public static TheoryData<string> EveryLanguage => new([.. ReportLanguage.All.Select(l => l.Code), "cs.json"]);

    [Theory]
    [MemberData(nameof(EveryLanguage))]
    public void Success_WhenTheContextIsInAnotherLanguage_AllocatesNoMore(string code)
    {
        var language = code.EndsWith(".json", StringComparison.Ordinal)
            ? Must(ReportLanguage.Parse(Pimex.Tests.Support.DocsFiles.Read("rulebooks/" + code)))
            : ReportLanguage.All.Single(l => l.Code == code);
        var s = Open();
        var session = new GroupSession("S1", new NodaTime.LocalDate(2016, 5, 10), "Mérida", "Export basics", 30);
        var english = Ctx(Tech, At(2016, 5, 2));
        var other = english.In(language);
        _ = s.Edition.ScheduleSession(session, english);
        _ = s.Edition.ScheduleSession(session, other);

        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = s.Edition.ScheduleSession(session, english);
        long inEnglish = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var result = s.Edition.ScheduleSession(session, other);
        long inOther = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsSuccess);
        Assert.Equal(inEnglish, inOther);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Templates_WhenFilledWithTheirArguments_LeaveNoPlaceholder(string code)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        Assert.All(language.Terms.Where(t => t.Key.StartsWith("refusal.", StringComparison.Ordinal)), t =>
        {
            var text = language.Refusal(t.Key["refusal.".Length..], "a", "b", "c", "d", "e");
            Assert.False(PlaceholderPattern().IsMatch(text), $"{code}: '{t.Key}' leaves a placeholder: {text}");
        });
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
