"""Strings of the printable sign-in sheet (PDF and Excel) of an event."""

STRINGS: dict[str, dict[str, str]] = {
    "signin.sheet.title": {"lv": "Dalībnieku reģistrācijas lapa", "en": "Participant sign-in sheet"},
    # the column headers: the sign-in import recognises these texts, so change them there too
    "signin.sheet.col.number": {"lv": "Nr.", "en": "No."},
    "signin.sheet.col.name": {"lv": "Vārds, uzvārds", "en": "Name and surname"},
    "signin.sheet.col.gender": {"lv": "Dzimums (S / V / cits)", "en": "Gender (F / M / other)"},
    "signin.sheet.col.birth_year": {"lv": "Dzimšanas gads", "en": "Year of birth"},
    "signin.sheet.col.municipality": {"lv": "Dzīvesvietas pašvaldība", "en": "Home municipality"},
    "signin.sheet.col.consent": {"lv": "Piekrītu (paraksts)", "en": "I agree (signature)"},
    # the event's details above the table
    "signin.sheet.date": {"lv": "Datums: {date}", "en": "Date: {date}"},
    "signin.sheet.place": {"lv": "Vieta: {place}", "en": "Place: {place}"},
    "signin.sheet.project": {"lv": "Projekts: {project}", "en": "Project: {project}"},
    "signin.sheet.event_id": {"lv": "Pasākuma ID: {event_id}", "en": "Event ID: {event_id}"},
    "signin.sheet.consent": {
        "lv": "Parakstoties es piekrītu, ka mans dzimums, dzimšanas gads un dzīvesvietas pašvaldība tiek "
              "izmantoti biedrības “Pierīgas partnerība” pārskatos tikai apkopotā veidā. Vārdu un uzvārdu "
              "izmanto tikai dalībnieku saskaitīšanai; to nesaglabā.",
        "en": "By signing I agree that my gender, year of birth and home municipality are used in the reports "
              "of the association “Pierīgas partnerība” only as totals, never on their own. My name is used "
              "only to count the participants; it is not kept.",
    },
    "signin.sheet.page_number": {"lv": "{page}. lpp. no {pages}", "en": "Page {page} of {pages}"},
    # the Excel file
    "signin.sheet.xlsx.sheet": {"lv": "Reģistrācija", "en": "Sign-in"},
    "signin.sheet.xlsx.municipalities_sheet": {"lv": "Pašvaldības", "en": "Municipalities"},
    #: the gender drop-down's values, comma-separated (the import reads them)
    "signin.sheet.xlsx.gender_values": {"lv": "S,V,cits", "en": "F,M,other"},
    "signin.sheet.xlsx.gender_error_title": {"lv": "Dzimums", "en": "Gender"},
    "signin.sheet.xlsx.gender_error": {
        "lv": "Izvēlieties no saraksta: S (sieviete), V (vīrietis) vai cits.",
        "en": "Choose from the list: F (female), M (male) or other.",
    },
    "signin.sheet.xlsx.birth_year_error_title": {"lv": "Dzimšanas gads", "en": "Year of birth"},
    "signin.sheet.xlsx.birth_year_error": {
        "lv": "Ierakstiet gadu ar četriem cipariem, no {first} līdz {last}.",
        "en": "Type the year in four digits, from {first} to {last}.",
    },
    "signin.sheet.xlsx.municipality_error_title": {"lv": "Pašvaldība", "en": "Municipality"},
    "signin.sheet.xlsx.municipality_error": {
        "lv": "Tas nav oficiāls pašvaldības nosaukums (2021. gada iedalījums). Vai paturēt šo vērtību?",
        "en": "This is not an official municipality name (the 2021 division). Keep this value?",
    },
}
