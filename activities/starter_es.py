"""Spanish text of the starter catalogue (activities/starter.py).

Pure data, keyed by the English entries' slugs: `TAGS` gives each tag's
Spanish name, `ACTIVITIES` each activity's Spanish fields, and `FEELINGS` the
Spanish search words for each group of English ones in `starter.FEELINGS`. Link labels and
ready-to-send messages are in the same order, and of the same number, as the
English ones, so they can be matched by position. Service and product names
stay as the services use them; numbers, keywords and URLs stay as they are.
Written in US Spanish, plain and warm, with tú (docs/translation.md).
"""

TAGS = {
    "online": "En línea",
    "low-talk": "Hablar poco",
    "one-to-one": "Con una persona",
    "support-group": "Grupo de apoyo",
    "volunteering": "Voluntariado",
    "hobby": "Pasatiempos e intereses",
    "outdoors": "Al aire libre",
}

# What someone might type in Spanish, in both genders, and without accents
# too, since many keyboards make them hard to type. Members never see these.
FEELINGS = {
    "lonely, alone, loneliness": "solo, sola, soledad, sin compañía, sin compania",
    "isolated, isolation, cut off, no friends": (
        "aislado, aislada, aislamiento, incomunicado, incomunicada, sin amigos, sin amistades"
    ),
    "tired, exhausted, no energy, worn out": (
        "cansado, cansada, cansancio, agotado, agotada, agotamiento, sin energía, "
        "sin energia, sin fuerzas"
    ),
    "anxious, anxiety, nervous, worried, shy": (
        "ansioso, ansiosa, ansiedad, nervioso, nerviosa, nervios, preocupado, preocupada, "
        "preocupación, preocupacion, tímido, tímida, timido, timida, timidez"
    ),
    "bored, boredom, restless": ("aburrido, aburrida, aburrimiento, inquieto, inquieta, inquietud"),
    "sad, down, low, unhappy": (
        "triste, tristeza, decaído, decaída, decaido, decaida, desanimado, desanimada, "
        "bajón, bajon, infeliz"
    ),
}

ACTIVITIES = {
    # En casa, poco esfuerzo.
    "watch-something-with-people-in-it": {
        "title": "Mira algo donde salga gente",
        "summary": (
            "Un programa, un video o un pódcast con personas reales hablando cuenta como "
            "compañía por hoy."
        ),
        "body": (
            "Si llevas un tiempo sin estar con nadie, empieza por lo más fácil: pon algo "
            "donde la gente hable entre sí. Un programa de entrevistas, un video de cocina, "
            "un vlog, una comedia que te sepas de memoria.\n\n"
            "No reemplaza a tus amistades, y no tiene por qué hacerlo. Es una forma suave de "
            "volver a oír voces y ver caras mientras descansas."
        ),
        "first_step": "Pon un episodio o un video donde haya gente hablando.",
        "why_it_helps": (
            "Oír a otras personas puede aliviar la sensación de aislamiento, y no te pide nada."
        ),
    },
    "send-a-short-text": {
        "title": "Mándale un mensaje corto a alguien",
        "summary": "Unas pocas palabras a una persona. No hace falta explicar cómo estás.",
        "body": (
            "Elige a una persona que suela ser amable contigo: un amigo, un primo, un vecino, "
            "alguien con quien trabajaste. Mándale una línea. Puede ser sobre cualquier cosa.\n\n"
            "Si no te contesta enseguida, es por cómo va su día, no por ti."
        ),
        "first_step": "Elige a una persona y mándale una línea.",
        "why_it_helps": (
            "Un intercambio pequeño mantiene viva la relación, y hace más fácil retomarla después."
        ),
        "messages": (
            "¡Hola! Justo estaba pensando en ti. ¿Qué tal tu semana?",
            "Oye, no tienes que contestar rápido. Solo quería saludarte.",
            "Hoy vi esto y me acordé de ti. Espero que estés bien.",
        ),
    },
    "make-a-short-call": {
        "title": "Haz una llamada corta",
        "summary": "Cinco minutos al teléfono con alguien de confianza. Puede ser breve.",
        "body": (
            "Una llamada puede sentirse como mucho, así que ponte un límite antes de empezar: "
            "cinco minutos son suficientes. Puede ayudar mandar un mensaje primero y preguntar "
            "cuándo le queda bien.\n\n"
            "No tienes que hablar de cómo te sientes si no quieres. Preguntarle por su día es "
            "una buena manera de pasar la llamada."
        ),
        "first_step": (
            "Mándale un mensaje a una persona para preguntarle si tiene tiempo para una "
            "llamada rápida."
        ),
        "why_it_helps": "Oír una voz conocida puede aliviar la soledad.",
        "messages": (
            "¿Tienes un ratito hoy para una llamada rápida? Solo cinco minutos para ponernos "
            "al día.",
            "¿Te puedo llamar más tarde? Me gustaría oír una voz amiga.",
        ),
    },
    "just-be-with-someone": {
        "title": "Pídele a alguien que solo te acompañe",
        "summary": "Compañía sin conversación: estar juntos, en persona o por teléfono.",
        "body": (
            "A veces hablar es demasiado, pero estar a solas es peor. Puedes pedirle a alguien "
            "de confianza que te haga compañía sin tener que conversar. Puede venir a tu casa, "
            "tú puedes ir adonde esté, o pueden quedarse en una llamada en silencio mientras "
            "cada quien hace lo suyo.\n\n"
            'Decirlo con sinceridad ("Estoy pasando un mal momento y no quiero estar a solas") '
            "es suficiente. A la mayoría de la gente le alegra que se lo pidan."
        ),
        "first_step": "Mándale un mensaje a una persona para pedirle compañía tranquila.",
        "why_it_helps": (
            "La compañía, aunque sea en silencio, puede hacer que una hora difícil se sienta "
            "menos solitaria."
        ),
        "messages": (
            "Hoy es un día difícil para mí y prefiero no estar a solas. ¿Podemos estar juntos "
            "un rato? No hace falta hablar.",
            "¿Te animas a hacerme compañía un rato? Podemos estar en silencio, es que no "
            "quiero estar a solas.",
        ),
    },
    "chat-with-a-support-app": {
        "title": "Conversa con una app de apoyo con IA",
        "summary": (
            "Escríbele a una app hecha para escuchar, cuando hablar con una persona se siente "
            "como demasiado."
        ),
        "body": (
            "Algunas apps están hechas para conversar y dar apoyo, con ideas de las terapias "
            "basadas en la conversación. **Wysa** es una: escribes cómo te sientes y te "
            "responde con preguntas amables y ejercicios cortos. La app básica es gratis y solo "
            "necesitas un apodo para empezar. Antes de comenzar, fíjate en cómo maneja tus "
            "datos y si acepta nuevos usuarios donde vives.\n\n"
            "Quizás también hayas oído hablar de **Woebot**. Su app cerró a finales de junio "
            "de 2025, así que ya no es una opción.\n\n"
            "Una app no es una persona, y no es ayuda en una crisis. Puede ser un lugar sin "
            "presión para poner en palabras lo que sientes."
        ),
        "first_step": "Abre la app y escribe una frase sobre cómo va tu día.",
        "why_it_helps": (
            "Poner en palabras lo que sientes, aunque sea ante una app, puede hacer más fácil "
            "el siguiente paso con una persona."
        ),
        "links": ("Wysa",),
    },
    "online-peer-support": {
        "title": "Habla en línea con gente que ha pasado por lo mismo",
        "summary": "Lee y publica en una comunidad en línea de personas que viven con depresión.",
        "body": (
            "Saber que otras personas se sienten como tú puede ser un alivio. En las "
            "comunidades en línea con moderación puedes leer primero las historias de otras "
            "personas y publicar cuando quieras. 7 Cups ofrece chat de apoyo entre pares y "
            "foros de la comunidad, gratis.\n\n"
            "Leer sin publicar es un buen comienzo. Busca una comunidad con reglas claras y "
            "moderadores activos."
        ),
        "first_step": "Lee algunas publicaciones y responde a una que te resulte familiar.",
        "why_it_helps": (
            "Saber de personas que te entienden alivia la sensación de que solo te pasa a ti."
        ),
        "links": ("7 Cups",),
    },
    "reply-in-the-comments": {
        "title": "Responde en los comentarios",
        "summary": "Súmate a la conversación debajo de un video o un artículo que te gustó.",
        "body": (
            "¿Acabas de ver un video que te gustó o de leer un artículo interesante? Baja "
            "hasta los comentarios, lee lo que pensaron otras personas y agrega una respuesta "
            "tuya.\n\n"
            "Las respuestas cortas y amables funcionan bien: dale la razón a alguien, contesta "
            "una pregunta o di qué te gustó."
        ),
        "first_step": "Deja una respuesta amable o curiosa debajo de algo que disfrutaste.",
        "why_it_helps": (
            "Un intercambio pequeño con alguien desconocido que comparte tu interés también "
            "es contacto."
        ),
    },
    "join-an-interest-forum": {
        "title": "Únete a un foro en línea sobre algo que te guste",
        "summary": (
            "Encuentra gente a la que le encanta tu pasatiempo, programa o tema, y participa."
        ),
        "body": (
            "Hay un foro en línea para casi cualquier interés, desde el pan de masa madre hasta "
            'los sintetizadores antiguos. Busca tu interés más la palabra "foro" en un '
            "buscador, en Reddit o en Facebook.\n\n"
            "Empieza leyendo. Cuando algo te llame la atención, responde una pregunta o "
            "comparte en qué has estado trabajando."
        ),
        "first_step": 'Busca tu pasatiempo más "foro" y lee una conversación.',
        "why_it_helps": (
            "Hablar de un interés en común aparta la atención de cómo te sientes, y puede "
            "llevar a un contacto frecuente."
        ),
    },
    "follow-a-mental-health-hashtag": {
        "title": "Sigue un hashtag de salud mental",
        "summary": (
            "Usa hashtags para encontrar conversaciones serias sobre salud mental en las redes "
            "sociales."
        ),
        "body": (
            "Los hashtags filtran las redes sociales hasta dejar las conversaciones que te "
            "importan. La guía sugiere empezar por **#SPSM** (Suicide Prevention Social Media, "
            "redes sociales para prevenir el suicidio), donde la gente habla abiertamente de "
            "salud mental y de prevención del suicidio.\n\n"
            "Si lo que ves empieza a hacerte sentir peor, siléncialo y vuelve en otro momento."
        ),
        "first_step": "Busca #SPSM y lee algunas publicaciones recientes.",
        "why_it_helps": "Encuentras gente que habla abiertamente de lo que estás viviendo.",
    },
    # En casa, más esfuerzo.
    "video-or-phone-support-group": {
        "title": "Únete a un grupo de apoyo por video o por teléfono",
        "summary": (
            "Comparte y escucha en grupo, desde casa. Puedes dejar la cámara y el micrófono "
            "apagados."
        ),
        "body": (
            "Los grupos de apoyo se reúnen por video o por teléfono, así que puedes participar "
            "desde tu sofá. En muchos puedes dejar la cámara y el micrófono apagados y solo "
            "escuchar hasta que tengas ganas de hablar.\n\n"
            "La Depression and Bipolar Support Alliance organiza grupos en línea para personas "
            "adultas, dirigidos por gente que vive con depresión o trastorno bipolar. Los cupos "
            "se pueden llenar, así que conviene llegar unos minutos antes. Los grupos "
            "Connection de NAMI también son gratis y los dirigen personas con experiencia "
            "propia, y muchos grupos locales se reúnen por video."
        ),
        "first_step": "Busca cuándo es la próxima reunión de un grupo y anótala en tu calendario.",
        "why_it_helps": (
            "Escuchar cómo lo llevan otras personas te da ideas, y te muestra que no eres la "
            "única persona que pasa por esto."
        ),
        "links": ("Depression and Bipolar Support Alliance", "NAMI"),
    },
    "call-a-warmline": {
        "title": "Llama a una línea de apoyo emocional (warmline)",
        "summary": (
            "Habla con una persona capacitada que ha vivido algo parecido cuando no estás en "
            "crisis pero necesitas que te escuchen."
        ),
        "body": (
            "Las líneas de apoyo emocional (warmlines) son para cuando lo estás pasando mal "
            "pero no estás en crisis. Quienes contestan tienen capacitación, y muchos han "
            "vivido problemas de salud mental en carne propia. Las llamadas suelen ser gratis y "
            "confidenciales.\n\n"
            "Prueba primero la línea de tu estado. Si tu estado no tiene una, o la línea está "
            "ocupada, prueba una de un estado cercano que atienda llamadas de todo el país. "
            "Puede que te pregunten desde dónde llamas. En el buscador de líneas de ayuda en "
            "español, las líneas que atienden en español aparecen primero."
        ),
        "first_step": (
            "Busca la línea de apoyo emocional de tu estado y guarda el número en tu teléfono."
        ),
        "why_it_helps": "Hablar con alguien que te entiende puede aliviar un día difícil.",
    },
    "join-a-hobby-group-online": {
        "title": "Únete a un grupo de pasatiempos por video",
        "summary": "Teje, dibuja, lee o juega junto con otras personas por video.",
        "body": (
            "Hoy en día muchos clubes se reúnen en línea: clubes de lectura, círculos de "
            "manualidades, intercambios de idiomas, noches de juegos. Hacer algo con las manos "
            "o con la mente junto a otras personas le quita presión a la conversación.\n\n"
            "Busca grupos en sitios de la comunidad, en las páginas de tu biblioteca o en foros "
            "sobre tu pasatiempo."
        ),
        "first_step": (
            "Encuentra un grupo en línea sobre algo que disfrutes y anota cuándo se reúne."
        ),
        "why_it_helps": (
            "Una actividad compartida te da algo de qué hablar, o una razón para no tener que "
            "hablar."
        ),
    },
    "tutor-students-with-upchieve": {
        "title": "Da tutorías en línea con UPchieve",
        "summary": (
            "Ayuda con las tareas a estudiantes de familias de bajos ingresos, desde casa."
        ),
        "body": (
            "UPchieve conecta a voluntarios con estudiantes de high school de familias de bajos "
            "ingresos que quieren ayuda con sus tareas. Las sesiones son en línea, por chat y "
            "con una pizarra compartida, sin cámara ni micrófono, cuando tengas media hora "
            "libre."
        ),
        "first_step": (
            "Lee la página para voluntarios de UPchieve y mira en qué materias podrías ayudar."
        ),
        "why_it_helps": (
            "Ayudar a otra persona puede levantarte el ánimo y recordarte todo lo que puedes dar."
        ),
        "links": ("UPchieve",),
    },
    "help-veterans-with-hire-heroes-usa": {
        "title": "Ayuda a veteranos a encontrar trabajo con Hire Heroes USA",
        "summary": (
            "Haz entrevistas de práctica o da consejos para buscar trabajo a veteranos y sus "
            "familias."
        ),
        "body": (
            "Hire Heroes USA ayuda a veteranos y a cónyuges de militares a dar el paso a un "
            "trabajo civil. Los voluntarios participan en línea para hacer entrevistas de "
            "práctica y dar consejos sobre cómo buscar trabajo en su campo."
        ),
        "first_step": (
            "Mira las opciones de voluntariado de Hire Heroes USA y elige una que te encaje."
        ),
        "why_it_helps": "Compartir lo que sabes es una forma de conectar con un propósito claro.",
        "links": ("Hire Heroes USA",),
    },
    "listen-at-7-cups": {
        "title": "Escucha a otras personas en línea en 7 Cups",
        "summary": "Ofrece un oído amable, por chat, a quien quiera hablar.",
        "body": (
            "7 Cups capacita a voluntarios para escuchar a otras personas por chat. Tú eliges "
            "cuándo estar disponible, y la capacitación te enseña a escuchar bien sin dar "
            "consejos.\n\n"
            "Hazlo solo cuando tengas espacio para ello. Cuidarte a ti va primero."
        ),
        "first_step": "Lee sobre la capacitación para oyentes de 7 Cups.",
        "why_it_helps": (
            "Apoyar a otra persona puede darte confianza y una sensación de conexión."
        ),
        "links": ("7 Cups",),
    },
    "volunteer-with-be-my-eyes": {
        "title": "Presta tus ojos con Be My Eyes",
        "summary": (
            "Ayuda a una persona ciega o con baja visión con una tarea rápida por videollamada."
        ),
        "body": (
            "Be My Eyes conecta a voluntarios con personas ciegas o con baja visión que "
            "necesitan una mano para ver algo: leer una etiqueta, revisar un color, encontrar "
            "un botón. Las llamadas suelen ser cortas, y puedes rechazar una si no es buen "
            "momento."
        ),
        "first_step": "Instala la app Be My Eyes y regístrate como voluntario.",
        "why_it_helps": "Un momento corto y útil con otra persona, a tu manera.",
        "links": ("Be My Eyes",),
    },
    "send-cards-with-chemo-angels": {
        "title": "Envía tarjetas con Chemo Angels",
        "summary": (
            "Escribe cada semana una tarjeta o una carta a alguien que está recibiendo "
            "quimioterapia."
        ),
        "body": (
            "Chemo Angels une a voluntarios con personas que reciben quimioterapia. Cada semana "
            "envías por correo una tarjeta o una carta corta para alegrarles los días. Para ser "
            "voluntario hay que tener 25 años o más, y la solicitud se hace en su sitio web."
        ),
        "first_step": "Lee sobre Chemo Angels y lo que implica ser un ángel.",
        "why_it_helps": (
            "Escribirle a alguien con regularidad crea una conexión estable y tranquila."
        ),
        "links": ("Chemo Angels",),
    },
    "find-virtual-volunteering": {
        "title": "Encuentra más voluntariado que puedas hacer desde casa",
        "summary": "Busca voluntariados a distancia que vayan con tus habilidades y tu tiempo.",
        "body": (
            "VolunteerMatch reúne puestos de voluntariado en todo EE. UU., y puedes filtrar "
            "los que se hacen a distancia: redacción, diseño, traducción, mentoría y mucho más."
        ),
        "first_step": "Busca en VolunteerMatch puestos a distancia y guarda uno que te interese.",
        "why_it_helps": (
            "Dar tu tiempo a una causa puede levantarte el ánimo y conectarte con otras personas."
        ),
        "links": ("VolunteerMatch",),
    },
    # Fuera de casa, poco esfuerzo.
    "sit-in-a-coffee-shop": {
        "title": "Siéntate un rato en una cafetería",
        "summary": "Estar entre gente sin tener que hablar mucho. Darte un gusto ayuda.",
        "body": (
            "En una cafetería puedes estar entre gente sin tener que participar. La idea de una "
            "bebida o un pan dulce puede ser el empujón que te haga salir por la puerta.\n\n"
            "Si te sientes con ánimo, intenta un intercambio pequeño: saludar a quien te "
            "atiende, o preguntarle a alguien cómo va su día."
        ),
        "first_step": "Entra, pide algo y quédate diez minutos.",
        "why_it_helps": (
            "Estar cerca de otras personas, aunque sea en silencio, puede aliviar la sensación "
            "de encierro."
        ),
    },
    "spend-time-in-a-park": {
        "title": "Pasa un rato en un parque",
        "summary": "Siéntate o pasea donde haya gente, sin presión para hablar.",
        "body": (
            "Los parques están llenos de gente haciendo sus cosas. Sentarte en una banca o dar "
            "un paseo tranquilo te deja compartir el espacio con otras personas, y estar al "
            "aire libre también puede ayudar.\n\n"
            "Saludar con la cabeza o sonreírle a alguien que pasa cuenta como contacto."
        ),
        "first_step": "Camina hasta el parque más cercano y siéntate unos minutos.",
        "why_it_helps": (
            "El aire fresco y la presencia de otras personas pueden levantar un ánimo bajo."
        ),
    },
    "visit-a-dog-park": {
        "title": "Visita un parque para perros",
        "summary": (
            "Con un perro, la charla sale sola: a la gente le encanta hablar de sus mascotas."
        ),
        "body": (
            "Si tienes perro, un parque para perros es uno de los lugares más fáciles para "
            "hablar con alguien desconocido. Pregunta por el perro de alguien: su nombre, su "
            "edad, su raza. Tu propio perro está ahí para darte apoyo moral."
        ),
        "first_step": (
            "Lleva a tu perro al parque para perros y pregúntale a una persona cómo se llama "
            "su perro."
        ),
        "why_it_helps": (
            "Una conversación corta y fácil, sin mucho en juego, puede ayudarte a recuperar la "
            "confianza."
        ),
    },
    # Fuera de casa, más esfuerzo.
    "say-yes-to-an-invitation": {
        "title": "Di que sí a una invitación",
        "summary": "Cuando alguien te invite, intenta decir que sí, aunque prefieras no ir.",
        "body": (
            "Hacer planes por tu cuenta puede parecer imposible ahora mismo, pero aceptar los "
            "de otras personas es un paso más pequeño. La próxima vez que alguien te invite a "
            "salir, intenta decir que sí antes de convencerte de no ir.\n\n"
            "Puedes ir un rato e irte cuando lo necesites. Mucha gente descubre que después se "
            "siente mejor de lo que esperaba."
        ),
        "first_step": "Di que sí a la próxima invitación, y decide cuánto tiempo te vas a quedar.",
        "why_it_helps": "Pasar tiempo con gente que te quiere suele levantar el ánimo.",
        "messages": (
            "¡Gracias por invitarme! Me gustaría ir. Quizás no me quede mucho, pero ahí estaré.",
            "Sí, cuenta conmigo. Gracias por acordarte de mí.",
        ),
    },
    "reconnect-with-an-old-friend": {
        "title": "Retoma el contacto con una vieja amistad",
        "summary": "Vuelve a hablar con alguien con quien tenías mucha confianza.",
        "body": (
            "Escribirle a una vieja amistad suele dar menos miedo que conocer gente nueva. Las "
            "redes sociales pueden ayudarte a recordar de quién te gustaría saber.\n\n"
            "Empieza con un mensaje, y fíjate si a los dos les gustaría verse."
        ),
        "first_step": "Mándale un mensaje a una vieja amistad para saludar.",
        "why_it_helps": "Las viejas amistades ya te conocen, así que hay menos que explicar.",
        "messages": (
            "¡Hola! Hace muchísimo que no hablamos y me acordé de ti. ¿Cómo has estado?",
            "Encontré una foto vieja de nosotros y me hizo sonreír. ¿Te gustaría tomar un café "
            "un día de estos para ponernos al día?",
        ),
    },
    "join-a-meetup-group": {
        "title": "Únete a un grupo de Meetup",
        "summary": (
            "Encuentra eventos cerca de ti para gente con un interés en común, desde libros "
            "hasta juegos de mesa."
        ),
        "body": (
            "Meetup reúne eventos en persona organizados por gente con intereses en común: "
            "clubes de lectura, noches de cine, grupos para caminar, deportes, manualidades. Si "
            "nada te encaja, puedes crear tu propio grupo."
        ),
        "first_step": "Explora Meetup para ver eventos cerca de ti y marca uno que te interese.",
        "why_it_helps": "Un interés en común te da algo fácil de qué hablar.",
        "links": ("Meetup",),
    },
    "take-an-adult-class": {
        "title": "Toma una clase",
        "summary": "Aprende algo nuevo junto con otras personas: cocina, baile, carpintería.",
        "body": (
            "Una clase te da un motivo para ir y algo en qué concentrarte además de la "
            "conversación. En una clase de cocina, por ejemplo, puedes conversar con la gente "
            "de tu mesa mientras trabajas.\n\n"
            "Busca en internet clases cerca de ti, o mira lo que ofrece el colegio comunitario "
            "(community college) de tu zona."
        ),
        "first_step": "Busca una clase cerca de ti y anota cuándo empieza el próximo curso.",
        "why_it_helps": (
            "Aprender en grupo hace más fácil ir conociendo a la gente con el tiempo."
        ),
    },
    "volunteer-in-person": {
        "title": "Haz voluntariado en persona",
        "summary": "Ayuda en una causa local y conoce gente mientras lo haces.",
        "body": (
            "El voluntariado te pone junto a otras personas que trabajan por la misma meta. "
            'Busca "voluntariado" más el nombre de tu ciudad, o el nombre de una organización '
            "que te importe. VolunteerMatch también tiene puestos locales. Si quieres usar una "
            "habilidad de tu trabajo, Catchafire une a voluntarios con proyectos de "
            "organizaciones sin fines de lucro, casi siempre en línea."
        ),
        "first_step": "Busca voluntariados cerca de ti y guarda uno para verlo después.",
        "why_it_helps": (
            "Ayudar a otras personas y trabajar en equipo pueden levantarte el ánimo."
        ),
        "links": ("VolunteerMatch", "Catchafire"),
    },
    "positivity-activity-with-someone": {
        "title": "Prueba una actividad positiva con alguien",
        "summary": (
            "Haz una actividad pequeña que levante el ánimo junto con un amigo o un familiar."
        ),
        "body": (
            "Las actividades que despiertan emociones positivas, como contar tres cosas buenas "
            "de tu semana, cocinar tu comida favorita o salir a caminar para encontrar algo "
            "bonito, suelen ser mejores en compañía. Elige una e invita a alguien a hacerla "
            "contigo."
        ),
        "first_step": "Elige una actividad y pídele a una persona que la haga contigo.",
        "why_it_helps": (
            "Compartir un buen momento con alguien fortalece la conexión entre ustedes."
        ),
    },
}
