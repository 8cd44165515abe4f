using System.Collections.Frozen;
using Pimex.Common;
using Pimex.Localisation;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Pages;

/// <summary>
/// The words of the pages in one language: the library's glossary (<see cref="ReportLanguage"/>:
/// every report term, number, money and date format) and, for what only a page says (navigation,
/// forms, buttons), a small glossary of the back office in the same three languages. A key the
/// pages' glossary lacks is looked up in the library's, so a report term is never translated twice.
/// </summary>
public sealed class PageText
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Own = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal)
    {
        ["en"] = Freeze(new()
        {
            ["app.title"] = "PIMEX back office",
            ["nav.main"] = "Main menu",
            ["nav.home"] = "Editions",
            ["nav.glance"] = "At a glance",
            ["nav.matrix"] = "Progress",
            ["nav.queues"] = "Work queues",
            ["nav.attendance"] = "Record attendance",
            ["skip"] = "Skip to the content",
            ["signin.title"] = "Sign in",
            ["signin.intro"] = "Paste the token you were given (the back office's mint-token command prints one in development). The page keeps who you are in a cookie until the token expires.",
            ["signin.token"] = "Token",
            ["signin.submit"] = "Sign in",
            ["signin.invalid"] = "The token is not valid: {0}",
            ["signout"] = "Sign out",
            ["signedIn"] = "{0}, {1}, region {2}",
            ["role.ProgrammeManager"] = "programme manager",
            ["role.Technician"] = "technician",
            ["role.SeniorConsultant"] = "senior consultant",
            ["role.CompanyRepresentative"] = "representative of {0}",
            ["home.title"] = "Editions of {0}",
            ["home.none"] = "No edition is open in this region.",
            ["home.representative"] = "A company representative sees its own company's progress in each edition; the rest of these pages is for the operator's staff.",
            ["nav.company"] = "My company",
            ["company.title"] = "Progress of {0}, edition {1}",
            ["company.claims"] = "Claims",
            ["company.noClaims"] = "No claim submitted.",
            ["company.pending"] = "waiting for verification",
            ["glance.title"] = "Edition {0} at a glance",
            ["glance.asOf"] = "Version {0} of the edition; rules of {1}.",
            ["matrix.title"] = "Participants' progress, edition {0}",
            ["matrix.filter"] = "Filter",
            ["matrix.search"] = "Company contains",
            ["matrix.any"] = "any",
            ["matrix.apply"] = "Apply the filter",
            ["matrix.clear"] = "Clear the filter",
            ["matrix.count"] = "{0} of {1} companies shown.",
            ["matrix.sortBy"] = "sort by {0}",
            ["matrix.pills"] = "pills",
            ["matrix.cap"] = "cap",
            ["queues.title"] = "Work queues, edition {0}",
            ["queues.swot"] = "SWOT analyses waiting for review",
            ["queues.roadmap"] = "Roadmaps waiting for review",
            ["queues.claims"] = "Claims waiting for verification",
            ["queues.empty"] = "Nothing waits.",
            ["queues.version"] = "version",
            ["queues.review"] = "Review the SWOT of {0}",
            ["queues.verify"] = "Verify claim {0} of {1}",
            ["claim.id"] = "claim",
            ["claim.invoice"] = "invoice",
            ["claim.supplier"] = "supplier",
            ["claim.date"] = "invoice date",
            ["claim.category"] = "category",
            ["claim.description"] = "description",
            ["claim.net"] = "net amount",
            ["claim.vat"] = "VAT",
            ["claim.eligible"] = "eligible amount",
            ["claim.grantedSoFar"] = "support granted so far",
            ["attendance.title"] = "Record attendance, edition {0}",
            ["attendance.session"] = "Session",
            ["attendance.companies"] = "Companies that attended",
            ["attendance.already"] = "already recorded",
            ["attendance.submit"] = "Record the attendance",
            ["attendance.none"] = "Tick at least one company.",
            ["attendance.recorded"] = "Attendance at {0} recorded for: {1}.",
            ["verify.title"] = "Verify claim {0} of {1}",
            ["verify.verdict"] = "Decision",
            ["verify.full"] = "Approve in full",
            ["verify.part"] = "Approve in part",
            ["verify.reject"] = "Reject",
            ["verify.amount"] = "Amount approved (in part only, in {0})",
            ["verify.reason"] = "Reason (for a partial approval or a rejection)",
            ["verify.submit"] = "Record the verification",
            ["verify.done"] = "Claim {0} of {1} verified: approved {2}, granted {3}, not supported {4}.",
            ["verify.badAmount"] = "Write the amount as a number, such as 1250.50.",
            ["review.title"] = "Review the SWOT analysis of {0}",
            ["review.decision"] = "Decision",
            ["review.accept"] = "Accept",
            ["review.return"] = "Return for changes",
            ["review.comment"] = "Comment (required to return it)",
            ["review.submit"] = "Record the review",
            ["review.done"] = "SWOT analysis of {0}: {1}.",
            ["review.none"] = "No SWOT analysis of this company waits for review.",
            ["queues.reviewRoadmap"] = "Review the roadmap of {0}",
            ["roadmapReview.title"] = "Review the international roadmap of {0}",
            ["roadmapReview.done"] = "International roadmap of {0}: {1}.",
            ["roadmapReview.none"] = "No roadmap of this company waits for review.",
            ["roadmap.horizon"] = "Horizon",
            ["roadmap.period"] = "{0} to {1}",
            ["roadmap.markets"] = "Target markets",
            ["roadmap.objectives"] = "Objectives",
            ["roadmap.indicators"] = "Indicators",
            ["roadmap.actions"] = "Actions",
            ["roadmap.action"] = "Action",
            ["roadmap.market"] = "Market",
            ["roadmap.due"] = "Due",
            ["swot.strengths"] = "Strengths",
            ["swot.weaknesses"] = "Weaknesses",
            ["swot.opportunities"] = "Opportunities",
            ["swot.threats"] = "Threats",
            ["refused"] = "Nothing was saved.",
            ["refused.code"] = "code {0}",
            ["refused.page"] = "This page cannot be shown.",
            ["readOnly"] = "Your role reads this page; only technical staff act on it.",
        }),
        ["es"] = Freeze(new()
        {
            ["app.title"] = "PIMEX: gestión",
            ["nav.main"] = "Menú principal",
            ["nav.home"] = "Convocatorias",
            ["nav.glance"] = "De un vistazo",
            ["nav.matrix"] = "Seguimiento",
            ["nav.queues"] = "Trabajo pendiente",
            ["nav.attendance"] = "Registrar asistencia",
            ["skip"] = "Saltar al contenido",
            ["signin.title"] = "Iniciar sesión",
            ["signin.intro"] = "Pegue el token que le han dado (en desarrollo lo imprime la orden mint-token del back office). La página recuerda quién es usted en una cookie hasta que el token caduca.",
            ["signin.token"] = "Token",
            ["signin.submit"] = "Entrar",
            ["signin.invalid"] = "El token no es válido: {0}",
            ["signout"] = "Cerrar sesión",
            ["signedIn"] = "{0}, {1}, región {2}",
            ["role.ProgrammeManager"] = "gestor del programa",
            ["role.Technician"] = "técnico",
            ["role.SeniorConsultant"] = "consultor sénior",
            ["role.CompanyRepresentative"] = "representante de {0}",
            ["home.title"] = "Convocatorias de {0}",
            ["home.none"] = "No hay ninguna convocatoria abierta en esta región.",
            ["home.representative"] = "Cada empresa ve aquí el avance de su propia participación en cada convocatoria; el resto de estas páginas es para el personal del operador.",
            ["nav.company"] = "Mi empresa",
            ["company.title"] = "Avance de {0}, convocatoria {1}",
            ["company.claims"] = "Justificantes de gasto",
            ["company.noClaims"] = "No se ha presentado ningún justificante.",
            ["company.pending"] = "pendiente de verificación",
            ["glance.title"] = "La convocatoria {0} de un vistazo",
            ["glance.asOf"] = "Versión {0} de la convocatoria; normas a {1}.",
            ["matrix.title"] = "Seguimiento de las empresas, convocatoria {0}",
            ["matrix.filter"] = "Filtrar",
            ["matrix.search"] = "La empresa contiene",
            ["matrix.any"] = "cualquiera",
            ["matrix.apply"] = "Aplicar el filtro",
            ["matrix.clear"] = "Quitar el filtro",
            ["matrix.count"] = "Se muestran {0} de {1} empresas.",
            ["matrix.sortBy"] = "ordenar por {0}",
            ["matrix.pills"] = "píldoras",
            ["matrix.cap"] = "tope",
            ["queues.title"] = "Trabajo pendiente, convocatoria {0}",
            ["queues.swot"] = "DAFO pendientes de revisión",
            ["queues.roadmap"] = "Hojas de ruta internacional pendientes de revisión",
            ["queues.claims"] = "Justificantes de gasto pendientes de verificación",
            ["queues.empty"] = "No hay nada pendiente.",
            ["queues.version"] = "versión",
            ["queues.review"] = "Revisar el DAFO de {0}",
            ["queues.verify"] = "Verificar el justificante {0} de {1}",
            ["claim.id"] = "justificante",
            ["claim.invoice"] = "factura",
            ["claim.supplier"] = "proveedor",
            ["claim.date"] = "fecha de factura",
            ["claim.category"] = "categoría",
            ["claim.description"] = "descripción",
            ["claim.net"] = "importe neto",
            ["claim.vat"] = "IVA",
            ["claim.eligible"] = "importe subvencionable",
            ["claim.grantedSoFar"] = "apoyo concedido hasta ahora",
            ["attendance.title"] = "Registrar asistencia, convocatoria {0}",
            ["attendance.session"] = "Sesión",
            ["attendance.companies"] = "Empresas que asistieron",
            ["attendance.already"] = "ya registrada",
            ["attendance.submit"] = "Registrar la asistencia",
            ["attendance.none"] = "Marque al menos una empresa.",
            ["attendance.recorded"] = "Asistencia a {0} registrada para: {1}.",
            ["verify.title"] = "Verificar el justificante {0} de {1}",
            ["verify.verdict"] = "Decisión",
            ["verify.full"] = "Aprobar en su totalidad",
            ["verify.part"] = "Aprobar en parte",
            ["verify.reject"] = "Rechazar",
            ["verify.amount"] = "Importe aprobado (solo en parte, en {0})",
            ["verify.reason"] = "Motivo (para una aprobación parcial o un rechazo)",
            ["verify.submit"] = "Registrar la verificación",
            ["verify.done"] = "Justificante {0} de {1} verificado: aprobado {2}, concedido {3}, no apoyado {4}.",
            ["verify.badAmount"] = "Escriba el importe como un número, por ejemplo 1250,50.",
            ["review.title"] = "Revisar el DAFO de {0}",
            ["review.decision"] = "Decisión",
            ["review.accept"] = "Aceptar",
            ["review.return"] = "Devolver para cambios",
            ["review.comment"] = "Comentario (obligatorio para devolverlo)",
            ["review.submit"] = "Registrar la revisión",
            ["review.done"] = "DAFO de {0}: {1}.",
            ["review.none"] = "No hay ningún DAFO de esta empresa pendiente de revisión.",
            ["queues.reviewRoadmap"] = "Revisar la hoja de ruta de {0}",
            ["roadmapReview.title"] = "Revisar la hoja de ruta internacional de {0}",
            ["roadmapReview.done"] = "Hoja de ruta internacional de {0}: {1}.",
            ["roadmapReview.none"] = "No hay ninguna hoja de ruta de esta empresa pendiente de revisión.",
            ["roadmap.horizon"] = "Horizonte",
            ["roadmap.period"] = "del {0} al {1}",
            ["roadmap.markets"] = "Mercados objetivo",
            ["roadmap.objectives"] = "Objetivos",
            ["roadmap.indicators"] = "Indicadores",
            ["roadmap.actions"] = "Acciones",
            ["roadmap.action"] = "Acción",
            ["roadmap.market"] = "Mercado",
            ["roadmap.due"] = "Fecha prevista",
            ["swot.strengths"] = "Fortalezas",
            ["swot.weaknesses"] = "Debilidades",
            ["swot.opportunities"] = "Oportunidades",
            ["swot.threats"] = "Amenazas",
            ["refused"] = "No se ha guardado nada.",
            ["refused.code"] = "código {0}",
            ["refused.page"] = "Esta página no se puede mostrar.",
            ["readOnly"] = "Su perfil puede consultar esta página; solo el personal técnico actúa en ella.",
        }),
        ["sl"] = Freeze(new()
        {
            ["app.title"] = "PIMEX: pisarna",
            ["nav.main"] = "Glavni meni",
            ["nav.home"] = "Izvedbe",
            ["nav.glance"] = "Na prvi pogled",
            ["nav.matrix"] = "Napredek",
            ["nav.queues"] = "Čakajoče delo",
            ["nav.attendance"] = "Vpis prisotnosti",
            ["skip"] = "Preskoči na vsebino",
            ["signin.title"] = "Prijava",
            ["signin.intro"] = "Prilepite žeton, ki ste ga prejeli (pri razvoju ga izpiše ukaz mint-token). Stran si zapomni, kdo ste, v piškotku, dokler žeton ne poteče.",
            ["signin.token"] = "Žeton",
            ["signin.submit"] = "Prijava",
            ["signin.invalid"] = "Žeton ni veljaven: {0}",
            ["signout"] = "Odjava",
            ["signedIn"] = "{0}, {1}, regija {2}",
            ["role.ProgrammeManager"] = "vodja programa",
            ["role.Technician"] = "tehnik",
            ["role.SeniorConsultant"] = "višji svetovalec",
            ["role.CompanyRepresentative"] = "predstavnik podjetja {0}",
            ["home.title"] = "Izvedbe: {0}",
            ["home.none"] = "V tej regiji ni odprte izvedbe.",
            ["home.representative"] = "Podjetje tu vidi napredek svoje udeležbe v vsaki izvedbi; preostale strani so za osebje izvajalca.",
            ["nav.company"] = "Moje podjetje",
            ["company.title"] = "Napredek podjetja {0}, izvedba {1}",
            ["company.claims"] = "Zahtevki",
            ["company.noClaims"] = "Oddan ni noben zahtevek.",
            ["company.pending"] = "čaka na preverjanje",
            ["glance.title"] = "Izvedba {0} na prvi pogled",
            ["glance.asOf"] = "Različica izvedbe {0}; pravila na dan {1}.",
            ["matrix.title"] = "Napredek udeležencev, izvedba {0}",
            ["matrix.filter"] = "Filter",
            ["matrix.search"] = "Podjetje vsebuje",
            ["matrix.any"] = "katero koli",
            ["matrix.apply"] = "Uporabi filter",
            ["matrix.clear"] = "Počisti filter",
            ["matrix.count"] = "Prikazanih {0} od {1} podjetij.",
            ["matrix.sortBy"] = "razvrsti po {0}",
            ["matrix.pills"] = "delavnice",
            ["matrix.cap"] = "zgornja meja",
            ["queues.title"] = "Čakajoče delo, izvedba {0}",
            ["queues.swot"] = "SWOT analize, ki čakajo na pregled",
            ["queues.roadmap"] = "Mednarodni načrti, ki čakajo na pregled",
            ["queues.claims"] = "Zahtevki, ki čakajo na preverjanje",
            ["queues.empty"] = "Nič ne čaka.",
            ["queues.version"] = "različica",
            ["queues.review"] = "Preglej SWOT analizo podjetja {0}",
            ["queues.verify"] = "Preveri zahtevek {0} podjetja {1}",
            ["claim.id"] = "zahtevek",
            ["claim.invoice"] = "račun",
            ["claim.supplier"] = "dobavitelj",
            ["claim.date"] = "datum računa",
            ["claim.category"] = "kategorija",
            ["claim.description"] = "opis",
            ["claim.net"] = "neto znesek",
            ["claim.vat"] = "DDV",
            ["claim.eligible"] = "upravičeni znesek",
            ["claim.grantedSoFar"] = "doslej dodeljena podpora",
            ["attendance.title"] = "Vpis prisotnosti, izvedba {0}",
            ["attendance.session"] = "Srečanje",
            ["attendance.companies"] = "Podjetja, ki so bila prisotna",
            ["attendance.already"] = "že vpisano",
            ["attendance.submit"] = "Vpiši prisotnost",
            ["attendance.none"] = "Označite vsaj eno podjetje.",
            ["attendance.recorded"] = "Prisotnost na {0} vpisana za: {1}.",
            ["verify.title"] = "Preveri zahtevek {0} podjetja {1}",
            ["verify.verdict"] = "Odločitev",
            ["verify.full"] = "Odobri v celoti",
            ["verify.part"] = "Odobri delno",
            ["verify.reject"] = "Zavrni",
            ["verify.amount"] = "Odobreni znesek (samo delno, v {0})",
            ["verify.reason"] = "Razlog (za delno odobritev ali zavrnitev)",
            ["verify.submit"] = "Vpiši preverjanje",
            ["verify.done"] = "Zahtevek {0} podjetja {1} preverjen: odobreno {2}, dodeljeno {3}, nepodprto {4}.",
            ["verify.badAmount"] = "Znesek vpišite kot število, na primer 1250,50.",
            ["review.title"] = "Pregled SWOT analize podjetja {0}",
            ["review.decision"] = "Odločitev",
            ["review.accept"] = "Sprejmi",
            ["review.return"] = "Vrni v popravek",
            ["review.comment"] = "Pripomba (obvezna za vrnitev)",
            ["review.submit"] = "Vpiši pregled",
            ["review.done"] = "SWOT analiza podjetja {0}: {1}.",
            ["review.none"] = "Nobena SWOT analiza tega podjetja ne čaka na pregled.",
            ["queues.reviewRoadmap"] = "Preglej načrt podjetja {0}",
            ["roadmapReview.title"] = "Pregled mednarodnega načrta podjetja {0}",
            ["roadmapReview.done"] = "Mednarodni načrt podjetja {0}: {1}.",
            ["roadmapReview.none"] = "Noben načrt tega podjetja ne čaka na pregled.",
            ["roadmap.horizon"] = "Obdobje",
            ["roadmap.period"] = "od {0} do {1}",
            ["roadmap.markets"] = "Ciljni trgi",
            ["roadmap.objectives"] = "Cilji",
            ["roadmap.indicators"] = "Kazalniki",
            ["roadmap.actions"] = "Ukrepi",
            ["roadmap.action"] = "Ukrep",
            ["roadmap.market"] = "Trg",
            ["roadmap.due"] = "Rok",
            ["swot.strengths"] = "Prednosti",
            ["swot.weaknesses"] = "Slabosti",
            ["swot.opportunities"] = "Priložnosti",
            ["swot.threats"] = "Nevarnosti",
            ["refused"] = "Nič ni bilo shranjeno.",
            ["refused.code"] = "koda {0}",
            ["refused.page"] = "Te strani ni mogoče prikazati.",
            ["readOnly"] = "Vaša vloga to stran bere; ukrepa le tehnično osebje.",
        }),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> own;

    private PageText(ReportLanguage language)
    {
        Language = language;
        own = Own[language.Code];
    }

    /// <summary>The library's language: its glossary and its number, money and date formats.</summary>
    public ReportLanguage Language { get; }

    /// <summary>The <c>lang</c> attribute's value.</summary>
    public string Code => Language.Code;

    /// <summary>Every key of the pages' own glossary, per language (a test checks they match).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> OwnKeys =>
        Own.ToDictionary(kv => kv.Key, kv => (IReadOnlyCollection<string>)kv.Value.Keys, StringComparer.Ordinal);

    public static PageText For(ReportLanguage language) => new(language ?? throw new ArgumentNullException(nameof(language)));

    /// <summary>
    /// The language of a region's pages: <paramref name="requested"/> (a <c>lang</c> query) when it
    /// is one of the library's, else the latest report language the region's rulebook names
    /// (Spanish for Extremadura, Slovenian for Maribor: the language its staff work in now, whatever
    /// the year of the edition they look at), else English.
    /// </summary>
    public static PageText ForRegion(Rulebook rulebook, string? requested)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        if (ReportLanguage.TryFromCode(requested, out var asked))
        {
            return For(asked);
        }

        return rulebook.Get(Parameters.ReportLanguageRule).TryGetValue(NodaTime.LocalDate.MaxIsoValue, out var code) && ReportLanguage.TryFromCode(code, out var language)
            ? For(language)
            : For(ReportLanguage.English);
    }

    /// <summary>A term: the pages' own, else the library's.</summary>
    public string this[string key] => own.TryGetValue(key, out var text) ? text : Language.Term(key);

    /// <summary>A term with its placeholders filled in.</summary>
    public string Format(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    public string Role(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Format("role." + actor.Role, actor.Company?.Value ?? string.Empty);
    }

    public string Status(ParticipantStatus status) => this["status." + Camel(status.ToString())];

    public string Review(ReviewStatus status) => this["review." + Camel(status.ToString())];

    public string Of(int done, int committed) => Language.Format("common.of", Language.Number(done), Language.Number(committed));

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static FrozenDictionary<string, string> Freeze(Dictionary<string, string> terms) => terms.ToFrozenDictionary(StringComparer.Ordinal);
}
