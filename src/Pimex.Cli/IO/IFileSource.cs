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
    /// <param name="path">The path as the user typed it.</param>
    /// <returns>Its text, or the reason it cannot be read.</returns>
    FileText Read(string path);
}

/// <summary>Reads files from the disk, as UTF-8, refusing files larger than 64 MiB.</summary>
internal sealed class DiskFileSource : IFileSource
{
    /// <summary>The largest file read, in bytes.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <inheritdoc />
    public FileText Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new FileText(null, Directory.Exists(path) ? $"{path} is a directory, not a file." : $"{path} does not exist.");
            }

            if (info.Length > MaxBytes)
            {
                return new FileText(null, $"{path} is larger than {MaxBytes / (1024 * 1024)} MiB.");
            }

            return new FileText(File.ReadAllText(path), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new FileText(null, $"{path} cannot be read: {ex.Message}");
        }
    }
}
