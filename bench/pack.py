"""Benchmark of the client's pack: ``pack.pdf`` laid out as one document (the cover, its table
of contents with page numbers, the summaries, every report; pages numbered through) against the
former way, each report rendered on its own and their pages put end to end (page numbers
restarting with each report, links to files beside the PDF).

Both examples' deliverables are produced once (``crmwb run``, in ``bench/out/pack``), then each
way of making the PDF is timed ``--repeat`` times on the same run folders; the medians and their
ratio are printed. A benchmark is not a test: it prints and exits 0.

    .venv/bin/python bench/pack.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from functools import partial
from pathlib import Path

from crmwb.core.i18n import t
from crmwb.core.workspace import EXAMPLES_DIR, TEMPLATES_DIR
from crmwb.deliver.pack import PackCover, PackEntry, pack_html, write_pack
from crmwb.run import batch

OUT = Path(__file__).resolve().parent / "out" / "pack"
CLIENTS = ("literie-lenoir", "northwind-retail")


def run_folders() -> list[Path]:
    """Each example's latest run folder, produced once."""
    folders = [OUT / slug / "latest" for slug in CLIENTS]
    if not all((folder / "manifest.json").is_file() for folder in folders):
        batch.run(
            [EXAMPLES_DIR / slug for slug in CLIENTS],
            list(batch.ANALYSES.values()),
            reports_dir=OUT,
        )
    return folders


def pack_of(folder: Path) -> tuple[PackCover, list[PackEntry]]:
    """The cover and entries of a run folder, read back from its manifest and pack."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entries = [
        PackEntry(name, t(f"analysis.{name}", "fr"), result["status"])
        for name, result in manifest["analyses"].items()
    ]
    cover = PackCover(manifest["client"], "fr", dt.date.today(), "")
    return cover, entries


def former_pack(folder: Path, cover: PackCover, entries: list[PackEntry]) -> int:
    """The pack as it was made before: the cover, then each report rendered apart, pages put
    end to end. Returns the number of pages."""
    from weasyprint import HTML

    css = (TEMPLATES_DIR / "report.css").read_text(encoding="utf-8")
    documents = [HTML(string=pack_html(folder, cover, entries, css), base_url=str(folder)).render()]
    for entry in entries:
        report = folder / f"{entry.analysis}.html"
        if entry.status == "ok" and report.is_file():
            documents.append(HTML(filename=str(report), base_url=str(folder)).render())
    pages = [page for document in documents for page in document.pages]
    documents[0].copy(pages).write_pdf(str(folder.parent / "former-pack.pdf"))
    return len(pages)


def median_seconds(action: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for folder in run_folders():
        cover, entries = pack_of(folder)
        one = median_seconds(partial(write_pack, folder, cover, entries), args.repeat)
        former = median_seconds(partial(former_pack, folder, cover, entries), args.repeat)
        pages = sum(write_pack(folder, cover, entries).pages)
        print(
            f"{folder.parent.name}: pack.pdf as one document {one:.2f} s ({pages} pages), "
            f"reports rendered apart {former:.2f} s: {one / former:.2f}x the former cost"
        )


if __name__ == "__main__":
    main()
