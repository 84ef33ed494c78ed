"""Spanish text for the starter catalogue, by starter slug (see
`activities.starter`). `load_starter_catalogue` writes it into the Spanish
fields that are still empty, so an admin's Spanish edits stay.

Keys may be left out where the English field is empty. `links` and
`messages` follow the English ones in the same order and number.
"""

# Tag slug -> Spanish name.
TAGS = {
    "online": "En línea",
    "low-talk": "Con poca conversación",
}

ACTIVITIES = {
    "watch-something-with-people-in-it": {
        "title": "Mira algo donde salga gente",
        "summary": (
            "Un programa, un video o un pódcast con personas que conversan también es compañía."
        ),
        "body": (
            "Si llevas tiempo sin ver a nadie, empieza por lo más fácil: pon algo donde "
            "la gente hable entre sí. Un programa de entrevistas, un video de cocina o una "
            "serie que ya te sabes de memoria.\n\n"
            "No reemplaza a las amistades, y no tiene por qué. Es una forma suave de volver "
            "a oír voces y ver caras mientras descansas."
        ),
        "first_step": "Pon un episodio o un video donde haya gente conversando.",
        "why_it_helps": (
            "Oír a otras personas puede aliviar la sensación de aislamiento, y no te pide nada."
        ),
    },
    "send-a-short-text": {
        "title": "Mándale un mensaje corto a alguien",
        "summary": "Unas pocas palabras a una persona. No tienes que explicar cómo estás.",
        "body": (
            "Elige a alguien que suela ser amable contigo: una amistad, un primo, una "
            "vecina, alguien del trabajo de antes. Escríbele una línea, aunque sea sobre "
            "cualquier cosa.\n\n"
            "Si no te contesta enseguida, es por su día, no por ti."
        ),
        "first_step": "Elige a una persona y mándale una sola línea.",
        "why_it_helps": (
            "Un intercambio pequeño mantiene viva la relación y hace más fácil seguir después."
        ),
        "messages": (
            "¡Hola! Me acordé de ti. ¿Cómo te ha ido esta semana?",
            "Oye, no hace falta que contestes rápido. Solo quería saludarte.",
            "Hoy vi algo que me hizo pensar en ti. Espero que estés bien.",
        ),
    },
}
