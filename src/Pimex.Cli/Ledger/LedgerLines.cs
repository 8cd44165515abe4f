namespace Pimex.Cli.Ledger;

/// <summary>One line of a ledger that holds a command: its number and its trimmed text, or that it is too long to read.</summary>
/// <param name="Number">The line number, from 1 (blank lines and comments count).</param>
/// <param name="Text">The line without its surrounding white space (empty when too long).</param>
/// <param name="TooLong">Whether the line was longer than the limit (its text was not kept).</param>
internal readonly record struct LedgerLine(int Number, string Text, bool TooLong);

/// <summary>
/// Splits a ledger's text into lines as it reads it: lines end at <c>\n</c> only (a <c>\r</c>
/// before it is dropped, one elsewhere stays in the line, as JSON white space); a byte-order mark
/// opening the first line is dropped; blank lines and <c>//</c> comments are skipped but counted.
/// Only one line is held at a time, and never more than the limit of characters of it.
/// </summary>
internal sealed class LedgerLines
{
    private readonly TextReader reader;
    private readonly int maxCharacters;
    private readonly char[] buffer = new char[64 * 1024];
    private readonly System.Text.StringBuilder pending = new();
    private int start;
    private int end;
    private int number;
    private bool done;

    /// <summary>Reads lines from a reader.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="maxCharacters">The longest line kept.</param>
    public LedgerLines(TextReader reader, int maxCharacters)
    {
        this.reader = reader;
        this.maxCharacters = maxCharacters;
    }

    /// <summary>The next line holding something other than blanks or a comment, or null at the end.</summary>
    /// <returns>The line, or null.</returns>
    public LedgerLine? Next()
    {
        while (ReadRaw(out var text, out bool tooLong))
        {
            number++;
            if (tooLong)
            {
                return new LedgerLine(number, string.Empty, true);
            }

            if (number == 1)
            {
                text = text.TrimStart('\uFEFF');
            }

            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            return new LedgerLine(number, trimmed.ToString(), false);
        }

        return null;
    }

    /// <summary>Reads the text up to the next <c>\n</c> (or the end), without it nor a <c>\r</c> before it.</summary>
    private bool ReadRaw(out ReadOnlySpan<char> text, out bool tooLong)
    {
        text = default;
        tooLong = false;
        if (done)
        {
            return false;
        }

        pending.Clear();
        int length = 0;
        while (true)
        {
            if (start == end)
            {
                start = 0;
                end = reader.Read(buffer, 0, buffer.Length);
                if (end == 0)
                {
                    // The last line (the text after the last \n, possibly empty), as string.Split gives it.
                    done = true;
                    text = TrimCr(pending.ToString());
                    return true;
                }
            }

            var chunk = buffer.AsSpan(start, end - start);
            int newline = chunk.IndexOf('\n');
            int take = newline < 0 ? chunk.Length : newline;
            if (!tooLong)
            {
                if (length + take > maxCharacters)
                {
                    tooLong = true;
                    pending.Clear();
                }
                else if (newline >= 0 && pending.Length == 0)
                {
                    // The whole line is in the buffer: no copy through the builder.
                    start += newline + 1;
                    text = TrimCr(chunk[..newline]);
                    return true;
                }
                else
                {
                    pending.Append(chunk[..take]);
                }
            }

            length += take;
            if (newline >= 0)
            {
                start += newline + 1;
                text = tooLong ? default : TrimCr(pending.ToString());
                return true;
            }

            start = end;
        }
    }

    private static ReadOnlySpan<char> TrimCr(ReadOnlySpan<char> line) => line.TrimEnd('\r');
}
