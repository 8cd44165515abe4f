using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Ardalis.Result;
using Pimex.Cli.Ledger;
using Pimex.Common;
using Pimex.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>
/// <c>docs/errors.md</c>, the catalogue of every error code of the library and the tool, is
/// generated from the code: each code's constant, its declared status
/// (<see cref="ErrorStatusAttribute"/>) and its meaning (the constant's XML summary). The test
/// fails when the file and the code disagree; run it once with <c>PIMEX_APPROVE=1</c> to write
/// the file anew, then review the diff.
/// </summary>
public class ErrorCatalogueTest
{
    private static readonly (Assembly Assembly, string Name)[] Sources =
    [
        (typeof(ErrorStatusAttribute).Assembly, "the library (Pimex.Core)"),
        (typeof(LedgerErrors).Assembly, "the pimex tool (ledgers)"),
    ];

    [Fact]
    public void EveryCode_DeclaresItsStatusAndHasAMeaning()
    {
        foreach (var (assembly, _) in Sources)
        {
            var docs = XmlDocs.Summaries(assembly);
            Assert.NotEmpty(ErrorCodes.In(assembly));
            foreach (var code in ErrorCodes.In(assembly).Where(c => !c.IsAlias))
            {
                Assert.True(code.Status is not null, $"{code.Constant} ({code.Value}) has no [ErrorStatus]");
                Assert.True(docs.ContainsKey(MemberId(code.Field)), $"{code.Constant} has no XML summary");
            }

            Assert.Equal(
                ErrorCodes.In(assembly).Where(c => !c.IsAlias).Select(c => c.Value).Distinct().Count(),
                ErrorCodes.In(assembly).Count(c => !c.IsAlias));
        }
    }

    [Fact]
    public void EveryInvalidCodeOfTheLibrary_DeclaresItsIdentifiers_AndNoOtherStatusDoes()
    {
        foreach (var code in ErrorCodes.In(typeof(ErrorStatusAttribute).Assembly).Where(c => !c.IsAlias))
        {
            if (code.Status == ResultStatus.Invalid)
            {
                Assert.True(code.Identifiers.Count > 0, $"{code.Constant} ({code.Value}) is Invalid and declares no identifier");
            }
            else
            {
                Assert.True(code.Identifiers.Count == 0, $"{code.Constant} ({code.Value}) is {code.Status}: its message carries no identifier, yet it declares some");
            }
        }
    }

    /// <summary>
    /// Every identifier the library's source writes out as a literal beside a code
    /// (<c>DomainErrors.Refusal(language, "technician", CommonErrors.MissingText)</c>,
    /// <c>DomainErrors.Validation("annuities", RulebookErrors.NoAnnuity, ...)</c>) is one that
    /// code declares: the runs check the errors they happen to make, this checks those no run
    /// made. Identifiers built at run time (paths with positions) are left to the runs.
    /// </summary>
    [Fact]
    public void EveryLiteralIdentifierInTheLibrarysSource_IsOneItsCodeDeclares()
    {
        var library = typeof(ErrorStatusAttribute).Assembly;
        var constants = ErrorCodes.In(library).Where(c => !c.IsAlias).ToDictionary(c => c.Constant, StringComparer.Ordinal);
        var call = new Regex("""(?:Refusal|Validation)\((?:[\w.]+,\s*)?"(?<id>[^"]*)",\s*(?:[\w.]*\.)?(?<constant>\w+Errors\.\w+)""", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        int seen = 0;
        foreach (var file in Directory.EnumerateFiles(LibrarySource(), "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match m in call.Matches(File.ReadAllText(file)))
            {
                var constant = m.Groups["constant"].Value;
                Assert.True(constants.TryGetValue(constant, out var code), $"{Path.GetFileName(file)}: {constant} is not a code of the library");
                Assert.True(
                    ErrorCodes.Matches(code.Identifiers, m.Groups["id"].Value),
                    $"{Path.GetFileName(file)}: {code.Constant} ({code.Value}) at '{m.Groups["id"].Value}', which it does not declare; it declares {string.Join(", ", code.Identifiers)}");
                seen++;
            }
        }

        Assert.True(seen > 50, $"only {seen} refusals with a literal identifier found: the scan no longer reads the library's calls");
    }

    private static string LibrarySource() => Path.Combine(Golden.RepositoryRoot(), "src", "Pimex.Core");

    [Theory]
    [InlineData("declaredAid[i].amount", "declaredAid[12].amount", true)]
    [InlineData("declaredAid[i].amount", "declaredAid[x].amount", false)]
    [InlineData("declaredAid[i].amount", "declaredAid[1].amount.more", false)]
    [InlineData("*Related[i].Name", "Earlier[0].Related[2].Related[0].Name", true)]
    [InlineData("*Related[i].Name", "Related[0].Share", false)]
    [InlineData("$*", "$.parameters.sme.microStaffBelow[0].value", true)]
    [InlineData("$*", "$['odd, key']", true)]
    [InlineData("$.*", "$", false)]
    [InlineData("at", "at.date", false)]
    public void Matches_ReadsIndexAndWildcard(string declared, string identifier, bool matches) =>
        Assert.Equal(matches, ErrorCodes.Matches([declared], identifier));

    [Fact]
    public void DocsErrors_IsTheCatalogueTheCodeDeclares() => Golden.MatchesRepositoryFile(Catalogue(), "docs/errors.md");

    private static string Catalogue()
    {
        var md = new StringBuilder();
        md.Append("# Error codes\n\n");
        md.Append("Every refusal carries stable codes: `PIMEX-<AREA>-<NNN>`, one per problem. This page is\n");
        md.Append("generated from the code (`tests/Pimex.Cli.Tests/ErrorCatalogueTest.cs`; a test fails when it\n");
        md.Append("and the code disagree): each code's constant, the status of the `Result` that carries it\n");
        md.Append("(`[ErrorStatus]` on the constant, which the model-based test checks against every refusal it\n");
        md.Append("sees) and its meaning. The reasons themselves are worded in the language of the command's\n");
        md.Append("context (English, Spanish, Slovenian; see architecture.md, \"Refusals in the region's\n");
        md.Append("language\"); codes never change with the language.\n\n");
        md.Append("- `Invalid`: a broken rule or bad input; the result's validation errors carry the code and an\n");
        md.Append("  identifier (the field or JSON path it is about), one of those the code declares in the\n");
        md.Append("  column \"identifiers\" (`[ErrorStatus]` again; the model-based test, the rulebook and ledger\n");
        md.Append("  fuzz and the rule tests check every error they see against it). There `[i]` stands for any\n");
        md.Append("  position in a list and `*` for any text: `*Related[i].Name` is the name of a related\n");
        md.Append("  enterprise at any depth (`Related[0].Related[2].Name`), `$*` any JSON path in the\n");
        md.Append("  document (`$` itself included). A host can use them to put a refusal beside the field it\n");
        md.Append("  is about.\n");
        md.Append("- `Conflict`: a clash with the current state (already done, stale version, back in time).\n");
        md.Append("- `Forbidden`: the wrong actor. `NotFound`: a missing target.\n");
        md.Append("- The messages of `Conflict`, `Forbidden` and `NotFound` start with the code and a colon.\n");
        foreach (var (assembly, name) in Sources)
        {
            var docs = XmlDocs.Summaries(assembly);
            var codes = ErrorCodes.In(assembly);
            foreach (var area in codes.Where(c => !c.IsAlias).GroupBy(c => c.Value.Split('-')[1]))
            {
                md.Append($"\n## {area.Key}: {name}\n\n");
                md.Append("| code | status | constant | identifiers | meaning |\n|---|---|---|---|---|\n");
                foreach (var code in area)
                {
                    var identifiers = code.Identifiers.Count == 0 ? "" : string.Join(", ", code.Identifiers.Select(i => $"`{i}`"));
                    md.Append($"| `{code.Value}` | {code.Status} | `{code.Constant}` | {identifiers} | {XmlDocs.Markdown(docs.GetValueOrDefault(MemberId(code.Field), ""))} |\n");
                }
            }

            var aliases = codes.Where(c => c.IsAlias).ToList();
            if (aliases.Count > 0)
            {
                md.Append($"\n## Obsolete constants of {name}\n\n");
                md.Append("| constant | now holds | meaning |\n|---|---|---|\n");
                foreach (var alias in aliases)
                {
                    md.Append($"| `{alias.Constant}` | `{alias.Value}` | {XmlDocs.Markdown(docs.GetValueOrDefault(MemberId(alias.Field), ""))} |\n");
                }
            }
        }

        return md.ToString();
    }

    /// <summary>The XML doc id of a field: <c>F:Namespace.Type.Name</c>.</summary>
    private static string MemberId(FieldInfo field) => "F:" + field.DeclaringType!.FullName + "." + field.Name;
}
