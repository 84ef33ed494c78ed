import pytest

from connectapp.lib.states import STATE_CHOICES, STATES, get_state


def test_there_are_fifty_states_and_dc():
    assert len(STATES) == 51
    assert "DC" in STATES
    assert len(STATE_CHOICES) == 51


def test_neighbours_are_real_codes_and_go_both_ways():
    for code, state in STATES.items():
        assert code not in state.neighbours
        for neighbour in state.neighbours:
            assert neighbour in STATES, (code, neighbour)
            assert code in STATES[neighbour].neighbours, (code, neighbour)


@pytest.mark.parametrize("code", ["AK", "HI"])
def test_states_without_land_borders_have_no_neighbours(code):
    assert STATES[code].neighbours == ()


def test_centres_sit_inside_the_us_and_distances_look_right():
    for state in STATES.values():
        assert 18 < state.latitude < 72
        assert -170 < state.longitude < -66
    oregon, washington, florida = STATES["OR"], STATES["WA"], STATES["FL"]
    assert oregon.distance_km(oregon) == 0
    assert oregon.distance_km(washington) < 500
    assert 3500 < oregon.distance_km(florida) < 4500


def test_get_state_accepts_any_case_and_rejects_unknown_codes():
    assert get_state(" or ").name == "Oregon"
    assert get_state("ZZ") is None
    assert get_state("") is None
    assert get_state("US") is None
