"""A workshop notebook in JupyterLab, driven by a real browser (Debian's chromium through
Playwright), for the browser tests of the workshops.

:func:`lab_server` starts JupyterLab on a free port of this machine, with its settings, runtime
files and kernels' IPython profile in a folder of its own (nothing of the user's home is
written); :func:`workshop_copy` copies an example client and writes its working copy of the
workshop notebook, as ``crmwb workshop`` does; :class:`Workshop` opens it, runs every cell and finds
the workshop's tabs, boxes and buttons by their labels in the client's language, from crmwb's
catalogs (the weights workshop's forms by their headings, a pair's slider by the names on either
side of it).

``python tests/lab_browser.py FOLDER [journey|weights]`` saves screenshots of the French
workshop (the journey's by default) at 1280x720 and 1920x1080 in FOLDER (:func:`screenshots`).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmwb.core.i18n import quoted, t
from crmwb.core.workspace import EXAMPLES_DIR

CHROMIUM = "/usr/bin/chromium"
"""Debian's chromium: Playwright's own browser download is not used."""

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

LAB_SETTINGS = {
    # no prompt about JupyterLab's news over the page, and no request for them
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # every cell laid out, on screen or not (by default the browser skips laying out the cells
    # out of view, and a workshop below the fold is then not there to be found)
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}
"""JupyterLab's settings for the tests, by plugin."""

SERVER_START_SECONDS = 60
WIDGETS_SECONDS = 90
"""Run All on a cold kernel: the kernel's start, crmwb's imports, the workbook read and the
first grid drawn (about 10 s here); the wait allows for a loaded machine."""


def browser_missing() -> str | None:
    """Why the browser tests cannot run here (None: they can)."""
    if not Path(CHROMIUM).exists():
        return f"no browser: {CHROMIUM} is not installed (Debian's chromium; `make install`)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (the dev extra; `make install`)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class SlowLink:
    """A relay to a local port that holds what passes, each way, for :attr:`delay` seconds:
    the browser then meets the server as a consultant meets a remote one (a JupyterHub a few
    hundred kilometres away answers in 20 to 100 ms). The order of the bytes is kept."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.delay = 0.0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        start = asyncio.start_server(self._connection, "127.0.0.1", 0)
        self._server = asyncio.run_coroutine_threadsafe(start, self._loop).result()
        self.port: int = self._server.sockets[0].getsockname()[1]

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            upstream = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            writer.close()
            return
        await asyncio.gather(
            self._pipe(reader, upstream[1]), self._pipe(upstream[0], writer), return_exceptions=True
        )

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def send() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    break
                await asyncio.sleep(max(0.0, due - self._loop.time()))
                writer.write(data)
                await writer.drain()

        sender = asyncio.ensure_future(send())
        try:
            while data := await reader.read(65536):
                queue.put_nowait((self._loop.time() + self.delay, data))
        finally:
            queue.put_nowait((0.0, b""))
            await sender
            writer.close()

    def close(self) -> None:
        def stop() -> None:
            self._server.close()
            self._loop.stop()

        self._loop.call_soon_threadsafe(stop)
        self._thread.join(timeout=5)


@dataclass(frozen=True)
class Lab:
    """A JupyterLab server started by :func:`lab_server` on ``root``; the browser reaches it
    through :attr:`link` (set its ``delay`` for a distant server), the tests directly."""

    root: Path
    port: int
    token: str
    process: subprocess.Popen[bytes]
    log: Path
    link: SlowLink

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, notebook: str) -> str:
        """The address opening ``notebook`` (relative to the root) in a fresh layout, through
        the link."""
        return f"http://127.0.0.1:{self.link.port}/lab/tree/{notebook}?reset&token={self.token}"

    def api(self, method: str, path: str) -> Any:
        request = urllib.request.Request(
            f"{self.base}/api/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
            data=b"" if method == "POST" else None,
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def wait_for_kernel(self, notebook: str) -> None:
        """Until the kernel of ``notebook`` is idle and a page is connected to it."""
        deadline = time.monotonic() + WIDGETS_SECONDS
        while time.monotonic() < deadline:
            for session in self.api("GET", "sessions"):
                kernel = session.get("kernel") or {}
                if (
                    session["path"] == notebook
                    and kernel.get("execution_state") == "idle"
                    and kernel.get("connections", 0) > 0
                ):
                    return
            time.sleep(0.2)
        raise TimeoutError(f"no kernel ready for {notebook}:\n{self.log.read_text()}")

    def stop_kernels(self) -> None:
        """Every notebook session ended and its kernel stopped."""
        for session in self.api("GET", "sessions"):
            self.api("DELETE", f"sessions/{session['id']}")


@contextmanager
def lab_server(root: Path) -> Iterator[Lab]:
    """JupyterLab serving ``root``, stopped (with its kernels) on exit."""
    home = Path(tempfile.mkdtemp(prefix="crmwb-lab-"))
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "IPYTHONDIR": str(home / "ipython"),
    }
    for plugin, settings in LAB_SETTINGS.items():
        path = home / "settings" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    port, token = free_port(), secrets.token_hex(16)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = home / "lab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    lab = Lab(root, port, token, process, log, SlowLink(port))
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped at start:\n{log.read_text()}")
            try:
                lab.api("GET", "status")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not answer:\n{log.read_text()}") from None
                time.sleep(0.2)
        yield lab
    finally:
        try:
            lab.api("POST", "shutdown")  # stops its kernels too
            process.wait(timeout=15)
        except Exception:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        lab.link.close()
        shutil.rmtree(home, ignore_errors=True)


def workshop_copy(
    root: Path, client: str, workshop: str = "journey", under: str = ""
) -> tuple[Path, str]:
    """A copy of the example ``client`` in ``root`` (in its folder ``under``, if given: one
    server's root shared by tests copying the same client), with its working copy of the
    ``workshop`` notebook written as ``crmwb workshop`` writes it; returns the client's copy
    and the notebook's path from ``root`` (what :meth:`Workshop.open` opens)."""
    from crmwb.run.clients import load_client
    from crmwb.workshop.notebooks import working_copy

    folder = root / under / client
    shutil.copytree(EXAMPLES_DIR / client, folder)
    notebook = working_copy(folder, workshop, load_client(folder).about.language)
    return folder, notebook.relative_to(root).as_posix()


def cell_values(path: Path) -> dict[tuple[str, int, int], Any]:
    """Every non-empty cell's value of the workbook ``path``, by (sheet, row, column)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return {
        (ws.title, cell.row, cell.column): cell.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
    }


@contextmanager
def chromium(playwright: Any) -> Iterator[Any]:
    """Debian's chromium, headless, its profile and caches in a folder of its own (removed
    with the browser closed)."""
    home = Path(tempfile.mkdtemp(prefix="crmwb-chromium-"))
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")}
    env["XDG_CACHE_HOME"] = str(home / "cache")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env)
    try:
        yield browser
    finally:
        browser.close()
        shutil.rmtree(home, ignore_errors=True)


def message_pattern(key: str, lang: str) -> re.Pattern[str]:
    """The catalog message ``key`` in ``lang`` as a pattern, its placeholders matching any
    text: what a status line says, whatever the figures in it."""
    parts = re.split(r"\{[^{}]*\}", t(key, lang))
    return re.compile(".+".join(re.escape(part) for part in parts))


@dataclass
class Workshop:
    """A workshop notebook open in a browser page, found by the labels the client reads."""

    page: Any
    lang: str

    @classmethod
    def open(cls, page: Any, lab: Lab, notebook: str, lang: str) -> Workshop:
        """Open ``notebook``, run all its cells (the Run menu) and wait for the workshop."""
        page.goto(lab.url(notebook))
        # its kernel started, idle and connected to the page: Run All before that asks which
        # kernel to start, or is lost
        lab.wait_for_kernel(notebook)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name=re.compile("^Run All Cells")).click()
        workshop = cls(page, lang)
        workshop.button("undo").wait_for(timeout=WIDGETS_SECONDS * 1000)
        return workshop

    def say(self, key: str) -> str:
        return t(key, self.lang)

    def tab(self, name: str) -> None:
        """Show the tab ``name`` (stages, channels, segments, touchpoints, personas)."""
        label = self.say(f"workshop.tab.{name}")
        self.page.get_by_role("tab", name=label, exact=True).click()

    def button(self, key: str) -> Any:
        """The button ``workshop.<key>`` on screen (the shown tab's, for a form's button)."""
        # by its text: its accessible name also holds its icon's glyph
        text = re.compile(rf"^\s*{re.escape(self.say(f'workshop.{key}'))}\s*$")
        return self.page.locator(".widget-button", has_text=text).filter(visible=True)

    def field(self, key: str) -> Any:
        """The box or drop-down labelled ``workshop.field.<key>`` in the shown tab."""
        label = self.say(f"workshop.field.{key}")
        return self.page.get_by_label(label, exact=True).filter(visible=True)

    def slider(self, key: str) -> Any:
        """The slider labelled ``workshop.field.<key>`` in the shown tab."""
        text = re.escape(self.say(f"workshop.field.{key}"))
        label = self.page.locator("label", has_text=re.compile(f"^{text}$"))
        return self.page.locator(".widget-slider", has=label).filter(visible=True)

    def handle(self, key: str) -> Any:
        """The handle of the slider ``key``, moved by mouse or keyboard."""
        return self.slider(key).locator(".noUi-handle")

    def readout(self, key: str) -> Any:
        """The value shown beside the slider ``key``."""
        return self.slider(key).locator(".widget-readout")

    def chosen(self, key: str) -> Any:
        """The option shown by the drop-down ``workshop.field.<key>`` of the shown tab."""
        return self.field(key).locator("option:checked")

    @property
    def status(self) -> Any:
        """The status line beside Undo and Save."""
        return self.page.locator(".widget-hbox", has=self.button("undo")).locator(".widget-html")

    # -- the weights workshop --

    @property
    def forms(self) -> Any:
        """The weights workshop's forms, one per scope (each with its sliders)."""
        return self.page.locator(".widget-vbox:has(> .widget-hbox .noUi-handle)")

    def form(self, group: str | None = None) -> Any:
        """The form comparing the criteria of ``group``; None: the one comparing the groups.
        Found by its heading."""
        if group is None:
            title = self.say("workshop.pairwise.groups")
        else:
            title = t("workshop.pairwise.within", self.lang, group=quoted(group, self.lang))
        heading = self.page.locator("h3", has_text=re.compile(f"^{re.escape(title)}$"))
        return self.forms.filter(has=heading)

    def pair(self, first: str, second: str, group: str | None = None) -> Any:
        """The row of the pair ``first`` / ``second`` in ``group``'s form (None: the groups'),
        found by the names on either side of its slider."""

        def named(name: str) -> Any:
            return self.page.locator(
                ".widget-html-content", has_text=re.compile(f"^{re.escape(name)}$")
            )

        rows = self.form(group).locator(":scope > .widget-hbox")
        return rows.filter(has=named(first)).filter(has=named(second))

    def pair_handle(self, first: str, second: str, group: str | None = None) -> Any:
        """The handle of a pair's slider, moved by mouse or keyboard."""
        return self.pair(first, second, group).locator(".noUi-handle")

    def meaning(self, first: str, second: str, group: str | None = None) -> Any:
        """What a pair's slider position means, shown under its scale ("Price ×3")."""
        return self.pair(first, second, group).locator(".widget-vbox > .widget-html").last

    def mark(self, first: str, second: str, group: str | None, position: int) -> Any:
        """The mark of Saaty's scale under a pair's slider at ``position`` (0 to 16, even: the
        marks are 9 7 5 3 1 3 5 7 9, one every other position)."""
        return (
            self.pair(first, second, group).locator(".widget-html-content span").nth(position // 2)
        )

    def drag(self, handle: Any, target: Any) -> None:
        """Drag ``handle`` by mouse along its slider, to above ``target`` (a mark)."""
        target.scroll_into_view_if_needed()  # the mouse moves on what the screen shows
        handle.hover()
        start, end = handle.bounding_box(), target.bounding_box()
        y = start["y"] + start["height"] / 2
        mouse = self.page.mouse
        mouse.down()
        mouse.move(end["x"] + end["width"] / 2, y, steps=8)
        mouse.up()

    def results(self, group: str | None = None) -> Any:
        """A form's results: its weights' table, consistency ratio and what to revise."""
        return self.form(group).locator(":scope > .widget-html").last

    def consistency(self, group: str | None = None) -> Any:
        """A form's line giving its consistency ratio."""
        return self.results(group).locator("p").first

    @property
    def overall(self) -> Any:
        """The table of the overall weights."""
        title = re.compile(f"^{re.escape(self.say('workshop.pairwise.overall'))}$")
        return self.page.locator(".widget-html", has=self.page.locator("h3", has_text=title))

    # --

    @property
    def workshop(self) -> Any:
        """The whole workshop: its tabs, status line and grid."""
        return self.page.locator(".widget-vbox", has=self.button("undo")).first


def screenshots(
    folder: Path, client: str = "literie-lenoir", workshop: str = "journey"
) -> list[Path]:
    """The ``workshop`` (journey or weights) of ``client`` at 1280x720 and 1920x1080, saved in
    ``folder``: the journey's, one screenshot per tab and one of the grid; the weights', one per
    heading as the workshop opens, then the same after sliders moved and Save clicked."""
    from playwright.sync_api import sync_playwright

    from crmwb.run.clients import load_client

    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    take = {"journey": journey_shots, "weights": weights_shots}[workshop]
    with tempfile.TemporaryDirectory(prefix="crmwb-shots-") as tmp, lab_server(Path(tmp)) as lab:
        with sync_playwright() as p, chromium(p) as browser:
            for width, height in ((1280, 720), (1920, 1080)):
                # a fresh copy of the client for each size: the same workshop, as it opens
                root = Path(tmp) / f"{width}x{height}"
                root.mkdir()
                client_dir, notebook = workshop_copy(root, client, workshop)
                lang = load_client(client_dir).about.language
                page = browser.new_page(viewport={"width": width, "height": height})
                opened = Workshop.open(page, lab, f"{root.name}/{notebook}", lang)
                for number, name in enumerate(take(opened), start=1):
                    path = folder / f"{width}x{height}-{number:02d}-{name}.png"
                    page.screenshot(path=path)
                    saved.append(path)
                page.close()
                lab.stop_kernels()
    return saved


def journey_shots(workshop: Workshop) -> Iterator[str]:
    """The journey workshop shown tab by tab, then its grid: yields each view's name once it is
    on screen."""
    page = workshop.page
    for name in ("stages", "channels", "segments", "touchpoints", "personas"):
        workshop.tab(name)
        workshop.workshop.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        yield name
    page.locator(".widget-html img").last.scroll_into_view_if_needed()
    yield "grid"


def weights_shots(workshop: Workshop) -> Iterator[str]:
    """The weights workshop's instructions, its top, then from each heading down (every form,
    the overall weights) as it opens; then, every form's first slider moved two steps to the
    left by keyboard and its second (if any) three to the right, the same again, each form's
    results (weights, consistency), and the buttons once Save has answered."""
    page = workshop.page
    page.locator(".jp-MarkdownCell").first.evaluate("c => c.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    yield "instructions"
    workshop.workshop.evaluate("w => w.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    yield "note"
    headings = workshop.workshop.locator("h3")

    def each_heading(moment: str) -> Iterator[str]:
        for number in range(headings.count()):
            headings.nth(number).evaluate("h => h.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(300)
            yield f"{moment}-{number + 1}"

    yield from each_heading("open")
    for form in range(workshop.forms.count()):
        handles = workshop.forms.nth(form).locator(".noUi-handle")
        for number, (key, presses) in enumerate((("ArrowLeft", 2), ("ArrowRight", 3))):
            if number < handles.count():
                handles.nth(number).focus()
                for _ in range(presses):
                    page.keyboard.press(key)
    yield from each_heading("moved")
    for form in range(workshop.forms.count()):  # each form's weights and consistency, whole
        results = workshop.forms.nth(form).locator(":scope > .widget-html").last
        results.evaluate("r => r.scrollIntoView({block: 'end'})")
        page.wait_for_timeout(300)
        yield f"results-{form + 1}"
    workshop.button("save").click()
    workshop.status.filter(has_text=re.compile(".")).wait_for()
    workshop.button("save").evaluate("b => b.scrollIntoView({block: 'end'})")
    page.wait_for_timeout(300)
    yield "saved"


if __name__ == "__main__":
    folder, *workshop = sys.argv[1:]
    for shot in screenshots(Path(folder), workshop=workshop[0] if workshop else "journey"):
        print(shot)
