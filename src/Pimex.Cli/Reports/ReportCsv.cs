using System.Text.Json.Nodes;

namespace Pimex.Cli.Reports;

/// <summary>
/// A report's JSON as one CSV file a spreadsheet opens in the report's language: one value per
/// line, in the columns <c>table, row, column, value, unit</c> (the layout of
/// docs/evaluation.md). UTF-8 with a byte-order mark; in Spanish and Slovenian the separator is
/// <c>;</c> and the decimal separator <c>,</c>, in English <c>,</c> and <c>.</c>.
/// </summary>
internal static class ReportCsv
{
    private static readonly HashSet<string> MoneyColumns = new(StringComparer.Ordinal)
    {
        "allocated", "reserved", "spent", "released", "available", "amount", "capPerCompany", "max",
        "costPerCompletedParticipant", "approved", "granted", "notSupported", "cap", "ceiling", "headroom",
        "inKind", "promotionSupport", "grantedByPimex", "countedInLookBack",
    };

    /// <summary>The fields that name an item of an array: they make its row, in this order of preference.</summary>
    private static readonly string[] RowKeys = ["line", "fund", "company", "question", "code", "score", "year", "kind", "grantedOn"];

    /// <summary>The CSV text of a report's JSON, starting with the byte-order mark.</summary>
    public static string Of(JsonNode root, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(root);
        char separator = language.DecimalSeparator == ',' ? ';' : ',';
        var currency = root["currency"]?.GetValue<string>() ?? string.Empty;
        var csv = new StringBuilder("\uFEFF");
        Line(csv, separator, "table", "row", "column", "value", "unit");
        Walk(root, "report", string.Empty, csv, separator, language, currency);
        return csv.ToString();
    }

    private static void Walk(JsonNode node, string table, string row, StringBuilder csv, char separator, ReportLanguage language, string currency)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (table != "report" && Array.IndexOf(RowKeys, name) >= 0 && IsRowKeyOf(obj, name))
                    {
                        continue;
                    }

                    var child = table == "report" ? name : table + "." + name;
                    switch (value)
                    {
                        case JsonObject:
                            Walk(value, child, row, csv, separator, language, currency);
                            break;
                        case JsonArray array:
                            for (int i = 0; i < array.Count; i++)
                            {
                                var item = array[i];
                                if (item is JsonObject itemObject)
                                {
                                    var key = RowOf(itemObject, i);
                                    Walk(itemObject, child, row.Length == 0 ? key : row + "/" + key, csv, separator, language, currency);
                                }
                                else if (item is not null)
                                {
                                    Value(csv, separator, language, currency, table, row, name + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", item);
                                }
                            }

                            break;
                        default:
                            Value(csv, separator, language, currency, table, row, name, value);
                            break;
                    }
                }

                break;
            default:
                Value(csv, separator, language, currency, table, row, "value", node);
                break;
        }
    }

    private static bool IsRowKeyOf(JsonObject obj, string name)
    {
        foreach (var key in RowKeys)
        {
            if (obj.ContainsKey(key))
            {
                return key == name || (key == "code" && name == "sizeClass");
            }
        }

        return false;
    }

    private static string RowOf(JsonObject item, int index)
    {
        foreach (var key in RowKeys)
        {
            if (item[key] is JsonValue value)
            {
                var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                return key == "code" && item["sizeClass"] is JsonValue size ? text + "." + size.GetValue<string>() : text;
            }
        }

        return index.ToString(CultureInfo.InvariantCulture);
    }

    private static void Value(StringBuilder csv, char separator, ReportLanguage language, string currency, string table, string row, string column, JsonNode? value)
    {
        string text;
        string unit;
        switch (value?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                text = string.Empty;
                unit = string.Empty;
                break;
            case JsonValueKind.Number:
                text = value!.ToJsonString().Replace('.', language.DecimalSeparator);
                unit = column.EndsWith("Rate", StringComparison.Ordinal) || column == "rate" ? "%"
                    : MoneyColumns.Contains(column) || (table == "support" && column is "total" or "mean") ? currency
                    : string.Empty;
                break;
            case JsonValueKind.True or JsonValueKind.False:
                text = language.YesNo(value!.GetValue<bool>());
                unit = string.Empty;
                break;
            default:
                text = value!.GetValue<string>();
                unit = string.Empty;
                break;
        }

        Line(csv, separator, table, row, column, text, unit);
    }

    private static void Line(StringBuilder csv, char separator, params string[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(separator);
            }

            var cell = cells[i];
            if (cell.Contains(separator, StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) || cell.Contains('\n', StringComparison.Ordinal) || cell.Contains('\r', StringComparison.Ordinal))
            {
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(cell);
            }
        }

        csv.Append("\r\n");
    }
}
