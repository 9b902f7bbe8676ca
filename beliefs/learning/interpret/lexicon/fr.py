"""French (France, Belgium, Switzerland, Québec). Concepts: see ``lexicon/__init__.py``.

Elided words end at the apostrophe: "n'hésite" is the tokens "n" and "hésite", so the elided
"ne" is the fragment "n", and "pas d'émojis" is "pas d" followed by "emojis".
"""

from __future__ import annotations

_E = "(?:e|s|es)?"  # adjective agreement

LEXICON: dict[str, tuple[str, ...]] = {
    # ---- Polarity operators -------------------------------------------------------------------
    "neg": (
        "ne", "n", "pas", "non", "rien", "aucun(?:e)?", "pas de", "pas d", "pas besoin de", "pas besoin d",
        "inutile de", "inutile d", "nul besoin de", "je n'ai pas besoin de", "j'ai pas besoin de", "ni",
        "pas la peine de", "c'est pas la peine de", "sans besoin de", "je ne veux pas", "je veux pas",
        "zero",
    ),
    "never": ("jamais", "plus jamais", "jamais plus"),
    "negcop": ("ce n'est pas", "c'est pas", "n'est pas", "ce n'etait pas", "c'etait pas"),
    "negpost": (
        "pas necessaires?", "pas besoin", "superflus?", "de trop", "on s'en passe", "je m'en passe", "je m'en passerai",
    ),
    "nomore": ("(?:desormais|dorenavant|a partir de maintenant|a partir d'aujourd'hui|a l'avenir),? plus (?:de|d)",),
    "remove": (
        "sans", "enleve(?:z)?", "retire(?:z)?", "supprime(?:z)?", "vire(?:z)?", "zappe(?:z)?", "oublie(?:z)?",
        "evite(?:z)?", "eviter", "arrete(?:z)? avec", "arrete(?:z)? les", "arrete(?:z)? de", "arrete(?:z)?",
        "epargne(?:-| )?moi", "epargnez(?:-| )?moi", "fais l'impasse sur", "laisse tomber", "stop (?:aux|avec|les)",
        "fini les", "assez de", "plus de ces", "laisse de cote",
    ),
    "removepost": ("a la poubelle", "dehors", "a virer"),
    "add": (
        "ajoute(?:z)?", "mets(?:-en)?", "mettez", "mets-moi", "utilise(?:z)?", "inclus", "incluez", "rajoute(?:z)?",
        "je veux", "je voudrais", "j'aimerais", "il me faut", "glisse(?:z)?", "insere(?:z)?", "n'hesite pas a",
        "n'hesitez pas a", "tu peux mettre", "mettre", "ajouter", "utiliser",
        "(?:n')?hesite(?:z)? pas a", "te gene pas pour",
    ),
    "with": ("avec",),
    "give": (
        "fais-moi", "faites-moi", "donne(?:-moi|z-moi)?", "montre(?:-moi|z-moi)?", "envoie-moi", "file-moi",
        "passe-moi", "me montrer", "me donner",
    ),
    "some": ("quelques", "un peu d", "deux-trois", "deux trois", "un ou deux", "une ou deux"),
    "addpost": (
        "bienvenu" + _E, "autorise" + _E, "ca serait (?:bien|sympa|top|cool|super)",
        "ce serait (?:bien|sympa|top|cool|apprecie|super)", "ca fait pas de mal", "ca ne fait pas de mal",
        "ne ferait pas de mal", "ferait pas de mal", "serai(?:t|ent) apprecie" + _E, "ca aiderait", "aiderai(?:t|ent)",
        "seraient les bienvenus",
    ),
    "whynot": ("pourquoi pas", "pourquoi ne pas"),
    "asin": ("en", "sous forme de", "sous la forme de", "en forme de", "comme", "au format", "en mode", "a la"),
    "like": (
        "m'aide(?:nt)?(?: beaucoup)?(?: plus| mieux)?",
        "j'aime(?: bien| beaucoup)?", "j'adore", "je prefere", "j'apprecie",
        "je suis (?:plutot |carrement )?(?:team|fan)", "team", "fan de", "ca m'aide(?:nt)?", "m'aide(?:nt)?",
        "je suis a l'aise avec", "je lis plus facilement", "ca me parle", "me parle plus", "je prefererais",
    ),
    "dislike": (
        "(?:peu|pas) de patience (?:avec|pour)", "(?:ne )?me parle(?:nt)? pas", "(?:ne )?me dit rien",
        "(?:ne )?m'aide(?:nt)? pas",
        "me fatiguent", "me fatigue", "m'epuise(?:nt)?", "me saoulent", "pueril(?:e|s)?", "infantile(?:s)?",
        "je deteste", "deteste", "j'ai horreur de", "horreur", "m'enerve(?:nt)?", "m'agace(?:nt)?", "ca m'enerve",
        "ca me saoule", "me saoule(?:nt)?", "c'est l'enfer", "l'enfer", "un cauchemar", "ca fait pas serieux",
        "pas serieux", "pas pro", "pas professionnel", "c'est pas mon monde", "pas mon truc", "pas mon monde",
        "ne me parle(?:nt)? pas", "me parle pas", "du chinois pour moi", "froid", "penible", "lourd",
        "(?:c'est )?complique pour moi", "(?:c'est )?difficile pour moi", "j'ai du mal avec",
        "j'ai du mal a (?:les )?lire", "galere", "une galere", "une torture", "un calvaire", "(?:c'est )?dur pour moi",
        "ne me sert(?:ent)? a rien", "me sert(?:ent)? a rien",
        "pff+", "rhooo?", "beurk",
    ),
    "why": (
        "pourquoi", "c'est quoi (?:tous|toutes) ces", "tous ces", "toutes ces", "a quoi bon", "a quoi servent",
        "pourquoi tout", "c'est quoi ces",
    ),
    "omitted": (
        "tu as saute", "t'as saute", "tu as oublie", "t'as oublie", "tu as zappe", "il manque", "manque(?:nt)?",
    ),
    "know": ("je sais", "je connais", "je maitrise", "je sais deja", "je comprends"),
    "excess": (
        "trop", "beaucoup trop", "bien trop", "vraiment trop", "trop de", "trop d", "tellement de", "autant de",
        "un peu trop", "tant de", "bien trop de",
    ),
    "so": ("si", "tellement", "aussi"),
    "intens": (
        "tres", "vraiment", "assez", "un peu", "un brin", "plutot", "super", "hyper", "franchement", "carrement",
        "bien", "grave", "ben", "vachement", "un poil",
    ),
    "more": (
        "plus", "davantage", "un peu plus", "encore plus", "bien plus", "beaucoup plus", "plus de", "plus d",
        "un peu plus de",
    ),
    "less": ("moins", "moins de", "moins d", "un peu moins", "beaucoup moins", "un peu moins de"),
    "copula": (
        "c'est", "c'etait", "est", "etait", "ca sera", "ce sera", "ca serait", "ce serait", "ca fait", "ca sonne",
        "ca reste", "tu es", "t'es", "ca a l'air", "semble", "il est", "elle est", "c'est un peu", "c'est ben",
        "rend", "rendent", "rend tout",
    ),
    "be": (
        "etre", "tu peux etre", "sois", "soyez", "reste", "restez", "fais", "faites", "fais-le", "rends-le", "rends",
        "garde", "gardez", "ecris-le", "reponds(?:-moi)?", "repondez(?:-moi)?", "formule", "parle(?:-moi)?",
        "parlez(?:-moi)?", "fais-moi ca", "fais ca",
        "rester",
    ),
    "first": (
        "avant", "d'abord", "en premier", "au prealable", "pour commencer", "avant de repondre", "avant la reponse",
        "avant ca",
    ),
    "start": (
        "commence(?:r|s|z)? par", "commence(?:r|s|z)?", "debute(?:r)? par", "ouvre(?:z)? avec", "attaque(?:r)? par",
        "commencer comme ca", "de commencer",
    ),
    "please": (
        "s'il te plait", "s'il vous plait", "stp", "svp", "s'te plait", "sil te plait", "sil vous plait",
        "merci d'",
    ),
    # Tolerating something ("I don't mind long answers") is no wish for it.
    "tolerate": (
        "(?:ca )?ne me derange(?:nt)? pas", "(?:ca )?me derange(?:nt)? pas", "ca m'est egal", "je n'ai rien contre",
        "j'ai rien contre",
    ),
    # Doubting the wish in the clause that follows ("I don't think it needs to be shorter").
    "negthink": (
        "je ne (?:pense|crois) pas", "je (?:pense|crois) pas", "je doute que",
    ),
    # A tentative offer: "Stichpunkte vielleicht?" asks for the object it offers.
    "maybe": (
        "peut-etre", "peut etre",
    ),
    # "As technical as you like": permission for the adjective before it.
    "aslike": (
        "que tu (?:veux|voudras|le souhaites|souhaites)", "que vous (?:voulez|souhaitez)",
    ),
    # Keeping what one answer did ("keep the bullets, just fix the typo"): about that answer, not a wish.
    "retain": (
        "garde(?:z)? (?:les|le|la|tes|vos|l')", "laisse(?:z)? (?:les|le|la|tes|l')",
        "conserve(?:z)? (?:les|le|la|tes|l')", "ne change pas (?:les|le|la)",
    ),

    # ---- Scope and stance -----------------------------------------------------------------------
    "when": ("quand", "lorsque", "lorsqu"),
    "but": ("par contre", "sauf", "sauf si", "a moins que", "cependant", "pourtant", "d'ailleurs", "au fait", "sinon"),
    "than": ("plutot que", "plutot qu", "au lieu de", "mieux que", "au lieu d"),
    "or": ("ou", "ou bien"),
    "standing": (
        "sauf si je (?:le |te le )?demande", "a moins que je (?:ne )?(?:le )?demande", "desormais", "dorenavant",
        "a partir de maintenant", "a partir d'aujourd'hui", "a l'avenir", "dans le futur", "toujours", "chaque fois",
        "a chaque fois", "systematiquement", "retiens", "souviens-toi", "rappelle-toi", "n'oublie pas",
        "continue comme ca", "avec moi", "pour la suite", "pour le reste de (?:la|cette) conversation",
        "dans toutes (?:tes|vos) reponses", "en general", "par defaut", "de maintenant", "pour toujours",
    ),
    "self": ("je suis", "j'suis", "chuis", "je bosse", "je travaille", "moi je suis", "j'ai"),
    "asif": (
        "comme si je n'\\w+", "comme si je ne \\w+",
        "comme si je n'", "comme si je ne", "comme si j'(?:etais|avais)",
        "comme si j'etais", "comme si j'avais", "comme a un", "comme a une", "comme pour un", "comme pour une",
    ),
    "request": (
        "on peut", "on pourrait", "pouvons-nous", "tu peux", "tu pourrais", "vous pouvez", "vous pourriez",
        "pourrais-tu", "pourriez-vous", "peux-tu", "est-ce que tu peux", "tu veux bien", "je voudrais que",
        "j'aimerais que", "ca serait possible", "merci de", "merci d", "je te prie de", "je vous prie de",
        "t'as moyen de", "veux-tu",
    ),
    "thanks": ("merci", "merci beaucoup", "merci bien", "mille mercis"),
    "praise": (
        "parfait", "nickel", "genial", "excellent", "impeccable", "c'est tres bien", "tres bien comme ca",
        "ca me suffit", "ca me va", "c'est bon", "top",
        "j'ai (?:beaucoup |vraiment )?(?:adore|aime)", "ca m'a (?:bien )?plu",
    ),
    "resolved": ("j'ai compris", "c'est regle", "ca marche maintenant", "pas grave"),
    "instance": ("a la fin", "que tu as mis", "que tu as utilise"),
    "complaint": (
        "(?:ca |cela )?ne repond pas a (?:ma|la) question", "(?:ce n'est|c'est) pas ce que (?:j'ai|je t'ai) demande",
        "obsolete", "ne compile pas", "tu te trompes", "vous vous trompez", "pas ce que (?:j'ai|je t'ai) demande",
        "a cote", "t'es sur", "tu es sur", "pas du tout ca", "ca ne va pas", "rien a voir", "c'est faux", "faux",
        "c'est pas (?:ca|juste|correct|vrai)", "ce n'est pas (?:ca|juste|correct|vrai)", "incorrect", "pas correct",
        "ca (?:ne )?marche (?:toujours )?pas", "ca ne marche (?:toujours )?pas",
        "ca (?:ne )?fonctionne (?:toujours )?pas", "meme erreur", "la meme erreur", "ca (?:ne )?sert a rien", "inutile",
        "nul", "n'importe quoi", "(?:c'est )?pas (?:du tout )?ce que j'ai demande", "tu n'as pas repondu",
        "t'as pas repondu", "vous n'avez pas repondu", "tu inventes", "invente", "bof", "hein", "a cote de la plaque",
        "hors sujet", "ca n'a aucun sens", "aucun sens", "decu" + _E, "decevant", "pas terrible", "pas top",
        "ca n'existe pas", "n'existe pas", "tu te trompes", "n'importe quoi",
    ),
    "opener": (
        "excellente question", "bonne question", "tres bonne question", "super question", "bonjour", "salut",
        "bien sur", "avec plaisir", "cher utilisateur", "chere utilisatrice", "absolument",
    ),

    # ---- Gates: text that is not about the answers ----------------------------------------------
    "question": (
        "comment", "quoi", "qu'est-ce", "qu'est-ce que", "c'est quoi", "quel", "quelle", "quels", "quelles", "qui",
        "combien", "est-ce que", "est-ce", "dois-je", "faut-il", "peut-on", "est-il", "c'est mal vu", "c'est normal",
        "y a-t-il", "vaut-il mieux", "quelle est la difference", "des astuces", "t'as des astuces", "des conseils",
        "c'est combien", "comment on", "est-ce qu",
        "ca se fait", "est-ce que ca se fait", "c'est (?:impoli|poli|mal vu|bien vu|pro)", "on peut mettre",
        "les gens (?:utilisent|mettent|ecrivent)", "est-ce courant", "c'est courant",
    ),
    "task": (
        "ecris(?:-moi)?", "redige(?:-moi)?", "me rediger", "rediger", "compose", "cree", "genere", "cite(?:-moi)?",
        "nomme", "propose(?:-moi)?",
    ),
    "translate": ("tradui(?:s|re|sez)", "traduction", "comment on dit", "comment dit-on", "comment dire"),
    "explain": ("explique(?:-moi|-lui|z)?", "expliquez(?:-moi)?", "raconte(?:-moi)?", "decris", "dis-moi", "expliquer"),
    # Third parties ("why do people …"), "of" (content follows), a solved problem (a satisfied "no code").
    "people": (
        "les gens", "tout le monde", "certains", "beaucoup de gens", "ils", "elles", "on met", "on utilise", "on dit",
    ),
    "anaphor": ("ca", "cela", "ceci", "le", "la", "les", "tout", "ta reponse", "la reponse", "les choses"),
    "answerpart": (
        ("(?:le |la )?(?:premier|premiere|deuxieme|second|seconde|troisieme|dernier|derniere) (?:point|partie|"
         "paragraphe|etape|exemple|section)"),
        "(?:le )?(?:point|etape) (?:\\d+|un|deux|trois|quatre|cinq)", "l'idee", "le concept", "l'idee generale",
    ),
    "indef": ("un", "une", "deux", "trois", "quatre", "cinq", "dix", "mon", "mes"),
    "of": ("d", "de", "du", "des", "de la"),
    # "tell me more about X": the topic of a new question follows.
    "about": ("sur", "a propos de", "au sujet de"),
    "beneficiary": (
        ("pour (?:mon|ma|mes|le|la|un|une|notre|l') ?(?:\\w+ )?(?:examen|exam|controle|expose|devoir|devoirs|oral|"
         "partiel|cours|presentation)"),
        ("pour (?:mon|ma|mes) (?:\\w+ )?(?:fils|fille|enfants?|chef(?:fe)?|patron(?:ne)?|directeur|directrice|manager|"
         "mere|maman|pere|papa|grand-mere|grand-pere|ami(?:e)?|copain|copine|femme|mari|prof(?:esseur)?|collegues?|"
         "clients?|equipe|neveu|niece|classe|eleves|potes)"),
        "pour un enfant de", "pour l'ecole",
        ("pour (?:mon|ma|mes|le|la|un|une|notre) (?:\\w+ )?(?:discours|mariage|presentation|reunion|fete|voyage|examen|"
         "entretien|cours|expose|anniversaire|toast)"),
        "pour (?:\\d+|deux|trois|quatre|cinq|six|huit|dix|douze) (?:personnes|invites|adultes|enfants)",
    ),
    # The message hands over material to work on ("… here it is:"): nothing in it is feedback.
    "material": (
        "voici le texte",
        ("voici (?:le|la|l'|mon|ma|mes|un|une) ?(?:texte|article|lien|fichier|mail|e-?mail|rapport|brouillon|lettre|"
         "document|notes)"),
    ),
    "reported": (
        ("(?:mon|ma|mes) (?:\\w+ )?(?:chef(?:fe)?|patron(?:ne)?|prof(?:esseur)?|ami(?:e)?|copain|copine|mere|pere|"
         "maman|"
         "papa|femme|mari|collegue|directeur|directrice|manager|client(?:e)?|soeur|frere|fils|"
         "fille) (?:de \\w+ )?(?:dit|trouve|pense|m'a dit|me dit|dis(?:ent)?|trouvent|trouvait)"),
        "tout le monde dit",
        "(?:il|elle) m'a (?:dit|demande) de", "(?:il|elle) (?:dit|trouve|pense) que",
    ),
    # A clause about a third person ("my mother-in-law sends me twenty emojis"): not about the answers.
    "thirdparty": (
        ("(?:mon|ma|mes|notre) (?:\\w+ )?(?:chef(?:fe)?|patron(?:ne)?|collegues?|ami(?:e)?s?|copain|copine|mere|pere|"
         "femme|mari|fils|fille|enfants?|prof(?:esseur)?|soeur|frere|grand-mere|grand-pere|voisin(?:e)?|belle-mere|"
         "clients?)"),
        ("(?:mon|ma|mes|notre) (?:\\w+ )?(?:niece|neveu|cousin(?:e)?|tante|oncle|petit-fils|petite-fille|beau-frere|"
         "belle-soeur|beau-pere|copain|fiance(?:e)?|coloc|proprio|tuteur|tutrice|eleves?|entraineur|medecin|ex|"
         "responsable|manager|superieur)"),
    ),
    "mycontent": (
        "mes (?:\\w+ )?(?:mails|e-?mails|courriels|dissertations|textes|lettres|rapports|messages|redactions|devoirs)",
        "ma (?:\\w+ )?(?:lettre|dissertation|these|redaction|presentation|introduction)",
        "mon (?:\\w+ )?(?:mail|e-?mail|texte|rapport|cv|memoire|essai|message|abonnement)",
        "j'(?:ecris|redige|prepare) (?:un|une|mon|ma|des)", "je suis en train d'(?:ecrire|rediger|preparer)",
        "dans (?:un|mon) (?:mail|e-?mail|courriel|message|sms|post)", "dans une (?:lettre|carte)",
    ),
    "hypothetical": (
        "si je te (?:demandais|disais|parle|parlais)", "si un jour", "imaginons", "supposons", "tu t'en souviendrais",
        "tu sauras",
        "si tu (?:me )?(?:repondais|ecrivais|parlais|etais|utilisais|mettais)", "si vous (?:repondiez|ecriviez)",
    ),
    "ability": (
        "tu (?:sais|peux) (?:aussi )?(?:parler|repondre|ecrire) (?:aussi )?en", "parles-tu", "sais-tu parler",
        "tu parles(?: aussi)?", "parlez-vous", "vous parlez",
    ),
    "proglang": ("python", "java", "javascript", "typescript", "c\\+\\+", "rust", "golang", "php", "sql", "bash"),
    "noise": (
        "au debut", "ne t'inquiete pas", "t'inquiete", "d'une (?:facon|maniere)", "de (?:facon|maniere)",
        "un paragraphe de", "le premier paragraphe", "en d'autres termes", "pas de souci", "pas de probleme", "de rien",
        "pas de quoi", "(?:deux|trois|quatre|\\d+) paragraphes",
        "(?:une |la )?liste (?:de|des) courses",
        "(?:une |la )?liste (?:de|des) (?:taches|choses a faire|invites|lecture|cadeaux|ingredients|affaires)",
        "(?:une |la )?to-?do list",
        "(?:deux|trois|quatre|\\d+|plusieurs) (?:phrases|lignes) d(?:e|')",
        "code postal", "code vestimentaire", "code promo", "code de la route", "code qr", "code civil", "code penal",
        "code de conduite",
    ),

    # ---- Pair and language concepts -----------------------------------------------------------
    "read": ("lire", "lis", "lit", "lu", "je lis", "te lire", "faire defiler", "scroller"),
    "phone": ("telephone", "portable", "smartphone", "dans le metro", "dans le train", "dans le bus", "en deplacement"),
    "allthat": ("tout ca", "tout cela", "tout ce texte", "autant de texte"),
    "longtext": (
        "roman", "bible", "encyclopedie", "bouquin", "expose", "sermon", "pave", "these de doctorat",
        "(?:une|la|ta|sa) these",
        "dissertation", "memoire", "biographie", "traite", "guerre et paix", "roman-fleuve", "annuaire",
    ),
    # Content whose size is the point, turned down after "I asked …, not …".
    "bigtopic": (
        ("(?:l'|la |sa |son |une |un |toute |tout |le )*(?:histoire|biographie|vie|guide(?: touristique)?|manuel|cours|"
         "conference|exposé|traite)(?: complete?| entiere)?"),
        "comment on fabrique \\w+",
    ),
    "exclaim": ("c'est un", "un vrai", "une vraie", "un veritable", "limite un", "carrement un", "tout un", "ton"),
    "answer": ("reponses?", "versions?", "explications?"),
    "simile": (
        "on dirait", "tu parles comme", "ca sonne comme", "ca ressemble a", "digne d", "comme un courrier",
        "comme une lettre",
    ),
    "bureau": (
        "prefecture", "administration", "notaire", "avocat", "impots", "banque", "contrat", "fonctionnaire",
        "courrier administratif", "robot", "secu", "caf", "huissier",
    ),
    "native": ("ma langue maternelle", "langue maternelle", "ma langue", "ma propre langue"),
    "respond": ("parler", "discuter", "ecrire", "continuons", "on continue"),
    "switch": ("passe (?:a|en|au)", "bascule(?:r)? (?:en|vers)", "change(?:r)? (?:pour|en)"),
    "repeat": ("repeter", "repetes", "repete", "reformuler", "reformules", "paraphraser"),
    "myquestion": ("ma question", "la question", "ce que j'ai demande"),
    # Saying what the question was, to contrast it with what came back.
    "asked": (
        "j'ai (?:juste |seulement )?demande", "je t'ai (?:juste |seulement )?demande",
        "je (?:te )?demandais(?: juste| seulement)?", "ma question etait",
    ),
    # "You wrote a novel": said of an answer's size.
    "wrote": (
        "tu (?:m')?as ecrit", "t'as ecrit", "tu viens d'ecrire",
    ),
    "years": (
        "depuis (?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente) ans", "depuis des annees",
        "depuis (?:\\d+|des|plusieurs|dix|vingt) ans", "\\d+ ans d'experience", "de metier", "c'est mon metier",
        "professionnellement",
    ),
    "techjob": (
        "dev", "developpeu(?:r|se)", "ingenieu(?:r|re)", "programmeu(?:r|se)", "informaticien(?:ne)?", "sysadmin",
        "admin sys", "architecte",
    ),
    # People whose trade gives them expertise; with years of practice they read as experts.
    "profession": (
        "medecin", "chirurgien(?:ne)?", "infirmi(?:er|ere)", "cardiologue", "neurologue", "radiologue",
        "oncologue", "pneumologue", "dermatologue", "gynecologue", "rhumatologue", "psychologue", "psychiatre",
        "pediatre", "anesthesiste", "dentiste", "pharmacien(?:ne)?", "veterinaire", "sage-femme",
        "kine(?:sitherapeute)?", "therapeute", "avocat(?:e)?", "juriste", "juge", "comptable",
        "expert-comptable", "fiscaliste", "economiste", "professeur(?:e)?", "prof", "enseignant(?:e)?",
        "chercheu(?:r|se)", "scientifique", "statisticien(?:ne)?", "mathematicien(?:ne)?", "physicien(?:ne)?",
        "chimiste", "biologiste", "electricien(?:ne)?", "mecanicien(?:ne)?", "plombier", "menuisier",
        "cuisini(?:er|ere)", "chef", "pilote", "tradu(?:cteur|ctrice)", "journaliste", "designer", "photographe",
        "analyste", "banquier", "consultant(?:e)?", "je code", "je programme", "j'enseigne",
    ),

    # ---- Value-bearing ------------------------------------------------------------------------
    "adj:length=concise": (
        "court" + _E, "bref", "brefs", "breves?", "concis(?:e|es)?", "succinct" + _E,
        "synthetique(?:s)?", "compact" + _E,
        "ramasse(?:e|s|es)?", "lapidaire(?:s)?",
    ),
    "adj:length=detailed": (
        "detaille" + _E, "complet(?:s)?", "complete(?:s)?", "approfondi" + _E, "exhaustif(?:s)?", "exhaustive(?:s)?",
        "fouille" + _E,
        "etoffe(?:e|s|es)?",
    ),
    "adj:tone=formal": (
        "formel(?:le|s|les)?", "professionnel(?:le|s|les)?", "serieu(?:x|se|ses)", "soutenu" + _E, "poli" + _E,
        "sobre(?:s)?", "neutre(?:s)?", "courtois" + _E,
    ),
    "adj:tone=casual": (
        "decontracte" + _E, "detendu" + _E, "informel(?:le|s|les)?", "cool", "familier(?:e|s|es)?", "amical(?:e|es)?",
        "sympa", "chaleureu(?:x|se)", "naturel(?:le)?",
        "leger(?:e|s|es)?", "legere", "convivial(?:e|es)?", "spontane(?:e|s|es)?",
    ),
    "adj:expertise=beginner": (
        "simple(?:s)?", "simplement", "facile(?:s)?", "facilement", "basique(?:s)?", "elementaire(?:s)?",
        "accessible(?:s)?", "abordable(?:s)?",
    ),
    "adj:expertise=expert": (
        "technique(?:s)?", "avance" + _E, "pointu" + _E, "complexe(?:s)?", "complique" + _E, "specialise" + _E,
    ),
    "adjlong:length=detailed": ("long(?:s)?", "longue(?:s)?", "enorme(?:s)?", "interminable(?:s)?"),
    "judge:length=concise": (
        "verbeu(?:x|se)", "bavard" + _E, "sans fin", "a rallonge", "trop de blabla", "tartine", "ca n'en finit pas",
        "un pave", "c'est long",
    ),
    "judge:length=concise>format": (
        "gros blocs? de texte", "blocs? de texte", "un mur de texte",
        "(?:un )?(?:enorme |gros |grand )?(?:mur|pave|bloc) de texte(?: enorme| interminable)?",
    ),
    "judge:length=concise>preamble": ("blabla", "bla-bla", "remplissage"),
    "judge:length=detailed": (
        "un peu leger", "trop leger", "superficiel(?:le)?", "survole" + _E, "trop survole", "en surface", "sommaire",
        "vague", "incomplet", "maigre", "mince",
    ),
    "judge:tone=casual": (
        "guinde" + _E, "coince" + _E, "rigide(?:s)?", "robotique", "comme un robot", "pompeu(?:x|se)", "ampoule" + _E,
        "administratif", "courrier de la prefecture",
    ),
    "judge:tone=formal": ("vulgaire", "trop familier", "trop cash"),
    "judge:expertise=beginner>language": (
        "je comprends pas", "je ne comprends pas", "je comprends pas bien", "je ne comprends pas bien",
    ),
    "judge:expertise=beginner": (
        "j'ai rien compris", "je n'ai rien compris", "je comprends rien", "je ne comprends rien", "j'ai pas compris",
        "je n'ai pas compris", "je suis perdu" + _E, "tu m'as perdu" + _E, "je suis largue" + _E, "largue" + _E,
        "c'est du chinois", "trop de jargon", "incomprehensible", "je pige (?:rien|pas)", "j'y comprends rien",
        "tu (?:pars du principe|supposes|presumes) que je (?:sais|connais|comprends)", "je ne te suis (?:pas|plus)",
        "je te suis pas", "je decroche",
    ),
    "judge:expertise=expert": ("niveau debutant", "pour les nuls", "condescendant", "infantilisant", "m'infantilise"),
    "judge:format=prose": (
        "comme une liste de courses", "hache" + _E, "decoupe" + _E, "morcele" + _E, "telegraphique", "fragmente" + _E,
        "tout decouper", "comme un powerpoint",
    ),
    "judge:format=lists": ("en un seul bloc", "un seul bloc", "d'un bloc", "indigeste", "tout d'un bloc", "illisible"),
    "judge:preamble=keep": (
        "abrupt" + _E, "brusque", "d'emblee", "de but en blanc", "sans crier gare", "un peu sec", "sec de commencer",
    ),
    "verb:length=concise": (
        "abrege(?:z|r)?", "raccourci(?:s|r|ssez)?", "resume(?:r|z)?", "resume-moi", "synthetise(?:r|z)?",
        "condense(?:r|z)?", "elague(?:r|z)?", "allege(?:r|z)?",
        "reduis(?:-le|-la)?", "reduire",
    ),
    "verb:length=detailed": (
        "developpe(?:r|z)?", "approfondi(?:s|r|ssez)", "detaille(?:r|z)", "creuse(?:r|z)?", "elabore(?:r|z)?",
        "etoffe(?:r|z)?",
    ),
    "direct:length=concise": (
        "deux fois moins long",
        "une phrase suffit", "ne t'etale pas", "sans t'etaler",
        ("(?:moins de|maximum|au maximum|pas plus de) (?:\\d+|deux|trois|quatre|cinq|dix|cent) (?:phrases|lignes|mots|"
         "paragraphes)"),
        "(?:en )?(?:deux|2|une|1)(?: ou |-|, )(?:trois|3|deux|2) (?:phrases|lignes)", "tl;?dr", "en bref", "en resume",
        "en gros", "l'essentiel", "a l'essentiel", "les points cles", "points cles", "juste l'essentiel",
        "en (?:une|deux|trois|quelques|\\d+) (?:phrases?|lignes?|mots)",
        "(?:deux|trois|une) (?:ou (?:deux|trois) )?phrases (?:suffisent|suffiront|ca suffit)", "oui ou non",
        "pas le temps", "j'ai pas le temps", "je n'ai pas le temps", "entre deux reunions", "sois bref", "sois breve",
        "soyez bref", "soyez breve", "fais court", "moins long", "fais plus court", "plus court",
        "sois direct(?:e)?", "soyez direct(?:e)?",
        "j'ai (?:arrete|abandonne) de lire", "j'ai lache (?:a|au bout de) la moitie", "j'ai decroche a la moitie",
        "la moitie (?:suffit|suffira)",
    ),
    "direct:length=concise>preamble": (
        "droit au but", "va droit au but", "(?:viens|venez|va|allez|aller)(?:-en| en)? au fait",
        "(?:va|vas|aller|allez) (?:direct|directement|droit) a l'essentiel",
    ),
    "direct:length=detailed": (
        "explique-toi mieux", "explique mieux", "rentre(?:z)? dans les details", "entre dans les details",
        "rentre dans le detail", "plus en detail", "en detail", "dans le detail", "va plus loin", "aller plus loin",
        "en profondeur", "dis-m'en plus", "dis m'en plus", "j'en veux plus", "explique davantage",
        "plutot trop que pas assez", "meme si c'est long", "meme si (?:ca|c'est) fait long",
        "il manque (?:des choses|plein de choses|pas mal de choses)",
        "explique(?:-le|-moi)? (?:bien|correctement|comme il faut)", "comme il faut",
    ),
    "direct:format=lists": (
        "en etapes",
        "divise(?:-le)? en (?:etapes|points|parties|sections)", "decoupe(?:-le)? en (?:etapes|points)",
        "structure(?:r|z)?", "point par point", "avec des titres", "en etapes", "par etapes", "par points",
        "etapes numerotees",
    ),
    "direct:tone=casual": (
        "comme (?:si tu parlais )?a un (?:ami|pote|copain)", "comme a une amie", "detends-toi", "detendez-vous",
        "parle(?:-moi)? normalement", "parle normal", "parler cash", "parle cash", "comme a un pote", "comme un pote",
        "entre potes", "tutoie-moi", "tu peux me tutoyer", "on peut se tutoyer", "sans chichis", "lache-toi",
    ),
    "direct:tone=formal": ("(?:un peu )?(?:plus )?de tenue", "vouvoie(?:z)?-moi", "me vouvoyer", "vouvoyez-moi"),
    "direct:preamble=skip": (
        "(?:passe|va|viens) directement a la reponse", "juste la reponse", "directement la reponse",
        "reponds direct(?:ement)?", "va droit a la reponse", "sans detours?", "sans preambule", "sans blabla",
        "sans tourner autour du pot", "pas de blabla", "reponse directe",
        "(?:reponds|repondez|reponds-moi) direct(?:ement)?",
        "commence(?:z)? (?:directement )?par la reponse",
    ),
    "direct:preamble=keep": ("dis(?:-moi)? bonjour", "salue-moi", "un petit bonjour"),
    "direct:emoji=use": ("team emojis?", "fan d'emojis", "fan des emojis"),
    "direct:expertise=beginner": (
        "comme si j'avais \\w+ ans", "comme si j'avais (?:cinq|5|\\d+) ans", "comme a un enfant",
        "avec des mots simples", "en termes simples", "en langage simple", "sans jargon", "je debute(?: completement)?",
        "je m'y mets", "doucement", "plus lentement", "pas a pas", "je n'y connais rien", "j'y connais rien",
        "je ne suis pas (?:informaticien|expert|dev|developpeur|ingenieur)",
        "explique(?:-moi|z)? (?:les|ces|tes) (?:termes|mots techniques|sigles|acronymes)",
        "comme si je n'y connaissais rien", "comme si je (?:ne )?savais rien", "comme si je n'avais aucune idee",
        "(?:avec |en )?(?:des )?mots (?:simples|de tous les jours)",
        "je ne suis pas du (?:metier|domaine)", "je suis pas du (?:metier|domaine)", "c'est pas mon domaine",
    ),
    "direct:expertise=beginner>language": (
        "j'apprends", "je veux progresser", "je dois progresser", "je veux pratiquer", "je veux m'entrainer",
    ),
    "direct:expertise=expert": (
        "(?:plus loin )?techniquement", "plus technique(?:ment)?", "je sais ce qu'est", "je sais ce que c'est",
        "je connais deja", "les bases je connais", "je connais les bases", "va dans le technique", "dans le technique",
        "le cote technique", "les details techniques", "pars du principe que je", "suppose que je",
        "entre (?:pros|experts|collegues)", "comme a un collegue", "je suis du metier",
        "traite(?:z)?-moi comme (?:un |une )?(?:expert(?:e)?|pro|professionnel(?:le)?|collegue|specialiste)",
        "trop bas niveau",
    ),
    "direct:code=include": ("en code", "un bout de code", "du code concret", "a copier", "copier-coller", "executable"),
    "direct:code=omit": (
        "avec des mots", "en mots", "juste l'explication", "seulement l'explication", "que l'explication",
    ),
    "flip:expertise=beginner": ("vulgarise(?:r|z)?", "simplifie(?:r|z)?"),
    "trait:length=concise>format": ("je lis lentement", "lent a lire", "tdah", "dyslexi\\w*"),
    # Little time to read: a self-description that implies short answers.
    "trait:length=concise": (
        "(?:tres )?peu de temps", "(?:je suis )?(?:super |tres |hyper )?(?:presse|pressee|debord[ee]+|overbook[ee]+)",
        "entre deux (?:cours|appels|rendez-vous)", "je survole", "je lis en diagonale", "en diagonale",
        "(?:que )?(?:cinq|deux|\\d+) minutes",
    ),
    "trait:emoji=avoid": ("lecteur d'ecran",),
    # Being new at something: a self-description that implies a beginner's answers.
    "trait:expertise=beginner": (
        "(?:c'est )?(?:la )?premi[eè]re fois (?:que|avec|de ma vie)", "(?:ma )?premi[eè]re semaine (?:avec|sur|en)",
        "aucune idee (?:de|comment)", "je n'y connais (?:absolument )?rien", "j'y connais (?:absolument )?rien",
        "je ne connais rien (?:a|au|aux)", "je suis (?:une )?(?:vraie |grande )?(?:quiche|bille) en",
        "je commence (?:tout juste |a peine )?(?:avec|en|a)", "je viens de commencer",
    ),

    # ---- Targets: objects whose wanted value depends on the words around them --------------------
    "target:emoji": ("emojis?", "emoticones?", "smileys?", "frimousses", "binettes", "icones"),
    "target:list": (
        "tableaux?", "listes?", "liste numerotee", "listes? a puces", "puces", "tirets", "points", "enumerations?",
        "bullet points", "numerote" + _E,
        "les uns sous les autres", "l'un sous l'autre",
    ),
    "target:prose": (
        "prose", "paragraphes?", "texte suivi", "texte redige", "texte continu", "phrases completes", "vraies phrases",
        "texte normal", "paragraphes normaux",
    ),
    "target:code": (
        "code", "codes", "exemples? de code", "extraits? de code", "bouts? de code", "snippets?", "scripts?",
        "code source",
    ),
    "target:intro": (
        "petit mot(?: gentil| sympa)?", "detours", "me saluer", "saluer", "intro(?:duction)?s?", "preambules?",
        "salutations?", "bonjour", "formules? de politesse", "mots? d'accueil", "phrases? d'accueil",
        "petite phrase d'accueil", "accueil", "qopener", "entree en matiere", "politesses",
    ),
    "target:basics": (
        "les bases", "bases", "basiques", "le b\\.?a\\.?-?ba", "b-a-ba", "les fondamentaux", "l'abc",
        "(?:une |l')?introduction (?:a|au|aux)",
    ),
    "target:jargon": (
        "jargon", "termes techniques", "mots techniques", "vocabulaire technique", "charabia", "mots compliques",
    ),
    "target:detail": ("details?", "precisions", "profondeur", "contexte", "infos?", "informations"),
    "target:formalities": ("formalites", "formules", "chichis", "ceremonies"),
    "target:slang": ("familiarite", "argot", "expressions familieres", "familiarites", "langage familier"),
    "target:tone_formal": (
        ("(?:um |uma |un |une |una )?(?:langage|registre) (?:mais |plus |piu |bem |tres |molto )?(?:formel|"
         "professionnel|soutenu|serieux)"),
        "(?:un )?ton (?:plus |tres )?(?:formel|professionnel|serieux|soutenu|neutre)",
    ),
    "target:tone_casual": (
        ("(?:um |uma |un |une |una )?(?:langage|registre) (?:mais |plus |piu |bem |tres |molto )?(?:familier|"
         "decontracte|informel|courant)"),
        "(?:un )?ton (?:plus |tres )?(?:decontracte|detendu|amical|informel|leger|familier)",
    ),
    "target:address_formal": ("vouvoi\\w*",),
    "target:address_informal": ("tutoi\\w*",),
    "target:summary": ("topo", "version courte", "synthese", "un resume"),
    "target:text": ("textes", "texte", "mots", "lignes"),
    "target:techdomain": (
        "l'informatique", "informatique", "ordinateurs?", "la technique", "technologie", "programmation", "maths",
    ),
    "target:id_beginner": (
        "(?:un |une )?(?:enfant|gamin|gamine)",
        "(?:un |une |vrai |vraie |grand |grande |complet |complete )*(?:debutant(?:e)?|novice|neophyte|profane)",
        "nouveau dans", "nouvelle dans", "nouveau en", "nouvelle en", "nul(?:le)? en",
    ),
    "target:id_expert": (
        "senior", "expert(?:e)?", "specialiste", "chevronne" + _E, "docteur", "doctorant(?:e)?", "confirme" + _E,
    ),
    "target:explainbasic": (
        "m'expliquer les bases", "tout m'expliquer", "me prendre par la main", "tenir la main",
        "(?:m')?expliqu(?:er|es|ez) ce qu(?:e|'est|'estt)",
        "(?:m')?expliqu(?:er|es|ez) ce que (?:c'est|sont|veut dire)",
    ),
    "comp:length=concise": (
        "plus direct(?:e|s|es)?",
    ),
    "excesspost": (
        "(?:c'est|c'etait) trop(?: pour moi)?(?= ?(?:[.!?,;:]|$))",
        "(?:est|sont) de trop(?: pour moi)?(?= ?(?:[.!?,;:]|$))",
    ),
    "effect": (
        "pour que ce soit", "pour que ca (?:soit|fasse)", "ca rend", "pour rendre",
    ),
}
