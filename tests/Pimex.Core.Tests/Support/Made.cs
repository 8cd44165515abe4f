using Ardalis.Result;

namespace Pimex.Tests.Support;

/// <summary>Reads a result the test expects to succeed, failing with its reasons otherwise.</summary>
internal static class Made
{
    /// <summary>The value of a successful result; an <see cref="InvalidOperationException"/> with the result's codes and reasons otherwise.</summary>
    public static T Ok<T>(this Result<T> result) => Scenario.Must(result);
}
