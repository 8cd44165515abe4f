using System.Text;

namespace Pimex.Cli.IO;

/// <summary>What reading a file gave: its text, or why it could not be read.</summary>
/// <param name="Text">The text, or null.</param>
/// <param name="Error">Why it could not be read, or null.</param>
internal sealed record FileText(string? Text, string? Error);

/// <summary>
/// Where the tool reads files from: the disk in the real tool, a dictionary in tests. The tool
/// only reads; the library never touches files.
/// </summary>
internal interface IFileSource
{
    /// <summary>Reads a whole text file.</summary>
    /// <param name="path">The path as the user typed it; <c>-</c> is standard input.</param>
    /// <returns>Its text, or the reason it cannot be read.</returns>
    FileText Read(string path);
}

/// <summary>
/// Reads each path once and remembers what it gave: standard input, a pipe or a FIFO can only
/// be read once, and a command that looks at a file twice (its "extends", then the rulebook)
/// must see the same text both times.
/// </summary>
/// <param name="inner">The source that reads.</param>
internal sealed class ReadOnceFileSource(IFileSource inner) : IFileSource
{
    private readonly Dictionary<string, FileText> read = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public FileText Read(string path)
    {
        if (!read.TryGetValue(path, out var text))
        {
            text = inner.Read(path);
            read[path] = text;
        }

        return text;
    }
}

/// <summary>
/// Reads files from the disk (and <c>-</c> from standard input) as UTF-8 text, streaming: it
/// stops at 64 MiB whatever the file claims its size is (a FIFO, <c>/dev/zero</c>), refuses
/// binary input at its first NUL byte, and refuses bytes that are not UTF-8, each with one
/// clear sentence.
/// </summary>
/// <param name="standardInput">Opens standard input; the console's by default.</param>
internal sealed class DiskFileSource(Func<Stream>? standardInput = null) : IFileSource
{
    /// <summary>The largest input read, in bytes.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc />
    public FileText Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == StandardInput)
        {
            using var stdin = (standardInput ?? Console.OpenStandardInput)();
            return ReadText(stdin, "standard input");
        }

        try
        {
            if (Directory.Exists(path))
            {
                return new FileText(null, $"{path} is a directory, not a file.");
            }

            if (!File.Exists(path))
            {
                return new FileText(null, $"{path} does not exist.");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            return ReadText(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new FileText(null, $"{path} cannot be read: {ex.Message}");
        }
    }

    /// <summary>Reads a stream to its end, or to the first sign that it is not a text file of a sane size.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="name">How to name it in a message.</param>
    /// <returns>The text, or why not.</returns>
    internal static FileText ReadText(Stream stream, string name)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        long total = 0;
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            int nul = Array.IndexOf(chunk, (byte)0, 0, n);
            if (nul >= 0)
            {
                return new FileText(null, $"{name} is not a text file (it holds a NUL byte at byte {total + nul + 1}): a rulebook is JSON text and a ledger JSON lines, in UTF-8.");
            }

            total += n;
            if (total > MaxBytes)
            {
                return new FileText(null, $"{name} is larger than {MaxBytes / (1024 * 1024)} MiB: it was not read further.");
            }

            buffer.Write(chunk, 0, n);
        }

        try
        {
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            return new FileText(StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return new FileText(null, $"{name} is not UTF-8 text (it holds bytes that are not UTF-8): save it as UTF-8.");
        }
    }
}
