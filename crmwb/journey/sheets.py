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

import re
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import (
    CrmwbError,
    InputError,
    Msg,
    Quoted,
    Text,
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
)
from crmwb.journey.model import (
    Path as PersonaPath,
)
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import Field, describe, normalised
from crmwb.workbook.reader import WorkbookReader, in_workbook_language
from crmwb.workbook.tables import (
    Lookup,
    Names,
    Row,
    SheetReader,
    TableSheet,
    has_rows,
    joined,
    split_names,
    text_field,
    write_table_sheet,
)

# --- the vocabulary ----------------------------------------------------------------------------

JOURNEY_CHOICES: dict[type[StrEnum], str] = {
    Perception: "perception",
}
"""The drop-down lists of these sheets: enum -> prefix of its labels in i18n (a list on the
hidden Lists sheet each, named ``list_<prefix>``)."""

ALL_SEGMENTS_WRITTEN = frozenset(
    normalised(text)
    for text in (ALL_SEGMENTS, *i18n.all_labels("journey_sheet.all"), "toutes", "tout")
)
"""What a Segment cell says for every segment (an empty cell says it too, but on Scenarios)."""


STAGE_NAMES = "stage_names"
CHANNEL_NAMES = "channel_names"
SEGMENT_NAMES = "segment_names"
TOUCHPOINT_IDS = "touchpoint_ids"
PERSONA_NAMES = "persona_names"

# --- the layout, shared by the writer and the reader -------------------------------------------

_J = "journey_sheet."


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
JOURNEY_TABLES: tuple[TableSheet, ...] = (STAGES, CHANNELS, SEGMENTS, TOUCHPOINTS, PERSONAS, PATHS)
"""The six journey sheets, in the workbook's order (the ones :func:`save_journey` rewrites)."""


# --- writing -----------------------------------------------------------------------------------


def write_journey_sheets(wb: Workbook, lang: Lang, journey: Journey | None = None) -> None:
    """Add the six journey sheets to ``wb`` (which has its Lists sheet): empty, with help,
    drop-downs and checks, when ``journey`` is None, else filled with it."""
    rows = journey_rows(journey, lang) if journey is not None else {}
    for table in JOURNEY_TABLES:
        write_table_sheet(wb, table, lang, rows.get(table.sheet, []))


def segment_label(segment: str | None, lang: Lang) -> str | None:
    if segment is None:
        return None
    return t("journey_sheet.all", lang) if segment == ALL_SEGMENTS else segment


def journey_rows(journey: Journey, lang: Lang) -> dict[str, list[tuple[Any, ...]]]:
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
                segment_label(tp.segment, lang),
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
            (p.name, segment_label(p.segment, lang), p.description or None)
            for p in journey.personas
        ],
        PATHS.sheet: [
            (path.persona, step, touchpoint)
            for path in journey.paths
            for step, touchpoint in enumerate(path.touchpoints, start=1)
        ],
    }


# --- reading -----------------------------------------------------------------------------------


@in_workbook_language
def has_journey(reader: WorkbookReader) -> bool:
    """The workbook has a Stages sheet with at least one stage (the template's has none)."""
    return has_rows(reader, STAGES)


@in_workbook_language
def read_journey(reader: WorkbookReader) -> Journey:
    """Read and check the journey sheets of an open workbook. Stages and Channels are required
    (at least one stage); Segments, Touchpoints, Personas and Paths may be missing (nothing of
    them). Raises :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the
    cell."""
    return _JourneyReader(reader).read()


def error_noun(noun: str) -> Msg:
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
            self.unique(ws, row.cells[key], row.v[key], seen, error_noun(what))
        if required and what == "stage" and not rows:
            raise self.none_error(ws, header_row, column, error_noun(what))
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
            if normalised(name) in ALL_SEGMENTS_WRITTEN:
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
                        error_noun("channel"),
                        CHANNELS.sheet,
                    ),
                    stages=self.names_in(
                        ws,
                        row.cells[c[3].key],
                        row.v[c[3].key],
                        stages,
                        error_noun("stage"),
                        STAGES.sheet,
                    ),
                )
            )
        return tuple(segments)

    def segment(self, ws: Worksheet, cell: Cell, text: str | None, segments: Names) -> str:
        """A Segment cell: empty or "all" / "tous" for every segment, else a segment of the
        Segments sheet (any text when it has none)."""
        if not text or normalised(text) in ALL_SEGMENTS_WRITTEN:
            return ALL_SEGMENTS
        if not segments:
            return text
        return self.known(ws, cell, text, segments, error_noun("segment_or_all"), SEGMENTS.sheet)

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
            self.unique(ws, cells[k[0]], tp_id, seen, error_noun("touchpoint_id"))
            touchpoints.append(
                Touchpoint(
                    id=tp_id,
                    stage=self.known(
                        ws, cells[k[1]], v[k[1]], stages, error_noun("stage"), STAGES.sheet
                    ),
                    channel=self.known(
                        ws, cells[k[2]], v[k[2]], channels, error_noun("channel"), CHANNELS.sheet
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
                error_noun("persona"),
                PERSONAS.sheet,
            )
            tp_id = self.known(
                ws,
                row.cells[tp_key],
                row.v[tp_key],
                touchpoints,
                error_noun("touchpoint"),
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


# --- workshop: saving the journey back ---------------------------------------------------------
