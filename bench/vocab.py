"""Word material for the generated corpus: topics, things, places, town names, amounts.

Actors themselves come from the gazetteer (`ontology.gazetteer.load_gazetteer`) so that the
names written into the documents are the ones the extractor resolves.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """A policy field: a title stem, things a resolution is about and the responsible field."""

    title: str
    things: tuple[str, ...]
    field: str  # key into FIELD_MINISTRIES


TOPICS: tuple[Topic, ...] = (
    Topic("Digitalisierung der Verwaltungsleistungen",
          ("Umsetzungskonzept Onlinezugang", "Plattform für Verwaltungsleistungen",
           "Pilotvorhaben Once-Only"), "digital"),
    Topic("Föderale Datenstrategie",
          ("Umsetzungskonzept Datenstrategie", "Datenlabor der Länder", "Metadatenkatalog"),
          "digital"),
    Topic("Smarte Städte und Regionen",
          ("Kompetenzzentrum Smarte Städte", "Stufenplan Smarte Städte", "Marktplatz Smart City"),
          "bau"),
    Topic("Beschleunigung des Wohnungsbaus",
          ("Bündnis für bezahlbaren Wohnraum", "Musterbauordnung", "Typengenehmigung"), "bau"),
    Topic("Wärmeplanung in den Kommunen",
          ("Leitfaden Wärmeplanung", "Förderprogramm Wärmenetze", "Datengrundlage Wärmeplanung"),
          "energie"),
    Topic("Ausbau der Ladeinfrastruktur",
          ("Masterplan Ladeinfrastruktur", "Förderprogramm Ladepunkte", "Schnellladenetz"),
          "verkehr"),
    Topic("Deutschlandticket",
          ("Finanzierung des Deutschlandtickets", "Tarifstruktur Deutschlandticket",
           "Evaluationsbericht Deutschlandticket"), "verkehr"),
    Topic("Krankenhausversorgung im ländlichen Raum",
          ("Transformationsfonds Krankenhäuser", "Versorgungsatlas", "Modellregion Gesundheit"),
          "gesundheit"),
    Topic("Pflegekräftesicherung",
          ("Anerkennungsverfahren Pflegekräfte", "Ausbildungsoffensive Pflege",
           "Pflegepersonalbemessung"), "gesundheit"),
    Topic("Hochwasserschutz und Klimaanpassung",
          ("Aktionsplan Hochwasserschutz", "Starkregenvorsorge", "Klimaanpassungsstrategie"),
          "umwelt"),
    Topic("Kreislaufwirtschaft",
          ("Strategie Kreislaufwirtschaft", "Wertstoffgesetz", "Reparaturbonus"), "umwelt"),
    Topic("Ganztagsbetreuung an Grundschulen",
          ("Investitionsprogramm Ganztagsausbau", "Qualitätsrahmen Ganztag", "Fachkräfteprogramm"),
          "bildung"),
    Topic("Digitale Bildung",
          ("DigitalPakt Schule", "Bildungsplattform", "Fortbildungsoffensive Lehrkräfte"),
          "bildung"),
    Topic("Bevölkerungsschutz",
          ("Warn-App NINA", "Sirenenförderprogramm", "Kompetenzzentrum Bevölkerungsschutz"),
          "innen"),
    Topic("Informationssicherheit in den Kommunen",
          ("Leitlinie Informationssicherheit", "CERT-Verbund", "Mindeststandard Cloud"),
          "innen"),
    Topic("Fachkräftesicherung",
          ("Fachkräftestrategie", "Anerkennungsportal", "Welcome Center"), "arbeit"),
    Topic("Landwirtschaft und Tierwohl",
          ("Tierhaltungskennzeichnung", "Bundesprogramm Stallumbau", "Ackerbaustrategie"),
          "agrar"),
    Topic("Justiz digital",
          ("elektronische Akte in der Justiz", "Justizportal", "Videoverhandlung"), "justiz"),
    Topic("Haushaltsstabilität und kommunale Finanzen",
          ("Altschuldenlösung", "Finanzausgleichsbericht", "Grundsteuerreform"), "finanzen"),
    Topic("Energiewende und Netzausbau",
          ("Netzausbauplan", "Wasserstoffstrategie", "Energieeffizienzprogramm"), "energie"),
)

# Policy field -> (gazetteer id before the 2025 reorganisation, id afterwards).
FIELD_MINISTRIES: dict[str, tuple[str, str]] = {
    "digital": ("BMI", "BMDS"), "bau": ("BMWSB", "BMWSB"), "energie": ("BMWK", "BMWE"),
    "verkehr": ("BMDV", "BMV"), "gesundheit": ("BMG", "BMG"), "umwelt": ("BMUV", "BMUKN"),
    "bildung": ("BMBF", "BMBFSFJ"), "innen": ("BMI", "BMI"), "arbeit": ("BMAS", "BMAS"),
    "agrar": ("BMEL", "BMLEH"), "justiz": ("BMJ", "BMJV"), "finanzen": ("BMF", "BMF"),
}
# Policy field -> the Fachministerkonferenzen that deal with it.
FIELD_CONFERENCES: dict[str, tuple[str, ...]] = {
    "digital": ("DMK", "ITPLR", "CdS"), "bau": ("BMK", "RMK"), "energie": ("EnMK", "WMK"),
    "verkehr": ("VMK",), "gesundheit": ("GMK",), "umwelt": ("UMK",),
    "bildung": ("KMK", "JFMK"), "innen": ("IMK",), "arbeit": ("ASMK", "WMK"),
    "agrar": ("AMK",), "justiz": ("JuMiKo",), "finanzen": ("FMK", "MPK"),
}
MINISTRY_SWITCH_DATE = "2025-05-06"

REPORTS = ("Sachstandsbericht", "Zwischenbericht", "Abschlussbericht", "Evaluationsbericht")
RESULTS = ("ein Umsetzungskonzept", "einen Finanzierungsvorschlag", "einen Bericht",
           "konkrete Vorschläge", "einen Leitfaden", "eine Stellungnahme")
VERBS_REQUEST = ("vorzulegen", "zu erarbeiten", "zu unterbreiten", "vorzustellen")
FINANCE_VERBS = ("sicherzustellen", "zu verstetigen", "bereitzustellen")

PLACES = ("Berlin", "Hamburg", "München", "Leipzig", "Dresden", "Potsdam", "Mainz",
          "Wiesbaden", "Stuttgart", "Hannover", "Düsseldorf", "Bremen", "Kiel", "Schwerin",
          "Erfurt", "Magdeburg", "Saarbrücken", "Bonn", "Lübeck", "Weimar", "Rostock")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")

TOWN_PREFIXES = ("", "", "", "", "Bad ", "Neu", "Alt", "Ober", "Nieder", "Groß", "Klein")
TOWN_ROOTS = ("Linden", "Eichen", "Buchen", "Birken", "Rosen", "Lichten", "Falken", "Wolfs",
              "Hirsch", "Adler", "Mühl", "Kirch", "Stein", "Hasel", "Sonnen", "Marien",
              "Frieden", "Hohen", "Kalten", "Schön", "Wald", "Brunn", "Erlen", "Tannen",
              "Weiden", "Ahorn", "Quell", "Rhein", "Main", "Elb", "Oder", "Lahn", "Nah",
              "Sieg", "Wupper", "Fulda", "Eder", "Werra", "Isar", "Iller")
TOWN_SUFFIXES = ("berg", "burg", "dorf", "feld", "hausen", "heim", "ingen", "stadt", "bach",
                 "au", "hagen", "rode", "brück", "furt", "tal", "kirchen", "stein", "born",
                 "beck", "wede", "leben", "markt", "hofen", "weiler")
MUNICIPAL_THINGS = ("Datenplattform", "Bürgerportal", "Quartierszentrum", "Radverkehrskonzept",
                    "Wärmenetz", "Ganztagsschule", "Klimaschutzkonzept", "Stadtbücherei",
                    "Sporthalle", "Feuerwehrhaus", "Breitbandausbau", "Hochwasserschutzanlage",
                    "Mobilitätsstation", "Kindertagesstätte", "Sanierung des Rathauses")
MUNICIPAL_OFFICES = ("Geschäftsstelle Digitale Agenda", "Amt für Stadtentwicklung",
                     "Kämmerei", "Amt für Umwelt und Klima", "Bürgeramt", "Schulverwaltungsamt")
PARTNERS = ("den Stadtwerken {town}", "der Wirtschaftsförderung {town}", "dem Landkreis",
            "der Hochschule", "den Nachbargemeinden")
WORKING_GROUPS = ("Arbeitsgruppe Digitale Verwaltung", "Arbeitsgruppe Datenschutz",
                  "Arbeitsgruppe Finanzierung", "Fachkommission Städtebau",
                  "Arbeitsgruppe Smart Cities", "Arbeitsgruppe Fachkräfte",
                  "Projektgruppe Registermodernisierung", "Arbeitskreis Klimaanpassung")
BEGRUENDUNG = (
    "Die Länder haben in den vergangenen Jahren vielfältige Erfahrungen mit {topic} gesammelt. "
    "Um diese Entwicklung zu fördern und durch fachlichen Austausch weiter zu beschleunigen, "
    "bedarf es einer engeren Abstimmung von Bund, Ländern und Kommunen.",
    "Der Handlungsbedarf im Bereich {topic} ist unbestritten. Die bisherigen Strukturen "
    "reichen nicht aus, um die Vorhaben zügig und flächendeckend umzusetzen.",
    "Mit dem Beschluss wird der Auftrag aus der vorangegangenen Sitzung aufgegriffen. "
    "Die Einbeziehung aller Länder sowie der Kommunen steht aus.",
)
DECLARATIONS = (
    "{land} trägt den Beschluss mit, weist jedoch darauf hin, dass eine dauerhafte "
    "Mitfinanzierung {thing_gen} durch die Länder nicht beabsichtigt ist.",
    "{land} enthält sich der Stimme, da die Finanzierung {thing_gen} ungeklärt ist.",
    "{land} stimmt dem Beschluss unter Haushaltsvorbehalt zu.",
)
