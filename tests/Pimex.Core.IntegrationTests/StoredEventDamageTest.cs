using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Xunit.Abstractions;

namespace Pimex.IntegrationTests;

/// <summary>
/// A damaged stored event never reads back as a different fact: each field of each golden event
/// (of each type's current schema version)
/// removed in turn, and each value replaced with null in turn, must be refused with a
/// <see cref="JsonException"/>, except a null where the field's type is nullable (the list
/// below), which must read back as exactly the event the JSON states.
/// </summary>
/// <remarks>
/// Every field of schema version 1 is written, null or not, so none may be absent: an absent
/// field is damage, never a default. The list of nullable fields is the domain's decision; a
/// field added to it must be nullable in its record too.
/// </remarks>
public sealed partial class StoredEventDamageTest(ITestOutputHelper output)
{
    /// <summary>
    /// The fields that may hold null, by event type and path (<c>[]</c> for any position in a
    /// list): what the domain means by their absence of a value, and nothing else.
    /// </summary>
    private static readonly HashSet<string> NullableFields = new(StringComparer.Ordinal)
    {
        // Who: only a company representative acts for a company.
        "*: actor.company",

        // The edition's version the participant saw: null for events of the participant alone.
        "ClaimSubmitted: editionVersion",
        "ClaimVerified: editionVersion",
        "ConsultancyProvided: editionVersion",
        "ParticipantAdmitted: editionVersion",
        "ParticipantExcluded: editionVersion",
        "ParticipantWithdrew: editionVersion",
        "ParticipationCompleted: editionVersion",
        "RoadmapReviewed: editionVersion",
        "RoadmapSubmitted: editionVersion",
        "SessionAttended: editionVersion",
        "SurveyAnswered: editionVersion",
        "SwotReviewed: editionVersion",
        "SwotSubmitted: editionVersion",
        "TechnicianAssigned: editionVersion",
        "TrainingPillAttended: editionVersion",
        "TutorialHeld: editionVersion",

        // A reviewer's comment and a verifier's reason are required only when returning or cutting.
        "ClaimVerified: reason",
        "RoadmapReviewed: comment",
        "SwotReviewed: comment",

        // Spending on the training or consultancy line for no one participant.
        "FundsSpent: participant",

        // The SME assessment is kept with the admission; the figures' period end when declared.
        "CompanyAdmitted: sme",
        "CompanyAdmitted: sme.periods[].periodEnd",
        "ApplicationReceived: application.profile.periodEnd",

        // Where an annuity's figures come from, when the rulebook says.
        "EditionOpened: annuity.source",

        // Aid declared as received by the company itself (no other recipient).
        "ApplicationReceived: application.declaredAid[].recipient",
        "ParticipantAdmitted: terms.declaredAid[].recipient",
    };

    [Fact]
    public void EveryFieldOfEveryGoldenEvent_WhenRemoved_IsRefused()
    {
        var outcomes = Golden().SelectMany(g => Fields(g.Json).Select(f => (g.Type, f.Path, Outcome: Read(g.Type, Without(g.Json, f.Path, f.Parent, f.Name))))).ToList();

        var accepted = outcomes.Where(o => o.Outcome.Event is not null).Select(o => $"{o.Type}: {o.Path}").ToList();
        var crashed = outcomes.Where(o => o.Outcome.Crash is not null).Select(o => $"{o.Type}: {o.Path}: {o.Outcome.Crash}").ToList();
        int refused = outcomes.Count - accepted.Count - crashed.Count;
        output.WriteLine($"{outcomes.Count} removals over {Golden().Count} golden events: {refused} refused with a JsonException, {accepted.Count} read back as a different event, {crashed.Count} failed with another exception.");
        foreach (var line in accepted.Concat(crashed))
        {
            output.WriteLine(line);
        }

        Assert.True(accepted.Count == 0, $"{accepted.Count} of {outcomes.Count} removals read back as a different event instead of failing: {string.Join(", ", accepted)}");
        Assert.True(crashed.Count == 0, $"{crashed.Count} of {outcomes.Count} removals failed with an exception other than JsonException: {string.Join("; ", crashed)}");
        Assert.Equal(393, outcomes.Count);
    }

    [Fact]
    public void EveryValueOfEveryGoldenEvent_WhenNull_IsRefusedUnlessItsFieldIsNullable()
    {
        var outcomes = Golden()
            .SelectMany(g => Values(g.Json).Select(v => (g.Type, v.Path, Json: WithNull(g.Json, v.Path, v.Parent, v.Key))))
            .Select(m => (m.Type, m.Path, m.Json, Outcome: Read(m.Type, m.Json)))
            .ToList();

        var wrong = new List<string>();
        foreach (var (type, path, json, outcome) in outcomes)
        {
            bool nullable = NullableFields.Contains($"{type}: {Pattern(path)}") || NullableFields.Contains($"*: {Pattern(path)}");
            if (outcome.Crash is not null)
            {
                wrong.Add($"{type}: {path}: {outcome.Crash}");
            }
            else if (outcome.Event is null && nullable)
            {
                wrong.Add($"{type}: {path}: refused, but the field is nullable");
            }
            else if (outcome.Event is not null && !nullable)
            {
                wrong.Add($"{type}: {path}: read back, but the field is not nullable");
            }
            else if (outcome.Event is not null && !JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(Write(outcome.Event))))
            {
                wrong.Add($"{type}: {path}: read back as an event other than the one stored");
            }
        }

        int accepted = outcomes.Count(o => o.Outcome.Event is not null);
        output.WriteLine($"{outcomes.Count} values set to null over {Golden().Count} golden events: {outcomes.Count - accepted} refused with a JsonException, {accepted} read back (nullable fields), {wrong.Count} wrong.");
        foreach (var line in wrong)
        {
            output.WriteLine(line);
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void EveryNullableField_IsFoundInTheGoldenEvents()
    {
        // The list names real fields: a misspelt entry would make a nullable field look refused.
        var found = Golden().SelectMany(g => Values(g.Json).Select(v => Pattern(v.Path)).SelectMany(p => new[] { $"{g.Type}: {p}", $"*: {p}" })).ToHashSet(StringComparer.Ordinal);
        var unknown = NullableFields.Where(f => !found.Contains(f)).ToList();
        Assert.True(unknown.Count == 0, "Not fields of the golden events: " + string.Join(", ", unknown));
    }

    /// <summary>What reading one damaged text gave: the event, or a refusal (both null), or another exception.</summary>
    private sealed record Outcome(DomainEvent? Event, string? Crash);

    private static List<(string Type, JsonObject Json)> Golden() =>
        [.. PimexJson.EventSchemaVersions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v =>
            (v.Key, JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", EventJsonTest.GoldenFile(v.Key, v.Value))))!.AsObject()))];

    /// <summary>Every property at every depth (inside lists too), with its path such as <c>terms.declaredAid[0].amount</c>.</summary>
    private static IEnumerable<(string Path, string Parent, string Name)> Fields(JsonNode? node, string at = "")
    {
        if (node is JsonObject o)
        {
            foreach (var (name, value) in o)
            {
                var path = at.Length == 0 ? name : $"{at}.{name}";
                yield return (path, at, name);
                foreach (var inner in Fields(value, path))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                foreach (var inner in Fields(a[i], $"{at}[{i}]"))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Every value not already null at every depth (properties and list items), with its path.</summary>
    private static IEnumerable<(string Path, string Parent, object Key)> Values(JsonNode? node, string at = "")
    {
        if (node is JsonObject o)
        {
            foreach (var (name, value) in o)
            {
                var path = at.Length == 0 ? name : $"{at}.{name}";
                yield return (path, at, name);
                foreach (var inner in Values(value, path))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                yield return ($"{at}[{i}]", at, i);
                foreach (var inner in Values(a[i], $"{at}[{i}]"))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Without(JsonObject golden, string path, string parent, string name)
    {
        var copy = golden.DeepClone().AsObject();
        var owner = Find(copy, parent).AsObject();
        Assert.True(owner.Remove(name), path);
        return copy.ToJsonString();
    }

    private static string WithNull(JsonObject golden, string path, string parent, object key)
    {
        var copy = golden.DeepClone().AsObject();
        var owner = Find(copy, parent);
        if (key is int i)
        {
            owner.AsArray()[i] = null;
        }
        else
        {
            owner.AsObject()[(string)key] = null;
        }

        Assert.NotNull(path);
        return copy.ToJsonString();
    }

    /// <summary>The node at a path made by <see cref="Fields"/>.</summary>
    private static JsonNode Find(JsonNode root, string path)
    {
        var node = root;
        foreach (Match step in Step().Matches(path))
        {
            node = step.Groups["index"].Success ? node[int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)]! : node[step.Groups["name"].Value]!;
        }

        return node;
    }

    private static string Pattern(string path) => Index().Replace(path, "[]");

    private static Outcome Read(string type, string json)
    {
        try
        {
            DomainEvent e = typeof(EditionEvent).IsAssignableFrom(PimexJson.EventTypes[type])
                ? PimexJson.Deserialize<EditionEvent>(json)
                : PimexJson.Deserialize<ParticipantEvent>(json);
            return new Outcome(e, null);
        }
        catch (JsonException)
        {
            return new Outcome(null, null);
        }
#pragma warning disable CA1031 // Any other exception is the finding this test reports.
        catch (Exception other)
#pragma warning restore CA1031
        {
            return new Outcome(null, $"{other.GetType().Name}: {other.Message}");
        }
    }

    private static string Write(DomainEvent e) => e switch
    {
        EditionEvent edition => PimexJson.Serialize(edition),
        ParticipantEvent participant => PimexJson.Serialize(participant),
        _ => throw new ArgumentException(e.GetType().Name, nameof(e)),
    };

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
