"""Spanish (Spain and Latin America, including voseo). Concepts: see ``lexicon/__init__.py``.

Folding drops accents, so "más"/"mas", "qué"/"que" and "sé"/"se" look alike; fragments avoid the
ambiguous short forms ("se", "que", "como") unless a longer phrase pins them down.
"""

from __future__ import annotations

_O = "(?:o|a|os|as)"  # gender and number endings

LEXICON: dict[str, tuple[str, ...]] = {
    # ---- Polarity operators -------------------------------------------------------------------
    "neg": (
        "no", "ni", "nada", "ningun\\w*", "no hace falta", "no necesito", "no me hace falta", "tampoco", "ya no",
        "no quiero", "no me (?:pongas|des|mandes|uses|hagas)", "no pongas", "no uses", "no hay que", "no tienes que",
        "cero",
    ),
    "never": ("nunca", "jamas", "nunca mas", "nunca jamas"),
    "negcop": ("no es", "no esta", "no era", "no son", "no estaba"),
    "negpost": (
        "sobra(?:n)?", "no hace(?:n)? falta", "no son necesarios", "no es necesario", "estan de mas", "esta de mas",
        "no gracias", "no los necesito", "no lo necesito", "no me hacen falta", "no se necesitan",
    ),
    "remove": (
        "sobran (?:los|las|tantos|tantas|todos|todas)",
        "sin", "quita(?:le|los|las|lo|me)?", "quitale", "saca(?:le|los)?", "elimina(?:los|las)?", "borra(?:los|las)?",
        "ahorrate", "ahorra", "saltate", "salta(?:te)?", "omite", "deja de", "dejate de", "basta de", "basta ya de",
        "nada de", "evita", "corta con", "olvidate de", "prescinde de", "menos rollo con",
    ),
    "removepost": ("fuera", "afuera", "sobran", "quitalos"),
    "add": (
        "añade(?:le)?", "agrega(?:le)?", "pon(?:le|me|les)?", "mete(?:le)?", "usa", "utiliza", "incluye", "quiero",
        "necesito", "me gustaria", "quisiera", "pones", "pongas", "pon", "echale", "echa", "añadir", "poner", "usar",
        "mete", "incluir",
        "no dudes en", "no te cortes (?:con|en)",
    ),
    "with": ("con",),
    "give": (
        "dame", "me enseñas", "me muestras", "me pasas", "hazme", "muestrame", "enseñame", "pasame", "mandame", "danos",
        "muestra", "enseña",
    ),
    "some": ("unos", "unas", "algunos", "algunas", "un par de", "unos cuantos", "unas cuantas", "un poco de"),
    "addpost": (
        "se agradece(?:n)?", "estaria(?:n)? bien", "no estaria(?:n)? mal", "vendria(?:n)? bien", "ayudaria(?:n)?",
        "bienvenid[oa]s?", "permitid[oa]s?", "valen", "estan bien", "me vendria bien", "me ayudaria(?:n)?",
        "no vendria mal", "se agradeceria",
    ),
    "whynot": ("por que no", "porque no", "y si (?:pones|añades|usas)"),
    "asin": ("en", "como", "en forma de", "en formato(?: de)?", "a modo de", "al", "en una", "en un"),
    "like": (
        "me gusta(?:n)?", "me encanta(?:n)?", "prefiero", "me quedo con", "soy (?:muy )?de", "soy fan de", "fan de",
        "me ayuda(?:n)?", "me resulta (?:mas )?facil", "extraño", "echo de menos", "me resulta (?:mucho )?mas comodo",
        "(?:estoy )?acostumbrad[oa] a", "me viene mejor", "me va mejor",
    ),
    "dislike": (
        "(?:poca|ninguna|cero) paciencia (?:con|para)", "no me ayuda(?:n)?",
        "me suena a chino", "es chino para mi", "me cansan", "me confunde(?:n)?",
        "(?:soy )?(?:malisim[oa]|fatal|un desastre|negad[oa]|torpe) (?:con|para|en)", "infantil(?:es)?", "odio",
        "no soporto", "me molesta(?:n)?", "me fastidia(?:n)?", "me agobia(?:n)?", "me cansa(?:n)?", "me aburre(?:n)?",
        "se me hacen bola", "se me hace bola", "no me gusta(?:n)?(?: nada)?", "poco profesional", "me distrae(?:n)?",
        "es una pesadilla", "son una pesadilla", "un infierno", "no es lo mio", "no me dice(?:n)? nada",
        "me da flojera", "me da pereza", "seco", "frio", "me incomoda", "me saca de quicio", "me sacan de quicio",
        "se me hace(?:n)? (?:eterno|eternos|eterna|eternas|pesad[oa]s?|dificil(?:es)?|cuesta arriba|largo|largos)",
        "me cuesta(?:n)?(?: mucho)?", "tengo (?:problemas|dificultades) con",
        "(?:es|son) (?:muy )?dificil(?:es)? para mi", "un sufrimiento", "un suplicio", "una tortura",
        "no me sirve(?:n)? de nada", "no me sirve(?:n)? para nada",
        "uf", "puf", "agh",
    ),
    "why": (
        "por que", "para que", "y todos esos", "todos esos", "todas esas", "a que viene(?:n)?", "que pasa con",
        "a cuento de que", "y eso de",
    ),
    "omitted": ("te saltaste", "te has saltado", "omitiste", "te dejaste", "falta(?:n)?", "se te olvido", "te comiste"),
    "know": ("ya se", "yo se", "conozco", "domino", "ya conozco", "ya domino", "entiendo", "ya entiendo", "manejo"),
    "excess": (
        "demasiad" + _O, "tanto", "tantos", "tantas", "tanta", "un monton de", "muchisim" + _O, "exceso de",
        "excesivamente", "mucho", "muchos", "muchas",
    ),
    "excesspost": (
        "de mas", "de sobra", "(?:es|son|fue) (?:demasiado|excesiv[oa]s?)(?: para mi)?(?= ?(?:[.!?,;:]|$))",
    ),
    "so": ("tan",),
    "intens": ("muy", "bastante", "un poco", "algo", "un poquito", "un pelin", "medio", "mas bien", "re", "pelin"),
    "more": ("mas", "un poco mas", "algo mas", "mucho mas", "bastante mas", "un pelin mas", "un poquito mas"),
    "less": ("menos", "un poco menos", "algo menos", "mucho menos"),
    "copula": (
        "esta", "esto es", "eso es", "era", "fue", "queda", "quedo", "suena(?:s)?", "parece(?:s)?", "se ve", "se lee",
        "resulta", "estas", "eres", "esta siendo", "me parece", "me resulto",
        "hace que", "lo hace", "hacen que",
    ),
    "canbe": ("puede ser",),
    "be": (
        "ser", "puedes ser", "hazlo", "hazla", "hagalo", "haz", "manten(?:lo|la)?", "mantenga", "dejalo", "ponlo",
        "escribelo", "redactalo", "contesta(?:me)?", "responde(?:me)?", "hablame", "habla", "sea", "seas",
        "sigue siendo", "se mas", "sea mas", "respondeme", "contestame", "explicamelo", "explicalo", "cuentamelo",
        "damelo", "redactame",
        "quedate", "mantente", "seguir siendo",
    ),
    "first": ("antes", "primero", "para empezar", "de entrada", "antes de responder", "antes de la respuesta"),
    "start": (
        "empieza (?:con|por)", "empieza", "empiezas", "empieces", "empezaras", "empezar", "comienza (?:con|por)",
        "comienza", "arranca (?:con|por)", "abre con", "comenzar con", "empezar con",
    ),
    "please": ("por favor", "porfa", "porfi", "xfa", "plis", "porfavor", "x favor"),
    # Tolerating something ("I don't mind long answers") is no wish for it.
    "tolerate": (
        "no me importa(?:n)?", "no me molesta(?:n)?", "me da igual", "me dan igual", "no tengo problema con",
    ),
    # Doubting the wish in the clause that follows ("I don't think it needs to be shorter").
    "negthink": (
        "no creo que", "no pienso que", "dudo que",
    ),
    # A tentative offer: "Stichpunkte vielleicht?" asks for the object it offers.
    "maybe": (
        "quizas?", "tal vez", "a lo mejor",
    ),
    # "As technical as you like": permission for the adjective before it.
    "aslike": (
        "como (?:quieras|desees|gustes)", "lo que quieras",
        "que quieras", "que te de la gana",
    ),
    # Keeping what one answer did ("keep the bullets, just fix the typo"): about that answer, not a wish.
    "retain": (
        "manten(?:ga)? (?:las|los|el|la|tus)", "deja (?:las|los|el|la|tus)", "conserva (?:las|los|el|la|tus)",
        "no cambies (?:las|los|el|la)",
    ),

    # ---- Scope and stance -----------------------------------------------------------------------
    "when": ("cuando",),
    "but": (
        "pero", "aunque", "sin embargo", "salvo", "excepto", "a menos que", "por cierto", "igual", "de todas formas",
        "sino", "eso si", "aparte",
    ),
    "than": ("en vez de", "en lugar de", "mejor que", "antes que"),
    "or": ("o", "o bien"),
    "standing": (
        "a menos que (?:te )?(?:lo )?pida", "salvo que (?:te )?(?:lo )?pida", "cuando quieras", "a partir de ahora",
        "de ahora en adelante", "desde ahora", "de aqui en adelante", "en adelante", "en el futuro", "siempre",
        "cada vez", "todas las veces", "acuerdate", "recuerda", "ten en cuenta", "sigue haciendolo", "sigue asi",
        "conmigo", "para siempre", "en todas (?:tus|las) respuestas", "en general", "por defecto", "de aqui en mas",
        "a partir de hoy", "en lo sucesivo", "(?:durante|en) (?:toda )?(?:esta|la) conversacion", "en este chat",
        "siempre que",
    ),
    "self": ("soy", "estoy", "yo soy", "tengo", "trabajo (?:como|en|con)", "trabajo", "me dedico a"),
    "asif": (
        "como si (?:yo )?(?:nunca|no)",
        "como si fuera", "como si fuese", "como si yo fuera", "como para alguien que", "como a un", "como a una",
        "como para un", "como si tuviera", "como si no supiera", "como para una",
    ),
    "request": (
        "podemos", "podriamos", "puedes", "podrias", "podes", "podria", "puede usted", "te importaria", "quiero que",
        "necesito que", "seria posible", "me haces el favor", "que tal si", "me lo puedes", "me lo podrias",
    ),
    "thanks": ("gracias", "muchas gracias", "mil gracias", "te lo agradezco"),
    "praise": (
        "perfecto", "genial", "buenisimo", "excelente", "justo lo que necesitaba", "esta genial", "me sirve",
        "esta bien asi", "asi esta bien", "muy util", "util", "de lujo", "me salvaste", "me basta",
        "me (?:ha )?encantado", "me encanto", "me gusto (?:mucho)?", "me ha gustado",
    ),
    "resolved": ("ya lo entendi", "ya entendi", "ya esta", "ya funciona", "lo resolvi", "no importa"),
    # A specific earlier instance, praised or mentioned: not a standing wish ("el emoji del final").
    "instance": ("del final", "al final", "que usaste", "que pusiste"),
    "complaint": (
        "no responde (?:a )?(?:mi|la) pregunta", "no contesta (?:a )?(?:mi|la) pregunta", "eso no lo pregunte",
        "desactualizado", "no compila", "no es eso", "te equivocas", "estas equivocad[oa]",
        "sigue sin (?:ir|andar|funcionar)", "no ayuda", "eso no puede ser", "(?:estas )?seguro\\?", "mal hecho",
        "no es lo que (?:te )?(?:pedi|pregunte|queria)", "eso no es (?:correcto|cierto|verdad|asi)", "no es correcto",
        "incorrecto", "esta mal", "falso", "te lo estas inventando", "te estas inventando", "inventad[oa]",
        "no funciona", "sigue sin funcionar", "sigue fallando", "mismo error", "no me sirve(?: para nada| de nada)?",
        "no sirve (?:para nada|de nada)", "inutil", "no es lo que (?:pedi|pregunte|queria)",
        "no te pregunte (?:eso|por eso)", "no respondiste", "no has respondido", "no contestaste", "que tiene que ver",
        "no tiene sentido", "pesimo", "malisimo", "no existe", "no cuadra(?:n)?", "no me ayuda", "nada que ver",
        "que va", "no me convence", "sin sentido", "no era eso", "eso no era", "te equivocas", "error",
    ),
    "opener": (
        "excelente pregunta", "buena pregunta", "gran pregunta", "muy buena pregunta", "hola", "claro", "por supuesto",
        "estimad[oa] usuari[oa]", "con gusto", "buenos dias",
    ),

    # ---- Gates: text that is not about the answers ----------------------------------------------
    "question": (
        "como (?:hago|puedo|se|quito|pongo|hacer|funciona|desactivo|activo|escribo|le|lo|configuro|hay)", "que es",
        "que son", "que significa", "que diferencia", "que quiere decir", "cual(?:es)?", "donde", "quien(?:es)?",
        "cuant[oa]s?", "es mejor", "es normal", "es (?:de )?mala educacion", "esta bien (?:usar|poner)", "debo",
        "deberia", "puedo", "hay (?:que|alguna)", "me recomiendas", "algun consejo", "consejos", "se puede",
        "en que se diferencia", "es correcto", "es raro", "es grave", "es mejor poner", "es cosa",
        "queda (?:mal|bien|raro)", "se ve (?:mal|raro)", "es de buena educacion", "esta mal visto", "se puede poner",
        "la gente (?:usa|pone|escribe)", "se suele(?:n)?", "es habitual", "es normal (?:usar|poner)",
    ),
    "task": (
        "escribe(?:me)?", "redacta", "me redactas", "me escribes", "crea(?:me)?", "genera(?:me)?", "dime", "nombra",
        "menciona", "inventa(?:te)?", "compon", "sugiere(?:me)?", "recomiendame", "escribir",
    ),
    "translate": (
        "traduce(?:me|lo)?", "traducir", "traduccion", "como se dice", "como se escribe (?:\\w+ )?en",
        "como se traduce",
    ),
    "explain": ("explica(?:me|le|nos)?", "explicas", "cuentame", "describe(?:me)?", "explicar", "explicale"),
    # Third parties ("why do people …"), "of" (content follows), a solved problem (a satisfied "no code").
    "people": (
        "la gente", "todo el mundo", "todos", "usan", "ponen", "dicen", "escriben", "hablan", "mandan", "se usa(?:n)?",
    ),
    "anaphor": ("lo", "la", "los", "esto", "eso", "todo", "la respuesta", "tu respuesta"),
    "answerpart": (
        ("(?:el |la )?(?:primer|primero|segundo|tercer|tercero|ultimo|primera|segunda|tercera|ultima) (?:punto|parte|"
         "parrafo|paso|ejemplo|seccion|apartado)"),
        "(?:el )?(?:punto|paso) (?:\\d+|uno|dos|tres|cuatro|cinco)", "la idea", "el concepto", "la idea general",
    ),
    "indef": ("un", "una", "uno", "\\d+", "dos", "cuatro", "cinco", "diez", "mi", "mis"),
    "of": ("de", "de la", "del", "de los", "de las"),
    # "tell me more about X": the topic of a new question follows.
    "about": ("sobre", "acerca de", "respecto a"),
    "beneficiary": (
        ("para (?:mi|mis|el|la|un|una|nuestro|nuestra) (?:\\w+ )?(?:examen|prueba|trabajo de clase|tarea|deberes|"
         "exposicion|presentacion|clase)"),
        ("(?:para|a) mi (?:\\w+ )?(?:hij[oa]|jef[ea]|mama|madre|papa|padre|abuel[oa]|amig[oa]|novi[oa]|espos[oa]|"
         "profesor(?:a)?|profe|sobrin[oa]|herman[oa]|equipo|clase|cliente|compañer[oa]|suegr[oa])"),
        "para (?:un|una) niñ[oa] de", "es para (?:el|la|mi) (?:cole|colegio|escuela|clase|tarea|trabajo de)",
        ("para (?:mi|la|una|el|un|nuestra|nuestro) (?:\\w+ )?(?:boda|charla|presentacion|reunion|fiesta|viaje|examen|"
         "entrevista|clase|discurso|cumpleanos|brindis)"),
        "para (?:\\d+|dos|tres|cuatro|cinco|seis|ocho|diez|doce) (?:personas|invitados|adultos|niños)",
    ),
    # The message hands over material to work on ("… here it is:"): nothing in it is feedback.
    "material": (
        "aqui esta el texto", "aqui tienes el texto",
        ("aqui (?:esta|tienes|va) (?:el|la|mi|un|una) (?:texto|articulo|enlace|link|archivo|correo|informe|borrador|"
         "carta|documento)"),
    ),
    "reported": (
        ("(?:mi|la|el) (?:\\w+ )?(?:jef[ea]|profe|profesor(?:a)?|amig[oa]|madre|padre|mama|papa|pareja|novi[oa]|"
         "compañer[oa]|suegr[oa]|herman[oa]|hij[oa]|abuel[oa]|tutor(?:a)?|cliente) (?:\\w+ )?"
         "(?:dice|me dijo|opina|cree|me dice)"),
        "todos dicen",
        "me (?:dijo|ha dicho|pidio|ha pedido) que", "(?:el|ella) (?:dice|piensa|cree) que",
    ),
    # A clause about a third person ("my mother-in-law sends me twenty emojis"): not about the answers.
    "thirdparty": (
        ("(?:mi|mis|nuestro|nuestra) (?:\\w+ )?(?:jef[ea]|compañer[oa]s?|amig[oa]s?|madre|padre|mama|papa|espos[oa]|"
         "pareja|hij[oa]s?|profe(?:sor|sora)?|herman[oa]|abuel[oa]|vecin[oa]|suegr[oa]|novi[oa]|clientes?)"),
        ("(?:mi|mis|nuestro|nuestra) (?:\\w+ )?(?:sobrin[oa]s?|prim[oa]s?|ti[oa]s?|niet[oa]s?|cuñad[oa]|yerno|nuera|"
         "casero|casera|tutor(?:a)?|alumn[oa]s?|entrenador(?:a)?|medic[oa]|ex|compi)"),
    ),
    "mycontent": (
        ("mis (?:\\w+ )?(?:correos|mails|emails|trabajos|textos|redacciones|ensayos|cartas|mensajes|informes|"
         "presentaciones)"),
        ("mi (?:\\w+ )?(?:correo|mail|email|trabajo|texto|redaccion|ensayo|carta|tesis|cv|curriculum|presentacion|"
         "introduccion|informe)"),
        "estoy (?:escribiendo|preparando|redactando|haciendo) (?:un|una|mi|unos|unas)",
        "en (?:un|mi) (?:correo|mail|email|mensaje|whatsapp|post|tuit)", "en una (?:carta|tarjeta|presentacion)",
    ),
    "hypothetical": (
        "si te pidiera", "si te (?:dijera|pido|digo)", "supongamos", "te acordarias", "recordarias",
        "si (?:me )?(?:respondieras|contestaras|escribieras|hablaras|fueras|usaras|pusieras)",
    ),
    "ability": (
        "puedes (?:tambien )?(?:hablar|responder|contestar|escribir) (?:tambien )?en", "hablas",
        "sabes (?:hablar|escribir)", "puedes recordar",
        "usted habla",
    ),
    "proglang": (
        "python", "java", "javascript", "typescript", "c\\+\\+", "rust", "golang", "php", "sql", "bash", "kotlin",
        "swift", "ruby",
    ),
    "noise": (
        "al principio", "al inicio", "no te preocupes", "de (?:una )?manera", "de (?:una )?forma", "al menos",
        "por lo menos", "a lo menos", "un parrafo de", "el primer parrafo", "en otras palabras", "no pasa nada",
        "de nada", "no hay problema", "no te preocupes",
        "(?:una |la )?lista de (?:la )?compra",
        ("(?:una |la )?lista de (?:tareas|pendientes|invitados|regalos|lectura|canciones|ingredientes|la maleta|cosas "
         "para llevar)"),
        "(?:dos|tres|cuatro|\\d+|varias) (?:frases|lineas) de",
        "codigo postal", "codigo de vestimenta", "codigo de descuento", "codigo promocional", "codigo qr",
        "codigo de conducta", "codigo penal", "codigo civil",
    ),

    # ---- Pair and language concepts -----------------------------------------------------------
    "read": ("leer", "leo", "lees", "leerte", "leerlo", "lei", "leido", "leyendo", "te leo", "no lo lei", "scrollear"),
    "phone": ("movil", "celular", "telefono", "el cel", "el metro", "el bus", "el tren", "el colectivo"),
    "allthat": ("todo eso", "todo esto", "tanto texto", "todo ese texto", "todo el texto"),
    "longtext": (
        "testamento", "biblia", "novela", "libro", "tesis", "ladrillo", "sermon", "ensayo", "enciclopedia",
        "la biblia en verso",
        "el quijote", "quijote", "biografia", "tratado", "manual", "guerra y paz", "novela rio",
    ),
    # Content whose size is the point, turned down after "I asked …, not …".
    "bigtopic": (
        ("(?:la |su |una |un |toda |todo |el )*(?:historia|biografia|vida|guia(?: turistica)?|manual|clase|curso|"
         "conferencia|tratado)(?: complet[oa]| entera)?"),
    ),
    "exclaim": (
        "menudo", "vaya", "tremendo", "todo un", "toda una", "soltarme un", "me sueltas un", "parece un", "como un",
        "que",
    ),
    "answer": ("respuestas?", "version(?:es)?", "explicacion(?:es)?", "contestacion(?:es)?"),
    "simile": ("suenas como", "suena a", "suena como", "parece(?:s)? (?:un|una)", "como si fueras", "hablas como"),
    "bureau": (
        "notario", "abogado", "burocrata", "funcionario", "hacienda", "banco", "contrato", "tramite", "ministerio",
        "robot", "documento legal", "carta del banco",
    ),
    "native": ("mi lengua materna", "lengua materna", "idioma materno", "mi idioma", "mi lengua"),
    "respond": ("escribeme", "sigue", "seguir", "sigamos", "continua", "continuemos"),
    "switch": ("cambia (?:a|al)", "pasate al", "pasa al", "cambiate al", "cambiemos al"),
    "repeat": ("repitas", "repetir", "repites", "repite", "reformular", "reformules", "parafrasear"),
    "myquestion": ("mi pregunta", "la pregunta", "lo que (?:te )?pregunte"),
    # Saying what the question was, to contrast it with what came back.
    "asked": (
        "(?:solo |yo )?(?:te )?pregunte", "(?:solo |yo )?(?:te )?preguntaba", "(?:solo |yo )?(?:te )?pedi",
        "mi pregunta era",
    ),
    # "You wrote a novel": said of an answer's size.
    "wrote": (
        "(?:me )?has escrito", "me escribiste", "escribiste",
    ),
    "years": (
        "desde hace (?:varios |muchos )?años", "hace (?:varios |muchos )?años",
        ("(?:desde hace|hace|llevo) (?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|"
         "treinta) años"),
        "llevo (?:\\d+|muchos|varios) años", "hace (?:\\d+|muchos) años", "desde hace (?:\\d+|muchos) años",
        "\\d+ años (?:de experiencia|con|en|como)", "de profesion", "profesionalmente",
    ),
    "techjob": (
        "ingenier[oa]\\w*", "desarrollador\\w*", "programador\\w*", "informatico", "sysadmin",
        "arquitect[oa] de software",
    ),
    # People whose trade gives them expertise; with years of practice they read as experts.
    "profession": (
        "medic[oa]", "cirujan[oa]", "enfermer[oa]", "cardiolog[oa]", "neurolog[oa]", "radiolog[oa]",
        "oncolog[oa]", "psicolog[oa]", "psiquiatra", "pediatra", "dermatolog[oa]", "anestesista", "dentista",
        "odontolog[oa]", "farmaceutic[oa]", "veterinari[oa]", "matrona", "fisioterapeuta", "terapeuta", "abogad[oa]",
        "notari[oa]", "juez(?:a)?", "contador(?:a)?", "contable", "asesor(?:a)? fiscal", "economista", "profesor(?:a)?",
        "maestr[oa]", "docente", "investigador(?:a)?", "cientific[oa]", "estadistic[oa]", "matematic[oa]", "biolog[oa]",
        "electricista", "mecanic[oa]", "fontaner[oa]", "carpinter[oa]", "cociner[oa]", "chef", "piloto",
        "traductor(?:a)?", "periodista", "disenador(?:a)?", "fotograf[oa]", "arquitect[oa]", "programo",
        "desarrollo software",
    ),

    # ---- Value-bearing ------------------------------------------------------------------------
    "adj:length=concise": (
        "resumidit[oa]s?", "cortit[oa]s?", "cort" + _O, "breves?", "concis" + _O, "sucint" + _O,
        "escuet" + _O, "resumid" + _O, "compact" + _O,
        "sintetic[oa]s?", "sintetizad[oa]s?",
    ),
    "adj:length=detailed": (
        "detallad" + _O, "complet" + _O, "exhaustiv" + _O, "profund" + _O, "minucios" + _O,
        "pormenorizad[oa]s?", "ampli[oa]s?", "desarrollad[oa]s?",
    ),
    "adj:tone=formal": (
        "seri[oa]s?",
        "formal(?:es)?", "profesional(?:es)?", "seri" + _O, "educad" + _O, "respetuos" + _O, "neutr" + _O, "sobri" + _O,
    ),
    "adj:tone=casual": (
        "informal(?:es)?", "casual(?:es)?", "relajad" + _O, "cercan" + _O, "natural(?:es)?", "coloquial(?:es)?",
        "amigables?", "desenfadad" + _O, "liger" + _O, "divertid" + _O, "calid" + _O, "simpatic" + _O, "campechan" + _O,
        "suelt" + _O,
        "(?:de )?buena onda", "buen rollo", "cercan[oa]s?", "campechan[oa]",
    ),
    "adj:expertise=beginner": (
        "sencill" + _O, "simples?", "facil(?:es)?", "basic" + _O, "elemental(?:es)?", "accesibles?", "entendibles?",
        "comprensibles?",
    ),
    "adj:expertise=expert": (
        "tecnic" + _O, "avanzad" + _O, "complej" + _O, "complicad" + _O, "especializad" + _O, "academic" + _O,
        "riguros" + _O,
    ),
    "adjlong:length=detailed": (
        "extens" + _O, "larg" + _O, "enormes?", "etern" + _O, "kilometric" + _O, "larguisim" + _O,
    ),
    "comp:expertise=beginner": ("mas despacio",),
    "judge:length=concise": (
        "te enrollas", "te has enrollado", "te extiendes (?:demasiado|mucho)", "rollo", "choro", "palabreria",
        "verborrea", "parrafada", "interminables?", "se hace eterno", "un monton de texto", "mucho texto",
        "demasiado texto", "parrafos (?:eternos|enormes|larguisimos|interminables)", "tocho",
    ),
    "judge:length=concise>format": (
        "bloques? de texto", "muro de texto", "un bloque",
        "(?:un )?(?:bloque|muro|tochazo|ladrillo) de texto(?: enorme| gigante| interminable)?", "(?:un )?tochazo",
        "(?:un )?parrafon",
    ),
    "judge:length=concise>preamble": ("paja", "relleno", "bla bla"),
    "judge:length=detailed": (
        "superficial(?:es)?", "pobre", "escas" + _O, "vag" + _O, "incomplet" + _O, "me quede a medias", "a medias",
        "me quede con ganas de mas", "con ganas de mas", "se queda corto", "se quedo corto", "te quedaste corto",
        "muy por encima", "generic" + _O,
    ),
    "judge:tone=casual": (
        "acartonad" + _O, "rigid" + _O, "estirad" + _O, "robotic" + _O, "como un robot", "encorsetad" + _O,
        "almidonad" + _O, "burocratic" + _O, "envarad" + _O, "tieso",
    ),
    "judge:tone=formal": ("chabacan" + _O, "vulgar(?:es)?", "poco serio"),
    # Not following the answer; when the user also asks for a language, it is the language they
    # do not follow ("no entiendo bien el inglés, contéstame en español").
    "judge:expertise=beginner>language": ("no entiendo", "no entendi(?: nada)?", "no lo entiendo", "no lo entendi"),
    "judge:expertise=beginner": (
        "no lo pillo", "no pillo", "no capto", "me perdi", "me pierdo", "estoy perdid" + _O, "me he perdido",
        "no me entero", "demasiada jerga", "lios" + _O, "confus" + _O, "enrevesad" + _O, "no comprendo",
        "das por (?:hecho|sentado) que (?:yo )?(?:se|conozco|entiendo)", "no te sigo", "no puedo seguirte",
        "me he liado",
    ),
    "judge:expertise=expert": (
        "basiquisim" + _O, "de manual", "condescendiente", "de primero de carrera", "como si fuera tonto",
        "para principiantes no",
    ),
    "judge:format=prose": (
        "como una lista de la compra", "entrecortad" + _O, "fragmentad" + _O, "telegrafic" + _O, "a trozos",
        "como un powerpoint",
    ),
    "judge:format=lists": ("todo junto", "todo seguido", "todo amontonado"),
    "judge:preamble=keep": (
        "asi de golpe", "sin mas", "asi sin mas", "de sopeton", "a bocajarro", "brusc" + _O, "abrupt" + _O,
    ),
    "verb:length=concise": (
        "abreviar(?:lo|la)?", "acortar(?:lo|la)?", "recortar(?:lo|la)?", "resumir(?:lo|la|me)", "sintetizar(?:lo|la)?",
        "condensar(?:lo|la)?", "reducir(?:lo|la)?", "abrevia(?:lo)?", "acorta(?:lo|la)?", "acortes",
        "recorta(?:lo|la)?", "resume(?:lo|me)?", "resumelo", "resumeme", "me lo resumes", "resumes", "resumir",
        "sintetiza(?:lo)?", "condensa(?:lo)?", "reduce(?:lo)?", "resumele",
        "reduce(?:lo|la)?", "reducir",
    ),
    "verb:length=detailed": (
        "ampliar(?:lo|la)", "desarrollar(?:lo|la)", "detallar(?:lo|la)", "profundiza(?:r)?", "profundices",
        "amplia(?:lo|r)?", "desarrolla(?:lo|r)?", "explayate", "extiendete", "elabora(?:lo)?", "detalla(?:lo|r)?",
    ),
    "direct:length=concise": (
        "la mitad de largo",
        "no te alargues", "sin alargarte", "resumidamente", "brevemente",
        "(?:con )?una frase (?:basta|es suficiente|sobra)", "basta con una frase", "en dos patadas", "rapidito",
        ("(?:menos de|maximo|como maximo|no mas de) (?:\\d+|dos|tres|cuatro|cinco|diez|cien) (?:frases|lineas|palabras|"
         "parrafos)"),
        "(?:en )?(?:dos|2|una|1)(?: o |-|, )(?:tres|3|dos|2) (?:frases|lineas|oraciones)", "no te enrolles",
        "no te extiendas", "tl;?dr", "en pocas palabras", "en resumen", "resumiendo", "lo esencial", "lo importante",
        "solo lo importante", "los puntos clave", "puntos clave", "lo principal", "la idea principal",
        "en (?:una|un par de|dos|tres|pocas|\\d+) (?:linea|lineas|frase|frases|palabras|oraciones|renglones)",
        "si o no", "no tengo tiempo", "sin tiempo", "con prisa", "tengo prisa", "voy con prisa", "estoy en el trabajo",
        "se breve", "sea breve", "se concis[oa]", "sea concis[oa]", "nomas dime", "solo dime", "dime solo",
        "no hace falta soltarme", "que (?:largo|rollo|choro|testamento|tocho|ladrillo)", "menos texto",
        "maximo \\d+ (?:lineas|frases|palabras)",
        "se direct[oa]", "sea(?:s)? direct[oa]",
        "deje de leer", "(?:me )?quede a la mitad", "a la mitad (?:deje|me aburri)",
        "(?:con )?la mitad (?:vale|basta|sobra|me vale|es suficiente)",
    ),
    "direct:length=concise>preamble": (
        "(?:ve|vete|ir|vamos|anda|andate|ve directo|directo) al grano", "al grano", "ve al punto", "al punto",
    ),
    "direct:length=detailed": (
        "(?:le )?falta(?:n)? (?:chicha|sustancia|contenido|profundidad)", "explicate mejor", "explicalo mejor",
        "entra en detalles?", "con (?:todo )?lujo de detalles", "a fondo", "mas a fondo", "en detalle", "con detalle",
        "todos los detalles", "cuentame mas", "explicame mas", "dime mas", "ve mas alla", "mas informacion",
        "mas despacio y con mas detalle",
        "mejor (?:que sobre|de mas) (?:a|que) (?:que )?falte", "aunque (?:sea|quede|salga) largo", "falta(?:n)? cosas",
        "te (?:has dejado|dejaste) cosas", "explica(?:lo|melo)? bien", "como es debido",
    ),
    "direct:format=lists": (
        "por pasos", "en pasos",
        "enumera(?:lo|los)?", "enumeralo", "divide(?:lo)? en (?:pasos|puntos|partes|secciones)", "en pasos",
        "estructura(?:lo)?", "punto por punto", "con titulos", "en esquema", "organizalo", "por puntos", "en puntos",
    ),
    "direct:tone=casual": (
        "como si (?:yo )?fuera (?:un|una|tu) amig[oa]", "como (?:si hablaras )?(?:a|con) (?:un|una) amig[oa]",
        "(?:hablame|tratame|trateme) de tu", "relajate", "tranqui", "relax", "hablame normal", "habla normal",
        "como un amigo", "en plan colega", "tuteame", "puedes tutearme", "sin formalidades", "sin tanto protocolo",
        "baja un cambio", "afloja",
    ),
    "direct:tone=formal": (
        "tratame de usted", "trateme de usted", "hablame de usted", "hableme de usted", "sin palabrotas",
    ),
    "direct:preamble=skip": (
        "directo a la respuesta", "ve directo a la respuesta", "solo la respuesta", "contesta y ya", "responde y ya",
        "sin rodeos", "sin tanto preambulo", "directo al punto", "ve directo",
        "(?:responde|contesta|respondeme|contestame) direct(?:o|amente)",
        "empieza (?:directamente |ya )?(?:con|por) la respuesta",
    ),
    "direct:preamble=keep": (
        "empieza saludando", "saluda (?:primero|antes)", "saluda(?:me)?", "un saludo antes", "di hola", "dime hola",
    ),
    "direct:emoji=use": ("soy (?:muy )?de emojis", "fan de los emojis"),
    "direct:expertise=beginner": (
        "como si tuviera \\w+ años", "para dummies", "como si tuviera (?:cinco|5|\\d+) años", "como a un niño",
        "para niños", "para tontos", "en palabras sencillas", "en palabras simples", "con palabras sencillas",
        "en cristiano", "sin tecnicismos", "despacio", "para principiantes", "soy nuev[oa] en", "empece hace",
        "acabo de empezar", "no se nada de",
        "no soy (?:informatic[oa]|expert[oa]|tecnic[oa]|programador(?:a)?|ingenier[oa])",
        "como para alguien que empieza", "mas facil",
        "explica(?:me)? (?:los|esos|estos|tus) (?:terminos|tecnicismos|conceptos|acronimos)",
        "como si no supiera nada(?: del tema| de esto)?", "como si no tuviera ni idea",
        "(?:con |en )?palabras (?:sencillas|simples|faciles|de andar por casa)",
        "no soy del (?:sector|gremio|ramo|campo)", "no es mi campo",
    ),
    # Learning, said next to a language request, is about the language.
    "direct:expertise=beginner>language": ("estoy aprendiendo", "estoy empezando", "estoy practicando"),
    "direct:expertise=expert": (
        "ya se (?:lo )?que (?:es|son)", "ya lo se", "eso ya lo se", "(?:ya )?se lo basico", "da por hecho que",
        "da por sentado que", "asume que (?:se|conozco|domino)", "no me expliques lo basico",
        "(?:ve|vete|pasa) a lo tecnico", "lo tecnico", "los detalles tecnicos", "la parte tecnica", "entre colegas",
        "soy del gremio", "me dedico a esto", "no soy (?:novat[oa]|principiante)",
        "se (?:perfectamente |muy bien )?(?:lo )?que es",
        "tratame como (?:a )?(?:un |una )?(?:expert[oa]|profesional|colega|especialista)",
        "demasiado (?:basico|elemental) para mi",
    ),
    "direct:code=include": ("en codigo", "para copiar", "copiar y pegar", "que pueda copiar", "ejecutable(?:s)?"),
    "direct:code=omit": ("con palabras", "solo la explicacion", "solo explicacion", "solo la idea", "en palabras"),
    "flip:expertise=beginner": ("simplifica(?:lo|r)?", "bajalo de nivel"),
    "trait:length=concise>format": (
        "leo (?:muy )?despacio", "lento leyendo", "tdah", "dislexi\\w*", "deficit de atencion",
    ),
    # Little time to read: a self-description that implies short answers.
    "trait:length=concise": (
        "(?:muy )?poco tiempo", "poquisimo tiempo", "ando (?:muy )?liad[oa]", "voy (?:muy )?liad[oa]",
        "estoy (?:muy )?liad[oa]", "a tope", "hasta arriba", "entre (?:dos )?(?:reuniones|clases|llamadas|turnos)",
        "solo leo por encima", "leo en diagonal", "(?:solo )?(?:unos|cinco|dos|\\d+) minutos",
    ),
    "trait:emoji=avoid": ("lector de pantalla",),
    # Being new at something: a self-description that implies a beginner's answers.
    "trait:expertise=beginner": (
        "(?:es )?(?:mi )?primera (?:vez|semana) (?:que|con|usando|en)", "(?:mi )?primer (?:dia|mes) (?:con|en|usando)",
        "no (?:tengo|tengo ni) (?:ni )?idea de", "ni idea de", "no se ni (?:lo que|que|como)", "no entiendo nada de",
        "soy (?:un )?(?:completo |total )?(?:negado|novato) (?:en|con|para)",
        "estoy empezando (?:con|en) \\w+", "acabo de empezar (?:con|en)",
    ),

    # ---- Targets: objects whose wanted value depends on the words around them --------------------
    "target:emoji": ("emojis?", "emoticon(?:o|e)s?", "emoticones", "caritas?", "emojitos?", "iconos", "stickers"),
    "target:list": (
        "tablas?", "viñetas?", "listas?", "lista numerada", "listas con viñetas", "puntos", "pasos numerados",
        "guiones", "enumeracion(?:es)?", "bullet points", "items", "esquemas?", "numerad" + _O,
        "uno debajo de(?:l)? otro", "una debajo de (?:la )?otra",
        "listitas?",
    ),
    "target:prose": (
        "prosa", "parrafos?", "texto corrido", "texto seguido", "texto normal", "frases completas",
        "oraciones completas", "redactado", "de forma narrativa", "texto continuo",
    ),
    "target:code": (
        "codigo", "ejemplos? de codigo", "ejemplo en codigo", "fragmentos? de codigo", "snippets?", "scripts?",
        "codigo fuente", "el codigo",
    ),
    "target:intro": (
        "rollo (?:del principio|inicial|introductorio|de (?:la )?introduccion)",
        "presentaciones", "saludar(?:me)?", "saludes", "introduccion(?:es)?", "intro", "saludos?", "saludito",
        "preambulos?", "hola", "bienvenida", "rodeos", "qopener", "frase de introduccion", "entradilla", "buenos dias",
        "presentacion",
    ),
    "target:basics": (
        "lo basico", "los basicos", "conceptos basicos", "las bases", "lo elemental", "fundamentos", "el abc",
        "(?:una |la )?introduccion (?:a|al)",
    ),
    "target:jargon": (
        "jerga", "tecnicismos", "terminos tecnicos", "palabras tecnicas", "palabrejas", "palabras raras",
        "vocabulario tecnico",
    ),
    "target:detail": ("detalles?", "profundidad", "contexto", "informacion", "info", "matices"),
    "target:formalities": ("formalidad", "formalidades", "formalismos", "protocolo"),
    "target:slang": ("confianzas", "modismos", "coloquialismos", "palabrotas", "tio", "mola"),
    "target:tone_formal": (
        "(?:un )?(?:tono|lenguaje|registro|trato) (?:mas |muy )?(?:formal|profesional|serio|neutro)",
    ),
    "target:tone_casual": ("(?:un )?tono (?:mas |muy )?(?:informal|cercano|relajado|casual|amigable|desenfadado)",),
    "target:address_formal": ("usted",),
    "target:address_informal": ("de tu a tu", "tutear\\w*", "tuteo"),
    "target:summary": ("resumen", "version corta", "version resumida"),
    "target:text": ("textos", "texto", "palabras", "letras"),
    "target:techdomain": (
        "informatica", "ordenador(?:es)?", "computadora(?:s)?", "la tecnologia", "programacion", "tecnologia",
        "matematicas",
    ),
    "target:id_beginner": (
        "(?:un |una )?(?:niño|niña|crio|cria)",
        ("(?:un |una |total |totalmente |completamente )*(?:principiante|novat[oa]|nuev[oa] en \\w+|aprendiz|"
         "neofit[oa]|inexpert[oa]|leg[oa])"),
    ),
    "target:id_expert": ("senior", "expert[oa]", "especialista", "veteran[oa]", "doctor(?:a)?", "doctorand[oa]"),
    "target:explainbasic": (
        "lo obvio", "lo evidente", "explicarme lo basico", "llevarme de la mano", "masticad" + _O, "todo masticado",
        "expli(?:ques|car|cas|ques)(?:me)? (?:que|lo que) (?:es|son|significa)", "explicarme (?:que|lo que) (?:es|son)",
    ),
    "comp:length=concise": (
        "mas direct[oa]s?",
    ),
    "effect": (
        "para que (?:quede|sea|resulte)", "que (?:queda|quede)", "asi queda",
    ),
}
