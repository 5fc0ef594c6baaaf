"""Strings of the data feature: {key: {"lv": ..., "en": ...}}."""

from i18n.strings_problems import TABLE_NAMES

STRINGS: dict[str, dict[str, str]] = {
    # piekļuve / access
    "data.access.not_configured": {
        "lv": "Šī lapa ir tikai lasāma: saglabāšanai un atsaukšanai vajadzīga personāla parole, un tā šajā instalācijā vēl nav iestatīta. Augšupielādētos failus var pārbaudīt, bet ne saglabāt. Lūdziet administratoram paroli iestatīt.",
        "en": "This page is read-only: saving and undo need the staff password, and none is set up in this installation yet. Uploaded files can be checked but not saved. Ask the administrator to set one up.",
    },
    "data.access.viewer": {
        "lv": "Jūs esat pieslēdzies skatīšanai: datus maina partnerības personāls.",
        "en": "You are signed in to look: the partnership's staff change the data.",
    },
    "data.access.invalid": {
        "lv": "Šī lapa ir tikai lasāma: personāla parole šajā instalācijā ir iestatīta nepareizi. Lūdziet administratoram to iestatīt vēlreiz.",
        "en": "This page is read-only: the staff password of this installation is set up wrongly. Ask the administrator to set it up again.",
    },
    "data.upload.button": {"lv": "Izvēlēties failus", "en": "Choose files"},
    "data.password": {"lv": "Personāla parole", "en": "Staff password"},
    "data.password_wrong": {
        "lv": "Nepareiza parole; nekas netika mainīts.",
        "en": "Wrong password; nothing was changed.",
    },
    "data.password_wait": {
        "lv": "Nākamo paroli varēs mēģināt pēc {wait}.",
        "en": "The next password can be tried in {wait}.",
    },
    "data.password_locked": {
        "lv": "Pārāk daudz nepareizu paroļu: saglabāšana un atsaukšana ir bloķēta uz {wait}.",
        "en": "Too many wrong passwords: saving and undo are locked for {wait}.",
    },
    "data.password_refused": {
        "lv": "Parole netika pārbaudīta, un nekas netika mainīts: pēc vairākām nepareizām parolēm jāpagaida vēl {wait}.",
        "en": "The password was not checked and nothing was changed: after several wrong passwords, wait {wait} more.",
    },
    "data.password_refused_locked": {
        "lv": "Parole netika pārbaudīta, un nekas netika mainīts: pēc pārāk daudzām nepareizām parolēm saglabāšana un atsaukšana ir bloķēta vēl {wait}.",
        "en": "The password was not checked and nothing was changed: after too many wrong passwords, saving and undo are locked for {wait} more.",
    },
    "data.yes": {"lv": "jā", "en": "yes"},
    "data.no": {"lv": "nē", "en": "no"},
    # pašreizējie dati / what is loaded
    "data.status.title": {"lv": "Pašlaik ielādētie dati", "en": "Data loaded now"},
    "data.status.col.table": {"lv": "tabula", "en": "table"},
    "data.status.col.file": {"lv": "fails", "en": "file"},
    "data.status.col.rows": {"lv": "rindas", "en": "rows"},
    "data.status.col.encoding": {"lv": "kodējums", "en": "encoding"},
    "data.status.col.separator": {"lv": "atdalītājs", "en": "separator"},
    "data.status.col.changed": {"lv": "pēdējās izmaiņas", "en": "last change"},
    "data.status.fingerprint": {
        "lv": "Mapes nospiedums (SHA-256): `{fingerprint}`",
        "en": "Folder fingerprint (SHA-256): `{fingerprint}`",
    },
    "data.download_zip": {"lv": "Lejupielādēt pašreizējos datus (zip)", "en": "Download the current data (zip)"},
    # augšupielāde / upload
    "data.upload.title": {"lv": "Augšupielādēt datus", "en": "Upload data"},
    "data.upload.label": {
        "lv": "Tabulu faili (CSV vai XLSX) vai datu mapes zip arhīvs, līdz {limit} MB katrs",
        "en": "Table files (CSV or XLSX) or a zip of the data folder, up to {limit} MB each",
    },
    "data.upload.help": {
        "lv": f"Faila nosaukumam jābūt tabulas nosaukumam ({TABLE_NAMES}) ar .csv vai .xlsx. Faili tiek pārbaudīti kopā ar pārējām pašreizējām tabulām; līdz saglabāšanai nekas netiek mainīts.",
        "en": f"A file must be named after its table ({TABLE_NAMES}), as .csv or .xlsx. The files are checked together with the other current tables; nothing changes until you save.",
    },
    "data.upload.checking": {"lv": "Pārbauda failus…", "en": "Checking the files…"},
    "data.review.refused": {
        "lv": "Šo augšupielādi nevar saglabāt (kļūdu skaits: {count}). Nekas netika mainīts: izlabojiet failu, kā norādīts tabulā, un augšupielādējiet to vēlreiz.",
        "en": "This upload cannot be saved (errors: {count}). Nothing was changed: fix the file as the table says and upload it again.",
    },
    "data.review.warnings": {
        "lv": "Dati ir derīgi, bet ir brīdinājumi ({count}); izskatiet tos pirms saglabāšanas.",
        "en": "The data is valid, with warnings ({count}); look at them before saving.",
    },
    "data.review.same_files": {
        "lv": "Augšupielādētie faili ir tieši tādi paši kā pašreizējie; nav ko saglabāt.",
        "en": "The uploaded files are exactly the current ones; there is nothing to save.",
    },
    "data.review.read_only": {
        "lv": "Saglabāt nevar: personāla parole nav iestatīta (sk. lapas augšā).",
        "en": "Saving is not possible: no staff password is configured (see the top of the page).",
    },
    "data.review.changes_title": {"lv": "Kas mainīsies", "en": "What will change"},
    "data.review.cannot_compare": {
        "lv": "Pašreizējos datus nevar ielādēt, tāpēc izmaiņas pa rindām nevar parādīt. Saglabājot tiks ierakstīti faili: {files}.",
        "en": "The current data cannot be loaded, so the changes cannot be shown row by row. Saving writes these files: {files}.",
    },
    "data.review.replaces": {
        "lv": "{old} tiks noņemts: tabulai ir tikai viens fails, un to aizstāj augšupielādētais.",
        "en": "{old} will be removed: a table is one file, and the uploaded one replaces it.",
    },
    "data.review.save_intro": {
        "lv": "Pārbaudiet izmaiņas. Saglabājot pašreizējie faili tiek saglabāti vēsturē, un saglabāšanu var atsaukt.",
        "en": "Check the changes. Saving keeps the current files in the history, and the save can be undone.",
    },
    "data.save": {"lv": "Saglabāt", "en": "Save"},
    "data.saved": {
        "lv": "Saglabāts: {files}. {changes}. Iepriekšējā versija: {backup}.",
        "en": "Saved: {files}. {changes}. Previous version: {backup}.",
    },
    # izmaiņas / changes
    "data.diff.line": {"lv": "**{table}** ({file}): {summary}", "en": "**{table}** ({file}): {summary}"},
    "data.diff.none": {"lv": "rindas nav mainītas", "en": "no rows changed"},
    "data.diff.first.added.one": {"lv": "{n} rinda pievienota", "en": "{n} row added"},
    "data.diff.first.added.other": {"lv": "{n} rindas pievienotas", "en": "{n} rows added"},
    "data.diff.first.removed.one": {"lv": "{n} rinda dzēsta", "en": "{n} row removed"},
    "data.diff.first.removed.other": {"lv": "{n} rindas dzēstas", "en": "{n} rows removed"},
    "data.diff.first.changed.one": {"lv": "{n} rinda mainīta", "en": "{n} row changed"},
    "data.diff.first.changed.other": {"lv": "{n} rindas mainītas", "en": "{n} rows changed"},
    "data.diff.next.added.one": {"lv": "{n} pievienota", "en": "{n} added"},
    "data.diff.next.added.other": {"lv": "{n} pievienotas", "en": "{n} added"},
    "data.diff.next.removed.one": {"lv": "{n} dzēsta", "en": "{n} removed"},
    "data.diff.next.removed.other": {"lv": "{n} dzēstas", "en": "{n} removed"},
    "data.diff.next.changed.one": {"lv": "{n} mainīta", "en": "{n} changed"},
    "data.diff.next.changed.other": {"lv": "{n} mainītas", "en": "{n} changed"},
    "data.diff.by_key": {"lv": "Rindas salīdzinātas pēc {columns}.", "en": "Rows matched by {columns}."},
    "data.diff.by_whole_rows": {
        "lv": "Šai tabulai nav identifikatora, tāpēc salīdzinātas veselas rindas: mainīta rinda parādās kā viena dzēsta un viena pievienota.",
        "en": "This table has no id, so whole rows are compared: a changed row shows as one removed and one added.",
    },
    "data.diff.examples": {"lv": "Piemēri", "en": "Examples"},
    "data.diff.examples.added": {"lv": "Pievienotās rindas (dažas pirmās):", "en": "Added rows (the first few):"},
    "data.diff.examples.removed": {"lv": "Dzēstās rindas (dažas pirmās):", "en": "Removed rows (the first few):"},
    "data.diff.examples.changed": {"lv": "Mainītās rindas (dažas pirmās):", "en": "Changed rows (the first few):"},
    "data.diff.col.row": {"lv": "identifikators", "en": "id"},
    "data.diff.col.column": {"lv": "kolonna", "en": "column"},
    "data.diff.col.old": {"lv": "bija", "en": "was"},
    "data.diff.col.new": {"lv": "būs", "en": "will be"},
    # vēsture / history
    "data.history.title": {"lv": "Saglabāšanas vēsture un atsaukšana", "en": "Save history and undo"},
    "data.history.empty": {
        "lv": "No šīs lapas vēl nekas nav saglabāts.",
        "en": "Nothing has been saved from this page yet.",
    },
    "data.history.col.when": {"lv": "kad", "en": "when"},
    "data.history.col.kind": {"lv": "darbība", "en": "action"},
    "data.history.col.files": {"lv": "faili", "en": "files"},
    "data.history.col.backup": {"lv": "iepriekšējā versija", "en": "previous version"},
    "data.history.col.undone": {"lv": "atsaukta", "en": "undone"},
    "data.history.kind.save": {"lv": "saglabāšana", "en": "save"},
    "data.history.kind.undo": {"lv": "atsaukšana", "en": "undo"},
    "data.history.kind.import": {"lv": "ielāde datubāzē", "en": "import into the database"},
    "data.action.replaced": {"lv": "aizstāts", "en": "replaced"},
    "data.action.created": {"lv": "pievienots", "en": "added"},
    "data.action.removed": {"lv": "noņemts", "en": "removed"},
    "data.history.nothing_to_undo": {"lv": "Nav saglabāšanas, ko atsaukt.", "en": "There is no save to undo."},
    "data.history.changed_since": {
        "lv": "Pēdējo saglabāšanu ({when}) nevar atsaukt: faili kopš tās ir mainīti citādi. Iepriekšējās versijas joprojām ir mapē .history.",
        "en": "The last save ({when}) cannot be undone: the files have changed otherwise since. The previous versions are still in .history.",
    },
    "data.history.undo_intro": {
        "lv": "Pēdējā saglabāšana: {when}, {files}. Atsaucot faili tiek atjaunoti, kādi tie bija pirms tās; pašreizējie tiek saglabāti vēsturē.",
        "en": "Last save: {when}, {files}. Undo puts the files back as they were before it; the current ones are kept in the history.",
    },
    "data.undo": {"lv": "Atsaukt pēdējo saglabāšanu", "en": "Undo the last save"},
    "data.undone": {
        "lv": "Atsaukta saglabāšana ({when}): {files} atjaunoti. Atsauktā versija glabājas {backup}.",
        "en": "Undid the save of {when}: {files} restored. The undone version is kept in {backup}.",
    },
    # kļūdas saglabājot / why a save or undo did not happen
    "data.error.expired": {
        "lv": "Pārbaudītā augšupielāde vairs nav pieejama; augšupielādējiet failus vēlreiz. Nekas netika mainīts.",
        "en": "The checked upload is no longer available; upload the files again. Nothing was changed.",
    },
    "data.error.stale": {
        "lv": "Kopš pārbaudes dati ir mainīti (vai kāds cits tos saglabāja?). Nekas netika saglabāts un nekas nav zaudēts: izskatiet izmaiņas pret jaunajiem datiem un saglabājiet vēlreiz.",
        "en": "The data changed since you checked it (did someone else save?). Nothing was saved and nothing is lost: review the changes against the new data and save again.",
    },
    "data.error.invalid": {
        "lv": "Saglabāt nevar: dati neiziet pārbaudi. Nekas netika mainīts.",
        "en": "Cannot save: the data does not pass the check. Nothing was changed.",
    },
    "data.error.nothing_to_save": {
        "lv": "Nav ko saglabāt: faili jau ir tieši tādi.",
        "en": "Nothing to save: the files are exactly that already.",
    },
    "data.error.unsafe_name": {
        "lv": "Šāds faila nosaukums nav atļauts; nekas netika mainīts.",
        "en": "That file name is not allowed; nothing was changed.",
    },
    "data.error.failed": {
        "lv": "Saglabāšana neizdevās ({reason}); faili ir tādi, kādi bija, nekas netika mainīts.",
        "en": "Saving failed ({reason}); the files are as they were, nothing was changed.",
    },
    "data.error.failed_not_restored": {
        "lv": "Saglabāšana neizdevās ({reason}), un ne visus failus izdevās atjaunot. Iepriekšējās versijas ir {backup}; lūdzu, ziņojiet administratoram.",
        "en": "Saving failed ({reason}) and not every file could be put back. The previous versions are in {backup}; please tell the administrator.",
    },
    "data.recovered": {
        "lv": "Iepriekšējā saglabāšana tika pārtraukta (piemēram, serveris apstājās). Dati ir atjaunoti tieši tādi, kādi tie bija pirms tās ({files}); ja izmaiņas vajadzīgas, saglabājiet tās vēlreiz.",
        "en": "The previous save was interrupted (the server stopped, for example). The data is back exactly as it was before it ({files}); if the change is needed, save it again.",
    },
    "data.recovered.temporaries": {
        "lv": "No datu mapes izņemti {count} pagaidu faili, kas palika pēc pārtrauktas saglabāšanas; dati nav mainīti.",
        "en": "{count} temporary files left by an interrupted save were removed from the data folder; the data is unchanged.",
    },
    "data.error.nothing_to_undo": {"lv": "Nav saglabāšanas, ko atsaukt.", "en": "There is no save to undo."},
    "data.error.undo_changed_since": {
        "lv": "Atsaukt nevar: kopš pēdējās saglabāšanas faili ir mainīti citādi. Nekas netika mainīts.",
        "en": "Cannot undo: the files have changed otherwise since the last save. Nothing was changed.",
    },
    # veidnes / templates
    "data.templates.title": {"lv": "Veidnes", "en": "Templates"},
    "data.templates.table": {"lv": "Tabula", "en": "Table"},
    "data.templates.col.column": {"lv": "kolonna", "en": "column"},
    "data.templates.col.kind": {"lv": "tips", "en": "type"},
    "data.templates.col.required": {"lv": "obligāta", "en": "required"},
    "data.templates.col.values": {"lv": "atļautās vērtības", "en": "allowed values"},
    "data.templates.col.description": {"lv": "apraksts", "en": "description"},
    "data.templates.csv": {"lv": "Veidne CSV", "en": "Template (CSV)"},
    "data.templates.xlsx": {"lv": "Veidne Excel (.xlsx)", "en": "Template (Excel .xlsx)"},
    "data.templates.note": {
        "lv": "Veidnē ir virsraksts un viena parauga rinda: aizstājiet to ar saviem datiem. CSV ir latviskā Excel formātā (UTF-8, semikols, datumi 18.03.2019); .xlsx veidnē kodu kolonnām ir izvēlnes, un lapā “apraksts” kolonnas paskaidrotas latviski un angliski.",
        "en": "A template holds the header and one example row: replace it with your data. The CSV is in Latvian Excel's format (UTF-8, semicolon, dates 18.03.2019); the .xlsx has drop-down lists for the code columns and a sheet “apraksts” explaining every column in Latvian and English.",
    },
    "data.template.choose": {"lv": "Izvēlieties no saraksta", "en": "Choose from the list"},
    "data.kind.id": {"lv": "identifikators (unikāls)", "en": "id (unique)"},
    "data.kind.text": {"lv": "teksts", "en": "text"},
    "data.kind.int": {"lv": "vesels skaitlis", "en": "whole number"},
    "data.kind.decimal": {"lv": "skaitlis (56,72066)", "en": "number (56.72066)"},
    "data.kind.date": {"lv": "datums (18.03.2019)", "en": "date (18.03.2019)"},
    "data.kind.enum": {"lv": "kods no saraksta", "en": "code from the list"},
    "data.kind.reference": {"lv": "identifikators no {table}", "en": "id from {table}"},
    # kolonnu apraksti / what each column means
    "data.col.spaces.space_id": {"lv": "Telpas identifikators, piemēram, colabora-lielvarde; unikāls.", "en": "The space's id, e.g. colabora-lielvarde; unique."},
    "data.col.spaces.name": {"lv": "Telpas nosaukums.", "en": "The space's name."},
    "data.col.spaces.municipality": {"lv": "Pašvaldība pēc 2021. gada reformas, piemēram, Ogres novads.", "en": "Municipality after the 2021 reform, e.g. Ogres novads."},
    "data.col.spaces.settlement": {"lv": "Pilsēta vai ciems.", "en": "Town or village."},
    "data.col.spaces.address": {"lv": "Adrese.", "en": "Street address."},
    "data.col.spaces.latitude": {"lv": "Platums (WGS84), Latvijā 55,6–58,1.", "en": "Latitude (WGS84), in Latvia 55.6–58.1."},
    "data.col.spaces.longitude": {"lv": "Garums (WGS84), Latvijā 20,9–28,3.", "en": "Longitude (WGS84), in Latvia 20.9–28.3."},
    "data.col.spaces.space_type": {"lv": "Telpas veids.", "en": "Kind of space."},
    "data.col.spaces.opened_on": {"lv": "Atvēršanas datums.", "en": "Date it opened."},
    "data.col.spaces.closed_on": {"lv": "Slēgšanas datums; tukšs, ja darbojas.", "en": "Date it closed; empty while open."},
    "data.col.spaces.desks": {"lv": "Darba vietu skaits.", "en": "Number of desks."},
    "data.col.spaces.operator": {"lv": "Uzturētājs, piemēram, pašvaldība vai uzņēmums.", "en": "Who runs it, e.g. a municipality or a company."},
    "data.col.spaces.website": {"lv": "Tīmekļa adrese (http:// vai https://).", "en": "Website (http:// or https://)."},
    "data.col.residents.resident_id": {"lv": "Rezidenta pseidonīms, piemēram, R0001; nekādu vārdu vai personas kodu.", "en": "The resident's pseudonym, e.g. R0001; never a name or personal code."},
    "data.col.residents.space_id": {"lv": "Telpa, kurā rezidents strādā (space_id no spaces).", "en": "The resident's space (space_id from spaces)."},
    "data.col.residents.joined_on": {"lv": "Datums, kad kļuva par rezidentu.", "en": "Date they became a resident."},
    "data.col.residents.left_on": {"lv": "Datums, kad izstājās; tukšs, ja joprojām rezidents.", "en": "Date they left; empty while still a resident."},
    "data.col.residents.gender": {"lv": "Dzimums; tukšs = nav zināms (der arī sieviete, vīrietis, cits).", "en": "Gender; empty = unknown (Latvian words are accepted too)."},
    "data.col.residents.birth_year": {"lv": "Dzimšanas gads.", "en": "Year of birth."},
    "data.col.residents.home_municipality": {"lv": "Dzīvesvietas pašvaldība.", "en": "Home municipality."},
    "data.col.residents.occupation": {"lv": "Nodarbošanās; tukšs = nav zināma.", "en": "Occupation; empty = unknown."},
    "data.col.events.event_id": {"lv": "Pasākuma identifikators, piemēram, E2019-001; unikāls.", "en": "The event's id, e.g. E2019-001; unique."},
    "data.col.events.title": {"lv": "Pasākuma nosaukums.", "en": "Title of the event."},
    "data.col.events.event_type": {"lv": "Pasākuma veids.", "en": "Kind of event."},
    "data.col.events.starts_on": {"lv": "Sākuma datums.", "en": "Start date."},
    "data.col.events.ends_on": {"lv": "Beigu datums; tukšs vienas dienas pasākumam.", "en": "End date; empty for a one-day event."},
    "data.col.events.space_id": {"lv": "Norises telpa (space_id no spaces); tukšs, ja citur.", "en": "The venue (space_id from spaces); empty if elsewhere."},
    "data.col.events.municipality": {"lv": "Pašvaldība; tukšs = norises telpas pašvaldība.", "en": "Municipality; empty = the venue's."},
    "data.col.events.latitude": {"lv": "Platums pasākumam ārpus telpām.", "en": "Latitude for an event away from the spaces."},
    "data.col.events.longitude": {"lv": "Garums pasākumam ārpus telpām.", "en": "Longitude for an event away from the spaces."},
    "data.col.events.project_code": {"lv": "Projekts, kurā pasākumu uzskaita (project_code no projects).", "en": "The project it is reported under (project_code from projects)."},
    "data.col.events.participants": {"lv": "Dalībnieku skaits; izmanto, ja nav apmeklējuma saraksta.", "en": "Head count; used when there is no attendance list."},
    "data.col.events.description": {"lv": "Apraksts.", "en": "Description."},
    "data.col.attendance.event_id": {"lv": "Pasākums (event_id no events).", "en": "The event (event_id from events)."},
    "data.col.attendance.person_id": {"lv": "Personas pseidonīms (rezidentam – resident_id); tukšs = anonīms viesis.", "en": "The person's pseudonym (a resident's resident_id); empty = anonymous guest."},
    "data.col.attendance.gender": {"lv": "Dzimums; rezidentiem noteicošs ir residents.", "en": "Gender; for residents, residents wins."},
    "data.col.attendance.birth_year": {"lv": "Dzimšanas gads; rezidentiem noteicošs ir residents.", "en": "Year of birth; for residents, residents wins."},
    "data.col.attendance.home_municipality": {"lv": "Dzīvesvietas pašvaldība; rezidentiem noteicošs ir residents.", "en": "Home municipality; for residents, residents wins."},
    "data.col.attendance.role": {"lv": "Loma; tukšs = dalībnieks.", "en": "Role; empty = participant."},
    "data.col.event_stops.event_id": {"lv": "Pieredzes brauciena pasākums (event_id no events).", "en": "The study-visit event (event_id from events)."},
    "data.col.event_stops.stop_no": {"lv": "Pieturas kārtas numurs no 1; pasākumā unikāls.", "en": "Order of the stop from 1; unique per event."},
    "data.col.event_stops.space_id": {"lv": "Apmeklētā telpa (space_id no spaces) …", "en": "The space visited (space_id from spaces) …"},
    "data.col.event_stops.place_name": {"lv": "… vai citas vietas nosaukums.", "en": "… or the name of another place."},
    "data.col.event_stops.latitude": {"lv": "Citas vietas platums.", "en": "Latitude of the other place."},
    "data.col.event_stops.longitude": {"lv": "Citas vietas garums.", "en": "Longitude of the other place."},
    "data.col.projects.project_code": {"lv": "Projekta numurs, piemēram, 18-00-A019.333-000015; unikāls.", "en": "The project number, e.g. 18-00-A019.333-000015; unique."},
    "data.col.projects.title": {"lv": "Projekta nosaukums.", "en": "Title of the project."},
    "data.col.projects.programme": {"lv": "Programma.", "en": "Programme."},
    "data.col.projects.measure": {"lv": "Pasākums (apakšpasākums).", "en": "Measure."},
    "data.col.projects.funder": {"lv": "Finansētājs, piemēram, ELFLA.", "en": "Funder, e.g. EAFRD (ELFLA)."},
    "data.col.projects.starts_on": {"lv": "Projekta sākums.", "en": "Project start."},
    "data.col.projects.ends_on": {"lv": "Projekta beigas.", "en": "Project end."},
    "data.col.projects.budget_eur": {"lv": "Budžets eiro.", "en": "Budget in euro."},
    "data.col.projects.target_events": {"lv": "Mērķis: pasākumu skaits.", "en": "Target: number of events."},
    "data.col.projects.target_participants": {"lv": "Mērķis: dalību skaits.", "en": "Target: participations."},
    "data.col.projects.target_unique_participants": {"lv": "Mērķis: unikālo dalībnieku skaits.", "en": "Target: unique participants."},
    "data.col.projects.spent_eur": {"lv": "Izmaksātās attiecināmās izmaksas līdz šim, eiro.", "en": "Eligible costs paid so far, in euro."},
    "data.col.projects.target_jobs_fte": {"lv": "Mērķis: radītās darba vietas pilnas slodzes ekvivalentos.", "en": "Target: jobs created in full-time equivalents."},
    "data.col.projects.target_businesses": {"lv": "Mērķis: dibinātie un atbalstītie uzņēmumi.", "en": "Target: businesses started and supported."},
    "data.col.projects.final_payment_on": {"lv": "Noslēguma maksājuma datums; no tā sākas uzraudzības periods.", "en": "Date of the final payment; the monitoring period starts from it."},
    "data.col.outcomes.outcome_id": {"lv": "Rezultāta identifikators; unikāls.", "en": "The outcome's id; unique."},
    "data.col.outcomes.outcome_type": {"lv": "Rezultāta veids.", "en": "Type of outcome."},
    "data.col.outcomes.recorded_on": {"lv": "Reģistrēšanas datums; darba vietai: līguma sākums.", "en": "The day it is recorded; for a job: the day the contract starts."},
    "data.col.outcomes.fte": {"lv": "Darba vietai: slodze (pilna = 1, puse = 0,5); citiem tukšs.", "en": "For a job: full-time equivalent (full = 1, half = 0.5); empty otherwise."},
    "data.col.outcomes.project_code": {"lv": "Projekts, kurā to uzskaita (project_code no projects).", "en": "The project it is reported under (project_code from projects)."},
    "data.col.outcomes.space_id": {"lv": "Telpa, no kuras tas radies (space_id no spaces).", "en": "The space it came from (space_id from spaces)."},
    "data.col.outcomes.resident_id": {"lv": "Rezidents, uz kuru tas attiecas (resident_id no residents).", "en": "The resident concerned (resident_id from residents)."},
    "data.col.outcomes.description": {"lv": "Apraksts bez personas datiem.", "en": "Description, without personal data."},
    "data.col.municipalities.municipality": {"lv": "Pašvaldība pēc 2021. gada reformas; unikāla.", "en": "Municipality after the 2021 reform; unique."},
    "data.col.municipalities.population": {"lv": "Iedzīvotāju skaits.", "en": "Number of inhabitants."},
    "data.col.municipalities.population_on": {"lv": "Datums, uz kuru skaits attiecas.", "en": "The date the figure refers to."},
    "data.col.municipalities.source": {"lv": "Avots, piemēram, CSP, 01.01.2024.", "en": "Source, e.g. CSP, 01.01.2024."},
    # komandrinda / command line (python -m storage)
    "data.cli.description": {"lv": "Datu mapes rīki.", "en": "Data folder tools."},
    "data.cli.hash_help": {
        "lv": "izdrukāt personāla paroles jaucējkoda rindu vides mainīgajam vai .streamlit/secrets.toml",
        "en": "print the staff password's hash line for the environment or .streamlit/secrets.toml",
    },
    "data.cli.password": {"lv": "Personāla parole: ", "en": "Staff password: "},
    "data.cli.again": {"lv": "Vēlreiz: ", "en": "Again: "},
    "data.cli.differ": {"lv": "Paroles nesakrīt; nekas netika izdrukāts.", "en": "The passwords differ; nothing was printed."},
    "data.cli.empty": {"lv": "Parole ir tukša; nekas netika izdrukāts.", "en": "The password is empty; nothing was printed."},
    # pseidonīmu atslēga / the pseudonym key (make-key, rekey)
    "data.cli.make_key_help": {
        "lv": "izdrukāt jaunas pseidonīmu atslēgas rindu vides mainīgajam vai .streamlit/secrets.toml",
        "en": "print a new pseudonym key's line for the environment or .streamlit/secrets.toml",
    },
    "data.cli.key_note": {
        "lv": "Glabājiet šo atslēgu drošā vietā un nevienam to nerādiet. Ja tā pazūd, tiem pašiem cilvēkiem turpmāk "
              "būs jauni ID, kurus nevar sasaistīt ar vecajiem; ja tā nonāk svešās rokās, pārkodējiet ID ar "
              "python -m storage rekey.",
        "en": "Keep this key safe and show it to nobody. If it is lost, the same people get new ids from then on, "
              "which cannot be linked to the old ones; if it leaks, re-key the ids with python -m storage rekey.",
    },
    "data.cli.rekey_help": {
        "lv": "pārkodēt datu mapes pseidonīmus (P-…) ar jaunu atslēgu",
        "en": "re-key the data folder's pseudonyms (P-…) with a new key",
    },
    "data.cli.rekey_old": {
        "lv": "pašlaik iestatītā COWORKING_PSEUDONYM_KEY vērtība (viena atslēga vai ķēde)",
        "en": "the value of COWORKING_PSEUDONYM_KEY configured now (one key or a chain)",
    },
    "data.cli.rekey_new": {
        "lv": "jaunā atslēga (no python -m storage make-key)",
        "en": "the new key (from python -m storage make-key)",
    },
    "data.cli.rekey_dir": {"lv": "datu mape", "en": "the data folder"},
    "data.cli.key_missing": {
        "lv": "{which}: atslēga nav norādīta. Nekas netika mainīts.",
        "en": "{which}: no key given. Nothing was changed.",
    },
    "data.cli.key_short": {
        "lv": "{which}: atslēga ir par īsu (vismaz {min} rakstzīmes; jaunu izveido ar python -m storage make-key). "
              "Nekas netika mainīts.",
        "en": "{which}: the key is too short ({min} characters at least; python -m storage make-key makes a new one). "
              "Nothing was changed.",
    },
    "data.cli.new_not_single": {
        "lv": "NEW jābūt vienai atslēgai, bez atstarpēm. Nekas netika mainīts.",
        "en": "NEW must be one key, without spaces. Nothing was changed.",
    },
    "data.cli.new_in_chain": {
        "lv": "NEW jau ir OLD ķēdē; izveidojiet jaunu atslēgu ar python -m storage make-key. Nekas netika mainīts.",
        "en": "NEW is in OLD's chain already; make a new key with python -m storage make-key. Nothing was changed.",
    },
    "data.cli.not_configured": {
        "lv": "Brīdinājums: OLD nav tas pats, kas šī procesa vidē iestatītais COWORKING_PSEUDONYM_KEY. Pārliecinieties, "
              "ka OLD ir tieši tā vērtība, ar kuru veidoti esošie ID, citādi jaunā ķēde tiem pašiem vārdiem dos citus ID.",
        "en": "Warning: OLD is not the COWORKING_PSEUDONYM_KEY set in this process's environment. Make sure OLD is "
              "exactly the value the existing ids were made with, or the new chain will give other ids for the same names.",
    },
    "data.cli.not_a_folder": {
        "lv": "{folder} nav mape. Nekas netika mainīts.",
        "en": "{folder} is not a folder. Nothing was changed.",
    },
    "data.cli.data_errors": {
        "lv": "Datu mapē ir kļūdas ({errors}); vispirms izlabojiet datus (python -m loaders check {folder}). "
              "Nekas netika mainīts.",
        "en": "The data folder has errors ({errors}); fix the data first (python -m loaders check {folder}). "
              "Nothing was changed.",
    },
    "data.cli.more_problems": {"lv": "  … un vēl {count}", "en": "  … and {count} more"},
    "data.cli.collision": {
        "lv": "Pārkodēt nevar: divi dažādi ID ({ids}) ar jauno atslēgu kļūtu vienādi. Izveidojiet citu atslēgu ar "
              "python -m storage make-key un mēģiniet vēlreiz. Nekas netika mainīts.",
        "en": "Cannot re-key: two different ids ({ids}) would become the same with the new key. Make another key "
              "with python -m storage make-key and try again. Nothing was changed.",
    },
    "data.cli.nothing_to_rekey": {
        "lv": "Datos nav neviena pseidonīma (P-…), ko pārkodēt. Nekas netika mainīts; iestatītā atslēga paliek, kāda bija.",
        "en": "The data holds no pseudonym (P-…) to re-key. Nothing was changed; the configured key stays as it is.",
    },
    "data.cli.rekeyed": {
        "lv": "Pseidonīmi pārkodēti ar jauno atslēgu (dažādo ID skaits: {ids}). Pārkodētās šūnas pa tabulām:",
        "en": "The pseudonyms were re-keyed with the new key (different ids: {ids}). Cells re-keyed per table:",
    },
    "data.cli.rekeyed_table": {"lv": "  {table}.{column}: {count}", "en": "  {table}.{column}: {count}"},
    "data.cli.rekey_revision": {
        "lv": "Izmaiņas ir datubāzes versija {revision}; tās var atsaukt lapā “Dati”.",
        "en": "The change is the database's revision {revision}; it can be undone on the Data page.",
    },
    "data.cli.rekey_backup": {
        "lv": "Iepriekšējie faili ir saglabāti {backup}; izmaiņas var atsaukt lapā “Dati”.",
        "en": "The previous files are kept in {backup}; the change can be undone on the Data page.",
    },
    "data.cli.rekey_setting": {
        "lv": "Tagad iestatiet šo rindu vecās COWORKING_PSEUDONYM_KEY vērtības vietā (vidē vai .streamlit/secrets.toml):",
        "en": "Now put this line in place of the old COWORKING_PSEUDONYM_KEY value (environment or .streamlit/secrets.toml):",
    },
    "data.cli.rekey_keep_old": {
        "lv": "Vecā atslēga jāpatur ķēdē: ķēde satur abas atslēgas, un tikai ar abām tie paši vārdi dod jaunos ID.",
        "en": "Keep the old key in the chain: the chain holds both keys, and only with both do the same names give the new ids.",
    },
    "data.cli.stale": {
        "lv": "Kamēr pārkodēja, datu mape tika mainīta (vai kāds saglabāja?). Nekas netika mainīts; palaidiet komandu vēlreiz.",
        "en": "The data folder changed while re-keying (did someone save?). Nothing was changed; run the command again.",
    },
    "data.cli.save_failed": {"lv": "Pārkodēt neizdevās: {reason}", "en": "Re-keying failed: {reason}"},
    # python -m storage db …: the PostgreSQL backend
    "data.cli.db.help": {"lv": "PostgreSQL datubāzes rīki (vairākas VRG vienā datubāzē)", "en": "PostgreSQL database tools (many LAGs in one database)"},
    "data.cli.db.init_help": {
        "lv": "izveidot (vai atjaunināt) lomas, tabulas un piekļuves noteikumus; paroles no vides mainīgajiem",
        "en": "create (or bring up to date) the roles, tables and access rules; passwords from environment variables",
    },
    "data.cli.db.add_lag_help": {"lv": "pievienot VRG (kods, nosaukums)", "en": "add a LAG (code, name)"},
    "data.cli.db.import_help": {
        "lv": "ielādēt datu mapi VRG datos (aizstāj visas tās tabulas; viena labojuma versija)",
        "en": "import a data folder as the LAG's data (replaces all its tables; one revision)",
    },
    "data.cli.db.export_help": {
        "lv": "izrakstīt VRG tabulas mapē kā CSV failus (Latvijas Excel formātā)",
        "en": "write the LAG's tables into a folder as CSV files (Latvian Excel style)",
    },
    "data.cli.db.admin_url": {"lv": "administratora savienojuma URL (postgresql://…)", "en": "the administrator's connection URL (postgresql://…)"},
    "data.cli.db.url": {"lv": "savienojuma URL (postgresql://…; var būt ?lag=KODS)", "en": "the connection URL (postgresql://…; may carry ?lag=CODE)"},
    "data.cli.db.lag": {"lv": "VRG kods, piemēram, pierigas", "en": "the LAG's code, e.g. pierigas"},
    "data.cli.db.name": {"lv": "VRG nosaukums", "en": "the LAG's name"},
    "data.cli.db.password_env": {
        "lv": "vides mainīgais, kurā ir lomas parole (paroli komandrindā neraksta)",
        "en": "the environment variable holding the role's password (never a password on the command line)",
    },
    "data.cli.db.dir": {"lv": "datu mape", "en": "the data folder"},
    "data.cli.db.force": {"lv": "rakstīt arī mapē, kas nav tukša", "en": "write into a folder that is not empty too"},
    "data.cli.db.not_a_url": {
        "lv": "{url} nav PostgreSQL savienojuma URL (postgresql://…).",
        "en": "{url} is not a PostgreSQL connection URL (postgresql://…).",
    },
    "data.cli.db.no_lag": {
        "lv": "Nav norādīta VRG: --lag KODS vai ?lag=KODS URL.",
        "en": "No LAG given: --lag CODE or ?lag=CODE in the URL.",
    },
    "data.cli.db.bad_lag": {"lv": "Nederīgs VRG norādījums: {reason}", "en": "The LAG is given wrongly: {reason}"},
    "data.cli.db.env_missing": {
        "lv": "Vides mainīgais {name} nav iestatīts vai ir tukšs; nekas netika mainīts.",
        "en": "The environment variable {name} is not set or empty; nothing was changed.",
    },
    "data.cli.db.failed": {"lv": "Datubāze {url}: {reason}", "en": "Database {url}: {reason}"},
    "data.cli.db.unknown_lag": {
        "lv": "Datubāzē nav VRG {lag} (vai lomai to neredz). Pievienojiet to ar db add-lag.",
        "en": "The database has no LAG {lag} (or the role cannot see it). Add it with db add-lag.",
    },
    "data.cli.db.initialised": {"lv": "Datubāze sagatavota: {url}", "en": "Database ready: {url}"},
    "data.cli.db.lag_added": {"lv": "VRG {lag} pievienota: {url}", "en": "LAG {lag} added: {url}"},
    "data.cli.db.data_errors": {
        "lv": "Datu mapē ir kļūdas; datubāzē nekas netika ierakstīts.",
        "en": "The data folder has errors; nothing was written to the database.",
    },
    "data.cli.db.imported": {
        "lv": "Ielādēts VRG {lag}: {tables} tabulas, {rows} rindas; versija {revision}.",
        "en": "Imported into LAG {lag}: {tables} tables, {rows} rows; revision {revision}.",
    },
    "data.cli.db.nothing_to_import": {
        "lv": "VRG {lag} datos jau ir tieši šie faili; nekas netika mainīts.",
        "en": "The LAG {lag} already holds exactly these files; nothing was changed.",
    },
    "data.cli.db.stale": {
        "lv": "Kamēr ielādēja, VRG dati tika mainīti (vai kāds saglabāja?). Nekas netika mainīts; palaidiet komandu vēlreiz.",
        "en": "The LAG's data changed while importing (did someone save?). Nothing was changed; run the command again.",
    },
    "data.cli.db.not_empty": {
        "lv": "Mape {folder} nav tukša; izvēlieties tukšu mapi vai pievienojiet --force.",
        "en": "The folder {folder} is not empty; choose an empty folder or add --force.",
    },
    "data.cli.db.not_a_folder": {"lv": "{folder} nav mape.", "en": "{folder} is not a folder."},
    "data.cli.db.exported": {
        "lv": "Izrakstīts VRG {lag} ({fingerprint}): {count} faili mapē {folder}",
        "en": "Exported LAG {lag} ({fingerprint}): {count} files into {folder}",
    },
    "data.cli.db.removed_old": {"lv": "  noņemts vecais fails {file}", "en": "  removed the old file {file}"},
    "data.cli.db.write_failed": {"lv": "Neizdevās ierakstīt {path}: {reason}", "en": "Could not write {path}: {reason}"},
}
