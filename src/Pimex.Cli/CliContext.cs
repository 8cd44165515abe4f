using Pimex.Cli.IO;

namespace Pimex.Cli;

/// <summary>What every command writes to and reads from.</summary>
/// <param name="Out">Standard output: the result (a report, a table, JSON).</param>
/// <param name="Error">Standard error: diagnostics.</param>
/// <param name="Files">Where files are read from.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IFileSource Files)
{
    /// <summary>Where files are written (an HTML report): the disk unless a host gives another.</summary>
    public IFileTarget Target { get; init; } = new DiskFileTarget();

    /// <summary>Writes a diagnostic line to standard error.</summary>
    /// <param name="message">The message.</param>
    public void Fail(string message) => Error.WriteLine("pimex: " + message);
}
