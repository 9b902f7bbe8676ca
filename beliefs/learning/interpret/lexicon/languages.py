"""Names of languages, in each of the seven lexicon languages, keyed by ISO 639-1 code.

A user asks for an answer language by name ("in Japanese", "auf Japanisch", "en japonés",
"en japonais", "in giapponese", "em japonês", "in het Japans"). Forms are stems where the
language inflects ("deutsch\\w*" covers "Deutsch" and "ins Deutsche"). Only codes in
``beliefs.dimensions.LANGUAGE_NAMES`` may appear here.
"""

from __future__ import annotations

#: code -> name forms across en, de, es, fr, it, pt, nl (folded spelling, accents optional).
NAMES: dict[str, tuple[str, ...]] = {
    "en": ("english", "englisch\\w*", "inglés", "ingles", "anglais", "inglese", "engels"),
    "de": ("german", "deutsch(?:e|en)?", "alemán", "allemand", "tedesco", "alemão", "duits"),
    "es": ("spanish", "spanisch\\w*", "español", "castellano", "espagnol", "spagnolo", "espanhol",
           "castelhano", "spaans"),
    "fr": ("french", "französisch\\w*", "francés", "français", "francese", "francês", "frans"),
    "it": ("italian", "italienisch\\w*", "italiano", "italien", "italiaans"),
    "pt": ("portuguese", "portugiesisch\\w*", "portugués", "portugais", "portoghese", "português",
           "portugees"),
    "nl": ("dutch", "flemish", "niederländisch\\w*", "holländisch\\w*", "neerlandés", "holandés",
           "néerlandais", "hollandais", "olandese", "neerlandese", "nederlands", "vlaams"),
    "ja": ("japanese", "japanisch\\w*", "japonés", "japonais", "giapponese", "japonês", "japans"),
    "zh": ("chinese", "mandarin", "chinesisch\\w*", "chino", "chinois", "cinese", "chinês",
           "mandarim", "chinees"),
    "ko": ("korean", "koreanisch\\w*", "coreano", "coréen", "koreaans"),
    "ru": ("russian", "russisch\\w*", "ruso", "russe", "russo"),
    "pl": ("polish", "polnisch\\w*", "polaco", "polonais", "polacco", "polonês", "pools"),
    "tr": ("turkish", "türkisch\\w*", "turco", "turc", "turks"),
    "ar": ("arabic", "arabisch\\w*", "árabe", "arabe", "arabo"),
    "ca": ("catalan", "katalanisch\\w*", "catalán", "catalano", "catalão", "catalaans"),
    "sv": ("swedish", "schwedisch\\w*", "sueco", "suédois", "svedese", "zweeds"),
    "da": ("danish", "dänisch\\w*", "danés", "danois", "danese", "dinamarquês", "deens"),
    "nb": ("norwegian", "norwegisch\\w*", "noruego", "norvégien", "norvegese", "norueguês", "noors"),
    "fi": ("finnish", "finnisch\\w*", "finlandés", "finnois", "finlandais", "finlandese", "finlandês",
           "fins"),
    "el": ("greek", "griechisch\\w*", "griego", "grec", "greco", "grego", "grieks"),
    "cs": ("czech", "tschechisch\\w*", "checo", "tchèque", "ceco", "tcheco", "tsjechisch"),
    "hu": ("hungarian", "ungarisch\\w*", "húngaro", "hongrois", "ungherese", "hongaars"),
    "ro": ("romanian", "rumänisch\\w*", "rumano", "roumain", "rumeno", "romeno", "roemeens"),
    "uk": ("ukrainian", "ukrainisch\\w*", "ucraniano", "ukrainien", "ucraino", "oekraïens"),
    "he": ("hebrew", "hebräisch\\w*", "hebreo", "hébreu", "ebraico", "hebraico", "hebreeuws"),
    "hi": ("hindi",),
    "vi": ("vietnamese", "vietnamesisch\\w*", "vietnamita", "vietnamien", "vietnamees"),
    "id": ("indonesian", "indonesisch\\w*", "indonesio", "indonésien", "indonesiano"),
    "fa": ("persian", "farsi", "persisch\\w*", "persa", "persan", "persiano", "perzisch"),
    "th": ("thai", "thailändisch\\w*", "tailandés", "thaï", "tailandese", "tailandês", "thais"),
    "gl": ("galician", "galicisch\\w*", "gallego", "galicien", "galiziano", "galego"),
    "eu": ("basque", "baskisch\\w*", "euskera", "vasco", "basco"),
    "hr": ("croatian", "kroatisch\\w*", "croata", "croate", "croato"),
    "sr": ("serbian", "serbisch\\w*", "serbio", "serbe", "serbo", "sérvio", "servisch"),
    "bg": ("bulgarian", "bulgarisch\\w*", "búlgaro", "bulgare", "bulgaro", "bulgaars"),
    "sk": ("slovak", "slowakisch\\w*", "eslovaco", "slovaque", "slovacco", "slowaaks"),
    "sl": ("slovenian", "slovene", "slowenisch\\w*", "esloveno", "slovène", "sloveno", "sloveens"),
    "lt": ("lithuanian", "litauisch\\w*", "lituano", "lituanien", "litouws"),
    "lv": ("latvian", "lettisch\\w*", "letón", "letton", "lettone", "letão"),
    "et": ("estonian", "estnisch\\w*", "estonio", "estonien", "estone", "estoniano"),
    "ga": ("irish", "gaelic", "irisch\\w*", "irlandés", "irlandais", "irlandese", "irlandês", "iers"),
    "cy": ("welsh", "walisisch\\w*", "galés", "gallois", "gallese", "galês"),
    "is": ("icelandic", "isländisch\\w*", "islandés", "islandais", "islandese", "islandês", "ijslands"),
    "sw": ("swahili", "suaheli", "suajili", "suaíli"),
    "tl": ("tagalog", "filipino"),
    "ms": ("malay", "malaiisch\\w*", "malayo", "malais", "malese", "malaio", "maleis"),
    "bn": ("bengali", "bengalisch\\w*", "bengalí", "bengalese", "bengaals"),
    "ur": ("urdu",),
    "ta": ("tamil",),
    "te": ("telugu",),
    "pa": ("punjabi",),
    "mr": ("marathi",),
    "gu": ("gujarati",),
    "af": ("afrikaans",),
    "eo": ("esperanto",),
    "la": ("latin", "latein\\w*", "latín", "latino", "latim", "latijn"),
    "sq": ("albanian", "albanisch\\w*", "albanés", "albanais", "albanese", "albanês", "albanees"),
    "hy": ("armenian", "armenisch\\w*", "armenio", "arménien", "armeno", "armênio", "armeens"),
    "ka": ("georgian", "georgisch\\w*", "georgiano", "géorgien"),
    "mk": ("macedonian", "mazedonisch\\w*", "macedonio", "macédonien", "macedone", "macedônio"),
    "be": ("belarusian", "belarussisch\\w*", "bielorruso", "biélorusse", "bielorusso"),
    "kk": ("kazakh", "kasachisch\\w*", "kazajo", "kazakh"),
    "mn": ("mongolian", "mongolisch\\w*", "mongol"),
    "so": ("somali",),
    "yo": ("yoruba",),
    "zu": ("zulu",),
}

#: Nationalities that name a language when the user says it is theirs ("Je suis italien …
#: dans ma langue"). Only forms that differ from the language name are listed.
NATIONALITIES: dict[str, tuple[str, ...]] = {
    "pt": ("brazilian", "brasilianer\\w*", "brasileñ[oa]", "brésilien\\w*", "brasilian[oa]", "brasileir[oa]",
           "braziliaan\\w*"),
    "es": ("mexican", "argentin\\w*", "colombian\\w*", "mexikaner\\w*", "mexican[oa]", "mexicain\\w*", "spaniard"),
    "it": ("italiener\\w*", "italiana", "italienne", "italiaan\\w*"),
    "de": ("deutscher", "deutsche", "alemana", "allemande", "tedesca", "alemã", "duitser"),
    "fr": ("frenchman", "frenchwoman", "franzose", "französin", "francesa", "française", "fransman", "française"),
}


def language_concepts() -> dict[str, list[str]]:
    """``lang:xx`` -> name and nationality forms."""
    table: dict[str, list[str]] = {}
    for code, forms in NAMES.items():
        table.setdefault(f"lang:{code}", []).extend(forms)
    for code, forms in NATIONALITIES.items():
        table.setdefault(f"nat:{code}", []).extend(forms)
    return table
