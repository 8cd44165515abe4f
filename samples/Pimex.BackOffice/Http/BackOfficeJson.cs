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
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConfigureForPimex();
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
