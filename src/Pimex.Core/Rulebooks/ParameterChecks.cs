using NodaTime.Text;
using Pimex.Rulebooks.Json;

namespace Pimex.Rulebooks;

/// <summary>
/// A check across parameters, declared in the catalogue (<see cref="Parameters.Orderings"/>):
/// the loader applies each to a base rulebook and to a partner merged over its base.
/// </summary>
internal abstract record ParameterCheck
{
    /// <summary>Reports each problem of the timelines.</summary>
    /// <param name="context">Where to report.</param>
    /// <param name="timelines">Every timeline read so far by parameter name (a missing or broken one is reported already).</param>
    /// <param name="pathOf">A parameter's JSON path in the document, or null when the document does not state it (inherited).</param>
    public abstract void Check(JsonReadContext context, IReadOnlyDictionary<string, ITimeline> timelines, Func<ParameterDefinition, string?> pathOf);
}

/// <summary>
/// On every date, the value of <paramref name="Lower"/> is below that of <paramref name="Upper"/>
/// (<see cref="RulebookErrors.OutOfRange"/> otherwise), such as the survey scale's minimum and
/// maximum.
/// </summary>
/// <typeparam name="T">The two parameters' value type.</typeparam>
/// <param name="Lower">The parameter whose value must be lower.</param>
/// <param name="Upper">The parameter whose value must be higher.</param>
/// <param name="MessageKey">The key of the problem's message (<c>rulebook.MessageKey</c>), whose arguments are the date and the two values.</param>
internal sealed record ParameterOrdering<T>(ParameterDefinition<T> Lower, ParameterDefinition<T> Upper, string MessageKey) : ParameterCheck
    where T : IComparable<T>
{
    /// <summary>
    /// Reports each date on which the lower value is not below the upper one, blaming the entry in
    /// force that this document states, the latest to start, the lower one on a tie.
    /// </summary>
    /// <inheritdoc />
    public override void Check(JsonReadContext context, IReadOnlyDictionary<string, ITimeline> timelines, Func<ParameterDefinition, string?> pathOf)
    {
        if (timelines.GetValueOrDefault(Lower.Name) is not Timeline<T> min
            || timelines.GetValueOrDefault(Upper.Name) is not Timeline<T> max)
        {
            return; // a missing or broken timeline is reported already
        }

        var blamed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var date in min.Entries.Concat(max.Entries).Select(e => e.From).Distinct().Order())
        {
            if (!min.TryGetEntry(date, out var low) || !max.TryGetEntry(date, out var high) || low.Value.CompareTo(high.Value) < 0)
            {
                continue;
            }

            var (parameter, timeline, entry) = new[] { (Lower, min, low), (Upper, max, high) }
                .Where(c => pathOf(c.Item1) is not null)
                .OrderByDescending(c => c.Item3.From)
                .FirstOrDefault();
            if (parameter is null)
            {
                continue; // both entries inherited: the base was checked when it was loaded
            }

            var path = JsonReadContext.Child(JsonReadContext.Index(pathOf(parameter)!, timeline.Entries.IndexOf(entry)), "value");
            if (blamed.Add(path))
            {
                context.Error(path, RulebookErrors.OutOfRange, MessageKey, date, low.Value, high.Value);
            }
        }
    }
}
