"""Test helper: what openpyxl reads from a workbook the sheet writer made, as one JSON document."""
import json
import sys

import openpyxl


def color(c):
    return c.rgb if c is not None and c.type == "rgb" else None


def cell(c):
    v = c.value
    if hasattr(v, "isoformat"):
        v = v.isoformat()
    return {
        "value": v,
        "type": c.data_type,
        "fill": color(c.fill.fgColor) if c.fill.fill_type == "solid" else None,
        "font": color(c.font.color) if c.font and c.font.color is not None else None,
        "bold": bool(c.font.b),
        "format": c.number_format,
        "wrap": bool(c.alignment.wrap_text),
        "link": c.hyperlink.location if c.hyperlink is not None else None,
    }


def sheet(ws):
    rules = []
    for cf in ws.conditional_formatting:
        for r in cf.rules:
            rules.append({
                "sqref": str(cf.sqref),
                "type": r.type,
                "priority": r.priority,
                "formula": list(r.formula or []),
                "fill": color(r.dxf.fill.bgColor) if r.dxf is not None and r.dxf.fill is not None else None,
                "stop": bool(r.stopIfTrue),
            })
    return {
        "state": ws.sheet_state,
        "freeze": ws.freeze_panes,
        "dimensions": ws.dimensions,
        "tabColor": color(ws.sheet_properties.tabColor) if ws.sheet_properties.tabColor is not None else None,
        "cells": {c.coordinate: cell(c) for row in ws.iter_rows() for c in row if c.value is not None or c.has_style},
        "tables": {
            t.name: {"ref": t.ref, "columns": [col.name for col in t.tableColumns], "style": t.tableStyleInfo.name}
            for t in ws.tables.values()
        },
        "validations": [
            {"sqref": str(dv.sqref), "formula1": dv.formula1, "errorStyle": dv.errorStyle, "prompt": dv.prompt}
            for dv in ws.data_validations.dataValidation
        ],
        "rules": rules,
    }


wb = openpyxl.load_workbook(sys.argv[1])
json.dump({ws.title: sheet(ws) for ws in wb.worksheets}, sys.stdout)
