"""Regression tests for the phrasings the twenty-third held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-23"). The snippets have
the format of their sources (GitHub issues quoting a maker's notice or filled from a form,
SECURITY.md files); the variants check that each rule is the general one, and the negatives
what it must not read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_a_named_app_shut_down() -> None:
    text = "Dear User,\nSolis Home/Pro will be shut down on 30th April 2023. Please download the “SolisCloud” APP.\n"
    assert ends(text, "Solis Home/Pro") == [D(2023, 4, 30)]
    assert ends("The factory in Shenzhen will be shut down on 30th April 2023.") == []


NEST_FORM = (
    "**When was the product launched? Provide a specific date, if possible.**\n"
    "Nest Thermostat 1st generation | October 25, 2011\nNest Thermostat 2nd generation | October 2, 2012\n\n"
    "**When was the product discontinued? Provide a specific date, if possible.**\nOctober 25, 2025\n\n"
    "**What type of product was it? App, Service, or Hardware?**\nApp\n"
)


def test_a_date_answering_a_question_about_the_end() -> None:
    assert ends(NEST_FORM, "Nest Thermostat 2nd generation", "text/markdown") == [D(2025, 10, 25)]
    # the answer to a question about the launch is not an end
    assert ends("**When was the product launched?**\nOctober 25, 2011\n", media="text/markdown") == []


def test_channels_under_an_issue_label_and_template_links() -> None:
    text = "To report a vulnerability, please create a GitHub Issue under `Issue/bug report` and document it."
    assert policy(text).contacts
    template = (
        "2. **Report the issue privately** by opening a security-related issue "
        "[here](https://github.com/your-repo/schrodinger-watch/security/advisories) or emailing the maintainers.\n"
    )
    assert not policy(template, "text/markdown").contacts
