namespace Pimex.Tools;

/// <summary>A sector of Extremadura's economy, with what the generator needs to make its companies plausible.</summary>
/// <param name="Code">The sector's code in the ledger.</param>
/// <param name="TurnoverPerHead">Turnover per employee, in thousands of euros, from and to.</param>
/// <param name="Markets">Typical target markets (ISO 3166-1 alpha-2).</param>
/// <param name="Fairs">Trade fairs between April and December 2016 that suit it.</param>
/// <param name="Strengths">SWOT strengths.</param>
/// <param name="Weaknesses">SWOT weaknesses.</param>
/// <param name="Opportunities">SWOT opportunities.</param>
/// <param name="Threats">SWOT threats.</param>
/// <param name="Advice">Topics of senior-consultant advice.</param>
internal sealed record Sector(
    string Code,
    (int From, int To) TurnoverPerHead,
    string[] Markets,
    string[] Fairs,
    string[] Strengths,
    string[] Weaknesses,
    string[] Opportunities,
    string[] Threats,
    string[] Advice);

/// <summary>An illustrative company of the 2016 edition: a made-up name in a real town of Extremadura.</summary>
/// <param name="Name">The illustrative name.</param>
/// <param name="Sector">The sector's code.</param>
/// <param name="Town">The town.</param>
/// <param name="Province">The province code of its tax id: 06 Badajoz, 10 Cáceres.</param>
/// <param name="Staff">Its headcount, from and to.</param>
internal sealed record CompanySeed(string Name, string Sector, string Town, string Province, (int From, int To) Staff);

/// <summary>
/// The fixed data the 2016 generator draws on: sectors of Extremadura and illustrative companies.
/// The names are made up; the towns, products and fairs are real.
/// </summary>
internal static class Edition2016Data
{
    private static readonly string[] CommonWeaknesses =
    [
        "No staff dedicated to export",
        "Little command of English in the sales team",
        "Small production runs raise unit costs",
        "No export price list or Incoterms policy",
        "Website only in Spanish",
    ];

    private static readonly string[] CommonThreats =
    [
        "Exchange-rate risk outside the euro area",
        "Larger competitors with established distributors",
        "Payment defaults by new foreign customers",
        "Logistics costs from inland Extremadura",
    ];

    public static readonly Sector[] Sectors =
    [
        new("ham", (180, 320), ["FR", "DE", "MX", "JP", "CN", "US"], ["SIAL Paris 2016", "Summer Fancy Food Show New York 2016", "Salón Gourmets Madrid 2016"],
            ["Acorn-fed Ibérico pigs from its own dehesa", "PDO Dehesa de Extremadura certification", "Traceability from farm to slice"],
            ["Long curing cycle ties up working capital", "Price well above white-pig ham"],
            ["Growing demand for premium Spanish food in Asia", "Sliced and vacuum-packed formats for retail abroad"],
            ["Sanitary barriers to pork exports", "Counterfeit 'Ibérico' labelling abroad"],
            ["Sanitary certificates for pork exports to Asia", "Choosing an importer in Mexico"]),
        new("wine", (120, 220), ["DE", "GB", "NL", "BE", "US", "CN"], ["London Wine Fair 2016", "Vinitaly Verona 2016"],
            ["PDO Ribera del Guadiana wines", "Good value for money", "Own vineyards of Tempranillo and Cayetana Blanca"],
            ["Little-known region among foreign buyers", "No importer outside Spain yet"],
            ["Wine-tourism visitors from Portugal and Europe", "Online retail of Spanish wine in northern Europe"],
            ["Excise duties and labelling rules per country", "Competition from Rioja and Ribera del Duero"],
            ["Export labelling and excise duties", "Approaching importers in Germany and the Netherlands"]),
        new("oliveOil", (200, 400), ["IT", "US", "BR", "JP", "CN", "FR"], ["SIAL Paris 2016", "Summer Fancy Food Show New York 2016"],
            ["PDO Gata-Hurdes Manzanilla Cacereña oil", "Early-harvest extra virgin olive oil", "Awards at national competitions"],
            ["Bulk sales dominate; little own brand", "Harvest-dependent volumes"],
            ["Premium extra virgin oil in the US and Japan", "Gift packs for gourmet retail"],
            ["Price pressure from bulk oil", "US tariff and labelling changes"],
            ["Positioning a premium brand in the US", "Packaging for gourmet retail"]),
        new("cork", (90, 160), ["FR", "IT", "PT", "US", "CL", "AR"], ["Vinitaly Verona 2016", "London Wine Fair 2016"],
            ["Cork from sustainably managed dehesas", "Technical stoppers with low TCA levels"],
            ["Dependence on a few wineries in Spain", "Competition from Portuguese manufacturers"],
            ["Wineries abroad moving back from screw caps", "Cork as a sustainable material for design"],
            ["Synthetic closures and screw caps", "Cork-oak decline"],
            ["Entering the Chilean and Argentinian wine industry", "Certification of sustainable forestry"]),
        new("stone", (100, 180), ["FR", "DE", "MA", "AE", "SA", "GB"], ["Marmomacc Verona 2016", "The Big 5 Dubai 2016"],
            ["Quarries of grey and black granite", "Cutting to measure for projects"],
            ["Heavy, costly transport", "No technical documentation in English"],
            ["Construction projects in the Gulf", "Natural stone in high-end interiors"],
            ["Chinese and Indian stone at lower prices", "Construction cycles"],
            ["Project tenders in the Gulf countries", "CE marking and technical sheets"]),
        new("tourism", (50, 90), ["PT", "GB", "DE", "FR", "NL"], ["World Travel Market London 2016", "IFTM Top Resa Paris 2016"],
            ["Monfragüe and Tajo Internacional natural parks nearby", "Birdwatching and nature guides", "Quiet rural accommodation"],
            ["Seasonal demand", "Few direct bookings from abroad"],
            ["Birdwatching tourism from the United Kingdom and the Netherlands", "Portuguese visitors across the border"],
            ["Online travel agencies' commissions", "Competition from Portugal's Alentejo"],
            ["Selling to foreign tour operators", "Online reputation and booking channels"]),
        new("agrifood", (150, 300), ["FR", "DE", "GB", "US", "MX", "PT"], ["Fruit Attraction Madrid 2016", "SIAL Paris 2016", "Summer Fancy Food Show New York 2016"],
            ["Products with protected designation (PDO Pimentón de La Vera, Cereza del Jerte)", "Family know-how over generations", "Flexible production for private labels"],
            ["Seasonal production", "Little brand recognition abroad"],
            ["Demand for Spanish gourmet products", "Private labels of European retailers"],
            ["Retail chains' price pressure", "Climate risks to harvests"],
            ["Private-label contracts with European retailers", "Export pricing and Incoterms"]),
        new("cheese", (150, 260), ["FR", "DE", "GB", "US", "BE"], ["SIAL Paris 2016", "Salón Gourmets Madrid 2016"],
            ["PDO Torta del Casar and Queso de La Serena", "Raw merino-sheep milk cheeses", "International cheese awards"],
            ["Short shelf life of soft cheeses", "Cold-chain logistics"],
            ["Cheese shops and gourmet retail in France and the UK", "Spanish restaurants abroad"],
            ["Raw-milk rules in some markets", "Competition from French cheeses"],
            ["Raw-milk cheese rules in the United States", "Cold-chain export logistics"]),
        new("cosmetics", (110, 200), ["PT", "FR", "AE", "MX", "DE"], ["Beautyworld Middle East Dubai 2016", "SIAL Paris 2016"],
            ["Natural ingredients: olive oil, goat milk, lavender", "Own laboratory"],
            ["Small marketing budget", "Registration costs per market"],
            ["Demand for natural cosmetics in the Gulf", "Pharmacies and concept stores in Portugal"],
            ["Cosmetic regulations outside the EU", "Large brands in the natural segment"],
            ["Cosmetic product registration outside the EU", "Distribution through pharmacies abroad"]),
        new("machinery", (120, 220), ["PT", "MA", "FR", "MX", "PE"], ["EIMA International Bologna 2016"],
            ["Machinery for tomato, rice and fruit growers", "After-sales service"],
            ["Distributor network limited to Spain", "Technical manuals in Spanish only"],
            ["Mechanisation of farming in North Africa and Latin America", "Irrigation projects"],
            ["Large Italian and German manufacturers", "Credit risk of farmers abroad"],
            ["Finding dealers in Morocco and Portugal", "CE documentation and manuals"]),
        new("crafts", (50, 90), ["FR", "PT", "US", "JP"], ["Maison&Objet Paris 2016"],
            ["Handmade pottery of Salvatierra de los Barros", "Designs by young local designers"],
            ["Tiny production capacity", "High unit cost"],
            ["Concept stores and design shops", "Online marketplaces for crafts"],
            ["Industrial imitations", "Breakage in transport"],
            ["Selling to design shops abroad", "Packaging and shipping of fragile goods"]),
        new("agritech", (70, 130), ["PT", "MX", "CL", "PE", "MA"], ["EIMA International Bologna 2016", "Fruit Attraction Madrid 2016"],
            ["Irrigation-management software tested in the Vegas del Guadiana", "University spin-off team"],
            ["Young company with few references", "Sales cycle of large farms"],
            ["Water scarcity drives precision irrigation", "Latin American export agriculture"],
            ["Global agritech platforms", "Slow adoption by small farmers"],
            ["Software licensing and contracts abroad", "Partners in Chile and Peru"]),
    ];

    public static readonly CompanySeed[] Companies =
    [
        new("Ibéricos Dehesa de Jerez SL", "ham", "Jerez de los Caballeros", "06", (18, 60)),
        new("Bodegas Tierra de Barros SL", "wine", "Almendralejo", "06", (12, 45)),
        new("Almazara Sierra de Gata SL", "oliveOil", "Hoyos", "10", (6, 20)),
        new("Corchos San Vicente SL", "cork", "San Vicente de Alcántara", "06", (20, 80)),
        new("Granitos de Quintana SL", "stone", "Quintana de la Serena", "06", (25, 90)),
        new("Pimentón de La Vera Hermanos Díaz SL", "agrifood", "Jaraíz de la Vera", "10", (8, 30)),
        new("Cerezas Valle del Jerte SL", "agrifood", "Cabezuela del Valle", "10", (10, 40)),
        new("Quesería Torta del Casar SL", "cheese", "Casar de Cáceres", "10", (6, 25)),
        new("Turismo Rural Monfragüe SL", "tourism", "Torrejón el Rubio", "10", (3, 9)),
        new("Conservas Vegas del Guadiana SL", "agrifood", "Villafranco del Guadiana", "06", (40, 120)),
        new("Viñedos de Almendralejo SL", "wine", "Almendralejo", "06", (8, 30)),
        new("Jamones de Montánchez SL", "ham", "Montánchez", "10", (10, 35)),
        new("Aceites Valle del Alagón SL", "oliveOil", "Coria", "10", (5, 18)),
        new("Pizarras de Villar del Rey SL", "stone", "Villar del Rey", "06", (15, 50)),
        new("Mármoles de Alconera SL", "stone", "Alconera", "06", (10, 40)),
        new("Miel de Las Hurdes SL", "agrifood", "Caminomorisco", "10", (3, 8)),
        new("Cosmética Natural Oliva SL", "cosmetics", "Mérida", "06", (5, 20)),
        new("Maquinaria Agrícola Guadiana SL", "machinery", "Don Benito", "06", (30, 110)),
        new("Tapones y Corcho de Alcántara SL", "cork", "Valencia de Alcántara", "10", (10, 35)),
        new("Turismo Activo Tajo Internacional SL", "tourism", "Alcántara", "10", (3, 12)),
        new("Embutidos Ibéricos de Llerena SL", "ham", "Llerena", "06", (15, 50)),
        new("Higos Secos de Almoharín SL", "agrifood", "Almoharín", "10", (5, 20)),
        new("Bodegas Cañamero SL", "wine", "Cañamero", "10", (4, 15)),
        new("Tomates de Miajadas SL", "agrifood", "Miajadas", "10", (35, 110)),
        new("Quesos de La Serena SL", "cheese", "Castuera", "06", (8, 30)),
        new("Arroces de Montijo SL", "agrifood", "Montijo", "06", (12, 45)),
        new("Alfarería de Salvatierra SL", "crafts", "Salvatierra de los Barros", "06", (3, 7)),
        new("Agrotech Vegas Altas SL", "agritech", "Badajoz", "06", (5, 16)),
        new("Hospedería Valle del Ambroz SL", "tourism", "Hervás", "10", (6, 22)),
        new("Aceitunas de Mesa Tierra de Barros SL", "oliveOil", "Villafranca de los Barros", "06", (20, 70)),
    ];

    /// <summary>A company that is part of a large meat group: not an SME once its linked enterprise counts.</summary>
    public static readonly CompanySeed NotAnSme = new("Cárnicas Fregenal SL", "ham", "Fregenal de la Sierra", "06", (90, 140));

    /// <summary>A company that already received nearly the whole de minimis ceiling.</summary>
    public static readonly CompanySeed NearAidCeiling = new("Transformados Metálicos de Navalmoral SL", "machinery", "Navalmoral de la Mata", "10", (40, 90));

    /// <summary>An eligible company that applied last, when the edition was already full.</summary>
    public static readonly CompanySeed LateApplicant = new("Licores de Bellota de Zafra SL", "agrifood", "Zafra", "06", (4, 12));

    public static Sector SectorOf(string code) => Array.Find(Sectors, s => s.Code == code)
        ?? throw new ArgumentException($"Unknown sector {code}.", nameof(code));

    public static readonly string[] Weaknesses = CommonWeaknesses;

    public static readonly string[] Threats = CommonThreats;
}
