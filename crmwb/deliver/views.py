"""What the client reads: tables, headings and sentences built from results, in one language.

Views are plain values (frozen dataclasses) that render themselves as HTML for notebooks and
reports (every piece of client text escaped), and that :mod:`crmwb.deliver.report` writes to
Excel. The numbers stay numbers in a :class:`Table`; only rendering formats them by locale.
"""

from __future__ import annotations

import base64
import html
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

from matplotlib.ticker import Formatter

from crmwb.core import i18n
from crmwb.core.i18n import Lang, t, tn

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from crmwb.workbook.about import About

Kind = Literal["text", "money", "money_cents", "percent", "number", "integer", "date"]
"""How a column's values are written: text as it is, amounts in the client's currency, a
fraction as a percentage, a number with the locale's separators, a date in words (a real date
in Excel)."""


@dataclass(frozen=True)
class Context:
    """Who the deliverable is for and how it is written: client, language, currency."""

    client_name: str
    lang: Lang
    currency: str = "EUR"
    consultant: str = ""
    date: date | None = None

    @classmethod
    def of(cls, about: About, lang: Lang | None = None) -> Context:
        """The context of a client's deliverables; ``lang`` overrides the workbook's language."""
        return cls(
            client_name=about.client_name,
            lang=lang or about.language,
            currency=about.currency,
            consultant=about.consultant,
            date=about.date,
        )

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def tn(self, key: str, n: int, **values: object) -> str:
        return tn(key, n, self.lang, **values)

    def money(self, amount: float, *, cents: bool = False) -> str:
        return i18n.money(amount, self.currency, self.lang, cents=cents)

    def percent(self, fraction: float, *, decimals: int = 0) -> str:
        return i18n.percent(fraction, self.lang, decimals=decimals)


@dataclass(frozen=True)
class Column:
    title: str
    kind: Kind = "text"
    decimals: int | None = None
    """The decimals of a "number" column's cells when they are fixed (scores « 0,80 »); by
    default, as many as the column's numbers need."""


SHORT_TABLE = 15
"""Rows of a table short enough never to be split across two pages."""


@dataclass(frozen=True)
class Table:
    """A result table: raw values (floats stay floats), formatted only when rendered.

    ``name`` is the Excel sheet name; ``strong_rows`` are rendered in bold (totals).
    """

    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    ctx: Context
    strong_rows: frozenset[int] = field(default=frozenset())
    note: str = ""
    caption: str = ""
    row_kinds: tuple[tuple[int, Kind], ...] = ()
    """Rows whose numbers are of another kind than their columns' (a per-user price in a
    table of totals), as (row index, kind) pairs."""

    def kind(self, row: int, column: int) -> Kind:
        """The kind of the value at (``row``, ``column``): the row's override, else the column's."""
        kind = self.columns[column].kind
        if kind != "text":
            for index, override in self.row_kinds:
                if index == row:
                    return override
        return kind

    def cell_text(self, value: object, kind: Kind, column: int | None = None) -> str:
        """``value`` as the client reads it (locale, currency). A "number" cell of ``column``
        has as many decimals as the column's numbers need (two at most), so they line up."""
        if value is None:
            return ""
        if isinstance(value, date):
            return i18n.date(value, self.ctx.lang)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if kind == "money":
                return self.ctx.money(value)
            if kind == "money_cents":
                return self.ctx.money(value, cents=True)
            if kind == "percent":
                return self.ctx.percent(value, decimals=1 if value and abs(value) < 0.1 else 0)
            if kind == "number":
                decimals = (
                    self.number_decimals(column) if column is not None else _decimals(value, 2)
                )
                return i18n.number(value, self.ctx.lang, decimals=decimals)
            if kind == "integer":
                return i18n.number(value, self.ctx.lang)
        return str(value)

    def number_decimals(self, column: int) -> int:
        """The decimals the "number" cells of ``column`` need (two at most): 8 and 3.2 are
        written « 8,0 » and « 3,2 »; the column's own when it fixes them."""
        fixed = self.columns[column].decimals
        if fixed is not None:
            return fixed
        values = (
            row[column]
            for i, row in enumerate(self.rows)
            if self.kind(i, column) == "number" and isinstance(row[column], int | float)
        )
        return max((_decimals(float(v), 2) for v in values), default=0)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        head = "".join(
            f'<th class="{_css_class(c.kind)}">{html.escape(c.title)}</th>' for c in self.columns
        )
        body = []
        for i, row in enumerate(self.rows):
            texts = (self.cell_text(v, self.kind(i, j), j) for j, v in enumerate(row))
            cells = "".join(
                f'<td class="{_cell_class(c.kind, text)}">{html.escape(text)}</td>'
                for c, text in zip(self.columns, texts, strict=True)
            )
            cls = ' class="strong"' if i in self.strong_rows else ""
            body.append(f"<tr{cls}>{cells}</tr>")
        note = f'<p class="table-note">{html.escape(self.note)}</p>' if self.note else ""
        # a short table is printed whole, on one page (a long one repeats its header)
        classes = "crmwb-table short" if len(self.rows) <= SHORT_TABLE else "crmwb-table"
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return (
            f'<table class="{classes}">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>{note}"
        )


@dataclass(frozen=True)
class Text:
    """Paragraphs of client-facing prose; ``**bold**`` is the only markup."""

    paragraphs: tuple[str, ...]
    css_class: str = ""

    def _repr_html_(self) -> str:
        cls = f' class="{self.css_class}"' if self.css_class else ""
        return "".join(f"<p{cls}>{_inline(p)}</p>" for p in self.paragraphs)


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]

    def _repr_html_(self) -> str:
        return "<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in self.items) + "</ul>"


@dataclass(frozen=True)
class Chart:
    """A matplotlib figure, embedded as an SVG image (crisp in HTML and PDF)."""

    svg: bytes
    alt: str

    @classmethod
    def of(cls, figure: Figure, alt: str, ctx: Context | None = None) -> Chart:
        """The figure as an SVG image; with ``ctx``, its plain number axes are written the
        client's way first (``0,2``, ``20 000``), whatever the chart function left."""
        if ctx is not None:
            localise_axes(figure, ctx.lang)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
        return cls(buffer.getvalue(), alt)

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.svg).decode("ascii")
        return (
            f'<figure class="chart"><img src="data:image/svg+xml;base64,{data}"'
            f' alt="{html.escape(self.alt)}"/></figure>'
        )


class LocaleTicks(Formatter):
    """Tick labels of a plain number axis in a language: ``0,2`` ``0,4`` or ``20 000``, with the
    same number of decimals on every tick (as many as the ticks need: 2,5 · 5,0 · 7,5)."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.decimals = 0

    def set_locs(self, locs: Sequence[float]) -> None:
        self.decimals = max((_decimals(value) for value in locs), default=0)

    def __call__(self, value: float, pos: int | None = None) -> str:
        return i18n.number(value, self.lang, decimals=self.decimals)


def _decimals(value: float, most: int = 3) -> int:
    """The decimals ``value`` needs to be written exactly (``most`` at most): 2.5 -> 1,
    20000 -> 0."""
    for decimals in range(most):
        if math.isclose(round(value, decimals), value, rel_tol=0, abs_tol=1e-9):
            return decimals
    return most


def localise_axes(figure: Figure, lang: Lang) -> None:
    """Write every plain number axis of ``figure`` in ``lang`` (axes with their own labels or
    formatters are left as they are)."""
    from matplotlib.ticker import ScalarFormatter

    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is ScalarFormatter:
                axis.set_major_formatter(LocaleTicks(lang))


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    note: str = ""
    highlight: bool = False


@dataclass(frozen=True)
class KeyFigures:
    """A strip of headline numbers (already formatted), read before anything else."""

    figures: tuple[KeyFigure, ...]

    def _repr_html_(self) -> str:
        cards = "".join(
            f'<div class="figure{" highlight" if f.highlight else ""}">'
            f'<div class="label">{html.escape(f.label)}</div>'
            f'<div class="{_value_class(f.value)}">{html.escape(f.value)}</div>'
            f'<div class="note">{html.escape(f.note)}</div></div>'
            for f in self.figures
        )
        return f'<div class="key-figures">{cards}</div>'


LONG_FIGURE = 12
"""A key figure longer than this (« Software set-up », a vendor's name) is set smaller, so
that it holds on one line of its card."""


def _value_class(value: str) -> str:
    return "value long" if len(value) > LONG_FIGURE else "value"


Part = Table | Text | Bullets | Chart | KeyFigures


@dataclass(frozen=True)
class Section:
    """A titled part of a report: a heading and what goes under it."""

    title: str
    parts: tuple[Part, ...]
    keep_together: bool = False

    def _repr_html_(self) -> str:
        cls = "section keep" if self.keep_together else "section"
        inner = "".join(part._repr_html_() for part in self.parts)
        return f'<section class="{cls}"><h2>{html.escape(self.title)}</h2>{inner}</section>'


@dataclass(frozen=True)
class Sections:
    """Several sections from one notebook cell (one per persona, per programme ...)."""

    sections: tuple[Section, ...]

    def _repr_html_(self) -> str:
        return "".join(s._repr_html_() for s in self.sections)


@dataclass(frozen=True)
class ReportHeader:
    """The top of a report: title, client, consultant, date."""

    title: str
    subtitle: str
    ctx: Context
    run_date: date = field(default_factory=date.today)

    def _repr_html_(self) -> str:
        ctx = self.ctx
        when = i18n.date(ctx.date or self.run_date, ctx.lang)
        by = ctx.t("report.prepared_by", consultant=ctx.consultant) if ctx.consultant else ""
        meta = " · ".join(html.escape(x) for x in (by, when) if x)
        return (
            '<header class="report-header">'
            f'<p class="client">{html.escape(ctx.client_name)}</p>'
            f"<h1>{html.escape(self.title)}</h1>"
            f'<p class="subtitle">{html.escape(self.subtitle)}</p>'
            f'<p class="meta">{meta}</p>'
            "</header>"
        )


def findings_table(name: str, findings: Sequence[tuple[str, str, str, str]], ctx: Context) -> Table:
    """Findings for Excel, one a row: (severity key, rule, subject, message); the severity is
    shown in the client's language."""
    rows = tuple(
        (ctx.t(f"plan.severity.{sev}"), rule, subject, text)
        for sev, rule, subject, text in findings
    )
    columns = (
        Column(ctx.t("plan.col.severity")),
        Column(ctx.t("plan.col.rule")),
        Column(ctx.t("plan.col.subject")),
        Column(ctx.t("plan.col.finding")),
    )
    return Table(name, columns, rows, ctx)


def section(title: str, *parts: Part, keep_together: bool = False) -> Section:
    return Section(title, tuple(parts), keep_together)


def _css_class(kind: Kind) -> str:
    return "text" if kind in ("text", "date") else "num"


KEEP_WHOLE = 12
"""A text cell this short (« E-mail », « À préserver ») is never broken across lines."""


def _cell_class(kind: Kind, text: str) -> str:
    keep = kind == "date" or (kind == "text" and len(text) <= KEEP_WHOLE)
    return f"{_css_class(kind)} keep" if keep else _css_class(kind)


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline(text: str) -> str:
    """Escape ``text``, then turn ``**x**`` into bold."""
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(text))


SHEET_NAME = 31
"""Excel's limit on a sheet's name."""


def sheet_name(text: str) -> str:
    """A valid Excel sheet name (no ``[]:*?/\\``, 31 characters at most, cut between words).

    >>> sheet_name("Coût total de possession par éditeur")
    'Coût total de possession par'
    """
    name = re.sub(r"[\[\]:*?/\\]", "-", text).strip()
    if len(name) <= SHEET_NAME:
        return name
    cut = name[: SHEET_NAME + 1].rsplit(" ", 1)[0] if " " in name[:SHEET_NAME] else name
    return cut[:SHEET_NAME].rstrip(" -–,;.")


def strong_indexes(rows: Sequence[tuple[object, ...]], labels: set[str]) -> frozenset[int]:
    return frozenset(i for i, row in enumerate(rows) if row and row[0] in labels)
