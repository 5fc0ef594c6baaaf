"""Strings of the data problems and the loaders' command line: {key: {"lv": ..., "en": ...}}.

Every ``problem.<rule>`` message (shown through ``Problem.message``: the loaders', the upload's,
an interrupted save's), the severities and ``python -m loaders check``.
"""

#: the tables, as the messages name them (the data page's strings use it too)
TABLE_NAMES = "spaces, residents, events, attendance, event_stops, projects"

STRINGS: dict[str, dict[str, str]] = {
    # nopietnība / severities
    "severity.error": {"lv": "kļūda", "en": "error"},
    "severity.warning": {"lv": "brīdinājums", "en": "warning"},
    # komandrinda / command line (python -m loaders check)
    "cli.description": {
        "lv": "Pārbauda datu mapi pret datu līgumu.",
        "en": "Check a data folder against the data contract.",
    },
    "cli.check_help": {"lv": "pārbaudīt mapes tabulu failus", "en": "check the table files in a folder"},
    "cli.json_help": {
        "lv": "izdrukāt vienu JSON objektu tabulas vietā",
        "en": "print one JSON object instead of a table",
    },
    "cli.folder": {"lv": "Datu mape: {folder}", "en": "Data folder: {folder}"},
    "cli.not_a_folder": {
        "lv": "{folder} nav mape (vai neeksistē).",
        "en": "{folder} is not a folder (or does not exist).",
    },
    "cli.summary": {
        "lv": "Kļūdas: {errors}, brīdinājumi: {warnings}.",
        "en": "{errors} error(s), {warnings} warning(s).",
    },
    "cli.ok": {"lv": "Datus var ielādēt.", "en": "The data can be loaded."},
    "cli.not_ok": {
        "lv": "Datus nevar ielādēt, kamēr kļūdas nav izlabotas; nekas netika mainīts.",
        "en": "The data cannot be loaded until the errors are fixed; nothing was changed.",
    },
    "cli.col.table": {"lv": "tabula", "en": "table"},
    "cli.col.file": {"lv": "fails", "en": "file"},
    "cli.col.rows": {"lv": "rindas", "en": "rows"},
    "cli.col.encoding": {"lv": "kodējums", "en": "encoding"},
    "cli.col.separator": {"lv": "atdalītājs", "en": "separator"},
    "cli.col.severity": {"lv": "veids", "en": "severity"},
    "cli.col.row": {"lv": "rinda", "en": "row"},
    "cli.col.column": {"lv": "kolonna", "en": "column"},
    "cli.col.value": {"lv": "vērtība", "en": "value"},
    "cli.col.message": {"lv": "paskaidrojums", "en": "message"},
    "cli.col.rule": {"lv": "noteikums", "en": "rule"},
    # problēmas: faili un mapes / problems: files and folders
    "problem.database_unreachable": {
        "lv": "Datubāze {value} nav sasniedzama vai šīs partnerības dati nav nolasāmi; rāda pēdējos labos datus, ja "
              "tādi ir. Administrators to redz servera žurnālā.",
        "en": "The database {value} cannot be reached or this partnership's data cannot be read; the last good data "
              "is shown, if any. The administrator sees why in the server's log.",
    },
    "problem.folder_missing": {
        "lv": "Datu mape {value} neeksistē vai nav mape.",
        "en": "The data folder {value} does not exist or is not a folder.",
    },
    "problem.internal_error": {
        "lv": "Failus neizdevās pārbaudīt negaidītas kļūmes dēļ ({value}); nekas netika ielādēts. Lūdzu, ziņojiet par to.",
        "en": "The files could not be checked because of an unexpected fault ({value}); nothing was loaded. Please report it.",
    },
    "problem.table_missing": {
        "lv": "Trūkst obligātās tabulas “{table}”: pievienojiet datu mapei {table}.csv vai {table}.xlsx.",
        "en": "The required table “{table}” is missing: add {table}.csv or {table}.xlsx to the data folder.",
    },
    "problem.table_file_twice": {
        "lv": "Tabula “{table}” ir divreiz ({files}); atstājiet tikai vienu failu.",
        "en": "The table “{table}” is there twice ({files}); keep only one file.",
    },
    "problem.table_empty": {
        "lv": "Tabulai “{table}” ir virsraksts, bet nav nevienas rindas.",
        "en": "The table “{table}” has a header but no rows.",
    },
    "problem.unknown_file": {
        "lv": f"Fails {{file}} nav neviena no tabulām ({TABLE_NAMES}), un tas tiek ignorēts.",
        "en": f"The file {{file}} is not one of the tables ({TABLE_NAMES}) and is ignored.",
    },
    "problem.file_empty": {
        "lv": "Fails {file} ir tukšs: tam nav virsraksta rindas.",
        "en": "The file {file} is empty: it has no header row.",
    },
    "problem.header_missing": {
        "lv": "Faila {file} pirmā rinda ir tukša: tajā jābūt kolonnu nosaukumiem (virsrakstam). Izdzēsiet tukšās rindas faila sākumā.",
        "en": "The first row of {file} is empty: it must hold the column names (the header). Delete the empty rows at the top of the file.",
    },
    "problem.file_unreadable": {
        "lv": "Failu {file} nevar nolasīt kā tabulu: tā saturs nav saprotams CSV vai Excel fails. Atveriet to Excel un saglabājiet vēlreiz kā “CSV UTF-8” vai .xlsx.",
        "en": "The file {file} cannot be read as a table: it is not a CSV or Excel file that can be understood. Open it in Excel and save it again as “CSV UTF-8” or .xlsx.",
    },
    "problem.formula_without_value": {
        "lv": "Šūnā ir Excel formula bez saglabātas vērtības. Atveriet failu Excel un saglabājiet to vēlreiz vai ierakstiet vērtību.",
        "en": "The cell holds an Excel formula without a saved value. Open the file in Excel and save it again, or type the value.",
    },
    "problem.invisible_character": {
        "lv": "Šūnā bija neredzama rakstzīme (baitu secības zīme vai nulles platuma atstarpe), un tā ir izņemta. Vai šajā vietā nav salīmēti divi faili?",
        "en": "The cell had an invisible character (a byte-order mark or a zero-width space), which was removed. Were two files pasted together here?",
    },
    "problem.phone_number": {
        "lv": "Šūnā ir tālruņa numurs ({value}); tālruņu numurus neglabājam. Izdzēsiet to.",
        "en": "The cell holds a phone number ({value}); phone numbers are not stored. Delete it.",
    },
    "problem.email_address": {
        "lv": "Šūnā ir e-pasta adrese ({value}); e-pastus neglabājam. Izdzēsiet to vai lietojiet pseidonīmu identifikatoru.",
        "en": "The cell holds an e-mail address ({value}); e-mail addresses are not stored. Delete it or use a pseudonymous id.",
    },
    "problem.folder_unreadable": {
        "lv": "Datu mapi {value} nevar nolasīt (nav atļaujas).",
        "en": "The data folder {value} cannot be read (no permission).",
    },
    "problem.file_failed": {
        "lv": "Failu {file} neizdevās pārbaudīt negaidītas kļūmes dēļ ({value}); šī tabula netika ielādēta. Lūdzu, ziņojiet par to.",
        "en": "The file {file} could not be checked because of an unexpected fault ({value}); this table was not loaded. Please report it.",
    },
    "problem.file_not_regular": {
        "lv": "{file} nav parasts fails (tā ir saite, mape vai speciāls fails), tāpēc tas netiek atvērts. Ielieciet datu mapē pašu failu.",
        "en": "{file} is not an ordinary file (it is a link, a folder or a special file), so it is not opened. Put the file itself in the data folder.",
    },
    "problem.file_permission": {
        "lv": "Failu {file} nav atļauts lasīt (faila tiesības, vai tas ir atvērts citā programmā). Aizveriet to vai lūdziet administratoram atļauju.",
        "en": "The file {file} may not be read (file permissions, or it is open in another program). Close it or ask the administrator for access.",
    },
    "problem.encoding_utf16": {
        "lv": "Fails {file} ir saglabāts kā “Unicode teksts” (UTF-16). Saglabājiet to no Excel kā “CSV UTF-8” vai “CSV (atdalīts ar semikolu)”.",
        "en": "The file {file} is saved as “Unicode text” (UTF-16). Save it from Excel as “CSV UTF-8” or “CSV (semicolon delimited)”.",
    },
    "problem.encoding_unknown": {
        "lv": "Fails {file} nav ne UTF-8, ne Windows-1257 teksts (vai tas ir CSV fails?). Saglabājiet to no Excel kā “CSV UTF-8”.",
        "en": "The file {file} is neither UTF-8 nor Windows-1257 text (is it a CSV file?). Save it from Excel as “CSV UTF-8”.",
    },
    "problem.archive_invalid": {
        "lv": "Fails {file} nav nolasāma Excel darbgrāmata (.xlsx).",
        "en": "The file {file} is not a readable Excel workbook (.xlsx).",
    },
    "problem.archive_too_many_entries": {
        "lv": "Failā {file} ir {count} daļas, vairāk nekā atļautās {limit}; drošības dēļ tas netiek atvērts.",
        "en": "The file {file} holds {count} parts, more than the {limit} allowed; it is refused for safety.",
    },
    "problem.archive_too_large": {
        "lv": "Fails {file} izpakots aizņemtu {size_mb} MB, vairāk nekā atļautie {limit_mb} MB; drošības dēļ tas netiek atvērts.",
        "en": "The file {file} would unpack to {size_mb} MB, more than the {limit_mb} MB allowed; it is refused for safety.",
    },
    "problem.archive_ratio": {
        "lv": "Fails {file} ir saspiests {ratio} reizes kā “zip bumba”; drošības dēļ tas netiek atvērts.",
        "en": "The file {file} is compressed {ratio} times, like a “zip bomb”; it is refused for safety.",
    },
    "problem.row_field_count": {
        "lv": "{row}. rindā ir {found} šūnas, bet virsrakstā {expected}; vai nav sajaukti atdalītāji (failā lietots “{separator}”) vai trūkst pēdiņas?",
        "en": "Row {row} has {found} cells where the header has {expected}; is the separator mixed (the file uses “{separator}”) or a quote missing?",
    },
    # problēmas: kolonnas / problems: columns
    "problem.column_missing": {
        "lv": "Virsrakstā trūkst obligātās kolonnas “{column}”.",
        "en": "The required column “{column}” is missing from the header.",
    },
    "problem.column_duplicate": {
        "lv": "Kolonna “{column}” virsrakstā ir divreiz.",
        "en": "The column “{column}” appears twice in the header.",
    },
    "problem.column_unknown": {
        "lv": "Kolonna “{column}” nav datu līgumā, un tā tiek ignorēta.",
        "en": "The column “{column}” is not in the data contract and is ignored.",
    },
    "problem.forbidden_column": {
        "lv": "Kolonnā “{column}” būtu personas dati (vārdus, e-pastus, tālruņus un personas kodus neglabājam); izdzēsiet kolonnu.",
        "en": "The column “{column}” would hold personal data (names, e-mails, phones or personal codes are never stored); remove the column.",
    },
    "problem.personal_code": {
        "lv": "Šūna izskatās pēc personas koda ({value}); personas kodus neglabājam. Lietojiet pseidonīmu identifikatoru.",
        "en": "The cell looks like a Latvian personal code ({value}); personal codes are never stored. Use a pseudonymous id instead.",
    },
    # problēmas: vērtības / problems: values
    "problem.more_rows": {
        "lv": "… un vēl {count} rindas ar to pašu problēmu kolonnā “{column}” (uzskaitītas tikai pirmās 1000).",
        "en": "… and {count} more rows with the same problem in “{column}” (only the first 1000 are listed).",
    },
    "problem.required": {
        "lv": "Obligātā kolonna “{column}” ir tukša.",
        "en": "The required column “{column}” is empty.",
    },
    "problem.duplicate_id": {
        "lv": "Identifikators “{value}” kolonnā “{column}” atkārtojas; tam jābūt unikālam.",
        "en": "The id “{value}” appears more than once in “{column}”; ids must be unique.",
    },
    "problem.type_int": {
        "lv": "“{value}” kolonnā “{column}” nav vesels skaitlis.",
        "en": "“{value}” in “{column}” is not a whole number.",
    },
    "problem.type_decimal": {
        "lv": "“{value}” kolonnā “{column}” nav skaitlis (piemēram, 56,72066 vai 56.72066).",
        "en": "“{value}” in “{column}” is not a number (use e.g. 56,72066 or 56.72066).",
    },
    "problem.date_format": {
        "lv": "“{value}” kolonnā “{column}” nav datums: rakstiet dd.mm.gggg (18.03.2019) vai gggg-mm-dd (2019-03-18).",
        "en": "“{value}” in “{column}” is not a date: use dd.mm.yyyy (18.03.2019) or yyyy-mm-dd (2019-03-18).",
    },
    "problem.date_two_digit_year": {
        "lv": "“{value}” kolonnā “{column}” gads ir ar diviem cipariem; rakstiet pilnu gadu (18.03.2019).",
        "en": "“{value}” in “{column}” has a two-digit year; write the year in full (18.03.2019).",
    },
    "problem.date_invalid": {
        "lv": "“{value}” kolonnā “{column}” nav īsts kalendāra datums.",
        "en": "“{value}” in “{column}” is not a real calendar date.",
    },
    "problem.date_implausible": {
        "lv": "“{value}” kolonnā “{column}” ir neticams gads (pirms 1900. vai pēc 2100. gada).",
        "en": "“{value}” in “{column}” has an implausible year (before 1900 or after 2100).",
    },
    "problem.date_order": {
        "lv": "“{later}” ({value}) ir agrāk par “{earlier}”.",
        "en": "“{later}” ({value}) is before “{earlier}”.",
    },
    "problem.enum": {
        "lv": "“{value}” kolonnā “{column}” nav atļauts; atļautās vērtības: {allowed}.",
        "en": "“{value}” is not allowed in “{column}”; allowed: {allowed}.",
    },
    "problem.minimum": {
        "lv": "“{value}” kolonnā “{column}” ir mazāks par minimumu {minimum}.",
        "en": "“{value}” in “{column}” is below the minimum {minimum}.",
    },
    "problem.birth_year_range": {
        "lv": "Dzimšanas gads “{value}” nav robežās {low}–{high}.",
        "en": "Birth year “{value}” is outside {low}–{high}.",
    },
    "problem.url_scheme": {
        "lv": "“{value}” nav tīmekļa adrese, kas sākas ar http:// vai https://.",
        "en": "“{value}” is not a web address starting with http:// or https://.",
    },
    "problem.latitude_range": {
        "lv": "Platums {value} ir ārpus Latvijas (55,6–58,1).",
        "en": "Latitude {value} is outside Latvia (55.6–58.1).",
    },
    "problem.longitude_range": {
        "lv": "Garums {value} ir ārpus Latvijas (20,9–28,3).",
        "en": "Longitude {value} is outside Latvia (20.9–28.3).",
    },
    "problem.coordinates_swapped": {
        "lv": "Šķiet, ka platums un garums ir samainīti ({value}); platums ir ap 56–57, garums ap 21–28.",
        "en": "Latitude and longitude seem swapped ({value}); latitude is about 56–57, longitude about 21–28.",
    },
    "problem.coordinates_incomplete": {
        "lv": "Norādīts tikai viens no platuma un garuma; norādiet abus vai nevienu.",
        "en": "Only one of latitude and longitude is given; give both or neither.",
    },
    "problem.foreign_key": {
        "lv": "“{value}” kolonnā “{column}” nav tabulas “{target}” identifikators.",
        "en": "“{value}” in “{column}” is not an id in the table “{target}”.",
    },
    "problem.attendance_duplicate": {
        "lv": "Persona “{value}” pasākumam “{event_id}” norādīta divreiz.",
        "en": "Person “{value}” is listed twice for event “{event_id}”.",
    },
    "problem.participants_below_attendance": {
        "lv": "Dalībnieku skaits {value} ir mazāks par {listed} apmeklējuma saraksta rindām.",
        "en": "The head count {value} is below the {listed} rows of the attendance list.",
    },
    "problem.stop_duplicate": {
        "lv": "Pieturas numurs {value} pasākumam “{event_id}” atkārtojas.",
        "en": "Stop number {value} appears twice for event “{event_id}”.",
    },
    "problem.fte_missing": {
        "lv": "Radītai darba vietai jānorāda slodze (fte) virs 0, piemēram, 1 pilnai slodzei vai 0,5 pusslodzei.",
        "en": "A created job needs its full-time equivalent (fte) above 0, e.g. 1 for full time or 0.5 for half time.",
    },
    "problem.fte_not_a_job": {
        "lv": "Slodze (fte) tiek norādīta tikai radītām darba vietām (job_created), ne “{outcome_type}”; atstājiet šūnu tukšu.",
        "en": "A full-time equivalent (fte) is given only for created jobs (job_created), not “{outcome_type}”; leave the cell empty.",
    },
    "problem.stop_location_missing": {
        "lv": "Pieturai nav ne space_id, ne platuma un garuma.",
        "en": "The stop has neither a space_id nor latitude and longitude.",
    },
    "problem.municipality_former": {
        "lv": "“{value}” ir pašvaldības nosaukums pirms 2021. gada reformas; to uzskaita kā “{official}”.",
        "en": "“{value}” is a municipality name from before the 2021 reform; it is counted as “{official}”.",
    },
    "problem.municipality_near_miss": {
        "lv": "“{value}” nav oficiāls pašvaldības nosaukums; vai domājāt “{suggestion}”?",
        "en": "“{value}” is not an official municipality name; did you mean “{suggestion}”?",
    },
    "problem.municipality_unknown": {
        "lv": "“{value}” nav oficiāls pašvaldības nosaukums (pēc 2021. gada reformas).",
        "en": "“{value}” is not an official municipality name (after the 2021 reform).",
    },
    # problēmas augšupielādē / upload problems (shown through Problem.message)
    "problem.upload_unknown_name": {
        "lv": f"Fails {{file}} netika pieņemts: nosaukumam jābūt tabulas nosaukumam ({TABLE_NAMES}) ar .csv vai .xlsx, vai jābūt .zip arhīvam. Pārdēvējiet to, piemēram, par events.csv.",
        "en": f"The file {{file}} was not accepted: it must be named after a table ({TABLE_NAMES}) as .csv or .xlsx, or be a .zip archive. Rename it, e.g. to events.csv.",
    },
    "problem.upload_too_large": {
        "lv": "Fails {file} ir {size_mb} MB liels, vairāk nekā atļautie {limit_mb} MB.",
        "en": "The file {file} is {size_mb} MB, more than the {limit_mb} MB allowed.",
    },
    "problem.upload_table_twice": {
        "lv": "Tabula “{table}” augšupielādē ir vairākkārt ({files}); atstājiet vienu failu.",
        "en": "The table “{table}” is in the upload more than once ({files}); keep one file.",
    },
    "problem.upload_zip_invalid": {
        "lv": "Fails {file} nav nolasāms zip arhīvs.",
        "en": "The file {file} is not a readable zip archive.",
    },
    "problem.upload_zip_unsafe_name": {
        "lv": "Arhīvā {file} ir fails ar nedrošu ceļu ({value}); drošības dēļ arhīvs netiek atvērts.",
        "en": "The archive {file} holds a file with an unsafe path ({value}); it is refused for safety.",
    },
    "problem.upload_zip_no_tables": {
        "lv": "Arhīvā {file} nav neviena tabulas faila (piemēram, events.csv).",
        "en": "The archive {file} holds no table file (e.g. events.csv).",
    },
    "problem.upload_zip_entry_ignored": {
        "lv": "{file} nav tabulas fails, un tas tiek ignorēts.",
        "en": "{file} is not a table file and is ignored.",
    },
    # problēmas pēc pārtrauktas saglabāšanas / after an interrupted save
    "problem.recovery_failed": {
        "lv": "Pārtrauktu saglabāšanu neizdevās atsaukt, tāpēc datu faili var būt daļēji mainīti; panelis rāda pēdējos labos datus. Rezerves kopija: {value}. Lūdzu, ziņojiet administratoram.",
        "en": "An interrupted save could not be rolled back, so the data files may be half changed; the dashboard shows the last good data. The backup: {value}. Please tell the administrator.",
    },
}
