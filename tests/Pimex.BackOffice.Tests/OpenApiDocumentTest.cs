using System.Net;
using System.Text.Json;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Tests.Support;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// The OpenAPI document says what a client needs to be generated from it: the bearer scheme,
/// every problem an operation answers, If-Match and ETag on commands, the values' formats.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class OpenApiDocumentTest(SmallEditionFixture edition) : IClassFixture<SmallEditionFixture>
{
    [Fact]
    public async Task EveryOperation_NeedsTheBearerToken_AndListsItsProblems()
    {
        using var json = await DocumentAsync();
        var root = json.RootElement;
        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty(OpenApiDescription.Bearer);
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());

        int operations = 0;
        foreach (var (path, method, operation) in Operations(root).Where(o => o.Path.StartsWith("/regions/", StringComparison.Ordinal)))
        {
            operations++;
            var where = $"{method} {path}";
            Assert.True(operation.TryGetProperty("security", out var security), where + " declares no security");
            Assert.Contains(security.EnumerateArray(), r => r.TryGetProperty(OpenApiDescription.Bearer, out _));
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "400", "401", "403", "404", "500" })
            {
                Assert.True(responses.TryGetProperty(status, out var problem), $"{where} lacks {status}");
                Assert.Equal("#/components/schemas/" + OpenApiDescription.ProblemSchema, problem.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
            }

            var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            Assert.True(success.Count == 1, $"{where} has {success.Count} success responses");
            Assert.True(success[0].Value.TryGetProperty("content", out _), $"{where} says nothing of what it answers");
            if (method == "post")
            {
                Assert.Equal("#/components/schemas/" + nameof(CommandAccepted), success[0].Value.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
                Assert.True(responses.TryGetProperty("409", out _), where + " lacks 409");
                if (path != "/regions/{region}/editions")
                {
                    var ifMatch = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "If-Match");
                    Assert.Equal("header", ifMatch.GetProperty("in").GetString());
                    Assert.True(ifMatch.GetProperty("required").GetBoolean());
                    Assert.True(responses.TryGetProperty("412", out _), where + " lacks 412");
                    Assert.True(responses.TryGetProperty("428", out _), where + " lacks 428");
                    Assert.True(success[0].Value.GetProperty("headers").TryGetProperty("ETag", out _), where + " answers no ETag");
                }
            }
        }

        Assert.True(operations >= 27, $"Only {operations} operations.");
    }

    [Fact]
    public async Task AProblemsDetail_IsTheMessageOfTheExceptionAGeneratedClientThrows()
    {
        using var json = await DocumentAsync();
        var problem = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(OpenApiDescription.ProblemSchema).GetProperty("properties");

        Assert.True(problem.GetProperty("detail").TryGetProperty(OpenApiDescription.PrimaryErrorMessage, out var primary), "Kiota's exception would say only 'Exception of type Problem was thrown'.");
        Assert.True(primary.GetBoolean());
        Assert.Single(problem.EnumerateObject(), p => p.Value.TryGetProperty(OpenApiDescription.PrimaryErrorMessage, out _));
    }

    [Fact]
    public async Task TheLibrarysValues_AreDescribedAsTheJsonWritesThem()
    {
        using var json = await DocumentAsync();
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");

        // An amount is "EUR 12.34", a date an ISO date, an id its text; a list of actions an array of RoadmapAction.
        var claim = schemas.GetProperty("ExpenseClaim").GetProperty("properties");
        var net = Resolve(schemas, claim.GetProperty("net"));
        Assert.Equal("string", TypeOf(net));
        Assert.Equal(OpenApiDescription.MoneyPattern, net.GetProperty("pattern").GetString());
        Assert.Matches(OpenApiDescription.MoneyPattern, "EUR 2500.00");
        Assert.DoesNotMatch(OpenApiDescription.MoneyPattern, "2500.00");
        var invoiceDate = Resolve(schemas, claim.GetProperty("invoiceDate"));
        Assert.Equal("string", TypeOf(invoiceDate));
        Assert.Equal("date", invoiceDate.GetProperty("format").GetString());
        Assert.Equal("string", TypeOf(Resolve(schemas, schemas.GetProperty(nameof(AdmitRequest)).GetProperty("properties").GetProperty("company"))));

        var actions = Resolve(schemas, schemas.GetProperty("Roadmap").GetProperty("properties").GetProperty("actions"));
        Assert.Equal("array", TypeOf(actions));
        Assert.EndsWith("/RoadmapAction", Resolve(schemas, actions.GetProperty("items"), follow: false).GetProperty("$ref").GetString(), StringComparison.Ordinal);
        Assert.True(schemas.TryGetProperty("RoadmapAction", out _));

        // No schema says nothing: each has a type, properties, or refers to one.
        foreach (var schema in schemas.EnumerateObject())
        {
            var s = schema.Value;
            Assert.True(s.TryGetProperty("type", out _) || s.TryGetProperty("properties", out _) || s.TryGetProperty("$ref", out _) || s.TryGetProperty("oneOf", out _) || s.TryGetProperty("enum", out _), $"The schema {schema.Name} is empty: {s}");
        }
    }

    [Fact]
    public async Task AValueThatMayBeNull_IsItsTextOrNull_NeverAnEmptyObject()
    {
        using var json = await DocumentAsync();
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");

        // A related enterprise's annual budget and a profile's period end may be null: then they are "EUR 12.34" or a date, or null.
        var budget = schemas.GetProperty("RelatedEnterprise").GetProperty("properties").GetProperty("annualBudget");
        Assert.Equal("null string", Types(budget));
        Assert.Equal(OpenApiDescription.MoneyPattern, budget.GetProperty("pattern").GetString());
        var periodEnd = schemas.GetProperty("CompanyProfile").GetProperty("properties").GetProperty("periodEnd");
        Assert.Equal("null string", Types(periodEnd));
        Assert.Equal("date", periodEnd.GetProperty("format").GetString());

        // Kiota makes a class of a value schema met in a oneOf: a Money with no property, sent as {}.
        foreach (var schema in schemas.EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("properties", out var properties))
            {
                continue;
            }

            foreach (var property in properties.EnumerateObject().Where(p => p.Value.TryGetProperty("oneOf", out _)))
            {
                foreach (var choice in property.Value.GetProperty("oneOf").EnumerateArray().Where(c => c.TryGetProperty("$ref", out _)))
                {
                    var target = Resolve(schemas, choice);
                    Assert.True(TypeOf(target) is "object" or "array", $"{schema.Name}.{property.Name} may be a {TypeOf(target)} through a oneOf: {property.Value}");
                }
            }
        }
    }

    [Fact]
    public async Task WhatACommandMayLeaveOut_IsOptional_InTheDocumentAndInReading()
    {
        // A full approval and an acceptance need nothing else.
        Assert.Equal(Pimex.Promotion.ClaimVerification.ApproveInFull(), JsonSerializer.Deserialize<Pimex.Promotion.ClaimVerification>("{\"verdict\":\"ApprovedInFull\"}", BackOfficeJson.Requests));
        Assert.Equal(new ReviewRequest(true, null), JsonSerializer.Deserialize<ReviewRequest>("{\"accept\":true}", BackOfficeJson.Requests));

        // What is required stays required.
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Pimex.Promotion.ClaimVerification>("{\"approvedAmount\":\"EUR 1.00\"}", BackOfficeJson.Requests));

        using var json = await DocumentAsync();
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["verdict"], schemas.GetProperty("ClaimVerification").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["accept"], schemas.GetProperty(nameof(ReviewRequest)).GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task TheCompanyDirectory_IsDescribed_ItsPutWithItsBodyAndProblems()
    {
        using var json = await DocumentAsync();
        var root = json.RootElement;
        var operations = Operations(root).Where(o => o.Path.TrimEnd('/') == "/regions/{region}/companies/{company}").ToDictionary(o => o.Method, o => o.Operation, StringComparer.Ordinal);

        Assert.Equal(["get", "put"], operations.Keys.Order(StringComparer.Ordinal));
        var put = operations["put"];
        var schemas = root.GetProperty("components").GetProperty("schemas");
        var body = Resolve(schemas, put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["name"], body.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var name = body.GetProperty("properties").GetProperty("name");
        Assert.Equal("string", TypeOf(name));
        Assert.Equal(CompanyDirectory.MaxNameLength, name.GetProperty("maxLength").GetInt32());
        Assert.Equal(1, name.GetProperty("minLength").GetInt32());
        var responses = put.GetProperty("responses");
        foreach (var status in new[] { "200", "400", "401", "403", "404", "413", "500" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"PUT lacks {status}");
        }

        Assert.EndsWith("/" + nameof(CompanyNameView), responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        Assert.False(put.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "If-Match"), "the PUT of a name needs no If-Match");
    }

    private static string? TypeOf(JsonElement schema) => schema.GetProperty("type") switch
    {
        { ValueKind: JsonValueKind.String } t => t.GetString(),
        { ValueKind: JsonValueKind.Array } t => t.EnumerateArray().Select(x => x.GetString()).First(x => x != "null"),
        _ => null,
    };

    private static string Types(JsonElement schema) => schema.GetProperty("type") switch
    {
        { ValueKind: JsonValueKind.Array } t => string.Join(' ', t.EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal)),
        var t => t.GetString() ?? string.Empty,
    };

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema, bool follow = true)
    {
        if (follow && schema.TryGetProperty("$ref", out var reference))
        {
            return schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema;
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement root) =>
        root.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()
            .Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch")
            .Select(m => (p.Name, m.Name, m.Value)));

    private async Task<JsonDocument> DocumentAsync()
    {
        var document = await edition.Api.SendAsync(HttpMethod.Get, "/openapi/v1.json", null, null, null, null);
        Assert.Equal(HttpStatusCode.OK, document.Status);
        Directory.CreateDirectory("openapi");
        await File.WriteAllTextAsync(Path.Combine("openapi", "v1.json"), document.Text);
        return JsonDocument.Parse(document.Text);
    }
}
