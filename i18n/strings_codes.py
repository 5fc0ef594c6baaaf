"""Labels of the data's codes: {key: {"lv": ..., "en": ...}}, the key being ``<kind>.<code>``.

Also the labels of the figures' own pseudo-codes: the venues that are not one space (``space.*``) and
the values ``unknown`` / the other municipalities (``value.*``). Read codes through
:func:`i18n.labels.code_label` / :func:`i18n.labels.code_labels`.
"""

STRINGS: dict[str, dict[str, str]] = {
    # pasākumu veidi / event types
    "event_type.opening": {"lv": "Atklāšana", "en": "Opening"},
    "event_type.networking": {"lv": "Tīklošanās", "en": "Networking"},
    "event_type.training": {"lv": "Apmācības", "en": "Training"},
    "event_type.workshop": {"lv": "Darbnīca", "en": "Workshop"},
    "outcome_type.job_created": {"lv": "Radīta darba vieta", "en": "Job created"},
    "outcome_type.business_started": {"lv": "Dibināts uzņēmums", "en": "Business started"},
    "outcome_type.business_supported": {"lv": "Atbalstīts uzņēmums", "en": "Business supported"},
    "outcome_type.service_created": {"lv": "Izveidots pakalpojums", "en": "Service created"},
    "outcome_type.other": {"lv": "Cits rezultāts", "en": "Other outcome"},
    "event_type.study_visit": {"lv": "Pieredzes brauciens", "en": "Study visit"},
    "event_type.conference": {"lv": "Konference", "en": "Conference"},
    "event_type.open_day": {"lv": "Atvērto durvju diena", "en": "Open day"},
    "event_type.other": {"lv": "Cits", "en": "Other"},
    # telpu veidi / space types
    "space_type.coworking": {"lv": "Koprades telpa", "en": "Coworking space"},
    "space_type.library": {"lv": "Bibliotēka", "en": "Library"},
    "space_type.business_incubator": {"lv": "Biznesa inkubators", "en": "Business incubator"},
    "space_type.business_support_centre": {"lv": "Uzņēmējdarbības atbalsta centrs", "en": "Business support centre"},
    "space_type.community_centre": {"lv": "Kopienas centrs", "en": "Community centre"},
    "space_type.shop": {"lv": "Veikals", "en": "Shop"},
    "space_type.other": {"lv": "Cits", "en": "Other"},
    # dzimums / gender
    "gender.female": {"lv": "Sievietes", "en": "Women"},
    "gender.male": {"lv": "Vīrieši", "en": "Men"},
    "gender.other": {"lv": "Cits", "en": "Other"},
    "gender.unknown": {"lv": "Nav zināms", "en": "Not known"},
    "gender.other_or_unknown": {"lv": "Cits vai nav norādīts", "en": "Other or not stated"},
    # vecuma grupas / age bands
    "age_band.<25": {"lv": "līdz 24", "en": "under 25"},
    "age_band.25-29": {"lv": "25–29", "en": "25–29"},
    "age_band.30-39": {"lv": "30–39", "en": "30–39"},
    "age_band.40-54": {"lv": "40–54", "en": "40–54"},
    "age_band.55-64": {"lv": "55–64", "en": "55–64"},
    "age_band.65+": {"lv": "65 un vairāk", "en": "65 and over"},
    "age_band.unknown": {"lv": "Nav zināms", "en": "Not known"},
    # nodarbošanās / occupations
    "occupation.entrepreneur": {"lv": "Uzņēmējs", "en": "Entrepreneur"},
    "occupation.self_employed": {"lv": "Pašnodarbinātais", "en": "Self-employed"},
    "occupation.remote_employee": {"lv": "Attālināts darbinieks", "en": "Remote employee"},
    "occupation.ngo": {"lv": "NVO", "en": "NGO"},
    "occupation.student": {"lv": "Students", "en": "Student"},
    "occupation.job_seeker": {"lv": "Darba meklētājs", "en": "Job seeker"},
    "occupation.other": {"lv": "Cits", "en": "Other"},
    "occupation.unknown": {"lv": "Nav zināms", "en": "Not known"},
    # lomas / roles
    "role.participant": {"lv": "Dalībnieks", "en": "Participant"},
    "role.speaker": {"lv": "Runātājs", "en": "Speaker"},
    "role.organiser": {"lv": "Organizators", "en": "Organiser"},
    "role.guest": {"lv": "Viesis", "en": "Guest"},
    # pirmo reizi vai atkārtoti / first time or returning
    "visit.first_time": {"lv": "Pirmo reizi", "en": "First time"},
    "visit.returning": {"lv": "Atkārtoti", "en": "Returning"},
    "visit.unknown": {"lv": "Nav zināms (anonīmi vai skaits)", "en": "Not known (anonymous or head count)"},
    # norises vietas, kas nav telpa / venues that are not one space
    "space.rest": {"lv": "Pārējās telpas", "en": "Other spaces"},
    "space.no_venue": {
        "lv": "Vairākas vietas (pieredzes braucieni) vai citur",
        "en": "Several places (study visits) or elsewhere",
    },
    # vērtības / values
    "value.other_municipalities": {"lv": "Citas pašvaldības", "en": "Other municipalities"},
    "value.unknown": {"lv": "Nav zināms", "en": "Not known"},
}
