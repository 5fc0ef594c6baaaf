"""Strings of the app's chrome and the words the pages share: {key: {"lv": ..., "en": ...}}.

The title and notices of every page, the navigation, the sidebar's filters and periods, the
headline figures (``kpi.*``), chart axes, table columns and table names.
"""

STRINGS: dict[str, dict[str, str]] = {
    # lietotne / application
    "app.title": {"lv": "Pierīgas partnerības koprades telpas", "en": "Coworking spaces of Pierīgas partnerība"},
    "app.data_folder": {"lv": "Datu mape: {folder}", "en": "Data folder: {folder}"},
    "app.demo_notice": {
        "lv": "Demonstrācijas dati: izdomāti skaitļi ap projekta CoLabora īstajām telpām un pasākumiem. Savus datus var augšupielādēt lapā “Dati”.",
        "en": "Demo data: synthetic figures around the real spaces and events of the CoLabora project. Your own data can be uploaded on the Data page.",
    },
    "app.cannot_load": {
        "lv": "Datus mapē {folder} nevar ielādēt, un nav iepriekšējas labas versijas, ko rādīt. Izlabojiet zemāk minētās problēmas un pārlādējiet lapu.",
        "en": "The data in {folder} cannot be loaded, and there is no earlier good version to show. Fix the problems below and reload the page.",
    },
    "app.go_to_data": {
        "lv": "Augšupielādējiet labotus failus lapā “Dati”",
        "en": "Upload corrected files on the Data page",
    },
    "app.empty": {
        "lv": "Izvēlētajiem filtriem nekas neatbilst. Izvēlieties garāku periodu vai mazāk ierobežojumu.",
        "en": "Nothing matches the chosen filters. Try a longer period or fewer selections.",
    },
    "app.period_caption": {"lv": "Periods: {period}", "en": "Period: {period}"},
    "app.problems_title": {
        "lv": "Problēmas datu failos (kļūdas: {count})",
        "en": "Problems in the data files ({count} errors)",
    },
    "app.showing_last_good": {
        "lv": "Datu failos ir kļūdas, tāpēc panelis rāda pēdējo versiju, kas ielādējās bez kļūdām. Lai redzētu jaunos datus, izlabojiet failus (sk. problēmas).",
        "en": "The data files have errors, so the dashboard shows the last version that loaded without errors. Fix the files (see the problems) to see the new data.",
    },
    # lapas / pages
    "page.overview": {"lv": "Pārskats", "en": "Overview"},
    "page.attendance": {"lv": "Apmeklējums", "en": "Attendance"},
    "page.residents": {"lv": "Rezidenti", "en": "Residents"},
    "page.spaces": {"lv": "Telpas", "en": "Spaces"},
    "page.map": {"lv": "Karte", "en": "Map"},
    "page.reports": {"lv": "Atskaites", "en": "Reports"},
    "page.data": {"lv": "Dati", "en": "Data"},
    # filtri / filters
    "filter.header": {"lv": "Filtri", "en": "Filters"},
    "filter.period": {"lv": "Periods", "en": "Period"},
    "filter.period_project": {"lv": "Projekts", "en": "Project"},
    "filter.year": {"lv": "Kalendāra gads", "en": "Calendar year"},
    "filter.quarter": {"lv": "Ceturksnis", "en": "Quarter"},
    "filter.month": {"lv": "Mēnesis", "en": "Month"},
    "filter.from": {"lv": "No", "en": "From"},
    "filter.to": {"lv": "Līdz", "en": "To"},
    "filter.from_month": {"lv": "Sākuma mēnesis", "en": "First month"},
    "filter.to_month": {"lv": "Beigu mēnesis", "en": "Last month"},
    "filter.bad_range": {
        "lv": "Sākuma mēnesis ir pēc beigu mēneša; tie samainīti vietām.",
        "en": "The first month is after the last one; they were swapped.",
    },
    "filter.period_shown": {"lv": "Rāda: {period}", "en": "Shown: {period}"},
    "filter.municipality": {"lv": "Pašvaldība", "en": "Municipality"},
    "filter.space": {"lv": "Telpa", "en": "Space"},
    "filter.event_type": {"lv": "Pasākuma veids", "en": "Event type"},
    "filter.project": {"lv": "Projekts", "en": "Project"},
    "filter.all": {"lv": "Visi", "en": "All"},
    # periodi / periods
    "period.year": {"lv": "Gads", "en": "Year"},
    "period.quarter": {"lv": "Ceturksnis", "en": "Quarter"},
    "period.month": {"lv": "Mēnesis", "en": "Month"},
    "period.project": {"lv": "Projekta periods", "en": "A project's period"},
    "period.all": {"lv": "Viss laiks", "en": "All time"},
    "period.months": {"lv": "Mēneši no … līdz …", "en": "Months from … to …"},
    # a quarter: in the picker, on an axis (hover), as a tick
    "period.quarter_option": {"lv": "{numeral} ceturksnis ({first}–{last})", "en": "Q{numeral} ({first}–{last})"},
    "period.quarter_label": {"lv": "{numeral} cet. {year}", "en": "Q{numeral} {year}"},
    "period.quarter_tick": {"lv": "{numeral} cet.", "en": "Q{numeral}"},
    "period.all_time": {"lv": "viss laiks", "en": "all time"},
    "period.since": {"lv": "no {date}", "en": "from {date}"},
    "period.until": {"lv": "līdz {date}", "en": "until {date}"},
    # rādītāji / headline figures
    "kpi.spaces": {"lv": "Telpas", "en": "Spaces"},
    "kpi.spaces.help": {
        "lv": "Izvēlētās telpas, kas bija atvērtas vismaz daļu perioda.",
        "en": "Spaces in the selection that were open for at least part of the period.",
    },
    "kpi.active_residents": {"lv": "Aktīvie rezidenti", "en": "Active residents"},
    "kpi.active_residents.help": {
        "lv": "Rezidenti, kuru dalība aptver perioda pēdējo dienu (pievienojušies līdz tai un nav izstājušies pirms tās).",
        "en": "Residents whose membership covers the last day of the period (joined on or before it, not left before it).",
    },
    "kpi.events": {"lv": "Pasākumi", "en": "Events"},
    "kpi.events.help": {
        "lv": "Pasākumi, kas sākās periodā (ieskaitot robežas).",
        "en": "Events that started in the period (bounds included).",
    },
    "kpi.participations": {"lv": "Dalības", "en": "Participations"},
    "kpi.participations.help": {
        "lv": "Katram pasākumam: apmeklējuma saraksta rindas, ja saraksts ir, citādi dalībnieku skaits, citādi 0; saskaitīts.",
        "en": "Per event: its attendance rows if it has a list, else its head count, else 0; added up.",
    },
    "kpi.unique_participants": {"lv": "Unikālie dalībnieki", "en": "Unique participants"},
    "kpi.unique_participants.help": {
        "lv": "Dažādās personas apmeklējuma sarakstos, katra anonīmā rinda vienreiz, plus dalībnieku skaits pasākumiem bez saraksta.",
        "en": "Distinct people on the attendance lists, each anonymous row once, plus head counts of events without a list.",
    },
    "kpi.change_note": {
        "lv": "Bultiņas: izmaiņas pret iepriekšējo tāda paša garuma periodu.",
        "en": "Arrows: change against the previous period of the same length.",
    },
    # asis / chart axes
    "axis.month": {"lv": "Mēnesis", "en": "Month"},
    "axis.participations": {"lv": "Dalības", "en": "Participations"},
    "axis.space": {"lv": "Norises vieta", "en": "Venue"},
    "axis.age_band": {"lv": "Vecuma grupa", "en": "Age band"},
    "axis.date": {"lv": "Datums", "en": "Date"},
    "axis.active_residents": {"lv": "Aktīvie rezidenti", "en": "Active residents"},
    "axis.quarter": {"lv": "Ceturksnis", "en": "Quarter"},
    "axis.year": {"lv": "Gads", "en": "Year"},
    "axis.residents": {"lv": "Rezidenti", "en": "Residents"},
    "axis.occupation": {"lv": "Nodarbošanās", "en": "Occupation"},
    "axis.municipality": {"lv": "Pašvaldība", "en": "Municipality"},
    "axis.unique_participants": {"lv": "Unikālie dalībnieki", "en": "Unique participants"},
    "axis.gender": {"lv": "Dzimums", "en": "Gender"},
    # tabulu kolonnas / table columns
    "col.starts_on": {"lv": "Datums", "en": "Date"},
    "col.title": {"lv": "Nosaukums", "en": "Title"},
    "col.event_type": {"lv": "Veids", "en": "Type"},
    "col.venue": {"lv": "Vieta vai maršruts", "en": "Venue or route"},
    "col.municipality": {"lv": "Pašvaldība", "en": "Municipality"},
    "col.project_code": {"lv": "Projekts", "en": "Project"},
    "col.participations": {"lv": "Dalības", "en": "Participations"},
    "col.source": {"lv": "Uzskaitīts pēc", "en": "Counted from"},
    "col.name": {"lv": "Nosaukums", "en": "Name"},
    "col.space_type": {"lv": "Veids", "en": "Type"},
    "col.settlement": {"lv": "Apdzīvotā vieta", "en": "Town or village"},
    "col.desks": {"lv": "Darba vietas", "en": "Desks"},
    "col.opened_on": {"lv": "Atvērta", "en": "Opened"},
    "col.active_residents": {"lv": "Aktīvie rezidenti", "en": "Active residents"},
    "col.events": {"lv": "Pasākumi", "en": "Events"},
    "col.visits": {"lv": "Braucienu vizītes", "en": "Study-visit stops"},
    "source.list": {"lv": "apmeklējuma saraksta", "en": "attendance list"},
    "source.head_count": {"lv": "dalībnieku skaita", "en": "head count"},
    # tabulas / tables
    "table.spaces": {"lv": "Telpas", "en": "Spaces"},
    "table.residents": {"lv": "Rezidenti", "en": "Residents"},
    "table.events": {"lv": "Pasākumi", "en": "Events"},
    "table.attendance": {"lv": "Apmeklējums", "en": "Attendance"},
    "table.event_stops": {"lv": "Pieredzes braucienu pieturas", "en": "Study-visit stops"},
    "table.projects": {"lv": "Projekti", "en": "Projects"},
    "table.outcomes": {"lv": "Rezultāti", "en": "Outcomes"},
    "table.municipalities": {"lv": "Pašvaldību iedzīvotāji", "en": "Municipalities' population"},
}
