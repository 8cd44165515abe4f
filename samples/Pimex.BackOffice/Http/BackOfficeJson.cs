using System.Text.Json;
using Pimex.Serialization.SystemTextJson;

namespace Pimex.BackOffice.Http;

/// <summary>
/// The JSON of requests and responses: Pimex.Core.Serialization.SystemTextJson's form of the
/// library's values, strict about nulls and missing constructor parameters so that bad input is
/// a 400 at the door and never reaches the library's guards.
/// </summary>
public static class BackOfficeJson
{
    public static JsonSerializerOptions Options { get; } = Create(strict: false);

    /// <summary>
    /// The options command bodies are read with: <see cref="Options"/>, and besides a field the
    /// command does not have, or the same field twice, is a 400 rather than silently ignored
    /// (a misspelt <c>reson</c> would otherwise vanish, and two values for one field are
    /// ambiguous).
    /// </summary>
    public static JsonSerializerOptions Requests { get; } = Create(strict: true);

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConfigureForPimex();
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
    }

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        if (strict)
        {
            options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            options.AllowDuplicateProperties = false;
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
