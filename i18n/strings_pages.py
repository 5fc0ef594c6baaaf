"""Strings of the explore pages (Overview, Attendance, Residents, Spaces): {key: {"lv": ..., "en": ...}}."""

STRINGS: dict[str, dict[str, str]] = {
    # pārskats / overview
    "overview.data_title": {"lv": "Kādi dati redzami", "en": "What data is shown"},
    "overview.data_kind": {"lv": "**Veids:** {kind}", "en": "**Kind:** {kind}"},
    "overview.demo": {"lv": "demonstrācijas dati (izdomāti)", "en": "demo data (synthetic)"},
    "overview.real": {"lv": "partnerības dati", "en": "the partnership's data"},
    "overview.last_change": {"lv": "**Pēdējās izmaiņas:** {when}", "en": "**Last change:** {when}"},
    "overview.kpi.jobs_fte": {"lv": "Radītās darba vietas (slodzes)", "en": "Jobs created (FTE)"},
    "overview.kpi.jobs_fte.help": {
        "lv": "Periodā reģistrēto radīto darba vietu slodžu summa (tabula outcomes, veids job_created): pilna slodze = 1, pusslodze = 0,5. Ieraksta datums ir līguma sākuma diena. Izvēlētā projekta, telpas vai pašvaldības robežās.",
        "en": "The sum of the full-time equivalents of the jobs created recorded in the period (the outcomes table, type job_created): full time = 1, half time = 0.5. The date is the day the contract starts. Within the chosen project, space or municipality.",
    },
    "overview.kpi.businesses": {"lv": "Uzņēmumi (dibināti + atbalstīti)", "en": "Businesses (started + supported)"},
    "overview.kpi.businesses.help": {
        "lv": "Periodā reģistrēto rezultātu skaits ar veidu “dibināts uzņēmums” (business_started) un “atbalstīts uzņēmums” (business_supported), kopā. Tie ir rezultāti, nevis personas.",
        "en": "The number of outcomes recorded in the period of the types “business started” (business_started) and “business supported” (business_supported), together. These are outcomes, not people.",
    },
    "overview.table_rows": {"lv": "{table} ({file}), rindu skaits: {rows}", "en": "{table} ({file}), rows: {rows}"},
    # apmeklējums / attendance
    "attendance.events_title": {"lv": "Pasākumi", "en": "Events"},
    "attendance.download_csv": {"lv": "Lejupielādēt pasākumus (CSV)", "en": "Download the events (CSV)"},
    "attendance.who_title": {"lv": "Kas piedalījās", "en": "Who took part"},
    "attendance.count": {"lv": "Skaitīt", "en": "Count"},
    "attendance.count.participations": {"lv": "Dalības (katru reizi)", "en": "Participations (every time)"},
    "attendance.count.unique_participants": {
        "lv": "Unikālos dalībniekus (katru vienreiz)",
        "en": "Unique participants (each once)",
    },
    "attendance.count.help": {
        "lv": "Dalības skaita katru reizi, kad kāds piedalījās. Unikālie dalībnieki skaita katru personu vienreiz, ar tās pirmās dalības periodā datiem (dzimums, vecums, dzīvesvieta); katra anonīmā rinda ir viena persona, dalībnieku skaits bez saraksta ir “Nav zināms”.",
        "en": "Participations count every time someone took part. Unique participants count each person once, with the details of their first participation in the period (gender, age, home); each anonymous row is one person, and head counts without a list are “Not known”.",
    },
    "attendance.of_whom.female": {"lv": "t. sk. sievietes", "en": "of whom women"},
    "attendance.of_whom.male": {"lv": "t. sk. vīrieši", "en": "of whom men"},
    "attendance.of_whom.under_30": {"lv": "t. sk. jaunieši (jaunāki par 30)", "en": "of whom young (under 30)"},
    "attendance.under_30.help": {
        "lv": "Jaunāki par 30 gadiem (Jaunatnes likums); vecums ir pasākuma gads mīnus dzimšanas gads. Nezināma vecuma dalībnieki nav skaitīti.",
        "en": "Under 30 (the Latvian Youth Law); age is the event’s year minus the year of birth. Participants of unknown age are not counted.",
    },
    # rezidenti / residents
    "residents.active": {"lv": "Aktīvi {date}", "en": "Active on {date}"},
    "residents.new": {"lv": "Pievienojušies periodā", "en": "Joined in the period"},
    "residents.left": {"lv": "Izstājušies periodā", "en": "Left in the period"},
    "residents.joined": {"lv": "Pievienojušies", "en": "Joined"},
    "residents.left_series": {"lv": "Izstājušies", "en": "Left"},
    # telpas / spaces
    "spaces.profile": {"lv": "Telpas profils", "en": "Profile of a space"},
    "spaces.choose": {"lv": "Telpa", "en": "Space"},
    "spaces.opened": {"lv": "atvērta {date}", "en": "opened {date}"},
    "spaces.kpi.active": {"lv": "Aktīvie rezidenti {date}", "en": "Active residents on {date}"},
    "spaces.kpi.events": {"lv": "Pasākumi periodā", "en": "Events in the period"},
    "spaces.kpi.participations": {"lv": "Dalības periodā", "en": "Participations in the period"},
    "spaces.kpi.visits": {"lv": "Braucienu vizītes periodā", "en": "Study-visit stops"},
    "spaces.no_residents": {
        "lv": "Šai telpai periodā nav rezidentu.",
        "en": "This space has no residents in the period.",
    },
    "spaces.no_events": {"lv": "Šajā telpā periodā nav pasākumu.", "en": "No events at this space in the period."},
    "spaces.events": {"lv": "Pasākumi šajā telpā", "en": "Events at this space"},
    "spaces.visits": {"lv": "Pieredzes braucieni, kas apmeklēja šo telpu", "en": "Study visits that stopped here"},
    # grafiki / the pages' charts
    "chart.mark.space_opened": {"lv": "Atvērta: {name}", "en": "Opened: {name}"},
    "chart.mark.project_start": {"lv": "Projekta sākums: {name}", "en": "Project start: {name}"},
    "chart.mark.project_end": {"lv": "Projekta beigas: {name}", "en": "Project end: {name}"},
    "chart.marks": {"lv": "Telpu atvēršana, projekta sākums un beigas", "en": "Spaces opened, project start and end"},
    "chart.participations.month": {
        "lv": "Dalības pa mēnešiem un pasākumu veidiem",
        "en": "Participations per month, by event type",
    },
    "chart.participations.quarter": {
        "lv": "Dalības pa ceturkšņiem un pasākumu veidiem",
        "en": "Participations per quarter, by event type",
    },
    "chart.participations.year": {
        "lv": "Dalības pa gadiem un pasākumu veidiem",
        "en": "Participations per year, by event type",
    },
    "chart.participations_by_space": {"lv": "Dalības pa norises vietām", "en": "Participations by venue"},
    "chart.first_time": {"lv": "Pirmreizējie un atkārtotie dalībnieki", "en": "First-time and returning participants"},
    "chart.active.month": {
        "lv": "Aktīvie rezidenti katra mēneša beigās",
        "en": "Active residents at each month's end",
    },
    "chart.active.quarter": {
        "lv": "Aktīvie rezidenti katra ceturkšņa beigās",
        "en": "Active residents at each quarter's end",
    },
    "chart.active.year": {
        "lv": "Aktīvie rezidenti katra gada beigās",
        "en": "Active residents at each year's end",
    },
    "chart.joined_left": {
        "lv": "Pievienojušies un izstājušies rezidenti pa ceturkšņiem",
        "en": "Residents who joined and left, per quarter",
    },
    "chart.occupation": {"lv": "Rezidenti pēc nodarbošanās {date}", "en": "Residents by occupation on {date}"},
    "chart.home_municipality": {
        "lv": "Rezidenti pēc dzīvesvietas pašvaldības {date}",
        "en": "Residents by home municipality on {date}",
    },
    "chart.gender.participations": {"lv": "Dalības pēc dzimuma", "en": "Participations by gender"},
    "chart.gender.unique_participants": {
        "lv": "Unikālie dalībnieki pēc dzimuma",
        "en": "Unique participants by gender",
    },
    "chart.age_band.participations": {"lv": "Dalības pēc vecuma grupas", "en": "Participations by age band"},
    "chart.age_band.unique_participants": {
        "lv": "Unikālie dalībnieki pēc vecuma grupas",
        "en": "Unique participants by age band",
    },
    "chart.home.participations": {
        "lv": "Dalības pēc dzīvesvietas pašvaldības",
        "en": "Participations by home municipality",
    },
    "chart.home.unique_participants": {
        "lv": "Unikālie dalībnieki pēc dzīvesvietas pašvaldības",
        "en": "Unique participants by home municipality",
    },
}
