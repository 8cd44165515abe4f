using Ardalis.Result;

namespace Pimex.BackOffice.Tests.Support;

/// <summary>Reads a result the test expects to succeed, failing with its reasons otherwise.</summary>
internal static class Made
{
    /// <summary>The value of a successful result; fails the test with the result's codes and reasons otherwise (or when there is none).</summary>
    public static T Ok<T>(this Result<T>? result)
    {
        Assert.NotNull(result);
        Assert.True(result.IsSuccess, $"{result.Status}: " + string.Join("; ", result.ValidationErrors.Select(e => $"{e.ErrorCode} {e.ErrorMessage}").Concat(result.Errors)));
        return result.Value;
    }
}
