namespace Pimex.Cli.IO;

/// <summary>Where the tool writes the files a command makes (such as <c>pimex report --html FILE</c>).</summary>
internal interface IFileTarget
{
    /// <summary>Writes a whole text file as UTF-8.</summary>
    /// <param name="path">The path as the user typed it.</param>
    /// <param name="text">The text.</param>
    /// <returns>Null, or why the file cannot be written.</returns>
    string? Write(string path, string text);
}

/// <summary>Writes files to the disk.</summary>
internal sealed class DiskFileTarget : IFileTarget
{
    /// <inheritdoc />
    public string? Write(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{path} cannot be written: {e.Message}";
        }
    }
}
