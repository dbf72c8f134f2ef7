"""OCR settings measured for speed against accuracy on scanned pages.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_ocr_settings.py [--pages 2] [--rounds 3] [--pdf REPORT.pdf ...]

The pages: prose pages drawn from a published report (``bench_ocr.scanned_page``: A4 at 150
dpi, turned by 0.7°, speckled), and dense pages of tables: the pages of the example report
rendered by ``jixiao render`` and LibreOffice (or of each ``--pdf``), rasterised as a scanner at
150 dpi would give them. The text of each is known (drawn, or the PDF's text layer). Every
setting below is applied on top
of jixiao's engine parameters (``jixiao.documents.ocr.engine_params``), onnxruntime on one
thread (CPU seconds are then core-seconds), and measured in alternated rounds over all pages:

* CPU seconds per page (min / median / max of the rounds);
* the numbers read (every run of digits with its decimals, as a multiset per page) against
  those jixiao's own setting reads, and against the numbers on the page: a setting that reads
  one number otherwise than jixiao's setting does is refused, whatever its speed;
* the share of the page's characters read (``difflib`` matching blocks, spaces left out).

It prints one line per setting and the fastest setting that reads every number as jixiao's
setting does. A
benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PIL import Image

from bench_ocr import scanned_page, scanned_text
from jixiao.documents.ocr import engine_params, fit_image, use_threads
from jixiao.render.pdf import render_pdf
from rounds import Spread, alternated, load_line

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dongting-2023.yaml"

SETTINGS: dict[str, dict[str, Any]] = {
    "jixiao": {},
    "rec batch 12": {"Rec.rec_batch_num": 12},
    "rec batch 24": {"Rec.rec_batch_num": 24},
    "det at full size": {"Det.limit_type": "min", "Det.limit_side_len": 736},
    "det max side 1280": {"Det.limit_type": "max", "Det.limit_side_len": 1280},
    "det max side 800": {"Det.limit_type": "max", "Det.limit_side_len": 800},
    "det max side 640": {"Det.limit_type": "max", "Det.limit_side_len": 640},
    "page at 120 dpi": {"scale": 120 / 150},
    "page at 100 dpi": {"scale": 100 / 150},
}
"""What is tried: rapidocr parameters, and ``scale``, the page drawn at fewer dots per inch."""
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def read_text(result: Any) -> str:
    return "\n".join(str(text) for text in (result.txts or ()))


def accuracy(read: str, drawn: str) -> float:
    read, drawn = re.sub(r"\s", "", read), re.sub(r"\s", "", drawn)
    matcher = difflib.SequenceMatcher(None, drawn, read, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(drawn), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pdf", type=Path, action="append", help="a text PDF whose pages to scan")
    args = parser.parse_args()
    os.environ["JIXIAO_OCR_CACHE"] = "off"
    use_threads(1)
    from rapidocr import RapidOCR

    with tempfile.TemporaryDirectory() as directory:
        paths = [scanned_page(Path(directory) / f"page-{page}.png", page) for page in range(args.pages)]
        pages = [fit_image(Image.open(path)) for path in paths]
        drawn = [scanned_text(page) for page in range(args.pages)]
        for pdf in args.pdf or [example_pdf(Path(directory))]:
            for image, text in rasterised(pdf):
                pages.append(fit_image(image))
                drawn.append(text)
    engines, images, readings = {}, {}, {}
    for name, setting in SETTINGS.items():
        params = {key: value for key, value in setting.items() if key != "scale"}
        engines[name] = RapidOCR(params=engine_params() | params)
        scale = setting.get("scale", 1)
        images[name] = [page.resize((round(page.width * scale), round(page.height * scale)),
                                    Image.Resampling.LANCZOS) if scale != 1 else page for page in pages]

    def side(name: str) -> Callable[[int], float]:
        def run(_round: int) -> float:
            results = []
            seconds = cpu_seconds(lambda: results.extend(engines[name](image) for image in images[name]))
            readings[name] = [read_text(result) for result in results]
            return seconds / len(pages)
        return run

    spreads: dict[str, Spread] = alternated({name: side(name) for name in SETTINGS}, args.rounds)
    print(load_line())
    print(f"{len(pages)} scanned pages, onnxruntime on 1 thread; CPU seconds per page")
    fastest = None
    for name, spread in sorted(spreads.items(), key=lambda item: item[1].median):
        drawn_kept = _numbers(readings[name]) == _numbers(drawn)
        kept = _numbers(readings[name]) == _numbers(readings["jixiao"])
        share = sum(accuracy(read, truth) for read, truth in zip(readings[name], drawn, strict=True))
        print(f"    {name:<32} {spread.line(1, 's')}  characters {share / len(pages):6.1%}  numbers "
              f"{'as drawn' if drawn_kept else 'as jixiao reads them' if kept else 'CHANGED'}")
        if kept and fastest is None:
            fastest = name
    print(f"fastest that reads every number as jixiao does today: {fastest} "
          f"({spreads[str(fastest)].median / spreads['jixiao'].median:.2f} × jixiao's time)")


def _numbers(texts: list[str]) -> list[Counter[str]]:
    return [Counter(NUMBER.findall(text)) for text in texts]


def example_pdf(folder: Path) -> Path:
    """The example report, rendered as ``jixiao render`` does and made a PDF by LibreOffice."""
    word = folder / "example.docx"
    subprocess.run([str(Path(sys.executable).with_name("jixiao")), "render", str(EXAMPLE), "-o", str(word)],
                   check=True, capture_output=True)
    return render_pdf(word, folder / "example.pdf")


def rasterised(pdf: Path) -> Iterator[tuple[Image.Image, str]]:
    """Each page of ``pdf`` as a scanner gives it (150 dpi, grey, turned by 0.4°), with its text."""
    document = pdfium.PdfDocument(str(pdf))
    for page in document:
        text = page.get_textpage().get_text_range()
        if len(NUMBER.findall(text)) < 20:  # only dense pages: tables of figures
            continue
        image = page.render(scale=150 / 72).to_pil().convert("L")
        yield image.rotate(0.4, resample=Image.Resampling.BICUBIC, fillcolor=255), text


if __name__ == "__main__":
    main()
