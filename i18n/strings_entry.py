"""Strings of data entry in the browser: the table editor, the new-event form, the sign-in import, keys."""

STRINGS: dict[str, dict[str, str]] = {
    # the Data page's tabs
    "entry.tab.files": {"lv": "Faili", "en": "Files"},
    "entry.tab.edit": {"lv": "Labot tabulas", "en": "Edit tables"},
    "entry.tab.signin": {"lv": "Reģistrācijas lapas", "en": "Sign-in sheets"},
    "entry.date_placeholder": {"lv": "dd.mm.gggg, piem. 18.03.2019", "en": "dd.mm.yyyy, e.g. 18.03.2019"},
    # the table editor
    "entry.editor.title": {"lv": "Labot tabulu pārlūkā", "en": "Edit a table in the browser"},
    "entry.editor.table": {"lv": "Tabula", "en": "Table"},
    "entry.editor.intro": {
        "lv": "Labojiet šūnas, pievienojiet rindu ar “+” tabulas apakšā vai izdzēsiet atzīmētās rindas. Izmaiņas "
              "tiek pārbaudītas kopā ar pārējām tabulām un parādītas zemāk; fails {file} mainās tikai pēc "
              "“Saglabāt” (ar iepriekšējās versijas kopiju, ko var atsaukt).",
        "en": "Edit cells, add a row with “+” below the table or delete the selected rows. The changes are checked "
              "with the other tables and shown below; the file {file} changes only on “Save” (with a copy of the "
              "previous version, which can be undone).",
    },
    "entry.editor.extra_columns": {
        "lv": "Failā ir arī kolonnas ārpus datu līguma ({columns}); tās saglabājas, kā ir.",
        "en": "The file also has columns outside the data contract ({columns}); they are kept as they are.",
    },
    "entry.editor.date_help": {"lv": "Datums kā Excel: 18.03.2019.", "en": "A date: 2019-03-18 (or 18.03.2019)."},
    "entry.editor.grid": {"lv": "{table} (labots pārlūkā)", "en": "{table} (edited in the browser)"},
    "entry.editor.needs_clean": {
        "lv": "Pārlūkā var labot tikai tad, kad dati ielādējas bez kļūdām. Vispirms izlabojiet kļūdas cilnē "
              "“Faili” (augšupielādējot izlabotos failus).",
        "en": "Editing in the browser needs data that loads without errors. First fix the errors on the “Files” tab "
              "(by uploading the corrected files).",
    },
    "entry.editor.unreadable": {
        "lv": "Šo tabulu pārlūkā labot nevar (failu nevar nolasīt šūnu pa šūnai). Labojiet to Excel un augšupielādējiet.",
        "en": "This table cannot be edited in the browser (its file cannot be read cell by cell). Edit it in Excel "
              "and upload it.",
    },
    # the editor's column headers (the file's own column name is in each header's help)
    "entry.col.space_id": {"lv": "Telpa", "en": "Space"},
    "entry.col.name": {"lv": "Nosaukums", "en": "Name"},
    "entry.col.municipality": {"lv": "Pašvaldība", "en": "Municipality"},
    "entry.col.settlement": {"lv": "Apdzīvotā vieta", "en": "Town or village"},
    "entry.col.address": {"lv": "Adrese", "en": "Address"},
    "entry.col.latitude": {"lv": "Platums", "en": "Latitude"},
    "entry.col.longitude": {"lv": "Garums", "en": "Longitude"},
    "entry.col.space_type": {"lv": "Veids", "en": "Type"},
    "entry.col.opened_on": {"lv": "Atvērta", "en": "Opened on"},
    "entry.col.closed_on": {"lv": "Slēgta", "en": "Closed on"},
    "entry.col.desks": {"lv": "Darba vietas", "en": "Desks"},
    "entry.col.operator": {"lv": "Uzturētājs", "en": "Operator"},
    "entry.col.website": {"lv": "Tīmekļa vietne", "en": "Website"},
    "entry.col.resident_id": {"lv": "Rezidenta ID", "en": "Resident id"},
    "entry.col.joined_on": {"lv": "Rezidents kopš", "en": "Joined on"},
    "entry.col.left_on": {"lv": "Rezidents līdz", "en": "Left on"},
    "entry.col.gender": {"lv": "Dzimums", "en": "Gender"},
    "entry.col.birth_year": {"lv": "Dzimšanas gads", "en": "Year of birth"},
    "entry.col.home_municipality": {"lv": "Dzīvesvietas pašvaldība", "en": "Home municipality"},
    "entry.col.occupation": {"lv": "Nodarbošanās", "en": "Occupation"},
    "entry.col.event_id": {"lv": "Pasākuma ID", "en": "Event id"},
    "entry.col.title": {"lv": "Nosaukums", "en": "Title"},
    "entry.col.event_type": {"lv": "Veids", "en": "Type"},
    "entry.col.starts_on": {"lv": "Sākums", "en": "Starts on"},
    "entry.col.ends_on": {"lv": "Beigas", "en": "Ends on"},
    "entry.col.project_code": {"lv": "Projekts", "en": "Project"},
    "entry.col.participants": {"lv": "Dalībnieku skaits", "en": "Head count"},
    "entry.col.description": {"lv": "Apraksts", "en": "Description"},
    "entry.col.person_id": {"lv": "Personas ID", "en": "Person id"},
    "entry.col.role": {"lv": "Loma", "en": "Role"},
    "entry.col.stop_no": {"lv": "Pieturas nr.", "en": "Stop no."},
    "entry.col.place_name": {"lv": "Vieta", "en": "Place"},
    "entry.col.programme": {"lv": "Programma", "en": "Programme"},
    "entry.col.measure": {"lv": "Pasākums (LAP)", "en": "Measure"},
    "entry.col.funder": {"lv": "Finansētājs", "en": "Funder"},
    "entry.col.budget_eur": {"lv": "Budžets, EUR", "en": "Budget, EUR"},
    "entry.col.target_events": {"lv": "Mērķis: pasākumi", "en": "Target: events"},
    "entry.col.target_participants": {"lv": "Mērķis: dalības", "en": "Target: participations"},
    "entry.col.target_unique_participants": {"lv": "Mērķis: unikālie dalībnieki", "en": "Target: unique participants"},
    "entry.col.spent_eur": {"lv": "Izlietots, EUR", "en": "Spent, EUR"},
    "entry.col.target_jobs_fte": {"lv": "Mērķis: darba vietas (slodzes)", "en": "Target: jobs (FTE)"},
    "entry.col.target_businesses": {"lv": "Mērķis: uzņēmumi", "en": "Target: businesses"},
    "entry.col.final_payment_on": {"lv": "Noslēguma maksājums", "en": "Final payment on"},
    "entry.col.outcome_id": {"lv": "Rezultāta ID", "en": "Outcome id"},
    "entry.col.outcome_type": {"lv": "Rezultāts", "en": "Outcome"},
    "entry.col.recorded_on": {"lv": "Reģistrēts", "en": "Recorded on"},
    "entry.col.fte": {"lv": "Slodzes", "en": "FTE"},
    "entry.col.population": {"lv": "Iedzīvotāji", "en": "Population"},
    "entry.col.population_on": {"lv": "Iedzīvotāji uz datumu", "en": "Population on"},
    "entry.col.source": {"lv": "Avots", "en": "Source"},
    "entry.col.events.space_id": {"lv": "Norises telpa", "en": "Venue"},
    "entry.col.event_stops.space_id": {"lv": "Apmeklētā telpa", "en": "Space visited"},
    "entry.col.outcomes.resident_id": {"lv": "Rezidents", "en": "Resident"},
    "entry.editor.file_column": {"lv": "Kolonna failā: {column}.", "en": "Column in the file: {column}."},
    "entry.editor.row": {"lv": "Nr.", "en": "No."},
    # quick forms
    "entry.form.none": {"lv": "— nav —", "en": "— none —"},
    "entry.form.source": {"lv": "{table} (jauna rinda)", "en": "{table} (new row)"},
    "entry.form.discard": {"lv": "Atmest šo rindu", "en": "Discard this row"},
    "entry.event.form_title": {"lv": "Jauns pasākums", "en": "New event"},
    "entry.event.title": {"lv": "Nosaukums", "en": "Title"},
    "entry.event.type": {"lv": "Veids", "en": "Type"},
    "entry.event.starts_on": {"lv": "Datums", "en": "Date"},
    "entry.event.ends_on": {"lv": "Beigu datums (ja vairākas dienas)", "en": "End date (if several days)"},
    "entry.event.space": {"lv": "Telpa", "en": "Space"},
    "entry.event.municipality": {"lv": "Pašvaldība (ja nav telpā)", "en": "Municipality (if not at a space)"},
    "entry.event.project": {"lv": "Projekts", "en": "Project"},
    "entry.event.participants": {"lv": "Dalībnieku skaits", "en": "Head count"},
    "entry.event.participants_help": {
        "lv": "Ja reģistrācijas lapas nav; ar lapu dalībniekus skaita pēc tās.",
        "en": "When there is no sign-in list; with a list, participants are counted from it.",
    },
    "entry.event.description": {"lv": "Apraksts", "en": "Description"},
    "entry.event.add": {"lv": "Pievienot un pārbaudīt", "en": "Add and check"},
    "entry.resident.form_title": {"lv": "Jauns rezidents", "en": "New resident"},
    "entry.resident.name": {"lv": "Vārds, uzvārds", "en": "Name and surname"},
    "entry.resident.name_help": {
        "lv": "No vārda ar atslēgu veido rezidenta ID (P-…), lai reģistrācijas lapās viņu atpazītu. Vārdu "
              "nesaglabā.",
        "en": "The resident's id (P-…) is made from the name with the key, so sign-in lists recognise them. The name "
              "is not stored.",
    },
    "entry.resident.space": {"lv": "Telpa", "en": "Space"},
    "entry.resident.joined_on": {"lv": "Rezidents kopš", "en": "Resident since"},
    "entry.resident.gender": {"lv": "Dzimums", "en": "Gender"},
    "entry.resident.birth_year": {"lv": "Dzimšanas gads", "en": "Year of birth"},
    "entry.resident.home": {"lv": "Dzīvesvietas pašvaldība", "en": "Home municipality"},
    "entry.resident.occupation": {"lv": "Nodarbošanās", "en": "Occupation"},
    "entry.resident.add": {"lv": "Izveidot ID un pārbaudīt", "en": "Make the id and check"},
    "entry.resident.no_name": {"lv": "Ierakstiet vārdu un uzvārdu.", "en": "Type the name and surname."},
    "entry.resident.exists": {
        "lv": "Šis cilvēks jau ir rezidents (ID {id}); nekas netika mainīts.",
        "en": "This person is a resident already (id {id}); nothing was changed.",
    },
    # the pseudonym key
    "entry.key.missing": {
        "lv": "Reģistrācijas lapu ielāde nav pieejama: nav iestatīta pseidonīmu atslēga. To iestata "
              "administrators (COWORKING_PSEUDONYM_KEY, sk. README “Pseidonīmu atslēga”).",
        "en": "Importing sign-in lists is not available: no pseudonym key is configured. The administrator sets it "
              "(COWORKING_PSEUDONYM_KEY, see the README, “The pseudonym key”).",
    },
    "entry.key.short": {
        "lv": "Reģistrācijas lapu ielāde nav pieejama: iestatītā pseidonīmu atslēga ir par īsu (vismaz 20 "
              "rakstzīmes; jaunu izveido ar python -m storage make-key).",
        "en": "Importing sign-in lists is not available: the configured pseudonym key is too short (20 characters "
              "at least; python -m storage make-key makes a new one).",
    },
    # sign-in lists
    "entry.signin.title": {"lv": "Reģistrācijas lapas", "en": "Sign-in sheets"},
    "entry.signin.event": {"lv": "Pasākums", "en": "Event"},
    "entry.signin.no_events": {"lv": "Vēl nav neviena pasākuma.", "en": "There are no events yet."},
    "entry.signin.sheet_intro": {
        "lv": "Izdrukājiet pasākuma reģistrācijas lapu; pēc pasākuma ierakstiet to Excel (tajā pašā veidnē) un "
              "ielādējiet zemāk.",
        "en": "Print the event's sign-in sheet; after the event type it into Excel (the same template) and import "
              "it below.",
    },
    "entry.signin.sheet_file": {"lv": "registracijas_lapa", "en": "sign_in_sheet"},
    "entry.signin.sheet_pdf": {"lv": "Reģistrācijas lapa (PDF)", "en": "Sign-in sheet (PDF)"},
    "entry.signin.sheet_xlsx": {"lv": "Reģistrācijas lapa (Excel)", "en": "Sign-in sheet (Excel)"},
    "entry.signin.import_title": {"lv": "Ielādēt aizpildītu sarakstu", "en": "Import a filled-in list"},
    "entry.signin.privacy": {
        "lv": "Vārdi paliek tikai atmiņā, kamēr sarakstu pārbauda: katrs vārds kļūst par pseidonīmu (P-…), kas "
              "vienam cilvēkam ir vienāds visos pasākumos. Vārdi netiek saglabāti ne datu mapē, ne vēsturē, ne "
              "žurnālos, ne eksportos; fails un ielīmētais teksts tiek aizmirsti, tiklīdz ID ir izveidoti.",
        "en": "Names stay in memory only while the list is checked: each name becomes a pseudonym (P-…), the same "
              "for one person at every event. Names are never stored: not in the data folder, the history, the "
              "logs or any export; the file and the pasted text are forgotten as soon as the ids are made.",
    },
    "entry.signin.file": {"lv": "Saraksts (CSV vai Excel)", "en": "The list (CSV or Excel)"},
    "entry.signin.file_help": {
        "lv": "Kolonna ar vārdu un uzvārdu (vai divas: vārds, uzvārds), un, ja ir, dzimums, dzimšanas gads, "
              "dzīvesvietas pašvaldība.",
        "en": "A column with the name and surname (or two: first name, surname) and, where known, gender, year of "
              "birth, home municipality.",
    },
    "entry.signin.paste": {"lv": "… vai ielīmējiet šūnas no Excel", "en": "… or paste the cells from Excel"},
    "entry.signin.paste_placeholder": {
        "lv": "Vārds, uzvārds	Dzimums	Dzimšanas gads	Pašvaldība (ar virsrakstu rindu)",
        "en": "Name and surname	Gender	Year of birth	Municipality (with the header row)",
    },
    "entry.signin.columns_title": {
        "lv": "**Kolonnas** (virsraksts {row}. rindā; izvēle tiek atcerēta šādiem sarakstiem)",
        "en": "**Columns** (header in row {row}; the choice is remembered for lists like this)",
    },
    "entry.signin.col.none": {"lv": "— nav —", "en": "— none —"},
    "entry.signin.col.name": {"lv": "Vārds, uzvārds", "en": "Name and surname"},
    "entry.signin.col.first_name": {"lv": "… vai vārds", "en": "… or first name"},
    "entry.signin.col.surname": {"lv": "… un uzvārds", "en": "… and surname"},
    "entry.signin.col.gender": {"lv": "Dzimums", "en": "Gender"},
    "entry.signin.col.birth_year": {"lv": "Dzimšanas gads", "en": "Year of birth"},
    "entry.signin.col.municipality": {"lv": "Dzīvesvietas pašvaldība", "en": "Home municipality"},
    "entry.signin.no_name_column": {
        "lv": "Izvēlieties kolonnu ar vārdu un uzvārdu.", "en": "Choose the column with the name and surname.",
    },
    "entry.signin.rows": {
        "lv": "Sarakstā: **{people}** dalībnieki (ar vārdu: {named}, bez vārda: {anonymous}).",
        "en": "On the list: **{people}** participants (with a name: {named}, without: {anonymous}).",
    },
    "entry.signin.problems": {
        "lv": "Šīs šūnas nevarēja nolasīt; tās paliks tukšas (vai izlabojiet failu un ielādējiet vēlreiz):",
        "en": "These cells could not be read; they stay empty (or correct the file and import it again):",
    },
    "entry.signin.near_title": {
        "lv": "**Līdzīgi vārdi: {count}** — vai tas ir viens cilvēks?",
        "en": "**Similar names: {count}** — is it one person?",
    },
    "entry.signin.near_help": {
        "lv": "Šie vārdi atšķiras tikai ar lielajiem burtiem, garumzīmēm vai atstarpēm, tāpēc tiem ir viens ID. "
              "Ja tie ir dažādi cilvēki ar vienādu vārdu, izvēlieties “Dažādi cilvēki” (un nākamreiz "
              "pierakstiet vārdam atšķirību, piem. “Anna Bērziņa (Ogre)”).",
        "en": "These names differ only in capitals, diacritics or spaces, so they get one id. If they are different "
              "people with the same name, choose “Different people” (and next time add a mark to the name, e.g. “Anna "
              "Bērziņa (Ogre)”).",
    },
    "entry.signin.near_group": {"lv": "Rindas {rows}: {names}", "en": "Rows {rows}: {names}"},
    "entry.signin.one_person": {"lv": "Viens cilvēks", "en": "One person"},
    "entry.signin.namesakes": {"lv": "Dažādi cilvēki", "en": "Different people"},
    "entry.signin.existing": {
        "lv": "Šim pasākumam jau ir saraksts ({count} rindas).", "en": "This event has a list already ({count} rows).",
    },
    "entry.signin.replace": {"lv": "Aizstāt to ar šo sarakstu", "en": "Replace it with this list"},
    "entry.signin.add": {"lv": "Papildināt to (tos pašus cilvēkus nedublējot)", "en": "Add to it (the same people once)"},
    "entry.signin.convert_intro": {
        "lv": "Ar personāla paroli vārdi tiek pārvērsti pseidonīmos; tad redzēsiet izmaiņas un varēsiet saglabāt.",
        "en": "With the staff password the names become pseudonyms; then you see the changes and can save.",
    },
    "entry.signin.convert": {"lv": "Pārvērst pseidonīmos", "en": "Make the pseudonyms"},
    "entry.signin.expired": {
        "lv": "Saraksts vairs nav pieejams; ielādējiet to vēlreiz. Nekas netika mainīts.",
        "en": "The list is no longer available; import it again. Nothing was changed.",
    },
    "entry.signin.people.one": {"lv": "**{people}** cilvēks", "en": "**{people}** person"},
    "entry.signin.people.other": {"lv": "**{people}** cilvēki", "en": "**{people}** people"},
    "entry.signin.new.one": {"lv": "**{new}** jauns", "en": "**{new}** new"},
    "entry.signin.new.other": {"lv": "**{new}** jauni", "en": "**{new}** new"},
    "entry.signin.summary_residents": {"lv": "no tiem rezidenti: {count}", "en": "residents among them: {count}"},
    "entry.signin.summary_anonymous": {"lv": "bez vārda: {count}", "en": "without a name: {count}"},
    "entry.signin.summary_merged": {
        "lv": "rindas, kas ir tas pats cilvēks vēlreiz: {count}", "en": "rows that were the same person again: {count}",
    },
    "entry.signin.summary_help": {
        "lv": "“Jauns” — šis ID datos vēl nav bijis (ne citā pasākumā, ne starp rezidentiem).",
        "en": "“New”: this id was not in the data before (at another event or among the residents).",
    },
    "entry.signin.skipped": {
        "lv": "Jau sarakstā, tāpēc nepievienoti: {count}.", "en": "On the list already, so not added: {count}.",
    },
    "entry.signin.source": {"lv": "reģistrācijas lapa (pseidonīmi)", "en": "sign-in list (pseudonyms)"},
    "entry.signin.discard": {"lv": "Atmest šo sarakstu", "en": "Discard this list"},
    # problems of a sign-in list (shown with its row and column; never a name)
    "problem.signin_empty": {
        "lv": "Sarakstā nav neviena aizpildīta rinda ar virsrakstiem.", "en": "The list has no filled-in rows with a header.",
    },
    "problem.signin_no_rows": {
        "lv": "Sarakstā ir tikai virsrakstu rinda, nav neviena dalībnieka.",
        "en": "The list has only its header row, no participant.",
    },
    "problem.signin_gender": {
        "lv": "Dzimums “{value}” nav saprotams (S, V, cits); atstāts nezināms.",
        "en": "Gender “{value}” is not understood (F, M, other); left as not known.",
    },
    "problem.signin_birth_year": {
        "lv": "Dzimšanas gads “{value}” nav gads no {first} līdz {last}; atstāts tukšs.",
        "en": "Year of birth “{value}” is not a year from {first} to {last}; left empty.",
    },
    "problem.signin_municipality": {
        "lv": "Pašvaldība “{value}” nav atpazīta; atstāta tukša.",
        "en": "Municipality “{value}” is not recognised; left empty.",
    },
    "problem.signin_municipality_read_as": {
        "lv": "Pašvaldība “{value}” nolasīta kā “{official}”.", "en": "Municipality “{value}” read as “{official}”.",
    },
}
