"""The journey workshop: ipywidgets forms that capture the customer journey with the client,
live.

:class:`JourneyEditor` holds forms for stages, channels, segments, touchpoints (drop-downs for
the perception, sliders for emotion, importance and performance), personas and their paths;
the journey grid redrawn at every change, undo, and "save to workbook"
(:func:`crmwb.journey.saving.save_journey`: only the journey sheets are rewritten, after a
backup). The edits are plain functions (:func:`put_stage`, :func:`put_touchpoint` ...).

What the consultant typed is what a click saves: the boxes send every keystroke, and the
buttons' and drop-downs' actions wait for the values sent before them
(:mod:`crmwb.workshop.gestures` says why a browser can otherwise deliver the click first).

Everything is driven from tests by setting widget values and clicking buttons, no browser.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path as FilePath
from typing import Any

from crmwb.core.errors import CrmwbError, Msg, Quoted, Text, msg, render
from crmwb.core.i18n import quoted
from crmwb.deliver.views import Chart, Context
from crmwb.journey.model import (
    ALL_SEGMENTS,
    Channel,
    Journey,
    Path,
    Perception,
    Persona,
    Segment,
    Stage,
    Touchpoint,
)
from crmwb.journey.sheets import has_journey, read_journey
from crmwb.workbook.about import read_about
from crmwb.workshop.gestures import AfterPause, Gestures

NEW = "(new)"
"""The value of the first entry of every "edit" drop-down (shown as « (nouveau) »): fill the
fields to add an item."""

WORKSHOP_CLASS = "crmwb-workshop"
"""The CSS class of the workshop's outer box, which its style rules are scoped to."""

GRID_HEIGHT = "44vh"
"""The grid's greatest height, a share of the window's: on a 1280x720 projector, the touchpoint
form and the whole grid show together (the grid scaled down to fit; never wider than the
notebook either)."""

WORKSHOP_STYLE = f"""<style>
.{WORKSHOP_CLASS} {{ --jp-widgets-container-padding: 8px; }}
.{WORKSHOP_CLASS} img.crmwb-grid {{
  display: block; max-width: 100%; max-height: {GRID_HEIGHT}; width: auto; height: auto;
}}
</style>"""
"""The workshop's own style: tighter forms, the grid fitted to the notebook's width and to the
window's height."""

EM_PER_CHARACTER, LABEL_PADDING = 0.6, 1.0
"""Width of a character of the widgets' labels, in em: above the average of a sans serif
font's letters (DejaVu Sans, the widest of the usual ones: 0.54 for « Données collectées »,
0.63 for « Nom »), plus room for the label's margin, so that no label is ever cut."""


def label_width(labels: Sequence[str]) -> str:
    """The width, as CSS, that fits the longest of ``labels``.

    >>> label_width(["Nom", "Données collectées"])
    '11.8em'
    """
    longest = max((len(label) for label in labels), default=0)
    return f"{longest * EM_PER_CHARACTER + LABEL_PADDING:.1f}em"


def form_grid(rows: Sequence[Sequence[Any]]) -> Any:
    """The fields of a form in a grid as wide as the notebook: a row per line of ``rows``, a
    field alone on its line across the whole width; each column's labels as wide as its longest
    (aligned, none cut), each field filling the rest of its cell."""
    import ipywidgets as w

    columns = max(len(row) for row in rows)
    widths = [
        label_width([row[c].description for row in rows if len(row) > c]) for c in range(columns)
    ]
    # each field placed by a named area (the grid's ``grid_row`` and ``grid_column`` do not
    # reach the page: jupyter-widgets/ipywidgets#2334); a field alone spans every column, a
    # shorter line leaves its last cells empty
    areas, cells = [], []
    for r, row in enumerate(rows):
        names = [f"f{r}_{c}" for c in range(len(row))]
        line = names * columns if len(row) == 1 else names + ["."] * (columns - len(row))
        areas.append('"' + " ".join(line) + '"')
        for c, field in enumerate(row):
            cell = field
            if isinstance(field, w.TagsInput):  # its description is not drawn: a label beside
                label = w.HTML(
                    f"<div style='text-align: right'>{html.escape(field.description)}</div>",
                    layout=w.Layout(width=widths[c], flex="0 0 auto", margin="0 8px 0 0"),
                )
                field.layout.flex = "1 1 auto"
                cell = w.HBox([label, field], layout=w.Layout(align_items="center"))
            else:
                field.style.description_width = widths[c]
            cell.layout.width = "auto"
            cell.layout.grid_area = names[c]
            cells.append(cell)
    return w.GridBox(
        cells,
        layout=w.Layout(
            grid_template_columns=f"repeat({columns}, minmax(0, 1fr))",
            grid_template_areas="\n".join(areas),
            grid_gap="2px 16px",
            width="100%",
        ),
    )


def _renamed(names: Sequence[str], old: str, new: str) -> tuple[str, ...]:
    return tuple(new if name == old else name for name in names)


def put_stage(journey: Journey, old: str | None, stage: Stage) -> Journey:
    """``journey`` with ``stage`` added at the end (``old`` None) or replacing the stage
    ``old`` in place; a rename carries over to its touchpoints and segments."""
    stages = list(journey.stages)
    if old is None:
        stages.append(stage)
        return replace(journey, stages=tuple(stages))
    stages[journey.stage_names.index(old)] = stage
    return replace(
        journey,
        stages=tuple(stages),
        touchpoints=tuple(
            replace(tp, stage=stage.name) if tp.stage == old else tp for tp in journey.touchpoints
        ),
        segments=tuple(
            replace(s, stages=_renamed(s.stages, old, stage.name)) for s in journey.segments
        ),
    )


def put_channel(journey: Journey, old: str | None, channel: Channel) -> Journey:
    """As :func:`put_stage`, for a channel."""
    channels = list(journey.channels)
    if old is None:
        channels.append(channel)
        return replace(journey, channels=tuple(channels))
    channels[journey.channel_names.index(old)] = channel
    return replace(
        journey,
        channels=tuple(channels),
        touchpoints=tuple(
            replace(tp, channel=channel.name) if tp.channel == old else tp
            for tp in journey.touchpoints
        ),
        segments=tuple(
            replace(s, channels=_renamed(s.channels, old, channel.name)) for s in journey.segments
        ),
    )


def put_segment(journey: Journey, old: str | None, segment: Segment) -> Journey:
    """As :func:`put_stage`, for a segment (a rename carries over to touchpoints, personas)."""
    segments = list(journey.segments)
    if old is None:
        segments.append(segment)
        return replace(journey, segments=tuple(segments))
    segments[[s.name for s in journey.segments].index(old)] = segment
    return replace(
        journey,
        segments=tuple(segments),
        touchpoints=tuple(
            replace(tp, segment=segment.name) if tp.segment == old else tp
            for tp in journey.touchpoints
        ),
        personas=tuple(
            replace(p, segment=segment.name) if p.segment == old else p for p in journey.personas
        ),
    )


def put_touchpoint(journey: Journey, old: str | None, touchpoint: Touchpoint) -> Journey:
    """As :func:`put_stage`, for a touchpoint (a new id carries over to the paths)."""
    touchpoints = list(journey.touchpoints)
    if old is None:
        touchpoints.append(touchpoint)
        return replace(journey, touchpoints=tuple(touchpoints))
    touchpoints[[tp.id for tp in journey.touchpoints].index(old)] = touchpoint
    return replace(
        journey,
        touchpoints=tuple(touchpoints),
        paths=tuple(
            replace(p, touchpoints=_renamed(p.touchpoints, old, touchpoint.id))
            for p in journey.paths
        ),
    )


def put_persona(
    journey: Journey, old: str | None, persona: Persona, path: Sequence[str]
) -> Journey:
    """``journey`` with ``persona`` added or replacing ``old``, and its path set to the
    touchpoint ids ``path`` (no path when empty)."""
    personas = list(journey.personas)
    if old is None:
        personas.append(persona)
    else:
        personas[[p.name for p in journey.personas].index(old)] = persona
    paths = [p for p in journey.paths if p.persona not in (old, persona.name)]
    if path:
        paths.append(Path(persona.name, tuple(path)))
    return replace(journey, personas=tuple(personas), paths=tuple(paths))


def remove_item(journey: Journey, kind: str, name: str) -> Journey:
    """``journey`` without the stage, channel, segment, touchpoint or persona ``name``. A stage
    or channel still holding touchpoints is refused by the journey's own checks (the form says
    so); a touchpoint leaves the paths through it, a persona takes its path along."""
    if kind == "stage":
        return replace(journey, stages=tuple(s for s in journey.stages if s.name != name))
    if kind == "channel":
        return replace(journey, channels=tuple(c for c in journey.channels if c.name != name))
    if kind == "segment":
        return replace(journey, segments=tuple(s for s in journey.segments if s.name != name))
    if kind == "touchpoint":
        return replace(
            journey,
            touchpoints=tuple(tp for tp in journey.touchpoints if tp.id != name),
            paths=tuple(
                replace(p, touchpoints=tuple(i for i in p.touchpoints if i != name))
                for p in journey.paths
                if set(p.touchpoints) != {name}
            ),
        )
    if kind == "persona":
        return replace(
            journey,
            personas=tuple(p for p in journey.personas if p.name != name),
            paths=tuple(p for p in journey.paths if p.persona != name),
        )
    raise ValueError(kind)


def names_of(journey: Journey, kind: str) -> tuple[str, ...]:
    """The names (touchpoints: the ids) of the journey's items of ``kind``."""
    if kind == "stage":
        return journey.stage_names
    if kind == "channel":
        return journey.channel_names
    if kind == "segment":
        return tuple(s.name for s in journey.segments)
    if kind == "touchpoint":
        return tuple(tp.id for tp in journey.touchpoints)
    if kind == "persona":
        return tuple(p.name for p in journey.personas)
    raise ValueError(kind)


def still_used(journey: Journey, kind: str, name: str) -> Msg | None:
    """Why the ``kind`` item ``name`` cannot be removed yet, in the consultant's words (the
    touchpoints still on a stage, the segments covering only some channels, among them this
    one ...), or None when nothing holds it."""
    what = Quoted(name)
    if kind in ("stage", "channel"):
        on_it = [tp.id for tp in journey.touchpoints if getattr(tp, kind) == name]
        if on_it:
            ids = ", ".join(on_it)
            return msg(f"workshop.in_use.{kind}.touchpoints", count=len(on_it), name=what, ids=ids)
        covering = [
            Quoted(s.name)
            for s in journey.segments
            if name in (s.stages if kind == "stage" else s.channels)
        ]
        if covering:
            return msg(
                f"workshop.in_use.{kind}.segments",
                count=len(covering),
                name=what,
                segments=tuple(covering),
            )
    if kind == "segment":
        served = [tp.id for tp in journey.touchpoints if tp.segment == name]
        if served:
            ids = ", ".join(served)
            return msg("workshop.in_use.segment.touchpoints", count=len(served), name=what, ids=ids)
        members = [Quoted(p.name) for p in journey.personas if p.segment == name]
        if members:
            return msg(
                "workshop.in_use.segment.personas",
                count=len(members),
                name=what,
                personas=tuple(members),
            )
    return None


def next_touchpoint_id(journey: Journey) -> str:
    """The next free id of the "T01" kind.

    >>> next_touchpoint_id(Journey((), ()))
    'T01'
    """
    taken = {tp.id for tp in journey.touchpoints}
    number = len(taken) + 1
    while f"T{number:02d}" in taken:
        number += 1
    return f"T{number:02d}"


class JourneyEditor:
    """The journey workshop: forms to add and edit stages, channels, segments, touchpoints,
    personas and their paths, the journey grid redrawn at every change, undo of the last
    change, and "save to workbook" (``on_save``, bound by :func:`journey_editor` to
    :func:`crmwb.journey.saving.save_journey`).

    Every change goes through :meth:`apply`: the new journey is checked by
    :class:`~crmwb.journey.model.Journey` itself, so a touchpoint on a stage that does not exist or
    a path through an unknown touchpoint is refused with the reason in :attr:`status`, and the
    journey stays as it was. Edits of an existing touchpoint apply as the consultant moves the
    sliders, or pauses in typing; consecutive edits of the same touchpoint make one undo step.

    A click on a button, or a choice in an "edit" drop-down, acts a moment later
    (:class:`~crmwb.workshop.gestures.Gestures`), once the values typed before it have reached
    the kernel, and after applying a touchpoint edit still waiting for a pause in typing: what
    the form shows is what is added, saved or undone. The buttons are :attr:`add_buttons` and
    :attr:`remove_buttons` by form ("stage", "channel", "segment", "touchpoint", "persona"),
    :attr:`undo_button` and :attr:`save_button`.
    """

    def __init__(
        self,
        journey: Journey,
        ctx: Context,
        on_save: Callable[[Journey], Text] | None = None,
    ) -> None:
        import ipywidgets as w

        self.journey = journey
        self.ctx = ctx
        self._on_save = on_save
        self._history: list[tuple[Journey, tuple[str, str] | None]] = []
        self._filling = False
        self._error_shown = False  # the status line says what went wrong
        self._shown_touchpoint: str | None = None  # the touchpoint the form's fields hold
        # what is typed in a touchpoint's boxes applies once the typing pauses (``typing``);
        # a gesture applies what still waits, once the values sent before it have arrived
        self.typing = AfterPause(self._touchpoint_edited)
        self.gestures = Gestures(before=self.typing.flush)
        self.add_buttons: dict[str, Any] = {}
        self.remove_buttons: dict[str, Any] = {}
        self.status = w.HTML()
        self.chart = w.HTML()
        self.redraws = 0
        say = ctx.t

        def label(key: str) -> str:
            return say(f"workshop.field.{key}")

        fields: list[Any] = []  # every widget whose value the browser sends

        def text(key: str, placeholder: str = "", **kw: Any) -> Any:
            # every keystroke is sent: the kernel has what the box shows, whether or not the
            # consultant left the box before clicking (see crmwb.workshop.gestures)
            box = w.Text(
                description=label(key),
                placeholder=say(placeholder) if placeholder else "",
                continuous_update=True,
                **kw,
            )
            fields.append(box)
            return box

        def dropdown(key: str, **kw: Any) -> Any:
            choice = w.Dropdown(description=label(key), **kw)
            fields.append(choice)
            return choice

        def button(key: str, icon: str, clicked: Callable[[], None]) -> Any:
            # as wide as its words: nothing cut
            b = w.Button(
                description=say(f"workshop.{key}"), icon=icon, layout=w.Layout(width="auto")
            )
            b.on_click(lambda _b: clicked())
            return b

        def pick_list(key: str, placeholder: str) -> Any:
            # names chosen among those of the journey (typed with completion, or picked),
            # in order: a name that does not exist cannot be entered
            tags = w.TagsInput(
                description=label(key), placeholder=say(placeholder), allow_duplicates=False
            )
            fields.append(tags)
            return tags

        # stages, channels, segments: a name, a description (segments: channels, stages)
        self.stage_select = dropdown("stage")
        self.stage_name, self.stage_description = text("name"), text("description")
        self.channel_select = dropdown("channel")
        self.channel_name, self.channel_description = text("name"), text("description")
        self.segment_select = dropdown("segment")
        self.segment_name, self.segment_description = text("name"), text("description")
        self.segment_channels = pick_list("channels", "workshop.field.every_channel")
        self.segment_stages = pick_list("stages", "workshop.field.every_stage")
        # touchpoints
        self.touchpoint_select = dropdown("touchpoint")
        self.tp_id = text("id")
        self.tp_stage = dropdown("stage")
        self.tp_channel = dropdown("channel")
        self.tp_description = text("description")
        self.tp_segment = dropdown("segment")
        self.tp_perception = dropdown(
            "perception",
            options=[(say(f"jc.perception.{p.value}"), p.value) for p in Perception],
            value=None,
        )
        self.tp_emotion = w.IntSlider(description=label("emotion"), min=-2, max=2, value=0)
        self.tp_importance = w.IntSlider(description=label("importance"), min=1, max=5, value=3)
        # « non notée », then 1 to 5: one control, the touchpoint's performance or none
        self.tp_performance = w.SelectionSlider(
            description=label("performance"),
            options=[(say("workshop.field.not_rated"), 0), *((str(n), n) for n in range(1, 6))],
            value=0,
        )
        self.tp_data = text("data")
        self.tp_collection = text("collected_by")
        self.tp_owner = text("owner")
        at_once = (
            self.tp_stage,
            self.tp_channel,
            self.tp_segment,
            self.tp_perception,
            self.tp_emotion,
            self.tp_importance,
            self.tp_performance,
        )
        for field in at_once:
            field.observe(lambda _change: self._touchpoint_edited(), names="value")
        # a keystroke applied and the grid redrawn at each would be one redraw per letter
        typed = (self.tp_description, self.tp_data, self.tp_collection, self.tp_owner)
        for field in typed:
            field.observe(lambda _change: self._touchpoint_typed(), names="value")
        # personas and their paths
        self.persona_select = dropdown("persona")
        self.persona_name, self.persona_description = text("name"), text("description")
        self.persona_segment = dropdown("segment")
        self.persona_path = pick_list("path", "workshop.field.path_hint")

        # a value from the browser: the gestures waiting wait for the values behind it
        fields += [self.tp_emotion, self.tp_importance, self.tp_performance]
        for field in fields:
            field.observe(lambda _change: self._value_arrived(), names="value")

        selects = self._selects()
        for kind, select in selects.items():
            select.observe(lambda _change, kind=kind: self._chosen(kind), names="value")

        def form(
            kind: str, grids: Sequence[Sequence[Sequence[Any]]], save: Callable[[str | None], None]
        ) -> Any:
            self.add_buttons[kind] = button(
                "add_update", "check", lambda: self._clicked(kind, save)
            )
            self.remove_buttons[kind] = button(
                "remove", "trash", lambda: self._clicked(kind, lambda old: self._remove(kind, old))
            )
            buttons = w.HBox([self.add_buttons[kind], self.remove_buttons[kind]])
            return w.VBox([*(form_grid(rows) for rows in grids), buttons])

        tabs = w.Tab(
            children=[
                form(
                    "stage",
                    [[[self.stage_select, self.stage_name], [self.stage_description]]],
                    self._save_stage,
                ),
                form(
                    "channel",
                    [[[self.channel_select, self.channel_name], [self.channel_description]]],
                    self._save_channel,
                ),
                form(
                    "segment",
                    [
                        [
                            [self.segment_select, self.segment_name],
                            [self.segment_description],
                            [self.segment_channels],
                            [self.segment_stages],
                        ]
                    ],
                    self._save_segment,
                ),
                form(
                    "touchpoint",
                    [
                        [
                            [self.touchpoint_select, self.tp_id, self.tp_segment],
                            [self.tp_stage, self.tp_channel, self.tp_perception],
                            [self.tp_description],
                        ],
                        # the ratings, then the data collected: each line with labels of its
                        # own (the longest labels above would leave the sliders too little room)
                        [[self.tp_emotion, self.tp_importance, self.tp_performance]],
                        [[self.tp_data, self.tp_collection, self.tp_owner]],
                    ],
                    self._save_touchpoint,
                ),
                form(
                    "persona",
                    [
                        [
                            [self.persona_select, self.persona_name, self.persona_segment],
                            [self.persona_description],
                            [self.persona_path],
                        ]
                    ],
                    self._save_persona,
                ),
            ]
        )
        for i, tab in enumerate(["stages", "channels", "segments", "touchpoints", "personas"]):
            tabs.set_title(i, say(f"workshop.tab.{tab}"))
        self.undo_button = button("undo", "undo", lambda: self.gestures.later(self.undo))
        self.save_button = button("save", "save", lambda: self.gestures.later(self.save))
        self.save_button.button_style = "primary"
        actions = w.HBox(
            [self.undo_button, self.save_button, self.status],
            layout=w.Layout(align_items="center"),
        )
        style = w.HTML(WORKSHOP_STYLE, layout=w.Layout(display="none"))
        self.widget = w.VBox([style, tabs, actions, self.chart])
        self.widget.add_class(WORKSHOP_CLASS)
        self._refresh()
        for kind in selects:  # the forms of new items start blank, with their defaults
            if self._selected(selects[kind]) is None:
                self._fill(kind)

    # -- changing the journey --

    def apply(
        self, change: Callable[[Journey], Journey], coalesce: tuple[str, str] | None = None
    ) -> bool:
        """Apply ``change`` to the journey; on an invalid result, say why and keep the journey.
        ``coalesce`` names the item edited live: consecutive edits of one item are one undo
        step. Returns whether the change was applied."""
        try:
            new = change(self.journey)
        except CrmwbError as exc:
            self._say(exc.message(self.ctx.lang), error=True)
            return False
        except ValueError as exc:
            self._say(str(exc), error=True)
            return False
        if new == self.journey:
            return True
        if coalesce is None or not self._history or self._history[-1][1] != coalesce:
            self._history.append((self.journey, coalesce))
        self.journey = new
        self._say("")
        self._refresh()
        return True

    def undo(self) -> None:
        """Back to the journey before the last change."""
        if not self._history:
            self._say(self.ctx.t("workshop.nothing_to_undo"))
            return
        self.journey, _ = self._history.pop()
        self._say(self.ctx.t("workshop.undone"))
        self._refresh()

    def save(self) -> None:
        """Hand the journey to the save callback and show what it says (or its error)."""
        if self._on_save is None:
            self._say(self.ctx.t("workshop.no_workbook"), error=True)
            return
        try:
            self._say(render(self._on_save(self.journey), self.ctx.lang))
        except CrmwbError as exc:
            self._say(exc.message(self.ctx.lang), error=True)

    def save_stage(self) -> None:
        """Add the stage of the form, or update the one it edits."""
        self._save_stage(self._selected(self.stage_select))

    def save_channel(self) -> None:
        """Add the channel of the form, or update the one it edits."""
        self._save_channel(self._selected(self.channel_select))

    def save_segment(self) -> None:
        """Add the segment of the form, or update the one it edits."""
        self._save_segment(self._selected(self.segment_select))

    def save_touchpoint(self) -> None:
        """Add the touchpoint of the form, or update the one it edits."""
        self._save_touchpoint(self._selected(self.touchpoint_select))

    def save_persona(self) -> None:
        """Add the persona of the form, or update the one it edits, with its path."""
        self._save_persona(self._selected(self.persona_select))

    def remove(self, kind: str) -> None:
        """Remove the item selected in the ``kind`` form."""
        self._remove(kind, self._selected(self._selects()[kind]))

    # -- what the buttons do: ``old`` is the item the form edited when the button was clicked
    # (None: a new item), whatever was chosen in its drop-down since --

    def _save_stage(self, old: str | None) -> None:
        stage = Stage(self.stage_name.value.strip(), self.stage_description.value.strip())
        if self._named(stage.name, "stage"):
            self._put("stage", old, stage.name, lambda j: put_stage(j, old, stage))

    def _save_channel(self, old: str | None) -> None:
        channel = Channel(self.channel_name.value.strip(), self.channel_description.value.strip())
        if self._named(channel.name, "channel"):
            self._put("channel", old, channel.name, lambda j: put_channel(j, old, channel))

    def _save_segment(self, old: str | None) -> None:
        segment = Segment(
            self.segment_name.value.strip(),
            self.segment_description.value.strip(),
            channels=tuple(self.segment_channels.value),
            stages=tuple(self.segment_stages.value),
        )
        if self._named(segment.name, "segment"):
            self._put("segment", old, segment.name, lambda j: put_segment(j, old, segment))

    def _save_touchpoint(self, old: str | None) -> None:
        touchpoint = self._touchpoint()
        if touchpoint is not None:
            self._put(
                "touchpoint", old, touchpoint.id, lambda j: put_touchpoint(j, old, touchpoint)
            )

    def _save_persona(self, old: str | None) -> None:
        persona = Persona(
            self.persona_name.value.strip(),
            self.persona_segment.value or ALL_SEGMENTS,
            self.persona_description.value.strip(),
        )
        path = tuple(self.persona_path.value)
        if self._named(persona.name, "persona"):
            self._put("persona", old, persona.name, lambda j: put_persona(j, old, persona, path))

    def _remove(self, kind: str, name: str | None) -> None:
        if name is None:
            self._say(self.ctx.t(f"workshop.choose_to_remove.{kind}"), error=True)
            return
        blocker = still_used(self.journey, kind, name)
        if blocker is not None:
            self._say(render(blocker, self.ctx.lang), error=True)
            return
        self._put(kind, name, NEW, lambda j: remove_item(j, kind, name), done="removed")

    def _put(
        self,
        kind: str,
        old: str | None,
        then: str,
        change: Callable[[Journey], Journey],
        done: str = "",
    ) -> None:
        """Apply ``change`` to the item ``old`` of the ``kind`` form, and say it is done; the
        form then shows ``then``, unless another item was chosen in its drop-down since the
        click (the choice made last wins). A new name already taken is refused, saying so."""
        if then != NEW and then != old and then in names_of(self.journey, kind):
            self._say(self.ctx.t(f"workshop.exists.{kind}", name=self._quoted(then)), error=True)
            return
        select = self._selects()[kind]
        chosen_since = self._selected(select) != old
        if not self.apply(change):
            return
        done = done or ("added" if old is None else "updated")
        name = old if done == "removed" and old is not None else then
        self._say(self.ctx.t(f"workshop.{done}.{kind}", name=self._quoted(name)))
        if not chosen_since:
            self._select(select, then)

    def _clicked(self, kind: str, action: Callable[[str | None], None]) -> None:
        """A button of the ``kind`` form clicked: ``action`` on the item the form edits now,
        once the values typed before the click have arrived."""
        old = self._selected(self._selects()[kind])
        self.gestures.later(lambda: action(old))

    # -- the forms --

    def _touchpoint(self) -> Touchpoint | None:
        ident = self.tp_id.value.strip()
        if not self._named(ident, "touchpoint"):
            return None
        choices = (self.tp_stage, self.tp_channel, self.tp_perception)
        unchosen = [field.description for field in choices if not field.value]
        if unchosen:
            fields = ", ".join(unchosen)
            self._say(self.ctx.t("workshop.touchpoint_unchosen", fields=fields), error=True)
            return None
        try:
            return Touchpoint(
                id=ident,
                stage=self.tp_stage.value,
                channel=self.tp_channel.value,
                description=self.tp_description.value.strip(),
                perception=Perception(self.tp_perception.value),
                emotion=self.tp_emotion.value,
                importance=self.tp_importance.value,
                performance=self.tp_performance.value or None,
                segment=self.tp_segment.value or ALL_SEGMENTS,
                data_collected=self.tp_data.value.strip(),
                collection_point=self.tp_collection.value.strip(),
                owner=self.tp_owner.value.strip(),
            )
        except CrmwbError as exc:
            self._say(exc.message(self.ctx.lang), error=True)
            return None

    def _touchpoint_edited(self) -> None:
        """A field of the touchpoint form moved: the touchpoint the form shows changes at once
        (the one it was filled with: a choice in the drop-down fills the form a moment later,
        and a value typed before it still belongs to the touchpoint shown)."""
        old = self._shown_touchpoint
        if self._filling or old is None or old not in self._ids():
            return
        touchpoint = self._touchpoint()
        if touchpoint is not None and touchpoint.id == old:
            self.apply(lambda j: put_touchpoint(j, old, touchpoint), coalesce=("touchpoint", old))

    def _value_arrived(self) -> None:
        if not self._filling:
            self.gestures.arrived()
            if self._error_shown:  # the consultant is putting it right: the error goes
                self._say("")

    def _touchpoint_typed(self) -> None:
        """A box of the touchpoint form typed in: applied once the typing pauses."""
        if not self._filling:
            self.typing.poke()

    def _chosen(self, kind: str) -> None:
        """An item chosen in the ``kind`` form's drop-down: the form shows it once the values
        typed before the choice have arrived (they belong to the item shown before)."""
        if not self._filling:
            self.gestures.later(lambda: self._fill(kind))

    def _fill(self, kind: str) -> None:
        """Show the selected item's values in its form (a new item: blank fields)."""
        if self._filling:
            return
        self._filling = True
        try:
            j = self.journey
            show = self._show
            if kind == "stage":
                name = self._selected(self.stage_select)
                stage = j.stages[j.stage_names.index(name)] if name else Stage("")
                show(self.stage_name, stage.name)
                show(self.stage_description, stage.description)
            elif kind == "channel":
                name = self._selected(self.channel_select)
                channel = j.channels[j.channel_names.index(name)] if name else Channel("")
                show(self.channel_name, channel.name)
                show(self.channel_description, channel.description)
            elif kind == "segment":
                name = self._selected(self.segment_select)
                segment = next((s for s in j.segments if s.name == name), Segment(""))
                show(self.segment_name, segment.name)
                show(self.segment_description, segment.description)
                self.segment_channels.value = list(segment.channels)
                self.segment_stages.value = list(segment.stages)
            elif kind == "touchpoint":
                ident = self._selected(self.touchpoint_select)
                if ident is None:
                    # a new touchpoint starts blank: nothing of the one shown before
                    show(self.tp_id, next_touchpoint_id(j))
                    for box in (self.tp_description, self.tp_data, self.tp_collection):
                        show(box, "")
                    show(self.tp_owner, "")
                    self.tp_stage.value = self.tp_channel.value = None
                    self.tp_perception.value = None
                    self.tp_segment.value = ALL_SEGMENTS
                    self.tp_emotion.value, self.tp_importance.value = 0, 3
                    self.tp_performance.value = 0
                else:
                    tp = j.touchpoint(ident)
                    show(self.tp_id, tp.id)
                    show(self.tp_description, tp.description)
                    self.tp_stage.value, self.tp_channel.value = tp.stage, tp.channel
                    self.tp_segment.value = tp.segment
                    self.tp_perception.value = tp.perception.value
                    self.tp_emotion.value, self.tp_importance.value = tp.emotion, tp.importance
                    self.tp_performance.value = tp.performance or 0
                    show(self.tp_data, tp.data_collected)
                    show(self.tp_collection, tp.collection_point)
                    show(self.tp_owner, tp.owner)
                self._shown_touchpoint = ident
            elif kind == "persona":
                name = self._selected(self.persona_select)
                persona = next((p for p in j.personas if p.name == name), Persona(""))
                path = next((p for p in j.paths if p.persona == persona.name), None)
                show(self.persona_name, persona.name)
                self.persona_segment.value = persona.segment or ALL_SEGMENTS
                show(self.persona_description, persona.description)
                self.persona_path.value = list(path.touchpoints) if path else []
        finally:
            self._filling = False

    def _refresh(self) -> None:
        """New drop-down choices after a change, and the grid redrawn."""
        j = self.journey
        everyone = self.ctx.t("workshop.field.all_segments")
        segments = [(everyone, ALL_SEGMENTS), *((s.name, s.name) for s in j.segments)]
        self._filling = True
        try:
            for select, names in (
                (self.stage_select, j.stage_names),
                (self.channel_select, j.channel_names),
                (self.segment_select, [s.name for s in j.segments]),
                (self.touchpoint_select, [tp.id for tp in j.touchpoints]),
                (self.persona_select, [p.name for p in j.personas]),
            ):
                current = select.value
                select.options = [(self.ctx.t("workshop.new"), NEW), *((n, n) for n in names)]
                select.value = current if current in names else NEW
            for dropdown, choices in (
                (self.tp_stage, [(n, n) for n in j.stage_names]),
                (self.tp_channel, [(n, n) for n in j.channel_names]),
                (self.tp_segment, segments),
                (self.persona_segment, segments),
            ):
                current = dropdown.value
                dropdown.options = choices
                dropdown.value = current if current in {v for _, v in choices} else None
            for tags, names in (
                (self.segment_channels, j.channel_names),
                (self.segment_stages, j.stage_names),
                (self.persona_path, tuple(tp.id for tp in j.touchpoints)),
            ):
                tags.allowed_tags = list(names)
                tags.value = [name for name in tags.value if name in names]
        finally:
            self._filling = False
        # The forms editing an item show it as it now is (after an undo, a rename ...); a form
        # filling a new item keeps what the consultant typed.
        for kind, select in self._selects().items():
            if self._selected(select) is not None:
                self._fill(kind)
        if self._selected(self.touchpoint_select) is None and (
            not self.tp_id.value.strip() or self.tp_id.value.strip() in self._ids()
        ):
            self.tp_id.value = next_touchpoint_id(j)
        self._draw()

    @staticmethod
    def _show(box: Any, text: str) -> None:
        """``text`` in the ``box``, unless the box already says it (but for the spaces around):
        a box being typed in keeps the space typed last, which the saved value drops."""
        if box.value.strip() != text:
            box.value = text

    def _selects(self) -> dict[str, Any]:
        return {
            "stage": self.stage_select,
            "channel": self.channel_select,
            "segment": self.segment_select,
            "touchpoint": self.touchpoint_select,
            "persona": self.persona_select,
        }

    def _ids(self) -> set[str]:
        return {tp.id for tp in self.journey.touchpoints}

    def _draw(self) -> None:
        from crmwb.journey.charts import journey_grid
        from crmwb.journey.model import moments_of_truth

        self.redraws += 1
        if not self.journey.stages or not self.journey.channels:
            self.chart.value = f"<p><i>{html.escape(self.ctx.t('workshop.grid_empty'))}</i></p>"
            return
        moments = [m.touchpoint.id for m in moments_of_truth(self.journey)]
        figure = journey_grid(self.journey, self.ctx, moments)
        chart = Chart.of(figure, self.ctx.t("journey.chart.grid_alt"), self.ctx)
        data = base64.b64encode(chart.svg).decode("ascii")
        # fitted to the notebook's width and to the window's height (WORKSHOP_STYLE)
        self.chart.value = (
            f'<img class="crmwb-grid" src="data:image/svg+xml;base64,{data}"'
            f' alt="{html.escape(chart.alt)}"/>'
        )

    def _selected(self, select: Any) -> str | None:
        return None if select.value in (None, NEW) else str(select.value)

    def _select(self, select: Any, value: str) -> None:
        select.value = value
        self._fill_for(select)

    def _fill_for(self, select: Any) -> None:
        for kind, widget in self._selects().items():
            if widget is select:
                self._fill(kind)

    def _quoted(self, name: str) -> str:
        return quoted(name, self.ctx.lang)

    def _named(self, name: str, what: str) -> bool:
        if not name:
            self._say(self.ctx.t(f"workshop.name_missing.{what}"), error=True)
        return bool(name)

    def _say(self, message: str, *, error: bool = False) -> None:
        self._error_shown = error
        colour = "#C00000" if error else "#385723"
        self.status.value = f"<span style='color:{colour}'>{html.escape(message)}</span>"


def journey_editor(workbook: FilePath, ctx: Context | None = None) -> JourneyEditor:
    """The journey workshop on a client's workbook: started from its journey sheets (empty when
    the workbook has none yet) and saving back to them."""
    from crmwb.journey.saving import save_journey
    from crmwb.workbook.reader import read_workbook

    reader = read_workbook(workbook)
    journey = read_journey(reader) if has_journey(reader) else Journey((), ())
    context = ctx or Context.of(read_about(reader))

    def on_save(journey: Journey) -> Text:
        return save_journey(workbook, journey)

    return JourneyEditor(journey, context, on_save)
