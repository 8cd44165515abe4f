using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;
using System.Text.Json;
using Pimex.Common;
using Pimex.Evaluation;
using Pimex.Localisation;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Docs;

/// <summary>
/// <c>docs/rules.md</c>, the business rules by name, is generated from the code: each rule
/// function's <see cref="RuleAttribute"/>s (the code it refuses with, the rulebook values it
/// reads), its concept (<see cref="RuleConceptAttribute"/> on its type), its summary, and the
/// source file the library's PDB names for it; the checks that come before the rules
/// (<see cref="PlumbingAttribute"/>) in a table of their own. The attributes are checked: every
/// code named is one the library declares, every value read is in the rulebook format, and every
/// code the library declares (but the rulebook reader's own, in <c>docs/rulebook-format.md</c>) is
/// named by a rule or a plumbing check. The test fails when the file and the code disagree; run it
/// once with <c>PIMEX_APPROVE=1</c> to write the file anew, then review the diff.
/// </summary>
public class RulesCatalogueTest
{
    private static readonly Assembly Library = typeof(RuleAttribute).Assembly;

    /// <summary>One code a rule function refuses with.</summary>
    private sealed record RuleRow(string Concept, string Code, MethodInfo Method, IReadOnlyList<string> Reads);

    /// <summary>One code a plumbing check refuses with.</summary>
    private sealed record PlumbingRow(CheckStage Stage, string Code, MethodInfo Method);

    private static IEnumerable<MethodInfo> Methods() =>
        Library.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly));

    private static List<RuleRow> Rules() =>
        [.. Methods()
            .SelectMany(m => m.GetCustomAttributes<RuleAttribute>().Select(a => new RuleRow(ConceptOf(m), a.Code, m, a.Reads)))
            .OrderBy(r => r.Concept, StringComparer.Ordinal)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ThenBy(r => Name(r.Method), StringComparer.Ordinal)];

    private static List<PlumbingRow> Plumbing() =>
        [.. Methods()
            .SelectMany(m => m.GetCustomAttributes<PlumbingAttribute>().Select(a => new PlumbingRow(a.Stage, a.Code, m)))
            .OrderBy(p => p.Stage)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .ThenBy(p => Name(p.Method), StringComparer.Ordinal)];

    private static string ConceptOf(MethodInfo method)
    {
        var concept = method.DeclaringType!.GetCustomAttribute<RuleConceptAttribute>();
        Assert.True(concept is not null, $"{Name(method)} names rules, but its type has no [RuleConcept]");
        return concept.Name;
    }

    private static string Name(MethodInfo method) => method.DeclaringType!.Name + "." + method.Name;

    /// <summary>The library's codes, obsolete aliases left out: what a rule or a check may name.</summary>
    private static HashSet<string> DeclaredCodes() =>
        [.. ErrorCodes.In(Library).Where(c => !c.IsAlias).Select(c => c.Value)];

    [Fact]
    public void EveryCodeNamed_IsOneTheLibraryDeclares()
    {
        var declared = DeclaredCodes();
        Assert.NotEmpty(Rules());
        foreach (var rule in Rules())
        {
            Assert.True(declared.Contains(rule.Code), $"{Name(rule.Method)} names {rule.Code}, which no error constant declares");
        }

        foreach (var check in Plumbing())
        {
            Assert.True(declared.Contains(check.Code), $"{Name(check.Method)} names {check.Code}, which no error constant declares");
        }
    }

    [Fact]
    public void EveryValueRead_IsInTheRulebookFormat()
    {
        using var written = JsonDocument.Parse(Rulebook.Extremadura.ToJson());
        var year = written.RootElement.GetProperty("annuities").EnumerateObject().First().Name;
        foreach (var rule in Rules())
        {
            Assert.True(rule.Reads.Distinct(StringComparer.Ordinal).Count() == rule.Reads.Count, $"{Name(rule.Method)} names a value twice for {rule.Code}");
            foreach (var name in rule.Reads)
            {
                Assert.True(IsInFormat(name, written.RootElement, year), $"{Name(rule.Method)} reads '{name}' for {rule.Code}: neither a parameter of the catalogue (group.name, or group.* for a whole group) nor a field of a written rulebook");
            }
        }
    }

    /// <summary>
    /// A catalogue parameter (<c>promotion.categories</c>), a whole group (<c>sme.*</c>), or a field
    /// of the rulebook format outside the parameters (<c>currency</c>, <c>annuities.YYYY.capacity</c>),
    /// found in a rulebook as <see cref="Rulebook.ToJson"/> writes it.
    /// </summary>
    private static bool IsInFormat(string name, JsonElement rulebook, string year)
    {
        if (name.EndsWith(".*", StringComparison.Ordinal))
        {
            return Parameters.Groups.Contains(name[..^2]);
        }

        if (Parameters.Find(name) is not null)
        {
            return true;
        }

        var element = rulebook;
        foreach (var part in name.Replace("YYYY", year, StringComparison.Ordinal).Split('.'))
        {
            if (part == "parameters" || element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void EveryDeclaredCode_IsNamedByARuleOrACheck()
    {
        var named = Rules().Select(r => r.Code).Concat(Plumbing().Select(p => p.Code)).ToHashSet(StringComparer.Ordinal);

        // The rulebook reader's own codes (PIMEX-RB-...) are about a rulebook's text, not a
        // command: docs/rulebook-format.md lists them with the JSON paths they name. The reports'
        // codes (PIMEX-EVAL-...) refuse a host's inconsistent data handed to a report (participants
        // of another edition, a score outside the scale), not a command: docs/errors.md lists them.
        // The language file reader's codes (PIMEX-LANG-...) are about a language file's text:
        // docs/languages.md lists them.
        var missing = ErrorCodes.In(Library)
            .Where(c => !c.IsAlias && c.Field.DeclaringType != typeof(RulebookErrors) && c.Field.DeclaringType != typeof(EvaluationErrors) && c.Field.DeclaringType != typeof(LanguageErrors) && !named.Contains(c.Value))
            .Select(c => c.Constant + " (" + c.Value + ")")
            .ToList();

        Assert.True(missing.Count == 0, "Named by no [Rule] and no [Plumbing]: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryRuleFunction_IsStaticAndDocumented()
    {
        var docs = XmlDocs.Summaries(Library);
        foreach (var method in Rules().Select(r => r.Method).Distinct())
        {
            Assert.True(method.IsStatic, $"{Name(method)}: a rule is a static function of its inputs");
            Assert.True(Summary(docs, method).Length > 0, $"{Name(method)} has no XML summary");
        }
    }

    [Fact]
    public void DocsRules_IsWhatTheCodeDeclares() => Golden.MatchesRepositoryFile(Catalogue(), "docs/rules.md");

    private static string Catalogue()
    {
        var docs = XmlDocs.Summaries(Library);
        using var symbols = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(Path.ChangeExtension(Library.Location, ".pdb")));
        var pdb = symbols.GetMetadataReader();
        var md = new StringBuilder();
        md.Append("# Rules by name\n\n");
        md.Append("Each business rule of the library is a named function beside its error codes, which the verbs\n");
        md.Append("call after their own checks of who acts, the version, time and state (see\n");
        md.Append("[architecture.md](architecture.md), \"Checks first, in a fixed order\"). This page is generated\n");
        md.Append("from the code (`tests/Pimex.Core.Tests/Docs/RulesCatalogueTest.cs`; a test fails when it and\n");
        md.Append("the code disagree): the `[Rule]` attributes of each rule function name the code it refuses with\n");
        md.Append("and the rulebook values it reads, as [rulebook-format.md](rulebook-format.md) names them\n");
        md.Append("(`group.name` for a parameter of the catalogue, `group.*` for a whole group, `currency`,\n");
        md.Append("`timeZone`, `annuities.YYYY...` for a field of the annuity); the file is the one the library's\n");
        md.Append("debug symbols give for the function. What it checks is the function's summary, or, for a\n");
        md.Append("function that checks several rules at once (`AdmissionEligibility.Evaluate`,\n");
        md.Append("`CompanyProfileRules.Validate`...), the meaning of the code, as [errors.md](errors.md) gives it. The\n");
        md.Append("support granted on a verified claim refuses nothing, so it has no row: see `SupportDecision.Decide`.\n");
        foreach (var concept in Rules().GroupBy(r => r.Concept))
        {
            md.Append($"\n## {concept.Key}\n\n");
            md.Append("| code | rule | what it checks | reads | file |\n|---|---|---|---|---|\n");
            foreach (var row in concept)
            {
                var reads = row.Reads.Count == 0 ? "(no rulebook value)" : string.Join(", ", row.Reads.Select(r => "`" + r + "`"));
                md.Append($"| `{row.Code}` | `{Name(row.Method)}` | {WhatItChecks(docs, row)} | {reads} | `{SourceFile(pdb, row.Method)}` |\n");
            }
        }

        md.Append("\n## The verbs' own checks\n\n");
        md.Append("The checks every verb makes besides the rules above, at the stages of `CheckOrder`, earliest\n");
        md.Append("first (`src/Pimex.Core/Common/CheckOrder.cs`): the first stage that fails refuses the command\n");
        md.Append("with its code alone. At the `Rules` stage, whether the rulebook has rules in force at all.\n\n");
        md.Append("| code | stage | check | file |\n|---|---|---|---|\n");
        foreach (var row in Plumbing())
        {
            md.Append($"| `{row.Code}` | {row.Stage} | `{Name(row.Method)}` | `{SourceFile(pdb, row.Method)}` |\n");
        }

        return md.ToString();
    }

    /// <summary>
    /// What a row checks: its function's summary when the function names one rule; the meaning
    /// of the row's code (its constant's summary) when it names several, whose summary would be
    /// the same on each row.
    /// </summary>
    private static string WhatItChecks(Dictionary<string, string> docs, RuleRow row)
    {
        if (row.Method.GetCustomAttributes<RuleAttribute>().Count() == 1)
        {
            return Summary(docs, row.Method);
        }

        var constant = ErrorCodes.In(Library).Single(c => c.Value == row.Code && !c.IsAlias).Field;
        return XmlDocs.Markdown(docs.GetValueOrDefault("F:" + constant.DeclaringType!.FullName + "." + constant.Name, string.Empty));
    }

    /// <summary>
    /// The summary of a method as one line of Markdown: its XML doc id starts with
    /// <c>M:Namespace.Type.Name(</c>, and of the overloads the one with as many parameters.
    /// </summary>
    private static string Summary(Dictionary<string, string> docs, MethodInfo method)
    {
        var prefix = "M:" + method.DeclaringType!.FullName + "." + method.Name + (method.IsGenericMethod ? "``" + method.GetGenericArguments().Length : string.Empty) + "(";
        var candidates = docs.Where(d => d.Key.StartsWith(prefix, StringComparison.Ordinal) && ParameterCount(d.Key[prefix.Length..]) == method.GetParameters().Length).ToList();
        return candidates.Count == 1 ? XmlDocs.Markdown(candidates[0].Value) : string.Empty;
    }

    private static int ParameterCount(string list)
    {
        int depth = 0, count = 1;
        foreach (var c in list.TrimEnd(')'))
        {
            depth += c is '{' or '(' or '[' ? 1 : c is '}' or ')' or ']' ? -1 : 0;
            count += c == ',' && depth == 0 ? 1 : 0;
        }

        return list.Length <= 1 ? 0 : count;
    }

    /// <summary>
    /// The source file of a method, from the portable PDB beside the library: the document of its
    /// body, from the repository's root (<c>src/Pimex.Core/...</c>) whatever the build's path map.
    /// </summary>
    private static string SourceFile(MetadataReader pdb, MethodInfo method)
    {
        var info = pdb.GetMethodDebugInformation(MetadataTokens.MethodDebugInformationHandle(method.MetadataToken));
        var document = info.Document.IsNil ? info.GetSequencePoints().First().Document : info.Document;
        var path = pdb.GetString(pdb.GetDocument(document).Name).Replace('\\', '/');
        int src = path.LastIndexOf("/src/Pimex.Core/", StringComparison.Ordinal);
        Assert.True(src >= 0, $"{Name(method)} is in {path}, outside src/Pimex.Core");
        return path[(src + 1)..];
    }
}
