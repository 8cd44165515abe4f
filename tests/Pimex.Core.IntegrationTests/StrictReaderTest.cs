using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;

namespace Pimex.IntegrationTests;

/// <summary>
/// The reader's refusals say where the damage is, its converters refuse a damaged value rather
/// than invent one, and input (<see cref="RequiredFields.AsDeclared"/>) may still leave optional
/// fields out.
/// </summary>
public sealed class StrictReaderTest
{
    private static JsonObject Golden(string type) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", EventJsonTest.GoldenFile(type, PimexJson.EventSchemaVersions[type]))))!.AsObject();

    [Fact]
    public void AMissingField_IsAJsonException_NamingTheFieldAndWhereItsObjectIs()
    {
        var admitted = Golden(nameof(ParticipantAdmitted));
        admitted["terms"]!.AsObject().Remove("cap");

        var refusal = Assert.Throws<JsonException>(() => PimexJson.Deserialize<ParticipantEvent>(admitted.ToJsonString()));

        Assert.Contains("'cap'", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("$.terms", refusal.Path);
    }

    [Fact]
    public void ANullWhereTheTypeIsNotNullable_IsAJsonException_NamingTheField()
    {
        var verified = Golden(nameof(ClaimVerified));
        verified["actor"]!["id"] = null;

        var refusal = Assert.Throws<JsonException>(() => PimexJson.Deserialize<ParticipantEvent>(verified.ToJsonString()));

        Assert.Contains("'id'", refusal.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.actor", refusal.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEventWithoutItsSchemaVersion_IsRefused_WithOrWithoutUpcasters()
    {
        var opened = Golden(nameof(EditionOpened));
        opened.Remove(PimexJson.VersionProperty);

        Assert.Throws<JsonException>(() => PimexJson.Deserialize<EditionEvent>(opened.ToJsonString()));
        Assert.Throws<JsonException>(() => PimexJson.Deserialize<EditionEvent>(opened.ToJsonString(), PimexJson.Upcasters));
    }

    [Theory]
    [InlineData(nameof(FundsReserved), "amount", "\"\"")]
    [InlineData(nameof(FundsReserved), "amount", "\"EUR\"")]
    [InlineData(nameof(FundsReserved), "amount", "\"EUR 12.345\"")]
    [InlineData(nameof(FundsReserved), "amount", "2500")]
    [InlineData(nameof(FundsReserved), "amount", "null")]
    [InlineData(nameof(FundsReserved), "edition", "\"\"")]
    [InlineData(nameof(FundsReserved), "edition", "\" -2016\"")]
    [InlineData(nameof(FundsReserved), "edition", "\"extremadura-\"")]
    [InlineData(nameof(FundsReserved), "edition", "2016")]
    [InlineData(nameof(FundsReserved), "participant", "\"extremadura-2016/ \"")]
    [InlineData(nameof(FundsReserved), "participant", "\" -2016/B1\"")]
    [InlineData(nameof(FundsReserved), "participant", "\"extremadura-2016\"")]
    [InlineData(nameof(FundsReserved), "line", "\"\"")]
    [InlineData(nameof(FundsReserved), "recordedAt", "\"\"")]
    public void ADamagedValue_IsAJsonException_NeverAnInventedValue(string type, string field, string value)
    {
        var e = Golden(type);
        e[field] = JsonNode.Parse(value);
        Assert.Throws<JsonException>(() => PimexJson.Deserialize<EditionEvent>(e.ToJsonString()));
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("\"0.85\"")]
    [InlineData("null")]
    public void ANegativeOrNonNumericRate_IsAJsonException(string value) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Rate>(value, PimexJson.Options));

    [Theory]
    [InlineData("""[{"key":"a","value":1},{"key":"a","value":2}]""")]
    [InlineData("""[{"key":null,"value":1}]""")]
    [InlineData("""[{"value":1}]""")]
    [InlineData("""[null]""")]
    [InlineData("null")]
    public void ADamagedDictionary_IsAJsonException(string value) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<EquatableDictionary<string, int>>(value, PimexJson.Options));

    [Fact]
    public void ANullItemInAListOfTexts_IsAJsonException()
    {
        var submitted = Golden(nameof(SwotSubmitted));
        submitted["swot"]!["strengths"] = new JsonArray("Iberian ham", null);
        var refusal = Assert.Throws<JsonException>(() => PimexJson.Deserialize<ParticipantEvent>(submitted.ToJsonString()));
        Assert.Contains("'strengths[1]'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOptionalAmount_ReadsNullAsNull_InBothReadings()
    {
        var figures = """{"name":"Holding","share":0.3,"figures":{"staff":1,"turnover":"EUR 1.00","balanceSheet":"EUR 1.00"},"businessAngelInvestment":null}""";
        var input = new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForPimex(RequiredFields.AsDeclared);

        Assert.Null(JsonSerializer.Deserialize<RelatedEnterprise>(figures, input)!.BusinessAngelInvestment);
        Assert.Null(JsonSerializer.Deserialize<Money?>("null", PimexJson.Options));
        Assert.Null(JsonSerializer.Deserialize<Money?>("null", input));
    }

    [Fact]
    public void Input_MayLeaveOptionalFieldsOut_AndAnUnusedAmountNull()
    {
        var input = new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForPimex(RequiredFields.AsDeclared);

        var profile = JsonSerializer.Deserialize<CompanyProfile>("""{"own":{"staff":20,"turnover":"EUR 3000000.00","balanceSheet":"EUR 2000000.00"}}""", input)!;
        var verification = JsonSerializer.Deserialize<ClaimVerification>("""{"verdict":"ApprovedInFull","approvedAmount":null,"reason":null}""", input)!;

        Assert.Null(profile.PeriodEnd);
        Assert.Equal(ClaimVerification.ApproveInFull(), verification);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CompanyProfile>("""{"own":{"staff":20,"turnover":"EUR 3000000.00","balanceSheet":"EUR 2000000.00"}}""", PimexJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CompanyProfile>("""{"own":null}""", input));
    }

    [Fact]
    public void OptionsThatLeaveNullsOut_StillWriteEveryFieldOfAnEvent()
    {
        // A host's options may omit nulls when writing; the stored form must still read back.
        var host = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull }.ConfigureForPimex();
        var stored = Golden(nameof(ClaimVerified)).ToJsonString();
        var e = JsonSerializer.Deserialize<ParticipantEvent>(stored, host)!;

        Assert.Equal(e, JsonSerializer.Deserialize<ParticipantEvent>(JsonSerializer.Serialize(e, host), host));
        Assert.Equal(e, PimexJson.Deserialize<ParticipantEvent>(stored));
    }
}
