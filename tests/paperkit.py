"""Fixture papers the tests control: texts in several councils' styles, and a PDF writer.

Nothing here copies the sample corpus; the bodies, dates and wording are invented.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF


def write_pdf(path: Path, pages: list[str], footer: str | None = None) -> Path:
    """A real PDF with one page per entry (core Helvetica font, so Latin-1 text only).

    ``footer`` (with ``{n}`` for the page number) is stamped at the foot of every page, as
    council packs do.
    """
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_font("Helvetica", size=11)
    for number, text in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_xy(20, 20)
        for paragraph in text.split("\n"):
            if paragraph.strip():
                pdf.multi_cell(170, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(4)
            pdf.set_x(20)
        if footer:
            pdf.set_xy(20, 280)
            pdf.cell(170, 6, footer.format(n=number), align="C")
    pdf.output(str(path))
    return path


# An officer report in the UK "header block" style, over three pages.
CYCLING_REPORT_PAGES = [
    """Title of meeting: Transport Committee
Date of meeting: 14th March 2024
Subject: Active Travel Plan 2024-2029
Report by: Priya Raman, Head of Transport Planning

1. Purpose of report

1.1 This report sets out the draft Active Travel Plan for the borough and asks the committee to approve it for public consultation.""",
    """2. Recommendations

2.1 The Committee is recommended to approve the draft Active Travel Plan for eight weeks of public consultation.

3. Background

3.1 The council committed to building twelve kilometres of segregated cycle lanes along the Harbour Road corridor by 2027, connecting the railway station with the new secondary school.

3.2 Residents asked for safer crossings near schools, so every school in the borough will have a school street pilot by September 2025.""",
    """4. Financial implications

4.1 The capital cost of the first phase is estimated at 4.2 million pounds, funded by the regional transport grant.

4.2 Maintenance of the new lanes will be met from the existing highways revenue budget.""",
]

# Minutes in the US style, as a text file.
US_MINUTES = """CITY OF LAKEVIEW PLANNING COMMISSION
REGULAR MEETING MINUTES - JANUARY 8, 2024

1. CALL TO ORDER
Chair Okafor called the meeting to order at 7:00 p.m.

2. PUBLIC HEARING: ACCESSORY DWELLING UNITS
Staff presented amendments to the zoning code allowing accessory dwelling units on lots over 5,000 square feet. Three residents spoke in favor, citing the shortage of affordable rental homes.

MOTION BY: Commissioner Lee. SECOND: Commissioner Duarte.
RESULT: APPROVED 5-0.

3. ADJOURNMENT
The meeting adjourned at 8:15 p.m.
"""

# A Markdown strategy.
LIBRARY_STRATEGY_MD = """# Libraries Strategy 2023-2028

## Our promise

We will keep every branch library open at least five days a week, and we will extend Saturday opening hours in the three busiest branches.

## Digital inclusion

We will lend tablets and mobile data to residents who cannot get online, working with the adult learning service to offer free lessons.
"""

# An HTML page of a board decision notice.
FLOOD_NOTICE_HTML = """<!DOCTYPE html><html><head><title>Decision notice</title>
<style>.x { color: red }</style><script>var tracking = "do not index me";</script></head>
<body><h1>Decision notice: flood defence scheme</h1>
<p>The Environment Board agreed to fund raised embankments along the River Wendle to protect 340 homes from flooding.</p>
<ul><li>Works begin in spring.</li><li>Residents will be consulted on footpath diversions.</li></ul>
</body></html>
"""

# A cp1252 text file: the pound sign and curly quotes are single bytes there, invalid as UTF-8.
GRANT_NOTE_CP1252 = (
    "Community grants\n\nThe panel awarded \u00a315,000 to the \u201cMeals Together\u201d lunch club "
    "for isolated older residents in the Northgate ward.\n"
)


# A ModernGov-style agenda pack: agenda, the previous meeting's minutes and two reports, each paper
# starting on a page stamped "Agenda Item N", every page footed "Page N".
COMMITTEE_PACK_PAGES = [
    """NOTICE OF MEETING
PLANNING AND REGULATION COMMITTEE
TUESDAY, 12 MARCH 2024 AT 6.00 PM
AGENDA
1 Apologies for absence
2 Minutes of the previous meeting (Pages 3 - 4)
3 Street Trees Policy (Pages 5 - 6)
4 Allotments Review (Pages 7 - 8)""",
    "This page is intentionally left blank",
    """Agenda Item 2
MINUTES OF THE MEETING of the Planning and Regulation Committee held on Tuesday, 6 February 2024 at 6.00 pm
12. Apologies for absence
Apologies were received from Councillor Hughes.
13. Town Centre Parking
The committee considered the review of parking charges in the town centre car parks.""",
    """RESOLVED that
(1) evening parking charges be removed from the three town centre car parks; and
(2) officers report back on the effect on car park use within six months.
14. Date of next meeting
The next meeting will be held on 12 March 2024.""",
    """Agenda Item 3
Title of meeting: Planning and Regulation Committee
Date of meeting: 12 March 2024
Subject: Street Trees Policy
Report by: Morgan Ellis, Head of Parks
Wards affected: All
Key decision: Yes
1. Purpose of report
1.1 This report presents a new policy for planting and protecting street trees.
2. Recommendations
2.1 The Committee is recommended to adopt the Street Trees Policy.""",
    """3. Background
3.1 The council will plant two new street trees for every tree that has to be felled, using native species wherever the pavement allows.
3.2 Residents may sponsor a street tree outside their home.""",
    """Agenda Item 4
Title of meeting: Planning and Regulation Committee
Date of meeting: 12 March 2024
Subject: Allotments Review
Report by: Sam Okoro, Allotments Officer
Wards affected: Northgate; Riverside
Key decision: No
1. Purpose of report
1.1 This report reviews the waiting list for allotment plots.""",
    """2. Findings
2.1 The waiting list has grown to 412 households, and the average wait is now three years.
2.2 Splitting full plots into half plots would halve the average wait.""",
]


# The minutes of the pack's meeting (published later), deciding the reports that went to it.
COMMITTEE_MINUTES_TXT = """MINUTES OF THE MEETING of the Planning and Regulation Committee held on Tuesday, 12 March 2024 at 6.00 pm

20. Street Trees Policy (Item 3)

Morgan Ellis introduced the report and answered questions about native species.

RESOLVED that the Street Trees Policy be adopted.

21. Allotments Review (Item 4)

Members discussed the waiting list.

RESOLVED that the report be noted and that the waiting list figures by ward be circulated to members by 30 April 2024.
"""

# A later report that delivers the follow-up promised in the February minutes.
CAR_PARK_REPORT_TXT = """Title of meeting: Planning and Regulation Committee

Date of meeting: 9 July 2024

Subject: Car Park Use Review

Report by: Dana Whitfield, Parking Manager

1. Purpose of report

1.1 This report sets out the effect on car park use since evening parking charges were removed in the town centre car parks.

2. Findings

2.1 Evening use of the three car parks rose by 38 per cent.
"""

# A record of decision in the county style: labels alone on their lines, the maker's title wrapped.
RECORD_OF_DECISION_PAGES = [
    """WESTSHIRE COUNTY COUNCIL - RECORD OF DECISION
DECISION TO BE TAKEN BY:
Mr Tom Ashby, Cabinet Member for Highways and
Transport
DECISION NUMBER:
24/00071
Key decision: YES
Subject Matter / Title of Decision
Winter Gritting Routes 2024-25
Decision:
As Cabinet Member for Highways and Transport I agree to:
APPROVE the revised winter gritting routes, adding the B4410 and the hospital access road.
DELEGATE authority to the Director of Highways to make minor changes to the routes.
Reason(s) for decision:
Two routes carried more traffic than the primary network in the last two winters.""",
    """Signed: Tom Ashby
Date: 2 October 2024""",
]


# What a font without a usable character map gives for each letter: punctuation and digits.
_BROKEN_FONT = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                             "6',8/398+74.2-)*;=%#(&!<>@" * 2)


def write_shadowed_pdf(path: Path, pages: list[str]) -> Path:
    """Each letter drawn twice, in grey and then in black a hair up and to the left, as a shadow
    effect is printed: pypdf reads every letter twice ("HHAARRBBOOUURR")."""
    metrics = FPDF(unit="pt")
    metrics.set_font("Helvetica", size=11)
    streams = []
    for lines in pages:
        ops, y = [], 780.0
        for line in lines.split("\n"):
            x = 56.0
            for char in line:
                escaped = char.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"BT /F1 11 Tf 0.75 g 1 0 0 1 {x:.2f} {y:.2f} Tm ({escaped}) Tj ET")
                ops.append(f"BT /F1 11 Tf 0 g 1 0 0 1 {x - 0.44:.2f} {y + 0.44:.2f} Tm ({escaped}) Tj ET")
                x += metrics.get_string_width(char)
            y -= 15
        streams.append("\n".join(ops))
    return _write_streams(path, streams)


def _write_streams(path: Path, streams: list[str]) -> Path:
    """A PDF of one page per content stream, in Helvetica (F1), A4."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for ops in streams:
        stream = ops.encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode("latin-1") + stream + b"\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + (body if isinstance(body, bytes) else body.encode("latin-1")) + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode() + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def write_word_placed_pdf(path: Path, pages: list[str]) -> Path:
    """Each word in its own text object, placed as Google Docs' renderer does (a flipped page, then
    per word a text matrix and a line move), which pypdf reads as one word a line."""
    metrics = FPDF(unit="pt")
    metrics.set_font("Helvetica", size=11)
    streams = []
    for lines in pages:
        ops = ["1 0 0 -1 0 842 cm"]
        y = 60.0
        for line in lines.split("\n"):
            x = 56.0
            for word in line.split():
                escaped = word.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"BT /F1 11 Tf 1 0 0 -1 {x:.2f} {y:.2f} Tm 0 -9 Td ({escaped}) Tj ET")
                x += metrics.get_string_width(word + " ")
            y += 15
        streams.append("\n".join(ops))
    return _write_streams(path, streams)


def write_scanned_pdf(path: Path, pages: list[str | tuple[str]], dpi: int = 200, garbled_layer: bool = False) -> Path:
    """A PDF whose pages are images of text, as a scanner makes them (no text layer); a page given
    as a 1-tuple ``(text,)`` is written with a real text layer instead, for mixed files. With
    ``garbled_layer`` each image carries an invisible text layer that is not words, as a PDF whose
    font has no usable character map does: the page reads fine and extracts as punctuation."""
    from fpdf.enums import TextMode
    from PIL import Image, ImageDraw, ImageFont

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    font = ImageFont.load_default(size=int(dpi * 11 / 72))  # 11 pt at the scan's resolution
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        if isinstance(page, tuple):
            pdf.set_font("Helvetica", size=11)
            pdf.set_xy(20, 20)
            pdf.multi_cell(170, 6, page[0])
            continue
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        y = int(0.8 * dpi)
        for line in page.split("\n"):
            draw.text((int(0.8 * dpi), y), line, fill=0, font=font)
            y += int(dpi * 18 / 72)
        scan = path.with_name(f"{path.stem}-{number}.png")
        image.save(scan)
        pdf.image(str(scan), x=0, y=0, w=210, h=297)
        scan.unlink()
        if garbled_layer:
            pdf.set_font("Helvetica", size=11)
            pdf.text_mode = TextMode.INVISIBLE
            pdf.set_xy(20, 20)
            pdf.multi_cell(170, 6, page.translate(_BROKEN_FONT))
            pdf.text_mode = TextMode.FILL
    pdf.output(str(path))
    return path
