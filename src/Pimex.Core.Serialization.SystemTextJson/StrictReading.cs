using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pimex.Common;

namespace Pimex.Serialization.SystemTextJson;

/// <summary>Which fields of the library's records a reader requires to be present.</summary>
public enum RequiredFields
{
    /// <summary>
    /// Every field: the stored form. The package writes every field of every record, a null
    /// included, so an absent one is damage and its read is a <see cref="JsonException"/>,
    /// never a default. For events and the library's values read back from a store.
    /// </summary>
    All,

    /// <summary>
    /// As the host's options say (for example
    /// <c>JsonSerializerOptions.RespectRequiredConstructorParameters</c>): for input written by
    /// people or clients, such as a request body, where an optional field (a parameter with a
    /// default value, an <c>init</c> property) may be left out.
    /// </summary>
    AsDeclared,
}

/// <summary>
/// The reading rules of the library's records: each field present (<see cref="RequiredFields.All"/>),
/// and never null where its type is not nullable (in both modes), the items of its lists included.
/// </summary>
internal static class StrictReading
{
    /// <summary>Whether the type is one of the library's records (read field by field, not by a converter).</summary>
    public static bool IsLibraryRecord(JsonTypeInfo info) =>
        info.Kind == JsonTypeInfoKind.Object && info.Type.Assembly == typeof(DomainEvent).Assembly;

    /// <summary>
    /// Marks every field of the library's records required, and those of this package's own (a
    /// dictionary's entries); and writes every one of them, a null included, whatever the
    /// options' <c>DefaultIgnoreCondition</c>, so that what is written reads back.
    /// </summary>
    public static void RequireEveryField(JsonTypeInfo info)
    {
        if (!IsLibraryRecord(info) && !(info.Kind == JsonTypeInfoKind.Object && info.Type.Assembly == typeof(StrictReading).Assembly))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Set is not null))
        {
            property.IsRequired = true;
            property.ShouldSerialize = static (_, _) => true;
        }
    }

    /// <summary>Refuses, once an object is read, a null in a field or a list item whose type does not allow it.</summary>
    /// <remarks>A generic record is left out: its items' nullability is its type arguments', which reflection cannot see.</remarks>
    public static void RefuseNulls(JsonTypeInfo info)
    {
        if (!IsLibraryRecord(info) || info.Type.IsGenericType)
        {
            return;
        }

        var context = new NullabilityInfoContext();
        var checks = new List<(string Name, Func<object, object?> Get, bool ValueNotNull, bool ItemsNotNull)>();
        foreach (var property in info.Properties)
        {
            if (property.Get is not { } get || property.AttributeProvider is not PropertyInfo member)
            {
                continue;
            }

            var nullability = context.Create(member);
            bool valueNotNull = !member.PropertyType.IsValueType && nullability.ReadState == NullabilityState.NotNull;
            bool itemsNotNull = ItemsAreNotNull(member.PropertyType, nullability);
            if (valueNotNull || itemsNotNull)
            {
                checks.Add((property.Name, get, valueNotNull, itemsNotNull));
            }
        }

        if (checks.Count == 0)
        {
            return;
        }

        var name = info.Type.Name;
        var previous = info.OnDeserialized;
        info.OnDeserialized = read =>
        {
            previous?.Invoke(read);
            foreach (var (field, get, valueNotNull, itemsNotNull) in checks)
            {
                var value = get(read);
                if (value is null)
                {
                    if (valueNotNull)
                    {
                        throw new JsonException($"'{field}' of {name} is null: its type does not allow it.");
                    }

                    continue;
                }

                if (itemsNotNull && value is IEnumerable items)
                {
                    int i = 0;
                    foreach (var item in items)
                    {
                        if (item is null)
                        {
                            throw new JsonException($"'{field}[{i}]' of {name} is null: its items' type does not allow it.");
                        }

                        i++;
                    }
                }
            }
        };
    }

    /// <summary>Whether a list's items are of a reference type declared not nullable (dictionaries' values are left to their own types).</summary>
    private static bool ItemsAreNotNull(Type type, NullabilityInfo nullability)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return false;
        }

        var item = nullability.ElementType ?? (nullability.GenericTypeArguments.Length == 1 ? nullability.GenericTypeArguments[0] : null);
        return item is not null && !item.Type.IsValueType && item.ReadState == NullabilityState.NotNull;
    }
}
