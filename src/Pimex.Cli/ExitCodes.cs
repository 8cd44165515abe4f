namespace Pimex.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the command did what it was asked (a ledger may still have refused commands).</summary>
    public const int Ok = 0;

    /// <summary>The input was read but is invalid: a rulebook with errors, a ledger that opens no edition.</summary>
    public const int Invalid = 1;

    /// <summary>A file could not be read or parsed (a malformed ledger), or the command line is wrong.</summary>
    public const int Unreadable = 2;
}
