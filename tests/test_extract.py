"""Extraction: each way a reporter writes a number becomes the claim a reader would take from it."""

from __future__ import annotations

import math

import pytest

import consistency

from conftest import only, quantities


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "kind", "unit", "low", "high"),
    [
        # digits, separators, decimals, rounding
        ("The firm hired 439 engineers.", "count", "people", 438.5, 439.5),
        ("The firm hired 2,300 engineers.", "count", "people", 2250, 2350),
        ("The index closed at 3.35 points.", "count", "point", 3.345, 3.355),
        ("Output reached 1,234,567 tonnes.", "physical", "tonne", 1234566.5, 1234567.5),
        # scales
        ("It raised $439 million.", "currency", "USD", 438.5e6, 439.5e6),
        ("It invested 3.3 billion yuan.", "currency", "CNY", 3.25e9, 3.35e9),
        ("Revenue was €161.9m.", "currency", "EUR", 161.85e6, 161.95e6),
        ("Profit hit £9.9bn.", "currency", "GBP", 9.85e9, 9.95e9),
        ("The deal was worth Rs 1,002 crore.", "currency", "INR", 1001.5e7, 1002.5e7),
        ("Sales of Rs 3,82,492 were booked.", "currency", "INR", 382491.5, 382492.5),
        ("It set aside RMB10 billion.", "currency", "CNY", 9.5e9, 10.5e9),
        ("The fund holds USD 5m in cash.", "currency", "USD", 4.5e6, 5.5e6),
        ("The fund holds 5m EUR in cash.", "currency", "EUR", 4.5e6, 5.5e6),
        ("Exports were 5 billion won.", "currency", "KRW", 4.5e9, 5.5e9),
        ("The group paid HK$730 million.", "currency", "HKD", 725e6, 735e6),
        ("The bid was US$7.7bil.", "currency", "USD", 7.65e9, 7.75e9),
        ("It paid $US2.5bn for it.", "currency", "USD", 2.45e9, 2.55e9),
        ("Ticket prices rose 19 cents.", "currency", "USD", 0.185, 0.195),
        ("The sum was 10.5 million Australian dollars.", "currency", "AUD", 10.45e6, 10.55e6),
        ("A lakh of rupees is 1 lakh rupees.", "currency", "INR", 0.5e5, 1.5e5),
        # percent, points
        ("Turnout was 30%.", "percent", "percent", 29.5, 30.5),
        ("Turnout was 30 per cent.", "percent", "percent", 29.5, 30.5),
        ("Turnout was 30 percent.", "percent", "percent", 29.5, 30.5),
        ("The rate rose 1.5 percentage points.", "percentage_point", "percentage_point", 1.45, 1.55),
        # qualifiers
        ("It drew more than 3 billion yuan.", "currency", "CNY", 3e9, 3.5e9),
        ("It hired over 500 people.", "count", "people", 500, 550),
        ("It hired nearly 1,800 people.", "count", "people", 1750, 1800),
        ("It hired about 440 people.", "count", "people", 435, 445),
        ("It hired up to 20 people.", "count", "people", 0, 20),
        ("It hired at least 40 people.", "count", "people", 40, 40.5),
        ("It hired fewer than 20 people.", "count", "people", 0, 20),
        ("It hired ~440 people.", "count", "people", 435, 445),
        # counted nouns
        ("There are 140 test vehicles.", "count", "vehicle", 135, 145),
        ("It runs 10,000 offline Chinese stores.", "count", "store", 5000, 15000),
        ("It has 2,300 R&D personnel.", "count", "people", 2250, 2350),
        # physical units and durations
        ("They built a 1,600-kilometre pipeline.", "physical", "kilometer", 1550, 1650),
        ("It was 41 degrees Celsius outside.", "physical", "degree_Celsius", 40.5, 41.5),
        ("It was 106°F outside.", "physical", "degree_Fahrenheit", 105.5, 106.5),
        ("The farm covers 2,828 hectares.", "physical", "hectare", 2827.5, 2828.5),
        ("The car tops 87 mph.", "physical", "mile_per_hour", 86.5, 87.5),
        ("The plant makes 3 GW a year.", "physical", "gigawatt", 2.5, 3.5),
        ("It carries a 20-tonne load.", "physical", "tonne", 19.5, 20.5),
        ("The plan takes six months.", "duration", "month", 5.5, 6.5),
        ("The 13-year-old company grew.", "duration", "year_of_age", 12.5, 13.5),
        # number words and fractions
        ("They own twenty-five shops.", "count", "store", 24.5, 25.5),
        ("He bought a dozen eggs.", "count", "egg", 11.5, 12.5),
        ("A quarter of his time goes there.", "percent", "percent", 23.75, 26.25),
        ("Two-thirds of voters agreed.", "percent", "percent", 200 / 3 * 0.95, 200 / 3 * 1.05),
        ("One in five voters agreed.", "percent", "percent", 20, 20),
        ("Hundreds of people came.", "count", "people", 100, 1000),
        # ranges
        ("It will take 15-20 years.", "duration", "year", 15, 20),
        ("It will cost between 3 and 4 million euros.", "currency", "EUR", 3e6, 4e6),
        ("Growth will be 6 to 7%.", "percent", "percent", 6, 7),
        ("The fine could be $3 billion to $5 billion.", "currency", "USD", 3e9, 5e9),
        ("Sales may be $89 to $93 billion.", "currency", "USD", 89e9, 93e9),
        ("Temperatures dropped by 1 to 1.5 degrees Celsius.", "physical", "delta_degree_Celsius", 1, 1.5),
        # negatives
        ("The balance was -3.5%.", "percent", "percent", -3.55, -3.45),
        ("It fell to minus 5 degrees Celsius.", "physical", "degree_Celsius", -5.5, -4.5),
    ],
)
def test_number_becomes_claim(text: str, kind: str, unit: str, low: float, high: float) -> None:
    """Each written form gives the kind, unit and interval the writer committed to."""
    claim = only(text)
    assert (claim.kind, claim.unit) == (kind, unit), claim
    assert close(claim.low, low) and close(claim.high, high), (claim.low, claim.high)
    assert claim.low <= claim.nominal <= claim.high


@pytest.mark.parametrize(
    "text",
    [
        "Xiaomi 13 goes on sale today.",
        "The COVID-19 pandemic changed travel.",
        "Operators are building 5G networks.",
        "The laptop ships with Windows 11 installed.",
        "A Boeing 737 landed safely.",
        "Under Section 427 of the code, fines apply.",
        "The meeting starts at 10:30 and ends at 3 p.m. sharp.",
        "Call 800-290-4726 for details.",
        "The delivery is planned in 2024.",
        "She finished 21st in the race.",
        "The form dated 02/25/14 was lost.",
        "Install version 1.2.3 first.",
        "The team lost 2-0 at home.",
        "It set itself a top-five target.",
        "The iPhone 11 Pro has no headphone jack.",
    ],
)
def test_not_a_quantity(text: str) -> None:
    """Names, identifiers, times, phone numbers and years used as dates are never counts or money."""
    assert [c.text for c in quantities(text)] == []


def test_a_model_number_beside_a_count() -> None:
    """In "The iPhone 11 Pro has three cameras" the 11 is a name and the three a count."""
    assert [(c.text, c.unit) for c in quantities("The iPhone 11 Pro has three cameras.")] == [
        ("three cameras", "camera")
    ]


def test_years_are_dates_not_counts() -> None:
    """A year is a date claim, never a count or money."""
    claims = consistency.extract("Deliveries start in 2024, and 2,024 cars are planned.")
    kinds = {c.text: c.kind for c in claims}
    assert kinds["2024"] == "date"
    assert kinds["2,024 cars"] == "count"


def test_dates_resolve_against_article_date() -> None:
    """Month-day dates take their year from the article, and "last year" counts back from it."""
    text = (
        "On February 9 Lei spoke. On August 11, last year, a report came. In September last year tests began."
    )
    claims = {c.text: c for c in consistency.extract(text, date="2023-02-10") if c.kind == "date"}
    assert claims["February 9"].iso == "2023-02-09"
    assert claims["August 11, last year"].iso == "2022-08-11"
    assert claims["September last year"].iso == "2022-09"


def test_bare_dollar_follows_front_matter() -> None:
    """A bare `$` is USD unless the front matter names another dollar."""
    assert only("It paid $5 million.").unit == "USD"
    assert only("---\ncurrency: AUD\n---\nIt paid $5 million.\n").unit == "AUD"
    assert only("It paid $US2.5bn.", currency="AUD").unit == "USD"


def test_yen_sign_is_decided_by_context_or_left_ambiguous() -> None:
    """`¥` is CNY or JPY only when the article or its front matter says which."""
    assert only("Profit was ¥5 billion.").unit == "¥"
    assert only("Profit was ¥5 billion.", currency="JPY").unit == "JPY"
    chinese = "The Chinese maker, based in Beijing, earned ¥5 billion in China."
    assert [c.unit for c in quantities(chinese)] == ["CNY"]
    japanese = "The Japanese maker, based in Tokyo, earned ¥5 billion in Japan."
    assert [c.unit for c in quantities(japanese)] == ["JPY"]


def test_people_never_add_to_vehicles() -> None:
    """Counted nouns are grouped: staff and engineers are people; vehicles stay vehicles."""
    units = [c.unit for c in quantities("It has 50 staff, 20 engineers, 30 employees and 140 vehicles.")]
    assert units == ["people", "people", "people", "vehicle"]


def test_qualifier_name_is_reported() -> None:
    """The claim says which qualifier shaped its interval."""
    assert only("It hired more than 2,300 people.").qualifier == "more than"
    assert only("It hired nearly 1,800 people.").qualifier == "nearly"
    assert only("It hired 1,800 people.").qualifier is None


def test_claim_text_spans_qualifier_number_and_unit() -> None:
    """The claim's text and offsets cover the whole phrase, qualifier and counted noun included."""
    text = "Last year the unit drew more than 3 billion yuan ($439 million) of investment."
    claims = quantities(text)
    assert [c.text for c in claims] == ["more than 3 billion yuan", "$439 million"]
    assert [text[c.start : c.end] for c in claims] == ["more than 3 billion yuan", "$439 million"]


def test_trusted_claims_equal_validated_ones() -> None:
    """The extractor's fast claim construction builds exactly what pydantic validation would."""
    from consistency.models import Claim

    for claim in consistency.extract("It drew more than 3 billion yuan ($439 million) on February 9, 2023."):
        assert claim == Claim(**dict(claim))
        assert claim.model_fields_set == set(Claim.model_fields)


@pytest.mark.parametrize(
    ("text", "kind", "unit", "nominal"),
    [
        ("Arnold paid 1,200€ for it.", "currency", "EUR", 1200),
        ("Arnold paid 5 € for it.", "currency", "EUR", 5),
        ("The pixel pitch is 352 μm.", "physical", "micrometer", 352),
        ("The neck is 25.5″ long.", "physical", "inch", 25.5),
    ],
)
def test_symbols_written_after_the_figure(text: str, kind: str, unit: str, nominal: float) -> None:
    """European copy and typography put the currency or unit symbol after the number."""
    claim = only(text)
    assert (claim.kind, claim.unit, claim.nominal) == (kind, unit, nominal)


def test_a_part_counts_what_its_whole_counts() -> None:
    """In "26,677 of 35,887 votes" both figures count votes."""
    claims = quantities("She won 26,677 of 35,887 votes.")
    assert [(c.text, c.unit) for c in claims] == [("26,677", "vote"), ("35,887 votes", "vote")]


def test_points_in_results_tables() -> None:
    """An attached "pt" after a figure is percentage points ("+0.3pt")."""
    assert (only("Margin: +0.3pt").kind, only("Margin: +0.3pt").unit) == (
        "percentage_point",
        "percentage_point",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "up A to B" is a change and a new level, never a range
        ("The population grew, up 4,293,741 to 25,145,561.", ["4,293,741", "25,145,561"]),
        # a range keeps the word that opens it
        ("Costs will be between £1.5bn and £2.5bn.", ["between £1.5bn and £2.5bn"]),
        # a written plus sign is part of the figure
        ("Revenue rose +7.3% on the year.", ["+7.3%"]),
        # the full stop after a month ends the sentence
        ("The report came on 2 September.", ["2 September"]),
        # "of 2011-12" is a fiscal year, not a part of a whole
        ("In the first four months of 2011-12, exports rose.", ["four months", "2011-12"]),
        # question numbers are identifiers
        ("See questions 2-5 and question 15 of the survey.", []),
    ],
)
def test_claim_spans(text: str, expected: list[str]) -> None:
    """Each claim covers the figure as written, and nothing that is not one."""
    assert [c.text for c in consistency.extract(text, date="2011-09-10")] == expected


@pytest.mark.parametrize(
    ("text", "unit", "low", "high"),
    [
        ("Losses were -$5m.", "USD", -5.5e6, -4.5e6),
        ("The margin is plus or minus 3 percentage points.", "percentage_point", 2.5, 3.5),
        ("It paid 3.2 million U.S. dollars.", "USD", 3.15e6, 3.25e6),
        ("It raised a total of HK$9.8 billion.", "HKD", 9.75e9, 9.85e9),
    ],
)
def test_signs_margins_and_spellings(text: str, unit: str, low: float, high: float) -> None:
    """Minus signs before a currency, margins of error, dotted 'U.S.' and 'a total of' read right."""
    claim = only(text)
    assert claim.unit == unit
    assert close(claim.low, low) and close(claim.high, high), (claim.low, claim.high)


def test_yen_follows_iso_codes_in_the_article() -> None:
    """A table headed 'JPY billion' tells which currency the article's ¥ is."""
    text = "Revenue was ¥2,084.0 billion.\n\n| JPY billion | FY2016 |\n|---|---|\n| Revenue | 2,084.0 |\n"
    assert quantities(text)[0].unit == "JPY"


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Candidates received 8,563 and 14,845 votes.", ["vote", "vote"]),
        ("It took two or three days.", ["day", "day"]),
        ("The firm closed 95,479 Series E preference shares.", ["share"]),
        ("It issued 1,307 compulsorily convertible preference shares.", ["share"]),
        ("Two Indian start-up rounds closed.", ["round"]),
        ("It won in 58 out of 75 capabilities.", ["capability", "capability"]),
    ],
)
def test_counted_noun_is_the_head_of_its_phrase(text: str, units: list[str]) -> None:
    """The thing counted is the last noun of the phrase, shared by a figure listed before it."""
    assert [c.unit for c in quantities(text)] == units


@pytest.mark.parametrize("text", ["Menino won a third term in 2009.", "The first-half forecast held."])
def test_ordinals_and_periods_are_not_fractions(text: str) -> None:
    """'a third term' and 'first-half' name a position or a period, not a share."""
    assert [c.kind for c in quantities(text)] == []


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("Lows did not drop below 108.7°F.", "at least", 108.7, 108.75),
        ("It will cost not more than 40 euros.", "up to", 0, 40),
        ("It never fell under 30%.", "at least", 30, 30.5),
    ],
)
def test_negated_qualifiers_turn_around(text: str, qualifier: str, low: float, high: float) -> None:
    """'not more than' and 'did not drop below' bound the figure from the other side."""
    claim = only(text)
    assert claim.qualifier == qualifier
    assert close(claim.low, low) and close(claim.high, high), (claim.low, claim.high)


@pytest.mark.parametrize(
    ("text", "kind", "unit", "low", "high"),
    [
        ("He ran it in 4 hours and 48 minutes.", "duration", "minute", 287.5, 288.5),
        ("He ran it in 4 hours, 49 minutes.", "duration", "minute", 288.5, 289.5),
        ("The deal took 2 years and 3 months.", "duration", "month", 26.5, 27.5),
        ("She won by a decisive 16-point margin.", "percentage_point", "percentage_point", 15.5, 16.5),
    ],
)
def test_compound_figures(text: str, kind: str, unit: str, low: float, high: float) -> None:
    """A duration in two units is one figure; a poll margin in points is percentage points."""
    claim = only(text)
    assert (claim.kind, claim.unit) == (kind, unit)
    assert close(claim.low, low) and close(claim.high, high), (claim.low, claim.high)


def test_year_less_dates_take_the_paragraph_year() -> None:
    """A month and day without a year belong to the year written earlier in the paragraph."""
    text = "In December 2011 the council met. The December 6 packet listed the cuts.\n\nOn May 2 it voted."
    isos = [c.iso for c in consistency.extract(text, date="2021-04-12") if c.kind == "date"]
    assert isos == ["2011-12", "2011-12-06", "2021-05-02"]


def test_day_ranges_are_one_date() -> None:
    """'March 24-30, 1999' is one date spanning a week, not a count."""
    claims = consistency.extract("The poll ran March 24-30, 1999.")
    assert [(c.kind, c.iso) for c in claims] == [("date", "1999-03-24/1999-03-30")]


def test_table_headings_say_what_bare_cells_measure() -> None:
    """Under a '€ millions' corner a bare cell is euros in millions; a row label can say otherwise."""
    table = (
        "| € millions | Q1 2018 | Growth |\n|---|---|---|\n| Revenue | 161.9 | 14% |\n"
        "| Earnings per share, € | 0.067 | 68% |\n| Staff | 1,200 | 5% |\n"
    )
    claims = {c.text: c for c in quantities(table)}
    assert (claims["161.9"].unit, claims["161.9"].nominal) == ("EUR", 161.9e6)
    assert (claims["0.067"].unit, claims["0.067"].nominal) == ("EUR", 0.067)
    assert (claims["1,200"].kind, claims["1,200"].unit) == ("count", "")
    assert claims["14%"].kind == "percent"


def test_vague_words_in_table_headings_are_no_scale_error() -> None:
    """A heading written in words ("tens of thousands of") never breaks the reading of its cells."""
    text = "| 1 | tens of thousands of |\n|---|--:|\n| tens of thousands of | 1 |\n"
    assert all(c.low <= c.nominal <= c.high for c in consistency.extract(text))


def test_a_fraction_before_a_verb_is_a_share() -> None:
    """'a quarter goes to phones' is a share; only a position noun makes 'a third' an ordinal."""
    assert only("A quarter goes to phones and the rest elsewhere.").nominal == 25


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("It welcomed 27.3 million new U.S. residents.", ["resident"]),
        ("The squad has 17 players over the age of 21.", ["player", "year_of_age"]),
        ("Maddon, 66, got in shape.", ["year_of_age"]),
        ("A man aged 50 was arrested.", ["year_of_age"]),
    ],
)
def test_nouns_after_abbreviations_and_ages(text: str, units: list[str]) -> None:
    """Dotted abbreviations do not end the counted noun's phrase; ages read as ages."""
    assert [c.unit for c in quantities(text)] == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "A 2 degree Celsius (3.6 degree Fahrenheit) rise is expected.",
            ["delta_degree_Celsius", "delta_degree_Fahrenheit"],
        ),
        ("The sea warmed by 1.5°C since 1900.", ["delta_degree_Celsius"]),
        (
            "It was 41 degrees Celsius (106 degrees Fahrenheit) in Delhi.",
            ["degree_Celsius", "degree_Fahrenheit"],
        ),
    ],
)
def test_temperature_changes_are_not_readings(text: str, units: list[str]) -> None:
    """A rise of 2 °C is 3.6 °F; a reading of 41 °C is 106 °F: the unit says which."""
    assert [c.unit for c in quantities(text) if c.kind == "physical"] == units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares plummeted 65% during 2022′s rout.", [("65%", "percent")]),
        ("The side slipped towards the bottom three.", []),
        ("They finished in the top five teams.", [("five teams", "count")]),
    ],
)
def test_primes_as_apostrophes_and_ranks(text: str, expected: list[tuple[str, str]]) -> None:
    """A prime used as an apostrophe is no foot mark; 'the bottom three' is a rank, not a count."""
    assert [(c.text, c.kind) for c in quantities(text)] == expected


def test_ages_are_exact() -> None:
    """'a 70-year-old' is 70, not anything from 65 to 75: ages are stated exactly."""
    claim = only("The runner, a 70-year-old, finished.")
    assert (claim.unit, claim.low, claim.high) == ("year_of_age", 69.5, 70.5)


def test_a_high_of_is_a_reading_not_a_change() -> None:
    """'an all-time high of 105°F' is a temperature; only 'a rise of' or 'by' make it a change."""
    assert only("It tied its all-time high of 105°F.").unit == "degree_Fahrenheit"
    assert only("Seas warmed by 1.5°C.").unit == "delta_degree_Celsius"


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "Of the 41 sectors, 35 earned more, one was flat and five earned less.",
            ["41 sectors", "35", "one", "five"],
        ),
        ("No one was hurt in the fire.", []),
        ("Only one was found.", []),
        ("Two were arrested and one was released.", ["Two", "one"]),
    ],
)
def test_a_lone_one_counts_only_as_an_item_of_a_list(text: str, figures: list[str]) -> None:
    """ "one was flat" in a list of counts is the figure 1; "no one was hurt" is no figure."""
    assert [c.text for c in consistency.extract(text)] == figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A character whose lower case is longer ("İ") once hid every capitalized number word.
        ("Two million people visited İstanbul last year.", [("Two million people", 2e6)]),
        ("Twenty\u00a0five stalls opened in İzmir.", [("Twenty\u00a0five stalls", 25.0)]),
        ("THIRTY-ONE stalls opened.", [("THIRTY-ONE stalls", 31.0)]),
        # Ignoring case, sre takes "ſ" for "s": the run stops where the lower-cased text stops.
        ("Ankara had twenty-ſeven stalls.", [("twenty", 20.0)]),
    ],
)
def test_spelled_numbers_in_any_case_and_script(text: str, expected: list[tuple[str, float]]) -> None:
    """Number words are read in any ASCII case, whatever other characters the article holds."""
    assert [(c.text, c.nominal) for c in quantities(text)] == expected


def test_days_in_month_are_the_calendar_s() -> None:
    """Dates are checked against a month's length computed in compiled code, as the calendar gives it."""
    import calendar

    from consistency.extraction.dates import days_in_month

    for year in (*range(1, 2500), 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1], (year, month)


def test_candidate_scans_on_bytes_find_what_the_text_patterns_find() -> None:
    """Digit runs and number words found on the blanked bytes are where the text regexes find them,
    in any ASCII case, with letters and digits beyond ASCII and marks around them."""
    import random
    import re

    from consistency.extraction.claims import DIGITS, NUMBER_WORD, digit_runs, number_words, scan_bytes

    word_start = re.compile(r"[^a-z](" + NUMBER_WORD.pattern + ")")
    pieces = [*"0123456789,. -a\n(é٣ıKİ€", "one", "two", "thirds", "Five", "MILLION", "tens", "fiftyfive"]
    rng = random.Random(0)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        scan = scan_bytes(text.encode("ascii", "replace"))
        assert digit_runs(scan) == [(m.start(), m.end(), "d") for m in DIGITS.finditer(text)], text
        ascii_lowered = "".join(char.lower() if char.isascii() else char for char in text)
        words = [(m.start(1) - 1, m.end(1) - 1) for m in word_start.finditer(" " + ascii_lowered)]
        assert number_words(scan) == words, text


def test_spelled_runs_read_on_the_scan_are_the_runs_of_the_lower_cased_prose() -> None:
    """A run of number words is read off the scan's ASCII text, and off the prose where it meets any
    other character; either way it ends where the run pattern ends on the lower-cased prose."""
    import random

    from consistency.extraction.claims import (
        _NUMBER_WORD_RUN,
        number_words,
        scan_bytes,
        spelled_run_end,
    )

    pieces = [" ", " ", "-", "\u00a0", " and ", "?", "é", "ſ", "K", ".", "1", "Two", "twenty", "FIVE"]
    pieces += ["hundred", "thousand", "million", "nine", "teen", "ty", "one", "and", "s"]
    rng = random.Random(0)
    for _ in range(20_000):
        prose = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        lower = prose.lower()
        if len(lower) != len(prose):
            continue
        scan = scan_bytes(prose.encode("ascii", "replace"))
        for start, end in number_words(scan):
            expected = _NUMBER_WORD_RUN.match(lower, start)
            found = spelled_run_end(prose, scan.decode("ascii"), start, end)
            assert found == (expected.end() if expected else end), (prose, start)


def test_digit_literals_read_to_their_value_and_rounding() -> None:
    """A digit token's value, rounding step and whole-number step, against their definition, for
    tokens of digits, zeros, points and commas in any order (the run pattern finds more shapes)."""
    import random
    import re

    from consistency.extraction.numbers import read_digits

    grouped = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?")

    def definition(token: str) -> tuple[float, float, float] | None:
        if "," in token and not grouped.fullmatch(token):
            return None  # a grouping that is neither western (2,300,000) nor Indian (3,82,492)
        plain = token.replace(",", "")
        if plain.count(".") > 1:
            return None
        whole, _, decimals = plain.partition(".")
        if decimals:
            return float(plain), 10.0 ** -len(decimals), 10.0 ** -len(decimals)
        zeros = len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0
        value = float(whole)
        return value, 10.0**zeros if value >= 100 else 1.0, 1.0

    assert definition("2,300") == (2300.0, 100.0, 1.0)
    assert definition("3,82,492") == (382492.0, 1.0, 1.0)
    rng = random.Random(0)
    for _ in range(20_000):
        token = rng.choice("123456789") + "".join(rng.choice("0000123,.") for _ in range(rng.randint(0, 9)))
        literal = read_digits(token)
        found = None if literal is None else (literal.value, literal.step, literal.integer_step)
        assert found == definition(token), token


def test_shapes_that_are_no_quantity_are_looked_for_wherever_they_can_match() -> None:
    """Times, phone numbers, slashed dates and versions are only matched after a digit run where
    the quick test lets them: wherever it says no, the shape pattern finds nothing beyond the run."""
    import random

    from consistency.extraction.claims import DIGITS, NOT_QUANTITY, _shape_may_follow

    pieces = [*"0123456789", *":/-.×x⁄ \u00a0apm,٣", "10", "a.m.", "pm", " 2", "555", "."]
    rng = random.Random(0)
    for _ in range(30_000):
        prose = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        for run in DIGITS.finditer(prose):
            shape = NOT_QUANTITY.match(prose, run.start())
            if shape is not None and shape.end() > run.end():
                assert _shape_may_follow(prose, run.end()), (prose, run.start())


def test_quick_tests_before_patterns_let_through_every_place_they_match() -> None:
    """Each cheap test that turns a figure away before a pattern is tried says yes wherever that
    pattern matches, in any case and with characters beyond ASCII about."""
    import random

    from consistency.extraction import claims
    from consistency.extraction.dates import _DAY_BEFORE, day_may_precede

    opened = [
        (claims._PERCENT, claims._PERCENT_OPENINGS),
        (claims._FRACTION_AFTER, claims._FRACTION_OPENINGS),
        (claims._OUT_OF, claims._OUT_OF_OPENINGS),
        (claims._AND_A_HALF, claims._AND_A_HALF_OPENINGS),
        (claims._SPELLED_RUN, claims._SPELLED_OPENINGS),
    ]
    words = ["%", "per", "cent", "PerCent", "pct", "pc", "percentage", "points", "ppt", "pp", "basis"]
    words += ["bps", "half", "Thirds", "quarter", "in", "out", "of", "every", "AND", "a", "HALF", "an"]
    words += [
        "one",
        "One",
        "twenty",
        "Five",
        "dozen",
        "5",
        "12th",
        "ſ",
        "K",
        "é",
        "MINUS",
        "negative",
        "minuſ",
    ]
    gaps = [" ", " ", "-", "\u00a0", "\n", "(", ""]
    rng = random.Random(0)
    for _ in range(20_000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 6)))
        for pos in range(len(text) + 1):
            for pattern, openings in opened:
                if pattern.match(text, pos) is not None:
                    assert claims.opens(text, pos, openings), (pattern.pattern[:30], text, pos)
            article = claims._ARTICLE_BEFORE.search(text, max(0, pos - 5), pos)
            found = claims.article_before(text, pos)
            assert (found and found.span()) == (article and article.span()), (text, pos)
            if _DAY_BEFORE.search(text, max(0, pos - 10), pos) is not None:
                assert day_may_precede(text, pos), (text, pos)
            if claims._MINUS_BEFORE.search(text, max(0, pos - 10), pos) is not None:
                assert text[pos - 2 : pos - 1] in claims._MINUS_LAST_LETTERS, (text, pos)


def test_digit_runs_are_the_possessive_runs() -> None:
    """The candidate scan opens with one digit so it can skip ahead; it finds the same runs."""
    import random
    import re

    from consistency.extraction.claims import DIGITS

    runs = re.compile(r"[0-9]++(?:[.,][0-9]++)*+")
    rng = random.Random(0)
    for _ in range(20_000):
        text = "".join(rng.choice("0123456789,.a ٣") for _ in range(rng.randint(0, 16)))
        assert [m.span() for m in DIGITS.finditer(text)] == [m.span() for m in runs.finditer(text)], text


def test_written_years_read_off_digit_runs_are_the_year_pattern_matches() -> None:
    """The year a date without one takes, read by walking back over the extractor's digit runs, is
    the year the year regex finds last before it in its paragraph, on text built from the
    characters that decide it: digits (ASCII and others), marks, symbols, letters, line breaks."""
    import random

    from consistency.extraction.claims import DIGITS
    from consistency.extraction.dates import _Years

    pieces = [*"0123456789,.$€£¥ a\n-٣٤", "18", "19", "20", "2019", "1899", "20٤٥", "\n\n", "\n\n\n"]
    rng = random.Random(0)
    for _ in range(6_000):
        # Up to forty pieces: past the few digit runs walked back before every year is read.
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) + " May"
        runs = [(*match.span(), "d") for match in DIGITS.finditer(text)]
        walked, scanned = _Years(text, runs), _Years(text)
        # A month name starts at a letter, never inside a run of line breaks.
        for at in (at for at in range(len(text) + 1) if text[at : at + 1] != "\n"):
            assert walked.before(at) == scanned.before(at), (text, at)


def test_month_names_tried_at_marked_capitals_are_where_the_month_pattern_matches() -> None:
    """The date scan tries the month pattern only where a month's capital and next two letters
    stand; it finds every match a scan of the whole text finds, with letters beyond ASCII around."""
    import random

    from consistency.extraction.dates import _MONTH, _month_names

    pieces = [*" .,-\n(é\x01ıK", "May", "Mayor", "Jan.", "Janet", "June", "Sept", "Sept.", "Septx", "March"]
    pieces += ["Dec", "Decision", "DEC", "december", "Augusta", "Oct", "Nov.", "Apr", "Feb", "5", "A", "J"]
    rng = random.Random(2)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert [m.span() for m in _month_names(text, text.encode("ascii", "replace"))] == [
            m.span() for m in _MONTH.finditer(text)
        ], text
