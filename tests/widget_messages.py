"""The messages a browser sends a workshop's widgets, handed to the kernel's comm manager in the
order a browser may send them (crmwb.workshop.gestures): a widget's new value held back while an
earlier update of that widget is in the kernel, a button's click sent at once.

Shared by the journey's and the weights workshop's tests.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

ROUND_TRIP = 0.02
"""Seconds between the click reaching the kernel and the value held back reaching it (the
kernel's "done" goes to the browser, which then sends what it held): about what this machine's
browser and kernel take, a tenth of what a workshop waits for."""


def comm_msg(widget: Any, data: dict[str, Any]) -> None:
    from comm import get_comm_manager

    message = {"content": {"comm_id": widget.comm.comm_id, "data": data}, "buffers": []}
    get_comm_manager().comm_msg(None, None, message)


def from_browser(widget: Any, **state: Any) -> None:
    """The comm message a browser sends when ``widget`` changes on screen."""
    comm_msg(widget, {"method": "update", "state": state, "buffer_paths": []})


def later_from_browser(widget: Any, delay: float = ROUND_TRIP, **state: Any) -> None:
    """The same, ``delay`` seconds from now: a timer of the event loop, so that it comes before
    the workshop's own timers however late the loop runs them."""
    asyncio.get_running_loop().call_later(delay, partial(from_browser, widget, **state))


def click(button: Any) -> None:
    """The comm message a browser sends when ``button`` is clicked."""
    comm_msg(button, {"method": "custom", "content": {"event": "click"}})


async def settled(gestures: Any) -> None:
    """Once ``gestures`` (a workshop's :class:`~crmwb.workshop.gestures.Gestures`) has done
    every action waiting."""
    for _ in range(250):
        await asyncio.sleep(0.02)
        if not gestures.waiting:
            return
    raise AssertionError("the workshop still waits")
