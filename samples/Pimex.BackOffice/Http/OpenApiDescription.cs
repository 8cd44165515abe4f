using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;
using Pimex.Common;
using Pimex.Monetary;

namespace Pimex.BackOffice.Http;

/// <summary>
/// What the OpenAPI document says beyond the routes, so that a client can be generated from it
/// (a test generates one with Kiota and runs a year through it): the bearer scheme every API call
/// needs; on every operation the problems it may answer (RFC 9457, with the <c>PIMEX-...</c>
/// codes) and, on commands, the <c>If-Match</c> they require and the <c>ETag</c> they answer (a
/// company's name, set with <c>PUT</c>, needs no If-Match: the last name set is kept);
/// the library's values as the JSON writes them (<c>"EUR 12.34"</c>, ISO dates and instants,
/// ids as text, lists as arrays).
/// </summary>
public static class OpenApiDescription
{
    /// <summary>The name of the bearer security scheme.</summary>
    public const string Bearer = "Bearer";

    /// <summary>The name of the problem schema in the document's components.</summary>
    public const string ProblemSchema = "Problem";

    /// <summary>The extension that names the problem's field a generated client's exception takes as its message.</summary>
    public const string PrimaryErrorMessage = "x-ms-primary-error-message";

    /// <summary>The form of an amount: an ISO 4217 currency code, a space, and the amount with at most the currency's minor digits.</summary>
    public const string MoneyPattern = @"^[A-Z]{3} -?[0-9]{1,16}(\.[0-9]{1,4})?$";

    /// <summary>The element types of lists being described on this flow, to refer to a type inside itself instead of describing it forever.</summary>
    private static readonly AsyncLocal<HashSet<Type>?> Describing = new();

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token the back office signed (HS256): sub, role, region, and company for a company representative.",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            document.Components.Schemas[ProblemSchema] = Problem();
            foreach (var schema in document.Components.Schemas.Values.OfType<OpenApiSchema>())
            {
                InlineNullableValues(schema, document.Components.Schemas);
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var route = context.Description.RelativePath ?? string.Empty;
            if (!route.StartsWith("regions/", StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var document = context.Document!;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
            bool command = string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
            bool put = string.Equals(context.Description.HttpMethod, "PUT", StringComparison.OrdinalIgnoreCase);
            bool onStream = command && !route.EndsWith("regions/{region}/editions", StringComparison.Ordinal);
            operation.Responses ??= [];
            foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
            {
                if (onStream || route.Contains("editions/{year}", StringComparison.Ordinal))
                {
                    response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                    response.Headers["ETag"] = new OpenApiHeader
                    {
                        Description = "The version of the stream the answer is about (the edition's, or the participant's when the URL names one): send it back as If-Match.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    };
                }
            }

            if (onStream)
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "The ETag you saw: the edition's version for a command on the edition, the participant's for a command on a participant.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            var refusals = new List<(int Status, string Why)>
            {
                (400, "The command breaks a rule of the library, or its input is invalid: each error with its code and path."),
                (401, "No valid bearer token."),
                (403, "This actor may not do this, or the token is for another region."),
                (404, "No such region, edition or participant."),
            };
            if (command)
            {
                refusals.Add((409, "The command clashes with the current state, or another command changed the stream first."));
            }

            if (command || put)
            {
                refusals.Add((413, "The body is larger than the limit."));
            }

            if (onStream)
            {
                refusals.Add((412, "The stream changed since the version in If-Match."));
                refusals.Add((428, "If-Match is missing."));
            }

            refusals.Add((500, "An unexpected error; nothing was saved."));
            foreach (var (status, why) in refusals)
            {
                operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
                {
                    Description = why,
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                    },
                };
            }

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer(async (schema, context, cancellation) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object && schema.Required is { Count: > 0 } required)
            {
                // Required as the reader requires it (BackOfficeJson: a field that may be null may be left out).
                foreach (var property in context.JsonTypeInfo.Properties.Where(p => !p.IsRequired))
                {
                    required.Remove(property.Name);
                }
            }

            if (type == typeof(CompanyNameRequest) && schema.Properties is { } properties && properties.TryGetValue("name", out var nameProperty) && nameProperty is OpenApiSchema name)
            {
                name.MinLength = 1;
                name.MaxLength = CompanyDirectory.MaxNameLength;
                name.Description = $"The company's name: one line of visible text (no control characters), not blank, at most {CompanyDirectory.MaxNameLength} characters once trimmed.";
            }
            else if (type == typeof(Money))
            {
                Text(schema, null, MoneyPattern, "EUR 2500.00", "An amount: an ISO 4217 currency code, a space, and the amount with at most the currency's minor digits (\"EUR 2500.00\").");
            }
            else if (type == typeof(CompanyId) || type == typeof(EditionId) || type == typeof(ParticipantId) || type == typeof(Currency))
            {
                Text(schema, null, null, type == typeof(Currency) ? "EUR" : null, null);
            }
            else if (type == typeof(LocalDate))
            {
                Text(schema, "date", null, "2016-05-10", null);
            }
            else if (type == typeof(Instant))
            {
                Text(schema, "date-time", null, "2016-05-10T09:00:00Z", null);
            }
            else if (type == typeof(DateInterval))
            {
                schema.Type = JsonSchemaType.Object;
                schema.Required = new HashSet<string>(StringComparer.Ordinal) { "start", "end" };
                schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    ["start"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                    ["end"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "The last day, included; not before the start." },
                };
            }
            else if (type == typeof(Rate))
            {
                schema.Type = JsonSchemaType.Number;
                schema.Format = null;
                schema.Properties?.Clear();
                schema.Description = "A rate as a fraction (0.75 for 75 %).";
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableDictionary<,>))
            {
                // Written as an array of { "key": ..., "value": ... }, sorted by key.
                var arguments = type.GetGenericArguments();
                schema.Type = JsonSchemaType.Array;
                schema.Properties?.Clear();
                schema.Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string>(StringComparer.Ordinal) { "key", "value" },
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["key"] = await context.GetOrCreateSchemaAsync(arguments[0], null, cancellation),
                        ["value"] = await context.GetOrCreateSchemaAsync(arguments[1], null, cancellation),
                    },
                };
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            {
                schema.Type = JsonSchemaType.Array;
                schema.Properties?.Clear();
                var item = type.GetGenericArguments()[0];
                var inProgress = Describing.Value ??= [];
                if (!inProgress.Add(item))
                {
                    // A list of the type being described (a related enterprise's own related enterprises): a reference to it.
                    schema.Items = new OpenApiSchemaReference(item.Name, context.Document);
                    return;
                }

                try
                {
                    schema.Items = await context.GetOrCreateSchemaAsync(item, null, cancellation);
                }
                finally
                {
                    inProgress.Remove(item);
                }
            }
        });
    }

    private static void Text(OpenApiSchema schema, string? format, string? pattern, string? example, string? description)
    {
        schema.Type = JsonSchemaType.String;
        schema.Format = format;
        schema.Pattern = pattern;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        if (example is not null)
        {
            schema.Examples = [JsonValue.Create(example)];
        }

        if (description is not null)
        {
            schema.Description = description;
        }
    }

    /// <summary>
    /// A property that may be null and holds a value written as text (<c>"EUR 12.34"</c>, a date)
    /// is described as that text or null, in place: the generator's own form, a <c>oneOf</c> of
    /// null and a reference to the value's schema, makes client generators (Kiota) take the value
    /// for an object with no properties, which would be sent as <c>{}</c>.
    /// </summary>
    private static void InlineNullableValues(OpenApiSchema schema, IDictionary<string, IOpenApiSchema> components)
    {
        if (schema.Properties is null)
        {
            return;
        }

        foreach (var (name, property) in schema.Properties.ToList())
        {
            if (property is not OpenApiSchema { OneOf: { Count: 2 } choices }
                || !choices.Any(c => c is OpenApiSchema { Type: JsonSchemaType.Null })
                || choices.OfType<OpenApiSchemaReference>().SingleOrDefault() is not { Reference.Id: { } id }
                || !components.TryGetValue(id, out var target)
                || target.Type is not { } type
                || (type & (JsonSchemaType.Object | JsonSchemaType.Array)) != 0)
            {
                continue;
            }

            schema.Properties[name] = new OpenApiSchema
            {
                Type = type | JsonSchemaType.Null,
                Format = target.Format,
                Pattern = target.Pattern,
                Description = property.Description ?? target.Description,
                Examples = target.Examples?.ToList(),
            };
        }
    }

    /// <summary>An RFC 9457 problem as the back office writes it (<see cref="Problems"/>).</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details with the stable PIMEX codes.",
        Required = new HashSet<string>(StringComparer.Ordinal) { "status", "codes", "errors" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Why, in words.",

                // Generated clients (Kiota) take it for their exception's message.
                Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal) { [PrimaryErrorMessage] = new JsonNodeExtension(JsonValue.Create(true)) },
            },
            ["codes"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "The stable codes (PIMEX-...), each once." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string>(StringComparer.Ordinal) { "code", "message" },
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["path"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The field or JSON path the error is about." },
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
        },
    };
}
