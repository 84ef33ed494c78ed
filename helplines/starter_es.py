"""Spanish text of the starter helplines (helplines/starter.py).

Pure data, keyed by the slugs of the published starter lines: lines that
still need checking, and closed ones, are never shown, so they have no
Spanish text. A field appears only where the English one is filled in.
Names of lines and of the organizations that run them stay as they are, as
do numbers and the words to text (HOME, AYUDA). Written in US Spanish, plain
and warm, with tú (docs/translation.md).
"""

LINES = {
    "988-lifeline": {
        "description": (
            "Apoyo gratis y confidencial de un consejero de crisis capacitado, para cualquier "
            "persona con angustia emocional o que piensa en el suicidio, o que está preocupada "
            "por alguien más. Llama o envía un mensaje de texto al 988, o chatea en el sitio "
            "web. Para español, marca 2 en la llamada o envía AYUDA por mensaje de texto."
        ),
    },
    "crisis-text-line": {
        "description": (
            "Escríbele por mensaje de texto a un consejero de crisis voluntario y capacitado, "
            "a cualquier hora, desde cualquier lugar de EE. UU. Lo habitual es empezar con "
            "HOME, pero sirve cualquier primer mensaje. Para español, envía AYUDA, o escribe "
            "por WhatsApp al 442-AYUDAME."
        ),
    },
    "veterans-crisis-line": {
        "description": (
            "Para veteranos, militares en servicio y las personas que los cuidan, usen o no "
            "los servicios de salud de VA. Marca 988 y luego 1, envía un mensaje de texto al "
            "838255 o chatea en línea."
        ),
    },
    "nami-helpline": {
        "description": (
            "Una línea gratis de apoyo entre pares para todo el país, de NAMI (Alianza "
            "Nacional sobre Enfermedades Mentales). Personal y voluntarios capacitados te "
            "escuchan, responden tus preguntas sobre salud mental y te orientan hacia "
            "recursos. No es una línea de crisis: en una crisis, llama o envía un mensaje de "
            "texto al 988."
        ),
    },
    "samhsa-national-helpline": {
        "description": (
            "Información y referencias gratis y confidenciales a tratamiento, grupos de apoyo "
            "y servicios de tu comunidad, para la salud mental y el consumo de sustancias. "
            "Atiende en inglés y en español. No ofrece consejería. También puedes enviar tu "
            "código postal (ZIP) por mensaje de texto al 435748 para encontrar ayuda cerca de "
            "ti."
        ),
    },
    "california-peer-run-warm-line": {
        "description": (
            "Consejeros que han vivido problemas de salud mental te escuchan por teléfono, "
            "mensaje de texto o chat en la web, antes de que las cosas lleguen a una crisis. "
            "La administra la Mental Health Association of San Francisco."
        ),
        "hours_note": (
            "El estado recortó sus fondos en 2025 y despidieron a muchos consejeros, así que "
            "quizás tengas que esperar o volver a llamar."
        ),
        "restrictions": "Hasta tres llamadas al día.",
    },
    "north-carolina-peer-warmline": {
        "description": (
            "Especialistas en apoyo entre pares, que viven su propia recuperación de una "
            "enfermedad mental o del consumo de sustancias, te escuchan y comparten recursos. "
            "La administra para el estado Promise Resource Network, una organización dirigida "
            "por personas con experiencia propia."
        ),
        "restrictions": (
            "En Carolina del Norte también puedes llamar o enviar un mensaje de texto al 988 y "
            "pedir hablar con una persona con experiencia propia."
        ),
    },
    "florida-warm-line": {
        "description": (
            "Una línea estatal para el estrés, la preocupación o los días bajos, atendida por "
            "especialistas capacitados que han pasado por sus propias dificultades de salud "
            "mental. No es una línea de crisis. La administra la Peer Support Coalition of "
            "Florida."
        ),
        "hours_note": (
            "Todos los días del año, de 4 p. m. a 10 p. m. La fuente no dice en qué zona horaria."
        ),
    },
    "michigan-peer-warmline": {
        "description": (
            "Especialistas certificados en apoyo entre pares, con su propia experiencia de "
            "problemas de salud mental, atienden llamadas de personas que viven con ansiedad, "
            "depresión o trauma. La creó el departamento de salud del estado."
        ),
    },
    "georgia-peer2peer-warm-line": {
        "description": (
            "Personas capacitadas con experiencia propia, de la Georgia Mental Health Consumer "
            "Network, una organización sin fines de lucro dirigida por pares, te escuchan con "
            "amabilidad. Si necesitas más ayuda, pueden conectarte con el 988 o con la Georgia "
            "Crisis and Access Line."
        ),
    },
    "montana-warmline": {
        "description": (
            "Una línea gratis y confidencial, atendida por personas que han vivido problemas de "
            "salud mental, para cualquiera que solo necesite hablar con alguien. La administra "
            "Mental Health America of Montana; también puedes chatear en su sitio web durante "
            "el horario de atención."
        ),
        "hours_note": "Este es el horario que se anunció en abril de 2020.",
    },
    "oregon-warmline": {
        "description": (
            "Una línea dirigida por completo por pares: quienes contestan no son profesionales "
            "clínicos, sino personas que han pasado por dificultades de salud mental y están "
            "capacitadas para escuchar sin juzgar. La administra Community Counseling "
            "Solutions."
        ),
        "hours_note": (
            "Abierta las 24 horas desde marzo de 2023; los recortes de fondos pueden haber "
            "reducido el horario."
        ),
    },
    "maine-peer-support-line": {
        "description": (
            "Habla con un especialista en apoyo entre pares, capacitado y con su propia "
            "experiencia de recuperación en salud mental, cuando necesites hablar pero no "
            "estés en crisis. Antes se llamaba Intentional Warm Line; la administra Sweetser."
        ),
        "restrictions": "Para personas adultas, de 18 años o más.",
    },
    "sqsh-peer-support-line": {
        "description": (
            "Apoyo gratis y confidencial de consejeros pares capacitados, que afirman a las "
            "personas LGBTQIA+. La administra la comunidad queer de St. Louis, para su propia "
            "comunidad. Recibe llamadas de cualquier lugar."
        ),
        "hours_note": (
            "Número local: 314-380-7774. También puedes pedir en línea que te devuelvan la llamada."
        ),
        "restrictions": (
            "Si llamas desde fuera de St. Louis, te escuchan igual; quizás te ayuden a buscar "
            "recursos donde vives."
        ),
    },
    "metro-boston-peer-support-line": {
        "description": (
            "Una línea para escucharte y darte recursos, atendida solo por personas que han "
            "vivido problemas de salud mental. La administra la Metro Boston Recovery Learning "
            "Community."
        ),
    },
    "nj-connect-for-recovery": {
        "description": (
            "Una línea para personas que enfrentan el consumo de sustancias, y para sus "
            "familias. Especialistas pares con su propia experiencia de recuperación, o "
            "consejeros en adicciones, te escuchan y te ayudan a encontrar tratamiento. La "
            "administra la Mental Health Association in New Jersey."
        ),
        "hours_note": (
            "Días festivos, de 3 p. m. a 10 p. m. Las llamadas fuera de horario se devuelven "
            "en menos de un día."
        ),
    },
    "nyc-well": {
        "description": (
            "La línea de salud mental gratis y confidencial de la ciudad de Nueva York. Puedes "
            "pedir hablar con un especialista par certificado en lugar de un consejero. "
            "También atiende crisis, y las llamadas al 988 desde códigos de área de la ciudad "
            "llegan a esta línea."
        ),
        "restrictions": (
            "Sobre todo para personas en la ciudad de Nueva York. Hay intérpretes en más de "
            "200 idiomas."
        ),
    },
    "nevada-teen-peer-text-line": {
        "description": (
            "Una línea de mensajes de texto para jóvenes, atendida por adultos jóvenes "
            "capacitados que saben lo que es pasarla mal. La administra NAMI Western Nevada. "
            "No es una línea de crisis."
        ),
        "restrictions": "Para jóvenes de 14 a 24 años.",
    },
    "lancaster-county-warmline": {
        "description": (
            "Una línea dirigida por pares en el condado de Lancaster, atendida por voluntarios "
            "que te dan apoyo emocional cuando quieres hablar."
        ),
        "restrictions": (
            "Es una línea del condado; la fuente no dice si atiende llamadas de otros lugares."
        ),
    },
    "delaware-hope-line": {
        "description": (
            "Una línea del estado para la ansiedad, el ánimo bajo o cualquier necesidad de "
            "salud conductual. Según el estado, quienes contestan han vivido experiencias "
            "parecidas a las de quienes llaman, y pueden conectarte con más ayuda, incluidos "
            "los servicios de crisis."
        ),
        "restrictions": "Las letras del número forman 1-833-9-HOPEDE.",
    },
    "clifford-beers-warm-line": {
        "description": (
            "Especialistas en apoyo entre pares capacitados de Clifford Beers, una clínica de "
            "New Haven, te escuchan y te ayudan a encontrar recursos. Abrió en 2020 como una "
            "'línea de compasión' (compassion line)."
        ),
    },
    "illinois-warm-line": {
        "description": (
            "Apoyo de pares y de familiares por teléfono, de personas que han pasado por su "
            "propia recuperación en salud mental o por la de un ser querido. Hay intérpretes "
            "disponibles."
        ),
        "hours_note": "En el menú del teléfono, marca 2 y luego 5 para la Warm Line.",
    },
}
