"""A deterministic synthetic corpus of news-style Markdown articles for benchmarks.

Each article is about 2-4 KB: YAML front matter with a `date:`, a `#` heading and 4-8 paragraphs of
business or science prose with about one figure per 100 characters (money in several currencies,
percentages, counts, qualifiers, ranges, dates, measurements, number words) plus distractors such as
years and product names. Some articles also carry a Markdown table, a bullet list or a fenced code block.

    from corpus import generate_articles
    texts = generate_articles(2000, seed=0)

All prose is template text written for this benchmark; only the figures and names vary.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["generate_articles"]

# Size window per article, in UTF-8 bytes, and the paragraph count bounds.
MIN_BYTES = 2000
MAX_BYTES = 4000
MIN_PARAGRAPHS = 4
MAX_PARAGRAPHS = 8

COMPANIES = [
    ("Halvorsen Marine", "Halvorsen"),
    ("Qinghe Battery Group", "Qinghe"),
    ("Meridian Foods", "Meridian"),
    ("Tarakan Steel", "Tarakan"),
    ("Brightwater Utilities", "Brightwater"),
    ("Novalis Therapeutics", "Novalis"),
    ("Kestrel Aerospace", "Kestrel"),
    ("Sundaram Infra Projects", "Sundaram"),
    ("Lumen Rail", "Lumen"),
    ("Orchard Retail Holdings", "Orchard"),
    ("Pacifica Telecom", "Pacifica"),
    ("Vantor Semiconductor", "Vantor"),
    ("Aldgate Insurance", "Aldgate"),
    ("Rheinfeld Chemie", "Rheinfeld"),
    ("Corvid Motors", "Corvid"),
    ("Yamabuki Electronics", "Yamabuki"),
]
PEOPLE = [
    ("Maria Okafor", "Okafor", "chief executive"),
    ("Liang Wei", "Liang", "chief financial officer"),
    ("Priya Raghavan", "Raghavan", "managing director"),
    ("Tomas Lindqvist", "Lindqvist", "head of research"),
    ("Hannah Becker", "Becker", "chief operating officer"),
    ("Daniel Ashworth", "Ashworth", "head of strategy"),
    ("Aiko Nakamura", "Nakamura", "chief technology officer"),
    ("Rafael Duarte", "Duarte", "president of the international division"),
]
PLACES = [
    "Gujarat",
    "Bavaria",
    "Ohio",
    "Jiangsu",
    "Queensland",
    "Ontario",
    "Catalonia",
    "Kyushu",
    "Sao Paulo",
]
# Names that contain digits but are not claims about quantities, by the role they play in a sentence.
DISTRACTORS = {
    "event": [
        "COVID-19",
        "the COVID-19 pandemic",
        "the 2021 chip shortage",
        "the Brexit transition",
        "Cyclone 7B",
    ],
    "software": ["Windows 10", "Windows 11", "iOS 16", "Android 12"],
    "network": ["its 5G network", "its 4G service", "the new 5G-Advanced standard"],
}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"]
ORDINALS = ["third", "fourth", "fifth", "sixth", "seventh", "ninth", "11th", "14th"]
FRACTIONS = ["a quarter", "a third", "half", "two-thirds", "three-quarters", "a fifth"]
QUALIFIERS = ["more than", "nearly", "about", "almost", "roughly", "at least", "up to", "over", "around"]
WORKERS = ["engineers", "employees", "workers", "staff", "contractors", "technicians", "drivers"]


@dataclass(frozen=True, slots=True)
class Story:
    """The fixed facts of one article, shared by all its paragraphs."""

    rng: random.Random
    company: str
    short: str
    person: str
    surname: str
    role: str
    place: str
    date: dt.date
    currency: str
    context: list[str]

    def n(self, low: int, high: int) -> int:
        """A random whole number in [low, high], short to keep templates readable."""
        return self.rng.randint(low, high)

    @property
    def year(self) -> int:
        """The publication year, so prose years stay near the front-matter date."""
        return self.date.year


def _grouped(value: int) -> str:
    return f"{value:,}"


def _decimal(rng: random.Random, low: float, high: float, places: int = 1) -> str:
    return f"{rng.uniform(low, high):.{places}f}"


def money(s: Story, scale: str = "million") -> str:
    """A corporate-sized money amount in the story's currency, in one of the styles newsrooms use."""
    rng = s.rng
    small = rng.choice([_decimal(rng, 1.1, 9.9), str(rng.randint(12, 98 if scale == "billion" else 980))])
    big = _decimal(rng, 1.1, 48.0)
    if s.currency == "USD":
        whole = _grouped(rng.randint(2, 98) * (1_000_000 if scale == "million" else 1_000_000_000))
        return rng.choice([f"${small} {scale}", f"US${small} {scale}", f"${big}bn", f"${whole}"])
    if s.currency == "EUR":
        return rng.choice([f"€{small} {scale}", f"€{big}bn", f"{small} {scale} euros", f"EUR {small}m"])
    if s.currency == "GBP":
        return rng.choice([f"£{small} {scale}", f"£{big}bn", f"{small} {scale} pounds"])
    if s.currency == "CNY":
        return rng.choice([f"{small} {scale} yuan", f"{big} billion yuan", f"RMB{small} {scale}"])
    if s.currency == "JPY":
        return rng.choice([f"¥{rng.randint(12, 990)} billion", f"{_decimal(rng, 1.1, 9.9)} trillion yen"])
    return rng.choice([f"Rs {_grouped(rng.randint(120, 9800))} crore", f"₹{small} {scale}"])


# Rough units of each currency per US dollar, so consumer prices look plausible in any of them.
PER_DOLLAR = {"USD": 1.0, "EUR": 0.9, "GBP": 0.8, "CNY": 7.0, "JPY": 140.0, "INR": 80.0}


def price(s: Story, low: float, high: float) -> str:
    """A consumer-sized price worth `low` to `high` US dollars, written in the story's currency."""
    value = s.rng.uniform(low, high) * PER_DOLLAR[s.currency]
    # Big prices are quoted in round thousands, as house prices are.
    value = round(value, -3) if value >= 10_000 else value
    amount = f"{value:,.2f}" if value < 100 and s.rng.random() < 0.5 else _grouped(round(value))
    return {
        "USD": s.rng.choice([f"${amount}", f"US${amount}"]),
        "EUR": s.rng.choice([f"€{amount}", f"{amount} euros"]),
        "GBP": f"£{amount}",
        "CNY": s.rng.choice([f"{amount} yuan", f"RMB{amount}"]),
        "JPY": s.rng.choice([f"¥{amount}", f"{amount} yen"]),
        "INR": s.rng.choice([f"Rs {amount}", f"₹{amount}"]),
    }[s.currency]


def pct(s: Story) -> str:
    """A percentage in one of the three spellings newsrooms use."""
    value = s.rng.choice([_decimal(s.rng, 0.2, 38.0), str(s.rng.randint(2, 60))])
    return s.rng.choice([f"{value}%", f"{value} per cent", f"{value} percent"])


def count(s: Story, low: int, high: int) -> str:
    """A whole number with thousands separators, optionally behind a qualifier."""
    figure = _grouped(s.rng.randint(low, high))
    if s.rng.random() < 0.4:
        return f"{s.rng.choice(QUALIFIERS)} {figure}"
    return figure


def day(s: Story) -> str:
    """A day of the month near the story's date, as in "February 9"."""
    return f"{s.rng.choice(MONTHS)} {s.rng.randint(1, 28)}"


def word(s: Story) -> str:
    """A small number spelled out."""
    return s.rng.choice(NUMBER_WORDS)


def distractor(s: Story, role: str) -> str:
    """A name with digits in it that is not a quantity, fit for `role` ("event", "software", "network")."""
    return s.rng.choice(DISTRACTORS[role])


# Paragraph templates: each takes the story and returns one paragraph of prose.


def p_results(s: Story) -> str:
    return (
        f"{s.company} said on {day(s)} that revenue for the three months to the end of "
        f"{s.rng.choice(MONTHS)} rose {pct(s)} to {money(s)}, helped by stronger demand in {s.place}. "
        f"Net profit climbed to {money(s)} from {money(s)} a year earlier, while operating margins widened "
        f"by {_decimal(s.rng, 0.3, 4.5)} percentage points. The results beat the average forecast of "
        f"{word(s)} analysts polled before the announcement, and the shares gained {pct(s)} in early trading."
    )


def p_guidance(s: Story) -> str:
    return (
        f"For the full year {s.year}, the company now expects sales growth of {s.n(3, 6)}-"
        f"{s.n(7, 12)}%, up from an earlier range of {s.n(1, 3)} to {s.n(4, 6)} "
        f"per cent. {s.surname} told investors that {s.rng.choice(FRACTIONS)} of the increase would come "
        f"from price rises rather than volume, and that capital spending would stay at about {money(s)}. "
        f"The outlook assumes no repeat of the supply problems that hit the business during "
        f"{distractor(s, 'event')} disruption."
    )


def p_jobs(s: Story) -> str:
    return (
        f"The group plans to hire {count(s, 300, 4800)} {s.rng.choice(WORKERS)} over the next "
        f"{word(s)} months, most of them at a new site in {s.place}. It already employs "
        f"{_grouped(s.n(8000, 96000))} people worldwide, {pct(s)} of whom work outside its home "
        f"market. Union representatives said on {day(s)} that talks over a pay rise of {pct(s)} had stalled "
        f"after {s.n(3, 14)} rounds of negotiation."
    )


def p_factory(s: Story) -> str:
    return (
        f"Construction of the {s.n(40, 320)}-hectare plant began in {s.year - 1} and is due to "
        f"finish by {s.year + s.n(1, 4)}. Once running, it will turn out {count(s, 50000, 900000)} "
        f"units a year and draw {s.n(60, 480)} megawatts from the grid, roughly what a city of "
        f"{_grouped(s.n(90, 900) * 1000)} households uses. The investment, estimated at {money(s)}, "
        f"is the largest in the region in {word(s)} years."
    )


def p_ev(s: Story) -> str:
    return (
        f"{s.short} has been testing {count(s, 40, 400)} prototype vehicles on public roads since "
        f"{day(s)}. The latest model can cover {_grouped(s.n(380, 1600))} km on a single charge and "
        f"adds {s.n(150, 400)} km of range in {s.n(10, 25)} minutes on a fast charger. "
        f"Its {s.n(60, 120)} kWh battery pack weighs about {s.n(380, 620)} kg, "
        f"{pct(s)} less than the previous generation."
    )


def p_heat(s: Story) -> str:
    return (
        f"Temperatures in {s.place} reached {s.n(38, 48)} degrees Celsius on {day(s)}, the highest "
        f"reading since records began in {s.n(1870, 1950)}. Forecasters said the heatwave could "
        f"last another {word(s)} days and that nighttime lows would stay above {s.n(24, 31)}C. "
        f"Hospitals reported {count(s, 120, 2400)} admissions for heat stroke in the past week, almost "
        f"{word(s)} times the usual number."
    )


def p_climate(s: Story) -> str:
    return (
        f"The study, published on {day(s)}, tracked {_grouped(s.n(200, 4000))} weather stations over "
        f"{s.n(30, 70)} years. It found that average summer temperatures had risen by "
        f"{_decimal(s.rng, 0.4, 2.6)} degrees since the 1980s and that extreme rainfall was {pct(s)} more "
        f"frequent. The authors warn that sea levels along the coast could climb {s.n(15, 40)}-"
        f"{s.n(45, 90)} cm by {s.rng.choice([2050, 2070, 2100])} if emissions are not cut."
    )


def p_trial(s: Story) -> str:
    return (
        f"In a late-stage trial of {count(s, 400, 9000)} patients, {s.short}'s drug cut the risk of a second "
        f"heart attack by {pct(s)} compared with a placebo over {s.n(18, 48)} months. About "
        f"{s.n(3, 14)} in every 100 patients stopped treatment because of side effects, against "
        f"{s.n(2, 9)} in the control group. The company expects a regulatory decision within "
        f"{word(s)} months and estimates the treatment could reach {_decimal(s.rng, 1.1, 9.5)} million "
        f"people."
    )


def p_chips(s: Story) -> str:
    return (
        f"The new fab will make chips on a {s.rng.choice([2, 3, 5, 7])}-nanometre process and start volume "
        f"production in {s.year + s.n(1, 3)}. {s.short} said it would need "
        f"{_grouped(s.n(1200, 6000))} engineers and roughly {s.n(3, 9)} million litres "
        f"of ultra-pure water a day. Government subsidies worth {money(s, 'billion')} cover {pct(s)} of "
        f"the cost, with the rest funded from cash reserves of {money(s, 'billion')}."
    )


def p_infra(s: Story) -> str:
    return (
        f"The {_grouped(s.n(120, 1600))} km expressway will link {word(s)} state capitals and cut "
        f"the journey time from {s.n(14, 30)} hours to about {s.n(6, 12)}. Officials put "
        f"the total cost at {money(s)} and said {pct(s)} of the land had already been acquired. Work on "
        f"the first {s.n(80, 300)} km stretch is expected to finish within "
        f"{s.n(15, 20)}-{s.n(22, 36)} months."
    )


def p_space(s: Story) -> str:
    return (
        f"The rocket lifted off at {s.n(1, 11)}:{s.n(10, 59)} am local time on {day(s)}, "
        f"carrying {s.n(12, 60)} satellites into an orbit about {s.n(450, 1200)} km above "
        f"the Earth. Each satellite weighs {s.n(150, 800)} kg and is designed to last "
        f"{s.n(5, 9)}-{s.n(10, 15)} years. It was the operator's {s.rng.choice(ORDINALS)} launch of "
        f"the year and brings its constellation to {count(s, 300, 4000)} spacecraft."
    )


def p_retail(s: Story) -> str:
    return (
        f"Like-for-like sales at {s.short}'s {_grouped(s.n(180, 2400))} stores fell {pct(s)} in "
        f"the {s.rng.choice(['first', 'second', 'third', 'fourth'])} quarter, while online orders jumped "
        f"{pct(s)}. Shoppers spent an average of {price(s, 40, 180)} per visit during the holiday period. "
        f"The chain will close {s.n(12, 90)} loss-making branches and open {word(s)} larger outlets, "
        f"a move that affects nearly {_grouped(s.n(400, 3000))} jobs."
    )


def p_airline(s: Story) -> str:
    return (
        f"Passenger numbers rose to {_decimal(s.rng, 2.1, 48.0)} million in {s.year - 1}, still "
        f"{pct(s)} below the level recorded before {distractor(s, 'event')} grounded much of the fleet. "
        f"Seats were {s.n(78, 92)}% full on average. The carrier has ordered {count(s, 20, 150)} aircraft "
        f"for delivery over {s.n(5, 9)}-{s.n(10, 12)} years, and each new jet burns "
        f"about {s.n(12, 25)} per cent less fuel per seat."
    )


def p_telecom(s: Story) -> str:
    return (
        f"Mobile subscribers grew by {_grouped(s.n(200, 4000))},000 in the quarter to reach "
        f"{_decimal(s.rng, 8.0, 90.0)} million, and average revenue per user rose to {price(s, 8, 60)}. "
        f"Coverage of {distractor(s, 'network')} now reaches {pct(s)} of the population. The operator "
        f"plans to switch off its oldest network by {day(s)}, {s.year + 1}, freeing spectrum for faster "
        f"services."
    )


def p_quote(s: Story) -> str:
    return (
        f'"We have spent {word(s)} years getting here, and the next {s.n(12, 36)} months will show '
        f'whether it was worth it," said {s.person}, {s.role}. {s.surname} added that the company had '
        f"set aside {money(s)} for research in {s.year} and that {s.rng.choice(FRACTIONS)} of its "
        f"{_grouped(s.n(600, 5000))} researchers now work on the new product line."
    )


def p_market(s: Story) -> str:
    return (
        f"The wider market fell {pct(s)} over the same period, and the benchmark index is down "
        f"{pct(s)} since {day(s)}. Trading volume in {s.short} shares reached "
        f"{_decimal(s.rng, 1.2, 28.0)} million on the day, {s.n(2, 6)} times the "
        f"{s.n(20, 90)}-day average. The stock now trades at about {s.n(8, 40)} times "
        f"expected earnings, and its market value stands at {money(s, 'billion')}."
    )


def p_debt(s: Story) -> str:
    return (
        f"{s.short} raised {money(s)} through a bond sale on {day(s)}, paying a coupon of "
        f"{_decimal(s.rng, 2.0, 9.5, 2)}% on notes that mature in {s.year + s.n(5, 15)}. Net debt "
        f"stood at {money(s, 'billion')} at the end of the period, or {_decimal(s.rng, 0.8, 4.5)} times "
        f"earnings before interest, tax, depreciation and amortisation. Rating agencies expect leverage to "
        f"fall below {s.n(2, 3)} times within {word(s)} years."
    )


def p_energy(s: Story) -> str:
    return (
        f"The solar farm covers {_grouped(s.n(300, 4000))} acres and has a peak capacity of "
        f"{s.n(150, 900)} MW, enough for about {_grouped(s.n(50, 400) * 1000)} homes. "
        f"A {s.n(100, 600)} MWh battery stores power for the evening peak. Developers say the "
        f"project will avoid {count(s, 200000, 900000)} tonnes of carbon dioxide a year and employ "
        f"{s.n(40, 200)} permanent staff after a construction phase of {word(s)} months."
    )


def p_agri(s: Story) -> str:
    return (
        f"Farmers in {s.place} harvested {_decimal(s.rng, 1.5, 42.0)} million tonnes of wheat this season, "
        f"{pct(s)} more than last year, after rainfall was {s.n(10, 40)} per cent above normal. "
        f"Prices at the main wholesale market dropped to {price(s, 180, 420)} per tonne. Storage remains "
        f"tight: warehouses can hold only about {s.n(55, 80)}% of the crop for longer than "
        f"{word(s)} weeks."
    )


def p_software(s: Story) -> str:
    return (
        f"The update, which ships on {day(s)}, drops support for devices running "
        f"{distractor(s, 'software')} and older releases. {s.short} says {s.rng.choice(FRACTIONS)} of its "
        f"{_decimal(s.rng, 2.0, 60.0)} million "
        f"users have already moved to version {s.n(4, 19)}.{s.n(0, 9)}. Crash reports "
        f"fell {pct(s)} in the beta, which ran for {s.n(6, 14)} weeks across "
        f"{count(s, 1500, 40000)} test machines."
    )


def p_housing(s: Story) -> str:
    return (
        f"Average house prices rose {pct(s)} over the year to {s.rng.choice(MONTHS)}, taking the typical "
        f"home to {price(s, 180000, 620000)}. Mortgage approvals dropped to {_grouped(s.n(30000, 90000))} "
        f"in the month, the lowest since {s.year - s.n(2, 12)}. Builders completed "
        f"{count(s, 8000, 60000)} new homes, well short of the {_grouped(s.n(70, 300) * 1000)} a "
        f"year the government has promised."
    )


PARAGRAPHS: list[Callable[[Story], str]] = [
    p_results,
    p_guidance,
    p_jobs,
    p_factory,
    p_ev,
    p_heat,
    p_climate,
    p_trial,
    p_chips,
    p_infra,
    p_space,
    p_retail,
    p_airline,
    p_telecom,
    p_quote,
    p_market,
    p_debt,
    p_energy,
    p_agri,
    p_software,
    p_housing,
]

# Number-free sentences that thin the figures out to newsroom density (about one per 100 characters).
CONTEXT = [
    "{short} did not say how the plan would be financed beyond the current budget.",
    "Analysts said the figures were broadly in line with what the market had priced in.",
    "The announcement came after weeks of speculation in the local press.",
    "A spokesperson for {short} declined to comment on the details.",
    "Critics argue that the company has been slow to respond to cheaper rivals from abroad.",
    "Officials in {place} welcomed the news but said they would watch the project closely.",
    "The move is part of a broader effort to reduce reliance on a handful of suppliers.",
    "Investors have grown wary of the sector as borrowing costs stayed high for longer than expected.",
    "{surname} said the board remained confident in the long-term strategy.",
    "Some shareholders questioned whether management had been too optimistic.",
    "The decision still needs approval from regulators, which could take several months.",
    "Rivals are expected to follow with similar announcements later in the year.",
    "Industry groups have lobbied hard for the support, saying it protects skilled jobs.",
    "Environmental campaigners raised concerns about water use and traffic near the site.",
    "The company has faced questions over safety standards at its older plants.",
    "Local suppliers expect a boost from the extra orders, though some worry about staff shortages.",
    "It is not yet clear how the change will affect prices for ordinary customers.",
    "Independent researchers said the results would need to be confirmed by a larger study.",
    "The government has made the sector a priority in its industrial strategy.",
    "Several large customers have signed letters of intent, according to people familiar with the talks.",
    "{company} has been trying to shake off its image as a slow-moving incumbent.",
    "The weaker currency made imported components more expensive throughout the period.",
    "Trade tensions and shipping delays continue to cloud the outlook for exporters.",
    "Management said it would give a fuller update at its investor day in the autumn.",
    "The figures do not include the business it agreed to sell earlier this year.",
    "Economists cautioned that one strong quarter does not make a trend.",
    "{short} also supplies parts for the Boeing 737 and the A320neo.",
    "Its systems are certified for Windows 11 and the latest Android releases.",
    "The topic is expected to come up when G20 finance ministers meet.",
    "Demand has not fully recovered from the COVID-19 slump in some markets.",
    "The group is a member of the FTSE 250 index.",
    "Production lines were retooled under the company's Industry 4.0 programme.",
]

LEADS = frozenset({p_results, p_factory, p_ev, p_heat, p_trial, p_chips, p_infra, p_space, p_retail, p_debt})

HEADLINES = [
    "{short} profit jumps as demand in {place} recovers",
    "{company} bets big on new plant in {place}",
    "{short} shares slide after cautious outlook",
    "Inside {short}'s plan to double output by {later}",
    "{company} reports record quarter, lifts forecast",
    "Heat, hiring and bonds: a busy week for {short}",
    "{short} pushes ahead with expansion despite weaker market",
]


def table(s: Story) -> str:
    """A small quarterly results table, as wire stories sometimes include."""
    rows = ["| Quarter | Revenue | Change |", "|---|---:|---:|"]
    for quarter in range(1, 5):
        rows.append(f"| Q{quarter} {s.year - 1} | {money(s)} | {_decimal(s.rng, -9.0, 15.0)}% |")
    return "\n".join(rows)


def bullets(s: Story) -> str:
    """A short bullet list of key figures."""
    return "\n".join(
        [
            "Key figures:",
            "",
            f"- Revenue: {money(s)}, up {pct(s)}",
            f"- Headcount: {_grouped(s.n(2000, 60000))} employees",
            f"- Dividend: {_decimal(s.rng, 0.1, 3.0, 2)} per share, payable on {day(s)}",
        ]
    )


def code_block(s: Story) -> str:
    """A fenced code block of the kind data-desk articles embed; its numbers are not prose."""
    return "\n".join(
        [
            "```json",
            f'{{"sites": {s.n(3, 40)}, "capacity_mw": {s.n(100, 900)}, "year": {s.year}}}',
            "```",
        ]
    )


# Sentence boundaries in template prose: after a full stop or quote, before a capital or quote.
_SENTENCE_END = re.compile(r'(?<=[.!?"])\s+(?=["A-Z])')


def _paragraph(s: Story, template: Callable[[Story], str]) -> str:
    """A paragraph from `template`: its opening sentence, up to two more, and some context."""
    first, *rest = _SENTENCE_END.split(template(s))
    kept = sorted(s.rng.sample(range(len(rest)), min(len(rest), s.rng.choice((0, 1, 1, 2)))))
    sentences = [first, *(rest[i] for i in kept)]
    fields = {"short": s.short, "company": s.company, "place": s.place, "surname": s.surname}
    for line in [s.context.pop() for _ in range(min(len(s.context), s.rng.randint(3, 5)))]:
        # Context never opens a paragraph, so the lead figure stays up front.
        sentences.insert(s.rng.randint(1, len(sentences)), line.format(**fields))
    return " ".join(sentences)


def _front_matter(s: Story, title: str) -> str:
    return f'---\ntitle: "{title}"\ndate: {s.date.isoformat()}\nauthor: Staff reporter\n---\n'


def _article(rng: random.Random) -> str:
    company, short = rng.choice(COMPANIES)
    person, surname, role = rng.choice(PEOPLE)
    date = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
    story = Story(
        rng=rng,
        company=company,
        short=short,
        person=person,
        surname=surname,
        role=role,
        place=rng.choice(PLACES),
        date=date,
        currency=rng.choice(["USD", "USD", "EUR", "GBP", "CNY", "JPY", "INR"]),
        # Drawn without replacement, so no padding sentence repeats within one article.
        context=rng.sample(CONTEXT, len(CONTEXT)),
    )
    title = rng.choice(HEADLINES).format(
        company=company, short=short, place=story.place, later=date.year + rng.randint(2, 6)
    )
    head = _front_matter(story, title) + f"\n# {title}\n"
    target = rng.randint(MIN_BYTES + 200, MAX_BYTES - 800)
    blocks: list[str] = []
    size = len(head.encode())
    order = rng.sample(PARAGRAPHS, MAX_PARAGRAPHS)
    # A news story opens with its main event, not with background or a quote.
    order.sort(key=lambda template: template not in LEADS)
    for template in order:
        # Stop once past the target size, but never below the minimum paragraph count.
        if len(blocks) >= MIN_PARAGRAPHS and size >= target:
            break
        block = _paragraph(story, template)
        if size + len(block.encode()) + 2 > MAX_BYTES:
            break
        blocks.append(block)
        size += len(block.encode()) + 2
    extras = [
        maker(story)
        for maker, chance in ((table, 0.2), (bullets, 0.2), (code_block, 0.1))
        if rng.random() < chance
    ]
    for extra in extras:
        # Extras go between paragraphs, and only while the article stays inside the size window.
        if size + len(extra.encode()) + 2 <= MAX_BYTES:
            blocks.insert(rng.randint(1, len(blocks)), extra)
            size += len(extra.encode()) + 2
    return head + "\n" + "\n\n".join(blocks) + "\n"


def generate_articles(n: int, seed: int = 0) -> list[str]:
    """`n` synthetic news articles in Markdown, the same list for the same `n` and `seed`."""
    rng = random.Random(seed)
    return [_article(rng) for _ in range(n)]


if __name__ == "__main__":
    print(generate_articles(1)[0])
