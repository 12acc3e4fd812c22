"""Articles that set several makers' update periods side by side (bench/data/web-realworld.json,
the Computeractive report in "held-out-33"): each product keeps its own end, a year in brackets
describes the product it follows, and a period's start is the date its own clause gives."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date

ARTICLE = (
    "For example, system updates for the Pixel 6 and Pixel 6 Pro (launched in 2021) end in October – "
    "security updates continue until 2026.\n\n"
    "Samsung provides five years of security updates to Galaxy phones and tablets launched in 2021 or later, "
    "and four years of updates to ‘select’ devices from 2019 onwards. In January, Samsung pledged that it will "
    "match Google by offering seven years of software and security updates for its new Galaxy S24 series, but "
    "two months later it ended support for most of its Galaxy S20 range (from 2020, pictured below)."
)


def test_the_sentence_naming_the_product_outweighs_the_ones_after_it() -> None:
    assert ends(ARTICLE, "Pixel 6 and Pixel 6 Pro") == [D(2026, 12, 31)]
    # a later sentence that gives the same end more finely still counts
    finer = "The Acme Hub will stop receiving updates in March 2018. The service ends on March 16, 2018."
    assert ends(finer, "Acme Hub") == [D(2018, 3, 16)]


def test_a_year_in_brackets_after_a_noun_describes_it() -> None:
    # seven years with no start of its own: the S20 range's year is neither its start nor the S24's end
    assert ends(ARTICLE, "Galaxy S24 series") == []
    assert ends("The maker ended support for its Cam range (2019) last week.") == []
    # brackets after a time word say when that time is
    tonight = "Owners will no longer be able to unlock their doors with the Conexis app from tonight (July 31st 2024)."
    assert ends(tonight, "Conexis app") == [D(2024, 7, 31)]
    # brackets that hold the stop itself are read
    assert ends("Acme Cam 2 (support ends in 2027) is still sold.", "Acme Cam 2") == [D(2027, 12, 31)]


def test_a_periods_start_is_in_its_own_clause() -> None:
    assert ends("The Acme Cam gets security updates for five years from 1 March 2024.", "Acme Cam") == [D(2029, 3, 1)]
    later_clause = (
        "The Galaxy S24 gets security updates for seven years, but it ended support for its Galaxy S20 from 2020."
    )
    assert ends(later_clause, "Galaxy S24") == []
    assert ends(later_clause, "Galaxy S20") == [D(2020, 1, 1)]


WATCHES = (
    "by Ryan Whitwam Monday, September 02, 2024, 11:27 AM EDT\n"
    "The Pixel support site has been updated with guaranteed support timelines, including the Pixel Watch 3. "
    "The company says owners can expect to get regular updates through October 2027, whereas the Pixel Watch 2 "
    "loses support in October 2025, and the first-gen Pixel Watch will only get updates through October of next year."
)


def test_clauses_set_against_each_other_keep_their_own_products() -> None:
    # the clause that names no model goes on about the product of the sentence before
    assert ends(WATCHES, "Pixel Watch 3") == [D(2027, 10, 31)]
    assert ends(WATCHES, "Pixel Watch 2") == [D(2025, 10, 31)]
    # "October of next year" from the byline's date
    assert ends(WATCHES, "first-gen Pixel Watch") == [D(2025, 10, 31)]
    # a clause after the product's that names nothing else goes on about it
    two = (
        "The Nexus 9 and Nexus 6 have sailed past their OS updates, but the two still receive security bundles "
        "till October 2017."
    )
    assert ends(two, "Nexus 9") == [D(2017, 10, 31)]


def test_years_of_any_updates_are_a_support_period() -> None:
    text = (
        "The Pixel Watch is guaranteed to get software updates until at least October 2025. The maker promises four "
        "years of One UI and Wear OS updates for the Galaxy Watch 4 and Watch 5 lineup."
    )
    # the Galaxy Watch 4's own sentence gives a period with no start: the Pixel Watch's date is not its end
    assert ends(text, "Galaxy Watch 4") == []


def test_updates_that_run_dry_end() -> None:
    assert ends("Security updates for the Acme Cam run dry in October 2025.", "Acme Cam") == [D(2025, 10, 31)]
    assert ends("Security updates for the Acme Cam run smoothly in October 2025.", "Acme Cam") == []


def test_an_end_named_as_a_date() -> None:
    for phrase in ("an EOL date of", "an end-of-life date of", "AUE dates of", "an auto update expiration date of"):
        assert ends(f"The Acme Cam has {phrase} June 2028.", "Acme Cam") == [D(2028, 6, 30)], phrase
    assert ends("Its EOL date is June of 2028.", "Acme Cam") == [D(2028, 6, 30)]
    assert ends("The Acme Cam has a release date of June 2028.", "Acme Cam") == []


def test_that_means_gives_the_end_of_the_period_before() -> None:
    text = (
        "The maker now promises seven years of OS and security updates for its Galaxy S24 phones, going further "
        "than its policy established in 2022. That means if you plan on staying with your Galaxy S24 device until "
        "2031, you may expect to see it end up with Android 21."
    )
    assert ends(text, "Galaxy S24") == [D(2031, 12, 31)]
    # with no period just before, "that means" reads nothing
    assert ends("That means if you plan on staying with your Galaxy S24 until 2031, it is fine.", "Galaxy S24") == []


def test_a_span_after_update_words_is_not_a_sale() -> None:
    text = "But a refurbished Google Pixel 3 is still sold by Google Store promising updates till October 2021 only."
    assert ends(text, "Pixel 3") == [D(2021, 10, 31)]
    assert ends("The Pixel 3 was sold until October 2021.", "Pixel 3") == []


def test_each_date_followed_by_its_products() -> None:
    text = (
        "The switch over to quarterly patches will begin from September 2019 until September 2020 for the Nokia 3, "
        "and from October 2019 until October 2020 for the Nokia 5, Nokia 6 and Nokia 8."
    )
    assert ends(text, "Nokia 8") == [D(2020, 10, 31)]
    assert ends(text, "Nokia 3") == [D(2020, 9, 30)]


def test_a_support_page_is_no_support() -> None:
    text = (
        "According to Google's support page, the Pixel XL is guaranteed to receive Android version updates until "
        "October 2018. Security updates, however, are promised to roll out until October 2019."
    )
    assert ends(text, "Pixel XL") == [D(2019, 10, 31)]


def test_an_end_called_off_outweighs_the_next_sentences_date() -> None:
    text = "Sony has now announced the PS3 store will no longer close. The PSP store will still close on July 2, 2021."
    assert ends(text, "PS3 store") == []
    assert ends(text, "PSP store") == [D(2021, 7, 2)]
    kept = "Sony will be keeping the PS3 store operational. The PSP store will still close on July 2, 2021."
    assert ends(kept, "PS3 store") == []


def test_respectively_pairs_the_run_of_dates_it_closes() -> None:
    text = (
        "The Pixel Watch 3 is guaranteed updates until at least October 2027, matching the commitment made for the "
        "original Pixel Watch and the Pixel Watch 2, which are set to receive updates until October 2025 and "
        "October 2026, respectively."
    )
    assert ends(text, "Pixel Watch (original)") == [D(2025, 10, 31)]
    assert ends(text, "Pixel Watch 2") == [D(2026, 10, 31)]


def test_products_left_out_of_an_end() -> None:
    text = (
        "All of the existing Fire TV devices are guaranteed updates at least through 2025. The only ones not "
        "included in that list are the first-gen Fire TV and Fire TV Stick, which were launched in 2014 and 2015."
    )
    assert ends(text, "first-gen Fire TV and Fire TV Stick") == []


def test_an_end_on_a_condition_gives_way_to_the_stated_one() -> None:
    text = (
        "If a Fire Tablet, such as the Fire 7 Tablet (2022), is last sold in May 2024, it will receive security "
        "updates until at least 2028. At the moment, the help page says the Fire 7 Tablet will receive updates at "
        "least through 2026."
    )
    assert ends(text, "Fire 7 Tablet (2022)") == [D(2026, 12, 31)]
    # alone, the conditional end is still the page's reading
    assert ends(text.split(" At the moment")[0], "Fire 7 Tablet (2022)") == [D(2028, 12, 31)]


def test_a_product_named_after_another_is_not_what_follows_is_about() -> None:
    text = (
        "Pixel Watch 3 Gets 3 Years Of Updates, How That Compares To Apple Watch And Galaxy Watch\n\n"
        "The company says owners can expect to get regular updates through October 2027."
    )
    assert ends(text, "Apple Watch") == []
    assert ends(text, "Pixel Watch 3") == [D(2027, 10, 31)]
    html = "<title>Pixel Watch 3 Compared To Apple Watch</title><p>Owners get regular updates through October 2027.</p>"
    assert ends(html, "Apple Watch", media="text/html") == []


def test_brackets_after_an_end_date_it() -> None:
    assert ends("End of support (31 March 2030) for the Acme Cam.", "Acme Cam") == [D(2030, 3, 31)]
    assert ends("The Acme Cam reaches end of life (March 2030).", "Acme Cam") == [D(2030, 3, 31)]
    assert ends("Acme will stop the service for the Acme Cam (March 2030).", "Acme Cam") == [D(2030, 3, 31)]
