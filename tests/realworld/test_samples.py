"""The real-world corpus table is sound: columns, the fixed split rule, excerpt files, counts."""

from __future__ import annotations

import pytest

from tests.realworld.split import (
    AGENCY_TYPES,
    check,
    counts,
    load_samples,
    registrable_domain,
    split_of,
)


@pytest.fixture(scope="module")
def samples():
    return load_samples()


def test_table_is_sound(samples):
    assert check(samples) == []


def test_every_agency_type_present(samples):
    assert set(AGENCY_TYPES) <= set(counts(samples)["per_agency_type"])


def test_split_rule_is_fixed():
    # The rule is a pure function of the registrable domain; these values never change.
    assert registrable_domain("https://www.ita.skko.moph.go.th/p?x=1") == "skko.moph.go.th"
    assert registrable_domain("http://WWW.Sesao1.go.th/ita") == "sesao1.go.th"
    assert registrable_domain("https://sites.google.com/view/ita-abc/o1") == \
        "sites.google.com/view/ita-abc"
    assert split_of("sesao1.go.th") == "dev"
    assert split_of("wordpress.com") == "test"
    share = sum(split_of(f"site{n}.go.th") == "test" for n in range(2000)) / 2000
    assert 0.15 < share < 0.25
