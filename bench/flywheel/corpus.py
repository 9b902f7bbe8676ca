"""What the fake assistant knows: twelve topics, each written in English, German and Spanish.

Every reply the fake LLM writes is assembled from these sentences plus a few framing lines (the
preamble and the closing), so every sentence has a known translation. The simulated user's
"translation" is a lookup in the same table, the way a bilingual reader would translate a reply.

Content sentences are written to be neutral on every style axis the benchmark measures: no
contractions, no formal connectives, no "X is a Y that" definitions and no "in simple terms"
explanations. Style lives only in the framing lines, the basics sentences and the layout, so an
edit changes exactly the dimension the user meant to change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

LANGUAGES = ("en", "de", "es")

#: The default opening: a filler line any assistant might start with.
PREAMBLE: Mapping[str, str] = {
    "en": "Great question! Here's an overview:",
    "de": "Gute Frage! Hier ist ein Überblick:",
    "es": "¡Buena pregunta! Aquí tienes un resumen:",
}

#: One closing line per register; the formal one is the assistant's default (neutral-formal tone).
CLOSING: Mapping[str, Mapping[str, str]] = {
    "formal": {
        "en": "Please note that it is advisable to test this carefully.",
        "de": "Darüber hinaus empfehle ich Ihnen, dies sorgfältig zu testen.",
        "es": "Asimismo, le recomiendo a usted probarlo con cuidado.",
    },
    "casual": {
        "en": "Honestly, it's pretty easy once you've tried it!",
        "de": "Ist echt easy, probier es einfach mal aus, du schaffst das!",
        "es": "¡Es súper fácil, pruébalo tú mismo y verás!",
    },
}

#: The two emoji the default style uses: one after the first point, one after the closing.
EMOJI_POINT = "🚀"
EMOJI_CLOSING = "✨"


@dataclass(frozen=True)
class Topic:
    """One question and everything the assistant may say about it, per language."""

    key: str
    question: str
    """Always asked in English (a German reader may still ask in English)."""
    technical: bool
    """Technical topics come with a code block; a code preference only applies to them."""
    basics: Mapping[str, tuple[str, str]]
    """Per language: a plain-words explanation and an analogy (what an expert would skip)."""
    points: Mapping[str, tuple[tuple[str, str], ...]]
    """Per language: four (key fact, elaboration) pairs."""
    code: str | None = None


TOPICS: tuple[Topic, ...] = (
    Topic(
        key="decorators",
        question="How do Python decorators work?",
        technical=True,
        basics={
            "en": ("In simple terms, a decorator wraps one function inside another function.",
                   "Think of it as gift wrapping around a present."),
            "de": ("Einfach gesagt umhüllt ein Decorator eine Funktion mit einer anderen Funktion.",
                   "Im Grunde funktioniert das wie Geschenkpapier um ein Geschenk."),
            "es": ("En términos simples, un decorador envuelve una función dentro de otra función.",
                   "Básicamente, funciona como papel de regalo alrededor de un obsequio."),
        },
        points={
            "en": (
                ("A decorator takes a function and returns a new function.",
                 "This lets you add logging or timing without touching the original code."),
                ("The @ syntax simply reassigns the name of the decorated function.",
                 "Writing @timer above a function equals the line func = timer(func)."),
                ("Use functools.wraps inside every decorator you write.",
                 "This keeps the name and docstring of the wrapped function intact."),
                ("Decorators can also accept their own arguments.",
                 "In that case you need one extra layer of nested functions."),
            ),
            "de": (
                ("Ein Decorator nimmt eine Funktion entgegen und gibt eine neue Funktion zurück.",
                 "So lassen sich Logging oder Zeitmessung ergänzen, ohne den ursprünglichen Code zu ändern."),
                ("Die @-Syntax weist den Namen der dekorierten Funktion einfach neu zu.",
                 "Die Zeile @timer über einer Funktion entspricht func = timer(func)."),
                ("In jedem Decorator sollte functools.wraps zum Einsatz kommen.",
                 "Damit bleiben Name und Docstring der umhüllten Funktion erhalten."),
                ("Decorators können auch eigene Argumente annehmen.",
                 "Dann braucht man eine zusätzliche Ebene verschachtelter Funktionen."),
            ),
            "es": (
                ("Un decorador recibe una función y devuelve una función nueva.",
                 "Así se puede añadir registro o medición de tiempo sin tocar el código original."),
                ("La sintaxis @ simplemente reasigna el nombre de la función decorada.",
                 "Escribir @timer encima de una función equivale a func = timer(func)."),
                ("Conviene usar functools.wraps en cada decorador.",
                 "Así se conservan el nombre y la documentación de la función envuelta."),
                ("Los decoradores también pueden aceptar sus propios argumentos.",
                 "En ese caso hace falta una capa extra de funciones anidadas."),
            ),
        },
        code=(
            "```python\n"
            "import functools, time\n"
            "\n"
            "def timer(func):\n"
            "    @functools.wraps(func)\n"
            "    def wrapper(*args, **kwargs):\n"
            "        start = time.perf_counter()\n"
            "        result = func(*args, **kwargs)\n"
            "        print(f\"{func.__name__} took {time.perf_counter() - start:.3f}s\")\n"
            "        return result\n"
            "    return wrapper\n"
            "```"
        ),
    ),
    Topic(
        key="tcp",
        question="What happens during the TCP handshake?",
        technical=True,
        basics={
            "en": ("In simple terms, the handshake lets two computers agree to start talking.",
                   "Think of it as two people saying hello before a phone call."),
            "de": ("Einfach gesagt vereinbaren zwei Rechner mit dem Handshake den Beginn eines Gesprächs.",
                   "Im Grunde funktioniert das wie eine Begrüßung vor einem Telefonat."),
            "es": ("En términos simples, el handshake permite que dos ordenadores acuerden empezar a hablar.",
                   "Básicamente, funciona como dos personas que se saludan antes de una llamada."),
        },
        points={
            "en": (
                ("The client opens with a SYN segment carrying its initial sequence number.",
                 "This number lets both sides track every byte sent later."),
                ("The server answers with SYN-ACK and its own sequence number.",
                 "The acknowledgement confirms that the client number arrived safely."),
                ("The client completes the exchange with a final ACK.",
                 "From this moment both directions can carry application data."),
                ("The whole exchange costs one round trip before data flows.",
                 "TLS adds further round trips on top, so connection reuse matters."),
            ),
            "de": (
                ("Der Client beginnt mit einem SYN-Segment samt seiner Startsequenznummer.",
                 "Mit dieser Nummer verfolgen beide Seiten jedes später gesendete Byte."),
                ("Der Server antwortet mit SYN-ACK und einer eigenen Sequenznummer.",
                 "Die Bestätigung zeigt, dass die Nummer des Clients angekommen ist."),
                ("Der Client schließt den Austausch mit einem letzten ACK ab.",
                 "Ab diesem Moment können beide Richtungen Anwendungsdaten übertragen."),
                ("Der gesamte Austausch kostet eine Paketumlaufzeit, bevor Daten fließen.",
                 "TLS fügt weitere Umläufe hinzu, deshalb lohnt sich die Wiederverwendung von Verbindungen."),
            ),
            "es": (
                ("El cliente abre con un segmento SYN que lleva su número de secuencia inicial.",
                 "Este número permite a ambos lados seguir cada byte enviado después."),
                ("El servidor responde con SYN-ACK y su propio número de secuencia.",
                 "La confirmación indica que el número del cliente llegó bien."),
                ("El cliente completa el intercambio con un ACK final.",
                 "Desde ese momento ambas direcciones pueden transportar datos de la aplicación."),
                ("Todo el intercambio cuesta un viaje de ida y vuelta antes de enviar datos.",
                 "TLS añade más viajes encima, por eso conviene reutilizar las conexiones."),
            ),
        },
        code=(
            "```python\n"
            "import socket\n"
            "\n"
            "# create_connection() performs the SYN, SYN-ACK, ACK exchange\n"
            "with socket.create_connection((\"example.com\", 80), timeout=5) as conn:\n"
            "    conn.sendall(b\"HEAD / HTTP/1.1\\r\\nHost: example.com\\r\\n\\r\\n\")\n"
            "    print(conn.recv(200))\n"
            "```"
        ),
    ),
    Topic(
        key="sql-joins",
        question="How do SQL joins work?",
        technical=True,
        basics={
            "en": ("In simple terms, a join combines rows from two tables that share a value.",
                   "Think of it as matching name tags between two guest lists."),
            "de": ("Einfach gesagt verbindet ein Join Zeilen aus zwei Tabellen mit einem gemeinsamen Wert.",
                   "Im Grunde funktioniert das wie der Abgleich zweier Gästelisten."),
            "es": ("En términos simples, un join combina filas de dos tablas que comparten un valor.",
                   "Básicamente, funciona como cruzar los nombres de dos listas de invitados."),
        },
        points={
            "en": (
                ("An inner join keeps only rows with a match on both sides.",
                 "Rows without a partner simply disappear from the result."),
                ("A left join keeps every row from the left table.",
                 "Missing values from the right table show up as NULL."),
                ("The ON clause decides which columns must match.",
                 "Joining on indexed keys keeps large queries fast."),
                ("Several joins can be chained in one query.",
                 "Each extra join multiplies the work, so check the query plan."),
            ),
            "de": (
                ("Ein Inner Join behält nur Zeilen mit einem Treffer auf beiden Seiten.",
                 "Zeilen ohne Partner verschwinden einfach aus dem Ergebnis."),
                ("Ein Left Join behält jede Zeile der linken Tabelle.",
                 "Fehlende Werte der rechten Tabelle erscheinen als NULL."),
                ("Die ON-Klausel legt fest, welche Spalten übereinstimmen müssen.",
                 "Joins über indizierte Schlüssel halten große Abfragen schnell."),
                ("Mehrere Joins lassen sich in einer Abfrage verketten.",
                 "Jeder weitere Join vervielfacht den Aufwand, also lohnt ein Blick in den Abfrageplan."),
            ),
            "es": (
                ("Un inner join conserva solo las filas con coincidencia en ambos lados.",
                 "Las filas sin pareja desaparecen del resultado."),
                ("Un left join conserva todas las filas de la tabla izquierda.",
                 "Los valores que faltan de la tabla derecha aparecen como NULL."),
                ("La cláusula ON decide qué columnas deben coincidir.",
                 "Unir por claves indexadas mantiene rápidas las consultas grandes."),
                ("Se pueden encadenar varios joins en una misma consulta.",
                 "Cada join extra multiplica el trabajo, así que conviene revisar el plan de ejecución."),
            ),
        },
        code=(
            "```sql\n"
            "SELECT o.id, c.name\n"
            "FROM orders AS o\n"
            "LEFT JOIN customers AS c ON c.id = o.customer_id\n"
            "WHERE o.created_at >= '2024-01-01';\n"
            "```"
        ),
    ),
    Topic(
        key="git-rebase",
        question="When should I use git rebase?",
        technical=True,
        basics={
            "en": ("In simple terms, rebase replays your commits on top of another branch.",
                   "Think of it as moving a stack of sticky notes onto a newer page."),
            "de": ("Einfach gesagt spielt Rebase die eigenen Commits auf einem anderen Branch neu ab.",
                   "Im Grunde funktioniert das wie das Umkleben eines Zettelstapels auf eine neuere Seite."),
            "es": ("En términos simples, rebase vuelve a aplicar los commits propios sobre otra rama.",
                   "Básicamente, funciona como mover un montón de notas adhesivas a una página más nueva."),
        },
        points={
            "en": (
                ("Rebase a feature branch to pick up the latest main branch.",
                 "The history stays linear and simple to read in reviews."),
                ("Interactive rebase lets you squash and reorder commits.",
                 "Clean up work in progress before you open a pull request."),
                ("Never rebase commits that others already pulled.",
                 "Rewritten history forces everyone else to repair their branches."),
                ("Prefer merge for long-lived shared branches.",
                 "A merge commit records exactly when two lines of work came together."),
            ),
            "de": (
                ("Ein Feature-Branch lässt sich per Rebase auf den neuesten Main-Branch bringen.",
                 "Die Historie bleibt linear und in Reviews leicht lesbar."),
                ("Interaktives Rebase fasst Commits zusammen und ordnet sie neu.",
                 "So lässt sich Zwischenstand aufräumen, bevor ein Pull Request entsteht."),
                ("Commits, die andere schon gezogen haben, sollte man nie umschreiben.",
                 "Eine umgeschriebene Historie zwingt alle anderen, ihre Branches zu reparieren."),
                ("Für langlebige gemeinsame Branches passt Merge besser.",
                 "Ein Merge-Commit hält genau fest, wann zwei Arbeitsstränge zusammenkamen."),
            ),
            "es": (
                ("Conviene hacer rebase de una rama de trabajo para recoger la rama principal más reciente.",
                 "El historial queda lineal y fácil de leer en las revisiones."),
                ("El rebase interactivo permite combinar y reordenar commits.",
                 "Así se limpia el trabajo a medias antes de abrir un pull request."),
                ("Nunca conviene reescribir commits que otros ya descargaron.",
                 "Un historial reescrito obliga a los demás a reparar sus ramas."),
                ("Para ramas compartidas de larga duración encaja mejor merge.",
                 "Un commit de merge registra exactamente cuándo se unieron dos líneas de trabajo."),
            ),
        },
        code=(
            "```bash\n"
            "git fetch origin\n"
            "git rebase origin/main\n"
            "git rebase -i HEAD~3   # squash or reorder the last three commits\n"
            "```"
        ),
    ),
    Topic(
        key="docker",
        question="How do Docker containers differ from virtual machines?",
        technical=True,
        basics={
            "en": ("In simple terms, a container packages an app with everything it needs to run.",
                   "Think of it as a lunchbox that holds a complete meal."),
            "de": ("Einfach gesagt verpackt ein Container eine Anwendung mit allem, was sie zum Laufen braucht.",
                   "Im Grunde funktioniert das wie eine Brotdose mit einer kompletten Mahlzeit."),
            "es": ("En términos simples, un contenedor empaqueta una aplicación con todo lo necesario para funcionar.",
                   "Básicamente, funciona como una fiambrera con una comida completa."),
        },
        points={
            "en": (
                ("Containers share the host kernel instead of booting their own.",
                 "They start in seconds and use far less memory than virtual machines."),
                ("Images are built in layers from a Dockerfile.",
                 "Unchanged layers come from the cache, so rebuilds stay quick."),
                ("Each container gets an isolated filesystem and network.",
                 "Volumes keep data alive after the container stops."),
                ("Virtual machines still give stronger isolation between tenants.",
                 "Pick them when untrusted workloads share the same hardware."),
            ),
            "de": (
                ("Container teilen sich den Kernel des Hosts, statt einen eigenen zu starten.",
                 "Sie starten in Sekunden und brauchen viel weniger Speicher als virtuelle Maschinen."),
                ("Images entstehen schichtweise aus einem Dockerfile.",
                 "Unveränderte Schichten kommen aus dem Cache, also bleiben Neubauten schnell."),
                ("Jeder Container erhält ein isoliertes Dateisystem und Netzwerk.",
                 "Volumes bewahren Daten auch nach dem Stopp des Containers auf."),
                ("Virtuelle Maschinen isolieren Mandanten weiterhin stärker.",
                 "Sie eignen sich, wenn nicht vertrauenswürdige Workloads dieselbe Hardware teilen."),
            ),
            "es": (
                ("Los contenedores comparten el kernel del host en lugar de arrancar uno propio.",
                 "Arrancan en segundos y usan mucha menos memoria que las máquinas virtuales."),
                ("Las imágenes se construyen por capas a partir de un Dockerfile.",
                 "Las capas sin cambios salen de la caché, así que reconstruir es rápido."),
                ("Cada contenedor recibe un sistema de archivos y una red aislados.",
                 "Los volúmenes conservan los datos cuando el contenedor se detiene."),
                ("Las máquinas virtuales siguen aislando mejor a distintos clientes.",
                 "Convienen cuando cargas de trabajo no confiables comparten el mismo hardware."),
            ),
        },
        code=(
            "```dockerfile\n"
            "FROM python:3.11-slim\n"
            "WORKDIR /app\n"
            "COPY requirements.txt .\n"
            "RUN pip install -r requirements.txt\n"
            "COPY . .\n"
            "CMD [\"python\", \"app.py\"]\n"
            "```"
        ),
    ),
    Topic(
        key="recursion",
        question="How does recursion work?",
        technical=True,
        basics={
            "en": ("In simple terms, a recursive function solves a problem by calling itself on a smaller piece.",
                   "Think of it as a set of nesting dolls, each holding a smaller one."),
            "de": ("Einfach gesagt löst eine rekursive Funktion ein Problem, indem sie sich selbst mit einem kleineren Teil aufruft.",
                   "Im Grunde funktioniert das wie eine Matrjoschka mit immer kleineren Puppen."),
            "es": ("En términos simples, una función recursiva resuelve un problema llamándose a sí misma con una parte más pequeña.",
                   "Básicamente, funciona como unas muñecas rusas, cada una con otra más pequeña dentro."),
        },
        points={
            "en": (
                ("Every recursive function needs a base case that stops the calls.",
                 "Without it the calls continue until the stack overflows."),
                ("Each call works on a smaller input than the one before.",
                 "This guarantees progress toward the base case."),
                ("Each pending call waits on the call stack.",
                 "Deep recursion in Python hits the default limit of about a thousand frames."),
                ("Many recursive solutions also have an iterative version.",
                 "A loop with an explicit stack avoids the depth limit entirely."),
            ),
            "de": (
                ("Jede rekursive Funktion braucht einen Basisfall, der die Aufrufe beendet.",
                 "Ohne ihn laufen die Aufrufe weiter, bis der Stack überläuft."),
                ("Jeder Aufruf arbeitet mit einer kleineren Eingabe als der vorherige.",
                 "Das garantiert den Fortschritt in Richtung Basisfall."),
                ("Jeder offene Aufruf wartet auf dem Aufrufstapel.",
                 "Tiefe Rekursion stößt in Python an das Standardlimit von etwa tausend Ebenen."),
                ("Viele rekursive Lösungen haben auch eine iterative Variante.",
                 "Eine Schleife mit explizitem Stapel umgeht das Tiefenlimit vollständig."),
            ),
            "es": (
                ("Toda función recursiva necesita un caso base que detenga las llamadas.",
                 "Sin él las llamadas siguen hasta que la pila se desborda."),
                ("Cada llamada trabaja con una entrada más pequeña que la anterior.",
                 "Esto garantiza el avance hacia el caso base."),
                ("Cada llamada pendiente espera en la pila de llamadas.",
                 "La recursión profunda en Python choca con el límite por defecto de unos mil niveles."),
                ("Muchas soluciones recursivas también tienen una versión iterativa.",
                 "Un bucle con una pila explícita evita por completo el límite de profundidad."),
            ),
        },
        code=(
            "```python\n"
            "def factorial(n: int) -> int:\n"
            "    if n <= 1:          # base case\n"
            "        return 1\n"
            "    return n * factorial(n - 1)\n"
            "```"
        ),
    ),
    Topic(
        key="http-caching",
        question="How does HTTP caching work?",
        technical=True,
        basics={
            "en": ("In simple terms, caching keeps a copy of a response so the next request gets faster.",
                   "Think of it as keeping a printed map instead of asking for directions again."),
            "de": ("Einfach gesagt speichert ein Cache eine Kopie der Antwort, damit die nächste Anfrage schneller geht.",
                   "Im Grunde funktioniert das wie eine gedruckte Karte statt erneuter Wegbeschreibungen."),
            "es": ("En términos simples, la caché guarda una copia de la respuesta para que la siguiente petición sea más rápida.",
                   "Básicamente, funciona como guardar un mapa impreso en lugar de volver a preguntar el camino."),
        },
        points={
            "en": (
                ("The Cache-Control header tells clients how long a response stays fresh.",
                 "A max-age of 3600 allows reuse for one hour."),
                ("ETags let a client check whether its copy changed.",
                 "The server answers 304 Not Modified with an empty body."),
                ("Shared caches such as CDNs serve many users at once.",
                 "Mark personal data as private so only the browser keeps it."),
                ("Versioned file names make aggressive caching safe.",
                 "A new deploy changes the name, so stale copies never load."),
            ),
            "de": (
                ("Der Header Cache-Control legt fest, wie lange eine Antwort frisch bleibt.",
                 "Ein max-age von 3600 erlaubt die Wiederverwendung für eine Stunde."),
                ("Mit ETags prüft ein Client, ob sich seine Kopie geändert hat.",
                 "Der Server antwortet dann mit 304 Not Modified und leerem Rumpf."),
                ("Gemeinsame Caches wie CDNs bedienen viele Nutzer gleichzeitig.",
                 "Persönliche Daten gehören als private markiert, damit nur der Browser sie speichert."),
                ("Versionierte Dateinamen machen aggressives Caching sicher.",
                 "Ein neues Deployment ändert den Namen, also lädt nie eine veraltete Kopie."),
            ),
            "es": (
                ("La cabecera Cache-Control indica cuánto tiempo una respuesta sigue siendo válida.",
                 "Un max-age de 3600 permite reutilizarla durante una hora."),
                ("Con ETags un cliente comprueba si su copia ha cambiado.",
                 "El servidor responde 304 Not Modified con el cuerpo vacío."),
                ("Las cachés compartidas como las CDN atienden a muchos usuarios a la vez.",
                 "Los datos personales deben marcarse como privados para que solo el navegador los guarde."),
                ("Los nombres de archivo con versión hacen seguro el cacheo agresivo.",
                 "Un nuevo despliegue cambia el nombre, así que nunca se cargan copias viejas."),
            ),
        },
        code=(
            "```http\n"
            "HTTP/1.1 200 OK\n"
            "Cache-Control: public, max-age=3600\n"
            "ETag: \"v42\"\n"
            "```"
        ),
    ),
    Topic(
        key="sourdough",
        question="How do I bake sourdough bread?",
        technical=False,
        basics={
            "en": ("In simple terms, sourdough rises thanks to wild yeast living in a starter.",
                   "Think of it as a tiny pet that you feed with flour and water."),
            "de": ("Einfach gesagt geht Sauerteig dank wilder Hefen in einem Anstellgut auf.",
                   "Im Grunde funktioniert das wie ein kleines Haustier, das man mit Mehl und Wasser füttert."),
            "es": ("En términos simples, la masa madre sube gracias a levaduras salvajes que viven en un fermento.",
                   "Básicamente, funciona como una pequeña mascota que se alimenta con harina y agua."),
        },
        points={
            "en": (
                ("Feed the starter until it doubles within six hours.",
                 "A lively starter smells pleasantly sour and shows many bubbles."),
                ("Mix flour, water and salt, then add some starter.",
                 "A hydration of about seventy percent suits a first loaf."),
                ("Let the dough ferment slowly with a few folds.",
                 "An overnight rest in the fridge deepens the flavour."),
                ("Bake in a preheated pot at a high temperature.",
                 "The lid traps steam, which gives the crust its shine."),
            ),
            "de": (
                ("Das Anstellgut wird gefüttert, bis es sich binnen sechs Stunden verdoppelt.",
                 "Ein aktives Anstellgut riecht angenehm säuerlich und zeigt viele Blasen."),
                ("Mehl, Wasser und Salz werden vermischt, dann kommt etwas Anstellgut dazu.",
                 "Eine Hydration von etwa siebzig Prozent passt gut für das erste Brot."),
                ("Der Teig gärt langsam und wird dabei einige Male gefaltet.",
                 "Eine Nacht im Kühlschrank vertieft den Geschmack."),
                ("Gebacken wird in einem vorgeheizten Topf bei hoher Temperatur.",
                 "Der Deckel hält den Dampf, der die Kruste glänzen lässt."),
            ),
            "es": (
                ("Hay que alimentar el fermento hasta que doble su tamaño en seis horas.",
                 "Un fermento activo huele agradablemente ácido y muestra muchas burbujas."),
                ("Se mezclan harina, agua y sal, y luego se añade algo de fermento.",
                 "Una hidratación de un setenta por ciento va bien para el primer pan."),
                ("La masa fermenta despacio con algunos pliegues.",
                 "Una noche en la nevera intensifica el sabor."),
                ("Se hornea en una olla precalentada a alta temperatura.",
                 "La tapa retiene el vapor, que da brillo a la corteza."),
            ),
        },
    ),
    Topic(
        key="compound-interest",
        question="How does compound interest work?",
        technical=False,
        basics={
            "en": ("In simple terms, compound interest means you earn interest on your earlier interest.",
                   "Think of it as a snowball that grows faster as it rolls."),
            "de": ("Einfach gesagt bringt Zinseszins Zinsen auf bereits verdiente Zinsen.",
                   "Im Grunde funktioniert das wie ein Schneeball, der beim Rollen immer schneller wächst."),
            "es": ("En términos simples, el interés compuesto genera intereses sobre los intereses anteriores.",
                   "Básicamente, funciona como una bola de nieve que crece más rápido mientras rueda."),
        },
        points={
            "en": (
                ("Interest gets added to the balance at regular intervals.",
                 "The next period then pays interest on a larger amount."),
                ("Time matters more than the exact rate.",
                 "Starting ten years earlier can roughly double the final amount."),
                ("The rule of 72 estimates the doubling time.",
                 "Divide 72 by the yearly rate to get the number of years."),
                ("Fees compound in the same way as returns.",
                 "A one percent yearly fee can eat a quarter of long-term gains."),
            ),
            "de": (
                ("Die Zinsen werden in festen Abständen dem Guthaben zugeschlagen.",
                 "Die nächste Periode verzinst dann einen größeren Betrag."),
                ("Die Zeit zählt mehr als der genaue Zinssatz.",
                 "Zehn Jahre früher anzufangen kann den Endbetrag ungefähr verdoppeln."),
                ("Die 72er-Regel schätzt die Verdopplungszeit.",
                 "Man teilt 72 durch den jährlichen Zinssatz und erhält die Zahl der Jahre."),
                ("Gebühren wachsen auf dieselbe Weise wie Erträge.",
                 "Eine jährliche Gebühr von einem Prozent kann ein Viertel der langfristigen Gewinne kosten."),
            ),
            "es": (
                ("Los intereses se suman al saldo a intervalos regulares.",
                 "El siguiente periodo paga intereses sobre una cantidad mayor."),
                ("El tiempo importa más que la tasa exacta.",
                 "Empezar diez años antes puede duplicar aproximadamente el importe final."),
                ("La regla del 72 estima el tiempo de duplicación.",
                 "Se divide 72 entre la tasa anual para obtener el número de años."),
                ("Las comisiones se acumulan igual que los rendimientos.",
                 "Una comisión anual del uno por ciento puede comerse una cuarta parte de las ganancias a largo plazo."),
            ),
        },
    ),
    Topic(
        key="photosynthesis",
        question="How does photosynthesis work?",
        technical=False,
        basics={
            "en": ("In simple terms, plants turn sunlight, water and air into sugar.",
                   "Think of it as a solar-powered kitchen inside every leaf."),
            "de": ("Einfach gesagt verwandeln Pflanzen Sonnenlicht, Wasser und Luft in Zucker.",
                   "Im Grunde funktioniert das wie eine solarbetriebene Küche in jedem Blatt."),
            "es": ("En términos simples, las plantas convierten luz solar, agua y aire en azúcar.",
                   "Básicamente, funciona como una cocina solar dentro de cada hoja."),
        },
        points={
            "en": (
                ("Chlorophyll in the chloroplasts absorbs red and blue light.",
                 "Green light bounces off, which gives leaves their colour."),
                ("The light reactions split water and release oxygen.",
                 "They also store energy in the molecules ATP and NADPH."),
                ("The Calvin cycle uses that energy to fix carbon dioxide.",
                 "The result feeds the plant and, through food chains, most life on land."),
                ("Heat, drought and low light all slow the process.",
                 "Many crops grow best within a narrow temperature range."),
            ),
            "de": (
                ("Chlorophyll in den Chloroplasten absorbiert rotes und blaues Licht.",
                 "Grünes Licht wird zurückgeworfen, deshalb erscheinen Blätter grün."),
                ("Die Lichtreaktionen spalten Wasser und setzen Sauerstoff frei.",
                 "Sie speichern außerdem Energie in den Molekülen ATP und NADPH."),
                ("Der Calvin-Zyklus nutzt diese Energie, um Kohlendioxid zu binden.",
                 "Das Ergebnis ernährt die Pflanze und über Nahrungsketten fast alles Leben an Land."),
                ("Hitze, Trockenheit und wenig Licht bremsen den Vorgang.",
                 "Viele Nutzpflanzen wachsen am besten in einem engen Temperaturbereich."),
            ),
            "es": (
                ("La clorofila de los cloroplastos absorbe luz roja y azul.",
                 "La luz verde se refleja, y por eso las hojas se ven verdes."),
                ("Las reacciones luminosas dividen el agua y liberan oxígeno.",
                 "También almacenan energía en las moléculas ATP y NADPH."),
                ("El ciclo de Calvin usa esa energía para fijar dióxido de carbono.",
                 "El resultado alimenta a la planta y, a través de las cadenas alimentarias, a casi toda la vida terrestre."),
                ("El calor, la sequía y la poca luz frenan el proceso.",
                 "Muchos cultivos crecen mejor dentro de un rango estrecho de temperatura."),
            ),
        },
    ),
    Topic(
        key="jet-lag",
        question="How can I beat jet lag?",
        technical=False,
        basics={
            "en": ("In simple terms, jet lag happens when your body clock disagrees with the local time.",
                   "Think of it as a wall clock that needs resetting after a trip."),
            "de": ("Einfach gesagt entsteht Jetlag, wenn die innere Uhr nicht zur Ortszeit passt.",
                   "Im Grunde funktioniert das wie eine Wanduhr, die nach der Reise neu gestellt werden muss."),
            "es": ("En términos simples, el jet lag aparece cuando el reloj interno no coincide con la hora local.",
                   "Básicamente, funciona como un reloj de pared que hay que ajustar después del viaje."),
        },
        points={
            "en": (
                ("Shift your sleep by an hour a day before the flight.",
                 "Move toward the destination time zone in small steps."),
                ("Seek bright morning light after flying east.",
                 "Light in the evening helps after flying west."),
                ("Keep naps short on the first day.",
                 "Twenty minutes refreshes you without stealing the night."),
                ("A small dose of melatonin at local bedtime can help.",
                 "Ask a doctor first if you take other medication."),
            ),
            "de": (
                ("Den Schlaf vor dem Flug täglich um eine Stunde verschieben.",
                 "So nähert man sich der Zeitzone des Ziels in kleinen Schritten."),
                ("Nach Flügen nach Osten hilft helles Morgenlicht.",
                 "Nach Flügen nach Westen hilft Licht am Abend."),
                ("Nickerchen am ersten Tag kurz halten.",
                 "Zwanzig Minuten erfrischen, ohne die Nacht zu rauben."),
                ("Eine kleine Dosis Melatonin zur örtlichen Schlafenszeit kann helfen.",
                 "Bei anderen Medikamenten vorher ärztlichen Rat einholen."),
            ),
            "es": (
                ("Conviene mover el sueño una hora al día antes del vuelo.",
                 "Así uno se acerca a la zona horaria de destino en pasos pequeños."),
                ("Tras volar hacia el este ayuda la luz intensa de la mañana.",
                 "Tras volar hacia el oeste ayuda la luz de la tarde."),
                ("Las siestas del primer día deben ser cortas.",
                 "Veinte minutos refrescan sin robar la noche."),
                ("Una dosis pequeña de melatonina a la hora local de dormir puede ayudar.",
                 "Con otros medicamentos conviene consultar antes a un médico."),
            ),
        },
    ),
    Topic(
        key="marathon",
        question="How should I train for my first marathon?",
        technical=False,
        basics={
            "en": ("In simple terms, marathon training teaches your body to run far at a gentle effort.",
                   "Think of it as building a house one brick at a time."),
            "de": ("Einfach gesagt bringt Marathontraining dem Körper bei, weite Strecken locker zu laufen.",
                   "Im Grunde funktioniert das wie ein Hausbau, Stein für Stein."),
            "es": ("En términos simples, el entrenamiento de maratón enseña al cuerpo a correr lejos con poco esfuerzo.",
                   "Básicamente, funciona como construir una casa ladrillo a ladrillo."),
        },
        points={
            "en": (
                ("Plan at least sixteen weeks of gradual build-up.",
                 "Raise the weekly distance by no more than ten percent."),
                ("Run most miles at a conversational pace.",
                 "Gentle running builds the aerobic base that carries you to the finish."),
                ("Add one long run every week.",
                 "Peak at about thirty-two kilometres three weeks before race day."),
                ("Practise race-day fuelling during the long runs.",
                 "Gels or sports drinks every forty minutes prevent hitting the wall."),
            ),
            "de": (
                ("Mindestens sechzehn Wochen mit schrittweisem Aufbau einplanen.",
                 "Den Wochenumfang um höchstens zehn Prozent steigern."),
                ("Die meisten Kilometer im Plaudertempo laufen.",
                 "Lockeres Laufen baut die aerobe Basis auf, die bis ins Ziel trägt."),
                ("Jede Woche einen langen Lauf einbauen.",
                 "Der längste Lauf mit etwa zweiunddreißig Kilometern liegt drei Wochen vor dem Rennen."),
                ("Die Verpflegung für den Wettkampf bei den langen Läufen üben.",
                 "Gels oder Sportgetränke alle vierzig Minuten verhindern den Einbruch."),
            ),
            "es": (
                ("Conviene planificar al menos dieciséis semanas de progresión gradual.",
                 "La distancia semanal no debería subir más de un diez por ciento."),
                ("La mayoría de los kilómetros se corren a ritmo de conversación.",
                 "Correr suave construye la base aeróbica que lleva hasta la meta."),
                ("Cada semana se añade una tirada larga.",
                 "El pico ronda los treinta y dos kilómetros tres semanas antes de la carrera."),
                ("Hay que practicar la alimentación de carrera en las tiradas largas.",
                 "Geles o bebidas deportivas cada cuarenta minutos evitan el muro."),
            ),
        },
    ),
)

TOPIC_BY_QUESTION: Mapping[str, Topic] = {t.question: t for t in TOPICS}


def _sentence_table() -> dict[str, dict[str, str]]:
    """Every known sentence (in any language) -> its versions by language."""
    units: list[dict[str, str]] = [dict(PREAMBLE), *(dict(v) for v in CLOSING.values())]
    for topic in TOPICS:
        for index in range(2):
            units.append({lang: topic.basics[lang][index] for lang in LANGUAGES})
        for point in range(len(topic.points["en"])):
            for part in range(2):
                units.append({lang: topic.points[lang][point][part] for lang in LANGUAGES})
    return {text: unit for unit in units for text in unit.values()}


#: Sentence -> {language: sentence}; longest first, so no sentence is replaced inside a longer one.
TRANSLATIONS: Mapping[str, Mapping[str, str]] = dict(
    sorted(_sentence_table().items(), key=lambda item: len(item[0]), reverse=True)
)

__all__ = [
    "CLOSING", "EMOJI_CLOSING", "EMOJI_POINT", "LANGUAGES", "PREAMBLE", "TOPICS",
    "TOPIC_BY_QUESTION", "TRANSLATIONS", "Topic",
]
