"""Read a Word document (.docx) into pages, as the other readers do: a line per paragraph, headings
marked ("# "), list items with the numbers or bullets Word draws, a table row per line with its cells
parted by tabs (as ``read.html_to_text`` writes a web page).

A .docx holds no fixed pages; Word writes where it last broke them (``w:lastRenderedPageBreak``) when
it saves, and a clerk's own page breaks (a ``w:br`` of type page, a paragraph set to start a page).
Those mark the pages a reader of the printed paper cites. Running heads and footers are page
furniture and are left out.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from minutebook.vocabulary import Page

from .english import list_numeral

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class NotWord(Exception):
    """Why a file named .docx cannot be read; the reader turns it into UnreadableFile."""


def read_docx(path: Path) -> Iterator[Page]:
    """The pages of a .docx file (see the module's note on pages)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except zipfile.BadZipFile as exc:
        with path.open("rb") as handle:
            head = handle.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE container: a password-protected .docx, or a .doc renamed
            raise NotWord("a Word file that is password-protected or in the old .doc format: save it as .docx or PDF") from exc
        raise NotWord("not a Word document (not a .docx package), although named .docx") from exc
    if "[Content_Types].xml" not in names or not any(name.startswith("word/") for name in names):
        raise NotWord("not a Word document (a zip package without a Word document in it), although named .docx")
    try:
        document = docx.Document(str(path))
    except PackageNotFoundError as exc:
        raise NotWord("not a Word document (a zip package without a Word document in it), although named .docx") from exc
    except Exception as exc:  # python-docx and lxml raise many types on damaged files; none may stop the ingest
        raise NotWord(f"corrupt Word document ({' '.join(str(exc).split())[:160] or type(exc).__name__})") from exc
    reader = _Reader(document)
    pages = reader.pages(document.element.body)
    for number, lines in enumerate(pages, 1):
        yield Page(source=str(path), number=number, text="\n".join(line for line in lines if line.strip()) + "\n")


_FORMATS = {"decimal": "1", "decimalZero": "01", "lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i",
            "upperRoman": "I", "bullet": "•"}
class _Numbering:
    """Word's list numbering: each list (numId) counts its levels as Word does, a level's count
    starting again below a higher level's next item, and each item's marker is its level's text
    ("%1.", "(%2)", "%1.%2") with the counts put in."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (format, text, start)
        self.counts: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in numbering.findall(f"{W}abstractNum"):
            abstract[node.get(f"{W}abstractNumId")] = {
                int(level.get(f"{W}ilvl", "0")): (
                    _FORMATS.get(_val(level.find(f"{W}numFmt")) or "decimal", ""),
                    _val(level.find(f"{W}lvlText")) or "",
                    int(_val(level.find(f"{W}start")) or 1),
                )
                for level in node.findall(f"{W}lvl")
            }
        for num in numbering.findall(f"{W}num"):
            levels = dict(abstract.get(_val(num.find(f"{W}abstractNumId")), {}))
            for override in num.findall(f"{W}lvlOverride"):
                start = _val(override.find(f"{W}startOverride"))
                ilvl = int(override.get(f"{W}ilvl", "0"))
                if start and ilvl in levels:
                    levels[ilvl] = (levels[ilvl][0], levels[ilvl][1], int(start))
            self.levels[num.get(f"{W}numId")] = levels

    def marker(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        format_, text, _ = levels[ilvl]
        if format_ == "":  # a level drawn as nothing ("none")
            return ""
        counts = self.counts.setdefault(num_id, [0] * 9)
        for level in range(ilvl + 1, len(counts)):
            counts[level] = 0
        if counts[ilvl] == 0:
            counts[ilvl] = levels[ilvl][2]
        else:
            counts[ilvl] += 1
        if format_ == "•":
            return "•"

        def count(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            format_of = levels.get(level, ("1", "", 1))[0]
            return list_numeral(max(counts[level], levels.get(level, ("", "", 1))[2]), format_of if format_of not in ("", "•") else "1")

        return re.sub(r"%(\d)", count, text).strip()


def _val(node) -> str | None:
    return None if node is None else node.get(f"{W}val")


def _set(properties, name: str):
    """The property ``name`` a paragraph's (or a style's) properties set, or None."""
    return properties.find(f"{W}{name}") if properties is not None else None


def _chain(style) -> Iterator:
    """A paragraph style and the styles it is based on, nearest first."""
    while style is not None:
        yield style
        style = style.base_style


class _Reader:
    def __init__(self, document) -> None:
        self.numbering = _Numbering(document)
        self.styles = {style.style_id: style for style in document.styles}
        # Word records its own page breaks when it saves: where it has, they are the pages; a file
        # written by another program has only the breaks its writer asked for.
        self.rendered = any(True for _ in document.element.body.iter(f"{W}lastRenderedPageBreak"))

    def pages(self, body) -> list[list[str]]:
        pages: list[list[str]] = [[]]
        for block in self._blocks(body):
            if block.tag == f"{W}p":
                self._paragraph(block, pages)
            elif block.tag == f"{W}tbl":
                for row in block.iter(f"{W}tr"):
                    breaks = f"{W}lastRenderedPageBreak" if self.rendered else f"{W}br[@{W}type='page']"
                    if pages[-1] and row.find(f".//{breaks}") is not None:
                        pages.append([])
                    cells = [" ".join(self._text(p) for p in cell.iter(f"{W}p")).strip() for cell in row.findall(f"{W}tc")]
                    if any(cells):
                        pages[-1].append("\t" + "\t".join(" ".join(cell.split()) for cell in cells))
        while len(pages) > 1 and not any(line.strip() for line in pages[-1]):
            pages.pop()
        return pages

    def _blocks(self, parent) -> Iterator:
        """Paragraphs and tables in reading order, through content controls (``w:sdt``) and the
        like."""
        for child in parent:
            if child.tag in (f"{W}p", f"{W}tbl"):
                yield child
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"):
                yield from self._blocks(child)

    def _paragraph(self, paragraph, pages: list[list[str]]) -> None:
        properties = paragraph.find(f"{W}pPr")
        if not self.rendered and _set(properties, "pageBreakBefore") is not None and pages[-1]:
            pages.append([])
        line: list[str] = []
        for node in paragraph.iter():
            if node.tag == f"{W}t":
                line.append(node.text or "")
            elif node.tag in (f"{W}tab", f"{W}ptab"):
                line.append(" ")
            elif node.tag in (f"{W}br", f"{W}cr"):
                if node.get(f"{W}type") == "page" and not self.rendered:
                    self._line(paragraph, properties, line, pages)
                    line = []
                    pages.append([])
                else:
                    line.append("\n")
            elif node.tag == f"{W}lastRenderedPageBreak" and self.rendered and (pages[-1] or "".join(line).strip()):
                self._line(paragraph, properties, line, pages)
                line = []
                pages.append([])
        self._line(paragraph, properties, line, pages)

    def _line(self, paragraph, properties, line: list[str], pages: list[list[str]]) -> None:
        """A paragraph's text as lines (a soft line break starts one: "Moved by ...", "Seconded by ..."),
        the first marked as a heading or with its list marker."""
        lines = [" ".join(part.split()) for part in "".join(line).split("\n") if part.strip()]
        if not lines:
            return
        style = self._style(properties)
        marker = self._marker(properties, style)  # a heading numbered by Word too: "1. Apologies" is item 1
        if marker:
            lines[0] = f"{marker} {lines[0]}"
        level = self._heading_level(properties, style)
        if level:
            lines[0] = "#" * level + " " + lines[0]
        pages[-1].extend(lines)

    def _style(self, properties):
        style_id = _val(_set(properties, "pStyle"))
        return self.styles.get(style_id) if style_id else None

    def _heading_level(self, properties, style) -> int:
        """A heading's level: set on the paragraph (its outline level), or by its style or a style it is
        based on ("Title", "Heading 2", or an outline level)."""
        outline = _val(_set(properties, "outlineLvl"))
        for based in _chain(style) if outline is None else ():
            name = (based.name or "").lower()
            if name == "title":
                return 1
            if match := re.fullmatch(r"heading (\d)", name):
                return int(match.group(1))
            if (outline := _val(_set(based.element.find(f"{W}pPr"), "outlineLvl"))) is not None:
                break
        return int(outline) + 1 if outline is not None and outline.isdigit() and int(outline) < 9 else 0

    def _marker(self, properties, style) -> str:
        """The number or bullet Word draws before a list paragraph, set on it or by its style."""
        numbered = next((found for found in (_set(properties, "numPr"),
                                             *(_set(based.element.find(f"{W}pPr"), "numPr") for based in _chain(style)))
                         if found is not None), None)
        num_id = _val(numbered.find(f"{W}numId")) if numbered is not None else None
        if not num_id or num_id == "0":  # numId 0 turns a style's numbering off
            return ""
        return self.numbering.marker(num_id, int(_val(numbered.find(f"{W}ilvl")) or 0))

    def _text(self, paragraph) -> str:
        return "".join(node.text or "" if node.tag == f"{W}t" else " " for node in paragraph.iter()
                       if node.tag in (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"))
