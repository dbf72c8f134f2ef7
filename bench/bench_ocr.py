"""What reading a scanned page through jixiao costs on top of rapidocr's own call.

A page image is drawn from a published report (A4 at 150 dpi, turned by 0.7°, with noise),
saved as PNG, then in the same run, each measured ``--repeat`` times (best kept), after one
warm-up each:

* baseline: ``RapidOCR(params=...)(image)`` on the decoded image, the same models and settings;
* jixiao: ``read_image_document(path)`` with the OCR cache off: reading and decoding the file,
  OCR, lines, paragraphs and tables, the Document with its places.

Target: jixiao / baseline ≤ 1.3. Prints PASS or FAIL and always exits 0.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPORT = Path(__file__).resolve().parent.parent / "tests" / "data" / "reports" / "dongting-2023.txt"
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
TARGET = 1.3


def scanned_page(path: Path) -> Path:
    """A page of the report's prose as a scanner gives it."""
    lines = [line.strip() for line in REPORT.read_text(encoding="utf-8").splitlines()[700:760]]
    wrapped = [part for line in lines if line and "\t" not in line for part in textwrap.wrap(line, 38)]
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 26)
    for number, line in enumerate(wrapped[:38]):
        draw.text((150, 150 + 38 * number), line, font=font, fill=0)
    image = image.rotate(0.7, resample=Image.Resampling.BICUBIC, fillcolor=255)
    rng = random.Random(7)
    pixels = image.load()
    assert pixels is not None
    for _ in range(4000):
        pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.randrange(0, 160)
    image.save(path)
    return path


def best(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up: builds the engine and loads the models
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
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
        baseline = best(lambda: own(image), args.repeat)
        jixiao = best(lambda: read_image_document(path), args.repeat)
        document = read_image_document(path)
    ratio = jixiao / baseline
    print(f"page: {image.width}×{image.height} px, {len(document.paragraphs)} paragraphs, "
          f"{len(document.tables)} tables")
    print(f"baseline (rapidocr call):      {baseline:8.3f} s")
    print(f"jixiao (read_image_document): {jixiao:8.3f} s")
    print(f"ratio jixiao / baseline: {ratio:.3f} (target ≤ {TARGET}) {'PASS' if ratio <= TARGET else 'FAIL'}")


if __name__ == "__main__":
    main()
