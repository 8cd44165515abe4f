namespace Pimex.BackOffice.Http;

/// <summary>
/// The identifiers a URL carries in its path (<c>{company}</c> of a participant or of the company
/// directory, <c>{claim}</c>), checked before
/// anything reads the store: a segment that can never name a company or a claim (blank, as
/// the library's ids refuse, or holding U+0000, which PostgreSQL cannot store) is a 400 problem
/// naming the segment, never a crash further in. Anything else is looked up, and what is not
/// there is a 404.
/// </summary>
public static class PathSegments
{
    /// <summary>The route values checked, when the route has them.</summary>
    private static readonly string[] Checked = ["company", "claim"];

    /// <summary>The refusal of a segment that can never be an identifier; null when it may be one.</summary>
    public static IResult? Refusal(string name, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedPath, $"The {name} in the path is blank.", name)
            : value.Contains('\0', StringComparison.Ordinal)
                ? Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedPath, $"The {name} in the path holds the NUL character.", name)
                : null;

    /// <summary>An endpoint filter that refuses a request whose <c>{company}</c> or <c>{claim}</c> can never be one.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var values = context.HttpContext.Request.RouteValues;
        foreach (var name in Checked)
        {
            if (values.TryGetValue(name, out var value) && Refusal(name, value as string) is { } refused)
            {
                return refused;
            }
        }

        return await next(context);
    }
}
