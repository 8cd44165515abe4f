namespace Pimex.Cli.IO;

/// <summary>What reading a file gave: its text, or why it could not be read.</summary>
/// <param name="Text">The text, or null.</param>
/// <param name="Error">Why it could not be read, or null.</param>
internal sealed record FileText(string? Text, string? Error);

/// <summary>
/// A text file opened for reading as a stream, as many times as asked (each call of
/// <see cref="Open"/> starts again from its beginning), or why it cannot be read.
/// </summary>
/// <param name="Open">Opens a new reader over the text, or null.</param>
/// <param name="Error">Why the file cannot be read, or null.</param>
/// <remarks>
/// A reader over a file on disk checks the bytes as it goes: a NUL byte throws
/// <see cref="NotTextException"/>, bytes that are not UTF-8 throw
/// <see cref="DecoderFallbackException"/>; <see cref="Describe"/> says either in one sentence.
/// </remarks>
internal sealed record TextStream(Func<TextReader>? Open, string? Error)
{
    /// <summary>A text held in memory.</summary>
    /// <param name="text">What reading the whole file gave.</param>
    /// <returns>The stream over it.</returns>
    public static TextStream Of(FileText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var held = text.Text;
        return held is null ? new TextStream(null, text.Error) : new TextStream(() => new StringReader(held), null);
    }

    /// <summary>Why reading stopped, in the same sentence as <see cref="DiskFileSource"/> gives; null when the exception is not about the file's bytes.</summary>
    /// <param name="exception">What reading threw.</param>
    /// <param name="name">The file's name.</param>
    /// <returns>The sentence, or null.</returns>
    public static string? Describe(Exception exception, string name) => exception switch
    {
        NotTextException e => $"{name} {e.Message}",
        DecoderFallbackException => DiskFileSource.NotUtf8(name),
        IOException or UnauthorizedAccessException => $"{name} cannot be read: {exception.Message}",
        _ => null,
    };
}

/// <summary>A file read as a stream held a NUL byte: it is not text. The message completes "FILE ...".</summary>
internal sealed class NotTextException : IOException
{
    /// <summary>Creates the exception.</summary>
    public NotTextException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public NotTextException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause.</param>
    public NotTextException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

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

    /// <summary>
    /// Opens a text file to be read as a stream, possibly several times (a ledger is read once to
    /// check it and once to apply it). By default the whole text is read once and held.
    /// </summary>
    /// <param name="path">The path as the user typed it; <c>-</c> is standard input.</param>
    /// <returns>The reopenable stream, or why the file cannot be read.</returns>
    TextStream OpenStream(string path) => TextStream.Of(Read(path));
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

    /// <inheritdoc />
    /// <remarks>A path already read, and standard input, are held (they are read once); a file on disk is streamed.</remarks>
    public TextStream OpenStream(string path) =>
        read.ContainsKey(path) || path == DiskFileSource.StandardInput ? TextStream.Of(Read(path)) : inner.OpenStream(path);
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
            return new FileText(null, NotUtf8(name));
        }
    }

    /// <summary>The sentence for bytes that are not UTF-8.</summary>
    /// <param name="name">The file's name.</param>
    /// <returns>The sentence.</returns>
    internal static string NotUtf8(string name) => $"{name} is not UTF-8 text (it holds bytes that are not UTF-8): save it as UTF-8.";

    /// <summary>The sentence for a NUL byte, after the file's name.</summary>
    /// <param name="position">The byte's position, from 1.</param>
    /// <returns>The sentence.</returns>
    internal static string HoldsNul(long position) =>
        string.Create(CultureInfo.InvariantCulture, $"is not a text file (it holds a NUL byte at byte {position}): a rulebook is JSON text and a ledger JSON lines, in UTF-8.");

    /// <inheritdoc />
    /// <remarks>
    /// A file is streamed, with no limit of size: it is opened once here (a pipe or a FIFO is
    /// read once, as it comes), and the first reader reads that opening, decoding strict UTF-8 and
    /// stopping at a NUL byte; a later reader opens the file again. Standard input is read whole
    /// (64 MiB at most), as <see cref="Read"/> does.
    /// </remarks>
    public TextStream OpenStream(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == StandardInput || Directory.Exists(path) || !File.Exists(path))
        {
            return TextStream.Of(Read(path));
        }

        Stream Open() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        Stream? opened;
        try
        {
            opened = Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new TextStream(null, $"{path} cannot be read: {ex.Message}");
        }

        return new TextStream(
            () =>
            {
                var stream = Interlocked.Exchange(ref opened, null) ?? Open();
                return new StreamReader(new NulCheckingStream(stream), StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
            },
            null);
    }

    /// <summary>Passes a file's bytes through, throwing <see cref="NotTextException"/> at the first NUL byte.</summary>
    private sealed class NulCheckingStream(Stream inner) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            int nul = buffer[..n].IndexOf((byte)0);
            if (nul >= 0)
            {
                throw new NotTextException(HoldsNul(position + nul + 1));
            }

            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
