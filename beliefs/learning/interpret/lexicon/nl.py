"""Dutch (Netherlands and Flanders). Concepts: see ``lexicon/__init__.py``.

Dutch puts separable particles and infinitives last ("haal de emoji's weg", "mag ook erbij"),
so many removing and adding words are postposed operators here.
"""

from __future__ import annotations

LEXICON: dict[str, tuple[str, ...]] = {
    # ---- Polarity operators -------------------------------------------------------------------
    "neg": (
        "niet", "geen", "niks", "niets", "hoef je niet", "geen behoefte aan", "nee", "ik hoef geen", "hoeft geen",
    ),
    "never": ("nooit", "nimmer", "nooit meer"),
    "negcop": ("is niet", "het is niet", "zijn niet"),
    "negpost": (
        "(?:hoef|wil) ik (?:nooit|niet)(?: meer)? te (?:zien|lezen|krijgen)", "hoeft niet",
        "hoeft niet", "hoeven niet", "is niet nodig", "zijn niet nodig", "overbodig", "onnodig", "mag weg", "mogen weg",
        "kan weg", "kunnen weg", "niet nodig",
    ),
    "remove": (
        "hou op met", "houd op met", "stop eens met", "sla", "sla maar", "zonder", "schrap", "stop met", "genoeg met",
        "bespaar me", "vermijd", "skip", "weg met",
    ),
    "removepost": (
        "maar zitten",
        "weg", "maar weg", "eruit", "achterwege", "overslaan", "weglaten", "weghalen",
        "(?:mag|mogen|kan|kunnen|moet|moeten) (?:er )?(?:eruit|uit|weg)", "maar achterwege", "maar weglaten",
        "maar eruit", "maar overslaan", "mag achterwege blijven",
    ),
    "add": (
        "voeg (?:\\w+ )?toe", "gebruik", "zet", "stop er", "gooi er", "gooi", "doe er", "ik wil", "ik zou graag", "wil",
        "aarzel niet om", "schroom niet om", "mag er", "mogen er", "mag er best", "mogen er best",
    ),
    "with": ("met",),
    "give": ("geef me", "geef", "laat (?:me )?zien", "toon", "stuur me"),
    "some": ("een paar", "enkele", "een aantal", "paar"),
    "addpost": (
        "erbij", "erin", "mag best", "mogen best", "mogen ook", "mag ook", "zijn welkom", "welkom", "mag", "mogen",
        "zou fijn zijn", "zou helpen", "is prima", "zijn prima", "kan geen kwaad",
    ),
    "addverb": (
        "zien", "gebruiken", "toevoegen", "erbij zetten", "erin zetten", "laten zien", "tonen", "geven", "sturen",
        "meegeven", "erbij doen",
    ),
    "asin": ("in het", "naar het", "als", "in de vorm van", "in een", "op"),
    "like": (
        "prettig vind", "(?:vind ik|ik vind) (?:het )?(?:prettig|handig|fijn)", "prettig", "helpen me", "helpen mij",
        "ik hou van", "ik houd van", "ik vind het fijn", "vind ik fijn", "vind ik leuk", "ik vind het leuk", "fijn",
        "leuk", "ik heb liever", "liever", "ik prefereer", "voorkeur voor", "helpt me", "ik mis", "fan van", "gezellig",
    ),
    "dislike": (
        "lees ik (?:gewoon |eigenlijk )?nooit(?: helemaal)?",
        "(?:weinig|geen) geduld (?:met|voor)", "lees ik (?:gewoon )?niet", "kan ik (?:niks|niets|weinig)(?: mee)?",
        "helpt me niet",
        "vermoeien me", "vermoeit me", "overweldigen me", "slecht (?:in|met)", "kinderachtig", "ik haat", "haat",
        "ik heb een hekel aan", "een hekel aan", "hekel aan", "hekel", "irritant", "stoort me", "storen me",
        "ergerlijk", "word ik gek", "word ik gek van", "onprofessioneel", "staat niet professioneel",
        "niet professioneel", "niet mijn ding", "zegt me niks", "zegt me niets", "chinees voor mij", "vermoeiend",
        "lastig te lezen",
        "vind ik (?:erg |heel |best |echt )?(?:lastig|moeilijk|zwaar|vermoeiend)", "heb ik (?:veel )?moeite mee",
        "ik heb moeite met", "moeite met", "(?:is|zijn) (?:voor mij )?(?:erg |heel |echt )?(?:lastig|moeilijk|zwaar)",
        "een marteling", "een crime",
        "pff+", "bah", "jeetje",
        "(?:maken|maakt) het (?:zo |erg |heel )?(?:rommelig|onoverzichtelijk|druk|chaotisch)",
        "(?:voelt|klinkt|is) (?:het )?(?:zo |wat |een beetje |nogal )?kil", "kil(?:le)?",
    ),
    "why": ("waarom", "wat moet ik met", "al die", "al dat", "wat doen al die", "waartoe"),
    "omitted": ("je slaat (?:\\w+ )?over", "je vergeet", "je bent (?:\\w+ )?vergeten", "ontbreekt", "ontbreken"),
    "know": ("ik weet", "weet ik", "ik ken", "ken ik", "ik snap", "ik beheers"),
    "excess": ("te", "veel te", "te veel", "teveel", "veel te veel", "zo veel", "zoveel", "overdreven"),
    "so": ("zo",),
    "intens": (
        "erg", "heel", "echt", "wel", "nogal", "best", "een beetje", "beetje", "behoorlijk", "vrij", "ietsje",
        "wel erg", "iets",
    ),
    "more": ("meer", "nog meer", "iets meer", "wat meer", "veel meer"),
    "less": ("minder", "wat minder", "iets minder", "veel minder"),
    "copula": (
        "het is", "dit is", "dat is", "klinkt", "lijkt", "voelt", "leest", "oogt", "komt (?:\\w+ )?over", "je bent",
        "wordt", "zou",
        "maakt het", "maakt alles",
    ),
    "be": (
        "wees", "hou het", "houd het", "maak het", "maak", "schrijf het", "formuleer", "doe", "houd", "hou",
        "maak je antwoorden",
    ),
    # Verbs in final position that the preceding negation scopes over ("nooit emoji's gebruiken").
    "bepost": (
        "doen", "worden", "zijn", "schrijven", "formuleren", "praten", "houden", "blijven",
        "brengen",
    ),
    "first": ("eerst", "vooraf", "van tevoren", "om te beginnen", "voor het antwoord", "voordat je"),
    "start": ("begin (?:met|je met)", "begint met", "begin", "start met", "open met", "beginnen"),
    "please": ("alsjeblieft", "alstublieft", "aub", "a\\.u\\.b\\.?", "graag", "svp", "pls", "ajb"),
    # Tolerating something ("I don't mind long answers") is no wish for it.
    "tolerate": (
        "(?:vind ik )?niet erg", "maakt me niet uit", "stoort me niet", "heb ik geen moeite mee", "ik heb niks tegen",
    ),
    # Doubting the wish in the clause that follows ("I don't think it needs to be shorter").
    "negthink": (
        "ik (?:denk|geloof|vind) niet dat", "ik denk niet", "ik betwijfel",
    ),
    # A tentative offer: "Stichpunkte vielleicht?" asks for the object it offers.
    "maybe": (
        "misschien", "wellicht",
    ),
    # "As technical as you like": permission for the adjective before it.
    "aslike": (
        "als je (?:wilt|wil)", "als u wilt",
    ),
    # Keeping what one answer did ("keep the bullets, just fix the typo"): about that answer, not a wish.
    "retain": (
        "(?:houd|hou|behoud|bewaar) (?:de|die|deze|je)", "laat (?:de|die|deze) \\w+ (?:staan|zo)",
    ),

    # ---- Scope and stance -----------------------------------------------------------------------
    "when": ("wanneer",),
    "but": ("maar", "echter", "behalve", "tenzij", "trouwens", "overigens"),
    "than": ("in plaats van", "liever dan", "dan"),
    "or": ("ofwel",),
    "standing": (
        "tenzij ik (?:erom|ernaar) vraag", "behalve als ik (?:erom )?vraag", "voortaan", "over het algemeen",
        "in het algemeen", "vanaf nu", "van nu af aan",
        "in de toekomst", "altijd", "elke keer", "iedere keer", "telkens", "onthoud", "denk eraan", "blijf dat doen",
        "ga zo door", "bij mij", "met mij", "in al je antwoorden", "in alle antwoorden", "standaard", "in het vervolg",
        "vanaf vandaag", "de rest van (?:het|dit) gesprek",
    ),
    "self": ("ik ben", "ben ik", "ik heb", "ik werk (?:als|in|met)", "ik werk", "ik doe"),
    "asif": ("alsof ik", "als (?:een|voor een) kind", "voor iemand die"),
    "request": (
        "kan (?:dit|dat|het)(?: ook)?",
        "kunnen we", "zullen we", "kan dat", "kun je", "kan je", "kunt u", "zou je", "zou u", "wil je", "wilt u",
        "kunt ge", "kunde", "mag het", "kan het", "zou het kunnen", "is het mogelijk",
    ),
    "thanks": ("bedankt", "dank je(?: wel)?", "dankjewel", "dank u(?: wel)?", "merci"),
    "praise": (
        "perfect", "precies goed", "handig", "precies wat ik zocht", "is prima zo", "prima zo",
        "(?:vond|vind) ik (?:top|super|geweldig|fijn|heel fijn|prima)", "beviel me (?:goed)?",
    ),
    "resolved": ("ik snap het nu", "ik begrijp het nu", "opgelost", "het werkt nu", "laat maar", "geeft niet"),
    "instance": ("aan het eind(?:e)?", "die je gebruikte", "op het eind"),
    "complaint": (
        "beantwoordt (?:mijn|de) vraag niet", "dat vroeg ik niet", "verouderd", "compileert niet", "je hebt het mis",
        "werkt niet", "niet wat ik (?:vroeg|bedoelde|wilde)", "weet je het zeker", "klopt geen bal", "dat is fout",
        "klopt niet", "dat klopt niet", "fout", "onjuist", "niet juist", "werkt (?:nog steeds |nog altijd )?niet",
        "zelfde fout(?:melding)?", "dezelfde fout(?:melding)?", "heb ik (?:echt )?niks aan", "heb ik niets aan",
        "nutteloos", "waardeloos", "niet wat ik vroeg", "dat is niet wat ik", "niet beantwoord",
        "je hebt mijn vraag niet beantwoord", "verzonnen", "verzint", "slaat nergens op", "mwah", "matig",
        "teleurstellend", "bestaat niet", "onzin", "klopt geen hout", "helpt niet", "niet goed",
    ),
    "opener": (
        "goede vraag", "mooie vraag", "uitstekende vraag", "hallo", "hoi", "natuurlijk", "zeker", "beste gebruiker",
        "goedemorgen",
    ),

    # ---- Gates: text that is not about the answers ----------------------------------------------
    "question": (
        "hoe", "wat", "welke", "waar", "wie", "hoeveel", "hoelang", "is het", "moet ik", "kan ik", "mag ik",
        "heb je tips", "tips", "wat is", "wat betekent", "wat is het verschil",
        "is het (?:onbeleefd|netjes|gepast|beleefd|raar|normaal)",
        "kan je (?:gewoon )?(?:emoji'?s )?(?:gebruiken|zetten) in", "staat het",
        "gebruiken mensen", "is het gebruikelijk", "doen mensen",
    ),
    "task": ("schrijf", "schrijf me", "bedenk", "noem", "stel (?:\\w+ )?op", "opstellen", "genereer", "verzin"),
    "translate": ("vertaal\\w*", "vertaling", "hoe zeg je", "hoe zeg je dat"),
    "explain": ("leg", "uitleggen", "vertel", "beschrijf"),
    # Third parties ("why do people …"), "of" (content follows), a solved problem (a satisfied "no code").
    "people": (
        "mensen", "iedereen", "sommigen", "velen", "ze", "men",
    ),
    "anaphor": ("het", "dit", "dat", "alles", "het antwoord", "je antwoord"),
    "answerpart": (
        "(?:het |de )?(?:eerste|tweede|derde|laatste|vorige|volgende) (?:punt|deel|alinea|stap|voorbeeld|stuk)",
        "(?:punt|stap) (?:\\d+|een|twee|drie|vier|vijf)", "het idee", "het concept",
    ),
    "indef": ("een", "twee", "drie", "vier", "vijf", "tien", "mijn", "m'n"),
    "of": ("van", "van de", "van het"),
    # "tell me more about X": the topic of a new question follows.
    "about": ("over",),
    "beneficiary": (
        ("voor (?:mijn|m'n|de|het|een|onze|ons) (?:\\w+ )?(?:spreekbeurt|toets|werkstuk|proefwerk|presentatie|"
         "huiswerk|les|mondeling|examen|tentamen)"),
        ("voor (?:mijn|m'n|onze) (?:\\w+ )?(?:zoon|dochter|kind(?:eren)?|baas|leidinggevende|manager|moeder|mama|vader|"
         "papa|oma|opa|vriend(?:in)?|vrouw|man|leraar|lerares|collega'?s?|klanten?|team|klas|neef|nicht)"),
        "voor een kind van", "voor school",
        ("voor (?:mijn|de|een|onze|ons) (?:\\w+ )?(?:speech|toespraak|presentatie|bruiloft|vergadering|feest|reis|"
         "examen|tentamen|sollicitatie|les|verjaardag)"),
        "voor (?:\\d+|twee|drie|vier|vijf|zes|acht|tien|twaalf) (?:personen|mensen|gasten|volwassenen|kinderen)",
    ),
    # The message hands over material to work on ("… here it is:"): nothing in it is feedback.
    "material": (
        "hier is de tekst",
        ("hier (?:is|zijn) (?:de|het|mijn|onze) (?:tekst|artikel|link|bestand|mail|e-?mail|verslag|concept|brief|"
         "document|aantekeningen)"),
    ),
    "reported": (
        ("(?:mijn|m'n) (?:\\w+ )?(?:baas|leidinggevende|manager|leraar|lerares|docent|vriend(?:in)?|moeder|vader|vrouw|"
         "man|collega|partner|klant) (?:\\w+ )?(?:zegt|vindt|zei|beweert)"),
        "iedereen zegt",
        "(?:hij|zij|ze) (?:zei|zegt|vindt|vroeg) (?:dat|me|om)",
    ),
    # A clause about a third person ("my mother-in-law sends me twenty emojis"): not about the answers.
    "thirdparty": (
        ("(?:mijn|m'n|onze) (?:\\w+ )?(?:baas|leidinggevende|collega'?s?|vriend(?:in)?|moeder|vader|vrouw|man|zoon|"
         "dochter|kinderen|leraar|lerares|docent|zus|broer|oma|opa|buurman|buurvrouw|schoonmoeder|klanten?)"),
        ("(?:mijn|m'n|onze) (?:\\w+ )?(?:nicht|neef|tante|oom|kleinzoon|kleindochter|kleinkinderen|zwager|schoonzus|"
         "schoonvader|vriendje|vriendinnetje|verloofde|huisgenoot|huisbaas|begeleider|leerlingen?|trainer|huisarts|ex|"
         "manager|chef)"),
    ),
    "mycontent": (
        ("(?:mijn|m'n) (?:\\w+ )?(?:mails|e-?mails|teksten|brieven|verslagen|berichten|opstellen|essays|scriptie|brief|"
         "tekst|cv|presentatie|inleiding|mail)"),
        "ik (?:schrijf|werk aan|maak) (?:een|mijn|m'n)", "ik ben (?:een \\w+ )?aan het (?:schrijven|maken)",
        "in (?:een|mijn|m'n) (?:\\w+ )?(?:mail|e-?mail|brief|bericht|appje|kaart)",
    ),
    "hypothetical": (
        "als ik (?:je )?zou vragen", "stel dat", "zou je dat onthouden",
        "als je (?:\\w+ )?(?:zou|zouden) (?:antwoorden|schrijven|praten)", "als je (?:in het \\w+ )?zou antwoorden",
    ),
    "ability": ("kun jij (?:eigenlijk )?(?:ook )?", "spreek je", "kan je ook", "beheers je", "kun je ook"),
    "proglang": ("python", "java", "javascript", "typescript", "c\\+\\+", "rust", "golang", "php", "sql", "bash"),
    "noise": (
        "pas (?:echt |goed |helemaal )?(?:als|wanneer|toen|na|sinds|nu)",
        "aan het begin", "maak je geen zorgen", "geen zorgen", "op een manier", "een alinea (?:van|over)",
        "de eerste alinea", "met andere woorden", "geen probleem", "graag gedaan",
        ("(?:een |de )?(?:boodschappenlijst|takenlijst|to-?do-?lijst|paklijst|gastenlijst|verlanglijst|leeslijst|"
         "cadeaulijst|ingredientenlijst)(?:je)?"),
        "(?:twee|drie|vier|\\d+) (?:zinnen|regels) (?:met|aan|vol)",
        "dresscode", "kledingvoorschrift", "kortingscode", "qr-code", "gedragscode",
    ),

    # ---- Pair and language concepts -----------------------------------------------------------
    "read": ("lezen", "lees", "gelezen", "te lezen", "doorlezen", "scrollen"),
    "phone": ("telefoon", "mobiel", "gsm", "in de trein", "in de bus", "onderweg"),
    "allthat": ("dit allemaal", "dat allemaal", "al die tekst", "zoveel tekst"),
    "longtext": (
        "boek", "roman", "epistel", "scriptie", "verhandeling", "preek", "bijbel", "opstel", "proefschrift",
        "encyclopedie", "biografie", "handboek", "levensverhaal", "oorlog en vrede",
    ),
    # Content whose size is the point, turned down after "I asked …, not …".
    "bigtopic": (
        ("(?:de |het |een |hele |complete |volledige )*(?:geschiedenis|levensverhaal|biografie|reisgids|gids|"
         "handleiding|college|lezing|cursus|verhaal)"),
    ),
    "exclaim": ("wat een", "een hele", "een heel", "zo'n", "echt een"),
    "answer": ("antwoord(?:en)?", "versie", "uitleg"),
    "simile": ("je klinkt als", "klinkt als", "lijkt wel", "leest als"),
    "bureau": (
        "belastingdienst", "gemeente", "ambtenaar", "notaris", "advocaat", "contract", "bank", "verzekeraar", "robot",
        "overheid", "bureaucraat", "formulier",
    ),
    "native": ("mijn moedertaal", "moedertaal", "mijn eigen taal", "mijn taal"),
    "respond": ("praat", "spreek", "reageer", "ga verder"),
    "switch": ("schakel over (?:naar|op)", "ga over (?:naar|op)", "stap over op"),
    "repeat": ("herhalen", "herhaal", "herformuleren", "parafraseren"),
    "myquestion": ("mijn vraag", "de vraag", "wat ik vroeg"),
    # Saying what the question was, to contrast it with what came back.
    "asked": (
        "ik vroeg(?: alleen| enkel| gewoon)?(?: om| naar)?", "gevraagd",
        "mijn vraag was",
    ),
    "years": (
        "(?:al )?(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|vijftien|twintig|dertig) jaar", "al jaren",
        "al (?:\\d+|jaren|vele) jaar", "\\d+ jaar (?:ervaring|als)", "van beroep", "beroepsmatig",
    ),
    "techjob": ("ontwikkelaar", "programmeur", "data-engineer", "systeembeheerder"),
    # People whose trade gives them expertise; with years of practice they read as experts.
    "profession": (
        "arts", "huisarts", "dokter", "chirurg", "verpleegkundige", "verpleger", "cardioloog", "neuroloog", "radioloog",
        "oncoloog", "longarts", "dermatoloog", "psycholoog", "psychiater", "kinderarts", "anesthesist", "tandarts",
        "apotheker", "dierenarts", "verloskundige", "fysiotherapeut", "therapeut", "jurist",
        "rechter", "accountant", "boekhouder", "belastingadviseur", "econoom", "leraar", "lerares", "docent",
        "hoogleraar", "onderzoeker", "wetenschapper", "statisticus", "wiskundige", "natuurkundige", "scheikundige",
        "bioloog", "elektricien", "monteur", "loodgieter", "timmerman", "kok", "piloot", "vertaler", "journalist",
        "ontwerper", "fotograaf", "analist", "consultant", "adviseur", "programmeer", "ik ontwikkel",
    ),

    # ---- Value-bearing ------------------------------------------------------------------------
    "adj:length=concise": ("kort(?:e)?", "beknopt(?:e)?", "bondig(?:e)?", "kernachtig(?:e)?"),
    "adj:length=detailed": (
        "uitgebreid(?:e)?", "gedetailleerd(?:e)?", "grondig(?:e)?", "volledig(?:e)?", "diepgaand(?:e)?",
        "uitvoerig(?:e)?",
        "compleet", "complete",
    ),
    "adj:tone=formal": (
        "formeel", "formele", "professioneel", "professionele", "zakelijk(?:e)?", "beleefd(?:e)?", "netjes", "serieus",
        "serieuze", "deftig(?:e)?",
        "keurig(?:e)?", "respectvol(?:le)?", "correct(?:e)?",
    ),
    "adj:tone=casual": (
        "informeel", "informele", "los(?:se)?", "ontspannen", "luchtig(?:e)?", "amicaal", "amicale",
        "vriendelijk(?:e)?", "joviaal", "joviale", "persoonlijk(?:e)?", "losjes", "familiair(?:e)?",
        "relaxed", "speels(?:e)?", "spontaan", "spontane", "menselijk(?:e)?", "warm(?:e)?", "hartelijk(?:e)?",
    ),
    "adj:expertise=beginner": (
        "simpel(?:e)?", "eenvoudig(?:e)?", "makkelijk(?:e)?", "basaal", "basale", "begrijpelijk(?:e)?",
        "toegankelijk(?:e)?", "basic",
    ),
    "adj:expertise=expert": (
        "technisch(?:e)?", "geavanceerd(?:e)?", "ingewikkeld(?:e)?", "gespecialiseerd(?:e)?", "vakkundig(?:e)?",
        "vaktechnisch(?:e)?", "specialistisch(?:e)?", "wetenschappelijk(?:e)?",
    ),
    "adjlong:length=detailed": ("lang(?:e)?", "enorm(?:e)?", "ellenlang(?:e)?", "eindeloos", "eindeloze"),
    "comp:length=concise": (
        "korter(?:e)?", "beknopter(?:e)?", "bondiger(?:e)?", "compacter(?:e)?", "kernachtiger", "directer",
    ),
    "comp:length=detailed": (
        "langer(?:e)?", "uitgebreider(?:e)?", "gedetailleerder(?:e)?", "grondiger(?:e)?", "vollediger(?:e)?", "dieper",
    ),
    "comp:expertise=beginner": ("simpeler(?:e)?", "eenvoudiger(?:e)?", "makkelijker(?:e)?", "begrijpelijker(?:e)?"),
    "comp:expertise=expert": ("diepgaander(?:e)?", "geavanceerder(?:e)?"),
    "comp:tone=casual": (
        "losser(?:e)?", "informeler(?:e)?", "luchtiger(?:e)?", "vriendelijker(?:e)?", "persoonlijker(?:e)?", "relaxter",
    ),
    "comp:tone=formal": (
        "formeler(?:e)?", "zakelijker(?:e)?", "professioneler(?:e)?", "beleefder(?:e)?", "netter(?:e)?",
        "serieuzer(?:e)?", "deftiger(?:e)?",
    ),
    "judge:length=concise": (
        "lap tekst", "langdradig(?:e)?", "breedsprakig(?:e)?", "wollig(?:e)?", "omslachtig(?:e)?", "gezwets",
        "geleuter", "veel te veel tekst", "niet gelezen",
        "lang van stof", "(?:een )?boekwerk", "(?:heel )?wollig",
    ),
    "judge:length=concise>format": (
        "blok tekst", "tekstblok", "muur van tekst", "(?:een |wat een )?(?:enorme |hele |lange )?lap(?:pen)? tekst",
        "(?:een )?muur (?:van|aan) tekst", "(?:een )?tekstblok(?:ken)?",
    ),
    "judge:length=detailed": (
        "summier", "wat summier",
        "summier(?:e)?", "oppervlakkig(?:e)?", "vaag", "vage", "mager", "karig", "onvolledig(?:e)?", "schraal",
        "kort door de bocht", "te kort door de bocht", "oppervlakkig(?:je)?",
    ),
    "judge:tone=casual": (
        "stijf", "stijve", "houterig(?:e)?", "robotachtig(?:e)?", "als een robot", "ambtelijk(?:e)?",
        "bureaucratisch(?:e)?", "stug(?:ge)?", "afstandelijk(?:e)?", "gekunsteld",
        "als een ambtenaar", "zo stijf als een plank",
    ),
    "judge:tone=formal": (
        "ordinair", "plat(?:te)? (?:taal|taalgebruik)", "te amicaal", "te joviaal",
    ),
    "judge:expertise=beginner": (
        "snap ik niet", "ik snap het niet", "ik snap er niks van", "ik begrijp het niet", "ik begrijp er niks van",
        "begrijp ik niet", "ik ben de draad kwijt", "je bent me kwijt", "ik volg het niet", "ik kan het niet volgen",
        "te hoog gegrepen", "abracadabra", "onbegrijpelijk", "verwarrend",
        "je gaat (?:er )?(?:van )?uit dat ik", "ik kan je niet volgen", "ik kan je niet meer volgen", "niet te volgen",
    ),
    "judge:expertise=expert": ("kleuterniveau", "betuttelend", "neerbuigend", "open deur(?:en)?"),
    "judge:format=prose": (
        "als een boodschappenlijst(?:je)?", "gehakt", "hakkelig", "fragmentarisch", "versnipperd", "als een powerpoint",
    ),
    "judge:format=lists": ("in een blok", "een groot blok", "onleesbaar", "alles aan elkaar"),
    "judge:preamble=keep": ("kortaf", "abrupt", "met de deur in huis", "meteen te beginnen", "zo meteen"),
    "verb:length=concise": (
        "inkorten", "kort (?:het|dit|dat) in", "vat (?:\\w+ ){0,4}samen", "samenvatten", "halveer (?:het|dat|dit)",
        "in(?:korten|kort)",
    ),
    "verb:length=detailed": (
        "uitwerken", "verder uitwerken", "werk (?:\\w+ )?uit", "uitweiden", "toelichten", "licht (?:\\w+ )?toe",
    ),
    "direct:length=concise": (
        "half zo lang",
        "een zin is genoeg", "een zin volstaat",
        ("(?:minder dan|maximaal|hooguit|hoogstens|niet meer dan) (?:\\d+|twee|drie|vier|vijf|tien|honderd) (?:zinnen|"
         "regels|woorden|alinea'?s)"),
        "(?:in )?(?:twee|2|een|1)(?: of |-|, )(?:drie|3|twee|2) (?:zinnen|regels)", "kort en krachtig",
        "kort en bondig", "in het kort", "samengevat", "de kern", "de essentie", "alleen de hoofdzaken", "hoofdzaken",
        "de hoofdpunten", "hoofdpunten", "in (?:een|twee|drie|een paar|\\d+) (?:zin|zinnen|regel|regels|woorden)",
        "(?:een paar|twee|drie) zinnen", "ja of nee", "geen tijd", "weinig tijd", "ik heb haast", "korter maken",
        "wees direct",
        "(?:ik ben )?halverwege (?:gestopt|afgehaakt)", "ik ben gestopt met lezen", "ik haakte halverwege af",
        "de helft is genoeg", "de helft volstaat",
    ),
    "direct:length=concise>preamble": (
        "kom (?:to|tot) the point", "to the point", "kom ter zake", "kom tot de kern", "ter zake",
    ),
    "direct:length=detailed": (
        "ga dieper in", "dieper ingaan", "ga er dieper op in", "in detail", "meer in detail", "tot in detail",
        "meer uitleg", "vertel meer",
        "liever te veel dan te weinig", "ook al wordt het lang", "ook als het lang wordt",
        "er ontbreekt (?:nog )?(?:iets|wat|van alles)", "leg (?:het )?(?:goed|fatsoenlijk|netjes) uit",
    ),
    "direct:format=lists": (
        "als (?:een )?(?:lijst|lijstje|opsomming)",
        "in stappen",
        "(?:deel|verdeel) (?:het |dit |dat )?(?:op )?in (?:stappen|punten|delen|stukken)",
        "opdelen in (?:stappen|punten)", "structureer", "in stappen", "punt voor punt", "met kopjes", "kopjes",
        "overzichtelijk",
        "puntsgewijs", "in puntjes", "in bullets", "per punt",
    ),
    "direct:tone=casual": (
        "ontspan", "praat (?:gewoon )?normaal", "gewoon normaal", "zoals een vriend", "als een vriend",
        "je mag (?:gewoon |best |gerust )?je (?:tegen me )?zeggen", "zeg (?:maar |gewoon )?je(?: tegen me)?",
        "doe maar gewoon",
    ),
    "direct:tone=formal": ("spreek (?:mij|me) (?:aan )?met u", "met u aan(?:spreken)?", "u-vorm"),
    "direct:preamble=skip": (
        "alleen het antwoord", "gewoon het antwoord", "direct het antwoord", "meteen het antwoord", "zonder omhaal",
        "zonder omwegen", "zonder poespas",
        "antwoord (?:meteen|direct)",
        "begin (?:gewoon |meteen |direct )?met het antwoord",
    ),
    "direct:preamble=keep": ("zeg (?:eerst )?(?:even )?hallo", "een kort hallo", "begroet me"),
    "direct:expertise=beginner": (
        "voor dummies", "digibeet", "alsof ik (?:vijf|5) (?:jaar )?ben", "alsof ik een kind ben", "voor een kind",
        "in (?:simpele|eenvoudige|gewone) (?:woorden|taal)", "jip-en-janneketaal", "jip en janneke", "mensentaal",
        "rustig aan", "langzaam", "ik ben (?:net )?begonnen",
        "ik ben geen (?:expert|techneut|programmeur|developer|ontwikkelaar|ingenieur)",
        "leg (?:die|de|deze|je) (?:termen|begrippen|vaktermen|afkortingen) (?:eens |even |nog eens )?uit",
        "(?:die|de|deze) (?:termen|begrippen|afkortingen) uitleggen",
        "alsof ik er (?:niks|niets) van weet", "alsof ik (?:niks|niets) weet",
        "(?:in |met )?(?:simpele|eenvoudige|gewone|makkelijke) woorden",
        "ik ben geen vakman", "niet uit het vak", "niet mijn vakgebied",
    ),
    "direct:expertise=beginner>language": ("ik leer nog", "ik ben aan het leren", "ik wil oefenen", "moet het leren"),
    "direct:expertise=expert": (
        "ik weet (?:heus |best |echt )?wel wat", "weet ik (?:al|heus wel)", "dat weet ik al", "ken ik al",
        "ga ervan uit dat ik", "de technische kant", "het technische", "onder collega'?s", "als collega",
        "ik ben geen beginner", "ik zit in het vak",
        "behandel me als (?:een )?(?:expert|professional|collega|specialist|vakgenoot)",
    ),
    "direct:code=include": ("in code", "met code", "om te kopieren", "copy-paste", "uitvoerbaar"),
    "direct:code=omit": ("in woorden", "alleen het idee", "alleen de uitleg", "alleen uitleg"),
    "flip:expertise=beginner": ("versimpel\\w*", "vereenvoudig\\w*", "simplificeer"),
    "trait:length=concise>format": ("langzame lezer", "ik lees langzaam", "dyslexie", "dyslectisch"),
    # Little time to read: a self-description that implies short answers.
    "trait:length=concise": (
        "(?:heel |erg |echt )?weinig tijd", "krap in (?:mijn|de) tijd",
        "tussen (?:twee )?(?:afspraken|vergaderingen|meetings|colleges) door", "ik scan",
        "(?:maar )?(?:vijf|twee|\\d+) minuten", "(?:ik )?heb het (?:erg |heel |echt |nogal )?druk",
    ),
    "trait:emoji=avoid": ("schermlezer", "voorleessoftware"),
    # Being new at something: a self-description that implies a beginner's answers.
    "trait:expertise=beginner": (
        "(?:de |mijn )?eerste keer (?:dat|met)", "(?:mijn )?eerste week (?:met|dat|op)",
        "geen (?:idee|flauw idee) (?:hoe|wat|van)",
        "(?:ik )?weet (?:hier |er |daar )?(?:echt |helemaal |totaal )?(?:niks|niets) van",
        "ben (?:daar |hier |er )?(?:helemaal |echt )?niet in thuis", "geen verstand van", "(?:pas|net) begonnen met",
        "ik ben (?:daar |hier |er )?(?:helemaal |echt |totaal )?niet in thuis",
        "ik weet (?:hier |er |daar )?(?:echt |helemaal |totaal )?(?:niks|niets) van",
        "ik begin (?:pas |net )?(?:met|aan)", "ik ben (?:pas |net )?begonnen",
    ),

    # ---- Targets: objects whose wanted value depends on the words around them --------------------
    "target:emoji": (
        "emoji'?s", "emojitjes", "icoontjes", "smileys?", "emoticons?", "emoji",
    ),
    "target:list": (
        "tabel(?:len)?", "opsommingstekens", "opsomming(?:en)?", "lijst(?:je|jes|en)?", "bulletjes",
        "genummerde (?:lijst|stappen|punten)", "puntjes", "punten", "streepjes",
        "bolletjes", "opsommingen",
        "onder elkaar",
        "bullets?", "bullet ?points?", "stappenplan",
    ),
    "target:prose": (
        "lopende tekst", "doorlopende tekst", "alinea'?s", "alinea", "proza", "volzinnen", "hele zinnen",
        "gewone tekst", "gewoon verhaal", "een verhaal", "normale tekst", "gewone alinea'?s",
        "(?:hele |volledige |gewone |echte )?zinnen",
    ),
    "target:code": (
        "codevoorbeelden?", "code-?voorbeeld(?:en|je)?", "voorbeeldcode", "stukje code", "stukjes code", "broncode",
        "voorbeeldje in code",
        "code", "script(?:s|je)?", "snippets?", "codefragment(?:en)?",
    ),
    "target:intro": (
        "(?:me )?(?:te )?begroeten", "inleiding(?:en)?", "begroeting(?:en)?", "aanhef", "hallo", "hoi", "groet",
        "welkomstzin", "beleefdheidsfrasen", "aanloop", "qopener", "beleefdheden", "voorwoord", "introductie",
        "intro", "inleidend praatje", "praatje vooraf", "openingszin(?:nen)?", "gedoe vooraf",
    ),
    "target:basics": (
        "de basis", "basis", "de basics", "de grondbeginselen", "grondbeginselen", "het abc", "de beginselen",
        "(?:een |de )?(?:inleiding|introductie) (?:in|tot|op)",
    ),
    "target:jargon": ("vakjargon", "vaktermen", "moeilijke woorden", "technische termen", "afkortingen", "vaktaal"),
    "target:detail": ("diepgang", "achtergrond", "informatie", "toelichting"),
    "target:formalities": ("formaliteiten", "poespas", "plichtplegingen"),
    "target:slang": ("amicaliteit", "straattaal", "spreektaal"),
    "target:tone_formal": (
        "(?:eine |een )?(?:formele|zakelijke|professionele) (?:taalgebruik|taal)",
        "(?:een )?(?:wat )?(?:formele|zakelijke|professionele|professionelere|formelere|zakelijkere|serieuze) toon",
    ),
    "target:tone_casual": (
        "(?:eine |een )?(?:informele|losse|luchtige) (?:taalgebruik|taal)",
        "(?:een )?(?:wat )?(?:informele|losse|luchtige|vriendelijke|amicale) toon",
    ),
    "target:address_formal": ("met u", "vousvoyeren"),
    "target:address_informal": ("tutoyeren",),
    "target:summary": ("samenvatting", "korte versie", "kortere versie"),
    "target:text": ("teksten", "tekst", "woorden"),
    "target:techdomain": ("techniek", "ict", "programmeren", "wiskunde"),
    "target:id_beginner": (
        "(?:een )?(?:kind|kleuter)",
        "(?:een |totale |complete |absolute )*(?:beginner|beginneling|leek|nieuweling|groentje)",
        "nieuw (?:met|in|bij) \\w+", "nieuw hierin",
    ),
    "target:id_expert": ("senior[\\w-]*", "specialist", "ervaren", "gepromoveerd", "veteraan"),
    "target:explainbasic": (
        "uit te leggen", "voorkauwen", "alles uitleggen", "bij de hand nemen",
        "uit(?:te)?leggen wat (?:een |de |het )?\\w+ (?:is|zijn|betekent)", "uitleggen wat",
    ),
    "excesspost": (
        "(?:is|zijn|was) (?:echt |gewoon |veel )?(?:te veel|teveel)(?: voor mij)?(?= ?(?:[.!?,;:]|$))",
    ),
    "direct:format=prose": (
        "schrijf (?:het )?(?:gewoon |maar )?uit", "uitschrijven", "in (?:hele |volledige |gewone )?zinnen",
    ),
    "effect": (
        "dan is het", "dan wordt het", "dat maakt het", "zodat het",
    ),
}
