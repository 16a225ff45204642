"""The pytest plugin: `pytest --consistency [PATHS]` checks each article as one test item.

Off until asked for. Registered through the `pytest11` entry point, so installing `consistency`
is all a newsroom's test suite needs. Each article (`*.md`, `*.markdown`, `*.txt`, or the globs of
the `consistency_globs` ini option) is one item; a failing item reports the findings as
`consistency check` prints them. Results are cached by the article's modification time and size
plus a hash of the rules, configuration and FX table it is checked with, so an unchanged suite
re-runs from the cache and any change to a rule file checks again.

The `consistency` fixture checks text a test generates: `consistency.check(text, date=...)`
returns the report, `consistency.assert_consistent(text, date=...)` fails like the CLI would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from consistency import __version__
from consistency.cli import format_report
from consistency.config import Config, config_for
from consistency.errors import ConsistencyError, shown_path
from consistency.findings import FileReport, Report, Summary
from consistency.resources import builtin_rules_dir
from consistency.runner import LEVELS, Options, Settings, check_paths, check_text, settings_for

DEFAULT_GLOBS = ("*.md", "*.markdown", "*.txt")
_CACHE_PREFIX = "consistency/v1/"
_FROM_CACHE = "consistency-from-cache"
# Per run: each configuration file's digest of the rules, configuration and FX table it checks with.
_INPUTS = pytest.StashKey[dict[Path | None, str | None]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--consistency` and the ini options: paths, globs, rule folders, fail level."""
    group = parser.getgroup("consistency", "checking news articles for numbers that contradict each other")
    group.addoption("--consistency", action="store_true", default=False, help="check articles as test items")
    parser.addini(
        "consistency_paths",
        type="paths",
        default=[],
        help="articles or folders checked when no path is given",
    )
    parser.addini("consistency_globs", type="args", default=list(DEFAULT_GLOBS), help="article file globs")
    parser.addini("consistency_rules", type="paths", default=[], help="extra rule folders")
    parser.addini(
        "consistency_fail_level", default="", help="lowest severity that fails: error, warning or info"
    )


def pytest_configure(config: pytest.Config) -> None:
    """With `--consistency`: check the ini options, add `consistency_paths`, and count the articles."""
    config.addinivalue_line("markers", "consistency: an article checked by consistency")
    if not config.getoption("consistency"):
        return
    level = str(config.getini("consistency_fail_level")).strip()
    if level and level not in LEVELS:
        raise pytest.UsageError(f"consistency_fail_level: {level!r} is not one of {', '.join(LEVELS)}")
    paths = [str(path) for path in config.getini("consistency_paths")]
    if paths and config.args_source != pytest.Config.ArgsSource.ARGS:
        config.args = paths
    config.pluginmanager.register(CacheSummary(), "consistency-cache-summary")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ArticleFile | None:
    """An article file becomes one test file of one item, when `--consistency` is on."""
    config = parent.config
    if not config.getoption("consistency"):
        return None
    globs = config.getini("consistency_globs")
    if not any(fnmatch.fnmatch(file_path.name, glob) for glob in globs):
        return None
    article: ArticleFile = ArticleFile.from_parent(parent, path=file_path)
    return article


class ArticleFile(pytest.File):
    """One article, collected as one item."""

    def collect(self) -> Iterator[ArticleItem]:
        """The article's one check."""
        yield ArticleItem.from_parent(self, name=self.path.name)


class InconsistentArticle(Exception):
    """The article has findings at or above the fail level; the text is what the CLI prints."""


class ArticleItem(pytest.Item):
    """Checking one article: passes when no finding reaches the fail level."""

    def runtest(self) -> None:
        """Check the article, or replay the cached result when nothing it depends on has changed."""
        options = _options(self.config)
        cache = self.config.cache
        key = _CACHE_PREFIX + str(self.path.resolve())
        inputs = self.config.stash.setdefault(_INPUTS, {})
        shown = shown_path(str(self.path))  # as the CLI shows paths: relative below the working folder
        stamp = _stamp(self.path, options, shown, inputs)
        cached = cache.get(key, None) if cache is not None else None
        if isinstance(cached, dict) and cached.get("stamp") == stamp:
            self.user_properties.append((_FROM_CACHE, True))
            failure = cached.get("failure")
        else:
            failure = _check_article(shown, options)
            if cache is not None and stamp is not None:
                cache.set(key, {"stamp": stamp, "failure": failure})
        if failure:
            raise InconsistentArticle(str(failure))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str | Any:
        """The findings as the CLI prints them, with no traceback."""
        if isinstance(excinfo.value, InconsistentArticle):
            return str(excinfo.value).rstrip("\n")
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        """Where the item comes from, as pytest names it in its report."""
        return self.path, 0, f"consistency: {self.name}"


def _options(config: pytest.Config) -> Options:
    level = str(config.getini("consistency_fail_level")).strip() or None
    folders = tuple(Path(folder) for folder in config.getini("consistency_rules"))
    return Options(rule_folders=folders, fail_level=level)  # type: ignore[arg-type]


def _check_article(path: str, options: Options) -> str | None:
    """The failure text for one article (its findings, or the error reading it), None when it passes."""
    outcome = check_paths([path], options)
    if outcome.errors:
        return "\n".join(outcome.errors)
    if outcome.failing():
        return format_report(outcome.report())
    return None


def _stamp(path: Path, options: Options, shown: str, inputs: dict[Path | None, str | None]) -> str | None:
    """What the article's result depends on: its mtime and size, and the digest of the rules, the
    configuration, the FX table and this version; None when a file cannot be read (the check itself
    will say why). `inputs` keeps each configuration's digest for the run: the files are read once."""
    try:
        stat = path.stat()
        config = config_for(str(path))
    except (OSError, ConsistencyError):
        return None
    if config.path not in inputs:
        inputs[config.path] = _inputs_digest(config, options)
    shared = inputs[config.path]
    if shared is None:
        return None
    state = f"{shared}\0{shown}\0{stat.st_mtime_ns}\0{stat.st_size}"
    return hashlib.sha256(state.encode()).hexdigest()


def _inputs_digest(config: Config, options: Options) -> str | None:
    """A digest of everything but the article: version, options, configuration, rule files, FX table."""
    digest = hashlib.sha256(f"{__version__}\0{options}".encode())
    files = [config.path] if config.path is not None else []
    folders = [builtin_rules_dir(), *(options.rule_folders or config.rule_folders())]
    files += [file for folder in folders for file in sorted(Path(folder).glob("*.yaml"))]
    table = options.fx_table or config.fx_table()
    files += [table] if table is not None else [_ecb_data()]
    for file in files:
        digest.update(str(file).encode() + b"\0")
        try:
            digest.update(file.read_bytes())
        except OSError:
            return None
    return digest.hexdigest()


def _ecb_data() -> Path:
    """The ECB history file the embedded FX table is read from."""
    import currency_converter

    return Path(currency_converter.__file__).parent / "eurofxref-hist.zip"


class CacheSummary:
    """Counts the articles checked and those served from the cache, and says so after the run.

    It reads the test reports, which xdist sends back from its workers, so the count holds there too.
    """

    def __init__(self) -> None:
        self.checked = 0
        self.cached = 0

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Count one article's call report."""
        if report.when == "call" and str(report.location[2]).startswith("consistency: "):
            self.checked += 1
            self.cached += any(name == _FROM_CACHE for name, _ in report.user_properties)

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """One line: how many articles were checked and how many came from the cache."""
        if self.checked:
            terminalreporter.write_line(
                f"consistency: {self.checked} article(s) checked, {self.cached} from the cache"
            )


class Checker:
    """What the `consistency` fixture gives a test: check generated text as `consistency check` would."""

    def __init__(self, run: Settings) -> None:
        self._run = run

    def check(self, text: str, *, date: dt.date | str | None = None, path: str = "<text>") -> FileReport:
        """The report for article text; `date` (or the text's front matter) sets the FX rates' day."""
        when = dt.date.fromisoformat(date) if isinstance(date, str) else date
        run = self._run if when is None else dataclasses.replace(self._run, date=when)
        return check_text(text, run, path=path)

    def assert_consistent(
        self, text_or_report: str | FileReport, *, date: dt.date | str | None = None
    ) -> FileReport:
        """Fail the test, with the findings as the CLI prints them, when any reaches the fail level."""
        report = self.check(text_or_report, date=date) if isinstance(text_or_report, str) else text_or_report
        failing = [f for f in report.findings if LEVELS[f.severity] >= LEVELS[self._run.fail_level]]
        if failing:
            whole = Report(
                files=[report], summary=Summary(files=1, findings=len(report.findings), checks=0, errors=0)
            )
            raise AssertionError("numbers that contradict each other:\n" + format_report(whole).rstrip("\n"))
        return report


@pytest.fixture(scope="session")
def consistency(pytestconfig: pytest.Config) -> Checker:
    """A checker with the rule folders and fail level of the ini options and the rootdir's configuration."""
    article = str(pytestconfig.rootpath / "article.md")  # as if the text were an article at the root
    return Checker(settings_for(config_for(article), _options(pytestconfig), article))
