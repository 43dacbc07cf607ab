"""What a filled-in PDF form says: a notice whose page is a blank template ("Date/Time: ____") keeps
its values in form fields, which text extraction does not return.

Each filled field's value is written after the line of the page that carries its label (the field's
name, as the form's author usually names a field by its label: "DateTime" for "Date/Time:"), or, when
no line does, as a "name: value" line at the end of the page. A ticked box is written as "☒ name".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLAIN = re.compile(r"[^a-z0-9]+")
MIN_LABEL = 4  # characters of a field name that must match a line, so "A" or "No" attaches nowhere


def _plain(text: str) -> str:
    return _PLAIN.sub("", text.lower())


@dataclass
class _Filled:
    top: float
    bottom: float
    x: float
    name: str
    value: str

    def shared(self, bottom: float, top: float) -> float:
        """How much of its height this field shares with a box from ``bottom`` to ``top``."""
        return min(self.top, top) - max(self.bottom, bottom)


def filled_fields(page) -> list[tuple[str, str]]:
    """(name, value) of the page's filled form fields, top to bottom, left to right (pypdf page).

    Text typed onto the page as a FreeText annotation (a "typewriter" note, often finishing a field
    too short for its value: "Quay Hall," + "12 Harbour Road") goes on the value of
    the field whose row it shares most, to its left; one beside no field is a value of its own."""
    found: list[_Filled] = []
    typed = []
    for annotation in page.get("/Annots") or []:
        try:
            widget = annotation.get_object()
            kind = widget.get("/Subtype")
            x, bottom, _, top = (float(v) for v in widget.get("/Rect"))
            if kind == "/FreeText":
                text = " ".join(str(widget.get("/Contents") or "").split())
                if text:
                    typed.append((x, bottom, top, text))
                continue
            if kind != "/Widget":
                continue
            name, value = str(widget.get("/T") or "").strip(), widget.get("/V")
        except Exception:  # noqa: BLE001 - a damaged annotation loses its value, not the page
            continue
        if value is None or not name:
            continue
        if str(value).startswith("/"):  # a check box or radio button: a name such as /On, /Yes or /Off
            if str(value) in ("/Off", "/No"):
                continue
            value = "☒"
        value = " ".join(str(value).split())
        if value:
            found.append(_Filled(top, bottom, x, name, value))
    for x, bottom, top, text in typed:
        beside = [f for f in found if f.value != "☒" and f.x < x and f.shared(bottom, top) > 0]
        if beside:
            field = max(beside, key=lambda f: (f.shared(bottom, top), f.x))
            field.value = f"{field.value} {text}"
        else:
            found.append(_Filled(top, bottom, x, "", text))
    return [(f.name, f.value) for f in sorted(found, key=lambda f: (-f.top, f.x))]


def with_fields(text: str, fields: list[tuple[str, str]]) -> str:
    """``text`` with each field's value written after its label's line (see the module's note)."""
    if not fields:
        return text
    lines = text.split("\n")
    plain = [_plain(line) for line in lines]
    extra = []
    for name, value in fields:
        label = _plain(name)
        at = next((n for n, line in enumerate(plain) if len(label) >= MIN_LABEL and label in line), None)
        said = f"☒ {name}" if value == "☒" else value
        if at is None:
            extra.append(f"☒ {name}" if value == "☒" else f"{name}: {value}" if name else value)
        else:
            lines[at] = f"{lines[at].rstrip()} {said}"
    return "\n".join(lines + extra)
