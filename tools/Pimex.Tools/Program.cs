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

    /// <summary>Runs a tool, on the process's standard output and error.</summary>
    /// <param name="args">The tool's name.</param>
    /// <returns>0 when done, 2 for an unknown tool.</returns>
    public static int Main(string[] args)
    {
        using var output = Console.OpenStandardOutput();
        return Run(args, output, Console.Error);
    }

    /// <summary>Runs a tool.</summary>
    /// <param name="args">The tool's name.</param>
    /// <param name="output">Where its output goes: the bytes as generated (UTF-8, line feeds, no byte-order mark), whatever the console's encoding.</param>
    /// <param name="error">Where the usage goes when the tool is unknown.</param>
    /// <returns>0 when done, 2 for an unknown tool.</returns>
    public static int Run(string[] args, Stream output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["generate-2016"])
        {
            output.Write(Encoding.UTF8.GetBytes(Edition2016Generator.Generate()));
            return 0;
        }

        if (args is [] or ["--help"] or ["-h"])
        {
            output.Write(Encoding.UTF8.GetBytes(Usage.ReplaceLineEndings("\n")));
            return 0;
        }

        error.Write(Usage.ReplaceLineEndings("\n"));
        return 2;
    }
}
