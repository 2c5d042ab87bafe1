"""When a workshop's gestures act: at once without an event loop; on the kernel's loop, in
their order, once the values coming from the browser have paused, within a longest wait."""

from __future__ import annotations

import asyncio

from crmwb.workshop.gestures import AfterPause, Gestures


def _run(gestures, steps, until=1.0):
    """Run ``steps`` (seconds from the start, what to do) on an event loop; returns when each
    action ran, in seconds from the start."""
    done = []

    async def main():
        loop = asyncio.get_running_loop()
        start = loop.time()

        def act(name):
            done.append((name, round(loop.time() - start, 2)))

        for at, step in steps:
            loop.call_later(at, step, act)
        await asyncio.sleep(until)

    asyncio.run(main())
    return done


def test_without_an_event_loop_the_action_runs_at_once():
    done = []
    Gestures(settle=10).later(lambda: done.append(1))
    assert done == [1]


def test_actions_wait_and_keep_the_order_of_their_gestures():
    gestures = Gestures(settle=0.2)
    done = _run(
        gestures,
        [
            (0.0, lambda act: gestures.later(lambda: act("first"))),
            (0.05, lambda act: gestures.later(lambda: act("second"))),
        ],
    )
    assert [name for name, _ in done] == ["first", "second"]
    assert done[0][1] >= 0.2 and done[1][1] >= 0.25


def test_each_value_from_the_browser_makes_the_wait_start_again_up_to_the_longest():
    gestures = Gestures(settle=0.2, longest=0.7)
    arrivals = [(0.1 * i, lambda act: gestures.arrived()) for i in range(1, 10)]  # to 0.9 s
    steps = [(0.0, lambda act: gestures.later(lambda: act("click"))), *arrivals]
    done = _run(gestures, steps, until=1.3)
    assert done[0][0] == "click" and 0.7 <= done[0][1] < 0.8  # the longest wait, not 1.1 s
    gestures = Gestures(settle=0.2, longest=2)
    done = _run(
        gestures,
        [
            (0.0, lambda act: gestures.later(lambda: act("click"))),
            (0.15, lambda act: gestures.arrived()),
            (0.3, lambda act: gestures.arrived()),
        ],
    )
    assert 0.5 <= done[0][1] < 0.6  # 0.2 s after the last value, at 0.3 s


def test_what_an_action_sets_does_not_hold_the_next_one_back():
    gestures = Gestures(settle=0.2)

    def first(act):
        act("first")
        gestures.arrived()  # a value the action itself set

    done = _run(
        gestures,
        [
            (0.0, lambda act: gestures.later(lambda: first(act))),
            (0.0, lambda act: gestures.later(lambda: act("second"))),
        ],
    )
    assert [name for name, _ in done] == ["first", "second"]
    assert done[1][1] < 0.3


def test_a_pause_runs_the_action_once_and_flush_runs_it_now():
    ran = []
    typing = AfterPause(lambda: ran.append(1), seconds=0.2)
    done = _run(
        Gestures(),
        [
            (0.0, lambda act: typing.poke()),
            (0.1, lambda act: typing.poke()),
            (0.5, lambda act: typing.poke()),
            (0.55, lambda act: typing.flush()),
        ],
    )
    assert done == [] and ran == [1, 1]
    assert not typing.waiting
