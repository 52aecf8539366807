"""Which addresses an audit may connect to (crawler/addresses.py)."""

from __future__ import annotations

import pytest

from crawler.addresses import AddressPolicy, non_public_kind, parse_ip


@pytest.mark.parametrize(("address", "kind"), [
    ("169.254.169.254", "metadata"),
    ("100.100.100.200", "metadata"),
    ("fd00:ec2::254", "metadata"),
    ("127.0.0.1", "loopback"),
    ("127.0.0.2", "loopback"),
    ("::1", "loopback"),
    ("::ffff:127.0.0.1", "loopback"),
    ("169.254.1.1", "link_local"),
    ("fe80::1", "link_local"),
    ("10.20.30.40", "private"),
    ("172.16.0.1", "private"),
    ("192.168.1.1", "private"),
    ("fc00::1", "private"),
    ("100.64.0.1", "private"),  # shared address space (carrier-grade NAT)
    ("224.0.0.1", "multicast"),
    ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"),
    ("240.0.0.1", "reserved"),
    ("164.115.22.80", ""),  # a public address (a .go.th host)
    ("2001:4860:4860::8888", ""),
])
def test_non_public_kinds(address, kind):
    ip = parse_ip(address)
    assert ip is not None and non_public_kind(ip) == kind


def test_host_names_are_not_ip_addresses():
    assert parse_ip("www.example.go.th") is None
    assert parse_ip("[::1]") is not None


def test_public_start_url_refuses_every_private_address():
    policy = AddressPolicy()
    policy.add_start("https://www.example.go.th/")
    assert policy.check("164.115.22.80") == ""
    for host in ("127.0.0.1", "169.254.169.254", "10.0.0.1", "127.0.0.2"):
        assert policy.check(host), host
    assert "metadata" in policy.check("169.254.169.254")
    assert policy.check("metadata.google.internal")
    assert set(policy.refused) == {"127.0.0.1", "169.254.169.254", "10.0.0.1", "127.0.0.2",
                                   "metadata.google.internal"}


def test_a_private_start_url_allows_that_host_only():
    policy = AddressPolicy()
    policy.add_start("http://127.0.0.1:8080/")
    assert policy.check("127.0.0.1") == ""
    assert policy.check("127.0.0.2")  # another loopback address is not the site
    assert policy.check("169.254.169.254")
    assert policy.check("localhost", "127.0.0.1")  # another name for it is not the site


def test_a_start_name_resolving_privately_stays_allowed():
    policy = AddressPolicy()
    policy.add_start("http://intranet.office.local/")
    assert policy.check("intranet.office.local", "10.1.2.3") == ""
    assert policy.check("intranet.office.local", "10.1.2.4") == ""
    assert policy.check("other.office.local", "10.1.2.5")


def test_dns_rebinding_of_a_public_start_host_is_refused():
    policy = AddressPolicy()
    policy.add_start("https://www.example.go.th/")
    assert policy.check("www.example.go.th", "164.115.22.80") == ""
    assert "loopback" in policy.check("www.example.go.th", "127.0.0.1")


def test_a_name_is_judged_by_its_answer():
    policy = AddressPolicy()
    assert policy.check("evil.example") == ""  # not resolved yet: the resolver decides
    assert policy.check("evil.example", "169.254.169.254")
    assert policy.check("evil.example", "93.184.216.34") == ""


def test_allow_private_lifts_the_rule():
    policy = AddressPolicy(allow_private=True)
    assert policy.check("10.0.0.1") == "" and policy.check("x.local", "127.0.0.1") == ""


class _BrowserRequest:
    """The part of a Playwright request that ``abort_request`` reads."""

    def __init__(self, kind: str) -> None:
        self.resource_type = kind


@pytest.mark.parametrize(("kind", "aborted"), [
    ("image", True), ("font", True), ("media", True),
    ("script", False), ("xhr", False), ("document", False),
])
def test_rendered_pages_skip_images_fonts_and_media(kind, aborted):
    """Addresses are checked by the browser guard (tests/hostile/test_browser_guard.py)."""
    from crawler.rendering import abort_request

    assert abort_request(_BrowserRequest(kind)) is aborted
