using Marten;
using Marten.Services;
using Npgsql;

namespace Pimex.BackOffice.Store;

/// <summary>
/// Marten's log for the back office: as Marten's own, except that a lost race (two commands on
/// the same stream version: the 409 a client is told to retry) is expected, so it is logged at
/// Information, without its SQL, and not as an error. Any other failure is an error with its SQL.
/// </summary>
public sealed partial class MartenLog(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    /// <summary>The SQL state Marten's quick append raises on a stream version mismatch (before Marten turns it into its own exception).</summary>
    public const string StreamVersionMismatch = "MT003";

    [LoggerMessage(Level = LogLevel.Information, Message = "A command lost a race for a stream: nothing was saved, the client is answered 409")]
    private static partial void LostRace(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten failed on {Sql}")]
    private static partial void Failed(ILogger logger, string sql, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten failed: {Message}")]
    private static partial void FailedWith(ILogger logger, string message, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marten ran {Sql}")]
    private static partial void Ran(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed schema update SQL:\n{Sql}")]
    private static partial void Schema(ILogger logger, string sql);

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => Schema(logger, sql);

    public void LogSuccess(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Ran(logger, command.CommandText);
        }
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var sql = string.Join(";\n", batch.BatchCommands.Select((NpgsqlBatchCommand c) => c.CommandText));
            Ran(logger, sql);
        }
    }

    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(command);
        Fail(command.CommandText, ex);
    }

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Fail(string.Join(";\n", batch.BatchCommands.Select((NpgsqlBatchCommand c) => c.CommandText)), ex);
    }

    public void LogFailure(Exception ex, string message)
    {
        ArgumentNullException.ThrowIfNull(ex);
        if (IsLostRace(ex))
        {
            LostRace(logger);
            return;
        }

        FailedWith(logger, message, ex);
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void Fail(string sql, Exception ex)
    {
        if (IsLostRace(ex))
        {
            LostRace(logger);
            return;
        }

        Failed(logger, sql, ex);
    }

    private static bool IsLostRace(Exception ex) =>
        EventStreams.IsConcurrencyFailure(ex) || ex is PostgresException { SqlState: StreamVersionMismatch };
}
