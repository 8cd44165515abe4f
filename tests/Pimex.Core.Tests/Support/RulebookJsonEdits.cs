using System.Text.Json.Nodes;
using Ardalis.Result;
using Pimex.Rulebooks;

namespace Pimex.Tests.Support;

/// <summary>
/// Builds rulebook JSON for tests by editing the embedded Extremadura rulebook's own text, so
/// that each test states only what it changes.
/// </summary>
internal static class RulebookJsonEdits
{
    /// <summary>The Extremadura rulebook as a JSON tree, fresh for each call.</summary>
    public static JsonObject Extremadura() => JsonNode.Parse(Rulebook.Extremadura.ToJson())!.AsObject();

    /// <summary>The Extremadura rulebook's JSON text after an edit.</summary>
    public static string Extremadura(Action<JsonObject> edit)
    {
        var root = Extremadura();
        edit(root);
        return root.ToJsonString();
    }

    /// <summary>A minimal partner rulebook extending Extremadura, after an edit.</summary>
    public static string Partner(Action<JsonObject>? edit = null)
    {
        var root = new JsonObject
        {
            ["id"] = "partner",
            ["name"] = "A partner region",
            ["extends"] = "extremadura",
            ["overrides"] = new JsonObject(),
        };
        edit?.Invoke(root);
        return root.ToJsonString();
    }

    /// <summary>
    /// Gives a partner Extremadura's 2016 annuity, restated as its own (a partner does not
    /// inherit its base's annuities), so that it can open the 2016 edition.
    /// </summary>
    public static JsonObject WithExtremadura2016(this JsonObject partner)
    {
        if (partner["annuities"] is not JsonObject annuities)
        {
            annuities = [];
            partner["annuities"] = annuities;
        }

        annuities["2016"] = Extremadura().Annuity2016().DeepClone();
        return partner;
    }

    /// <summary>Sets <c>overrides.group.key</c> of a partner to a one-entry timeline.</summary>
    public static JsonObject Override(this JsonObject partner, string parameter, JsonNode? value, string from = "2002-01-01")
    {
        var (group, key) = Split(parameter);
        var overrides = partner["overrides"]!.AsObject();
        if (overrides[group] is not JsonObject groupObject)
        {
            groupObject = [];
            overrides[group] = groupObject;
        }

        groupObject[key] = new JsonArray(new JsonObject { ["from"] = from, ["value"] = value });
        return partner;
    }

    /// <summary>The timeline array of a parameter of a base rulebook, such as <c>promotion.capPerCompany</c>.</summary>
    public static JsonArray Timeline(this JsonObject root, string parameter)
    {
        var (group, key) = Split(parameter);
        return root["parameters"]![group]![key]!.AsArray();
    }

    /// <summary>The 2016 annuity of a base rulebook.</summary>
    public static JsonObject Annuity2016(this JsonObject root) => root["annuities"]!["2016"]!.AsObject();

    /// <summary>Asserts a failed load with exactly one error, at <paramref name="path"/> with <paramref name="code"/>.</summary>
    public static ValidationError AssertSingleError<T>(this Result<T> result, string path, string code)
    {
        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(path, error.Identifier);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(ValidationSeverity.Error, error.Severity);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
        return error;
    }

    private static (string Group, string Key) Split(string parameter)
    {
        int dot = parameter.IndexOf('.', StringComparison.Ordinal);
        return (parameter[..dot], parameter[(dot + 1)..]);
    }
}
