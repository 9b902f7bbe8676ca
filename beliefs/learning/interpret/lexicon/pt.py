"""Portuguese (Brazil and Portugal). Concepts: see ``lexicon/__init__.py``.

Folding makes "é" (is) the same as "e" (and) and "não" into "nao". Spanish "más" folds to "mas",
the Portuguese "but", so "mas" is read as "more" and is no clause barrier here.
"""

from __future__ import annotations

_O = "(?:o|a|os|as)"  # gender and number endings

LEXICON: dict[str, tuple[str, ...]] = {
    # ---- Polarity operators -------------------------------------------------------------------
    "neg": (
        "nao", "nem", "nenhum(?:a)?", "nao precisa de", "nao e preciso", "sem necessidade de", "nao quero",
        "nao preciso de", "nao preciso", "nao me (?:mande|mandes|de|des|ponha|ponhas|use|uses)",
        "zero",
    ),
    "never": ("nunca", "jamais", "nunca mais"),
    "negcop": ("nao e", "nao esta", "nao ta", "nao foi"),
    "negpost": (
        "nao adianta(?: nada)?",
        "dispenso", "desnecessari" + _O, "nao sao necessari" + _O, "sobra(?:m)?", "nao, obrigad[oa]", "nao precisa",
    ),
    "remove": (
        "sem", "tira(?:r)?", "tire", "retira", "remove", "corta(?:r)?", "elimina", "pula(?:r)?", "pule", "evita",
        "evite", "chega de", "basta de", "poupa-me", "me poupe", "esquece", "deixa de", "para com", "para de",
        "nada de",
    ),
    "removepost": ("fora",),
    "add": (
        "adiciona", "acrescenta", "coloca", "coloque", "poe", "ponha", "mete", "usa", "use", "utiliza", "inclui",
        "inclua", "quero", "queria", "preciso de", "gostaria de", "gostaria", "bota", "colocar", "usar", "incluir",
        "nao hesite em", "nao tenhas medo de", "fica a vontade para", "fique a vontade para",
    ),
    "with": ("com",),
    "give": (
        "manda(?: ai)?",
        "faz(?:-me)?", "me faz", "faca", "da-me", "me da", "me de", "mostra(?:-me)?", "me mostra", "mostre", "manda",
        "me manda", "mandar",
    ),
    "some": ("uns", "umas", "alguns", "algumas", "um par de", "uns quantos"),
    "addpost": (
        "(?:sao )?bem-vind" + _O, "bem vind" + _O, "a vontade", "nao custa nada", "nao faz mal",
        "seria(?:m)? (?:bom|bons|otimo|otimos|legal|legais|bem-vindos?)", "ajudaria(?:m)?", "caem bem", "permitid" + _O,
        "liberad" + _O, "aí", "ai",
        "nao (?:fazia|faria) mal(?: nenhum)?", "nao custava nada", "(?:caia|cairia) bem", "ficava (?:melhor|bem)",
    ),
    "asin": ("em", "como", "em forma de", "no formato de", "em formato de", "na forma de", "numa", "num"),
    "like": (
        "gosto (?:de|muito de|mais de|quando)", "gosto", "adoro", "prefiro", "amo", "sou (?:muito )?de", "sou fa de",
        "fa de", "me ajuda(?:m)?", "ajuda-me", "sinto falta", "acho educado",
    ),
    "dislike": (
        "(?:pouca|nenhuma|zero) paciencia (?:com|pra|para)", "(?:eu )?nao consigo ler", "nao me ajuda(?:m)?",
        "me cansam", "me cansa", "nao me diz(?:em)? nada", "me confunde(?:m)?", "pessim[oa] (?:com|em)", "infantil",
        "infantis", "odeio", "detesto", "nao suporto", "me irrita(?:m)?", "irrita-me", "me incomoda(?:m)?",
        "um pesadelo", "sao um pesadelo", "e um pesadelo", "um inferno", "pouco profissional", "nao e a minha praia",
        "nao e minha praia", "e grego", "grego pra mim", "grego para mim", "seco", "frio", "chato", "cansativo",
        "achei meio seco",
        "(?:e|sao) um sofrimento", "um sofrimento", "uma tortura", "um martirio", "tenho dificuldade com", "custa-me",
        "me custa(?:m)?", "(?:e|sao) (?:dificil|dificeis|complicad[oa]s?) pra mim",
        "(?:e|sao) (?:dificil|dificeis|complicad[oa]s?) para mim", "sofro com",
        "nao me serve(?:m)? de nada", "nao me adianta(?:m)?",
        "aff", "afff", "putz",
        "confunde(?:m)?-me",
    ),
    "why": ("por que", "porque tudo", "para que", "pra que", "todos esses", "todas essas", "o que e isso"),
    "omitted": ("pulaste", "pulou", "esqueceu", "esqueceste", "faltou", "falta(?:m)?", "deixou de fora"),
    "know": ("eu sei", "ja sei", "conheco", "domino", "ja conheco"),
    "excess": ("demasiad" + _O, "tantos", "tantas", "exagerad" + _O),
    "excesspost": (
        "demais", "de mais", "em excesso",
        "(?:e|sao|foi) (?:demais|excessiv[oa]s?)(?: (?:pra|para) mim)?(?= ?(?:[.!?,;:]|$))",
    ),
    "so": ("tao",),
    "intens": ("muito", "muita", "meio", "um pouco", "bem", "bastante", "mega", "um tanto"),
    "more": ("mais", "um pouco mais", "bem mais", "muito mais", "ainda mais"),
    "less": ("menos", "um pouco menos", "bem menos"),
    "copula": (
        "esta", "ta", "ficou", "fica", "deixam", "deixaria(?:m)?", "isto e", "isso e", "foi", "soa", "voce e", "tu es",
        "ficaria", "seria",
        "torna tudo", "deixa tudo", "deixam tudo", "le-se", "se le",
    ),
    "canbe": ("pode ser",),
    "be": ("seja", "mantem", "mantenha", "deixa", "responde", "responda", "fala", "fale", "ser", "faz isso", "deixe"),
    "first": (
        "antes", "primeiro", "pra comecar", "para comecar", "de inicio", "antes de responder", "antes de ir ao assunto",
    ),
    "start": (
        "comecar (?:com|por)", "comeca (?:com|por)", "comece (?:com|por)", "comecar", "comeca", "comece", "abrir com",
        "iniciar com", "inicia com",
    ),
    "please": ("por favor", "pfv", "pf", "por gentileza", "pls"),
    # Tolerating something ("I don't mind long answers") is no wish for it.
    "tolerate": (
        "nao me importo com", "nao me incomoda(?:m)?", "nao tenho nada contra",
    ),
    # Doubting the wish in the clause that follows ("I don't think it needs to be shorter").
    "negthink": (
        "nao (?:acho|creio|penso) que", "duvido que",
    ),
    # A tentative offer: "Stichpunkte vielleicht?" asks for the object it offers.
    "maybe": (
        "talvez", "quem sabe",
    ),
    # "As technical as you like": permission for the adjective before it.
    "aslike": (
        "quanto (?:quiser|quiseres|queira)",
    ),
    # Keeping what one answer did ("keep the bullets, just fix the typo"): about that answer, not a wish.
    "retain": (
        "(?:mantem|mantenha|deixa|deixe|conserva) (?:os|as|o|a|teus|tuas)", "nao mude (?:os|as|o|a)",
        "nao mexe (?:nos|nas|no|na)",
    ),

    # ---- Scope and stance -----------------------------------------------------------------------
    "when": ("quando",),
    "but": ("porem", "contudo", "entretanto", "alias", "exceto", "a nao ser que", "a menos que", "so que"),
    "than": ("em vez de", "ao inves de", "do que", "melhor que"),
    "or": ("ou",),
    "standing": (
        "a nao ser que eu (?:peca|pedir|diga)", "a menos que eu (?:peca|pedir)", "a partir de agora",
        "de agora em diante", "daqui em diante", "daqui pra frente", "daqui para a frente", "no futuro", "sempre",
        "toda vez", "todas as vezes", "lembra", "lembre-se", "lembra-te", "tenha em mente", "continua assim",
        "continue assim", "comigo", "em todas as respostas", "em geral", "no geral", "de modo geral", "por padrao",
        "de hoje em diante",
    ),
    "self": ("sou", "eu sou", "estou", "tenho", "trabalho (?:como|com|em)", "trabalho"),
    "asif": (
        "como se (?:eu )?(?:nunca|nao)",
        "como se eu fosse", "como se fosse", "como se eu tivesse", "como a um", "como para um", "como pra um",
        "como se eu nao soubesse",
    ),
    "request": (
        "podemos", "poderiamos", "da pra ser", "pode", "podes", "poderia", "podia", "voce pode", "da pra", "da para",
        "consegue", "queria que", "quero que", "preciso que", "seria possivel", "faz favor",
    ),
    "thanks": ("obrigad[oa]", "valeu", "muito obrigad[oa]", "brigad[oa]"),
    "praise": (
        "perfeito", "otimo", "era isso mesmo", "isso mesmo", "excelente", "ajudou demais", "muito bom", "ta otimo",
        "ta perfeito", "esta otimo",
        "adorei", "gostei (?:muito)?", "curti (?:muito)?",
    ),
    "resolved": ("ja entendi", "entendi agora", "resolvi", "ja funciona", "deixa pra la", "tanto faz"),
    "instance": ("no final", "que usaste", "que voce usou", "que colocou"),
    "complaint": (
        "nao responde (?:a )?(?:minha|a) pergunta", "nao perguntei isso", "desatualizad[oa]", "nao compila",
        "voce esta errad[oa]", "nao funcionou", "nao deu certo", "nao rolou", "nao e isso", "tem certeza", "nao serve",
        "ta errado", "errado", "esta errado", "ta errado", "incorreto", "nao esta certo", "nao e verdade",
        "nao funciona", "continua (?:dando|a dar) (?:o mesmo )?erro", "mesmo erro", "continua sem funcionar",
        "nao serviu (?:pra|para) nada", "nao serve (?:pra|para) nada", "inutil",
        "nao foi isso que eu (?:perguntei|pedi|quis dizer)", "nao era isso", "voce nao respondeu", "nao respondeste",
        "nao respondeu", "estas a inventar", "esta inventando", "inventou", "isso nao existe", "nao existe",
        "nao faz sentido", "nada a ver", "pessimo", "horrivel", "nao ajudou", "nao me ajudou", "fraco",
    ),
    "opener": (
        "otima pergunta", "boa pergunta", "excelente pergunta", "ola", "oi", "com certeza", "prezad[oa]",
        "caro usuario", "bom dia",
    ),

    # ---- Gates: text that is not about the answers ----------------------------------------------
    "question": (
        "como (?:faco|posso|se|desativo|ativo|tiro|coloco|funciona|e que)", "o que (?:e|quer dizer|significa|sao)",
        "qual(?:is)?", "onde", "quem", "quanto(?:s)?", "quanta(?:s)?", "e melhor", "e normal", "devo", "posso",
        "pega mal", "vale a pena", "tem como", "alguma dica", "dicas", "qual a diferenca",
        "fica (?:mal|feio|estranho)", "e falta de educacao", "e (?:educado|feio|estranho)",
        "pode-se (?:usar|colocar|por)",
        "as pessoas (?:usam|colocam|escrevem)", "e normal (?:usar|colocar|por)", "e comum",
    ),
    "task": (
        "escreve(?:-me)?", "escreva", "redige", "redija", "cria", "crie", "gera", "gere", "me fala", "fala-me",
        "diz-me", "me diz", "cita", "inventa", "sugere", "redigir",
    ),
    "translate": ("traduz(?:ir)?", "traduza", "traducao", "como se diz", "como e que se diz"),
    "explain": ("explica(?:-me)?", "explique", "me explica", "conta(?:-me)?", "descreve", "descreva"),
    # Third parties ("why do people …"), "of" (content follows), a solved problem (a satisfied "no code").
    "people": (
        "as pessoas", "todo mundo", "todos", "muita gente", "a galera", "usam", "colocam", "dizem", "escrevem", "falam",
        "mandam", "se usa(?:m)?",
    ),
    "anaphor": ("isso", "isto", "tudo", "a resposta"),
    "answerpart": (
        ("(?:o |a )?(?:primeiro|segundo|terceiro|ultimo|primeira|segunda|terceira|ultima) (?:ponto|parte|paragrafo|"
         "passo|exemplo|secao)"),
        "(?:o )?(?:ponto|passo) (?:\\d+|um|dois|tres|quatro|cinco)", "a ideia", "o conceito",
    ),
    "indef": ("um", "uma", "dois", "duas", "quatro", "cinco", "dez", "meu", "minha", "meus", "minhas"),
    "of": ("do", "da"),
    # "tell me more about X": the topic of a new question follows.
    "about": ("sobre", "a respeito de", "acerca de"),
    "beneficiary": (
        ("(?:pra|pro|para a|para o|para minha|para meu|pra minha|pro meu) (?:\\w+ )?(?:prova|exame|apresentacao|"
         "trabalho da escola|trabalho de escola|licao|tcc|seminario|aula|teste)"),
        ("(?:para|pra|pro) (?:o |a )?(?:meu|minha|meus|minhas) (?:\\w+ )?(?:filh[oa]|chefe|mae|pai|avo|amig[oa]|"
         "namorad[oa]|mulher|marido|professor(?:a)?|colegas?|clientes?|equipe|equipa|turma|sobrinh[oa]|irma|irmao)"),
        "para uma crianca", "pra escola",
        ("para (?:o meu|a minha|meu|minha|o|a|um|uma|o nosso|a nossa) (?:\\w+ )?(?:discurso|casamento|apresentacao|"
         "reuniao|festa|viagem|prova|exame|entrevista|aula|aniversario|brinde)"),
        "para (?:\\d+|duas|dois|tres|quatro|cinco|seis|oito|dez|doze) (?:pessoas|convidados|adultos|criancas)",
    ),
    # The message hands over material to work on ("… here it is:"): nothing in it is feedback.
    "material": (
        "aqui esta o texto",
        ("(?:aqui (?:esta|vai)|segue) (?:o|a|meu|minha|o meu|a minha) (?:texto|artigo|link|arquivo|ficheiro|e-?mail|"
         "relatorio|rascunho|carta|documento)"),
    ),
    "reported": (
        ("(?:o meu|a minha|meu|minha) (?:\\w+ )?(?:chefe|professor(?:a)?|amig[oa]|mae|pai|namorad[oa]|mulher|marido|"
         "colega|gerente|cliente) (?:\\w+ )?(?:diz|acha|falou|disse|fala)"),
        "todo mundo diz",
        "(?:ele|ela) (?:me )?(?:disse|pediu|acha|diz) (?:que|para)",
    ),
    # A clause about a third person ("my mother-in-law sends me twenty emojis"): not about the answers.
    "thirdparty": (
        ("(?:o meu|a minha|os meus|as minhas|meu|minha|meus|minhas) (?:\\w+ )?(?:chefe|colegas?|amig[oa]s?|mae|pai|"
         "mulher|marido|filh[oa]s?|professor(?:a)?|irma|irmao|avo|vizinh[oa]|sogr[oa]|namorad[oa]|clientes?)"),
        ("(?:o meu|a minha|os meus|as minhas|meu|minha|meus|minhas) (?:\\w+ )?(?:sobrinh[oa]s?|prim[oa]s?|ti[oa]s?|"
         "net[oa]s?|cunhad[oa]|genro|nora|afilhad[oa]|colega de quarto|senhorio|orientador(?:a)?|alun[oa]s?|"
         "treinador(?:a)?|medic[oa]|ex|gerente|chefa)"),
    ),
    "mycontent": (
        ("(?:os meus|as minhas|meus|minhas) (?:\\w+ )?(?:e-?mails|trabalhos|textos|cartas|mensagens|relatorios|"
         "redacoes)"),
        ("(?:o meu|a minha|meu|minha) (?:\\w+ )?(?:e-?mail|trabalho|texto|carta|tese|cv|curriculo|redacao|apresentacao|"
         "introducao)"),
        "estou (?:escrevendo|preparando|redigindo|a escrever|a preparar) (?:um|uma|o meu|a minha|meu|minha)",
        "(?:num|em um|no meu) (?:e-?mail|email|post)", "(?:numa|em uma|na minha) (?:carta|mensagem|apresentacao)",
    ),
    "hypothetical": (
        "se eu (?:pedisse|te pedisse|dissesse|pedir)", "supondo", "imagina que", "voce ia lembrar", "lembrarias",
        "se (?:me )?(?:respondesses|respondesse|escrevesses|escrevesse|falasses|falasse|usasses|usasse)",
    ),
    "ability": (
        "(?:consegue|consegues|sabe|sabes) (?:responder|falar|escrever)", "(?:voce|vc|tu) (?:tambem )?fala(?:s)?",
        "falas",
    ),
    "proglang": ("python", "java", "javascript", "typescript", "c\\+\\+", "rust", "golang", "php", "sql", "bash"),
    "noise": (
        "no inicio", "nao se preocupe", "nao esquenta", "de (?:um|uma) (?:jeito|forma|maneira)", "um paragrafo de",
        "o primeiro paragrafo", "em outras palavras", "de nada", "sem problema",
        "(?:uma |a )?lista de compras",
        ("(?:uma |a )?lista (?:de tarefas|de convidados|de presentes|de leitura|de ingredientes|do supermercado|de "
         "coisas para levar)"),
        "(?:duas|tres|quatro|\\d+|varias) (?:frases|linhas) de",
        "codigo postal", "codigo de vestimenta", "codigo promocional", "codigo de desconto", "codigo qr",
        "codigo civil", "codigo penal",
    ),

    # ---- Pair and language concepts -----------------------------------------------------------
    "read": ("ler", "leio", "leitura", "lendo", "te ler", "rolar"),
    "phone": ("celular", "telemovel", "telefone", "no onibus", "no autocarro", "no metro", "no trem", "pelo celular"),
    "allthat": ("isto tudo", "isso tudo", "tudo isso", "tudo isto", "tanto texto", "esse texto todo"),
    "longtext": (
        "testamento", "biblia", "romance", "livro", "tese", "redacao", "jornal", "sermao", "lencol", "biografia",
        "enciclopedia", "tratado", "os lusiadas", "guerra e paz", "dissertacao",
    ),
    # Content whose size is the point, turned down after "I asked …, not …".
    "bigtopic": (
        ("(?:a |sua |uma |um |toda |todo |o )*(?:historia|biografia|vida|guia(?: turistico)?|manual|aula|palestra|"
         "curso)(?: complet[oa]| inteira)?"),
    ),
    "exclaim": ("que", "um verdadeiro", "uma verdadeira", "e um", "um baita"),
    "answer": ("respostas?", "versao", "versoes", "explicacao", "explicacoes"),
    "simile": ("parece (?:uma|um)", "parece", "soa como", "parecendo"),
    "bureau": (
        "cartorio", "reparticao", "advogado", "burocrata", "contrato", "banco", "receita federal", "financas", "robo",
        "funcionario publico",
    ),
    "native": ("minha lingua materna", "lingua materna", "minha lingua", "lingua nativa"),
    "respond": ("fala comigo", "continua", "continue", "vamos continuar"),
    "switch": ("muda (?:para|pra) o", "muda para", "passa (?:para|pra) o"),
    "repeat": ("repetir", "repete", "repitas", "reformular", "parafrasear"),
    "myquestion": ("minha pergunta", "a pergunta", "o que eu perguntei"),
    # Saying what the question was, to contrast it with what came back.
    "asked": (
        "(?:eu )?(?:so )?(?:te )?perguntei", "(?:eu )?(?:so )?pedi", "(?:eu )?(?:so )?(?:te )?perguntava",
        "minha pergunta era",
    ),
    # "You wrote a novel": said of an answer's size.
    "wrote": (
        "(?:voce |vc )?(?:me )?escreveu", "escreveste",
    ),
    "years": (
        "ha (?:dois|tres|quatro|cinco|seis|sete|oito|nove|dez|doze|quinze|vinte|trinta) anos",
        "ha (?:\\d+|muitos|varios) anos", "\\d+ anos de experiencia", "de profissao", "profissionalmente", "ha anos",
    ),
    "techjob": ("desenvolvedor(?:a)?", "programador(?:a)?", "engenheir[oa]", "analista"),
    # People whose trade gives them expertise; with years of practice they read as experts.
    "profession": (
        "medic[oa]", "cirurgia[oa]", "cirurgiao", "enfermeir[oa]", "cardiologista", "neurologista",
        "radiologista", "oncologista", "pneumologista", "dermatologista", "psicolog[oa]", "psiquiatra", "pediatra",
        "ortopedista", "intensivista", "anestesista", "dentista", "farmaceutic[oa]", "veterinari[oa]", "parteira",
        "fisioterapeuta", "terapeuta", "advogad[oa]", "notari[oa]", "juiz(?:a)?", "contador(?:a)?", "contabilista",
        "economista", "professor(?:a)?", "docente", "pesquisador(?:a)?", "investigador(?:a)?", "cientista",
        "estatistic[oa]", "matematic[oa]", "biolog[oa]", "eletricista", "mecanic[oa]", "encanador(?:a)?",
        "canalizador(?:a)?", "carpinteir[oa]", "cozinheir[oa]", "chef", "piloto", "tradutor(?:a)?", "jornalista",
        "designer", "fotograf[oa]", "arquitet[oa]", "consultor(?:a)?", "programo", "dou aulas",
    ),

    # ---- Value-bearing ------------------------------------------------------------------------
    "adj:length=concise": (
        "curt" + _O, "concis" + _O, "sucint" + _O, "resumid" + _O, "objetiv" + _O,
        "curtinh[oa]s?", "resumidinh[oa]s?",
        "enxut[oa]s?", "sintetic[oa]s?", "breves?",
    ),
    "adj:length=detailed": (
        "detalhad" + _O, "complet" + _O, "aprofundad" + _O, "exaustiv" + _O, "pormenorizad" + _O,
        "minucios[oa]s?", "bem explicad[oa]s?",
    ),
    "adj:tone=formal": (
        "profissional", "formais", "profissionais", "seri" + _O, "educad" + _O, "sobri" + _O, "respeitos" + _O,
    ),
    "adj:tone=casual": (
        "informais", "descontraid" + _O, "relaxad" + _O, "leves?", "casuais", "amigavel", "proxim" + _O, "coloquial",
        "tranquil[oa]s?", "descolad[oa]s?", "simpatic[oa]s?",
    ),
    "adj:expertise=beginner": ("simples", "faceis", "basic" + _O, "elementar(?:es)?", "acessivel", "didatic" + _O),
    "adj:expertise=expert": ("tecnic" + _O, "avancad" + _O, "complex" + _O, "complicad" + _O, "especializad" + _O),
    "adjlong:length=detailed": (
        "comprid(?:o|a|os|as)", "extens" + _O, "long" + _O, "gigantes?", "imens" + _O, "interminaveis", "interminavel",
    ),
    "judge:length=concise": (
        "textao", "enrolacao", "enchecao de linguica", "palavreado", "prolix" + _O, "verbos" + _O, "sem fim",
    ),
    "judge:length=concise>format": (
        "blocos? de texto", "um bloco so", "paredao de texto",
        "(?:um )?(?:enorme )?(?:bloco|paredao|muro) de texto(?: enorme| gigante)?", "(?:um )?textao",
    ),
    "judge:length=detailed": (
        "rasa", "raso", "superficial", "superficiais", "vag" + _O, "incomplet" + _O, "pobre", "ficou pela metade",
        "pela metade", "generic" + _O,
        "(?:muito )?por alto", "por cima", "muito raso",
    ),
    "judge:tone=casual": (
        "rigid" + _O, "engessad" + _O, "robotic" + _O, "como um robo", "burocratic" + _O, "quadrad" + _O,
        "carta de cartorio",
    ),
    "judge:tone=formal": ("informal demais",),
    "judge:expertise=beginner>language": ("nao entendo bem", "nao percebo bem"),
    "judge:expertise=beginner": (
        "nao entendi(?: nada)?", "nao percebi(?: nada)?", "nao entendo", "nao percebo", "me perdi", "fiquei perdid[oa]",
        "boiei", "confus" + _O,
        "(?:voce |vc )?(?:assume|assumiu|parte do principio) que eu (?:ja )?(?:sei|conheco|entendo)",
        "nao te acompanho", "nao estou (?:a )?acompanhar", "nao estou acompanhando",
    ),
    "judge:expertise=expert": ("condescendente", "basico demais"),
    "judge:format=prose": ("como uma lista de compras", "picotad" + _O, "fragmentad" + _O, "truncad" + _O),
    "judge:format=lists": ("tudo junto", "tudo corrido", "num bloco so"),
    "judge:preamble=keep": (
        "de supetao", "assim do nada", "comecar assim", "sem mais nem menos", "seco comecar", "(?:assim )?a frio",
        "parece um telegrama", "como um telegrama",
    ),
    "verb:length=concise": (
        "encurta(?:r)?", "encurte", "resume", "resumir", "resuma", "sintetiza(?:r)?", "enxuga(?:r)?", "condensa(?:r)?",
        "reduz(?:ir)?",
        "reduza",
    ),
    "verb:length=detailed": (
        "aprofunda(?:r)?", "aprofunde", "desenvolve(?:r)?", "desenvolva", "detalha(?:r)?", "elabora",
        "detalhe", "elabora(?:r)?",
    ),
    "direct:length=concise": (
        "metade do tamanho",
        "resumidamente", "brevemente", "uma frase basta", "basta uma frase", "nao se alongue", "sem se alongar",
        ("(?:menos de|no maximo|maximo|nao mais de) (?:\\d+|duas|tres|quatro|cinco|dez|cem) (?:frases|linhas|palavras|"
         "paragrafos)"),
        "(?:em )?(?:duas|2|uma|1)(?: ou |-|, )(?:tres|3|duas|2) (?:frases|linhas)", "tl;?dr", "em resumo", "resumindo",
        "em poucas palavras", "o essencial", "so o essencial", "o principal", "os pontos principais",
        "pontos principais", "pontos-chave", "em (?:uma|duas|tres|poucas|\\d+) (?:linhas?|frases?|palavras)",
        "sim ou nao", "nao tenho tempo", "sem tempo", "com pressa", "to com pressa", "estou com pressa", "seja breve",
        "se breve", "seja concis[oa]", "mais curto",
        "seja diret[oa]", "se diret[oa]",
        "parei de ler", "desisti de ler", "li so metade",
        "(?:a )?metade (?:basta|chega|ja serve)",
    ),
    "direct:length=concise>preamble": ("(?:vai |ir |va )?direto ao (?:assunto|ponto)", "direto ao assunto"),
    "direct:length=detailed": (
        "explica-te melhor", "se explica melhor", "entra em detalhes", "em detalhes", "com detalhes", "mais a fundo",
        "a fundo", "explica melhor", "detalhe mais", "detalhar mais",
        "melhor sobrar do que faltar", "mesmo que (?:fique|seja) (?:longo|comprido)",
        "(?:ta|esta|tá) faltando (?:coisa|informacao|detalhe|muita coisa)",
        "falta(?:m)? (?:coisas|detalhes|informacao)", "explica(?:-me)? direito", "como deve ser",
    ),
    "direct:format=lists": (
        "em passos", "por passos",
        "divide(?:-o)? em (?:passos|pontos|partes|secoes)", "dividir em (?:passos|pontos|partes)", "em topicos",
        "por topicos", "ponto por ponto", "em passos",
    ),
    "direct:tone=casual": (
        "como se (?:eu )?fosse (?:um|uma|seu|teu) amig[oa]",
        "como (?:se fosse |se estivesse falando com )?(?:um|uma) amig[oa]", "relaxa", "fica tranquilo", "fala normal",
        "fala normalmente", "de boa", "sem formalidade", "como um amigo", "como amigo", "me trata por tu",
        "pode me tratar por tu",
    ),
    "direct:tone=formal": ("me trate (?:por|como) (?:o )?senhor", "tratamento formal"),
    "direct:preamble=skip": (
        "so a resposta", "so responde", "responde logo", "responda direto", "direto a resposta", "sem rodeios",
        "sem enrolacao", "sem enrolar", "sem preambulos",
        "(?:responde|responda|responde-me|me responde) (?:direto|diretamente)",
        "comeca (?:logo |direto )?(?:pela|com a) resposta",
    ),
    "direct:preamble=keep": ("um ola antes", "diz ola", "cumprimenta", "da um oi"),
    "direct:emoji=use": ("sou (?:muito )?de emojis", "fa de emojis"),
    "direct:expertise=beginner": (
        "como se eu tivesse \\w+ anos", "como se eu tivesse (?:cinco|5|\\d+) anos", "como para uma crianca",
        "em palavras simples", "de forma simples", "com palavras simples", "sem jargao", "com (?:mais )?calma",
        "devagar", "sou (?:nov[oa]|iniciante) (?:em|nisso)", "estou comecando", "comecei (?:agora|ha|semana)",
        "nao sou (?:especialista|tecnic[oa]|programador(?:a)?|engenheir[oa]|da area)", "nao manjo",
        "explica(?:-me)? (?:os|esses|estes|teus) (?:termos|conceitos|jargoes|acronimos)",
        "me explica (?:os|esses|estes) termos",
        "como se eu nao soubesse nada", "como se eu nao entendesse nada",
        "(?:com |em )?palavras (?:simples|faceis)",
        "nao e a minha area", "nao sou do ramo",
    ),
    "direct:expertise=beginner>language": ("to aprendendo", "estou aprendendo", "quero treinar", "quero praticar"),
    "direct:expertise=expert": (
        "na parte tecnica", "(?:ir|vai|pode ir) (?:no|pro|para o) tecnico", "eu sei o que (?:e|sao)",
        "sei o que (?:e|sao)", "ja conheco o basico", "conheco o basico", "pode pular o (?:basico|be-a-ba)",
        "parte do principio que", "vai pro tecnico", "a parte tecnica", "detalhes tecnicos", "entre colegas",
        "sou da area", "nao sou (?:iniciante|leig[oa]|novat[oa])",
        "trata-me como (?:um |uma )?(?:especialista|profissional|colega|expert)",
        "me trata como (?:um |uma )?(?:especialista|profissional|colega)",
    ),
    "direct:code=include": (
        "em codigo", "pra copiar", "para copiar", "copiar e colar", "o codigo direto", "mandar o codigo",
    ),
    "direct:code=omit": ("com palavras", "so a explicacao", "so a ideia", "so entender a ideia"),
    "flip:expertise=beginner": ("simplifica(?:r)?", "simplifique"),
    "trait:length=concise>format": ("leio devagar", "leio lentamente", "tdah", "dislexi\\w*"),
    # Little time to read: a self-description that implies short answers.
    "trait:length=concise": (
        "(?:muito )?pouco tempo", "pouquissimo tempo",
        "(?:to|estou|ando) (?:muito )?(?:corrid[oa]|atolad[oa]|sem tempo)", "na correria",
        "entre (?:duas )?(?:reunioes|aulas|chamadas)", "leio na diagonal", "(?:so )?(?:cinco|dois|\\d+) minutos",
    ),
    "trait:emoji=avoid": ("leitor de tela", "leitor de ecra"),
    # Being new at something: a self-description that implies a beginner's answers.
    "trait:expertise=beginner": (
        "(?:e )?(?:a )?(?:minha )?primeira vez (?:que|com|na vida)",
        "(?:a )?(?:minha )?primeira semana (?:com|no|na|de)", "nao faco (?:a menor )?ideia (?:de|como)",
        "nao sei nada (?:de|sobre)", "nao entendo nada de", "zero nocao", "sou (?:uma )?negacao (?:com|em)",
        "(?:estou|to) (?:comecando|a comecar) (?:agora )?(?:com|em|a)",
    ),

    # ---- Targets: objects whose wanted value depends on the words around them --------------------
    "target:emoji": ("emoticons?", "carinhas?", "figurinhas", "icones"),
    "target:list": (
        "tabelas?", "listas?", "lista numerada", "topicos", "marcadores", "bullets?", "itens", "pontos",
        "passos numerados", "numerad" + _O, "tracos", "enumeracao",
        "alineas", "subalineas", "itenzinhos",
        "um (?:embaixo|debaixo) do outro",
        "listinhas?",
    ),
    "target:prose": (
        "prosa", "paragrafos?", "texto corrido", "texto continuo", "texto normal", "frases completas", "texto redigido",
        "(?:um )?texto (?:normal|seguido|corrido|continuo)(?:,? seguido)?", "texto seguido",
    ),
    "target:code": ("codigo", "exemplos? de codigo", "trechos? de codigo", "codigo-fonte", "o codigo"),
    "target:intro": (
        "(?:me )?cumprimentar", "saudar", "introducao", "introducoes", "saudacao", "saudacoes", "cumprimentos?",
        "preambulos?", "ola", "oi", "bom dia", "boas-vindas", "qopener",
        "(?:uma )?frase de (?:enquadramento|introducao|contexto|abertura)", "(?:um )?cumprimento",
    ),
    "target:basics": (
        "o basico", "basico", "be-a-ba", "o be-a-ba", "fundamentos", "conceitos basicos", "o abc",
        "(?:uma |a )?introducao (?:a|ao|aos|as)",
    ),
    "target:jargon": ("jargao", "jargoes", "termos tecnicos", "palavras dificeis", "tecniques"),
    "target:detail": ("detalhes?", "pormenor(?:es)?", "profundidade", "contexto", "informacao", "informacoes"),
    "target:formalities": ("formalidade(?:s)?", "cerimonia"),
    "target:slang": ("intimidade", "girias?", "calao", "palavroes"),
    "target:tone_formal": (
        ("(?:um |uma |un |une |una )?(?:linguagem|registro) (?:mais |plus |piu |bem |tres |molto )?(?:formal|"
         "profissional|serio|neutro)"),
        "(?:um )?tom (?:mais |bem )?(?:formal|profissional|serio|neutro)",
    ),
    "target:tone_casual": (
        ("(?:um |uma |un |une |una )?(?:linguagem|registro) (?:mais |plus |piu |bem |tres |molto )?(?:informal|"
         "descontraido|leve|amigavel|casual)"),
        "(?:um )?tom (?:mais |bem )?(?:informal|descontraido|leve|amigavel|casual)",
    ),
    "target:address_formal": ("o senhor", "a senhora"),
    "target:address_informal": ("por tu", "tratar por tu"),
    "target:summary": ("resumao", "resumo", "versao curta", "versao resumida"),
    "target:text": ("textos", "texto", "palavras", "linhas"),
    "target:techdomain": ("informatica", "computador(?:es)?", "tecnologia", "programacao", "matematica"),
    "target:id_beginner": (
        "(?:uma )?crianca", "(?:um |uma |total |completamente )*(?:iniciante|principiante|novat[oa]|leig[oa]|aprendiz)",
        "nov[oa] (?:em|no|na|nisso)(?: \\w+)?",
    ),
    "target:id_expert": ("senior", "especialista", "veteran" + _O, "doutor(?:a)?", "doutorand" + _O, "experiente"),
    "target:explainbasic": (
        "mastigad" + _O, "explicar o basico", "me pegar pela mao",
        "explica(?:r|res|s)? (?:o que (?:e|sao|significa))", "me explicar o que (?:e|sao)",
    ),
    "comp:length=concise": (
        "mais diret[oa]s?",
    ),
    "effect": (
        "pra ficar", "para ficar", "pra deixar", "para deixar", "torna", "que fica",
    ),
}
