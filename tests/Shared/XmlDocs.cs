using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Pimex.Tests.Support;

/// <summary>
/// The XML documentation of an assembly, read from the file beside it, as the generated pages
/// (<c>docs/errors.md</c>, <c>docs/rules.md</c>) show it. Linked into the test projects that
/// generate them.
/// </summary>
internal static partial class XmlDocs
{
    [GeneratedRegex("<see(?:also)? cref=\"(?:[A-Z]:)?(?:[\\w.]+\\.)?([\\w]+(?:\\.[\\w]+)?)(?:\\([^\"]*\\))?\"\\s*/>")]
    private static partial Regex SeeCref();

    [GeneratedRegex("<c>(.*?)</c>|<(?:type)?paramref name=\"(\\w+)\"\\s*/>")]
    private static partial Regex Code();

    /// <summary>The summaries of an assembly's members (internal ones too), by XML doc id.</summary>
    public static Dictionary<string, string> Summaries(Assembly assembly)
    {
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(file), $"no XML documentation beside {assembly.Location}");
        return XDocument.Load(file).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => string.Concat(m.Element("summary")!.Nodes().Select(n => n.ToString())), StringComparer.Ordinal);
    }

    /// <summary>An XML summary as one line of Markdown: references and code in backticks, white space folded.</summary>
    public static string Markdown(string summary)
    {
        var text = SeeCref().Replace(summary, m => "`" + m.Groups[1].Value + "`");
        text = Code().Replace(text, m => "`" + m.Groups[1].Value + m.Groups[2].Value + "`");
        text = Regex.Replace(text, "<[^>]+>", string.Empty);
        text = Regex.Replace(text, "\\s+", " ").Trim();
        return text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
    }
}
