using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ardalis.Result;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Reliability;

/// <summary>The ways the fuzzer damages a rulebook document.</summary>
public enum DocumentMutation
{
    /// <summary>Cut the text at a random point.</summary>
    Truncate,

    /// <summary>Replace a random value by one of another JSON type.</summary>
    WrongType,

    /// <summary>Replace a random value by a huge, tiny or malformed number, or a huge amount.</summary>
    HugeNumber,

    /// <summary>Make every amount of the document huge (sums overflow decimal).</summary>
    HugeAmounts,

    /// <summary>Wrap a random value in hundreds of arrays or objects.</summary>
    DeepNesting,

    /// <summary>Repeat a member of an object.</summary>
    DuplicateKey,

    /// <summary>Prepend a UTF-8 byte-order mark.</summary>
    ByteOrderMark,

    /// <summary>Change the currency of some amounts, or of the rulebook.</summary>
    WrongCurrency,

    /// <summary>Remove a random member.</summary>
    RemoveMember,

    /// <summary>Overwrite random characters (quotes, brackets, NUL, lone surrogates).</summary>
    CharacterNoise,

    /// <summary>Add a member the format does not define.</summary>
    UnknownMember,
}

/// <summary>One damage to apply, with the seed that places it.</summary>
/// <param name="Kind">The damage.</param>
/// <param name="Seed">Where and how: the seed of a <see cref="Random"/>.</param>
public sealed record Mutation(DocumentMutation Kind, int Seed)
{
    /// <summary>Applies the damage to a document.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The damaged document.</returns>
    public string Apply(string json) => DocumentMutator.Apply(this, json);
}

/// <summary>Generators of damaged rulebook documents.</summary>
public static class FuzzArbitraries
{
    /// <summary>One to three damages, in order.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Mutation[]> Mutations() =>
        (from count in Gen.Choose(1, 3)
         from mutations in Gen.ArrayOf(
             from kind in Gen.Elements(Enum.GetValues<DocumentMutation>())
             from seed in Gen.Choose(0, int.MaxValue)
             select new Mutation(kind, seed),
             count)
         select mutations).ToArbitrary();
}

/// <summary>
/// Damaged rulebooks: whatever the text, <see cref="Rulebook.Load"/> returns a result and never
/// throws; a refusal names the JSON path of each problem and a rulebook error code; an
/// acceptance is a whole, usable rulebook; and a refused partner rulebook leaves its base as it
/// was.
/// </summary>
/// <remarks>
/// Environment: <c>PIMEX_FUZZ_RUNS</c> sets the number of damaged documents (400 by default; half
/// as many for the partner rulebook).
/// </remarks>
public class RulebookFuzzTest
{
    private static readonly string BaseJson = Rulebook.Extremadura.ToJson();

    private static readonly string PartnerJson = ModelRulebooks.TightJson;

    [Fact]
    public void LoadNeverThrows_AndRefusalsNameThePathAndCode_ForDamagedBaseRulebooks()
    {
        Prop.ForAll(FuzzArbitraries.Mutations(), (Mutation[] mutations) => CheckLoad(Damage(BaseJson, mutations), null))
            .Check(ReliabilityRuns.Checking(ReliabilityRuns.FuzzCases));
    }

    [Fact]
    public void LoadNeverThrows_AndTheBaseStaysAsItWas_ForDamagedPartnerRulebooks()
    {
        var baseBefore = Rulebook.Load(BaseJson).Value;
        Prop.ForAll(FuzzArbitraries.Mutations(), (Mutation[] mutations) =>
        {
            CheckLoad(Damage(PartnerJson, mutations), Rulebook.Extremadura);
            Assert.Equal(baseBefore, Rulebook.Extremadura);
            Assert.Equal(BaseJson, Rulebook.Extremadura.ToJson());
        }).Check(ReliabilityRuns.Checking(ReliabilityRuns.FuzzCases / 2));
    }

    [Fact]
    public void LoadNeverThrows_ForDamagedPartnersOutsideTheEuro_WithExchangeRatesOfDaysAndMonths()
    {
        // docs/rulebooks/moravia.json: koruna, a time zone, a NUTS code, its own language, and the
        // exchangeRates section (rates of single days and of months) no other fuzzed document has.
        var moravia = DocsFiles.Read("rulebooks/moravia.json");
        Assert.True(Rulebook.Load(moravia, Rulebook.Extremadura).IsSuccess);
        Prop.ForAll(FuzzArbitraries.Mutations(), (Mutation[] mutations) => CheckLoad(Damage(moravia, mutations), Rulebook.Extremadura))
            .Check(ReliabilityRuns.Checking(ReliabilityRuns.FuzzCases / 2));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\uFEFF")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("1e400")]
    [InlineData("\"\uD800\"")]
    [InlineData("{\"id\": \"\uDC00\"}")]
    [InlineData("{\"id\":1,\"id\":2}")]
    [InlineData("{\"id\": \"\\uD800\"}")]
    [InlineData("{\"\\uDC00\": 1}")]
    [InlineData("{\"annuities\": {\"\\uD800x\": 1}}")]
    public void LoadNeverThrows_ForTinyDocuments(string json) => CheckLoad(json, null);

    [Theory]
    [InlineData("\"capacity\": 30,", "\"capacity\": \"30\",", "$.annuities.2016.capacity", RulebookErrors.WrongType)]
    [InlineData("\"capacity\": 30,", "", "$.annuities.2016.capacity", RulebookErrors.MissingField)]
    [InlineData("\"capacity\": 30,", "\"capacity\": 30, \"capacity\": 31,", "$.annuities.2016.capacity", RulebookErrors.DuplicateKey)]
    [InlineData("\"capacity\": 30,", "\"capacity\": 30, \"seats\": 31,", "$.annuities.2016.seats", RulebookErrors.UnknownField)]
    [InlineData("\"capacity\": 30,", "\"capacity\": 1e400,", "$.annuities.2016.capacity", RulebookErrors.InvalidValue)]
    [InlineData("\"capacity\": 30,", "\"capacity\": -1,", "$.annuities.2016.capacity", RulebookErrors.OutOfRange)]
    [InlineData("\"capacity\": 30,", "\"capacity\": 0,", "$.annuities.2016.capacity", RulebookErrors.OutOfRange)]
    [InlineData("\"total\": \"EUR 88280.00\"", "\"total\": \"EUR 88280.01\"", "$.annuities.2016.budget.total", RulebookErrors.BudgetDoesNotAddUp)]
    [InlineData("\"training\": \"EUR 5000.00\"", "\"training\": \"USD 5000.00\"", "$.annuities.2016.budget.training", RulebookErrors.CurrencyMismatch)]
    [InlineData("\"training\": \"EUR 5000.00\"", "\"training\": \"EUR -5000.00\"", "$.annuities.2016.budget.training", RulebookErrors.NegativeAmount)]
    [InlineData("\"training\": \"EUR 5000.00\"", "\"training\": \"EUR 5,000.00\"", "$.annuities.2016.budget.training", RulebookErrors.InvalidValue)]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": \"EURO\"", "$.currency", RulebookErrors.InvalidValue)]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": [\"EUR\"]", "$.currency", RulebookErrors.WrongType)]
    public void EachDamage_IsReportedWithItsCode_AtItsPath(string find, string replace, string path, string code)
    {
        Assert.Contains(find, BaseJson, StringComparison.Ordinal);

        var result = Rulebook.Load(BaseJson.Replace(find, replace, StringComparison.Ordinal));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(result.ValidationErrors, e => e.Identifier == path && e.ErrorCode == code);
    }

    [Fact]
    public void ATruncatedDocument_IsMalformed_NamingTheLine()
    {
        var result = Rulebook.Load(BaseJson[..(BaseJson.Length / 2)]);

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(RulebookErrors.MalformedJson, error.ErrorCode);
        Assert.StartsWith("$", error.Identifier, StringComparison.Ordinal);
        Assert.Matches("line [0-9]+", error.ErrorMessage);
    }

    [Fact]
    public void ADeeplyNestedDocument_IsTooDeep_AndOneWithinTheLimitIsNot()
    {
        static string Nested(int depth) => "{\"id\": " + string.Concat(Enumerable.Repeat("[", depth - 1)) + string.Concat(Enumerable.Repeat("]", depth - 1)) + "}";

        var tooDeep = Rulebook.Load(Nested(200));
        var shallow = Rulebook.Load(Nested(10));

        Assert.Equal([RulebookErrors.TooDeep], tooDeep.ValidationErrors.Select(e => e.ErrorCode));
        Assert.DoesNotContain(shallow.ValidationErrors, e => e.ErrorCode is RulebookErrors.TooDeep or RulebookErrors.MalformedJson);
    }

    [Fact]
    public void LoadRefusesHugeAmounts_WhoseSumsWouldOverflow_NamingEachPath()
    {
        var json = Regex.Replace(BaseJson, "\"EUR [0-9.]+\"", "\"EUR 79228162514264337593543950335\"");

        var result = Rulebook.Load(json);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(result.ValidationErrors, e => e.Identifier == "$.annuities.2016.budget.actions" && e.ErrorCode == RulebookErrors.OutOfRange);
        Assert.Contains(result.ValidationErrors, e => e.Identifier == "$.parameters.promotion.capPerCompany[0].value" && e.ErrorCode == RulebookErrors.OutOfRange);
    }

    [Fact]
    public void LoadAcceptsTheLargestAmount_AndRefusesOneCentMore()
    {
        var largest = Rulebook.Load(BaseJson.Replace("\"EUR 2500.00\"", "\"EUR 1000000000000000.00\"", StringComparison.Ordinal));
        var more = Rulebook.Load(BaseJson.Replace("\"EUR 2500.00\"", "\"EUR 1000000000000000.01\"", StringComparison.Ordinal));

        Assert.True(largest.IsSuccess, Describe(largest));
        Assert.Equal(Money.Of(1_000_000_000_000_000m, Currency.EUR), largest.Value.On(new LocalDate(2016, 1, 15)).Value.Promotion.CapPerCompany);
        Assert.Equal([RulebookErrors.OutOfRange], more.ValidationErrors.Select(e => e.ErrorCode));
        Assert.Equal("$.parameters.promotion.capPerCompany[0].value", more.ValidationErrors.First().Identifier);
    }

    [Fact]
    public void LoadRefusesBudgetLinesInDifferentCurrencies_WhenTheRulebookCurrencyIsUnknown()
    {
        var json = BaseJson
            .Replace("\"currency\": \"EUR\"", "\"currency\": \"XXX\"", StringComparison.Ordinal)
            .Replace("\"training\": \"EUR 5000.00\"", "\"training\": \"GBP 5000.00\"", StringComparison.Ordinal);

        var result = Rulebook.Load(json);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(result.ValidationErrors, e => e.Identifier == "$.currency" && e.ErrorCode == RulebookErrors.InvalidValue);
        Assert.Contains(result.ValidationErrors, e => e.Identifier == "$.annuities.2016.budget.training" && e.ErrorCode == RulebookErrors.CurrencyMismatch);
    }

    [Fact]
    public void LoadAcceptsAByteOrderMark_AsInAUtf8FileDecodedWithoutStrippingIt()
    {
        var result = Rulebook.Load("\uFEFF" + BaseJson);

        Assert.True(result.IsSuccess, Describe(result));
        Assert.Equal(Rulebook.Extremadura, result.Value);
    }

    [Fact]
    public void LoadRefusesALoneSurrogate_AsMalformed()
    {
        var lines = BaseJson.Split('\n');
        lines[2] = lines[2].Replace("\"name\": \"", "\"name\": \"\uD83D", StringComparison.Ordinal);

        var result = Rulebook.Load(string.Join('\n', lines));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(("$", RulebookErrors.MalformedJson), (error.Identifier, error.ErrorCode));
    }

    [Fact]
    public void LoadRefusesAnEscapedLoneSurrogate_AtItsPath()
    {
        var result = Rulebook.Load(BaseJson.Replace("\"name\": \"", "\"name\": \"\\uD800", StringComparison.Ordinal));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(result.ValidationErrors, e => e.Identifier == "$.name");
        Assert.All(result.ValidationErrors, e => Assert.Equal(RulebookErrors.InvalidValue, e.ErrorCode));
    }

    [Fact]
    public void LoadAcceptsCharactersOutsideTheBasicPlane()
    {
        var result = Rulebook.Load(BaseJson.Replace("\"name\": \"", "\"name\": \"\U0001F1EA\U0001F1F8 ", StringComparison.Ordinal));

        Assert.True(result.IsSuccess, Describe(result));
        Assert.StartsWith("\U0001F1EA\U0001F1F8 ", result.Value.Name, StringComparison.Ordinal);
    }

    private static string Damage(string json, Mutation[] mutations) =>
        mutations.Aggregate(json, (text, mutation) => mutation.Apply(text));

    private static void CheckLoad(string json, Rulebook? @base)
    {
        Result<Rulebook> result;
        try
        {
            result = Rulebook.Load(json, @base);
        }
        catch (Exception ex)
        {
            Assert.Fail($"Load threw {ex.GetType().Name}: {ex.Message}\nfor the document:\n{Shorten(json)}");
            return;
        }

        if (result.IsSuccess)
        {
            CheckUsable(result.Value);
            return;
        }

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.NotEmpty(result.ValidationErrors);
        Assert.All(result.ValidationErrors, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Identifier), "an error without a path: " + e.ErrorMessage);
            Assert.StartsWith("$", e.Identifier, StringComparison.Ordinal);
            Assert.StartsWith("PIMEX-RB-", e.ErrorCode, StringComparison.Ordinal);
            Assert.Null(ErrorCodes.Undeclared(e.ErrorCode, e.Identifier));
            Assert.False(string.IsNullOrWhiteSpace(e.ErrorMessage));
        });
    }

    /// <summary>An accepted rulebook is whole: it round-trips, and its editions open or refuse with a result.</summary>
    private static void CheckUsable(Rulebook rulebook)
    {
        var again = Rulebook.Load(rulebook.ToJson());
        Assert.True(again.IsSuccess, Describe(again));
        Assert.Equal(rulebook, again.Value);
        foreach (var (year, annuity) in rulebook.Annuities)
        {
            Assert.Equal(annuity.Budget.Total, annuity.Budget.Actions + annuity.Budget.Training + annuity.Budget.Consultancy);
            var at = annuity.Applications.Start.AtStartOfDayInZone(rulebook.TimeZone).ToInstant();
            var opened = Edition.Open(rulebook, year, new CommandContext(Actor.ProgrammeManager("mgr"), at));
            if (opened.IsSuccess)
            {
                var ledger = opened.Value.Aggregate.Budget;
                Assert.Equal(annuity.Budget.Total, ledger.TotalAllocated);
            }
            else
            {
                Assert.NotEmpty(opened.Codes());
            }
        }
    }

    private static string Describe<T>(Result<T> result) =>
        string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}"));

    private static string Shorten(string json) => json.Length <= 4000 ? json : json[..2000] + "\n...\n" + json[^2000..];
}

/// <summary>Applies one <see cref="Mutation"/> to a JSON text, deterministically from its seed.</summary>
internal static class DocumentMutator
{
    private static readonly string[] RawNumbers =
    [
        "1e400", "-1e400", "99999999999999999999999999999", "79228162514264337593543950336", "-79228162514264337593543950336",
        "2147483648", "-2147483649", "-1", "-0", "0.5", "1E+2", "1e-400", "123456789012345678901234567890.123456789",
        "\"\\uD800\"", "\"a\\uDC00b\"",
    ];

    private static readonly string[] OddAmounts =
    [
        "EUR 79228162514264337593543950335", "EUR 99999999999999999999999999999", "EUR 7922816251426433759354395033.59",
        "EUR -0.01", "EUR 0.005", "EUR 1e400", "EUR 1,000.00", "EUR  12", "EUR 12.", "EUR .5", "EUR +5", "EUR NaN", "EUR", "EUR ",
        "99999999999999999999999999999 EUR", "100%", "-5%", "1e400%", "79228162514264337593543950335%", "%",
    ];

    private static readonly string[] OtherCurrencies = ["USD", "GBP", "XXX", "eur", "EU", "EURO", "JPY", "KWD", "€", "E\u0301UR"];

    private static readonly char[] Noise = ['"', '{', '}', '[', ']', ',', ':', '\\', '\0', '\uD800', '\uDFFF', '\uFEFF', 'x', '9', ' ', '\n'];

    public static string Apply(Mutation mutation, string json)
    {
        var random = new Random(mutation.Seed);
        return mutation.Kind switch
        {
            DocumentMutation.Truncate => json.Length == 0 ? json : json[..random.Next(json.Length)],
            DocumentMutation.ByteOrderMark => "\uFEFF" + json,
            DocumentMutation.CharacterNoise => CharacterNoise(json, random),
            DocumentMutation.DuplicateKey => DuplicateKey(json, random),
            DocumentMutation.HugeAmounts => Regex.Replace(json, "\"[A-Z]{3} [0-9.]+\"", m => random.Next(3) == 0 ? m.Value : "\"" + OddAmounts[random.Next(3)] + "\""),
            DocumentMutation.WrongCurrency => WrongCurrency(json, random),
            _ => Structural(mutation.Kind, json, random),
        };
    }

    private static string CharacterNoise(string json, Random random)
    {
        if (json.Length == 0)
        {
            return json;
        }

        var chars = json.ToCharArray();
        for (int n = random.Next(1, 4); n > 0; n--)
        {
            chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
        }

        return new string(chars);
    }

    private static string DuplicateKey(string json, Random random)
    {
        var lines = json.Split('\n').ToList();
        var members = Enumerable.Range(0, lines.Count).Where(i => Regex.IsMatch(lines[i], "^\\s*\"[^\"]+\":.*,$")).ToList();
        if (members.Count == 0)
        {
            return json;
        }

        int at = members[random.Next(members.Count)];
        var copy = random.Next(2) == 0 ? lines[at] : Regex.Replace(lines[at], ":.*,$", ": \"other\",");
        lines.Insert(at + 1, copy);
        return string.Join('\n', lines);
    }

    private static string WrongCurrency(string json, Random random)
    {
        var other = OtherCurrencies[random.Next(OtherCurrencies.Length)];
        return random.Next(3) switch
        {
            0 => json.Replace("\"currency\": \"EUR\"", "\"currency\": \"" + other + "\"", StringComparison.Ordinal),
            1 => Regex.Replace(json, "\"EUR ", m => random.Next(4) == 0 ? "\"" + other + " " : m.Value),
            _ => json.Replace("\"EUR ", "\"" + other + " ", StringComparison.Ordinal),
        };
    }

    private static string Structural(DocumentMutation kind, string json, Random random)
    {
        // JsonNode reads lazily: a document already damaged (duplicate keys, bad text) may fail
        // while its nodes are listed; such a document gets character noise instead.
        JsonNode? root;
        var places = new List<(JsonNode Parent, string? Key, int Index)>();
        try
        {
            root = JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 1000 });
            if (root is not null)
            {
                Collect(root, places);
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return CharacterNoise(json, random);
        }

        if (root is null || places.Count == 0)
        {
            return json;
        }

        var raw = new List<string>();
        var (parent, key, index) = places[random.Next(places.Count)];
        switch (kind)
        {
            case DocumentMutation.WrongType:
                Replace(parent, key, index, random.Next(7) switch
                {
                    0 => JsonValue.Create(42),
                    1 => JsonValue.Create("text"),
                    2 => JsonValue.Create(true),
                    3 => null,
                    4 => new JsonArray(),
                    5 => new JsonObject(),
                    _ => new JsonArray(JsonValue.Create("EUR 1.00"), JsonValue.Create(1)),
                });
                break;
            case DocumentMutation.HugeNumber:
                if (random.Next(2) == 0)
                {
                    raw.Add(RawNumbers[random.Next(RawNumbers.Length)]);
                    Replace(parent, key, index, JsonValue.Create("__RAW0__"));
                }
                else
                {
                    Replace(parent, key, index, JsonValue.Create(OddAmounts[random.Next(OddAmounts.Length)]));
                }

                break;
            case DocumentMutation.DeepNesting:
                {
                    var depth = random.Next(2) == 0 ? random.Next(20, 40) : random.Next(100, 400);
                    JsonNode? node = JsonValue.Create(1);
                    for (int i = 0; i < depth; i++)
                    {
                        node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
                    }

                    Replace(parent, key, index, node);
                    break;
                }

            case DocumentMutation.RemoveMember:
                if (parent is JsonObject o && key is not null)
                {
                    o.Remove(key);
                }
                else if (parent is JsonArray a)
                {
                    a.RemoveAt(index);
                }

                break;
            case DocumentMutation.UnknownMember:
                if (parent is JsonObject target)
                {
                    target["unexpected" + random.Next(100)] = 1;
                }

                break;
            default:
                break;
        }

        string text;
        try
        {
            text = root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, MaxDepth = 1000 });
        }
        catch (InvalidOperationException)
        {
            return CharacterNoise(json, random); // a string that escapes an unpaired surrogate
        }

        for (int i = 0; i < raw.Count; i++)
        {
            text = text.Replace("\"__RAW" + i + "__\"", raw[i], StringComparison.Ordinal);
        }

        return text;
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Key, int Index)> places)
    {
        if (node is JsonObject o)
        {
            foreach (var (name, child) in o.ToList())
            {
                places.Add((o, name, -1));
                if (child is not null)
                {
                    Collect(child, places);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                places.Add((a, null, i));
                if (a[i] is { } child)
                {
                    Collect(child, places);
                }
            }
        }
    }

    private static void Replace(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (parent is JsonObject o && key is not null)
        {
            o[key] = value;
        }
        else if (parent is JsonArray a)
        {
            a[index] = value;
        }
    }
}
