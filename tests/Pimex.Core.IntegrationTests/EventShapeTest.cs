using System.Reflection;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Pimex.Common;

namespace Pimex.IntegrationTests;

/// <summary>
/// An event's shape does not change without its schema version: the shape of each event type
/// (its JSON fields, their types, nullability and enum members, recursively) is described from
/// the serializer's own contract and compared with the frozen description of its current schema
/// version, <c>Golden/Shapes/{Type}.v{N}.txt</c>.
/// </summary>
/// <remarks>
/// A shape's file is written once, when its version is new (run with <c>PIMEX_GOLDEN_DIR</c> set
/// to the <c>Golden</c> folder, which writes only the files that do not exist), and never again: the events of schema version 1 are frozen, and so is their description. A new
/// shape is a new version beside the old one, with an upcaster and a new golden event.
/// </remarks>
public sealed class EventShapeTest
{
    private static string ShapesFolder(string root) => Path.Combine(root, "Golden", "Shapes");

    private static string ShapeFile(string type, int version) => $"{type}.v{version}.txt";

    [Fact]
    public void EveryEventType_HasTheShapeFrozenForItsSchemaVersion()
    {
        var update = Environment.GetEnvironmentVariable("PIMEX_GOLDEN_DIR");
        var problems = new List<string>();
        foreach (var (name, type) in PimexJson.EventTypes.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            int version = PimexJson.EventSchemaVersions[name];
            var file = ShapeFile(name, version);
            var described = Describe(type);
            var frozen = Path.Combine(ShapesFolder(AppContext.BaseDirectory), file);
            if (!File.Exists(frozen))
            {
                var target = string.IsNullOrEmpty(update) ? null : Path.Combine(update, "Shapes", file);
                if (target is not null && !File.Exists(target))
                {
                    // A new version's shape is written once; an existing one never is (see below).
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllText(target, described);
                    continue;
                }

                problems.Add($"{name} is at schema version {version}, which has no frozen shape Golden/Shapes/{file}: run this test once with PIMEX_GOLDEN_DIR set to the Golden folder to write it, then review and commit it.");
                continue;
            }

            if (File.ReadAllText(frozen).ReplaceLineEndings("\n") != described)
            {
                problems.Add(
                    $"The shape of {name} changed, but its schema version is still {version}, whose shape is frozen in Golden/Shapes/{file} "
                    + "(events already stored at that version must read back the same forever, so the file is never re-approved). "
                    + $"Give {name} version {version + 1} in PimexJson.EventSchemaVersions, add an EventUpcaster from version {version} to PimexJson.Upcasters, "
                    + $"add the golden event Golden/{EventJsonTest.GoldenFile(name, version + 1)} beside the old one (PIMEX_GOLDEN_DIR), and write "
                    + $"Golden/Shapes/{ShapeFile(name, version + 1)} the same way (PIMEX_GOLDEN_DIR writes only files that do not exist). A shared value (an actor, an amount, an id) changes every event that holds it.\n"
                    + $"Now:\n{described}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void EveryFrozenShape_IsOfAKnownEventAtAVersionNotAboveItsCurrentOne()
    {
        foreach (var path in Directory.GetFiles(ShapesFolder(AppContext.BaseDirectory), "*.txt"))
        {
            var parts = Path.GetFileNameWithoutExtension(path).Split(".v");
            Assert.True(PimexJson.EventSchemaVersions.TryGetValue(parts[0], out var current), $"{Path.GetFileName(path)} is not the shape of an event type.");
            Assert.InRange(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 1, current);
        }
    }

    [Fact]
    public void TheDescription_SeesAFieldAddedToAValueDeepInAnEvent()
    {
        // The description must be able to fail: a record like Actor with one more field, nested as events nest it.
        var actor = Describe(typeof(Holder<Actor>));
        var widened = Describe(typeof(Holder<WiderActor>));
        Assert.NotEqual(actor.Replace(nameof(WiderActor), nameof(Actor), StringComparison.Ordinal), widened.Replace(nameof(WiderActor), nameof(Actor), StringComparison.Ordinal));
        Assert.Contains("    cap: Money", widened, StringComparison.Ordinal);
    }

    /// <summary>The shape of a type's JSON, as the serializer's contract (<see cref="PimexJson.Options"/>) has it.</summary>
    internal static string Describe(Type type)
    {
        var text = new StringBuilder();
        text.Append(type.Name).Append('\n');
        DescribeFields(type, 1, [type], text);
        return text.ToString();
    }

    private static void DescribeFields(Type type, int depth, HashSet<Type> open, StringBuilder text)
    {
        var info = PimexJson.Options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var context = new NullabilityInfoContext();
        foreach (var property in info.Properties)
        {
            bool nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || (property.AttributeProvider is PropertyInfo member && !member.PropertyType.IsValueType && context.Create(member).ReadState != NullabilityState.NotNull);
            DescribeValue(property.Name, property.PropertyType, nullable, depth, open, text);
        }
    }

    private static void DescribeValue(string name, Type type, bool nullable, int depth, HashSet<Type> open, StringBuilder text)
    {
        var indent = new string(' ', depth * 2);
        type = Nullable.GetUnderlyingType(type) ?? type;
        text.Append(indent).Append(name).Append(": ").Append(TypeName(type)).Append(nullable ? "?" : string.Empty);
        if (type.IsEnum)
        {
            text.Append(" (").Append(string.Join(" | ", Enum.GetNames(type))).Append(')');
        }

        var item = ItemType(type);
        if (item is not null)
        {
            text.Append('\n');
            DescribeValue("[]", item, nullable: false, depth + 1, open, text);
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableDictionary<,>))
        {
            text.Append('\n');
            DescribeValue("key", type.GetGenericArguments()[0], nullable: false, depth + 1, open, text);
            DescribeValue("value", type.GetGenericArguments()[1], nullable: false, depth + 1, open, text);
            return;
        }

        if (!open.Add(type))
        {
            text.Append(" (as above)\n");
            return;
        }

        text.Append('\n');
        DescribeFields(type, depth + 1, open, text);
        open.Remove(type);
    }

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>) ? type.GetGenericArguments()[0]
        : type != typeof(string) && type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable
            && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableDictionary<,>))
            && PimexJson.Options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Enumerable
            ? enumerable.GetGenericArguments()[0]
            : null;

    private static string TypeName(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
            : type.Name;

    private sealed record Holder<T>(T Inner);

    private sealed record WiderActor(string Id, ActorRole Role, Monetary.Money Cap, CompanyId? Company = null);
}
