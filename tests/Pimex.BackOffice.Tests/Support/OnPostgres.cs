namespace Pimex.BackOffice.Tests.Support;

/// <summary>The back office tests run one class at a time: they share a PostgreSQL server and two cores.</summary>
[CollectionDefinition(Name)]
public sealed class OnPostgres
{
    public const string Name = "back office on PostgreSQL";
}
