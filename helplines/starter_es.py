"""Spanish text for the starter helplines, by line slug (see
`helplines.starter`). `load_starter_helplines` writes it into the Spanish
fields that are still empty, so an admin's Spanish edits stay. Keys may be
left out where the English field is empty.
"""

LINES = {
    "988-lifeline": {
        "description": (
            "Apoyo gratuito y confidencial de un consejero de crisis capacitado, para "
            "cualquier persona con angustia emocional o pensamientos de suicidio, o que se "
            "preocupa por alguien. Llama o envía un mensaje de texto al 988, o chatea en el "
            "sitio web. Para español, marca 2 en la llamada o envía AYUDA por texto."
        ),
    },
    "crisis-text-line": {
        "description": (
            "Conversa por mensaje de texto con un voluntario capacitado en crisis, a "
            "cualquier hora y desde cualquier lugar de EE. UU. Envía AYUDA al 741741 para "
            "hablar en español."
        ),
    },
}
