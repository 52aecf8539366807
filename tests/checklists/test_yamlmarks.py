"""libyaml reads checklists fast; it gives the same data and marks as the pure-Python loader,
and a file it refuses is explained in the pure-Python loader's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklists import yamlmarks
from checklists.yamlmarks import YamlSyntaxError, load_with_marks

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "checklists" / "data").glob("*.yaml"))
needs_libyaml = pytest.mark.skipif(yamlmarks._fast_loader() is None,
                                   reason="PyYAML built without libyaml")


def pure_python(text: str, name: str):
    return yamlmarks._build(yamlmarks._compose(text, name), name)


@needs_libyaml
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_libyaml_gives_the_same_data_and_marks(path: Path):
    text = path.read_text(encoding="utf-8")
    assert yamlmarks._compose_fast(text, path.name) is not yamlmarks._REFUSED
    assert load_with_marks(text, path.name) == pure_python(text, path.name)


@needs_libyaml
@pytest.mark.parametrize("text", [
    "items:\n  - code: O1\n    title: [unclosed\n",
    "a: 1\na: 2\n",
    "9.1: x\n",
    "a: \x00\n",
    "a: &x [*x]\n",
    "a: " + "[" * 40 + "]" * 40 + "\n",
    "a: b: c\n",
    "d: 2569-13-45\n",
])
def test_refused_files_are_explained_as_before(text: str):
    with pytest.raises(YamlSyntaxError) as fast:
        load_with_marks(text, "x.yaml")
    with pytest.raises(YamlSyntaxError) as slow:
        pure_python(text, "x.yaml")
    assert str(fast.value) == str(slow.value)


def test_without_libyaml_the_pure_python_loader_reads(monkeypatch):
    monkeypatch.setattr(yamlmarks, "_fast_loader", lambda: None)
    data, marks = load_with_marks("a:\n  - 1\n  - b: yes\n", "x.yaml")
    assert data == {"a": [1, {"b": True}]}
    assert str(marks[("a", 1, "b")]) == "x.yaml:3:5"


@pytest.mark.parametrize("text, line_col", [
    ("items:\n  !!python/object:os.system a: 1\n", "x.yaml:2:3"),
    ("? !!binary zz\n: 1\n", "x.yaml:1:3"),
    ("a: !!python/object:os.system x\n", "x.yaml:1:4"),
])
def test_a_key_or_value_with_a_tag_it_cannot_have_is_the_users_error_at_its_line(
        text: str, line_col: str):
    """A key tagged `!!python/object` (found by tests/hostile/test_fuzz.py) raised PyYAML's
    ConstructorError past the loader; now it is a YamlSyntaxError at the key, as a value's is."""
    with pytest.raises(YamlSyntaxError) as err:
        load_with_marks(text, "x.yaml")
    assert str(err.value).startswith(line_col)
