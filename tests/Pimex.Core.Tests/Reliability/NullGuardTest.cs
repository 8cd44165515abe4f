using System.Reflection;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;
using Pimex.Tests.Support;

namespace Pimex.Tests.Reliability;

/// <summary>
/// A null where the API takes an object is a programmer's error, not a business outcome: every
/// public method of the verbs, rules and reports refuses it at once with
/// <see cref="ArgumentNullException"/>, before it reads or changes anything. (Texts are business
/// input: a blank reason or topic is a refused result, tested elsewhere.)
/// </summary>
public class NullGuardTest
{
    private static readonly Type[] Guarded =
    [
        typeof(Edition), typeof(Participant), typeof(AdmissionEligibility), typeof(SmeTest), typeof(CompanyProfileRules),
        typeof(AidCeiling), typeof(AidStatement), typeof(EditionReport), typeof(ProgrammeReport), typeof(Rulebook), typeof(DomainErrors),
    ];

    private static readonly string[] RecordMembers = ["Equals", "GetHashCode", "ToString", "Deconstruct", "<Clone>$", "PrintMembers"];

    [Fact]
    public void EveryVerbRuleAndReport_RefusesANullArgument_WithArgumentNullException()
    {
        var samples = Samples();
        var nullability = new NullabilityInfoContext();
        var failures = new List<string>();
        int checkedArguments = 0;
        foreach (var type in Guarded)
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && !RecordMembers.Contains(m.Name));
            foreach (var method in methods)
            {
                var parameters = method.GetParameters();
                if (parameters.Any(p => p.ParameterType.IsByRefLike || p.ParameterType.IsByRef) || !parameters.All(p => samples.ContainsKey(p.ParameterType) || p.ParameterType.IsValueType) || (!method.IsStatic && !samples.ContainsKey(type)))
                {
                    continue;
                }

                for (int i = 0; i < parameters.Length; i++)
                {
                    var p = parameters[i];
                    if (p.ParameterType.IsValueType || p.ParameterType == typeof(string) || nullability.Create(p).WriteState != NullabilityState.NotNull)
                    {
                        continue;
                    }

                    var arguments = parameters.Select((q, j) => j == i ? null : Sample(samples, q.ParameterType)).ToArray();
                    checkedArguments++;
                    try
                    {
                        method.Invoke(method.IsStatic ? null : samples[type], arguments);
                        failures.Add($"{type.Name}.{method.Name}({p.Name}: null) did not throw");
                    }
                    catch (TargetInvocationException ex) when (ex.InnerException is ArgumentNullException)
                    {
                    }
                    catch (TargetInvocationException ex)
                    {
                        failures.Add($"{type.Name}.{method.Name}({p.Name}: null) threw {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}");
                    }
                }
            }
        }

        Assert.True(checkedArguments >= 60, $"only {checkedArguments} arguments checked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static object? Sample(Dictionary<Type, object> samples, Type type) =>
        samples.TryGetValue(type, out var value) ? value
        : type == typeof(LocalDate) ? new LocalDate(2016, 10, 20)
        : type == typeof(Money) ? Money.Of(100m, Currency.EUR)
        : type == typeof(decimal) ? 1m
        : type == typeof(int) ? 1
        : type == typeof(CompanyId) ? new CompanyId("C0")
        : Activator.CreateInstance(type);

    private static Dictionary<Type, object> Samples()
    {
        var s = Scenario.Open().ScheduleSessions();
        s.Join("C0");
        s.SubmitClaim("C0", Scenario.Claim("K0", 1000m));
        var participant = s.Participant("C0");
        var rules = Rulebook.Extremadura.On(new LocalDate(2016, 1, 15)).Value;
        var report = EditionReport.Create(s.Edition, s.Participants.Values, s.Rulebook).Ok();
        var aid = new AidReceived(Money.Of(10m, Currency.EUR), new LocalDate(2015, 1, 1), "Junta");
        return new Dictionary<Type, object>
        {
            [typeof(Rulebook)] = Rulebook.Extremadura,
            [typeof(Edition)] = s.Edition,
            [typeof(Participant)] = participant,
            [typeof(CommandContext)] = Scenario.Ctx(Scenario.Tech2, Scenario.At(2016, 6, 1)),
            [typeof(string)] = "S1",
            [typeof(CompanyApplication)] = Scenario.Application("C9"),
            [typeof(CompanyProfile)] = Scenario.Application("C9").Profile,
            [typeof(GroupSession)] = new GroupSession("S9", new LocalDate(2016, 6, 1), "Mérida", "Pricing", 10),
            [typeof(Tutorial)] = new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"),
            [typeof(TrainingPill)] = new TrainingPill("Planning", new LocalDate(2016, 6, 1), "management"),
            [typeof(Swot)] = Scenario.FullSwot(),
            [typeof(Roadmap)] = Scenario.ValidRoadmap(),
            [typeof(ExpenseClaim)] = Scenario.Claim("K1", 500m),
            [typeof(ClaimVerification)] = ClaimVerification.ApproveInFull(),
            [typeof(SurveyAnswer)] = new SurveyAnswer(8, default),
            [typeof(IEnumerable<EditionEvent>)] = s.EditionEvents,
            [typeof(IEnumerable<ParticipantEvent>)] = s.EventsOf("C0"),
            [typeof(EditionEvent)] = s.EditionEvents[^1],
            [typeof(ParticipantEvent)] = s.EventsOf("C0")[^1],
            [typeof(IEnumerable<Participant>)] = s.Participants.Values.ToList(),
            [typeof(IEnumerable<EditionReport>)] = new[] { report },
            [typeof(RuleSet)] = rules,
            [typeof(SmeThresholds)] = rules.Sme,
            [typeof(AidRegime)] = rules.Aid.Regime,
            [typeof(AnnuityRules)] = s.Edition.Annuity,
            [typeof(AidReceived)] = aid,
            [typeof(AidReceived[])] = new[] { aid },
            [typeof(IEnumerable<AidReceived>)] = new List<AidReceived> { aid },
            [typeof(Ardalis.Result.IResult)] = Ardalis.Result.Result.Success(),
        };
    }
}
