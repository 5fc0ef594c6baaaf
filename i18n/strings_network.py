"""Strings of the network's page (every LAG of the database compared): {key: {"lv": ..., "en": ...}}."""

STRINGS: dict[str, dict[str, str]] = {
    "page.network": {"lv": "Tīkls", "en": "Network"},
    # signing in to an installation for many partnerships
    "gate.title": {"lv": "Pieslēgties", "en": "Sign in"},
    "gate.partnership": {"lv": "Partnerība", "en": "Partnership"},
    "gate.network": {"lv": "Tīkls (visas partnerības)", "en": "Network (all partnerships)"},
    "gate.password": {"lv": "Parole", "en": "Password"},
    "gate.sign_in": {"lv": "Pieslēgties", "en": "Sign in"},
    "gate.sign_out": {"lv": "Atslēgties", "en": "Sign out"},
    "gate.oidc": {"lv": "Pieslēgties ar organizācijas kontu", "en": "Sign in with your organisation's account"},
    "gate.or_password": {"lv": "… vai ar partnerības paroli:", "en": "… or with the partnership's password:"},
    "gate.unknown_user": {
        "lv": "Šim kontam nav piešķirta neviena partnerība. Lūdziet administratoram to pievienot.",
        "en": "This account has no partnership. Ask the administrator to add it.",
    },
    "gate.signed_in.staff": {"lv": "Pieslēdzies: {lag} (personāls)", "en": "Signed in: {lag} (staff)"},
    "gate.signed_in.viewer": {"lv": "Pieslēdzies: {lag} (skatīšanās)", "en": "Signed in: {lag} (viewing)"},
    "gate.signed_in.network": {"lv": "Pieslēdzies: {lag}", "en": "Signed in: {lag}"},
    "network.picker": {"lv": "Partnerība", "en": "Partnership"},
    "network.read_only": {
        "lv": "Tīkla skatā dati ir tikai lasāmi: katra partnerība savus datus maina savā panelī.",
        "en": "In the network view the data is read only: each partnership changes its data in its own dashboard.",
    },
    "network.all_lags": {"lv": "Visas partnerības", "en": "All partnerships"},
    "network.intro": {
        "lv": "Katras vietējās rīcības grupas (partnerības) rādītāji izvēlētajā periodā, tos pašus skaitot kā Pārskatā. Šeit ņemts vērā tikai periods: telpu, projektu un pašvaldību izvēle attiecas uz vienu partnerību.",
        "en": "Each local action group's (partnership's) figures in the chosen period, counted as on the Overview. Only the period applies here: the choice of spaces, projects and municipalities belongs to one partnership.",
    },
    "network.total_note": {
        "lv": "Rinda “Visas partnerības” ir saskaitīta no visu partnerību datiem kopā, nevis summējot rindas: unikālos dalībniekus nevar saskaitīt. Persona, kas minēta divās partnerībās, tiek skaitīta katrā no tām.",
        "en": "The row “All partnerships” is counted on all the partnerships' data together, not by adding up the rows: unique participants do not add up. A person named in two partnerships counts in each of them.",
    },
    "network.not_network": {
        "lv": "Šī lapa rāda visas partnerības, kad panelis ir savienots ar datubāzi kā tīkla lietotājs (datubāzes adrese bez ?lag=).",
        "en": "This page shows every partnership when the dashboard is connected to the database as the network user (a database URL without ?lag=).",
    },
    "network.unreachable": {
        "lv": "Neizdevās nolasīt datubāzi ({source}). Pārbaudiet savienojumu un mēģiniet vēlreiz.",
        "en": "The database could not be read ({source}). Check the connection and try again.",
    },
    "network.no_lags": {"lv": "Datubāzē vēl nav nevienas partnerības.", "en": "The database has no partnership yet."},
    "network.without_data": {
        "lv": "Vēl bez datiem (nav salīdzinājumā): {names}",
        "en": "No data yet (not in the comparison): {names}",
    },
    "network.download_csv": {"lv": "Lejupielādēt salīdzinājumu (CSV)", "en": "Download the comparison (CSV)"},
    "network.col.lag": {"lv": "Kods", "en": "Code"},
    "network.col.name": {"lv": "Partnerība", "en": "Partnership"},
    "network.col.events": {"lv": "Pasākumi", "en": "Events"},
    "network.col.participations": {"lv": "Dalības", "en": "Participations"},
    "network.col.unique_participants": {"lv": "Unikālie dalībnieki", "en": "Unique participants"},
    "network.col.spaces": {"lv": "Telpas", "en": "Spaces"},
    "network.col.active_residents": {"lv": "Aktīvie rezidenti", "en": "Active residents"},
    "network.col.jobs_fte": {"lv": "Darba vietas (slodzes)", "en": "Jobs (FTE)"},
}
