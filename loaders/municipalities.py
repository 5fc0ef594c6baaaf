"""Official names of Latvia's administrative territories and accepted alternatives.

Latvia has been divided, since the administrative-territorial reform that took effect on
1 July 2021 (Administratīvo teritoriju un apdzīvoto vietu likums of 10 June 2020), into 43
administrative territories: 36 novadi and 7 valstspilsētas with their own local government.

* :data:`OFFICIAL` lists those 43 names exactly as the ``name`` property of the features in
  ``geo/latvia_municipalities.geojson``. They are the values the data contract expects in
  ``municipality`` columns.
* :data:`LONG_NAMES` maps the long form of the seven city names (``Rīgas valstspilsēta``) to
  the official short name (``Rīga``). It is the same unit under another name, so it can be
  replaced without telling anyone.
* :data:`FORMER` maps the pre-2021 local governments (the 110 novadi and 9 republic cities of
  2009-2021) that no longer exist under that name to the 2021 territory that took them over.
  A former novads whose name is still official (``Ogres novads``, ``Olaines novads``) is not
  in it, and neither are the 7 republic cities that are still valstspilsētas. A former name
  means a different, smaller territory, so code that maps one should tell the user.
* :data:`SPLIT` lists the two former novadi whose territory was shared out between two new
  units. Their :data:`FORMER` entry gives the unit that took the former administrative centre.

This module is pure Python and has no third-party dependencies.
"""

from __future__ import annotations

# Sources. OFFICIAL was generated once from geo/latvia_municipalities.geojson (the sorted
# ``name`` properties of its 43 features; tests/test_municipalities.py checks that the two still
# match). The FORMER mapping follows the annex of the Administratīvo teritoriju un apdzīvoto
# vietu likums (10.06.2020, likumi.lv/ta/id/315654, English text at
# likumi.lv/ta/en/en/id/315654-law-on-administrative-territories-and-populated-areas, as amended
# after Constitutional Court rulings in 2021). Each new novads was checked with the search tool
# (November 2026) against these pages:
# - lv.wikipedia.org "Latvijas administratīvais iedalījums" (2021. gada administratīvi
#   teritoriālā reforma) and en.wikipedia.org "Administrative divisions of Latvia" (table of the
#   towns and parishes of each 2021 municipality);
# - de.wikipedia.org "Bezirk <name>" pages (Aizkraukle, Balvi, Cēsis, Dienvidkurzeme,
#   Jēkabpils, Kuldīga, Limbaži, Madona, Ogre, Preiļi, Ropaži, Saldus, Smiltene, Valmiera) and
#   en.wikipedia.org "<name> Municipality" pages (Ape, Babīte, Carnikava, Dobele, Garkalne,
#   Ilūkste, Jelgava, Ķekava, Tukums, Vecumnieki, South Kurzeme);
# - lv.wikipedia.org "Siguldas novads" and "Rēzeknes novads (2009—2021)";
# - municipal sites: smiltenesnovads.lv ("Par novadu": Ape + Rauna + Smiltene),
#   ogresnovads.lv ("Par novadu"), ludzasnovads.lv ("Par novadu"), veca.kraslava.lv ("Krāslavas
#   novads"), aglona.lv ("No 2021. gada 1. jūlija Latvijā būs 42 pašvaldības": Aglonas novads
#   split), vietagimenei.lv (Ropažu novads incl. Vangaži), eliesma.lv ("Daži skaitļi par jauno
#   Valmieras novadu"), vieteja.lv (Rēzeknes novads = Rēzeknes + Viļānu novads);
# - diena.lv (Skulte returned to Limbažu novads after the Constitutional Court ruling, so
#   Limbažu novads was not split) and vieteja.lv / en.wikipedia (Varakļānu novads kept as the
#   43rd unit after the Constitutional Court ruling of 1 June 2021).
# Not reflected here: Varakļānu novads was joined to Madonas novads by the law of 13 June 2024
# (one council since the June 2025 elections), and later border changes such as the planned
# division of Garkalnes pagasts between Ropažu and Ādažu novads. This module describes the
# 43-unit division of 1 July 2021, the same as the GeoJSON.

#: The 43 administrative territories of 1 July 2021 (36 novadi + 7 valstspilsētas), spelled as
#: the ``name`` property in geo/latvia_municipalities.geojson, sorted by code point.
OFFICIAL: tuple[str, ...] = (
    "Aizkraukles novads",
    "Alūksnes novads",
    "Augšdaugavas novads",
    "Balvu novads",
    "Bauskas novads",
    "Cēsu novads",
    "Daugavpils",
    "Dienvidkurzemes novads",
    "Dobeles novads",
    "Gulbenes novads",
    "Jelgava",
    "Jelgavas novads",
    "Jēkabpils novads",
    "Jūrmala",
    "Krāslavas novads",
    "Kuldīgas novads",
    "Liepāja",
    "Limbažu novads",
    "Ludzas novads",
    "Līvānu novads",
    "Madonas novads",
    "Mārupes novads",
    "Ogres novads",
    "Olaines novads",
    "Preiļu novads",
    "Ropažu novads",
    "Rēzekne",
    "Rēzeknes novads",
    "Rīga",
    "Salaspils novads",
    "Saldus novads",
    "Saulkrastu novads",
    "Siguldas novads",
    "Smiltenes novads",
    "Talsu novads",
    "Tukuma novads",
    "Valkas novads",
    "Valmieras novads",
    "Varakļānu novads",
    "Ventspils",
    "Ventspils novads",
    "Ādažu novads",
    "Ķekavas novads",
)

#: Long official names of the 7 valstspilsētas (``name_long`` in the GeoJSON) -> ``name``.
LONG_NAMES: dict[str, str] = {
    "Daugavpils valstspilsēta": "Daugavpils",
    "Jelgavas valstspilsēta": "Jelgava",
    "Jūrmalas valstspilsēta": "Jūrmala",
    "Liepājas valstspilsēta": "Liepāja",
    "Rēzeknes valstspilsēta": "Rēzekne",
    "Rīgas valstspilsēta": "Rīga",
    "Ventspils valstspilsēta": "Ventspils",
}

#: Pre-2021 local governments no longer in existence under that name -> the 2021 territory they
#: became part of. 77 former novadi (110 minus the 33 whose name is still official) and the
#: 2 former republic cities that are now inside a novads (Jēkabpils, Valmiera): 79 entries.
FORMER: dict[str, str] = {
    # Aizkraukles novads
    "Jaunjelgavas novads": "Aizkraukles novads",
    "Kokneses novads": "Aizkraukles novads",
    "Neretas novads": "Aizkraukles novads",
    "Pļaviņu novads": "Aizkraukles novads",
    "Skrīveru novads": "Aizkraukles novads",
    # Augšdaugavas novads (new name)
    "Daugavpils novads": "Augšdaugavas novads",
    "Ilūkstes novads": "Augšdaugavas novads",
    # Ādažu novads
    "Carnikavas novads": "Ādažu novads",
    # Balvu novads
    "Baltinavas novads": "Balvu novads",
    "Rugāju novads": "Balvu novads",
    "Viļakas novads": "Balvu novads",
    # Bauskas novads
    "Iecavas novads": "Bauskas novads",
    "Rundāles novads": "Bauskas novads",
    "Vecumnieku novads": "Bauskas novads",
    # Cēsu novads
    "Amatas novads": "Cēsu novads",
    "Jaunpiebalgas novads": "Cēsu novads",
    "Līgatnes novads": "Cēsu novads",
    "Pārgaujas novads": "Cēsu novads",
    "Priekuļu novads": "Cēsu novads",
    "Vecpiebalgas novads": "Cēsu novads",
    # Dienvidkurzemes novads (new name)
    "Aizputes novads": "Dienvidkurzemes novads",
    "Durbes novads": "Dienvidkurzemes novads",
    "Grobiņas novads": "Dienvidkurzemes novads",
    "Nīcas novads": "Dienvidkurzemes novads",
    "Pāvilostas novads": "Dienvidkurzemes novads",
    "Priekules novads": "Dienvidkurzemes novads",
    "Rucavas novads": "Dienvidkurzemes novads",
    "Vaiņodes novads": "Dienvidkurzemes novads",
    # Dobeles novads
    "Auces novads": "Dobeles novads",
    "Tērvetes novads": "Dobeles novads",
    # Jelgavas novads
    "Ozolnieku novads": "Jelgavas novads",
    # Jēkabpils novads (with the former republic city)
    "Jēkabpils": "Jēkabpils novads",
    "Aknīstes novads": "Jēkabpils novads",
    "Krustpils novads": "Jēkabpils novads",
    "Salas novads": "Jēkabpils novads",
    "Viesītes novads": "Jēkabpils novads",
    # Krāslavas novads
    "Dagdas novads": "Krāslavas novads",
    # Kuldīgas novads
    "Alsungas novads": "Kuldīgas novads",
    "Skrundas novads": "Kuldīgas novads",
    # Ķekavas novads
    "Baldones novads": "Ķekavas novads",
    # Limbažu novads
    "Alojas novads": "Limbažu novads",
    "Salacgrīvas novads": "Limbažu novads",
    # Ludzas novads
    "Ciblas novads": "Ludzas novads",
    "Kārsavas novads": "Ludzas novads",
    "Zilupes novads": "Ludzas novads",
    # Madonas novads
    "Cesvaines novads": "Madonas novads",
    "Ērgļu novads": "Madonas novads",
    "Lubānas novads": "Madonas novads",
    # Mārupes novads
    "Babītes novads": "Mārupes novads",
    # Ogres novads
    "Ikšķiles novads": "Ogres novads",
    "Ķeguma novads": "Ogres novads",
    "Lielvārdes novads": "Ogres novads",
    # Preiļu novads (Aglonas novads: see SPLIT)
    "Aglonas novads": "Preiļu novads",
    "Riebiņu novads": "Preiļu novads",
    "Vārkavas novads": "Preiļu novads",
    # Rēzeknes novads
    "Viļānu novads": "Rēzeknes novads",
    # Ropažu novads (plus Vangaži from Inčukalna novads: see SPLIT)
    "Garkalnes novads": "Ropažu novads",
    "Stopiņu novads": "Ropažu novads",
    # Saldus novads
    "Brocēnu novads": "Saldus novads",
    # Saulkrastu novads
    "Sējas novads": "Saulkrastu novads",
    # Siguldas novads (Inčukalna novads: see SPLIT)
    "Inčukalna novads": "Siguldas novads",
    "Krimuldas novads": "Siguldas novads",
    "Mālpils novads": "Siguldas novads",
    # Smiltenes novads
    "Apes novads": "Smiltenes novads",
    "Raunas novads": "Smiltenes novads",
    # Talsu novads
    "Dundagas novads": "Talsu novads",
    "Mērsraga novads": "Talsu novads",
    "Rojas novads": "Talsu novads",
    # Tukuma novads
    "Engures novads": "Tukuma novads",
    "Jaunpils novads": "Tukuma novads",
    "Kandavas novads": "Tukuma novads",
    # Valmieras novads (new; with the former republic city)
    "Valmiera": "Valmieras novads",
    "Beverīnas novads": "Valmieras novads",
    "Burtnieku novads": "Valmieras novads",
    "Kocēnu novads": "Valmieras novads",
    "Mazsalacas novads": "Valmieras novads",
    "Naukšēnu novads": "Valmieras novads",
    "Rūjienas novads": "Valmieras novads",
    "Strenču novads": "Valmieras novads",
}
# Unchanged in 2021 (one former novads each, name still official): Alūksnes, Gulbenes, Līvānu,
# Olaines, Salaspils, Valkas, Varakļānu and Ventspils novads.

#: Former novadi whose territory went to more than one 2021 unit. The first unit is the one in
#: FORMER (it took the former administrative centre); the rest took a part:
#: Aglonas pagasts -> Preiļu novads; Grāveru, Kastuļinas, Šķeltovas pagasts -> Krāslavas novads.
#: Inčukalna pagasts -> Siguldas novads; Vangažu pilsēta -> Ropažu novads.
SPLIT: dict[str, tuple[str, ...]] = {
    "Aglonas novads": ("Preiļu novads", "Krāslavas novads"),
    "Inčukalna novads": ("Siguldas novads", "Ropažu novads"),
}
