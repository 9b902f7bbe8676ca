"""German (including common Swiss and colloquial spellings). Concepts: see ``lexicon/__init__.py``.

Folding turns "ß" into "ss" and drops umlauts, so "weiß"/"weiss" and "förmlich"/"formlich" match
alike. Comparatives inflect ("kürzere Antworten"), hence the ``(?:e|en|er|es|em)?`` endings.
"""

from __future__ import annotations

_E = "(?:e|en|er|es|em)?"  # adjective endings

LEXICON: dict[str, tuple[str, ...]] = {
    # ---- Polarity operators -------------------------------------------------------------------
    "neg": (
        "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nichts", "nix", "gar nicht", "bloss nicht",
        "bitte nicht", "nicht mehr", "keine? mehr", "musst (?:mir )?nicht", "muss nicht",
        "brauchst (?:mir )?(?:das )?nicht", "braucht (?:es )?nicht", "kein bedarf an", "ich brauche keine?n?",
        "ich brauch keine?n?", "brauch keine?n?", "nicht nötig", "du musst (?:mir )?(?:das )?nicht",
        "null",
    ),
    "never": ("nie", "niemals", "nie wieder", "nie mehr"),
    "negcop": ("ist nicht", "ist es nicht", "war nicht", "sind nicht", "das ist nicht", "ist doch nicht"),
    "negpost": (
        "brauch(?:e)? ich nicht", "brauchst du nicht", "braucht es nicht", "ist nicht nötig", "sind nicht nötig",
        "unnötig", "überflüssig", "muss nicht sein", "müssen nicht sein", "brauch ich nicht",
        "(?:kannst|können) (?:du|sie) (?:dir|sich) sparen", "kannst du weglassen", "will ich nicht", "mag ich nicht",
    ),
    "remove": (
        "ohne", "spar dir", "spare dir", "sparen sie sich", "verzichte auf", "verzichten sie auf", "streich",
        "streiche", "lass weg", "schluss mit", "hör auf mit", "hör auf", "genug mit", "genug der", "weg mit",
        "raus mit", "lass die", "lass das", "lass den", "lass dieses", "lass diese", "lass bitte", "lass mal",
        "verschone mich mit", "kein(?:e)? weiteren",
    ),
    "removepost": (
        "weg", "raus", "kann weg", "können weg", "weglassen", "rauslassen", "rausnehmen", "streichen",
        "(?:kann|darf|können|dürfen|muss|müssen) (?:ruhig |gern |gerne )?(?:raus|weg)",
    ),
    "add": (
        "füg \\w+ hinzu", "füge \\w+ hinzu", "benutze", "benutz", "verwende", "verwend", "nutze", "nutz", "pack",
        "packe", "bau", "ich will", "mach (?:mal |doch |bitte |uns )?(?:ne|eine|einen|n)",
        "gib (?:mir )?(?:mal )?(?:ne|n)", "ich möchte", "ich hätte gern(?:e)?", "ich brauche", "ich brauch",
        "ich bräuchte", "nimm", "setz", "mach", "mache", "gerne mit", "ruhig", "bring", "bitte mit",
        "zögere nicht", "scheu dich nicht", "trau dich ruhig",
    ),
    # A preposition that adds, weakly: "mit Code" loses to "kann ich nichts anfangen".
    "with": ("mit",),
    "give": ("mach mir", "gib mir", "gib", "zeig mir", "zeig", "zeige", "schick mir", "liefer mir", "gebt mir"),
    "some": ("ein paar", "einige", "paar", "n paar", "ein, zwei"),
    "addpost": (
        "erlaubt", "willkommen", "(?:sind|ist) willkommen",
        "dürfen (?:ruhig |gerne |gern )?(?:rein|sein|mit rein|dazu)", "dürfen gern(?:e)?",
        "wären (?:schön|nett|gut|toll|hilfreich|super)", "wäre (?:schön|nett|gut|toll|hilfreich|super)",
        "schadet nicht", "kann nicht schaden", "würde helfen", "würden helfen", "gerne", "gern", "sind okay",
        "ist okay", "sind ok", "gern gesehen", "rein", "dazu", "mit rein",
        "(?:ware?|war'?) (?:netter|schoner|besser|angenehmer|freundlicher)", "(?:wurde|wuerde) nicht schaden",
    ),
    "addverb": (
        "sehen", "packen", "dazupacken", "dazutun", "hinzufügen", "einbauen", "reinpacken", "einfügen", "ergänzen",
        "dazuschreiben", "benutzen", "verwenden", "nutzen", "zeigen", "haben", "zu benutzen", "zu verwenden",
        "geben", "schicken", "mitgeben", "mitliefern",
    ),
    "whynot": ("warum nicht", "wieso nicht"),
    "asin": ("als", "in", "auf", "ins", "in form von", "in form einer", "in form eines", "als eine?"),
    "like": (
        "ich mag", "mag ich", "ich liebe", "liebe", "ich bevorzuge", "bevorzuge", "lieber", "ich hätte lieber",
        "ist mir lieber", "mir lieber", "gefällt mir", "gefallen mir", "finde ich gut", "find ich gut",
        "ich bin (?:ein )?(?:großer |totaler )?fan", "fan", "sagt mir mehr", "sagen mir mehr",
        "verstehe (?:ich )?besser", "hilft mir", "helfen mir", "ich vermisse", "vermisse",
        "komm ich (?:am besten|besser) klar", "finde ich schön", "find ich schön", "mag es",
    ),
    "dislike": (
        "(?:sind|ist) (?:fur mich |mir )?(?:eine |die reinste )?qual",
        "(?:wenig|keine|null|kaum) geduld (?:fur|mit)", "(?:hilft|helfen) mir (?:nicht|nichts|kaum)",
        "sagt mir (?:gar |überhaupt )?nichts", "sagen mir (?:gar |überhaupt )?nichts", "überfordern mich",
        "überfordert mich", "ermüden mich", "strengen mich an", "keine ahnung",
        "(?:bin )?(?:schlecht|eine niete|hoffnungslos|unbegabt) (?:in|mit|bei)", "kindisch", "albern", "ich hasse",
        "hasse", "ich mag keine", "mag keine", "ich mag kein", "nervt", "nerven", "nervig", "nervt mich", "nerven mich",
        "stört", "stören", "störend", "stört mich", "unprofessionell", "wirkt unseriös", "unseriös", "anstrengend",
        "mühsam", "nicht mein ding", "kann ich nichts anfangen", "nichts anfangen", "sagt mir nichts",
        "sagen mir nichts", "(?:ist|sind) (?:für mich )?böhmische dörfer",
        "finde? ich (?:etwas |ein bisschen |ziemlich |sehr )?kühl", "kühl", "überfordert mich", "schwer zu lesen",
        "ich überspringe", "überspringe ich", "ich ignoriere", "lenkt ab", "lenken ab", "find ich doof",
        "finde ich doof",
        "(?:tu|tue) ich mich schwer", "tu mich schwer", "fällt mir schwer", "fallen mir schwer",
        "fällt mir (?:echt |sehr )?schwer", "hab(?:e)? ich (?:echt |grosse |meine )?(?:mühe|probleme|schwierigkeiten)",
        "(?:mühe|probleme|schwierigkeiten) mit", "ist (?:für mich )?(?:echt |sehr )?schwierig",
        "sind (?:für mich )?(?:echt |sehr )?schwierig", "ist eine qual", "sind eine qual", "quälerei",
        "bringt mir nichts", "bringen mir nichts", "nützt mir nichts", "nützen mir nichts", "hilft mir nicht",
        "boah", "uff", "ächz",
    ),
    "why": (
        "wozu", "warum", "wieso", "weshalb", "was sollen", "was soll", "die ganzen", "diese ganzen", "all die",
        "was ist mit den", "was sollen die", "was soll das mit",
    ),
    "omitted": (
        "du hast (?:\\w+ )?(?:vergessen|weggelassen|übersprungen|ausgelassen)", "du springst", "springst über", "fehlt",
        "fehlen", "du lässt (?:\\w+ )?weg",
    ),
    "know": (
        "ich weiß", "weiß ich", "ich kenne", "kenne ich", "kenn ich", "ich verstehe", "ich beherrsche",
        "beherrsche ich",
    ),
    "excess": (
        "die vielen", "diese vielen", "zu", "viel zu", "viel zu viel", "allzu", "zu viel", "zu viele", "zuviel",
        "zuviele", "z'vill", "zvill", "zu sehr", "so viel", "so viele", "übertrieben", "reichlich",
    ),
    "so": ("so", "derart", "dermaßen", "dermassen"),
    "intens": (
        "sehr", "echt", "wirklich", "ziemlich", "etwas", "ein bisschen", "bisschen", "ein wenig", "ganz", "total",
        "voll", "recht", "arg", "mega", "extrem", "viel", "ein bissl", "bissl", "chli", "e bitz", "ein klein wenig",
        "leicht",
    ),
    "more": ("mehr", "noch mehr", "etwas mehr", "ein bisschen mehr", "viel mehr", "weitere", "zusätzliche?n?"),
    "less": ("weniger", "etwas weniger", "nicht so viel", "nicht so viele", "viel weniger", "bisschen weniger"),
    "copula": (
        "das ist", "das war", "es ist", "es war", "ist", "war", "sind", "wirkt", "wirken", "klingt",
        "kommt (?:\\w+ )?rüber", "wäre", "wird", "würde", "liest sich", "fühlt sich", "das ging", "ist ja",
        "das ist ja", "ist mir", "du bist", "das wirkt", "isch", "isch mer",
        "macht es", "macht alles", "macht das",
    ),
    # German "es" (it) is folded like Spanish "es" (is): one token, both roles.
    "cop_it": ("es",),
    "be": (
        "sei", "seien sie", "bleib", "bleiben sie", "halt es", "halte es", "halte dich", "halt dich", "mach es",
        "mach das", "machs", "mach's", "mache es", "mach deine antworten", "gestalte", "schreib es", "schreib das",
        "schreibe es", "formulier(?:e)? (?:es|das)", "formulieren", "formuliere", "antworte", "antworten sie",
        "antwortest", "mache das", "halte deine antworten",
    ),
    # Verbs in final position that a preceding negation scopes over ("keine Emojis benutzen").
    # "technisch werden", "kurz sein": the copula after the adjective makes it a wish.
    "bepost": (
        "werden", "sein", "schreiben", "erklären", "halten", "bleiben", "fassen",
        "rüberbringen",
    ),
    "first": ("vorher", "zuerst", "erst", "vorab", "davor", "bevor du", "vor der antwort", "erst mal", "erstmal"),
    "start": (
        "fang (?:\\w+ )?(?:mit|an)", "fang an", "fange mit", "beginne mit", "beginn mit", "starte mit", "fang gern",
        "fang doch", "steig (?:\\w+ )?ein", "anfangen mit", "leg los mit", "einsteigen",
    ),
    "please": ("bitte", "bitteschön", "bitte bitte", "pls", "plz"),
    # Tolerating something ("I don't mind long answers") is no wish for it.
    "tolerate": (
        "(?:es |das )?(?:macht|stört) mich nicht", "macht mir nichts aus", "stört mich nicht", "ist mir egal",
        "ich habe nichts gegen",
    ),
    # Doubting the wish in the clause that follows ("I don't think it needs to be shorter").
    "negthink": (
        "ich (?:glaube|denke|finde|meine) nicht", "glaub(?:e)? nicht", "ich bezweifle",
    ),
    # A tentative offer: "Stichpunkte vielleicht?" asks for the object it offers.
    "maybe": (
        "vielleicht", "evtl\\.?", "eventuell",
    ),
    # "As technical as you like": permission for the adjective before it.
    "aslike": (
        "wie du (?:willst|möchtest|magst)", "wie sie (?:wollen|möchten)",
    ),
    # Keeping what one answer did ("keep the bullets, just fix the typo"): about that answer, not a wish.
    "retain": (
        "behalt(?:e|en sie)? (?:die|den|das|deine)", "lass (?:die|den|das|deine) \\w+ (?:drin|so|stehen)",
        "lass (?:die|den|das)", "bleib bei (?:den|der|dem)",
    ),

    # ---- Scope and stance -----------------------------------------------------------------------
    "when": ("wenn", "sobald"),
    "but": (
        "aber", "jedoch", "sondern", "trotzdem", "egal", "übrigens", "ausser", "es sei denn", "ansonsten", "sonst",
        "allerdings",
    ),
    "than": ("statt", "anstatt", "anstelle", "stattdessen", "anstatt nur", "lieber als", "besser als", "eher als"),
    "or": ("oder", "bzw\\.?", "beziehungsweise"),
    "standing": (
        "im allgemeinen", "es sei denn,? ich (?:frage|bitte|will)(?: \\w+)?", "ausser ich (?:frage|bitte)(?: \\w+)?",
        "ab jetzt", "ab sofort", "von nun an", "von jetzt an", "ab heute", "künftig", "zukünftig", "in zukunft",
        "immer", "grundsätzlich", "generell", "jedes mal", "jedesmal", "stets", "dauerhaft",
        "für den rest (?:des|dieses|unseres) (?:chats|gesprächs|gespräches|unterhaltung)", "merk dir", "merke dir",
        "denk dran", "denk daran", "behalte? im hinterkopf", "weiterhin", "mach weiter so", "bei mir", "mit mir",
        "in allen (?:antworten|künftigen)", "alle antworten", "für alle (?:antworten|zukünftigen)", "durchgehend",
        "ab hier", "in diesem chat",
    ),
    "self": (
        "ich bin", "bin", "ich hab", "ich habe", "hab ich", "ich arbeite", "ich mach das", "ich mache das",
        "ich bin selbst", "ich selbst",
    ),
    "asif": (
        "als hätte ich (?:nie|noch nie|keine)",
        "als wäre ich", "als ob ich", "als hätte ich", "wie einem", "wie einer", "wie für einen", "als sei ich",
        "so als", "als wär ich",
        "als wär(?:e|')? ich", "als ob ich \\w+ wär(?:e)?",
    ),
    "request": (
        "können wir", "könnten wir", "wollen wir", "lass uns", "kannst du", "könntest du", "können sie", "könnten sie",
        "würdest du", "würden sie", "magst du", "geht das", "ginge das", "wäre es möglich", "chasch", "kannst",
        "machst du", "ich hätte gern, dass", "ich möchte, dass", "ich will, dass", "wie wärs mit", "wie wäre es mit",
    ),
    "thanks": ("danke", "dankeschön", "vielen dank", "merci", "danke dir", "besten dank"),
    "praise": (
        "perfekt", "passt (?:so|super|perfekt)", "passt", "genau richtig", "genau so", "top", "klasse", "hilfreich",
        "spitze", "sehr gut", "gut so",
        "hat mir (?:sehr |echt )?gefallen", "(?:fand|find) ich (?:super|toll|klasse|spitze|gut)",
    ),
    "resolved": (
        "hab'?s verstanden", "jetzt verstehe ich", "hat sich erledigt", "erledigt", "alles klar", "schon gut",
        "funktioniert jetzt",
    ),
    "instance": ("am ende", "am schluss", "die du benutzt hast", "die du verwendet hast"),
    "complaint": (
        "beantwortet (?:meine|die) frage (?:gar |überhaupt )?nicht", "(?:das )?hab(?:e)? ich nicht gefragt",
        "nicht gefragt", "veraltet", "kompiliert nicht", "das war nicht gefragt",
        "nicht das,? was ich (?:wollte|gefragt habe|meinte)", "du liegst falsch", "funktioniert nicht", "keine hilfe",
        "(?:völlig )?daneben", "bist du sicher", "das kann nicht stimmen", "so nicht", "fehlerhaft", "falsch",
        "das ist falsch", "stimmt (?:so )?nicht", "stimmt doch nicht", "quatsch", "unsinn", "blödsinn", "schwachsinn",
        "funktioniert (?:immer noch |trotzdem |leider |noch immer )?nicht", "geht (?:immer noch |noch immer )?nicht",
        "klappt (?:immer noch |noch immer )?nicht", "gleicher fehler", "derselbe fehler", "selber fehler",
        "gleiche fehler", "bringt (?:mir )?(?:nix|nichts|wenig)", "hilft (?:mir )?nicht", "nutzlos", "unbrauchbar",
        "nicht (?:das|was) ich (?:gefragt|wollte|meinte|gemeint)", "darum ging'?s (?:doch )?(?:gar )?nicht",
        "darum geht'?s (?:doch )?(?:gar )?nicht",
        "(?:hast|haben) (?:meine frage )?(?:gar |überhaupt )?nicht beantwortet", "nicht beantwortet", "nicht so dolle",
        "naja", "na ja", "enttäuscht", "enttäuschend", "passen hinten und vorne nicht", "erfunden", "existiert nicht",
        "gibt es nicht", "mies", "schlecht", "nicht gut", "versuch'?s nochmal", "nochmal bitte", "am thema vorbei",
        "thema verfehlt", "ergibt keinen sinn", "macht keinen sinn", "bringt nix", "hilft nicht", "nicht hilfreich",
        "das war nix", "käse",
    ),
    # Opening lines an answer should not start with; used to recognise a quoted opener.
    "opener": (
        "super frage", "gute frage", "tolle frage", "spannende frage", "interessante frage", "hallo", "hi",
        "sehr geehrte[rn]?", "liebe[rn]? nutzer\\w*", "gerne", "natürlich", "klar",
    ),

    # ---- Gates: text that is not about the answers ----------------------------------------------
    "question": (
        "wie", "was", "welche[rsnm]?", "wann", "wo", "wer", "wen", "wem", "wessen", "ist es", "ist das", "gibt es",
        "soll ich", "sollte ich", "kann ich", "darf ich", "muss ich", "wie viele", "wieviel", "wie lange",
        "wie mache ich", "hast du tipps", "tipps", "was ist besser", "lohnt sich", "wieviele",
        "sind (?:stichpunkte|emojis|listen)", "was bedeutet", "was heisst",
        "ist es (?:unhöflich|okay|ok|in ordnung|angebracht|unprofessionell|normal)", "darf man", "gehört es sich",
        "macht man das",
        "(?:benutzen|verwenden|schreiben) (?:die )?leute", "macht man", "ist es üblich",
    ),
    "task": (
        "fass", "fasse", "schreib", "schreibe", "schreib mir", "verfass", "verfasse", "entwirf", "erstell", "erstelle",
        "generier", "generiere", "nenn", "nenne", "nenn mir", "nenne mir", "formulier mir", "plane", "such mir",
        "schlag \\w+ vor", "dichte",
    ),
    "translate": (
        "übersetz\\w*", "übersetzung", "wie sagt man", "wie heisst (?:\\w+ )?auf", "was heisst (?:\\w+ )?auf",
    ),
    "explain": ("erklär", "erkläre", "erklären sie", "erzähl", "erzähle", "beschreib", "beschreibe"),
    "wh": ("ob",),
    # Third parties ("why do people …"), "of" (content follows), a solved problem (a satisfied "no code").
    "people": (
        "leute", "die leute", "alle", "viele", "manche", "andere", "viele leute", "man",
    ),
    "anaphor": ("das", "dies", "dieses", "den text", "die antwort", "alles", "das ganze", "deine antwort"),
    "answerpart": (
        ("(?:den |die |das )?(?:ersten?|zweiten?|dritten?|letzten?|vorletzten?) (?:punkt|teil|absatz|schritt|beispiel|"
         "abschnitt)"),
        "(?:punkt|schritt|teil) (?:\\d+|eins|zwei|drei|vier|fünf)", "die idee", "das konzept", "den rest",
    ),
    "indef": (
        "ein", "eine", "einen", "einem", "einer", "\\d+", "zwei", "drei", "vier", "fünf", "sechs", "zehn", "mein",
        "meine",
    ),
    "of": ("von", "von", "vom", "über den", "über die"),
    # "tell me more about X": the topic of a new question follows.
    "about": ("über", "zum thema"),
    "beneficiary": (
        ("für (?:mein|meine|meinen|das|die|den|ein|eine|einen|unser|unsere) (?:\\w+ )?(?:prüfung|klausur|referat|"
         "hausaufgabe|hausaufgaben|hausarbeit|test|vortrag|präsentation|abschlussarbeit|unterricht)"),
        ("für (?:meine?n?|unsere?n?) (?:\\w+ )?(?:chef(?:in)?|sohn|tochter|kind(?:er)?|mutter|mama|vater|papa|oma|opa|"
         "freund(?:in|e)?|frau|mann|lehrer(?:in)?|kolleg(?:en|in)?|kunden?|team|klasse|schüler|neffen|nichte)"),
        "für (?:einen?|ein) (?:\\d+|fünf|sechs|sieben|acht|neun|zehn)[- ]?jährige[nr]?", "für die schule",
        ("für (?:meine?n?|unsere?n?|die|das|den|eine?n?) (?:\\w+ )?(?:rede|präsentation|hochzeit|besprechung|party|"
         "feier|reise|prüfung|klausur|bewerbung|vorstellungsgespräch|unterricht|stunde|vortrag|trauerrede|"
         "geburtstag\\w*|newsletter)"),
        "für (?:\\d+|zwei|drei|vier|fünf|sechs|acht|zehn|zwölf) (?:personen|leute|gäste|erwachsene|kinder)",
    ),
    # The message hands over material to work on ("… here it is:"): nothing in it is feedback.
    "material": (
        "hier ist (?:der|mein) text",
        ("hier (?:ist|sind) (?:der|die|das|mein|meine|unser|unsere) (?:text|artikel|link|datei|mail|e-?mail|bericht|"
         "entwurf|brief|notizen|dokument)"),
    ),
    "reported": (
        ("(?:mein|meine) (?:\\w+ )?(?:chef(?:in)?|lehrer(?:in)?|deutschlehrer(?:in)?|freund(?:in)?|mutter|vater|mama|"
         "papa|frau|mann|partner(?:in)?|kolleg(?:e|in)|professor(?:in)?|prof|schwester|bruder|kunde|kundin|tochter|"
         "sohn|oma|opa) (?:meint|sagt|findet|behauptet|sagte|hat gesagt)"),
        "(?:alle|viele) sagen",
        "(?:er|sie) (?:hat mir gesagt|meint|sagt|findet|will)",
    ),
    # A clause about a third person ("my mother-in-law sends me twenty emojis"): not about the answers.
    "thirdparty": (
        ("(?:mein|meine|unser|unsere) (?:\\w+ )?(?:chef(?:in)?|kolleg(?:e|in|en)|freund(?:in)?|mutter|vater|frau|mann|"
         "sohn|tochter|kinder?|lehrer(?:in)?|schwester|bruder|oma|opa|nachbar(?:in)?|mitbewohner(?:in)?|kunden?|"
         "schwiegermutter)"),
        ("(?:mein|meine|unser|unsere) (?:\\w+ )?(?:nichte|neffe|cousine|cousin|tante|onkel|enkel(?:in)?|schwager|"
         "schwägerin|schwiegervater|freundin|freund|verlobte[rn]?|vermieter(?:in)?|betreuer(?:in)?|schüler(?:in)?|"
         "trainer(?:in)?|ärztin|arzt|therapeut(?:in)?|ex|vorgesetzte[rn]?)"),
    ),
    "mycontent": (
        ("meine? (?:\\w+ )?(?:mails?|e-?mails?|aufsätze|aufsatz|arbeiten|texte?|briefe?|bewerbung|präsentation|folien|"
         "hausarbeit|bachelorarbeit|masterarbeit|einleitung|erörterung|berichte?|nachrichten|posts?)"),
        "ich (?:schreibe|verfasse|arbeite) (?:gerade |grad )?(?:an )?(?:ein|eine|einen|einem|einer|meine?n?)",
        "in (?:einer|meiner) (?:\\w+ )?(?:mail|e-?mail|nachricht|karte)",
        "in (?:einem|meinem) (?:\\w+ )?(?:brief|post|anschreiben)",
    ),
    "hypothetical": (
        "wenn ich dich (?:bitten|fragen) würde", "wenn ich (?:dich )?bitten würde", "angenommen",
        "würdest du dir das merken", "falls ich dich",
        "wenn du (?:\\w+ )?(?:antworten|schreiben|sprechen|reden) würdest", "würdest du (?:dann|auch)",
    ),
    "ability": (
        "kannst du (?:auch|eigentlich|überhaupt) (?:\\w+ )?(?:sprechen|antworten|schreiben)", "sprichst du",
        "beherrschst du", "kannst du eigentlich",
        "kannst du (?:auch )?(?:\\w+ )?sprechen",
    ),
    "proglang": (
        "python", "java", "javascript", "typescript", "c\\+\\+", "rust", "golang", "php", "sql", "bash", "kotlin",
        "swift", "ruby",
    ),
    "noise": (
        "am anfang", "zu beginn", "keine sorge", "mach dir keine gedanken", "auf eine (?:art|weise)",
        "auf (?:diese )?weise", "(?:ein|einen|zwei|drei) absätze? (?:lang|von)", "der erste absatz",
        "mit anderen worten", "kein problem", "keine ursache", "der erste satz", "die ersten (?:\\w+ )?sätze",
        ("(?:eine |die )?(?:einkaufsliste|to-?do-?liste|packliste|gästeliste|leseliste|wunschliste|aufgabenliste|"
         "zutatenliste|playlist)"),
        "(?:eine |die )?liste (?:mit|der|von) (?:zutaten|gästen|aufgaben|namen|geschenken)",
        "(?:zwei|drei|vier|\\d+) (?:sätze|zeilen) (?:voller|mit)",
        "dresscode", "kleiderordnung", "rabattcode", "gutscheincode", "qr-code", "verhaltenskodex",
    ),

    # ---- Pair and language concepts -----------------------------------------------------------
    "read": ("lesen", "lese", "ich les", "liest", "durchlesen", "durchzulesen", "zu lesen", "scrollen", "lesen kann"),
    "phone": (
        "handy", "smartphone", "telefon", "mobil", "unterwegs", "im zug", "in der bahn", "in der u-bahn",
        "auf dem sprung",
    ),
    "allthat": ("das alles", "so viel text", "den ganzen text", "das ganze zeug", "alles durch"),
    "longtext": (
        "roman", "aufsatz", "abhandlung", "doktorarbeit", "dissertation", "bibel", "wälzer", "vortrag", "predigt",
        "referat", "essay", "buch",
        "lebensgeschichte", "firmengeschichte", "lebenslauf", "lexikon", "enzyklopädie", "biografie", "handbuch",
    ),
    # Content whose size is the point, turned down after "I asked …, not …".
    "bigtopic": (
        ("(?:die |der |eine |einen |ganze |ganzen |komplette |kompletten )*(?:geschichte|firmengeschichte|"
         "lebensgeschichte|biografie|anleitung|bedienungsanleitung|reiseführer|handbuch|vorlesung|vortrag|"
         "seminar|kurs)"),
    ),
    "exclaim": (
        "ein halber", "ein ganzer", "ein richtiger", "was für ein", "so ein", "das ist ja ein", "ja ein", "wie ein",
        "ne halbe", "ein halbes",
    ),
    "answer": ("antworten", "antwort", "fassung", "version", "variante", "erklärungen", "erklärung"),
    "simile": (
        "du klingst wie", "klingst wie", "klingt wie", "liest sich wie", "wie ein schreiben vom", "wie ein brief vom",
        "wie vom", "wie auf dem", "wir sind (?:hier )?nicht (?:auf|beim|im)",
    ),
    "bureau": (
        "finanzamt", "amt", "behörde", "behördenbrief", "beamter", "anwalt", "notar", "vertrag", "versicherung", "bank",
        "gericht", "bürokrat\\w*",
    ),
    "native": ("meine muttersprache", "muttersprache", "meine sprache", "meiner sprache"),
    "respond": ("sprich", "sprechen", "rede", "reden", "weiter", "mach weiter", "kommunizier\\w*", "wiederhol\\w*"),
    "switch": (
        "wechsle (?:zu|auf|ins)", "wechsel (?:zu|auf|ins)", "umstellen auf", "stell (?:\\w+ )?um auf", "umschalten auf",
    ),
    "repeat": ("wiederholen", "wiederholst", "wiederhole", "umformulier\\w*", "wiederzugeben", "nachzuplappern"),
    "myquestion": ("meine frage", "die frage", "was ich gefragt", "meiner frage"),
    # Saying what the question was, to contrast it with what came back.
    "asked": (
        "gefragt", "ich fragte",
        "ich wollte (?:nur |bloss )?wissen", "meine frage war",
        "ich wollte (?:doch )?(?:nur|bloss|lediglich|eigentlich nur)",
        "ich hab(?:e)? (?:doch )?(?:nur|bloss) (?:nach|wissen wollen)",
    ),
    "years": (
        "seit jahren",
        "seit (?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|fünfzehn|zwanzig|dreissig) jahren",
        "seit (?:\\d+|vielen|zig|über \\d+) jahren", "\\d+ jahren?", "beruflich", "hauptberuflich", "von beruf",
        "jahrelang",
    ),
    "techjob": (
        "entwickler\\w*", "softwareentwickler\\w*", "programmierer\\w*", "informatiker\\w*", "ingenieur\\w*",
        "sysadmin", "devops", "architekt\\w*", "admin",
    ),
    # People whose trade gives them expertise; with years of practice they read as experts.
    "profession": (
        "arzt", "ärztin", "fachärzt\\w*", "hausärzt\\w*", "zahnärzt\\w*", "tierärzt\\w*", "kinderärzt\\w*",
        "chirurg\\w*", "kardiolog\\w*", "neurolog\\w*", "radiolog\\w*", "onkolog\\w*", "psycholog\\w*",
        "psychiater\\w*", "anästhesist\\w*", "internist\\w*", "apotheker\\w*", "pfleger\\w*", "krankenschwester",
        "hebamme", "therapeut\\w*", "physiotherapeut\\w*", "anwältin", "rechtsanwalt\\w*", "jurist\\w*",
        "notar\\w*", "richter\\w*", "steuerberater\\w*", "buchhalter\\w*", "wirtschaftsprüfer\\w*", "ökonom\\w*",
        "lehrer\\w*", "professor\\w*", "dozent\\w*", "forscher\\w*", "wissenschaftler\\w*", "statistiker\\w*",
        "mathematiker\\w*", "physiker\\w*", "chemiker\\w*", "biolog\\w*", "elektriker\\w*", "mechaniker\\w*",
        "mechatroniker\\w*", "installateur\\w*", "schreiner\\w*", "tischler\\w*", "pilot(?:in)?", "übersetzer\\w*",
        "journalist(?:in)?", "designer(?:in)?", "fotograf(?:in)?", "analyst(?:in)?", "banker\\w*", "berater\\w*",
        "programmiere",
        "entwickle", "unterrichte",
    ),

    # ---- Value-bearing ------------------------------------------------------------------------
    "adj:length=concise": (
        f"kurz{_E}", f"knapp{_E}", f"kompakt{_E}", f"prägnant{_E}", "bündig", f"präzise?{_E}",
        "knackig(?:e[rsnm]?)?",
    ),
    "adj:length=detailed": (
        f"ausführlich{_E}", f"detailliert{_E}", f"gründlich{_E}", f"umfassend{_E}", f"vollständig{_E}",
        f"tiefgehend{_E}", f"tiefgründig{_E}",
        "eingehend(?:e[rsnm]?)?", "ausgiebig(?:e[rsnm]?)?", "erschöpfend(?:e[rsnm]?)?",
    ),
    "adj:tone=formal": (
        f"förmlich{_E}", f"formell{_E}", f"formal{_E}", f"professionell{_E}", f"sachlich{_E}", f"seriös{_E}",
        f"höflich{_E}", f"distanziert{_E}", f"geschäftsmässig{_E}", f"ernst{_E}",
    ),
    "adj:tone=casual": (
        f"locker{_E}", f"entspannt{_E}", f"lässig{_E}", f"informell{_E}", f"salopp{_E}", f"flapsig{_E}",
        f"umgangssprachlich{_E}", f"freundlich{_E}", f"persönlich{_E}", f"kumpelhaft{_E}", f"menschlich{_E}",
        f"amikal{_E}",
        "nahbar(?:e[rsnm]?)?", "herzlich(?:e[rsnm]?)?", "locker-flockig",
    ),
    "adj:expertise=beginner": (
        f"simpel{_E}", f"verständlich{_E}", f"laienhaft{_E}", f"anfängerfreundlich{_E}", f"grundlegend{_E}",
        f"elementar{_E}", f"banal{_E}", "basic", f"leicht verständlich{_E}",
    ),
    "adj:expertise=expert": (
        f"technisch{_E}", f"fachlich{_E}", f"fortgeschritten{_E}", f"anspruchsvoll{_E}", f"komplex{_E}",
        f"kompliziert{_E}", f"wissenschaftlich{_E}", f"akademisch{_E}",
    ),
    "adjlong:length=detailed": (f"lang{_E}", f"riesig{_E}", "ellenlang\\w*"),
    "comp:length=concise": (
        "knackiger", "kürzer gefasst", f"kürzer{_E}", f"knapper{_E}", f"kompakter{_E}", f"prägnanter{_E}",
        f"bündiger{_E}", f"straffer{_E}", "chürzer", "kürzer bitte",
        "direkter",
    ),
    "comp:length=detailed": (
        f"länger{_E}", f"ausführlicher{_E}", f"genauer{_E}", f"detaillierter{_E}", f"gründlicher{_E}",
        f"umfassender{_E}", f"tiefer{_E}", f"vollständiger{_E}",
    ),
    "comp:expertise=beginner": (
        f"einfacher{_E}", f"simpler{_E}", f"verständlicher{_E}", f"leichter{_E}", f"laienverständlicher{_E}",
        "einfacher erklärt",
    ),
    "comp:expertise=expert": (f"technischer{_E}", f"fachlicher{_E}", f"anspruchsvoller{_E}", f"fortgeschrittener{_E}"),
    "comp:tone=casual": (
        f"lockerer{_E}", f"entspannter{_E}", f"lässiger{_E}", f"persönlicher{_E}", f"freundlicher{_E}",
        f"menschlicher{_E}", f"natürlicher{_E}", f"lockrer{_E}",
    ),
    "comp:tone=formal": (
        f"förmlicher{_E}", f"formeller{_E}", f"professioneller{_E}", f"sachlicher{_E}", f"seriöser{_E}",
        f"höflicher{_E}", f"ernster{_E}", f"formaler{_E}",
    ),
    "judge:length=concise": (
        "langatmig\\w*", "weitschweifig\\w*", "ausschweifend\\w*", "geschwätzig\\w*", "geschwafel", "schwafel\\w*",
        "endlos\\w*", "zu viel text", "viel text", "textwüste", "aufgebläht\\w*", "gelaber", "laberei",
        "zu viel des guten",
    ),
    "judge:length=concise>format": (
        "textblock", "textblöcke", "textwand", "bleiwüste", "(?:lange |lang(?:e|en) )?textblöcke",
        ("(?:ein |eine )?(?:riesige[rns]? |große[rns]? |endlose[rns]? |gigantische[rns]? )?(?:textblock|textwand|"
         "textwüste|bleiwüste)"),
    ),
    "judge:length=concise>preamble": ("gerede", "geschwätz", "blabla", "bla bla", "bla", "floskelhaft\\w*"),
    "judge:length=detailed": (
        "oberflächlich\\w*", "dünn", "mager", "dürftig\\w*", "lückenhaft\\w*", "vage", "unvollständig\\w*",
        "zu kurz gegriffen", "kratzt (?:nur )?an der oberfläche", "halbgar\\w*", "schwammig\\w*", "zu allgemein",
        "allgemein gehalten", "zu wenig (?:info|infos|details|inhalt)",
    ),
    "judge:tone=casual": (
        "steif\\w*", "hölzern\\w*", "roboterhaft\\w*", "wie ein roboter", "bürokratisch\\w*", "beamtendeutsch",
        "amtsdeutsch", "gestelzt\\w*", "verkrampft\\w*", "spiessig\\w*", "wie ein amtsschreiben",
    ),
    "judge:tone=formal": ("unangemessen locker", "zu kumpelhaft", "respektlos"),
    "judge:expertise=beginner>language": ("versteh(?:e)? ich nicht", "verstehe (?:das |es )?nicht"),
    "judge:expertise=beginner": (
        "(?:ist |das ist )?mir zu hoch", "ich verstehe (?:nur bahnhof|kein wort)", "nur bahnhof",
        "komm(?:e)? (?:da |ich )?nicht mit", "da komm(?:e)? ich nicht mit", "zu hoch für mich",
        "kapier(?:e)? (?:ich )?nicht", "hab(?:e)? (?:ich |es |das )?nicht verstanden", "nicht verstanden",
        "verwirrend\\w*", "fachchinesisch", "böhmische dörfer", "steig(?:e)? (?:da |ich )?nicht durch",
        "keine ahnung (?:was|wovon)", "bin raus", "ich bin verwirrt",
        "(?:du )?(?:setzt|gehst) (?:zu viel )?voraus", "du gehst davon aus, dass ich", "kann (?:dir )?nicht folgen",
        "komm(?:e)? nicht mehr mit",
    ),
    "judge:expertise=expert": (
        "einsteigerversion", "anfängerniveau", "anfängerkram", "kindergarten\\w*", "bevormundend\\w*",
        "herablassend\\w*", "einsteigerniveau",
    ),
    "judge:format=prose": (
        "(?:wie|ist ja|ist|liest sich wie) eine einkaufsliste", "zerstückelt\\w*", "abgehackt\\w*",
        "bruchstückhaft\\w*", "wie eine powerpoint",
        "wie folien", "stichwortartig\\w*",
    ),
    "judge:format=lists": (
        "(?:ein|einem|einen) (?:einzigen |großen |riesigen )?(?:block|textblock)", "am stück", "schwer zu überblicken",
        "unübersichtlich\\w*",
    ),
    "judge:preamble=keep": (
        "abrupt\\w*", "direkt (?:mit \\w+ )?loslegen", "mit der tür ins haus",
        "fällst? (?:direkt |gleich )?mit der tür ins haus", "so unvermittelt", "unvermittelt", "direkt mit fakten",
        "schroff", "kurz angebunden", "wie ein telegramm",
    ),
    "verb:length=concise": (
        "eindampfen", "dampf (?:\\w+ )?ein", "kürzen", "kürz", "kürze", "verkürz\\w*", "zusammenfassen",
        "zusammenzufassen", "fass (?:\\w+ ){0,5}zusammen", "fasse (?:\\w+ ){0,5}zusammen", "straffen",
        "straff (?:das|es)", "kürzer fassen", "zusammenstreichen",
        "reduzier(?:e)? (?:es|das)",
    ),
    "verb:length=detailed": (
        "vertief\\w*", "führ(?:e)? (?:das |es )?(?:näher )?aus", "ausführen", "ausbauen", "ausholen", "erläutern",
        "weiter ausführen",
    ),
    "direct:length=concise": (
        "halb so lang",
        "(?:ein satz|zwei sätze|ein paar sätze) (?:reicht|reichen|genügt|genügen)", "schweif nicht ab",
        "kurz und schmerzlos",
        ("(?:unter|maximal|höchstens|nicht mehr als) (?:\\d+|zwei|drei|vier|fünf|zehn|hundert) (?:sätze|sätzen|zeilen|"
         "wörter|wörtern)"),
        "(?:in )?(?:zwei|drei|2|3)(?:,| oder| bis|-) ?(?:drei|vier|3|4) (?:sätzen|sätze|zeilen)", "tl;?dr",
        "kurz und knapp", "kurz und bündig", "fass dich kurz", "fassen sie sich kurz", "in kürze", "das wesentliche",
        "auf das wesentliche", "aufs wesentliche", "nur das wichtigste", "das wichtigste", "die kernaussage",
        "kernpunkte", "die kurzfassung bitte",
        "in (?:einem|1|zwei|2|drei|3|ein paar|wenigen|maximal \\d+|höchstens \\d+) (?:satz|sätzen|zeilen|worten)",
        "(?:ein|zwei|drei) sätze reichen", "ja oder nein", "keine zeit",
        "hab(?:e)? (?:grad |gerade )?(?:echt )?keine zeit", "zwischen (?:zwei )?terminen", "halb so lang",
        "halbier\\w*", "weniger ist mehr", "maximal \\d+ (?:sätze|zeilen|wörter)",
        "höchstens \\d+ (?:sätze|zeilen|wörter)",
        "sei direkt",
        "(?:hab(?:e)? )?(?:nach der hälfte )?aufgehört zu lesen", "nach der hälfte (?:ausgestiegen|abgeschaltet)",
        "hab (?:nur )?(?:die )?hälfte gelesen",
        "(?:auf )?das (?:nötigste|allernötigste|wichtigste)",
    ),
    "direct:length=concise>preamble": (
        "(?:komm|kommen sie) (?:direkt |gleich |endlich |bitte )?(?:zum|auf den) punkt",
        "(?:komm|kommen sie) (?:direkt |gleich |endlich |bitte )?zur sache", "auf den punkt",
    ),
    "direct:length=detailed": (
        "erklär dich (?:besser|genauer)", "erklär es besser", "erklär(?:e)? (?:es |das |alles |mir alles )?genau",
        "mehr ins detail", "ins detail", "im detail", "genauer erklären",
        "näher (?:erläutern|erklären|eingehen|ausführen)", "erklär(?:e)? (?:das |es )?(?:genauer|näher|mehr)",
        "mehr dazu", "erzähl mehr", "geh (?:mehr )?in die tiefe", "in die tiefe",
        "lieber zu viel (?:\\w+ )?als zu wenig", "alle details", "jedes detail", "die lange version",
        "die ausführliche (?:variante|version|fassung)", "mehr infos", "mehr hintergrund",
        "lieber (?:zu )?viel als (?:zu )?wenig", "auch wenn(?: es|'s)? lang(?:er)? wird",
        "da fehlt (?:noch )?(?:was|einiges|vieles)", "es fehlt (?:noch )?(?:was|einiges)",
        "erklär(?:e)? (?:es |das )?(?:mal )?(?:richtig|ordentlich|vernünftig)",
    ),
    "direct:format=lists": (
        "in schritten", "in einzelne schritte",
        "(?:teile|unterteile|gliedere) (?:es |das )?in (?:schritte|punkte|abschnitte)", "gliedere?", "gliedern",
        "strukturier\\w*", "in schritte", "zum abhaken", "abhaken", "mit überschriften", "überschriften",
        "punkt für punkt", "schritt für schritt abhaken",
        "mach (?:stichpunkte|aufzählungspunkte|eine liste) (?:draus|daraus)",
        "stichpunktartig(?:e[rsnm]?)?", "in stichpunkten", "als aufzählung",
    ),
    "direct:tone=casual": (
        "wie (?:mit )?(?:einem|einer) (?:freund|freundin|kumpel)", "wie ein mensch", "entspann dich", "chill mal",
        "chill", "sei locker", "bleib locker", "red(?:e)? normal", "sprich normal", "wie ein normaler mensch",
        "wie mit einem freund", "wie ein kumpel", "wie mit einem kumpel",
        "wir sind (?:hier )?nicht (?:auf dem amt|beim amt|im büro|vor gericht|beim notar)", "duz mich",
        "du kannst mich duzen",
    ),
    "direct:tone=formal": (
        "siez mich", "bitte siezen", "siezen sie mich", "sie kannst du mich", "keine umgangssprache",
        "(?:beim|bei|per) sie bleiben", "beim sie", "sie(?:z|s)en (?:sie )?mich",
        "lass uns beim sie bleiben",
    ),
    "direct:preamble=skip": (
        "(?:direkt|gleich|sofort|bitte) zur antwort", "nur die antwort", "direkt die antwort", "gleich die antwort",
        "direkt zur antwort", "antworte (?:einfach )?direkt", "ohne umschweife", "ohne umwege", "kein drumherum",
        "ohne drumherum", "ohne geschwafel", "ohne vorgeplänkel", "sofort zur antwort", "gleich zur sache",
        "antworte (?:mir )?(?:gleich|sofort)",
        "fang (?:gleich |direkt |einfach )?mit der antwort an", "beginne? (?:gleich |direkt )?mit der antwort",
    ),
    "direct:preamble=keep": (
        "sag (?:doch )?(?:vorher )?(?:kurz )?hallo", "begrüss(?:e)? mich", "erst mal hallo", "sag hallo", "kurz hallo",
    ),
    "direct:emoji=use": ("emoji-?fan", "(?:totaler |großer )?emoji-?fan"),
    "direct:expertise=beginner": (
        "fange (?:gerade |jetzt )?(?:erst )?(?:mit \\w+ )?an", "fange gerade erst mit",
        "technikfern\\w*", "digitaler analphabet",
        "erklär(?:e)? (?:es|das) (?:mir )?wie (?:einem|einer) (?:kind|fünfjährigen|5-jährigen)",
        "wie einem fünfjährigen", "als wäre ich (?:fünf|5|ein kind|zehn|10)", "als ob ich (?:fünf|5|ein kind) wäre",
        "wie für (?:ein kind|einen fünfjährigen|anfänger)", "für dummies", "für anfänger", "mit einfachen worten",
        "in einfachen worten", "laienverständlich", "für laien", "in einfacher sprache", "leichte sprache",
        "einfache sprache", "ich bin neu (?:hier|darin|in|im|bei)", "ich fange gerade (?:erst )?an", "langsam(?:er)?",
        "keine ahnung davon", "(?:als hätte ich|als ob ich) keine ahnung", "erklär(?:e)? die begriffe",
        "ich bin kein (?:informatiker|techniker|experte|profi|entwickler|programmierer|ingenieur)(?:in)?",
        "ich bin nicht vom fach", "bin kein profi",
        "erklär(?:e)? (?:mir )?(?:bitte )?(?:die|diese|deine) (?:begriffe|fachbegriffe|fachwörter|abkürzungen)",
        "als (?:wüsste|wüßte) ich nichts", "als ob ich (?:gar )?nichts (?:wüsste|wüßte)", "als hätte ich keine ahnung",
        "(?:mit |in )?einfache(?:n)? (?:worte(?:n)?|wörter(?:n)?)", "alltagssprache",
        "nicht mein fachgebiet", "fachfremd",
    ),
    "direct:expertise=beginner>language": ("ich lerne (?:noch|gerade)", "ich will üben", "ich möchte üben"),
    "direct:expertise=expert": (
        "(?:die )?grundlagen kenn(?:e)? ich", "ich kenne die grundlagen", "ich weiss,? was (?:ein|eine|einen) \\w+ ist",
        "das weiss ich (?:schon|bereits)", "weiss ich (?:schon|bereits)", "geh (?:davon )?aus,? dass ich",
        "setz(?:e)? voraus", "ich mach(?:e)? das beruflich", "die technische sicht", "technische details",
        "das technische", "fachsimpeln", "auf (?:experten|profi)niveau", "wie mit einem kollegen", "wie unter kollegen",
        "unter experten", "ich bin (?:kein|nicht) anfänger", "ich bin kein neuling",
        "du musst (?:mir )?nichts erklären", "ich bin vom fach",
        "grundlagen (?:kannst du|können sie) (?:dir|sich) sparen",
        ("(?:behandle|behandel) mich (?:wie|als) (?:einen? )?(?:experten|expertin|profi|kollegen|kollegin|fachmann|"
         "fachfrau)"),
        "zu niedrig angesetzt", "zu tief angesetzt",
    ),
    "direct:code=include": (
        "im code", "als code", "in code", "zum kopieren", "zum nachbauen", "lauffähig\\w*",
        "konkretes (?:code)?beispiel", "am beispiel lern\\w*", "der am beispiel lernt",
    ),
    "direct:code=omit": ("nur erklärungen", "nur (?:die )?erklärung", "in worten", "mit worten"),
    "flip:expertise=beginner": (
        "vereinfach\\w*", "simplifizier\\w*", "runterbrechen", "herunterbrechen", "brich (?:\\w+ )?runter",
    ),
    "trait:length=concise>format": (
        "ich lese langsam", "langsamer leser", "adhs", "legasthen\\w*", "lese-?rechtschreib\\w*",
        "konzentrationsschwäche",
    ),
    # Little time to read: a self-description that implies short answers.
    "trait:length=concise": (
        "legastheniker(?:in)?",
        "(?:sehr |echt |total |extrem )?wenig zeit", "kaum zeit", "knapp bei zeit", "unter zeitdruck", "in eile",
        "(?:total |echt |voll )?im stress", "gestresst", "zwischen (?:zwei )?(?:meetings|besprechungen|terminen|calls)",
        "(?:ich )?überfliege", "nur (?:ein paar|fünf|zwei|\\d+) minuten",
    ),
    "trait:emoji=avoid": ("screenreader", "screen-?reader", "bildschirmleser", "vorlese\\w*"),
    # Being new at something: a self-description that implies a beginner's answers.
    "trait:expertise=beginner": (
        "(?:zum )?ersten mal (?:mit|dass|überhaupt)", "das erste mal (?:mit|dass)",
        "(?:meine |die )?erste woche (?:mit|im|in)",
        "erst seit (?:letzter woche|gestern|kurzem|ein paar tagen|einer woche|zwei wochen)",
        "(?:null|keinen? |überhaupt keine )(?:ahnung|plan) (?:von|davon|wie)",
        "kenn(?:e)? mich (?:damit |da |mit \\w+ )?(?:gar |überhaupt )?nicht aus",
        "bin (?:da |darin |hier )?(?:völlig |total )?unerfahren",
        "(?:ich )?fange? gerade (?:erst )?(?:mit|bei) \\w+ an",
        "(?:ich )?(?:habe|hab) (?:gerade |eben )?(?:erst )?(?:mit \\w+ )?angefangen", "bin (?:noch )?(?:ein )?anfänger",
    ),

    # ---- Targets: objects whose wanted value depends on the words around them --------------------
    "target:emoji": ("emojis?", "emoticons?", "smileys?", "smilies", "icons", "bildchen", "gesichter", "emoji-?s"),
    "target:list": (
        "stichworte?n?", "nummeriert", "stichpunkte?n?", "stichpunktliste", "tabellen?", "aufzählung\\w*",
        "aufzählungspunkte?n?", "listen?", "nummerierte (?:liste|schritte|punkte)", "spiegelstriche?n?",
        "bullet ?points?", "bullets", "punkte", "auflistung\\w*",
        "untereinander",
        "listchen",
    ),
    "target:prose": (
        "schreib (?:das |es )?aus", "ausschreiben", "zusammenhängend", "fliesstext", "ganze(?:n)? sätze(?:n)?",
        "vollständige(?:n)? sätze(?:n)?", "absätze(?:n)?", "prosa", "zusammenhängende(?:r|n)? text",
        "normale(?:n|r)? (?:fliess)?text", "ausformuliert\\w*", "in sätzen", "richtige(?:n)? sätze(?:n)?",
    ),
    "target:code": (
        "code", "codes", "codebeispiele?n?", "code-?beispiele?n?", "beispielcode", "quellcode", "code-?schnipsel",
        "snippets?", "skripte?", "programmcode", "code-?teile?",
    ),
    "target:intro": (
        "schnickschnack", "einleitung\\w*", "begrüssung\\w*", "(?:mich )?(?:zu )?begrüssen", "vorrede", "vorwort",
        "einstieg", "hallo", "gruss", "grussformel", "floskeln", "smalltalk", "small talk", "vorgeplänkel", "geplänkel",
        "einführung", "einleitende(?:n)? (?:satz|sätze|worte)",
        "(?:einem |einen )?(?:kurzen |kleinen )?satz zur einordnung", "einordnung", "qopener", "anrede",
        "höflichkeitsfloskeln", "begrüssungsfloskel\\w*",
    ),
    "target:basics": (
        "grundlagen", "basics", "grundwissen", "einsteigerkram", "das einmaleins", "das abc",
        "(?:eine |die )?einführung (?:in|zu)", "(?:eine )?einleitung (?:in|zu)",
    ),
    "target:jargon": (
        "fachbegriffe\\w*", "fachjargon", "jargon", "fremdwörter\\w*", "fachwörter\\w*", "abkürzungen", "fachsprache",
        "fachausdrücke\\w*",
    ),
    "target:detail": (
        "details?", "einzelheiten", "tiefe", "hintergrund\\w*", "infos?", "informationen", "kontext", "begründung",
        "zwischenschritte\\w*",
        "tiefgang", "mehr tiefe", "substanz",
    ),
    "target:formalities": ("förmlichkeiten", "formalitäten"),
    "target:slang": ("vertraulichkeit", "slang", "umgangssprache", "jugendsprache", "kumpelton"),
    "target:tone_formal": (
        "(?:eine |een )?(?:förmliche|formelle|professionelle|gehobene) (?:sprache|ausdrucksweise)",
        "(?:einen? )?(?:sachlich|förmlich|formell|professionell|seriös)(?:e|en|er)? ton",
    ),
    "target:tone_casual": (
        "(?:eine |een )?(?:lockere|lässige|informelle) (?:sprache|ausdrucksweise)",
        "(?:einen? )?(?:locker|lässig|entspannt|freundlich)(?:e|en|er)? ton", "umgangston",
    ),
    "target:address_formal": ("siez\\w*", "sie-form", "per sie", "mit sie"),
    "target:address_informal": ("mit du", "mit dem du", "duz\\w*", "du-form", "per du"),
    "target:summary": ("zusammenfassung", "kurzfassung", "kurzversion", "überblick"),
    "target:text": (
        "texte", "text", "wörter", "worte", "textmenge", "texten",
    ),
    "target:techdomain": (
        "programmierung", "informatik", "computer(?:n)?", "technik", "programmieren", "mathe", "pc", "computerkram",
    ),
    "target:id_beginner": (
        "(?:ein )?kind",
        ("(?:ein |eine |totaler |totale |kompletter |absoluter |blutiger )*(?:anfänger(?:in)?|neuling|laie|"
         "einsteiger(?:in)?|newbie|noob)"),
        "neu (?:in|im|bei|mit) \\w+", "neu darin",
    ),
    "target:id_expert": (
        "(?:ein |eine )?senior[\\w-]*", "experte", "expertin", "profi", "fachmann", "fachfrau", "spezialist\\w*",
        "promoviert\\w*",
    ),
    "target:explainbasic": (
        "vorkauen", "vorzukauen", "vorgekaut", "alles erklären", "händchenhalten", "an die hand nehmen",
        "erklären,? was (?:ein|eine) \\w+ ist",
        "erklär(?:en|st|t)?, was (?:ein |eine |der |die |das )?\\w+ (?:ist|sind|bedeutet|macht)",
        "erklär(?:en|st|t)? was (?:ein |eine |der |die |das )?\\w+ (?:ist|sind|bedeutet)",
    ),
    "excesspost": (
        "(?:ist|sind|war) (?:viel |echt |einfach |etwas |ein bisschen )?zu viel(?: für mich)?(?= ?(?:[.!?,;:]|$))",
    ),
    "effect": (
        "damit es", "dann (?:ist|wird|wirkt) es",
    ),
}
