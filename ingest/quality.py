"""What a reader must be told about a file's text layer: pages without text, words run together,
lines broken a word at a time, characters that are not words (a font without a usable character map).

Each is measured, not guessed from the file's name: the share of a page's visible characters that
are letters, and the share of its letters that stand in runs of 20 or more (English words are
shorter, so such runs are words printed without spaces between them).
"""

from __future__ import annotations

from minutebook.vocabulary import Page

from .read import BROKEN_SHARE, DOUBLED_SHARE, RUN_TOGETHER_SHARE, broken_lines, doubled_letters, garbled, has_text, run_together


def _pages(numbers: list[int], total: int) -> str:
    if len(numbers) == total:
        return f"all {total} pages" if total > 1 else "its only page"
    shown = ", ".join(str(n) for n in numbers[:8]) + (", ..." if len(numbers) > 8 else "")
    return f"{len(numbers)} of {total} pages ({shown})"


def text_warnings(pages: list[Page]) -> list[str]:
    """Plain-language warnings about the text layer of one file's pages (empty when it reads well),
    and which pages were read by OCR."""
    empty, crowded, broken, doubled, unreadable = [], [], [], [], []
    scanned = [page for page in pages if page.ocr is not None]
    for page in pages:
        if not has_text(page.text):
            empty.append(page.number)
            continue
        if garbled(page.text):
            unreadable.append(page.number)
        elif run_together(page.text) > RUN_TOGETHER_SHARE:
            crowded.append(page.number)
        elif broken_lines(page.text) > BROKEN_SHARE:
            broken.append(page.number)
        elif doubled_letters(page.text) > DOUBLED_SHARE:
            doubled.append(page.number)
    total = len(pages)
    warnings = []
    split = [page.number for page in pages if page.split_by_word_list]
    if split:
        warnings.append(f"words ran together on {_pages(split, total)} and were split by an English word list "
                        "(check names and figures against the original)")
    if scanned:
        confidence = sum(page.ocr for page in scanned) / len(scanned)
        warnings.append(f"read by OCR: {_pages([page.number for page in scanned], total)} (read from the page images; mean word "
                        f"confidence {confidence:.0%}: check names and figures against the original)")
    if empty:
        reasons = sorted({page.unread for page in pages if page.number in empty and page.unread})
        why = f"not read by OCR: {'; '.join(reasons)}" if reasons else "not searchable without OCR"
        warnings.append(f"no text on {_pages(empty, total)} (scanned images; {why})")
    if unreadable:
        reasons = sorted({page.unread for page in pages if page.number in unreadable and page.unread})
        why = f"not read by OCR: {'; '.join(reasons)}" if reasons else "not searchable without OCR"
        warnings.append(f"unreadable characters on {_pages(unreadable, total)} (the text layer is not words; {why})")
    if crowded:
        warnings.append(f"words run together on {_pages(crowded, total)} (the text layer has no spaces "
                        "between words; search finds fewer of them)")
    if broken:
        warnings.append(f"one word a line on {_pages(broken, total)} (the text layer places each word apart; "
                        "headings and sentences may be read broken)")
    if doubled:
        warnings.append(f"letters read twice on {_pages(doubled, total)} (the text layer draws each letter twice, "
                        "as a shadow; search finds fewer of those words)")
    return warnings
