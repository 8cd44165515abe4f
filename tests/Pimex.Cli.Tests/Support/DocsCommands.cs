using System.Text;
using System.Text.RegularExpressions;
using Pimex.Cli.IO;

namespace Pimex.Cli.Tests.Support;

/// <summary>One command line of a guide: its arguments and the file its output is redirected to, if any.</summary>
internal sealed record GuideCommand(string Line, string[] Args, string? RedirectTo);

/// <summary>
/// Reads the <c>sh</c> code blocks of a Markdown guide as the command lines a reader types,
/// and runs them through the tool in-process, in a working folder of their own where the
/// repository's <c>docs/</c> are visible (copied beside the tests) and redirected output lands.
/// </summary>
internal static partial class DocsCommands
{
    /// <summary>The folder the tests' copy of <c>docs/</c> sits in: the repository root, as the guides see it.</summary>
    public static string Root => AppContext.BaseDirectory;

    /// <summary>Every <c>pimex</c> command line of the guide's <c>sh</c> blocks, in order.</summary>
    public static IReadOnlyList<GuideCommand> Read(string markdown)
    {
        var commands = new List<GuideCommand>();
        foreach (Match block in ShBlock().Matches(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            foreach (var raw in block.Groups[1].Value.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var words = Split(line);
                Assert.True(words.Count > 0 && words[0] == "pimex", $"A guide's sh line that is not a pimex command: {line}");
                string? redirect = null;
                int gt = words.IndexOf(">");
                if (gt >= 0)
                {
                    Assert.True(gt == words.Count - 2, $"A redirection must end the line: {line}");
                    redirect = words[^1];
                    words = words[..gt];
                }

                commands.Add(new GuideCommand(line, [.. words.Skip(1)], redirect));
            }
        }

        return commands;
    }

    /// <summary>Splits a command line as a POSIX shell would for these guides: words, single and double quotes.</summary>
    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();
}

/// <summary>
/// Files as a reader of the guides sees them: a relative path is looked up first among the
/// files the guide's commands wrote, then under <see cref="DocsCommands.Root"/>; every read
/// goes through the tool's own disk reader.
/// </summary>
internal sealed class GuideFiles : IFileSource
{
    private readonly DiskFileSource disk = new();

    public string WorkFolder { get; } = Directory.CreateTempSubdirectory("pimex-guide-").FullName;

    public FileText Read(string path) => disk.Read(Resolve(path));

    public void Write(string path, string text) => File.WriteAllText(Path.Combine(WorkFolder, path), text);

    private string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || path == DiskFileSource.StandardInput)
        {
            return path;
        }

        var written = Path.Combine(WorkFolder, path);
        return File.Exists(written) ? written : Path.Combine(DocsCommands.Root, path);
    }
}
