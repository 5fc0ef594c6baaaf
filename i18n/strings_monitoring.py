"""Strings of the post-project monitoring reports (the Reports page's section and its calendar file)."""

STRINGS: dict[str, dict[str, str]] = {
    "monitoring.mark.database": {
        "lv": "Datubāzē atzīmes par iesniegtajiem pārskatiem vēl netiek glabātas: statuss rāda termiņus.",
        "en": "The database does not keep the marks of submitted reports yet: the statuses show the deadlines.",
    },
    "monitoring.title": {"lv": "Uzraudzības pārskati", "en": "Monitoring reports"},
    "monitoring.intro": {
        "lv": "Pārskati, kas jāiesniedz pēc noslēguma maksājuma: katru gadu līdz {due} par iepriekšējo gadu, "
              "{years} gadus (uzņēmējdarbības projektiem no {business_first}. gada). Termiņi jāpārbauda pēc LAD līguma.",
        "en": "Reports owed after the final payment: every year by {due} on the previous year, for {years} years "
              "(business projects from year {business_first}). Check the deadlines against the LAD contract.",
    },
    "monitoring.none": {
        "lv": "Nevienam projektam nav norādīts noslēguma maksājuma datums (final_payment_on), tāpēc uzraudzības "
              "pārskatu nav.",
        "en": "No project has a final payment date (final_payment_on), so there are no monitoring reports.",
    },
    "monitoring.col.project": {"lv": "Projekts", "en": "Project"},
    "monitoring.col.number": {"lv": "Pārskats", "en": "Report"},
    "monitoring.col.year": {"lv": "Par gadu", "en": "Year covered"},
    "monitoring.col.due": {"lv": "Termiņš", "en": "Due by"},
    "monitoring.col.status": {"lv": "Statuss", "en": "Status"},
    "monitoring.number": {"lv": "{number}. no {reports}", "en": "{number} of {reports}"},
    "monitoring.status.overdue": {"lv": "🔴 Nokavēts", "en": "🔴 Overdue"},
    "monitoring.status.due": {"lv": "🟠 Jāiesniedz drīz", "en": "🟠 Due soon"},
    "monitoring.status.upcoming": {"lv": "⚪ Gaidāms", "en": "⚪ Upcoming"},
    "monitoring.status.done": {"lv": "✅ Iesniegts", "en": "✅ Submitted"},
    "monitoring.counts": {
        "lv": "Nokavēti: {overdue} · jāiesniedz 90 dienās: {due} · gaidāmi: {upcoming} · iesniegti: {done}",
        "en": "Overdue: {overdue} · due within 90 days: {due} · upcoming: {upcoming} · submitted: {done}",
    },
    "monitoring.business": {"lv": "uzņēmējdarbības projekts", "en": "business project"},
    "monitoring.ics": {"lv": "Pievienot kalendāram (.ics)", "en": "Add to calendar (.ics)"},
    "monitoring.ics_help": {
        "lv": "Visu pārskatu termiņi kā kalendāra notikumi (Outlook, Google kalendārs, Apple kalendārs).",
        "en": "Every report's due date as a calendar event (Outlook, Google Calendar, Apple Calendar).",
    },
    "monitoring.ics.name": {"lv": "Uzraudzības pārskatu termiņi", "en": "Monitoring report deadlines"},
    "monitoring.ics.summary": {
        "lv": "Uzraudzības pārskats {number}/{reports} par {year}. gadu: {code}",
        "en": "Monitoring report {number}/{reports} on {year}: {code}",
    },
    "monitoring.ics.description": {
        "lv": "Projekts: {title}\nProjekta numurs: {code}\nPārskats par {year}. gadu jāiesniedz Lauku atbalsta "
              "dienestam līdz {due}.",
        "en": "Project: {title}\nProject number: {code}\nThe report on {year} is due to the Rural Support Service "
              "by {due}.",
    },
    # atzīmes
    "monitoring.mark.title": {"lv": "Atzīmēt iesniegtos pārskatus", "en": "Mark reports as submitted"},
    "monitoring.mark.add": {"lv": "Iesniegti", "en": "Submitted"},
    "monitoring.mark.remove": {"lv": "Atcelt atzīmi", "en": "Remove the mark"},
    "monitoring.mark.save": {"lv": "Saglabāt atzīmes", "en": "Save the marks"},
    "monitoring.mark.saved": {"lv": "Atzīmes saglabātas.", "en": "The marks are saved."},
    "monitoring.mark.nothing": {"lv": "Nekas nav izvēlēts.", "en": "Nothing is chosen."},
    "monitoring.mark.failed": {
        "lv": "Atzīmes neizdevās saglabāt: {reason}",
        "en": "The marks could not be saved: {reason}",
    },
    "monitoring.mark.read_only": {
        "lv": "Atzīmēt iesniegtos pārskatus var darbinieki ar paroli (Dati).",
        "en": "Staff with the password (Data page) can mark reports as submitted.",
    },
    "monitoring.mark.demo": {
        "lv": "Demonstrācijas datos atzīmes nesaglabā.",
        "en": "Marks are not saved in the demo data.",
    },
    "monitoring.mark.help": {
        "lv": "Atzīmes glabājas datu mapes failā monitoring_done.json.",
        "en": "The marks are kept in the data folder's file monitoring_done.json.",
    },
    "monitoring.option": {"lv": "{code} · {year}. gads ({due})", "en": "{code} · {year} ({due})"},
}
