"""The customer journey's and the relationship plan's sheets of the client workbook <->
:class:`~crmwb.journey.model.Journey` and :class:`~crmwb.plan.model.RelationshipPlan` (DOMAIN.md
§1-2).

Ten sheets, named in French or English, each with a title, an intro line, a help row and a
header row whose cells carry the help as a comment; the reader finds headers and labels by their
text, in either language, never by position. The journey's:

* **Stages** (*Étapes*): Stage | Description. The order of the rows is the journey's.
* **Channels** (*Canaux*): Channel | Description.
* **Segments**: Segment | Description | Channels used | Stages gone through (names separated by
  commas or semicolons; empty: every channel, every stage). "all" (*tous*) is reserved.
* **Touchpoints** (*Points de contact*): ID (T01) | Stage | Channel | Description | Segment (a
  segment, or "all" / "tous"; empty: all) | Perception (satisfaction, friction, disappointment
  / *déception*) | Emotion (-2..+2) | Importance (1-5) | Performance (1-5, empty: not rated) |
  Data collected | Collection point | Owner.
* **Personas**: Persona | Segment | Description.
* **Paths** (*Parcours*): Persona | Step (*Ordre*: 1, 2, 3 ...) | Touchpoint (an ID), one row per
  step; a persona's path is its rows in the order of their steps.

The plan's:

* **Programmes**: Programme | Objectives (one per line in the cell, or separated by ";") | Main
  KPI | Target segment (empty: all) | Touchpoints addressed (IDs, separated by commas) |
  Description. More than two objectives are read: the plan checks report them.
* **Scenarios** (*Scénarios*): Scenario | Programme | Trigger | Channel | Delay (days) |
  Frequency cap (days) | Messages per contact per month | Segment (empty: the programme's) |
  Touchpoints addressed.
* **Campaigns** (*Campagnes*): Campaign | Programme | Date | Segment (empty: all) | Channel |
  Touchpoints addressed.
* **Conventions**: the active and inactive clients' months, then three tables one under the
  other, each found by its header: Segment | Max per week | Max per month; Channel | Rule
  (opt-in, soft opt-in, opt-out) | Notes; Family (transactional, campaigns, scenarios) | Sender
  address | IP.

Every cell is checked before the domain objects are built, and a bad one raises a
:class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell. Names that
refer to another sheet must be known on the journey's side (a touchpoint's stage and channel, a
path's persona and touchpoints, a segment's channels and stages, and segments once the Segments
sheet has some) and a scenario's or campaign's programme; the plan's touchpoints, segments and
channels are only matched to the journey's spelling: the plan checks
(:mod:`crmwb.plan.model`) report the unknown ones, as they report a third objective or an inactivity
period shorter than the activity one.

:func:`save_journey` writes a journey edited in the workshop back into the six journey sheets of
a client's workbook, keeping everything else, after a backup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import (
    CrmwbError,
    InputError,
    Msg,
    Number,
    Quoted,
    Text,
    WorkbookError,
    WrittenDate,
    msg,
)
from crmwb.core.i18n import Lang, t
from crmwb.journey.model import (
    ALL_SEGMENTS,
    EMOTIONS,
    SCALE,
    Channel,
    Journey,
    Perception,
    Persona,
    Segment,
    Stage,
    Touchpoint,
    journey_counts,
)
from crmwb.journey.model import (
    Path as PersonaPath,
)
from crmwb.plan.model import (
    Campaign,
    Conventions,
    Family,
    OptIn,
    OptInRule,
    PressureCap,
    Programme,
    RelationshipPlan,
    Scenario,
    Sender,
)
from crmwb.workbook.fields import (
    Field,
    choice_label,
    choice_prefixes,
    describe,
    is_blank,
    normalised,
    plain,
)
from crmwb.workbook.layout import (
    finish_validation,
    write_parameters,
    write_table_header,
)
from crmwb.workbook.reader import WorkbookReader, in_workbook_language, read_workbook
from crmwb.workbook.save import check_writable, save_client_workbook
from crmwb.workbook.tables import (
    Lookup,
    Names,
    Row,
    SheetReader,
    TableSheet,
    has_rows,
    joined,
    sheet_language,
    split_names,
    text_field,
    write_sheet_title,
    write_table_sheet,
    write_values,
)

# --- the vocabulary ----------------------------------------------------------------------------

JOURNEY_CHOICES: dict[type[StrEnum], str] = {
    Perception: "perception",
    OptIn: "opt_in",
    Family: "sender_family",
}
"""The drop-down lists of these sheets: enum -> prefix of its labels in i18n (a list on the
hidden Lists sheet each, named ``list_<prefix>``)."""

_ALL = frozenset(
    normalised(text)
    for text in (ALL_SEGMENTS, *i18n.all_labels("journey_sheet.all"), "toutes", "tout")
)
"""What a Segment cell says for every segment (an empty cell says it too, but on Scenarios)."""

CONVENTION_ROWS = 30
"""Rows given checks in each of the Conventions sheet's three tables."""
CONVENTIONS_FIRST_TABLE = 7
"""Template row of the first table's title on the Conventions sheet (parameters in rows 4-5)."""
MIN_CAMPAIGN_YEAR = 2000
"""An earlier campaign date is a number typed in a date cell (Excel shows 12 as 12/01/1900)."""
MONTHLY_FORMAT = "# ??/??"
"""Messages per contact per month: 1/12 typed in the cell is read as a fraction, not a date."""

STAGE_NAMES = "stage_names"
CHANNEL_NAMES = "channel_names"
SEGMENT_NAMES = "segment_names"
TOUCHPOINT_IDS = "touchpoint_ids"
PERSONA_NAMES = "persona_names"
PROGRAMME_NAMES = "programme_names"
"""Defined names over the first column of the sheets, feeding the other sheets' drop-downs."""

# --- the layout, shared by the writer and the reader -------------------------------------------

_J = "journey_sheet."
_P = "plan_sheet."


STAGE_COLUMNS: tuple[Field, ...] = (
    text_field(_J + "stages.col.stage", 30, required=True),
    text_field(_J + "stages.col.description", 80),
)
CHANNEL_COLUMNS: tuple[Field, ...] = (
    text_field(_J + "channels.col.channel", 30, required=True),
    text_field(_J + "channels.col.description", 80),
)
SEGMENT_COLUMNS: tuple[Field, ...] = (
    text_field(_J + "segments.col.segment", 26, required=True),
    text_field(_J + "segments.col.description", 50),
    text_field(_J + "segments.col.channels", 36),
    text_field(_J + "segments.col.stages", 36),
)
TOUCHPOINT_COLUMNS: tuple[Field, ...] = (
    text_field(_J + "touchpoints.col.id", 8, required=True),
    text_field(_J + "touchpoints.col.stage", 18, required=True),
    text_field(_J + "touchpoints.col.channel", 18, required=True),
    text_field(_J + "touchpoints.col.description", 40),
    text_field(_J + "touchpoints.col.segment", 18),
    Field(_J + "touchpoints.col.perception", "choice", 15, required=True, choices=Perception),
    Field(
        _J + "touchpoints.col.emotion",
        "whole",
        10,
        required=True,
        minimum=EMOTIONS[0],
        maximum=EMOTIONS[1],
    ),
    Field(
        _J + "touchpoints.col.importance",
        "whole",
        11,
        required=True,
        minimum=SCALE[0],
        maximum=SCALE[1],
    ),
    Field(_J + "touchpoints.col.performance", "whole", 12, minimum=SCALE[0], maximum=SCALE[1]),
    text_field(_J + "touchpoints.col.data_collected", 26),
    text_field(_J + "touchpoints.col.collection_point", 22),
    text_field(_J + "touchpoints.col.owner", 18),
)
PERSONA_COLUMNS: tuple[Field, ...] = (
    text_field(_J + "personas.col.persona", 30, required=True),
    text_field(_J + "personas.col.segment", 22),
    text_field(_J + "personas.col.description", 70),
)
PATH_COLUMNS: tuple[Field, ...] = (
    text_field(_J + "paths.col.persona", 30, required=True),
    Field(_J + "paths.col.step", "whole", 10, required=True, minimum=1),
    text_field(_J + "paths.col.touchpoint", 18, required=True),
)
PROGRAMME_COLUMNS: tuple[Field, ...] = (
    text_field(_P + "programmes.col.programme", 24, required=True),
    text_field(_P + "programmes.col.objectives", 46),
    text_field(_P + "programmes.col.kpi", 30),
    text_field(_P + "programmes.col.segment", 20),
    text_field(_P + "programmes.col.touchpoints", 22),
    text_field(_P + "programmes.col.description", 50),
)
_MONTHLY_RATE = Field(_P + "scenarios.col.monthly_rate", "number", 14)
SCENARIO_COLUMNS: tuple[Field, ...] = (
    text_field(_P + "scenarios.col.scenario", 30, required=True),
    text_field(_P + "scenarios.col.programme", 20, required=True),
    text_field(_P + "scenarios.col.trigger", 34, required=True),
    text_field(_P + "scenarios.col.channel", 16, required=True),
    Field(_P + "scenarios.col.delay", "number", 10, hint=msg("plan.err.hint.delay_after")),
    Field(_P + "scenarios.col.cap", "number", 13, min_excluded=True),
    _MONTHLY_RATE,
    text_field(_P + "scenarios.col.segment", 18),
    text_field(_P + "scenarios.col.touchpoints", 20),
)
CAMPAIGN_COLUMNS: tuple[Field, ...] = (
    text_field(_P + "campaigns.col.campaign", 30, required=True),
    text_field(_P + "campaigns.col.programme", 20, required=True),
    Field(_P + "campaigns.col.date", "date", 12, required=True),
    text_field(_P + "campaigns.col.segment", 18),
    text_field(_P + "campaigns.col.channel", 16),
    text_field(_P + "campaigns.col.touchpoints", 20),
)
CONVENTION_PARAMETERS: tuple[Field, ...] = (
    Field(_P + "conventions.active_months", "whole", minimum=1),
    Field(_P + "conventions.inactive_months", "whole", minimum=1),
)
CAP_COLUMNS: tuple[Field, ...] = (
    text_field(_P + "caps.col.segment", 44, required=True),
    Field(_P + "caps.col.per_week", "number", 30),
    Field(_P + "caps.col.per_month", "number", 60),
)
OPT_IN_COLUMNS: tuple[Field, ...] = (
    text_field(_P + "opt_in.col.channel", 44, required=True),
    Field(_P + "opt_in.col.rule", "choice", 30, required=True, choices=OptIn),
    text_field(_P + "opt_in.col.notes", 60),
)
SENDER_COLUMNS: tuple[Field, ...] = (
    Field(_P + "senders.col.family", "choice", 44, required=True, choices=Family),
    text_field(_P + "senders.col.address", 30, required=True),
    text_field(_P + "senders.col.ip", 60),
)
_CONVENTION_TABLES: tuple[tuple[str, tuple[Field, ...]], ...] = (
    (_P + "conventions.caps_title", CAP_COLUMNS),
    (_P + "conventions.opt_in_title", OPT_IN_COLUMNS),
    (_P + "conventions.senders_title", SENDER_COLUMNS),
)


STAGES = TableSheet("sheet.stages", _J + "stages", STAGE_COLUMNS, STAGE_NAMES)
CHANNELS = TableSheet("sheet.channels", _J + "channels", CHANNEL_COLUMNS, CHANNEL_NAMES)
SEGMENTS = TableSheet("sheet.segments", _J + "segments", SEGMENT_COLUMNS, SEGMENT_NAMES)
TOUCHPOINTS = TableSheet(
    "sheet.touchpoints",
    _J + "touchpoints",
    TOUCHPOINT_COLUMNS,
    TOUCHPOINT_IDS,
    (Lookup(1, STAGE_NAMES), Lookup(2, CHANNEL_NAMES), Lookup(4, SEGMENT_NAMES, True)),
)
PERSONAS = TableSheet(
    "sheet.personas",
    _J + "personas",
    PERSONA_COLUMNS,
    PERSONA_NAMES,
    (Lookup(1, SEGMENT_NAMES, True),),
)
PATHS = TableSheet(
    "sheet.paths",
    _J + "paths",
    PATH_COLUMNS,
    None,
    (Lookup(0, PERSONA_NAMES), Lookup(2, TOUCHPOINT_IDS)),
)
PROGRAMMES = TableSheet(
    "sheet.programmes",
    _P + "programmes",
    PROGRAMME_COLUMNS,
    PROGRAMME_NAMES,
    (Lookup(3, SEGMENT_NAMES, True),),
    wrapped=(1,),
)
SCENARIOS = TableSheet(
    "sheet.scenarios",
    _P + "scenarios",
    SCENARIO_COLUMNS,
    None,
    (
        Lookup(1, PROGRAMME_NAMES),
        Lookup(3, CHANNEL_NAMES, True),
        Lookup(7, SEGMENT_NAMES, True),
    ),
    formats=((SCENARIO_COLUMNS.index(_MONTHLY_RATE), MONTHLY_FORMAT),),
)
CAMPAIGNS = TableSheet(
    "sheet.campaigns",
    _P + "campaigns",
    CAMPAIGN_COLUMNS,
    None,
    (
        Lookup(1, PROGRAMME_NAMES),
        Lookup(3, SEGMENT_NAMES, True),
        Lookup(4, CHANNEL_NAMES, True),
    ),
)
JOURNEY_TABLES: tuple[TableSheet, ...] = (STAGES, CHANNELS, SEGMENTS, TOUCHPOINTS, PERSONAS, PATHS)
"""The six journey sheets, in the workbook's order (the ones :func:`save_journey` rewrites)."""
PLAN_TABLES: tuple[TableSheet, ...] = (PROGRAMMES, SCENARIOS, CAMPAIGNS)
"""The plan's table sheets; the Conventions sheet follows them."""
CONVENTIONS_SHEET = "sheet.conventions"


# --- writing -----------------------------------------------------------------------------------


def write_journey_sheets(wb: Workbook, lang: Lang, journey: Journey | None = None) -> None:
    """Add the six journey sheets to ``wb`` (which has its Lists sheet): empty, with help,
    drop-downs and checks, when ``journey`` is None, else filled with it."""
    rows = _journey_rows(journey, lang) if journey is not None else {}
    for table in JOURNEY_TABLES:
        write_table_sheet(wb, table, lang, rows.get(table.sheet, []))


def write_plan_sheets(wb: Workbook, lang: Lang, plan: RelationshipPlan | None = None) -> None:
    """Add the Programmes, Scenarios, Campaigns and Conventions sheets to ``wb`` (after the
    journey's, whose names feed their drop-downs): empty when ``plan`` is None, else filled."""
    rows = _plan_rows(plan, lang) if plan is not None else {}
    for table in PLAN_TABLES:
        write_table_sheet(wb, table, lang, rows.get(table.sheet, []))
    _write_conventions(wb, lang, plan.conventions if plan is not None else None)


def _segment_label(segment: str | None, lang: Lang) -> str | None:
    if segment is None:
        return None
    return t("journey_sheet.all", lang) if segment == ALL_SEGMENTS else segment


def _journey_rows(journey: Journey, lang: Lang) -> dict[str, list[tuple[Any, ...]]]:
    """The values of each journey sheet's rows (raises InputError for what the sheets cannot
    hold: two paths of one persona)."""
    personas = [path.persona for path in journey.paths]
    for persona in personas:
        if personas.count(persona) > 1:
            raise InputError(
                msg("journey.err.one_path", sheet=t(PATHS.sheet, lang)),
                found=msg("journey.err.found.two_paths", persona=Quoted(persona)),
                lang=lang,
            )
    return {
        STAGES.sheet: [(s.name, s.description or None) for s in journey.stages],
        CHANNELS.sheet: [(c.name, c.description or None) for c in journey.channels],
        SEGMENTS.sheet: [
            (s.name, s.description or None, joined(s.channels), joined(s.stages))
            for s in journey.segments
        ],
        TOUCHPOINTS.sheet: [
            (
                tp.id,
                tp.stage,
                tp.channel,
                tp.description or None,
                _segment_label(tp.segment, lang),
                choice_label(tp.perception, lang),
                tp.emotion,
                tp.importance,
                tp.performance,
                tp.data_collected or None,
                tp.collection_point or None,
                tp.owner or None,
            )
            for tp in journey.touchpoints
        ],
        PERSONAS.sheet: [
            (p.name, _segment_label(p.segment, lang), p.description or None)
            for p in journey.personas
        ],
        PATHS.sheet: [
            (path.persona, step, touchpoint)
            for path in journey.paths
            for step, touchpoint in enumerate(path.touchpoints, start=1)
        ],
    }


def _plan_rows(plan: RelationshipPlan, lang: Lang) -> dict[str, list[tuple[Any, ...]]]:
    return {
        PROGRAMMES.sheet: [
            (
                p.name,
                joined(p.objectives, "\n"),
                p.kpi or None,
                _segment_label(p.segment, lang),
                joined(p.touchpoints, ", "),
                p.description or None,
            )
            for p in plan.programmes
        ],
        SCENARIOS.sheet: [
            (
                s.name,
                s.programme,
                s.trigger,
                s.channel,
                s.delay_days,
                s.cap_days,
                s.monthly_rate,
                _segment_label(s.segment, lang),
                joined(s.touchpoints, ", "),
            )
            for s in plan.scenarios
        ],
        CAMPAIGNS.sheet: [
            (
                c.name,
                c.programme,
                c.date,
                _segment_label(c.segment, lang),
                c.channel or None,
                joined(c.touchpoints, ", "),
            )
            for c in plan.campaigns
        ],
    }


def _write_conventions(wb: Workbook, lang: Lang, conventions: Conventions | None) -> None:
    ws = wb.create_sheet(t(CONVENTIONS_SHEET, lang))
    write_sheet_title(ws, _P + "conventions", lang, CAP_COLUMNS)
    c = conventions or Conventions()
    values: dict[str, Any] = {
        _P + "conventions.active_months": c.active_months,
        _P + "conventions.inactive_months": c.inactive_months,
    }
    write_parameters(ws, CONVENTION_PARAMETERS, values, lang)
    tables: list[list[tuple[Any, ...]]] = [
        [(_segment_label(cap.segment, lang), cap.per_week, cap.per_month) for cap in c.caps],
        [(r.channel, choice_label(r.rule, lang), r.notes or None) for r in c.opt_in],
        [(choice_label(s.family, lang), s.address, s.ip or None) for s in c.senders],
    ]
    lookups = {0: SEGMENT_NAMES, 1: CHANNEL_NAMES}
    start = CONVENTIONS_FIRST_TABLE
    for position, ((title, columns), rows) in enumerate(
        zip(_CONVENTION_TABLES, tables, strict=True)
    ):
        title_cell = ws.cell(row=start, column=1, value=t(title, lang))
        title_cell.font = Font(bold=True, size=12, color="1F3864")
        help_row, header_row = start + 1, start + 2
        n = max(CONVENTION_ROWS, len(rows) + 10)
        write_table_header(ws, columns, lang, help_row=help_row, header_row=header_row, rows=n)
        first, last = header_row + 1, header_row + n
        name = lookups.get(position)
        if name is not None and name in wb.defined_names:
            dv = DataValidation(type="list", formula1=name, allow_blank=True)
            dv.errorStyle = "warning"
            finish_validation(ws, dv, columns[0], f"A{first}:A{last}", lang)
        for row, row_values in enumerate(rows, start=first):
            write_values(ws, row, columns, row_values)
        start = last + 2
    for letter, width in zip("ABC", (44, 30, 60), strict=True):
        ws.column_dimensions[letter].width = width


# --- reading -----------------------------------------------------------------------------------


@in_workbook_language
def has_journey(reader: WorkbookReader) -> bool:
    """The workbook has a Stages sheet with at least one stage (the template's has none)."""
    return has_rows(reader, STAGES)


@in_workbook_language
def has_plan(reader: WorkbookReader) -> bool:
    """The workbook has a Programmes sheet with at least one programme."""
    return has_rows(reader, PROGRAMMES)


@in_workbook_language
def read_journey(reader: WorkbookReader) -> Journey:
    """Read and check the journey sheets of an open workbook. Stages and Channels are required
    (at least one stage); Segments, Touchpoints, Personas and Paths may be missing (nothing of
    them). Raises :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the
    cell."""
    return _JourneyReader(reader).read()


@in_workbook_language
def read_plan(reader: WorkbookReader) -> RelationshipPlan:
    """Read and check the plan's sheets of an open workbook. Programmes is required (at least one
    programme); Scenarios, Campaigns and Conventions may be missing. Raises
    :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell."""
    return _PlanReader(reader).read()


def _what(noun: str) -> Msg:
    """A noun of the journey's and the plan's errors (``journey.err.what.<noun>``)."""
    return msg(f"journey.err.what.{noun}")


class _JourneyReader(SheetReader):
    def read(self) -> Journey:
        stages = self.stages()
        channels = self.channels()
        stage_names = Names(s.name for s in stages)
        channel_names = Names(c.name for c in channels)
        segments = self.segments(stage_names, channel_names)
        segment_names = Names(s.name for s in segments)
        touchpoints = self.touchpoints(stage_names, channel_names, segment_names)
        personas = self.personas(segment_names)
        paths = self.paths(Names(p.name for p in personas), Names(tp.id for tp in touchpoints))
        try:
            return Journey(
                stages=stages,
                channels=channels,
                touchpoints=touchpoints,
                segments=segments,
                personas=personas,
                paths=paths,
            )
        except CrmwbError as exc:  # pragma: no cover - the checks above come first
            raise self.backstop(self.r.sheet(STAGES.sheet), exc) from None

    def named(
        self, table: TableSheet, what: str, required: bool
    ) -> tuple[Worksheet | None, list[Row], str, str]:
        """The rows of a sheet whose first column is a unique name, checked unique (``what``:
        the noun of its names, ``journey.err.what.<what>``)."""
        ws = self.r.sheet(table.sheet) if required else self.sheet(table)
        if ws is None:
            return None, [], "", ""
        rows, header_row, column = self.rows(ws, table.columns)
        key, description = table.columns[0].key, table.columns[-1].key
        seen: dict[str, Cell] = {}
        for row in rows:
            self.unique(ws, row.cells[key], row.v[key], seen, _what(what))
        if required and what == "stage" and not rows:
            raise self.none_error(ws, header_row, column, _what(what))
        return ws, rows, key, description

    def stages(self) -> tuple[Stage, ...]:
        _, rows, key, description = self.named(STAGES, "stage", required=True)
        return tuple(Stage(row.v[key], row.v[description] or "") for row in rows)

    def channels(self) -> tuple[Channel, ...]:
        _, rows, key, description = self.named(CHANNELS, "channel", required=True)
        return tuple(Channel(row.v[key], row.v[description] or "") for row in rows)

    def names_in(
        self, ws: Worksheet, cell: Cell, text: str | None, names: Names, what: Text, sheet: str
    ) -> tuple[str, ...]:
        if not text:
            return ()
        whole = names.get(text)
        if whole is not None:  # one name with a comma in it
            return (whole,)
        return tuple(
            dict.fromkeys(
                self.known(ws, cell, part, names, what, sheet) for part in split_names(text)
            )
        )

    def segments(self, stages: Names, channels: Names) -> tuple[Segment, ...]:
        ws, rows, key, _ = self.named(SEGMENTS, "segment", required=False)
        if ws is None:
            return ()
        c = SEGMENT_COLUMNS
        segments: list[Segment] = []
        for row in rows:
            name: str = row.v[key]
            if normalised(name) in _ALL:
                raise self.error(
                    ws,
                    row.cells[key],
                    msg("journey.err.segment_not_all"),
                    describe(name),
                    msg("journey.err.hint.rename_segment"),
                )
            segments.append(
                Segment(
                    name,
                    row.v[c[1].key] or "",
                    channels=self.names_in(
                        ws,
                        row.cells[c[2].key],
                        row.v[c[2].key],
                        channels,
                        _what("channel"),
                        CHANNELS.sheet,
                    ),
                    stages=self.names_in(
                        ws,
                        row.cells[c[3].key],
                        row.v[c[3].key],
                        stages,
                        _what("stage"),
                        STAGES.sheet,
                    ),
                )
            )
        return tuple(segments)

    def segment(self, ws: Worksheet, cell: Cell, text: str | None, segments: Names) -> str:
        """A Segment cell: empty or "all" / "tous" for every segment, else a segment of the
        Segments sheet (any text when it has none)."""
        if not text or normalised(text) in _ALL:
            return ALL_SEGMENTS
        if not segments:
            return text
        return self.known(ws, cell, text, segments, _what("segment_or_all"), SEGMENTS.sheet)

    def touchpoints(
        self, stages: Names, channels: Names, segments: Names
    ) -> tuple[Touchpoint, ...]:
        ws = self.sheet(TOUCHPOINTS)
        if ws is None:
            return ()
        rows, _, _ = self.rows(ws, TOUCHPOINT_COLUMNS)
        k = [spec.key for spec in TOUCHPOINT_COLUMNS]
        seen: dict[str, Cell] = {}
        touchpoints: list[Touchpoint] = []
        for row in rows:
            v, cells = row.v, row.cells
            tp_id: str = v[k[0]]
            if re.search(r"[,;\n]", tp_id):
                raise self.error(
                    ws,
                    cells[k[0]],
                    msg("journey.err.id_separators"),
                    describe(tp_id),
                )
            self.unique(ws, cells[k[0]], tp_id, seen, _what("touchpoint_id"))
            touchpoints.append(
                Touchpoint(
                    id=tp_id,
                    stage=self.known(
                        ws, cells[k[1]], v[k[1]], stages, _what("stage"), STAGES.sheet
                    ),
                    channel=self.known(
                        ws, cells[k[2]], v[k[2]], channels, _what("channel"), CHANNELS.sheet
                    ),
                    description=v[k[3]] or "",
                    segment=self.segment(ws, cells[k[4]], v[k[4]], segments),
                    perception=v[k[5]],
                    emotion=v[k[6]],
                    importance=v[k[7]],
                    performance=v[k[8]],
                    data_collected=v[k[9]] or "",
                    collection_point=v[k[10]] or "",
                    owner=v[k[11]] or "",
                )
            )
        return tuple(touchpoints)

    def personas(self, segments: Names) -> tuple[Persona, ...]:
        ws, rows, key, description = self.named(PERSONAS, "persona", required=False)
        if ws is None:
            return ()
        seg = PERSONA_COLUMNS[1].key
        return tuple(
            Persona(
                row.v[key],
                self.segment(ws, row.cells[seg], row.v[seg], segments),
                row.v[description] or "",
            )
            for row in rows
        )

    def paths(self, personas: Names, touchpoints: Names) -> tuple[PersonaPath, ...]:
        ws = self.sheet(PATHS)
        if ws is None:
            return ()
        rows, _, _ = self.rows(ws, PATH_COLUMNS)
        persona_key, step_key, tp_key = (spec.key for spec in PATH_COLUMNS)
        steps: dict[str, dict[int, tuple[str, Cell]]] = {}
        for row in rows:
            persona = self.known(
                ws,
                row.cells[persona_key],
                row.v[persona_key],
                personas,
                _what("persona"),
                PERSONAS.sheet,
            )
            tp_id = self.known(
                ws,
                row.cells[tp_key],
                row.v[tp_key],
                touchpoints,
                _what("touchpoint"),
                TOUCHPOINTS.sheet,
            )
            step: int = row.v[step_key]
            of_persona = steps.setdefault(persona, {})
            if step in of_persona:
                raise self.error(
                    ws,
                    row.cells[step_key],
                    msg("journey.err.step_once", persona=persona),
                    msg(
                        "journey.err.found.step_again",
                        step=step,
                        where=f"{ws.title}!{of_persona[step][1].coordinate}",
                    ),
                    msg("journey.err.hint.number_steps"),
                )
            of_persona[step] = (tp_id, row.cells[step_key])
        return tuple(
            PersonaPath(persona, tuple(of_persona[step][0] for step in sorted(of_persona)))
            for persona, of_persona in steps.items()
        )


class _PlanReader(SheetReader):
    def __init__(self, reader: WorkbookReader) -> None:
        super().__init__(reader)
        self.segments = self.journey_names(SEGMENTS)
        self.channels = self.journey_names(CHANNELS)
        self.touchpoint_ids = self.journey_names(TOUCHPOINTS)

    def journey_names(self, table: TableSheet) -> Names:
        """The names of a journey sheet's first column, as typed (the plan's names are matched
        to them, not checked against them: the plan checks report the unknown ones)."""
        ws = self.sheet(table)
        if ws is None:
            return Names()
        try:
            index, header_row = self.r.table(ws, table.columns)
        except WorkbookError:
            return Names()
        key = table.columns[0].key
        return Names(
            plain(cells[key].value).strip()
            for cells in self.r.rows(ws, index, header_row)
            if not is_blank(cells[key].value)
        )

    def read(self) -> RelationshipPlan:
        programmes, ws = self.programmes()
        names = Names(p.name for p in programmes)
        scenarios = self.scenarios(names)
        campaigns = self.campaigns(names)
        conventions = self.conventions()
        try:
            return RelationshipPlan(programmes, scenarios, campaigns, conventions)
        except CrmwbError as exc:  # pragma: no cover - the checks above come first
            raise self.backstop(ws, exc) from None

    def segment(self, text: str | None, blank: str | None) -> str | None:
        if not text:
            return blank
        if normalised(text) in _ALL:
            return ALL_SEGMENTS
        return self.segments.get(text) or text

    def channel(self, text: str | None) -> str:
        return (self.channels.get(text) or text) if text else ""

    def touchpoints(self, text: str | None) -> tuple[str, ...]:
        if not text:
            return ()
        parts = re.split(r"[,;\n]", text)
        return tuple(
            dict.fromkeys(
                self.touchpoint_ids.get(part.strip()) or part.strip()
                for part in parts
                if part.strip()
            )
        )

    def programmes(self) -> tuple[tuple[Programme, ...], Worksheet]:
        ws = self.r.sheet(PROGRAMMES.sheet)
        rows, header_row, column = self.rows(ws, PROGRAMME_COLUMNS)
        k = [spec.key for spec in PROGRAMME_COLUMNS]
        seen: dict[str, Cell] = {}
        programmes: list[Programme] = []
        for row in rows:
            self.unique(ws, row.cells[k[0]], row.v[k[0]], seen, _what("programme"))
            objectives: str = row.v[k[1]] or ""
            parts = objectives.split("\n") if "\n" in objectives else objectives.split(";")
            programmes.append(
                Programme(
                    name=row.v[k[0]],
                    objectives=tuple(part.strip() for part in parts if part.strip()),
                    kpi=row.v[k[2]] or "",
                    segment=self.segment(row.v[k[3]], ALL_SEGMENTS) or ALL_SEGMENTS,
                    touchpoints=self.touchpoints(row.v[k[4]]),
                    description=row.v[k[5]] or "",
                )
            )
        if not programmes:
            raise self.none_error(ws, header_row, column, _what("programme"))
        return tuple(programmes), ws

    def programme(self, ws: Worksheet, cell: Cell, text: str, names: Names) -> str:
        return self.known(ws, cell, text, names, _what("programme"), PROGRAMMES.sheet)

    def scenarios(self, programmes: Names) -> tuple[Scenario, ...]:
        ws = self.sheet(SCENARIOS)
        if ws is None:
            return ()
        index, header_row = self.r.table(ws, SCENARIO_COLUMNS)
        k = [spec.key for spec in SCENARIO_COLUMNS]
        rate_spec = _MONTHLY_RATE
        seen: dict[str, Cell] = {}
        scenarios: list[Scenario] = []
        for cells in self.r.rows(ws, index, header_row):
            rate_cell = cells[rate_spec.key]
            if isinstance(rate_cell.value, (dt.date, dt.datetime)):
                raise self.error(
                    ws,
                    rate_cell,
                    msg("err.number_for", name=self.r.shown_label(ws, rate_cell, rate_spec)),
                    describe(rate_cell.value),
                    msg("plan.err.hint.fraction_as_date", value=Number(1 / 12)),
                )
            (row,) = self.table_rows(ws, SCENARIO_COLUMNS, [cells])
            v = row.v
            self.unique(ws, cells[k[0]], v[k[0]], seen, _what("scenario"))
            scenarios.append(
                Scenario(
                    name=v[k[0]],
                    programme=self.programme(ws, cells[k[1]], v[k[1]], programmes),
                    trigger=v[k[2]],
                    channel=self.channel(v[k[3]]),
                    delay_days=v[k[4]] or 0.0,
                    cap_days=v[k[5]],
                    monthly_rate=v[k[6]],
                    segment=self.segment(v[k[7]], None),
                    touchpoints=self.touchpoints(v[k[8]]),
                )
            )
        return tuple(scenarios)

    def campaigns(self, programmes: Names) -> tuple[Campaign, ...]:
        ws = self.sheet(CAMPAIGNS)
        if ws is None:
            return ()
        index, header_row = self.r.table(ws, CAMPAIGN_COLUMNS)
        k = [spec.key for spec in CAMPAIGN_COLUMNS]
        date_spec = CAMPAIGN_COLUMNS[2]
        text_spec = Field(date_spec.key, "text", required=True)
        others = [spec for spec in CAMPAIGN_COLUMNS if spec is not date_spec]
        seen: dict[tuple[str, ...], Cell] = {}
        campaigns: list[Campaign] = []
        for cells in self.r.rows(ws, index, header_row):
            v = {spec.key: self.r.value(ws, cells[spec.key], spec) for spec in others}
            date_cell = cells[date_spec.key]
            raw = date_cell.value
            if is_blank(raw):
                self.r.value(ws, date_cell, text_spec)  # an empty cell or a formula: an error
            date = self.date(ws, date_cell, raw)
            campaign = Campaign(
                name=v[k[0]],
                programme=self.programme(ws, cells[k[1]], v[k[1]], programmes),
                date=date,
                segment=self.segment(v[k[3]], ALL_SEGMENTS) or ALL_SEGMENTS,
                channel=self.channel(v[k[4]]),
                touchpoints=self.touchpoints(v[k[5]]),
            )
            key = (normalised(campaign.name), date.isoformat(), campaign.segment, campaign.channel)
            if key in seen:
                raise self.error(
                    ws,
                    cells[k[0]],
                    msg("plan.err.campaign_once"),
                    msg(
                        "plan.err.found.campaign_again",
                        name=Quoted(campaign.name),
                        date=WrittenDate(date),
                        where=f"{ws.title}!{seen[key].coordinate}",
                    ),
                    msg("plan.err.hint.delete_one"),
                )
            seen[key] = cells[k[0]]
            campaigns.append(campaign)
        return tuple(campaigns)

    def date(self, ws: Worksheet, cell: Cell, raw: Any) -> dt.date:
        """A date cell, or a date typed as text when it can be read one way only."""
        if isinstance(raw, dt.datetime):
            return self.recent(ws, cell, raw.date())
        if isinstance(raw, dt.date):
            return self.recent(ws, cell, raw)
        hint = msg("plan.err.hint.enter_date")
        if isinstance(raw, str):
            text = raw.strip()
            try:
                return self.recent(ws, cell, dt.date.fromisoformat(text))
            except ValueError:
                pass
            match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
            if match:
                a, b, year = (int(part) for part in match.groups())
                day_first, month_first = _date(year, b, a), _date(year, a, b)
                readings = list(dict.fromkeys(d for d in (day_first, month_first) if d))
                if len(readings) == 1:
                    return self.recent(ws, cell, readings[0])
                if day_first is not None and month_first is not None:
                    hint = msg(
                        "plan.err.hint.ambiguous_date",
                        day_first=WrittenDate(day_first),
                        month_first=WrittenDate(month_first),
                        iso_day_first=day_first.isoformat(),
                        iso_month_first=month_first.isoformat(),
                    )
        raise self.error(
            ws,
            cell,
            msg("err.date_for", name=self.r.shown_label(ws, cell, CAMPAIGN_COLUMNS[2])),
            describe(raw),
            hint,
        )

    def recent(self, ws: Worksheet, cell: Cell, date: dt.date) -> dt.date:
        """A campaign date from 2000 on: an earlier one is a number typed in a date cell (12
        shows as 12/01/1900)."""
        if date.year < MIN_CAMPAIGN_YEAR:
            raise self.error(
                ws,
                cell,
                msg("plan.err.campaign_year", year=MIN_CAMPAIGN_YEAR),
                msg("err.found.date", value=date.isoformat()),
                msg("plan.err.hint.number_as_date"),
            )
        return date

    def conventions(self) -> Conventions:
        if not self.r.has_sheet(CONVENTIONS_SHEET):
            return Conventions()
        ws = self.r.sheet(CONVENTIONS_SHEET)
        cells = self.r.parameter_cells(ws, CONVENTION_PARAMETERS)
        p = {
            spec.key: self.r.value(ws, cells.get(spec.key), spec) for spec in CONVENTION_PARAMETERS
        }
        tables = [self.r.table(ws, columns) for _, columns in _CONVENTION_TABLES]
        headers = sorted(header_row for _, header_row in tables)
        structure = {
            normalised(label)
            for title, columns in _CONVENTION_TABLES
            for key in (title, *(spec.key + ".help" for spec in columns))
            for label in i18n.all_labels(key)
        }
        rows: list[list[Row]] = []
        for (_, columns), (index, header_row) in zip(_CONVENTION_TABLES, tables, strict=True):
            end = min((h - 1 for h in headers if h > header_row), default=ws.max_row)
            found = self.section_rows(ws, index, header_row, end, structure)
            rows.append(self.table_rows(ws, columns, found))
        return Conventions(
            active_months=p[_P + "conventions.active_months"],
            inactive_months=p[_P + "conventions.inactive_months"],
            caps=self.caps(ws, rows[0]),
            opt_in=self.opt_in(ws, rows[1]),
            senders=self.senders(ws, rows[2]),
        )

    def section_rows(
        self,
        ws: Worksheet,
        index: dict[str, int],
        header_row: int,
        end: int,
        structure: set[str],
    ) -> Iterator[dict[str, Cell]]:
        """The filled rows of one of the Conventions tables: up to the next table's header, its
        title or its help row."""
        for row in ws.iter_rows(min_row=header_row + 1, max_row=max(end, header_row)):
            first = row[0].value
            if isinstance(first, str) and normalised(first) in structure:
                break
            cells = {key: row[col - 1] for key, col in index.items() if col - 1 < len(row)}
            if any(not is_blank(c.value) for c in cells.values()):
                yield cells

    def caps(self, ws: Worksheet, rows: list[Row]) -> tuple[PressureCap, ...]:
        segment, week, month = (spec.key for spec in CAP_COLUMNS)
        seen: dict[str, Cell] = {}
        caps: list[PressureCap] = []
        for row in rows:
            name = self.segment(row.v[segment], ALL_SEGMENTS) or ALL_SEGMENTS
            shown = Quoted(_segment_label(name, self.r.lang) or name)
            self.unique(ws, row.cells[segment], name, seen, msg("plan.err.what.cap"), shown)
            caps.append(PressureCap(name, row.v[week], row.v[month]))
        return tuple(caps)

    def opt_in(self, ws: Worksheet, rows: list[Row]) -> tuple[OptInRule, ...]:
        channel, rule, notes = (spec.key for spec in OPT_IN_COLUMNS)
        seen: dict[str, Cell] = {}
        rules: list[OptInRule] = []
        for row in rows:
            name = self.channel(row.v[channel])
            self.unique(ws, row.cells[channel], name, seen, msg("plan.err.what.opt_in"))
            rules.append(OptInRule(name, row.v[rule], row.v[notes] or ""))
        return tuple(rules)

    def senders(self, ws: Worksheet, rows: list[Row]) -> tuple[Sender, ...]:
        family, address, ip = (spec.key for spec in SENDER_COLUMNS)
        seen: dict[str, Cell] = {}
        senders: list[Sender] = []
        for row in rows:
            member: Family = row.v[family]
            self.unique(
                ws,
                row.cells[family],
                member.value,
                seen,
                msg("plan.err.what.sender"),
                Quoted(choice_label(member, self.r.lang)),
            )
            senders.append(Sender(member, row.v[address], row.v[ip] or ""))
        return tuple(senders)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- workshop: saving the journey back ---------------------------------------------------------


def save_journey(path: Path, journey: Journey, *, backup_dir: Path | None = None) -> Msg:
    """Rewrite the six journey sheets of the workbook at ``path`` (Stages, Channels, Segments,
    Touchpoints, Personas, Paths) with ``journey``: the values of their table rows, leftover
    rows cleared, keeping every other sheet, cell, style, comment, drop-down and defined name.
    A workbook made before these sheets existed gets them, as the template makes them.

    Saved by :func:`~crmwb.workbook.save.save_client_workbook`: refused, with nothing written,
    when the workbook is open elsewhere, read-only, or would lose what the consultant added;
    the previous file is copied to ``backups/`` in the client folder (or ``backup_dir``).
    Returns what was done, in a sentence (a message: written in the reader's language). Errors
    are written in the workbook's language.
    """
    path = Path(path)
    reader = read_workbook(path)  # raises: no such file, or not a workbook
    lang = sheet_language(reader)
    check_writable(path, lang)
    rows = _journey_rows(journey, lang)
    layout: dict[str, tuple[str, dict[str, int], int] | None] = {}
    for table in JOURNEY_TABLES:
        if reader.has_sheet(table.sheet):
            ws = reader.sheet(table.sheet)
            index, header_row = reader.table(ws, table.columns)
            layout[table.sheet] = (ws.title, index, header_row)
        else:
            layout[table.sheet] = None
    lists_title = reader.sheet("sheet.lists").title if reader.has_sheet("sheet.lists") else None

    wb = load_workbook(path)  # formulas kept: only the values of these sheets' rows change
    _ensure_lists(wb, lang, lists_title)
    later = [table.sheet for table in (*JOURNEY_TABLES, *PLAN_TABLES)]
    later_titles = {
        key: {label.casefold() for label in i18n.all_labels(key)}
        for key in (*later, CONVENTIONS_SHEET)
    }
    for position, table in enumerate(JOURNEY_TABLES):
        found = layout[table.sheet]
        if found is None:
            write_table_sheet(
                wb,
                table,
                lang,
                rows[table.sheet],
                _insert_at(wb, later[position + 1 :], later_titles),
            )
            continue
        title, index, header_row = found
        _rewrite(wb[title], table, index, header_row, rows[table.sheet])
    backup = save_client_workbook(wb, path, lang, backup_dir=backup_dir)
    where = backup.relative_to(path.parent) if backup.is_relative_to(path.parent) else backup
    return msg(
        "journey.saved",
        counts=journey_counts(journey, paths=True),
        file=path.name,
        backup=str(where),
    )


def _ensure_lists(wb: Workbook, lang: Lang, lists_title: str | None) -> None:
    """The drop-down lists of these sheets, added to a workbook made before them."""
    missing = [
        enum for enum in JOURNEY_CHOICES if f"list_{JOURNEY_CHOICES[enum]}" not in wb.defined_names
    ]
    if not missing:
        return
    if lists_title is None:
        ws = wb.create_sheet(t("sheet.lists", lang))
        ws.sheet_state = "hidden"
    else:
        ws = wb[lists_title]
    for enum in missing:
        name = f"list_{choice_prefixes()[enum]}"
        col = ws.max_column + 1 if ws.max_row > 1 or ws["A1"].value is not None else 1
        letter = get_column_letter(col)
        ws.cell(row=1, column=col, value=name)
        values = [choice_label(member, lang) for member in enum]
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=value)
        ref = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)


def _insert_at(wb: Workbook, later: Sequence[str], titles: dict[str, set[str]]) -> int:
    """Where a missing journey sheet goes: before the first of the sheets that follow it in the
    template, or at the end."""
    for key in (*later, CONVENTIONS_SHEET):
        for position, ws in enumerate(wb.worksheets):
            if ws.title.strip().casefold() in titles[key]:
                return position
    return len(wb.worksheets)


def _rewrite(
    ws: Worksheet,
    table: TableSheet,
    index: dict[str, int],
    header_row: int,
    rows: Sequence[Sequence[Any]],
) -> None:
    """The table's rows replaced by ``rows``, in the sheet's own columns; the rows left below
    cleared (values only: their formats and drop-downs stay)."""
    positions = [index[spec.key] for spec in table.columns]
    last = ws.max_row
    for offset, values in enumerate(rows):
        write_values(ws, header_row + 1 + offset, table.columns, values, positions)
    for row in range(header_row + 1 + len(rows), last + 1):
        for column in positions:
            ws.cell(row=row, column=column).value = None


def programme_names(reader: WorkbookReader) -> Names:
    """The Programmes sheet's names, as typed: a programme named elsewhere (a use case, a KPI,
    an action) is matched to their spelling, not checked against them."""
    if not reader.has_sheet(PROGRAMMES.sheet):
        return Names()
    ws = reader.sheet(PROGRAMMES.sheet)
    try:
        index, header_row = reader.table(ws, PROGRAMMES.columns)
    except WorkbookError:
        return Names()
    key = PROGRAMMES.columns[0].key
    return Names(
        str(cells[key].value).strip()
        for cells in reader.rows(ws, index, header_row)
        if not is_blank(cells[key].value)
    )
