#!/usr/bin/python3
"""Reads an .xlsx with openpyxl (Debian's python3-openpyxl), a reader that
shares no code with the server's writer, and prints every cell as JSON:
{"sheets": [{"name": ..., "rows": [[[value, type, number_format], ...], ...]}]}.
type is openpyxl's: "s" text, "n" number, "d" date-time; a date-time's value
is printed as ISO 8601 (2026-12-01T09:12:00). Used by tests/unit/export_files_test.cpp."""
import datetime
import json
import sys

import openpyxl


def cell(c):
    v = c.value
    if isinstance(v, datetime.datetime):
        v = v.isoformat()
    return [v, c.data_type, c.number_format]


book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": []}
for ws in book.worksheets:
    frozen = ws.freeze_panes
    out["sheets"].append({"name": ws.title, "frozen": frozen,
                          "header_bold": all(c.font.b for c in ws[1]) if ws.max_row >= 1 else False,
                          "rows": [[cell(c) for c in row] for row in ws.iter_rows()]})
json.dump(out, sys.stdout, ensure_ascii=False)
