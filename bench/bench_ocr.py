"""What reading a scanned page through jixiao costs on top of rapidocr's own call.

A page image is drawn from a published report (A4 at 150 dpi, turned by 0.7°, with noise),
saved as PNG, then in the same run, after one warm-up each, ``--rounds`` alternated rounds
(min / median / max printed, the verdict on medians) of:

* baseline: ``RapidOCR(params=...)(image)`` on the decoded image, the same models and settings;
* jixiao: ``read_image_document(path)`` with the OCR cache off: reading and decoding the file,
  OCR, lines, paragraphs and tables, the Document with its places.

Target: jixiao / baseline ≤ 1.3 (ratio of medians). Prints PASS or FAIL and always exits 0.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from rounds import alternated, load_line, report, untimed

REPORT = Path(__file__).resolve().parent.parent / "tests" / "data" / "reports" / "dongting-2023.txt"
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
TARGET = 1.3


def scanned_lines(page: int = 0) -> list[str]:
    """The lines drawn on a page: the report's prose from a line ``page`` chooses, wrapped."""
    first = 700 - 60 * page % 700
    lines = [line.strip() for line in REPORT.read_text(encoding="utf-8").splitlines()[first:first + 60]]
    return [part for line in lines if line and "\t" not in line for part in textwrap.wrap(line, 38)][:38]


def scanned_text(page: int = 0) -> str:
    return "\n".join(scanned_lines(page))


def scanned_page(path: Path, page: int = 0) -> Path:
    """A page of the report's prose as a scanner gives it (``page`` chooses other lines)."""
    wrapped = scanned_lines(page)
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 26)
    for number, line in enumerate(wrapped):
        draw.text((150, 150 + 38 * number), line, font=font, fill=0)
    image = image.rotate(0.7, resample=Image.Resampling.BICUBIC, fillcolor=255)
    rng = random.Random(7)
    pixels = image.load()
    assert pixels is not None
    for _ in range(4000):
        pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.randrange(0, 160)
    image.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--image", type=Path, help="a page image to read instead of the drawn one")
    args = parser.parse_args()
    os.environ["JIXIAO_OCR_CACHE"] = "off"

    from rapidocr import RapidOCR

    from jixiao.documents.image_reader import read_image_document
    from jixiao.documents.ocr import engine_params, fit_image

    with tempfile.TemporaryDirectory() as directory:
        path = args.image or scanned_page(Path(directory) / "page.png")
        image = fit_image(Image.open(path))
        own = RapidOCR(params=engine_params())
        spreads = alternated({"rapidocr": untimed(lambda: own(image)),
                              "jixiao": untimed(lambda: read_image_document(path))}, args.rounds)
        document = read_image_document(path)
    print(load_line())
    print(f"page: {image.width}×{image.height} px, {len(document.paragraphs)} paragraphs, "
          f"{len(document.tables)} tables")
    report(spreads, "jixiao", "rapidocr", TARGET, 1, "s")


if __name__ == "__main__":
    main()
