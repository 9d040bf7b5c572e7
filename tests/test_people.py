"""People found as readers find them, and the world gazetteer (made-up sentences)."""

from __future__ import annotations

import time

import pytest

from course_utils.actors import find_actors, load_gazetteer


def people(text: str) -> list[str]:
    found = find_actors(text)
    return list(found[found["kind"] == "person"]["actor"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vice-President Jane Roe arrived in Ostmark on Monday.", ["Jane Roe"]),
        ("Prime Ministers Ann Lee and Omar Sayed met in Ostmark.", ["Ann Lee", "Omar Sayed"]),
        ("Gen Tom Ash said the army would withdraw.", ["Tom Ash"]),
        ("Lt. Gen. Ivo Dan ordered the retreat.", ["Ivo Dan"]),
        ("The talks stalled, said Ali Noor, the group's chief negotiator.", ["Ali Noor"]),
        ("Sam Kay, a former rebel leader, denied the charge.", ["Sam Kay"]),
        ("The vote was won by longtime autocrat Ivo Dan and his allies.", ["Ivo Dan"]),
    ],
)
def test_titles_lists_and_appositives(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    ("name", "iso3", "capital"),
    [
        ("DR Congo", "COD", "Kinshasa"),
        ("Ivory Coast", "CIV", "Abidjan"),
        ("Kosovo", "XKX", "Pristina"),
        ("Western Sahara", "ESH", "Laayoune"),
        ("Vatican", "VAT", "Vatican City"),
        ("Eswatini", "SWZ", "Mbabane"),
        ("Kenya", "KEN", "Nairobi"),
        ("Bolivia", "BOL", "La Paz"),
    ],
)
def test_the_world_gazetteer_has_every_state(name, iso3, capital):
    gaz = load_gazetteer()
    assert gaz.states[iso3]["name"] == name
    assert capital in gaz.states[iso3]["capitals"]


def test_the_gazetteer_covers_un_members_and_observers():
    assert len([s for s in load_gazetteer().states.values() if not s["historical"]]) >= 195


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Rapid Support Forces shelled the camp.", "RSF"),
        ("Fighters of al-Shabaab attacked the base.", "Al-Shabab"),
        ("The West African bloc suspended the junta.", "ECOWAS"),
        ("Houthi rebels fired a missile.", "Houthis"),
        ("The African Union called for talks.", "AU"),
        ("Sudanese officials denied it.", "Sudan: officials"),
    ],
)
def test_organisations_and_armed_groups_of_every_region(text, actor):
    assert actor in list(find_actors(text)["actor"])


def _actor_time(paragraphs: int) -> float:
    text = "\n\n".join(
        f"Sudan accused Chad of shelling Nairobi {i} in Kenya." for i in range(paragraphs)
    )
    began = time.perf_counter()
    find_actors(text)
    return time.perf_counter() - began


def test_actors_take_linear_time_on_many_short_paragraphs():
    small, large = _actor_time(1000), _actor_time(4000)
    assert large < 6 * small + 1  # quadratic time would be 16 times as long


@pytest.mark.parametrize(
    "text",
    [
        "The fort dates from the Spanish colonial period, officials said.",
        "A Kenyan-led team of police arrived on Monday.",
        "The American Red Cross sent aid.",
    ],
)
def test_adjectives_that_only_describe_are_not_states(text):
    assert not (find_actors(text)["kind"] == "state").any()
