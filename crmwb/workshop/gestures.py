"""The order in which a workshop's widgets reach the kernel: what the consultant typed is there
before the click that follows it.

A workshop is widgets in the browser whose values are sent to the kernel, one widget (one
"model") at a time. The browser's widget manager (ipywidgets 8) sends a widget's new value at
once, unless an earlier update of *that same widget* is still being handled by the kernel: then
it holds the new value back and sends it when the kernel reports the earlier one done ("idle").
A button's click is another widget's message and goes at once. So "type, then click" can reach
the kernel as "the first letters, the click, then the rest of the text", and the click's action
read the text as it was before. Measured with a browser typing a stage's name fast and clicking
"Add / update" at once: 3 tries in 30 lost the name with the boxes sending their value on
leaving them (the workshop before this module); 18 in 20 saved only its first letters with
every keystroke sent and the server 50 ms away; none in 20 with the actions waiting as below,
the server 50 or 100 ms away.

The value held back goes as soon as the kernel has finished the earlier update, which it did
before it took the click (one kernel handles its messages in turn): it arrives about one round
trip after (kernel -> browser -> kernel), whatever the kernel was busy with before; and what
was typed meanwhile is held back behind it, and comes a round trip after it. So a gesture's
action (:class:`Gestures`) runs on the kernel's event loop, which meanwhile handles the
messages that come in, once :data:`SETTLE_SECONDS` have passed since the gesture *and* since
the last value that came from the browser (at most :data:`LONGEST_WAIT_SECONDS` after the
gesture): the values first, then the action, in the order the gestures came. A fixed wait
after the click was not enough: with a core of this machine kept busy, 1 run in 6 of the
browser test saved a description without its last letter, which came in a second value held
back behind the first. Without a running event loop (a script or a test setting the widgets
itself) nothing can be in flight: the action runs at once.

What a gesture acts on is taken when it arrives (the item its form edits): a choice made in a
drop-down after the click does not change what the click does. What the boxes hold is read
when the action runs: text typed *after* the click, before it runs, would be taken as typed
before; a person needs longer than that to go from the button back to a box.

The boxes of a workshop send every keystroke (``continuous_update=True``), so that what a box
shows does not wait for the consultant to leave it (a browser or a tablet that does not move
the focus to the button it clicks). What a keystroke does that costs (a touchpoint's edit
applied live and the grid redrawn: 60 ms for 16 touchpoints, 100 ms for 40, and 30 to 50 KB sent
to the browser) waits for a pause in the typing (:class:`AfterPause`), and every gesture first
does what still waits.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from functools import partial

SETTLE_SECONDS = 0.25
"""How long a gesture's action waits for the values sent before it, after the gesture and
after each value. Measured in a real browser (a value held back reaching the kernel after the
click): up to 44 ms with the server on this machine and the browser busy drawing the previous
grid, 40 ms with a server 100 ms away (there and back), 137 ms with one 200 ms away. A quarter
of a second covers a server up to about 200 ms away, and a consultant does not notice it."""

LONGEST_WAIT_SECONDS = 2.0
"""The longest a gesture's action waits, however many values keep coming (a consultant who
goes on typing elsewhere does not hold the click back for ever)."""

TYPING_PAUSE_SECONDS = 0.5
"""The pause in typing after which what was typed is applied: a word typed at a normal pace
makes one change and one redraw, not one per letter."""


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop running in this thread: the kernel's, when a message from the browser is
    being handled; None in a script or a test driving the widgets itself."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def report_errors(action: Callable[[], None]) -> None:
    """Run ``action`` as a click handler runs: an error is shown as ipywidgets shows one (in the
    notebook's log, or logged), not lost in the event loop's own log."""
    from ipywidgets import CallbackDispatcher

    dispatcher = CallbackDispatcher()
    dispatcher.register_callback(action)
    dispatcher()


class Gestures:
    """The actions of a workshop's gestures (a click, a choice in a drop-down), in the order
    the gestures arrived, each once the values sent before it have arrived: ``settle`` seconds
    after its gesture, and ``settle`` seconds after the last value that came from the browser
    (:meth:`arrived`), but no later than ``longest`` seconds after its gesture. ``before`` runs
    before each action (what waits for a pause in typing).

    The values a browser held back come one after the other, each a round trip after the one
    before (a value held back while the previous one was in the kernel): the wait starts again
    with each, so a chain of them reaches the action however slow the browser was.

    >>> done = []
    >>> Gestures().later(lambda: done.append("saved"))  # no event loop: at once
    >>> done
    ['saved']
    """

    def __init__(
        self,
        settle: float = SETTLE_SECONDS,
        before: Callable[[], None] | None = None,
        longest: float = LONGEST_WAIT_SECONDS,
    ) -> None:
        self.settle = settle
        self.longest = longest
        self._before = before
        self._queue: deque[tuple[float, float, Callable[[], None]]] = deque()
        self._timer: asyncio.TimerHandle | None = None
        self._quiet_from = 0.0
        self._acting = False

    @property
    def waiting(self) -> int:
        """How many actions wait for their turn."""
        return len(self._queue)

    def arrived(self) -> None:
        """A value came from the browser: the actions waiting wait ``settle`` seconds more
        (what an action sets itself does not count)."""
        loop = running_loop()
        if loop is not None and not self._acting:
            self._quiet_from = loop.time() + self.settle

    def later(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the values sent before this gesture have arrived."""
        loop = running_loop()
        if loop is None:
            self._run(action)
            return
        now = loop.time()
        self._queue.append((now + self.settle, now + self.longest, action))
        self._schedule(loop)

    def _due(self) -> float:
        earliest, latest, _ = self._queue[0]
        return min(max(earliest, self._quiet_from), latest)

    def _schedule(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._timer is None and self._queue:
            self._timer = loop.call_at(self._due(), self._pump, loop)

    def _pump(self, loop: asyncio.AbstractEventLoop) -> None:
        self._timer = None
        while self._queue and self._due() <= loop.time():
            *_, action = self._queue.popleft()
            report_errors(partial(self._run, action))
        self._schedule(loop)

    def _run(self, action: Callable[[], None]) -> None:
        self._acting = True
        try:
            if self._before is not None:
                self._before()
            action()
        finally:
            self._acting = False


class AfterPause:
    """``action`` run once changes pause for ``seconds``: every :meth:`poke` starts the wait
    again; :meth:`flush` runs a waiting action now. Without a running event loop, every poke
    runs it at once.

    >>> counted = []
    >>> typing = AfterPause(lambda: counted.append(1))
    >>> typing.poke(); typing.poke(); typing.flush()
    >>> counted
    [1, 1]
    """

    def __init__(self, action: Callable[[], None], seconds: float = TYPING_PAUSE_SECONDS) -> None:
        self.seconds = seconds
        self._action = action
        self._timer: asyncio.TimerHandle | None = None

    @property
    def waiting(self) -> bool:
        """Whether the action waits for the pause."""
        return self._timer is not None

    def poke(self) -> None:
        """A change: the action runs after the next pause."""
        loop = running_loop()
        if loop is None:
            self._action()
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer = loop.call_later(self.seconds, self._due)

    def flush(self) -> None:
        """Run the waiting action now (nothing when none waits)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
            self._action()

    def _due(self) -> None:
        self._timer = None
        report_errors(self._action)
