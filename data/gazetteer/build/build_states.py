"""Add every UN member and observer state, and the territories news names as actors, to
``data/gazetteer/states.csv``.

Run once by hand when the list needs to be rebuilt (it is not run by the course):

    uv venv /tmp/gaz && uv pip install --python /tmp/gaz/bin/python pycountry countryinfo
    /tmp/gaz/bin/python data/gazetteer/build/build_states.py

Rows already in states.csv are kept exactly as they are (their aliases were chosen by
hand); only missing states are appended. Sources, per column:

- ``iso3``: ISO 3166-1 alpha-3 (pycountry); Kosovo uses the user-assigned code ``XKX``.
- ``name``: the short English name news headlines use: pycountry's ``common_name`` or
  ``name``, replaced by the course's canonical name where :data:`CANONICAL` lists one.
- ``aliases``: pycountry's names that differ from ``name`` (the loader adds them too).
- ``demonyms`` and ``capitals``: countryinfo's ``demonym`` and ``capital``.
- ``people``: the demonym's plural where English forms it with ``-s`` (Kenyan, Kenyans);
  nouns such as "Sudanese" are their own plural and are left out.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

STATES = Path(__file__).resolve().parents[1] / "states.csv"

# The 193 UN member states, ISO 3166-1 alpha-3.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split()
# UN observer states, and territories or states of limited recognition that news names as actors.
OBSERVERS = ["VAT", "PSE"]
TERRITORIES = ["XKX", "TWN", "ESH"]

# The course's canonical short names (see the naming convention of the answer keys).
CANONICAL = {
    "BOL": "Bolivia", "BRN": "Brunei", "BHS": "Bahamas", "CIV": "Ivory Coast",
    "COD": "DR Congo", "COG": "Republic of the Congo", "CPV": "Cape Verde", "CZE": "Czech Republic",
    "FSM": "Micronesia", "GMB": "Gambia", "IRN": "Iran", "KOR": "South Korea", "PRK": "North Korea",
    "LAO": "Laos", "MDA": "Moldova", "MMR": "Myanmar", "PSE": "Palestine", "RUS": "Russia",
    "SWZ": "Eswatini", "SYR": "Syria", "TLS": "East Timor", "TUR": "Turkey", "TWN": "Taiwan",
    "TZA": "Tanzania", "VAT": "Vatican", "VEN": "Venezuela", "VNM": "Vietnam", "XKX": "Kosovo",
    "ESH": "Western Sahara", "CAF": "Central African Republic", "SSD": "South Sudan",
    "NLD": "Netherlands", "GBR": "United Kingdom", "USA": "United States",
    "KNA": "Saint Kitts and Nevis",
    "VCT": "Saint Vincent and the Grenadines", "LCA": "Saint Lucia", "STP": "Sao Tome and Principe",
}  # fmt: skip
# countryinfo has no row for these: capital and demonym from the same convention.
MISSING = {
    "XKX": ("Kosovo", "Pristina", "Kosovar"),
    "ESH": ("Western Sahara", "Laayoune", "Sahrawi"),
    "PSE": ("Palestine", "Ramallah", "Palestinian"),
}

# Corrections of countryinfo rows, each for a reason a reader of the news would give:
# a demonym two states share goes to the one the news means by it, a misspelt demonym is
# spelt as English news spells it, a capital that is also a common name or word is left out,
# and the seat of government is added where the news names it rather than the official capital.
FIXES = {
    "ATG": {"demonyms": "Antiguan;Barbudan", "people": "Antiguans;Barbudans"},
    "DJI": {"demonyms": "Djiboutian", "people": "Djiboutians"},
    "COG": {"demonyms": "", "aliases": "Republic of Congo;Congo-Brazzaville"},
    # "Congolese" and a bare "Congo" in the news are DR Congo's
    "COD": {
        "aliases": "Congo;Democratic Republic of Congo;Democratic Republic of the Congo;DRC;"
        "Congo-Kinshasa"
    },
    "DMA": {"demonyms": "", "people": ""},  # "Dominican" is the Dominican Republic's
    "NER": {"people": "Nigeriens"},
    "PHL": {"people": "Filipinos"},
    "CPV": {"demonyms": "Cape Verdean", "people": "Cape Verdeans"},
    "MDV": {"demonyms": "Maldivian", "people": "Maldivians"},
    "ECU": {"demonyms": "Ecuadorian;Ecuadorean", "people": "Ecuadorians;Ecuadoreans"},
    "MMR": {"aliases": "Burma"},
    "BOL": {"capitals": "La Paz;Sucre"},
    "CIV": {"capitals": "Abidjan;Yamoussoukro"},
    "SWZ": {"capitals": "Mbabane"},
    "BEN": {"capitals": "Porto-Novo;Cotonou"},
    "TZA": {"capitals": "Dodoma"},
    "SYC": {"capitals": ""},  # Victoria is also a given name
    "VAT": {"capitals": "Vatican City", "aliases": "Holy See"},
    "SMR": {"capitals": ""},
    "MCO": {"capitals": ""},
    "SGP": {"capitals": ""},
}


def _info(iso3: str) -> tuple[str, str]:
    if iso3 in MISSING:
        return MISSING[iso3][1], MISSING[iso3][2]
    try:
        info = CountryInfo(iso3).info()
    except Exception:  # a code countryinfo does not know
        return "", ""
    return (info.get("capital") or "").strip(), (info.get("demonym") or "").strip()


def _people(demonym: str) -> str:
    return f"{demonym}s" if demonym.endswith(("an", "i", "er")) else ""


def _row(iso3: str) -> dict[str, str]:
    country = pycountry.countries.get(alpha_3=iso3)
    names = [getattr(country, k, "") for k in ("common_name", "name", "official_name")]
    names = [n for n in names if n and "," not in n]
    name = CANONICAL.get(iso3) or (names[0] if names else MISSING[iso3][0])
    capital, demonym = _info(iso3)
    row = {
        "iso3": iso3,
        "name": name,
        "aliases": ";".join(dict.fromkeys(n for n in names if n != name)),
        "demonyms": demonym,
        "people": _people(demonym),
        "capitals": capital,
        "historical": "",
    }
    row["demonyms"] = row["demonyms"].replace(",", ";")
    row["aliases"] = ";".join(a for a in row["aliases"].split(";") if not a.startswith("the "))
    return {**row, **FIXES.get(iso3, {})}


def main() -> None:
    with STATES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    have = {r["iso3"] for r in rows}
    added = [_row(c) for c in [*UN_MEMBERS, *OBSERVERS, *TERRITORIES] if c not in have]
    with STATES.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows([*rows, *added])
    print(f"{len(added)} states added to {STATES}")


if __name__ == "__main__":
    main()
