"""Sign-in walls are recognised; a sidebar login box on a public page is not one."""

from __future__ import annotations

import pytest

from crawler.login import is_login_wall


@pytest.mark.parametrize("requested,final,password,expected", [
    ("https://drive.google.com/file/d/x/view",
     "https://accounts.google.com/ServiceLogin?continue=x", False, True),
    ("http://site/doc", "http://site/wp-login.php?redirect_to=doc", False, True),
    ("http://site/members/report", "http://site/members/gate", True, True),
    ("http://site/ita/", "http://site/ita/", True, False),  # sidebar login box
    ("http://site/login", "http://site/login", True, False),  # the link is the login page
    ("http://site/plan.pdf", "http://site/plan.pdf", False, False),
    # a social network's wall for crawlers is not the office's fault (O9)
    ("https://www.facebook.com/sesa.example", "https://www.facebook.com/login/?next=x", True,
     False),
])
def test_is_login_wall(requested, final, password, expected):
    assert is_login_wall(requested, final, password) is expected
