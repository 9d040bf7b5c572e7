"""Forms of names that news writes in many ways (issue 8), on made-up sentences.

Particle family names after a speech verb and in later mentions, a state's name before one
of its institutions, a state's own institution, short forms of two-word state names, and a
demonym before a plural noun that is not an institution. People are made up; states are
real, since they come from the gazetteer.
"""

from __future__ import annotations

from course_utils.actors import find_actors


def _rows(text: str) -> list[tuple[str, str]]:
    found = find_actors(text)
    return list(zip(found["actor"], found["text"], strict=True))


# --- particle family names ---------------------------------------------------------------


def test_a_particle_family_name_after_a_speech_verb_is_the_person_named_in_full() -> None:
    text = (
        "Armenian Foreign Minister Omar bin Rashid Al Kalon met envoys on Monday. "
        "The talks were hard, said Al Kalon."
    )
    assert _rows(text) == [
        ("Omar bin Rashid Al Kalon", "Omar bin Rashid Al Kalon"),
        ("Omar bin Rashid Al Kalon", "Al Kalon"),
    ]


def test_a_later_mention_keeps_the_particle_of_the_family_name() -> None:
    text = "Talks failed, said Omar Al Kalon, who leads the team. Al Kalon left early."
    assert _rows(text) == [("Omar Al Kalon", "Omar Al Kalon"), ("Omar Al Kalon", "Al Kalon")]


def test_a_lower_case_particle_is_capitalised_at_the_start_of_a_sentence() -> None:
    text = "Defense Minister Ana de la Paz spoke. De la Paz left; aides to de la Paz stayed."
    assert _rows(text) == [
        ("Ana de la Paz", "Ana de la Paz"),
        ("Ana de la Paz", "De la Paz"),
        ("Ana de la Paz", "de la Paz"),
    ]


def test_a_two_word_name_without_a_particle_stays_a_person_of_its_own() -> None:
    # "Rashid Kalon" is not "Omar Rashid Kalon": only a particle joins the shorter form
    text = "Envoy Omar Rashid Kalon spoke. Later, said Sami Kalon, the talks ended."
    actors = {actor for actor, _ in _rows(text)}
    assert "Sami Kalon" in actors and "Omar Rashid Kalon" in actors


# --- a state's institutions ----------------------------------------------------------------


def test_a_state_name_before_an_institution_is_that_state_s_institution() -> None:
    text = "The Japan Coast Guard said a boat entered. The Chad Border Police detained men."
    assert _rows(text) == [
        ("Japan: coast guard", "Japan Coast Guard"),
        ("Chad: border guard service", "Chad Border Police"),
    ]


def test_a_capital_before_an_institution_is_the_city_s_not_the_state_s() -> None:
    assert _rows("The Yerevan police said the square was closed.") == []


def test_a_state_s_own_institution_and_own_group() -> None:
    text = "Mozambique's own army was deployed, and Chad's own troops stayed home."
    assert _rows(text) == [
        ("Mozambique: military", "Mozambique's own army"),
        ("Chad: troops", "Chad's own troops"),
    ]


# --- short forms of state names ------------------------------------------------------------


def test_an_initial_and_the_second_word_name_a_two_word_state() -> None:
    text = "S. Korea and N. Korea traded fire. S. Korea's military said it would respond."
    assert _rows(text) == [
        ("South Korea", "S. Korea"),
        ("North Korea", "N. Korea"),
        ("South Korea: military", "S. Korea's military"),
    ]


def test_a_short_state_name_used_as_a_place_is_no_mention() -> None:
    assert _rows("In S. Korea, the talks stalled. Envoys flew to S. Africa.") == []


# --- a demonym before a plural noun --------------------------------------------------------


def test_a_demonym_before_a_plural_noun_that_is_no_institution_stands_for_the_state() -> None:
    # the owner of a non-place noun is a mention of the state ("Chinese vessels"); the noun is
    # not part of an institution, so it is left out of the mention
    assert _rows("Kenyan banks froze the accounts.") == [("Kenya", "Kenyan")]


def test_a_demonym_before_a_listed_institution_is_the_institution() -> None:
    assert _rows("The Kenyan central bank raised rates.") == [
        ("Kenya: Central Bank", "Kenyan central bank")
    ]


# --- other names of institutions, states and groups ----------------------------------------


def test_other_names_of_a_foreign_ministry_are_the_foreign_ministry() -> None:
    text = (
        "Chile's Department of Foreign Affairs protested. "
        "Peru's Ministry of External Affairs replied."
    )
    assert _rows(text) == [
        ("Chile: Foreign Ministry", "Chile's Department of Foreign Affairs"),
        ("Peru: Foreign Ministry", "Peru's Ministry of External Affairs"),
    ]


def test_a_state_known_by_its_initials_owns_its_groups_and_institutions() -> None:
    text = "PNG police officers arrived and the PNG government thanked them."
    assert _rows(text) == [
        ("Papua New Guinea: police officers", "PNG police officers"),
        ("Papua New Guinea: government", "PNG government"),
    ]


def test_a_second_adjective_of_a_state_names_it() -> None:
    # "Philippine" beside "Filipino": the owner of a boat is a mention
    assert _rows("A Philippine boat sailed at dawn.") == [("Philippines", "Philippine")]


def test_security_sources_and_an_association_are_owned_by_their_state() -> None:
    text = "Lebanese security sources said so. Peru's fisheries association protested."
    assert _rows(text) == [
        ("Lebanon: security sources", "Lebanese security sources"),
        ("Peru: fisheries association", "Peru's fisheries association"),
    ]


def test_a_name_before_a_scientist_in_apposition_is_a_person() -> None:
    text = "Jane Roe, a political scientist who studies the region, said talks would fail."
    assert _rows(text) == [("Jane Roe", "Jane Roe")]


# --- a title's owner, a state's seat ---------------------------------------------------------


def test_a_name_after_a_title_of_an_organisations_institution_is_a_person() -> None:
    # the title swallows its owner and the institution: no mention of the organisation
    text = "In Kabul, a spokesman for the Taliban's interior ministry, Jane Roe, denied it."
    assert _rows(text) == [("Jane Roe", "Jane Roe")]


def test_the_government_at_a_states_seat_is_the_states_government() -> None:
    text = "The bloc blames Minsk, a charge the government in Minsk rejects."
    assert _rows(text) == [
        ("Belarus", "Minsk"),
        ("Belarus: government", "government in Minsk"),
    ]


def test_other_institutions_in_a_capital_are_not_owned_by_its_state() -> None:
    # an embassy in a capital belongs to the state that sent it; a parliament may be a building
    text = "Protesters gathered outside the parliament in Lima and the embassy in Quito."
    assert _rows(text) == []


def test_people_named_by_nationality_alone_are_no_mention() -> None:
    # the plural noun is neither a group of the state nor its demonym; a group noun still is
    text = "Five Chileans were freed. Chilean soldiers left."
    assert _rows(text) == [("Chile: soldiers", "Chilean soldiers")]


def test_a_capital_after_a_name_particle_ends_a_longer_place_name() -> None:
    # "Porto da Praia" is a town of its own; "in Praia" alone is the capital as a place
    text = "Troops patrol near Porto da Praia. Praia has protested to Lisbon."
    assert _rows(text) == [("Cape Verde", "Praia"), ("Portugal", "Lisbon")]


def test_a_demonym_after_in_before_a_noun_is_an_owner_not_a_language() -> None:
    text = (
        "The money is held in Chilean banks. The decree was printed in Chilean and English. "
        "Boats sailed in Chilean waters."
    )
    # only the banks' owner is a mention; a language and waters (a place) are not
    assert _rows(text) == [("Chile", "Chilean")]
    assert find_actors(text)["start"].tolist() == [text.index("Chilean banks")]


def test_a_possessive_after_to_owns_a_thing_but_a_place_is_a_destination() -> None:
    text = "The tanker belongs to Chile's shadow fleet. Envoys flew to Peru's capital."
    assert _rows(text) == [("Chile", "Chile")]


def test_a_un_body_named_with_un_for_united_nations_is_the_body() -> None:
    text = "The U.N. Mission in South Sudan condemned the attack."
    assert _rows(text) == [("UNMISS", "U.N. Mission in South Sudan")]
