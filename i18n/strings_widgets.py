"""Strings of the shared widgets and of the installation box: {key: {"lv": ..., "en": ...}}."""

STRINGS: dict[str, dict[str, str]] = {
    "chart.download_png": {"lv": "Attēls (PNG)", "en": "Image (PNG)"},
    "chart.download_png.help": {
        "lv": "Lejupielādēt šo diagrammu kā attēlu prezentācijai.",
        "en": "Download this chart as an image for slides.",
    },
    "about.title": {"lv": "Par šo instalāciju", "en": "About this installation"},
    "about.intro": {
        "lv": "Datu pārvaldītājam: kur dati atrodas un kā instalācija iestatīta. Redzams tikai ar personāla paroli.",
        "en": "For whoever looks after the data: where it is kept and how this installation is set up. Shown only with the staff password.",
    },
    "about.no_password": {
        "lv": "Personāla parole šajā instalācijā nav iestatīta, tāpēc iestatījumi šeit netiek rādīti. Lūdziet administratoram to iestatīt.",
        "en": "No staff password is set up in this installation, so its settings are not shown here. Ask the administrator to set one.",
    },
    "about.show": {"lv": "Rādīt iestatījumus", "en": "Show the settings"},
    "about.monitoring_years": {"lv": "Uzraudzības periods, gadi pēc noslēguma maksājuma", "en": "Monitoring period, years after the final payment"},
    "about.monitoring_due": {"lv": "Uzraudzības pārskata termiņš katru gadu", "en": "Monitoring report due each year by"},
    "about.monitoring_first_year": {"lv": "Pirmais pārskats (gads pēc noslēguma maksājuma)", "en": "First report (year after the final payment)"},
    "about.monitoring_business": {"lv": "Uzņēmējdarbības projekti", "en": "Business projects"},
    "about.monitoring_business_first_year": {"lv": "Uzņēmējdarbības projektu pirmais pārskats (gads)", "en": "Business projects' first report (year)"},
    "about.monitoring_business_due": {"lv": "Uzņēmējdarbības projektu pārskata termiņš", "en": "Business projects' report due by"},
    "about.col.setting": {"lv": "Iestatījums", "en": "Setting"},
    "about.col.value": {"lv": "Vērtība", "en": "Value"},
    "about.col.variable": {"lv": "Kā mainīt", "en": "How to change"},
    "about.data_dir": {"lv": "Datu mape", "en": "Data folder"},
    "about.demo": {"lv": "demonstrācijas dati (lietotnes mape data/)", "en": "the demo data (the app's data/ folder)"},
    "about.password": {"lv": "Personāla parole", "en": "Staff password"},
    "about.password.set": {"lv": "iestatīta", "en": "set"},
    "about.max_upload": {"lv": "Lielākais augšupielādējamais fails", "en": "Largest file to upload"},
    "about.keep_backups": {"lv": "Glabātās iepriekšējās versijas", "en": "Earlier versions kept"},
    "about.territory": {"lv": "Partnerības teritorija kartē", "en": "The partnership's territory on the map"},
    "about.browser": {"lv": "Pārlūks diagrammām dokumentos", "en": "Browser for the charts in documents"},
    "about.browser.missing": {"lv": "nav atrasts (dokumentos diagrammu nebūs)", "en": "not found (documents will have no charts)"},
    "about.fingerprint": {"lv": "Datu nospiedums (SHA-256)", "en": "Data fingerprint (SHA-256)"},
    "about.versions": {"lv": "Programmatūra", "en": "Software"},
    "about.how": {
        "lv": "Iestatījumi ir vides mainīgie vai Streamlit noslēpumi (.streamlit/secrets.toml), kurus lietotne nolasa, kad tiek palaista; visu sarakstu skatiet README sadaļā “Settings”. Paroles jaucējkodu izveido komanda `python -m storage hash-password`.",
        "en": "The settings are environment variables or Streamlit secrets (.streamlit/secrets.toml), read when the app starts; see the README's section “Settings” for all of them. The password hash is made by `python -m storage hash-password`.",
    },
}
