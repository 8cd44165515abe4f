namespace Pimex.Tools;

/// <summary>
/// <c>Pimex.Tools</c>, the maintainers' tools (not shipped with the <c>pimex</c> tool):
/// <c>generate-2016</c> prints the ledger of the 2016 Extremadura edition that the tool embeds.
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage: Pimex.Tools generate-2016

          generate-2016   Print the ledger of the 2016 Extremadura edition, as its deterministic generator
                          writes it from the Extremadura rulebook: the text embedded in the pimex tool. Regenerate it with
                          dotnet run -c Release --project tools/Pimex.Tools -- generate-2016 > src/Pimex.Cli/Data/extremadura-2016.jsonl

        """;

    /// <summary>Runs a tool.</summary>
    /// <param name="args">The tool's name.</param>
    /// <returns>0 when done, 2 for an unknown tool.</returns>
    public static int Main(string[] args)
    {
        if (args is ["generate-2016"])
        {
            // The bytes as generated (UTF-8, line feeds, no byte-order mark), whatever the console's encoding.
            using var output = Console.OpenStandardOutput();
            output.Write(Encoding.UTF8.GetBytes(Edition2016Generator.Generate()));
            return 0;
        }

        var help = args is [] or ["--help"] or ["-h"];
        (help ? Console.Out : Console.Error).Write(Usage.ReplaceLineEndings("\n"));
        return help ? 0 : 2;
    }
}
