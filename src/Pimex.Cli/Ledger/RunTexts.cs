using NodaTime.Text;

namespace Pimex.Cli.Ledger;

/// <summary>
/// The words of <c>pimex run</c> around the library's refusals, in each report language: the
/// summary line, "line N", the count of refusals not listed, and the reasons of the tool's own
/// refusals (<see cref="LedgerErrors"/> 101 to 103). Codes are the same in every language.
/// </summary>
internal static class RunTexts
{
    /// <summary>Every text by language code, then by key; every language has every key (a test checks it).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
    {
        ["en"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["line"] = "line {0}",
            ["summary"] = "Ledger {0}: {1} commands, {2} applied, {3} refused.",
            ["more"] = "... and {0} more refused commands ({1} in all; --json lists every one).",
            ["reordered"] = "Not in time order: line {0} ({1}) is earlier than line {2} ({3}); the {4} commands were applied in time order (stable by \"at\"), {5} of them at another place than the file gives them; the line numbers are the file's.",
            [LedgerErrors.NoEditionOpen] = "No edition is open yet: the ledger starts with openEdition.",
            [LedgerErrors.EditionAlreadyOpen] = "The edition {0} is already open: a ledger runs one edition.",
            [LedgerErrors.NotAParticipant] = "{0} is not a participant of {1}.",
        },
        ["es"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["line"] = "línea {0}",
            ["summary"] = "Registro de órdenes {0}: órdenes: {1}; aplicadas: {2}; rechazadas: {3}.",
            ["more"] = "... y {0} órdenes rechazadas más ({1} en total; --json las lista todas).",
            ["reordered"] = "No está en orden temporal: la línea {0} ({1}) es anterior a la línea {2} ({3}); las {4} órdenes se han aplicado por orden de \"at\" (las del mismo instante, en el orden del archivo); {5} de ellas, en otro lugar que el del archivo; los números de línea son los del archivo.",
            [LedgerErrors.NoEditionOpen] = "Aún no hay ninguna convocatoria abierta: el registro empieza con openEdition.",
            [LedgerErrors.EditionAlreadyOpen] = "La convocatoria {0} ya está abierta: un registro lleva una sola convocatoria.",
            [LedgerErrors.NotAParticipant] = "{0} no es una empresa participante de la convocatoria {1}.",
        },
        ["pl"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["line"] = "wiersz {0}",
            ["summary"] = "Rejestr poleceń {0}: poleceń: {1}; wykonanych: {2}; odrzuconych: {3}.",
            ["more"] = "... i jeszcze odrzuconych poleceń: {0} (razem {1}; --json wypisuje wszystkie).",
            ["reordered"] = "Nie w kolejności czasowej: wiersz {0} ({1}) jest wcześniejszy niż wiersz {2} ({3}); poleceń: {4}, wykonano je w kolejności \"at\" (polecenia z tą samą chwilą w kolejności pliku); w innym miejscu niż w pliku: {5}; numery wierszy są numerami z pliku.",
            [LedgerErrors.NoEditionOpen] = "Żadna edycja nie jest jeszcze otwarta: rejestr zaczyna się od openEdition.",
            [LedgerErrors.EditionAlreadyOpen] = "Edycja {0} jest już otwarta: rejestr obejmuje jedną edycję.",
            [LedgerErrors.NotAParticipant] = "{0} nie jest uczestnikiem edycji {1}.",
        },
        ["pt"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["line"] = "linha {0}",
            ["summary"] = "Registo de instruções {0}: instruções: {1}; aplicadas: {2}; recusadas: {3}.",
            ["more"] = "... e mais {0} instruções recusadas ({1} no total; --json lista todas).",
            ["reordered"] = "Não está por ordem temporal: a linha {0} ({1}) é anterior à linha {2} ({3}); as {4} instruções foram aplicadas por ordem de \"at\" (as do mesmo instante, pela ordem do ficheiro); {5} delas, noutro lugar que não o do ficheiro; os números de linha são os do ficheiro.",
            [LedgerErrors.NoEditionOpen] = "Ainda não há nenhuma edição aberta: o registo começa com openEdition.",
            [LedgerErrors.EditionAlreadyOpen] = "A edição {0} já está aberta: um registo contém uma única edição.",
            [LedgerErrors.NotAParticipant] = "{0} não é uma empresa participante da edição {1}.",
        },
        ["sl"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["line"] = "vrstica {0}",
            ["summary"] = "Dnevnik ukazov {0}: ukazov: {1}; izvedenih: {2}; zavrnjenih: {3}.",
            ["more"] = "... in še zavrnjenih ukazov: {0} (skupaj {1}; --json izpiše vse).",
            ["reordered"] = "Ni v časovnem zaporedju: vrstica {0} ({1}) je zgodnejša od vrstice {2} ({3}); ukazov: {4}, izvedeni so bili po vrstnem redu \"at\" (ukazi z istim trenutkom v vrstnem redu datoteke); na drugem mestu kot v datoteki: {5}; številke vrstic so iz datoteke.",
            [LedgerErrors.NoEditionOpen] = "Nobena izvedba še ni odprta: dnevnik se začne z openEdition.",
            [LedgerErrors.EditionAlreadyOpen] = "Izvedba {0} je že odprta: dnevnik vodi eno samo izvedbo.",
            [LedgerErrors.NotAParticipant] = "{0} ni udeleženec izvedbe {1}.",
        },
    };

    /// <summary>
    /// A text with its placeholders filled in (counts in the language's format; English as it
    /// always was, without separators). In a language the tool does not embed (one read from a
    /// file), the tool's own words are English's; the library's refusals are the file's.
    /// </summary>
    public static string Format(ReportLanguage language, string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, (Texts.TryGetValue(language.Code, out var texts) ? texts : Texts["en"])[key], [.. args.Select(a => a is int n && !ReferenceEquals(language, ReportLanguage.English) ? language.Number(n) : a)]);

    /// <summary>"line 57" in the language.</summary>
    public static string Line(ReportLanguage language, int line) => Format(language, "line", line.ToString(CultureInfo.InvariantCulture));

    /// <summary>The summary line of a run.</summary>
    public static string Summary(ReportLanguage language, string source, int commands, int applied, int refused) =>
        Format(language, "summary", source, commands, applied, refused);

    /// <summary>That the file's order differed from the time order the run applied.</summary>
    public static string Reordered(ReportLanguage language, LedgerDisorder disorder, int commands) =>
        Format(language, "reordered", disorder.Line.ToString(CultureInfo.InvariantCulture), InstantPattern.ExtendedIso.Format(disorder.At), disorder.LaterLine.ToString(CultureInfo.InvariantCulture), InstantPattern.ExtendedIso.Format(disorder.LaterAt), commands, disorder.Moved);

    /// <summary>How many refused commands are not listed (English keeps its singular).</summary>
    public static string More(ReportLanguage language, int more, int all) =>
        ReferenceEquals(language, ReportLanguage.English)
            ? string.Create(CultureInfo.InvariantCulture, $"... and {more:N0} more refused command{(more == 1 ? string.Empty : "s")} ({all:N0} in all; --json lists every one).")
            : Format(language, "more", more, all);
}
