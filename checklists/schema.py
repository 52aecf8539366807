"""JSON Schema of checklist files, kept in code beside the defaults.

A base checklist lists its items; an extending checklist (``extends:``) maps item codes to
partial items and may override units.  Rule names are checked against the registries
(``checklists.freshness`` and ``checklists.reachability``) after this schema passes.
"""

from __future__ import annotations

from typing import Any

from checklists.vocabulary import ITEM_CODE_FORM

MAX_ITEMS = 500  # a checklist has 33-43 items; 50,000 is a mistake or an attack (issue 12)
_STR_LIST: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}
_RULE: dict[str, Any] = {
    "type": "object",
    "required": ["rule"],
    "properties": {"rule": {"type": "string"}},
    "additionalProperties": {"type": ["integer", "number", "string", "boolean"]},
}
_FIND: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "codes": _STR_LIST,  # default: [code]
        "link_texts": _STR_LIST,  # default: []
        "url_words": _STR_LIST,  # default: []
        "keywords": _STR_LIST,  # default: []
        "exclude": _STR_LIST,  # default: []
    },
}
_ITEM_PROPS: dict[str, Any] = {
    "code": {"type": "string", "pattern": ITEM_CODE_FORM},
    "subindicator": {"type": "string", "pattern": r"^[0-9]+\.[0-9]+$"},
    "title_th": {"type": "string", "minLength": 1},
    "title_en": {"type": "string", "minLength": 1},
    "requires_th": {"type": "string"},  # default: ""
    "requires_en": {"type": "string"},  # default: ""
    "owner": {"type": "string", "minLength": 1},
    "find": _FIND,  # default: {}
    "freshness": _RULE,  # default: {rule: none}
    "reachability": _RULE,  # default: {rule: any}
    "notes": {"type": "string"},  # default: ""
    "provisional": {"type": "boolean"},  # default: the file's top-level `provisional`
    "sources": _STR_LIST,  # default: []; ids of the file's `sources`
}
ITEM_REQUIRED = ["code", "subindicator", "title_th", "title_en", "owner"]
_UNIT = {
    "type": "object",
    "required": ["th"],
    "additionalProperties": False,
    "properties": {"th": {"type": "string"}, "en": {"type": "string"}},
}
_SOURCE = {
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "minLength": 1},  # what it is, where it was seen
        "url": {"type": "string"},  # default: ""
        "single_agency": {"type": "boolean"},  # default: false (one agency's own site)
    },
}
_CHANGE = {
    "type": "object",
    "required": ["th"],
    "additionalProperties": False,
    "properties": {"th": {"type": "string", "minLength": 1}, "en": {"type": "string"}},
}
_BAND = {
    "type": "object",
    "required": ["label", "min"],
    "additionalProperties": False,
    "properties": {
        "label": {"type": "string"},
        "label_en": {"type": "string"},
        "min": {"type": "number", "minimum": 0, "maximum": 100},
        # 2566+ labels: IIT, EIT and OIT must each reach this too (default: no condition)
        "each_tool_min": {"type": "number", "minimum": 0, "maximum": 100},
    },
}
# How the framework computes its scores; defaults beside their keys (SCORING_DEFAULTS).
SCORING_DEFAULTS: dict[str, Any] = {
    "method": "bands",  # bands (to 2565) or labels (2566+, with their per-tool condition)
    "tools": {"iit": 30, "eit": 30, "oit": 40},  # each tool's points in the total of 100
    "oit_indicators": [9, 10],  # the OIT score is the mean of these indicators
}
_SCORING: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "method": {"enum": ["bands", "labels"]},
        "tools": {"type": "object", "additionalProperties": False,
                  "required": ["iit", "eit", "oit"],
                  "properties": {k: {"type": "number", "minimum": 0, "maximum": 100}
                                 for k in ("iit", "eit", "oit")}},
        "oit_indicators": {"type": "array", "minItems": 1,
                           "items": {"type": "integer", "minimum": 1}},
    },
}

BASE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "version", "family", "framework_year", "title_th", "scale", "units",
                 "items"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9._+-]*$"},
        "version": {"type": ["string", "number"]},
        "family": {"type": "string"},
        "framework_year": {"type": "integer", "minimum": 2500, "maximum": 2700},
        "title_th": {"type": "string"},
        "title_en": {"type": "string"},
        "scale": {"type": "array", "minItems": 1, "items": _BAND},
        "pass_score": {"type": "number"},  # default: 85
        "scoring": _SCORING,  # default: SCORING_DEFAULTS
        "units": {"type": "object", "additionalProperties": _UNIT},
        "subindicators": {"type": "object", "additionalProperties": _UNIT},
        "provisional": {"type": "boolean"},  # default: false (items may say otherwise)
        "sources": {"type": "object", "additionalProperties": _SOURCE},  # default: {}
        "changes": {"type": "array", "items": _CHANGE},  # default: []
        "items": {
            "type": "array",
            "minItems": 1,
            "maxItems": MAX_ITEMS,
            "items": {
                "type": "object",
                "required": ITEM_REQUIRED,
                "additionalProperties": False,
                "properties": _ITEM_PROPS,
            },
        },
    },
}

# Top-level keys an overlay replaces outright (units, subindicators and sources merge).
OVERLAY_REPLACES = ("id", "version", "family", "framework_year", "title_th", "title_en", "scale",
                    "pass_score", "scoring", "provisional", "changes")
_CODE = _ITEM_PROPS["code"]

OVERLAY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["extends"],
    "additionalProperties": False,
    "properties": {
        "extends": {"type": "string", "minLength": 1},
        **{k: BASE_SCHEMA["properties"][k] for k in OVERLAY_REPLACES},
        "units": {"type": "object", "additionalProperties": _UNIT},
        "subindicators": {"type": "object", "additionalProperties": _UNIT},
        "sources": BASE_SCHEMA["properties"]["sources"],
        # base codes dropped in this list (merged into another item or no longer asked for)
        "remove": {"type": "array", "items": _CODE},  # default: []
        # new code -> fields; `from: BASECODE` starts from that base item (a renumbering),
        # `from: new` is a new item (all required fields); no `from`: the base item of that code
        "items": {
            "type": "object",
            "propertyNames": _CODE,
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    **{k: v for k, v in _ITEM_PROPS.items() if k != "code"},
                    "from": {"anyOf": [_CODE, {"const": "new"}]},
                },
            },
        },
    },
}
