"""Dutch (Netherlands and Flanders). Concepts: see ``lexicon/__init__.py``.

Dutch puts separable particles and infinitives last ("haal de emoji's weg", "mag ook erbij"),
so many removing and adding words are postposed operators here.
"""

from __future__ import annotations

LEXICON: dict[str, tuple[str, ...]] = {
    # ---- Polarity operators -------------------------------------------------------------------
    "neg": ("niet", "geen", "niks", "niets", "hoef je niet", "geen behoefte aan", "nee", "ik hoef geen", "hoeft geen"),
    "never": ("nooit", "nimmer", "nooit meer"),
    "negcop": ("is niet", "het is niet", "zijn niet"),
    "negpost": (
        "hoeft niet", "hoeven niet", "is niet nodig", "zijn niet nodig", "overbodig", "onnodig", "mag weg", "mogen weg",
        "kan weg", "kunnen weg", "niet nodig",
    ),
    "remove": (
        "hou op met", "houd op met", "stop eens met", "sla", "sla maar", "zonder", "schrap", "stop met", "genoeg met",
        "bespaar me", "vermijd", "skip", "weg met",
    ),
    "removepost": ("weg", "maar weg", "eruit", "achterwege", "overslaan", "weglaten", "weghalen"),
    "add": (
        "voeg (?:\\w+ )?toe", "gebruik", "zet", "stop er", "gooi er", "gooi", "doe er", "ik wil", "ik zou graag", "wil",
    ),
    "with": ("met",),
    "give": ("geef me", "geef", "laat (?:me )?zien", "toon", "stuur me"),
    "some": ("een paar", "enkele", "een aantal", "paar"),
    "addpost": (
        "erbij", "erin", "mag best", "mogen best", "mogen ook", "mag ook", "zijn welkom", "welkom", "mag", "mogen",
        "zou fijn zijn", "zou helpen", "is prima", "zijn prima", "kan geen kwaad",
    ),
    "addverb": ("zien", "gebruiken", "toevoegen", "erbij zetten", "erin zetten", "laten zien", "tonen"),
    "asin": ("in het", "naar het", "als", "in de vorm van", "in een", "op"),
    "like": (
        "prettig vind", "(?:vind ik|ik vind) (?:het )?(?:prettig|handig|fijn)", "prettig", "helpen me", "helpen mij",
        "ik hou van", "ik houd van", "ik vind het fijn", "vind ik fijn", "vind ik leuk", "ik vind het leuk", "fijn",
        "leuk", "ik heb liever", "liever", "ik prefereer", "voorkeur voor", "helpt me", "ik mis", "fan van", "gezellig",
    ),
    "dislike": (
        "vermoeien me", "vermoeit me", "overweldigen me", "slecht (?:in|met)", "kinderachtig", "ik haat", "haat",
        "ik heb een hekel aan", "een hekel aan", "hekel aan", "hekel", "irritant", "stoort me", "storen me",
        "ergerlijk", "word ik gek", "word ik gek van", "onprofessioneel", "staat niet professioneel",
        "niet professioneel", "niet mijn ding", "zegt me niks", "zegt me niets", "chinees voor mij", "vermoeiend",
        "lastig te lezen",
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
    ),
    "be": (
        "wees", "hou het", "houd het", "maak het", "maak", "schrijf het", "formuleer", "doe", "houd", "hou",
        "maak je antwoorden",
    ),
    # Verbs in final position that the preceding negation scopes over ("nooit emoji's gebruiken").
    "bepost": ("doen", "worden", "zijn"),
    "first": ("eerst", "vooraf", "van tevoren", "om te beginnen", "voor het antwoord", "voordat je"),
    "start": ("begin (?:met|je met)", "begint met", "begin", "start met", "open met", "beginnen"),
    "please": ("alsjeblieft", "alstublieft", "aub", "a\\.u\\.b\\.?", "graag", "svp", "pls", "ajb"),

    # ---- Scope and stance -----------------------------------------------------------------------
    "when": ("wanneer",),
    "but": ("maar", "echter", "behalve", "tenzij", "trouwens", "overigens"),
    "than": ("in plaats van", "liever dan", "dan"),
    "or": ("ofwel",),
    "standing": (
        "tenzij ik (?:erom|ernaar) vraag", "behalve als ik (?:erom )?vraag", "voortaan", "vanaf nu", "van nu af aan",
        "in de toekomst", "altijd", "elke keer", "iedere keer", "telkens", "onthoud", "denk eraan", "blijf dat doen",
        "ga zo door", "bij mij", "met mij", "in al je antwoorden", "in alle antwoorden", "standaard", "in het vervolg",
        "vanaf vandaag", "de rest van (?:het|dit) gesprek",
    ),
    "self": ("ik ben", "ben ik", "ik heb", "ik werk (?:als|in|met)", "ik doe"),
    "asif": ("alsof ik", "als (?:een|voor een) kind", "voor iemand die"),
    "request": (
        "kunnen we", "zullen we", "kan dat", "kun je", "kan je", "kunt u", "zou je", "zou u", "wil je", "wilt u",
        "kunt ge", "kunde", "mag het", "kan het", "zou het kunnen", "is het mogelijk",
    ),
    "thanks": ("bedankt", "dank je(?: wel)?", "dankjewel", "dank u(?: wel)?", "merci"),
    "praise": ("perfect", "precies goed", "handig", "precies wat ik zocht", "is prima zo", "prima zo"),
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
    ),
    "task": ("schrijf", "schrijf me", "bedenk", "noem", "stel (?:\\w+ )?op", "opstellen", "genereer", "verzin"),
    "translate": ("vertaal\\w*", "vertaling", "hoe zeg je", "hoe zeg je dat"),
    "explain": ("leg", "uitleggen", "vertel", "beschrijf"),
    # Third parties ("why do people …"), "of" (content follows), a solved problem (a satisfied "no code").
    "people": ("mensen", "iedereen", "sommigen", "velen"),
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
        "voor (?:mijn|m'n|onze) (?:\\w+ )?(?:zoon|dochter|kind(?:eren)?|baas|leidinggevende|manager|moeder|mama|vader|"
        "papa|oma|opa|vriend(?:in)?|vrouw|man|leraar|lerares|collega'?s?|klanten?|team|klas|neef|nicht)",
        "voor een kind van", "voor school",
    ),
    # The message hands over material to work on ("… here it is:"): nothing in it is feedback.
    "material": ("hier is de tekst",),
    "reported": (
        "(?:mijn|m'n) (?:\\w+ )?(?:baas|leidinggevende|manager|leraar|lerares|docent|vriend(?:in)?|moeder|vader|vrouw|"
        "man|collega|partner|klant) (?:\\w+ )?(?:zegt|vindt|zei|beweert)",
        "iedereen zegt",
    ),
    # A clause about a third person ("my mother-in-law sends me twenty emojis"): not about the answers.
    "thirdparty": (
        "(?:mijn|m'n|onze) (?:\\w+ )?(?:baas|leidinggevende|collega'?s?|vriend(?:in)?|moeder|vader|vrouw|man|zoon|"
        "dochter|kinderen|leraar|lerares|docent|zus|broer|oma|opa|buurman|buurvrouw|schoonmoeder|klanten?)",
    ),
    "mycontent": (
        "(?:mijn|m'n) (?:\\w+ )?(?:mails|e-?mails|teksten|brieven|verslagen|berichten|opstellen|essays|scriptie|brief|"
        "tekst|cv|presentatie|inleiding|mail)",
    ),
    "hypothetical": ("als ik (?:je )?zou vragen", "stel dat", "zou je dat onthouden"),
    "ability": ("kun jij (?:eigenlijk )?(?:ook )?", "spreek je", "kan je ook", "beheers je", "kun je ook"),
    "proglang": ("python", "java", "javascript", "typescript", "c\\+\\+", "rust", "golang", "php", "sql", "bash"),
    "noise": (
        "aan het begin", "maak je geen zorgen", "geen zorgen", "op een manier", "een alinea (?:van|over)",
        "de eerste alinea", "met andere woorden", "geen probleem", "graag gedaan",
    ),

    # ---- Pair and language concepts -----------------------------------------------------------
    "read": ("lezen", "lees", "gelezen", "te lezen", "doorlezen", "scrollen"),
    "phone": ("telefoon", "mobiel", "gsm", "in de trein", "in de bus", "onderweg"),
    "allthat": ("dit allemaal", "dat allemaal", "al die tekst", "zoveel tekst"),
    "longtext": ("boek", "roman", "epistel", "scriptie", "verhandeling", "preek", "bijbel", "opstel"),
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
    "years": (
        "(?:al )?(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|vijftien|twintig|dertig) jaar", "al jaren",
        "al (?:\\d+|jaren|vele) jaar", "\\d+ jaar (?:ervaring|als)", "van beroep", "beroepsmatig",
    ),
    "techjob": ("ontwikkelaar", "programmeur", "data-engineer", "systeembeheerder"),

    # ---- Value-bearing ------------------------------------------------------------------------
    "adj:length=concise": ("kort(?:e)?", "beknopt(?:e)?", "bondig(?:e)?", "kernachtig(?:e)?"),
    "adj:length=detailed": (
        "uitgebreid(?:e)?", "gedetailleerd(?:e)?", "grondig(?:e)?", "volledig(?:e)?", "diepgaand(?:e)?",
        "uitvoerig(?:e)?",
    ),
    "adj:tone=formal": (
        "formeel", "formele", "professioneel", "professionele", "zakelijk(?:e)?", "beleefd(?:e)?", "netjes", "serieus",
        "serieuze", "deftig(?:e)?",
    ),
    "adj:tone=casual": (
        "informeel", "informele", "los(?:se)?", "ontspannen", "luchtig(?:e)?", "amicaal", "amicale",
        "vriendelijk(?:e)?", "joviaal", "joviale", "persoonlijk(?:e)?", "losjes", "familiair(?:e)?",
    ),
    "adj:expertise=beginner": (
        "simpel(?:e)?", "eenvoudig(?:e)?", "makkelijk(?:e)?", "basaal", "basale", "begrijpelijk(?:e)?",
        "toegankelijk(?:e)?", "basic",
    ),
    "adj:expertise=expert": ("technisch(?:e)?", "geavanceerd(?:e)?", "ingewikkeld(?:e)?", "gespecialiseerd(?:e)?"),
    "adjlong:length=detailed": ("lang(?:e)?", "enorm(?:e)?", "ellenlang(?:e)?", "eindeloos", "eindeloze"),
    "comp:length=concise": ("korter(?:e)?", "beknopter(?:e)?", "bondiger(?:e)?", "compacter(?:e)?", "kernachtiger"),
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
    ),
    "judge:length=concise>format": ("blok tekst", "tekstblok", "muur van tekst"),
    "judge:length=detailed": (
        "summier(?:e)?", "oppervlakkig(?:e)?", "vaag", "vage", "mager", "karig", "onvolledig(?:e)?", "schraal",
    ),
    "judge:tone=casual": (
        "stijf", "stijve", "houterig(?:e)?", "robotachtig(?:e)?", "als een robot", "ambtelijk(?:e)?",
        "bureaucratisch(?:e)?", "stug(?:ge)?", "afstandelijk(?:e)?", "gekunsteld",
    ),
    "judge:tone=formal": ("ordinair",),
    "judge:expertise=beginner": (
        "snap ik niet", "ik snap het niet", "ik snap er niks van", "ik begrijp het niet", "ik begrijp er niks van",
        "begrijp ik niet", "ik ben de draad kwijt", "je bent me kwijt", "ik volg het niet", "ik kan het niet volgen",
        "te hoog gegrepen", "abracadabra", "onbegrijpelijk", "verwarrend",
    ),
    "judge:expertise=expert": ("kleuterniveau", "betuttelend", "neerbuigend", "open deur(?:en)?"),
    "judge:format=prose": (
        "als een boodschappenlijst(?:je)?", "gehakt", "hakkelig", "fragmentarisch", "versnipperd", "als een powerpoint",
    ),
    "judge:format=lists": ("in een blok", "een groot blok", "onleesbaar", "alles aan elkaar"),
    "judge:preamble=keep": ("kortaf", "abrupt", "met de deur in huis", "meteen te beginnen", "zo meteen"),
    "verb:length=concise": ("inkorten", "kort (?:het|dit|dat) in", "vat (?:\\w+ ){0,4}samen", "samenvatten"),
    "verb:length=detailed": (
        "uitwerken", "verder uitwerken", "werk (?:\\w+ )?uit", "uitweiden", "toelichten", "licht (?:\\w+ )?toe",
    ),
    "direct:length=concise": (
        "een zin is genoeg", "een zin volstaat",
        "(?:minder dan|maximaal|hooguit|hoogstens|niet meer dan) (?:\\d+|twee|drie|vier|vijf|tien|honderd) (?:zinnen|"
        "regels|woorden|alinea'?s)",
        "(?:in )?(?:twee|2|een|1)(?: of |-|, )(?:drie|3|twee|2) (?:zinnen|regels)", "kort en krachtig",
        "kort en bondig", "in het kort", "samengevat", "de kern", "de essentie", "alleen de hoofdzaken", "hoofdzaken",
        "de hoofdpunten", "hoofdpunten", "in (?:een|twee|drie|een paar|\\d+) (?:zin|zinnen|regel|regels|woorden)",
        "(?:een paar|twee|drie) zinnen", "ja of nee", "geen tijd", "weinig tijd", "ik heb haast", "korter maken",
    ),
    "direct:length=concise>preamble": (
        "kom (?:to|tot) the point", "to the point", "kom ter zake", "kom tot de kern", "ter zake",
    ),
    "direct:length=detailed": (
        "ga dieper in", "dieper ingaan", "ga er dieper op in", "in detail", "meer in detail", "tot in detail",
        "meer uitleg", "vertel meer",
    ),
    "direct:format=lists": (
        "(?:deel|verdeel) (?:het |dit |dat )?(?:op )?in (?:stappen|punten|delen|stukken)",
        "opdelen in (?:stappen|punten)", "structureer", "in stappen", "punt voor punt", "met kopjes", "kopjes",
        "overzichtelijk",
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
    ),
    "direct:preamble=keep": ("zeg (?:eerst )?(?:even )?hallo", "een kort hallo", "begroet me"),
    "direct:expertise=beginner": (
        "voor dummies", "digibeet", "alsof ik (?:vijf|5) (?:jaar )?ben", "alsof ik een kind ben", "voor een kind",
        "in (?:simpele|eenvoudige|gewone) (?:woorden|taal)", "jip-en-janneketaal", "jip en janneke", "mensentaal",
        "rustig aan", "langzaam", "ik ben (?:net )?begonnen",
        "ik ben geen (?:expert|techneut|programmeur|developer|ontwikkelaar|ingenieur)",
    ),
    "direct:expertise=beginner>language": ("ik leer nog", "ik ben aan het leren", "ik wil oefenen", "moet het leren"),
    "direct:expertise=expert": (
        "ik weet (?:heus |best |echt )?wel wat", "weet ik (?:al|heus wel)", "dat weet ik al", "ken ik al",
        "ga ervan uit dat ik", "de technische kant", "het technische", "onder collega'?s", "als collega",
        "ik ben geen beginner", "ik zit in het vak",
    ),
    "direct:code=include": ("in code", "met code", "om te kopieren", "copy-paste", "uitvoerbaar"),
    "direct:code=omit": ("in woorden", "alleen het idee", "alleen de uitleg", "alleen uitleg"),
    "flip:expertise=beginner": ("versimpel\\w*", "vereenvoudig\\w*", "simplificeer"),
    "trait:length=concise>format": ("langzame lezer", "ik lees langzaam", "dyslexie", "dyslectisch"),
    "trait:emoji=avoid": ("schermlezer", "voorleessoftware"),

    # ---- Targets: objects whose wanted value depends on the words around them --------------------
    "target:emoji": ("emoji'?s", "emojitjes", "icoontjes"),
    "target:list": (
        "tabel(?:len)?", "opsommingstekens", "opsomming(?:en)?", "lijst(?:je|jes|en)?", "bulletjes",
        "genummerde (?:lijst|stappen|punten)", "puntjes", "punten", "streepjes",
    ),
    "target:prose": (
        "lopende tekst", "doorlopende tekst", "alinea'?s", "alinea", "proza", "volzinnen", "hele zinnen",
        "gewone tekst", "gewoon verhaal", "een verhaal", "normale tekst", "gewone alinea'?s",
    ),
    "target:code": (
        "codevoorbeelden?", "code-?voorbeeld(?:en|je)?", "voorbeeldcode", "stukje code", "stukjes code", "broncode",
        "voorbeeldje in code",
    ),
    "target:intro": (
        "(?:me )?(?:te )?begroeten", "inleiding(?:en)?", "begroeting(?:en)?", "aanhef", "hallo", "hoi", "groet",
        "welkomstzin", "beleefdheidsfrasen", "aanloop", "qopener", "beleefdheden", "voorwoord", "introductie",
    ),
    "target:basics": (
        "de basis", "basis", "de basics", "de grondbeginselen", "grondbeginselen", "het abc", "de beginselen",
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
    "target:explainbasic": ("uit te leggen", "voorkauwen", "alles uitleggen", "bij de hand nemen"),
}
