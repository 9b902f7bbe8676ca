"""Italian (including common Roman and northern colloquialisms). Concepts: see ``lexicon/__init__.py``.

Folding makes "è" (is) the same as "e" (and), so "e" is listed as a copula: it only matters next
to an adjective ("è lungo"). "Perché" is both "why" and "because"; it is read as "why".
"""

from __future__ import annotations

_O = "(?:o|a|i|e)"  # gender and number endings

LEXICON: dict[str, tuple[str, ...]] = {
    # ---- Polarity operators -------------------------------------------------------------------
    "neg": (
        "non", "nessun\\w*", "mica", "non c'e bisogno di", "non mi serve", "non mi servono", "non ho bisogno di",
        "nemmeno", "neanche", "neppure",
        "zero",
    ),
    "never": ("mai", "mai piu"),
    "negcop": ("non e", "non era", "non sono"),
    "negpost": (
        "non servono", "non serve", "superflu" + _O, "non necessari" + _O, "lascia(?:le|li)? perdere", "di troppo",
        "ne faccio a meno", "puoi toglierl" + _O,
    ),
    "remove": (
        "lascia(?:lo|la|li|le)? perdere",
        "senza", "togli(?:le|li)?", "leva(?:le|li)?", "elimina(?:le|li)?", "salta", "saltami", "evita", "basta con",
        "basta", "niente", "lascia stare", "risparmiami", "smettila con", "smetti di", "via le", "via gli", "via i",
        "togliere",
    ),
    "removepost": ("via", "fuori"),
    "add": (
        "mettimi", "mettetemi", "aggiungi", "metti(?:ci)?", "mettici", "usa", "utilizza", "includi", "inserisci",
        "voglio", "vorrei", "mi serve", "mi servono", "ho bisogno di", "infila(?:ci)?", "vedere", "fammi vedere",
        "mettere", "usare", "aggiungere",
        "non esitare a", "non farti problemi a",
        "fare", "fai", "farmi",
    ),
    "with": ("con", "col"),
    "give": ("dammi", "fammi", "mostrami", "mandami", "passami", "dacci"),
    "some": ("qualche", "alcuni", "alcune", "un paio di", "un po' di", "due o tre"),
    "addpost": (
        "benvenut" + _O, "non guasterebbe(?:ro)?",
        "sarebbe(?:ro)? (?:bello|bell[ie]|carino|carin[ie]|utile|utili|gradit[oaie]|ottim[oaie])", "aiuterebbe(?:ro)?",
        "gradit" + _O, "vanno bene", "ci stanno", "non fa male", "ci sta",
    ),
    # "Why not …?": a suggestion to add.
    "whynot": ("perche no", "ogni tanto no", "perche non"),
    "asin": ("in", "come", "sotto forma di", "in forma", "a mo' di", "in un", "in una"),
    "like": (
        "mi servirebbe",
        "mi piace", "mi piacciono", "adoro", "preferisco", "preferirei", "amo", "sono (?:un |una )?fan", "fan di",
        "mi aiuta(?:no)?", "mi trovo meglio", "mi manca(?:no)?",
        "leggo (?:molto )?(?:piu )?(?:veloce|volentieri|meglio)",
    ),
    "dislike": (
        "(?:poca|nessuna|zero) pazienza (?:con|per)", "non ho pazienza (?:con|per)", "non mi aiuta(?:no)?",
        "(?:per me )?e arabo", "arabo per me", "mi confond\\w+", "(?:sono )?negat[oa] (?:per|con|in)", "infantil[ei]",
        "odio", "detesto", "non sopporto", "mi da(?:nno)? fastidio", "mi infastidisc\\w+", "mi irrita(?:no)?",
        "mi mandano in tilt", "mi manda in tilt", "un incubo", "un inferno", "poco professionale", "non fa per me",
        "non e roba per me", "non capisco (?:nulla|niente)", "mi mette a disagio", "a disagio", "freddo", "fredda",
        "pesante", "mi stanca(?:no)?",
        "faccio fatica(?: con| a leggere)?", "(?:e|sono) (?:difficil[ei]|complicat[oi]|dur[oi]) per me",
        "ho difficolta con", "una tortura", "una sofferenza", "un calvario", "mi pesa(?:no)?",
        "uffa", "mamma mia",
    ),
    "why": (
        "perche", "ma perche", "a che servono", "a che serve", "tutte queste", "tutti questi", "che ci fanno",
        "come mai", "che senso ha",
    ),
    "omitted": ("hai saltato", "hai dimenticato", "hai tralasciato", "manca(?:no)?", "hai omesso"),
    "know": ("lo so", "so gia", "conosco", "padroneggio", "conosco gia", "mastico"),
    "excess": (
        "troppo", "troppa", "troppi", "troppe", "fin troppo", "decisamente troppo", "un po' troppo", "un po troppo",
        "cosi tant" + _O,
    ),
    "so": ("cosi", "talmente"),
    "intens": (
        "molto", "davvero", "proprio", "un po'", "un po", "parecchio", "abbastanza", "piuttosto", "assai", "veramente",
        "alquanto",
    ),
    "more": ("piu", "un po' piu", "un po piu", "ancora piu", "molto piu", "di piu", "altri", "altre", "ulteriori"),
    "less": ("meno", "un po' meno", "un po meno", "molto meno"),
    "copula": (
        "e", "era", "sembra", "suona", "risulta", "e stato", "questo e", "mi sembra", "e proprio", "sarebbe", "sara",
        "rende", "rendono", "rende tutto",
    ),
    "be": (
        "essere", "puoi essere", "sii", "sia", "resta", "fallo", "falla", "rendilo", "tienilo", "mantieni(?:lo)?",
        "scrivilo", "rispondi(?:mi)?", "parlami", "parla", "riscrivilo", "me lo riscrivi", "fammelo", "spiegamelo",
        "spiegalo", "me lo spieghi", "me lo metti", "mettilo", "me lo riassumi", "dimme", "dimmelo",
        "restare", "rimani", "rimanere",
    ),
    "first": ("prima", "per cominciare", "prima di rispondere", "per iniziare", "innanzitutto"),
    "start": (
        "inizia (?:con|da)", "inizi", "inizia", "comincia (?:con|da)", "cominci", "partire", "parti con",
        "esordisci con", "apri con",
    ),
    "please": ("per favore", "per piacere", "per cortesia", "xfavore", "x favore", "perfavore", "pf"),
    # Tolerating something ("I don't mind long answers") is no wish for it.
    "tolerate": (
        "non mi dispiace(?:no)?", "non mi da(?:nno)? fastidio", "mi e indifferente", "per me (?:e|va) uguale",
        "non ho niente contro",
    ),
    # Doubting the wish in the clause that follows ("I don't think it needs to be shorter").
    "negthink": (
        "non (?:credo|penso) che", "non credo", "non penso", "dubito che",
    ),
    # A tentative offer: "Stichpunkte vielleicht?" asks for the object it offers.
    "maybe": (
        "forse", "magari",
    ),
    # "As technical as you like": permission for the adjective before it.
    "aslike": (
        "quanto (?:vuoi|ti pare|desideri)",
    ),
    # Keeping what one answer did ("keep the bullets, just fix the typo"): about that answer, not a wish.
    "retain": (
        "(?:tieni|mantieni|lascia|conserva) (?:i|gli|le|il|la|lo|l'|pure)", "non cambiare (?:i|gli|le|il|la)",
    ),

    # ---- Scope and stance -----------------------------------------------------------------------
    "when": ("quando",),
    "but": ("ma", "pero", "tuttavia", "comunque", "invece", "tranne", "a meno che", "eccetto"),
    "than": ("invece di", "anziche", "piuttosto che", "al posto di", "meglio di"),
    "or": ("oppure", "o"),
    "standing": (
        "a meno che non (?:te lo )?(?:chieda|chiedo)", "salvo che (?:non )?(?:te lo )?chieda", "d'ora in poi",
        "da ora in poi", "da adesso in poi", "d'ora innanzi", "in futuro", "sempre", "ogni volta", "ricordati",
        "ricorda", "tieni a mente", "continua cosi", "con me", "per il resto della conversazione",
        "in tutte le risposte", "in generale", "da oggi", "d'ora in avanti", "da qui in avanti", "da adesso",
    ),
    "self": ("sono", "io sono", "ho", "faccio", "lavoro (?:come|in|con)", "lavoro"),
    "asif": (
        "come se (?:io )?non",
        "come se fossi", "come se avessi", "come a un", "come a una", "come per un", "come per una",
        "come se non sapessi",
    ),
    "request": (
        "possiamo", "potremmo", "puoi", "potresti", "potrebbe", "mi puoi", "ti dispiacerebbe", "vorrei che",
        "voglio che", "sarebbe possibile", "mi fai", "mi fa", "riesci a",
    ),
    "thanks": ("grazie", "grazie mille", "ti ringrazio"),
    "praise": (
        "perfetto", "ottimo", "chiarissimo", "va benissimo", "va bene cosi", "benissimo", "utilissimo", "utile",
        "mi hai salvato", "fantastico",
        "mi (?:e|sono) piaciut[oaie]", "ho adorato", "mi e piaciuto molto",
    ),
    "resolved": ("ho capito", "ora ho capito", "risolto", "ora funziona", "non importa"),
    "instance": ("alla fine", "che hai usato", "che hai messo"),
    "complaint": (
        "non risponde alla (?:mia )?domanda", "non ho chiesto questo", "obsolet[oa]", "non compila", "ti sbagli",
        "non e quello che (?:ti )?(?:ho|avevo) chiesto", "non ti ho chiesto", "sei sicuro", "non va",
        "non c'entra niente", "sbagli", "sbagliato", "e sbagliato", "non e corretto", "non e giusto", "scorretto",
        "errato", "non funziona", "continua a non funzionare", "stesso errore", "lo stesso errore", "inutile",
        "non serve a (?:niente|nulla)", "non mi serve a (?:niente|nulla)", "non hai risposto",
        "non ti ho chiesto (?:questo|questa cosa)", "non e quello che ho chiesto", "che c'entra", "non mi convince",
        "ti stai inventando", "te lo stai inventando", "inventato", "non esiste", "non ha senso", "pessimo", "mah",
        "boh", "non ci siamo", "fuori tema",
    ),
    "opener": (
        "ottima domanda", "bella domanda", "buona domanda", "ciao", "certo", "certamente", "salve", "gentile utente",
        "caro utente",
    ),

    # ---- Gates: text that is not about the answers ----------------------------------------------
    "question": (
        "come (?:faccio|si|posso|funziona)", "cosa", "che cosa", "cos'e", "che differenza", "qual(?:e|i)?", "quale",
        "dove", "chi", "quanto", "quanti", "quante", "e meglio", "e normale", "devo", "posso", "si puo", "conviene",
        "mi consigli", "consigli", "qualche consiglio", "ha senso", "che significa",
        "e (?:maleducato|scortese|educato|poco professionale)", "sta (?:male|brutto)", "si possono mettere",
        "si puo mettere",
        "la gente (?:usa|mette|scrive)", "e normale (?:usare|mettere)", "si usa(?:no)? ancora",
    ),
    "task": (
        "scrivi(?:mi)?", "mi scrivi", "redigi", "componi", "crea", "genera", "dimmi", "nomina", "inventa",
        "proponi(?:mi)?", "suggerisci(?:mi)?", "scrivere",
    ),
    "translate": ("tradu(?:ci|rre|zione)", "traducimi", "come si dice", "come si scrive (?:\\w+ )?in"),
    "explain": ("spiega(?:mi|gli|le)?", "spieghi", "racconta(?:mi)?", "descrivi", "illustrami"),
    # Third parties ("why do people …"), "of" (content follows), a solved problem (a satisfied "no code").
    "people": (
        "la gente", "tutti", "molti", "le persone", "usano", "mettono", "dicono", "scrivono", "parlano", "mandano",
        "si usa(?:no)?",
    ),
    "anaphor": ("lo", "la", "li", "le", "questo", "quello", "tutto", "ci", "la risposta"),
    "answerpart": (
        ("(?:il |la |l')?(?:primo|secondo|terzo|ultimo|prima|seconda|terza|ultima) (?:punto|parte|paragrafo|passaggio|"
         "esempio|sezione)"),
        "(?:il )?(?:punto|passaggio) (?:\\d+|uno|due|tre|quattro|cinque)", "il concetto", "l'idea",
    ),
    "indef": ("un", "una", "uno", "un'", "due", "quattro", "cinque", "dieci", "mio", "mia", "miei", "mie"),
    "of": ("di", "della", "dello", "del", "dei", "degli", "delle"),
    # "tell me more about X": the topic of a new question follows.
    "about": ("su", "sul", "sulla", "riguardo a", "a proposito di"),
    "beneficiary": (
        ("per (?:l'|la mia |il mio |la |il |una |un )?(?:\\w+ )?(?:interrogazione|esame|verifica|compito|compiti|"
         "tesina|relazione|presentazione|orale|lezione)"),
        ("per (?:il mio|la mia|mio|mia|i miei|le mie) (?:\\w+ )?(?:figli[oa]|capo|responsabile|mamma|madre|papa|padre|"
         "nonn[oa]|amic[oa]|ragazz[oa]|moglie|marito|prof(?:essore|essoressa)?|colleg(?:a|hi|he)|client[ei]|squadra|"
         "classe|nipote|fratello|sorella|coinquilino)"),
        "per un bambino di", "e per (?:mia|mio) \\w+", "per la scuola",
        ("per (?:il mio|la mia|il|la|un|una|il nostro|la nostra) (?:\\w+ )?(?:discorso|matrimonio|presentazione|"
         "riunione|festa|viaggio|esame|colloquio|lezione|compleanno|brindisi)"),
        "per (?:\\d+|due|tre|quattro|cinque|sei|otto|dieci|dodici) (?:persone|invitati|adulti|bambini)",
    ),
    # The message hands over material to work on ("… here it is:"): nothing in it is feedback.
    "material": (
        "ecco il testo",
        ("ecco (?:il|la|lo|l'|i|le|il mio|la mia) ?(?:testo|articolo|link|file|mail|e-?mail|relazione|bozza|lettera|"
         "documento|appunti)"),
    ),
    "reported": (
        ("(?:il mio|la mia|mio|mia) (?:\\w+ )?(?:capo|prof(?:essore|essoressa)?|amic[oa]|madre|padre|mamma|papa|"
         "ragazz[oa]|moglie|marito|collega|responsabile|insegnante|maestr[oa]) (?:\\w+ )?(?:dice|pensa|trova|"
         "mi ha detto|sostiene)"),
        "tutti dicono",
        "mi ha (?:detto|chiesto) di", "(?:lui|lei) (?:dice|pensa|trova) che",
    ),
    # A clause about a third person ("my mother-in-law sends me twenty emojis"): not about the answers.
    "thirdparty": (
        ("(?:il mio|la mia|i miei|le mie|mio|mia) (?:\\w+ )?(?:capo|colleg(?:a|hi|he)|amic(?:o|a|i|he)|madre|padre|"
         "mamma|papa|moglie|marito|figli(?:o|a)?|prof(?:essore|essoressa)?|sorella|fratello|nonn[oa]|vicin[oa]|"
         "suocer[oa]|ragazz[oa]|client[ei])"),
        ("(?:il mio|la mia|i miei|le mie|mio|mia|mie|miei) (?:\\w+ )?(?:nipote|nipoti|cugin[oa]|zi[oa]|cognat[oa]|"
         "genero|nuora|fidanzat[oa]|coinquilin[oa]|padrone di casa|tutor|alunn[oa]|allenatore|medico|ex|responsabile)"),
    ),
    "mycontent": (
        "(?:i miei|le mie) (?:\\w+ )?(?:mail|email|temi|testi|lettere|relazioni|messaggi|compiti)",
        ("(?:il mio|la mia) (?:\\w+ )?(?:mail|email|tema|testo|lettera|tesi|relazione|cv|curriculum|presentazione|"
         "introduzione)"),
        "sto (?:scrivendo|preparando|redigendo) (?:un|una|il mio|la mia|dei|delle)",
        "in una (?:\\w+ )?(?:mail|email|e-mail|lettera)", "in un (?:messaggio|post|biglietto)",
    ),
    "hypothetical": (
        "se ti chiedessi", "se ti dicessi", "supponiamo", "ti ricorderesti",
        "se (?:mi )?(?:rispondessi|scrivessi|parlassi|usassi|mettessi)",
    ),
    "ability": (
        "riesci a (?:rispondere|parlare|scrivere)(?: anche)?", "sai (?:parlare|scrivere|rispondere)",
        "puoi (?:anche )?(?:rispondere|parlare) anche",
        "parli(?: anche)?", "sai parlare",
    ),
    "proglang": ("python", "java", "javascript", "typescript", "c\\+\\+", "rust", "golang", "php", "sql", "bash"),
    "noise": (
        "all'inizio", "non preoccuparti", "tranquillo", "in (?:un )?modo", "in maniera", "un paragrafo di",
        "il primo paragrafo", "in altre parole", "di niente", "figurati", "nessun problema", "tre paragrafi",
        "(?:una |la )?lista della spesa",
        ("(?:una |la )?lista (?:delle cose da fare|degli invitati|dei regali|degli ingredienti|di lettura|delle cose "
         "da portare)"),
        "(?:due|tre|quattro|\\d+) (?:frasi|righe) di",
        "codice fiscale", "codice postale", "codice di avviamento postale", "codice sconto", "dress code", "codice qr",
        "codice della strada", "codice civile", "codice penale",
    ),

    # ---- Pair and language concepts -----------------------------------------------------------
    "read": ("leggere", "leggo", "leggerti", "letto", "scorrere"),
    "phone": (
        "telefono", "cellulare", "smartphone", "dal telefono", "in pausa pranzo", "sul treno", "in metro",
        "in metropolitana",
    ),
    "allthat": ("tutto questo", "tutto cio", "tutta questa roba", "tutto '?sto testo"),
    "longtext": (
        "papiro", "poema", "romanzo", "bibbia", "enciclopedia", "trattato", "saggio", "lenzuolo", "sermone",
        "poema epico", "tesi(?: di laurea| di dottorato)?", "biografia", "guerra e pace", "divina commedia", "manuale",
    ),
    # Content whose size is the point, turned down after "I asked …, not …".
    "bigtopic": (
        ("(?:la |sua |una |un |tutta |tutto |il |l')*(?:storia|biografia|vita|guida(?: turistica)?|manuale|lezione|"
         "conferenza|corso)(?: complet[ao]| intera)?"),
    ),
    "exclaim": ("e un", "e una", "che", "un vero", "una vera", "un intero", "praticamente un"),
    "answer": ("rispost[ae]", "versione", "versioni", "spiegazion[ei]"),
    "simile": ("sembri", "sembra (?:un|una)", "pari", "suoni come", "parli come"),
    "bureau": (
        "catasto", "funzionario", "burocrate", "notaio", "avvocato", "agenzia delle entrate", "banca", "contratto",
        "robot", "azzeccagarbugli",
    ),
    "native": ("la mia lingua", "lingua madre", "madrelingua", "mia lingua"),
    "respond": ("continua", "continuiamo", "andiamo avanti"),
    "switch": ("passa (?:a|al|all)", "passiamo (?:a|al|all)", "cambia (?:in|a)"),
    "repeat": ("ripetere", "ripeti", "ripetermi", "riformulare", "riformuli", "parafrasare"),
    "myquestion": ("la mia domanda", "la domanda", "quello che ho chiesto"),
    # Saying what the question was, to contrast it with what came back.
    "asked": (
        "(?:ti )?ho (?:solo |soltanto )?chiesto", "(?:ti )?chiedevo(?: solo)?", "la mia domanda era",
    ),
    # "You wrote a novel": said of an answer's size.
    "wrote": (
        "(?:mi )?hai scritto", "hai appena scritto",
    ),
    "years": (
        "da (?:due|tre|quattro|cinque|sei|sette|otto|nove|dieci|dodici|quindici|venti|trenta) anni", "da anni",
        "da (?:\\d+|molti|tanti|vent'|dieci|quindici|vent) anni", "\\d+ anni di esperienza", "di mestiere",
        "per lavoro", "di professione",
        "da vent'anni", "da trent'anni", "da quarant'anni",
    ),
    "techjob": (
        "sviluppator[ei]", "programmator[ei]", "sistemista", "ingegner[ei]", "informatico", "developer", "devops",
        "architetto software", "data engineer",
    ),
    # People whose trade gives them expertise; with years of practice they read as experts.
    "profession": (
        "medic[oi]", "dottor(?:e|essa)", "chirurg[oa]", "infermier[ea]", "cardiolog[oa]", "neurolog[oa]",
        "radiolog[oa]", "oncolog[oa]", "pneumolog[oa]", "dermatolog[oa]", "psicolog[oa]", "psichiatra", "pediatra",
        "ortopedic[oa]", "anestesista", "dentista", "odontoiatra", "farmacista", "veterinari[oa]", "ostetrica",
        "fisioterapista", "terapista", "avvocat[oa]", "giurista", "giudice", "commercialista", "contabile",
        "ragioniere", "economista", "insegnante", "professor(?:e|essa)", "docente", "maestr[ao]",
        "ricercat(?:ore|rice)", "scienziat[oa]", "statistico", "matematico", "biolog[oa]", "elettricista",
        "meccanic[oa]", "idraulic[oa]", "falegname", "cuoc[oa]", "chef", "pilota", "tradutt(?:ore|rice)", "giornalista",
        "designer", "fotograf[oa]", "architett[oa]", "consulente", "programmo", "sviluppo software",
        "insegno",
    ),

    # ---- Value-bearing ------------------------------------------------------------------------
    "adj:length=concise": (
        "brev[ei]", "cort" + _O, "concis" + _O, "sintetic" + _O, "stringat" + _O, "succint" + _O,
        "compatt" + _O, "asciutt" + _O,
        "cortin[oa]", "brevin[oa]",
        "breviss[io]m[oaie]", "telegrafic[oaie]", "essenzial[ei]", "snell[oaie]", "riassuntiv[oaie]",
    ),
    "adj:length=detailed": (
        "dettagliat" + _O, "complet" + _O, "approfondit" + _O, "esaustiv" + _O, "estes" + _O, "ampi" + _O,
        "corpos[oa]", "sostanzios[oa]", "articolat[oa]",
        "esaurient[ei]", "minuzios[oaie]", "particolareggiat[oaie]", "accurat[oaie]", "dettagliatissim[oaie]",
    ),
    "adj:tone=formal": (
        "seri[oa]",
        "formal[ei]", "professional[ei]", "seri" + _O, "sobri" + _O, "cortese", "educat" + _O, "istituzional[ei]",
        "distaccat" + _O,
        "professionale", "sobrio", "elegante", "compost[oaie]", "forbit[oaie]",
    ),
    "adj:tone=casual": (
        "informal[ei]", "rilassat" + _O, "legger" + _O, "amichevol[ei]", "colloquial[ei]", "alla mano",
        "confidenzial[ei]", "familiar[ei]", "scherzos" + _O, "spontane" + _O, "tranquill" + _O,
        "simpatic[oaie]", "cordial[ei]", "caldo", "calda", "umano", "umana", "naturale", "sciolt[oaie]",
    ),
    "adj:expertise=beginner": (
        "semplic[ei]", "facil[ei]", "elementar[ei]", "basilar[ei]", "accessibil[ei]", "comprensibil[ei]",
    ),
    "adj:expertise=expert": (
        "tecnic" + _O, "avanzat" + _O, "complicat" + _O, "compless" + _O, "specialistic" + _O, "rigoros" + _O,
        "approfondit[oaie] tecnicamente", "scientific[oaie]", "da espert[oi]",
    ),
    "adjlong:length=detailed": (
        "lung" + _O, "lunghi", "lunghe", "enorm[ei]", "infinit" + _O, "chilometric" + _O, "lunghissim" + _O,
    ),
    "judge:length=concise": (
        "proliss" + _O, "verbos" + _O, "logorroic" + _O, "un papiro", "pippone", "sbrodolat" + _O, "interminabil[ei]",
        "troppa roba", "mattone", "tutta '?sta roba",
        "chilometric[oaie]", "logorroic[oaie]", "ridondant[ei]", "dispersiv[oaie]",
        "ti dilunghi", "ti sei dilungat[oa]",
    ),
    "judge:length=concise>format": (
        "blocchi di testo", "muro di testo", "un blocco",
        "(?:un )?(?:enorme )?(?:muro|blocco|mattone) di testo(?: enorme| infinito)?", "(?:un )?muro di parole",
    ),
    "judge:length=detailed": (
        "scarn" + _O, "superficial[ei]", "generic" + _O, "vag" + _O, "sbrigativ" + _O, "incomplet" + _O,
        "poco approfondit" + _O, "striminzit" + _O,
        "stringat[oaie] troppo", "troppo sintetic[oaie]", "tirat[oaie] via", "striminzit[oaie]", "lacunos[oaie]",
    ),
    "judge:tone=casual": (
        "rigid" + _O, "ingessat" + _O, "robotic" + _O, "come un robot", "impostat" + _O, "burocratic" + _O,
        "funzionario del catasto",
        "freddo come", "impettit[oaie]", "ampollos[oaie]", "pomposo", "pomposa", "paludat[oaie]", "come un burocrate",
        "distaccat[oaie]",
    ),
    "judge:tone=formal": (
        "sguaiat" + _O, "volgare", "poco serio",
        "troppo confidenziale", "sboccat[oaie]", "troppo alla mano",
    ),
    "judge:expertise=beginner>language": ("non capisco bene", "non lo capisco bene"),
    "judge:expertise=beginner": (
        "non ho capito (?:niente|nulla)", "non ho capito", "non capisco", "mi sono pers" + _O, "mi hai pers" + _O,
        "non ci ho capito niente", "non ci arrivo", "confus" + _O, "incomprensibile",
        "non ti seguo", "non riesco a seguirti", "mi sono pers[oa]",
    ),
    "judge:expertise=expert": ("da principianti", "da asilo", "banal[ei]", "scontat" + _O, "cose ovvie"),
    "judge:format=prose": (
        "come una lista della spesa", "spezzettat" + _O, "frammentat" + _O, "a pezzi", "si perde il filo",
    ),
    "judge:format=lists": ("tutto attaccato", "un unico blocco", "un blocco unico", "illeggibile", "in un blocco"),
    "judge:preamble=keep": (
        "brusc" + _O, "di punto in bianco", "cosi di colpo", "di colpo", "a freddo", "partire cosi", "secco",
    ),
    "verb:length=concise": (
        "accorcia(?:lo|la|re)?", "accorciarlo", "accorciarl" + _O, "riassumi(?:lo)?", "riassumere", "sintetizza(?:lo)?",
        "taglia(?:lo)?", "stringi", "condensa",
        "riduci(?:lo|la|li|le)?", "ridurre", "dimezza(?:lo|la|re)?",
    ),
    "verb:length=detailed": ("approfondisci", "approfondire", "sviluppa(?:lo|re)?", "dettaglia", "elabora", "amplia"),
    "direct:length=concise": (
        "lungo la meta",
        "basta una frase", "una frase basta", "non dilungarti", "senza dilungarti", "non ti dilungare",
        ("(?:meno di|massimo|al massimo|non piu di) (?:\\d+|due|tre|quattro|cinque|dieci|cento) (?:frasi|righe|parole|"
         "paragrafi)"),
        "(?:in )?(?:due|2|una|1)(?: o |-|, )(?:tre|3|due|2) (?:frasi|righe)", "in breve", "in sintesi", "in soldoni",
        "riassumendo", "l'essenziale", "solo l'essenziale", "i punti principali", "i punti chiave", "punti principali",
        "punti chiave", "solo quello che serve", "quello che serve",
        "in (?:una|un paio di|due|tre|poche|\\d+) (?:righe|riga|frasi|frase|parole)", "si o no", "solo si o no",
        "non ho tempo", "ho pochi minuti", "ho poco tempo", "di fretta", "sii breve", "sii concis" + _O,
        "sii dirett[oa]", "sia dirett[oa]",
        "ho smesso di leggere", "mi sono fermat[oa] a meta", "a meta ho (?:mollato|smesso)",
        "la meta (?:basta|e sufficiente)", "(?:basta|bastava) la meta",
    ),
    "direct:length=concise>preamble": ("(?:vai |andare |arriva )?al sodo", "(?:vai )?dritto al punto", "al punto"),
    "direct:length=detailed": (
        "spiegati meglio", "spiegalo meglio", "entra (?:piu )?nei dettagli", "nel dettaglio", "in dettaglio",
        "piu nel dettaglio", "vai piu a fondo", "a fondo", "spiegami meglio", "dimmi di piu", "raccontami di piu",
        "meglio abbondare", "anche se (?:viene|e|diventa) lung[oa]", "manca(?:no)? (?:qualcosa|delle cose|dei pezzi)",
        "per bene", "come si deve",
    ),
    "direct:format=lists": (
        "in passaggi", "a passaggi",
        "a (?:elenco|elenchi) (?:puntat[oi]|numerat[oi])",
        "(?:me lo |lo )?dividi(?:lo)? in (?:punti|passaggi|parti|sezioni)", "suddividi(?:lo)?", "in passaggi",
        "punto per punto", "schematizza", "a punti", "per punti", "struttura(?:lo)?",
        "per punti elenco", "in punti", "schematico", "schematica", "in uno schema", "a elenco",
    ),
    "direct:tone=casual": (
        "come se (?:io )?fossi (?:un|una|il tuo|la tua) amic[oa]", "come (?:se parlassi )?a un amico",
        "come a un'amica", "rilassati", "stai sereno", "parlami normalmente", "parla normale", "come a un amico",
        "dammi (?:pure )?del tu", "dare del tu", "senza formalita",
    ),
    "direct:tone=formal": ("mi dia del lei", "darmi del lei", "dammi del lei", "desse del lei", "dare del lei"),
    "direct:preamble=skip": (
        "solo la risposta", "dritto alla risposta", "vai dritto alla risposta", "rispondi e basta",
        "senza giri di parole", "niente preamboli", "senza preamboli",
        "(?:rispondi|rispondimi) (?:direttamente|diretto)",
        "inizia (?:direttamente |subito )?(?:con|dalla) (?:la )?risposta",
    ),
    "direct:preamble=keep": ("salutami", "un saluto prima", "dimmi ciao"),
    "direct:emoji=use": ("(?:sono )?(?:un |una )?(?:fan|amante) delle emoji",),
    "direct:expertise=beginner": (
        "non (?:ne )?so (?:quasi )?(?:nulla|niente)",
        "come se avessi \\w+ anni", "come se avessi (?:cinque|5|\\d+) anni", "come a un bambino", "per bambini",
        "in parole semplici", "con parole semplici", "in parole povere", "terra terra", "piano piano", "con calma",
        "passo dopo passo", "sono alle prime armi", "alle prime armi", "sono agli inizi", "agli inizi",
        "ho appena iniziato", "non sono (?:un )?(?:esperto|tecnico|informatico|programmatore)", "non ne so niente",
        "semplice semplice",
        "spiega(?:mi)? (?:i|questi|quei|tuoi) (?:termini|paroloni|tecnicismi|acronimi)",
        "come se non ne sapessi (?:niente|nulla)", "come se non sapessi (?:niente|nulla)",
        "(?:con |in |usa )?parole (?:semplici|facili|povere)",
        "non sono del (?:settore|mestiere|campo|ramo)", "non e il mio campo",
    ),
    "direct:expertise=beginner>language": ("sto imparando", "voglio esercitarmi", "devo allenarmi", "devo esercitarmi"),
    "direct:expertise=expert": (
        "lo so gia", "so benissimo", "so bene cos", "so (?:benissimo |bene |gia )?cos'e", "dai per scontato",
        "vai sul tecnico", "sul tecnico", "la parte tecnica", "i dettagli tecnici", "tra colleghi", "come a un collega",
        "non sono (?:un |una )?principiante", "sono del mestiere", "non c'e bisogno di spiegar\\w*",
        "trattami (?:da|come (?:un |una )?)(?:espert[oa]|professionista|collega|specialista)",
    ),
    "direct:code=include": ("in codice", "da copiare", "copia e incolla", "eseguibil[ei]"),
    "direct:code=omit": ("a parole", "solo la spiegazione", "solo il concetto"),
    "flip:expertise=beginner": ("semplifica(?:re|lo)?",),
    "trait:length=concise>format": ("leggo lentamente", "leggo piano", "dislessi\\w*"),
    # Little time to read: a self-description that implies short answers.
    "trait:length=concise": (
        "pochissimo tempo", "(?:molto )?poco tempo", "sono (?:sempre )?(?:di corsa|incasinat[oa]|pien[oa] di cose)",
        "di corsa", "tra una riunione e l'altra", "tra (?:due )?(?:riunioni|lezioni|chiamate|turni)",
        "leggo in diagonale", "(?:solo )?(?:cinque|due|\\d+) minuti",
    ),
    "trait:emoji=avoid": ("lettore di schermo",),
    # Being new at something: a self-description that implies a beginner's answers.
    "trait:expertise=beginner": (
        "(?:e )?(?:la )?(?:mia )?prima volta (?:che|con|in vita mia)",
        "(?:la )?(?:mia )?prima settimana (?:con|che|di)", "nessuna idea di", "non ne so (?:nulla|niente|un tubo)",
        "non so (?:nulla|niente) di", "zero (?:conoscenze|esperienza)",
        "nuov[oa] (?:nel|nella|nello|nei|negli|con|a) \\w+",
        "sto (?:appena )?(?:iniziando|cominciando)(?: adesso| ora)?",
        "ho (?:appena )?(?:iniziato|cominciato) (?:a|con|da)",
    ),

    # ---- Targets: objects whose wanted value depends on the words around them --------------------
    "target:emoji": (
        "emoticon", "faccine", "faccina", "faccette", "icone", "smile", "emoji", "emojii",
    ),
    "target:list": (
        "tabell[ae]", "elenchi(?: puntati| numerati)?", "elenco(?: puntato| numerato)?", "liste", "lista", "punti",
        "passaggi numerati", "trattini", "punti elenco", "schemi", "numerat" + _O,
        "uno sotto l'altro", "una sotto l'altra",
        "elenchin[oi]", "listina",
        "bullet(?: point)?s?", "elenco puntato", "punti elenco", "tabellina",
    ),
    "target:prose": (
        "prosa", "paragrafi", "paragrafo", "testo discorsivo", "forma discorsiva", "discorsiv" + _O, "testo normale",
        "testo continuo", "frasi complete",
        "paragrafi discorsivi", "testo scorrevole", "testo di fila", "discorso unico",
    ),
    "target:code": (
        "codice", "esempi(?:o)? di codice", "pezz(?:o|i) di codice", "snippet", "script", "frammenti di codice",
        "codice sorgente",
    ),
    "target:intro": (
        "giri di parole", "salutarmi", "salutare", "introduzion[ei]", "saluti", "saluto", "preamboli", "preambolo",
        "convenevoli", "benvenuto", "frase di benvenuto", "ciao", "qopener", "premessa", "premesse",
        "introduzione", "premesse?", "saluti iniziali", "frase di apertura",
    ),
    "target:basics": (
        "le basi", "basi", "l'abc", "fondamentali", "nozioni di base", "cose base",
        "(?:un'|una |l')?introduzione (?:a|al|alla|ai)",
    ),
    "target:jargon": ("paroloni(?: tecnici)?", "gergo", "termini tecnici", "tecnicismi", "parole difficili"),
    "target:detail": (
        "profondita", "approfondimento", "dettagli", "dettaglio", "approfondimenti", "contesto", "informazioni",
        "sfumature",
    ),
    "target:formalities": ("formalita", "formalismi", "cerimonie"),
    "target:slang": ("confidenza", "gergo giovanile", "parolacce", "dialetto"),
    "target:tone_formal": (
        ("(?:um |uma |un |une |una )?(?:linguaggio) (?:mais |plus |piu |bem |tres |molto )?(?:formale|professionale|"
         "serio)"),
        "(?:un )?(?:tono|registro) (?:piu |molto )?(?:formale|professionale|serio|istituzionale)",
    ),
    "target:tone_casual": (
        ("(?:um |uma |un |une |una )?(?:linguaggio) (?:mais |plus |piu |bem |tres |molto )?(?:informale|rilassato|"
         "leggero|colloquiale)"),
        "(?:un )?(?:tono|registro) (?:piu |molto )?(?:informale|rilassato|leggero|amichevole|colloquiale)",
    ),
    "target:address_formal": ("del lei",),
    "target:address_informal": ("del tu",),
    "target:summary": ("riassunto", "sintesi", "versione breve", "versione corta"),
    "target:text": ("testi", "testo", "parole", "righe"),
    "target:techdomain": ("informatica", "tecnologia", "programmazione", "matematica"),
    "target:id_beginner": (
        "(?:un |una )?(?:bambin[oa]|ragazzin[oa])",
        "(?:un |una |totale |completo )*(?:principiante|neofita|novellin[oa]|profan[oa]|inespert[oa])",
        "nuov[oa] (?:in|di) \\w+",
    ),
    "target:id_expert": ("senior", "espert" + _O, "specialista", "professionista", "veterano", "dottorando", "dottore"),
    "target:explainbasic": (
        "spiegarmi le basi", "spiegarmelo", "prendermi per mano", "imboccarmi",
        "spiegar(?:mi|e|melo)? (?:cos'e|che cos'e|cosa (?:sia|e)|che cosa (?:sia|e))",
        "spieghi (?:cos'e|cosa (?:sia|e))",
    ),
    "comp:length=concise": (
        "piu dirett[oaie]",
    ),
    "excesspost": (
        "(?:e|sono) (?:davvero |decisamente )?troppo(?: per me)?(?= ?(?:[.!?,;:]|$))",
        "(?:e|sono) eccessiv[oi](?: per me)?(?= ?(?:[.!?,;:]|$))",
    ),
    "effect": (
        "che e", "cosi e", "che rende", "per renderlo", "per rendere",
    ),
}
