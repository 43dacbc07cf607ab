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
