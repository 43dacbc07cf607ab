"""OCR engines side by side on scans of known text: word accuracy and seconds per page.

    python bench/ocr.py [--json] [--dpi 300]

Pages of council-paper text are drawn at several fonts and sizes onto a white image at ``--dpi``
(a clean scan), each engine reads them, and the words it returns are aligned with the words
drawn (difflib on lower-cased words): accuracy is the share of drawn words recovered, in order.
Engines: Tesseract as ingest runs it (ingest/ocr.py: one thread), and RapidOCR when the
``rapidocr-onnxruntime`` wheel is installed. Times are this machine's, one page at a time. Then a
scanned file of those pages is read as ingest reads it, one Tesseract process at a time against one
per core (MINUTEBOOK_OCR_WORKERS), and the two times are printed side by side.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutebook.ingest.ocr import Ocr  # noqa: E402

TEXT = """MINUTES OF THE MEETING OF THE PLANNING COMMITTEE
held on Tuesday 12 March 2024 at 7.30pm in the Council Chamber
Present: Councillors Ash (Chair), Birch, Cole, Dunmore and Ellis
24/031 Land at Church Lane: erection of four dwellings (ref 23/01234/FUL)
The officer reported that two letters of objection had been received.
RESOLVED that planning permission be granted subject to the conditions set out
in the report, including a contribution of 12,500 pounds towards play space.
24/032 Budget monitoring: the Treasurer reported spending of 48,216.40 pounds
against a budget of 51,000 pounds to the end of February 2024.
ACTION: Clerk to write to the County Council about the footpath by 30 April."""

FONTS = [("default", None), ("DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
         ("DejaVu Serif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
         ("Liberation Mono", "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf")]
SIZES = (9, 11, 14)  # points


def page_image(font_path: str | None, points: int, dpi: int):
    from PIL import Image, ImageDraw, ImageFont

    size = int(dpi * points / 72)
    font = ImageFont.truetype(font_path, size) if font_path else ImageFont.load_default(size=size)
    image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    y = int(0.8 * dpi)
    for line in TEXT.split("\n"):
        draw.text((int(0.6 * dpi), y), line, fill=0, font=font)
        y += int(size * 1.6)
    return image


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:[.,/][0-9]+)*", text.lower())


def accuracy(found: str) -> float:
    want = words(TEXT)
    matcher = difflib.SequenceMatcher(a=want, b=words(found), autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(want)


def engines(dpi: int) -> dict:
    out = {}
    tesseract = Ocr(dpi=dpi)
    if tesseract.missing() is None:
        out["tesseract"] = lambda image: tesseract._recognise(image).text
    try:
        import numpy as np
        from rapidocr_onnxruntime import RapidOCR

        rapid = RapidOCR()

        def read_rapid(image):
            result, _ = rapid(np.array(image.convert("RGB")))
            return "\n".join(text for _, text, _ in result or [])

        out["rapidocr"] = read_rapid
    except ImportError:
        pass
    return out


def file_throughput(images: list, dpi: int) -> dict:
    """Seconds to OCR a scanned file of ``images`` with one worker and with one per core."""
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scan.pdf"
        images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
        pages = list(range(1, len(images) + 1))
        out = {}
        for workers in sorted({1, os.cpu_count() or 1}):
            started = time.perf_counter()
            done, _ = Ocr(dpi=dpi, cache=None, workers=workers).read(path, pages)
            out[workers] = {"pages": len(done), "seconds": round(time.perf_counter() - started, 2)}
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--dpi", type=int, default=300)
    args = parser.parse_args()
    readers = engines(args.dpi)
    if not readers:
        print("no OCR engine installed (apt-get install tesseract-ocr; pip install rapidocr-onnxruntime)", file=sys.stderr)
        return 3
    rows = []
    for font_name, font_path in FONTS:
        if font_path and not Path(font_path).exists():
            continue
        for points in SIZES:
            image = page_image(font_path, points, args.dpi)
            row = {"font": font_name, "points": points}
            for name, read in readers.items():
                started = time.perf_counter()
                text = read(image)
                row[name] = {"accuracy": round(accuracy(text), 3), "seconds": round(time.perf_counter() - started, 2)}
            rows.append(row)
    summary = {name: {"accuracy": round(statistics.mean(r[name]["accuracy"] for r in rows), 3),
                      "seconds_per_page": round(statistics.median(r[name]["seconds"] for r in rows), 2)} for name in readers}
    images = [page_image(path, points, args.dpi) for _, path in FONTS[:2] for points in SIZES if not path or Path(path).exists()]
    throughput = file_throughput(images, args.dpi) if "tesseract" in readers else {}
    if args.json:
        print(json.dumps({"dpi": args.dpi, "pages": rows, "summary": summary, "file_workers": throughput}, indent=1))
        return 0
    names = list(readers)
    print(f"{'font':16s}{'pt':>4s}" + "".join(f"{n + ' acc':>16s}{n + ' s':>14s}" for n in names))
    for row in rows:
        print(f"{row['font']:16s}{row['points']:>4d}" + "".join(f"{row[n]['accuracy']:>16.3f}{row[n]['seconds']:>14.2f}" for n in names))
    print(f"{'mean / median':20s}" + "".join(f"{summary[n]['accuracy']:>16.3f}{summary[n]['seconds_per_page']:>14.2f}" for n in names))
    if len(names) == 2:
        a, b = names
        print(f"{b} / {a}: accuracy {summary[b]['accuracy'] / summary[a]['accuracy']:.2f}x, "
              f"time {summary[b]['seconds_per_page'] / summary[a]['seconds_per_page']:.2f}x")
    if len(throughput) == 2:
        (one, single), (many, multi) = sorted(throughput.items())
        print(f"a scanned file of {single['pages']} pages: 1 Tesseract at a time {single['seconds']:.1f} s, {many} at once "
              f"{multi['seconds']:.1f} s ({single['seconds'] / multi['seconds']:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
