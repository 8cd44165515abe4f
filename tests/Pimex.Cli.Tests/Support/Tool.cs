using Pimex.Cli.IO;
using Pimex.Cli.Ledger;

namespace Pimex.Cli.Tests.Support;

/// <summary>Files held in memory, as the tool's file source.</summary>
internal sealed class InMemoryFiles : IFileSource, IFileTarget
{
    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    /// <summary>The files the tool wrote, by path.</summary>
    public Dictionary<string, string> Written { get; } = new(StringComparer.Ordinal);

    public string? Write(string path, string text)
    {
        Written[path] = text;
        return null;
    }

    public InMemoryFiles With(string path, string text)
    {
        files[path] = text;
        return this;
    }

    public FileText Read(string path) =>
        files.TryGetValue(path, out var text) ? new FileText(text, null) : new FileText(null, $"{path} does not exist.");
}

/// <summary>What one in-process run of the tool gave.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the tool in-process, capturing its output and exit code.</summary>
internal static class Tool
{
    public static CliResult Run(params string[] args) => Run(new InMemoryFiles(), args);

    public static CliResult Run(InMemoryFiles files, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = PimexApp.Run(args, stdout, stderr, files);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The embedded 2016 ledger, read once.</summary>
    public static string Ledger2016 { get; } = EmbeddedLedgers.Extremadura2016();
}
