"""Formats met on held-out sets 116-119: a JSON document cut off before its end (an API reply over a
size limit, a quoted excerpt), a model named with its year in brackets or "from" a year, and a stage
table's cell led by its time."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.jsonrows import json_rows
from psti.evidence.web.pagetext import page_text
from psti.evidence.web.support_period import analyse_support_page
from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_a_json_document_cut_short_keeps_its_whole_values() -> None:
    cut = (
        '{"result":{"name":"kindle","releases":[{"name":"scribe-3","label":"Acme Scribe 3","eolFrom":"2030-12-31"},'
        '{"name":"scribe-2024","label":"Acme Scribe 2024","eolFrom":"2029-12-31","latest":{"name":"5.19"},'
        '"isMaintained":true,...'
    )
    rows = json_rows(cut)
    assert rows is not None and "label: Acme Scribe 2024 | eol from: 2029-12-31" in rows
    page = analyse_support_page(page_text(cut.encode(), "application/json"), ("Acme Scribe 2024",))
    assert page.end_dates() == [D(2029, 12, 31)]
    # a short value cut inside its string is left out: "2030-1" could read as another date
    rows = json_rows('[{"name":"a","eol":"2030-12-31"},{"name":"b","eol":"2030-1')
    assert rows == "name: a | eol: 2030-12-31\nname: b"
    # broken before its end: no JSON
    assert json_rows('{"a": x, "b": {"c": 1}, "d"') is None
    assert json_rows('{"a": 1, "b": [1,2}, "c": 3}') is None


def test_a_long_text_in_json_is_read_whole() -> None:
    body = "Please report security issues to security@acme.io. " + "Our scope covers the Acme app. " * 12
    doc = '[{"id": 7, "policy": "' + body + "We read every report"  # cut inside the text
    a = policy(doc, media="application/json")
    assert a.contacts == ["mailto:security@acme.io"]


def test_a_year_that_names_the_model() -> None:
    bracket = "Acme Reader Keyboard (3rd Gen, 2010) – No longer receives updates."
    assert ends(bracket, "Acme Reader Keyboard") == []
    from_year = (
        "Acme is ending software support for its first and second-generation Acme Thermostats, released in 2011 "
        "and 2012 respectively, and the European model from 2014."
    )
    assert ends(from_year, "Acme Thermostats") == []
    # the brackets' words are the model's, an end after them is still read
    dated = "Acme Cam (2nd generation, 2017) - no longer receives updates since March 2024."
    assert ends(dated, "Acme Cam") == [D(2024, 3, 1)]
