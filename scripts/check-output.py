#!/usr/bin/python3
"""Opens a validated .xlsx with openpyxl (an independent reader) and prints, then checks, what
Interlock wrote: its sheets and their visibility, the conditional-format rules on the matrix,
tables, drop-downs and links (in-document hyperlinks; it writes no cell formulas, everything else is text). Exit 1 when something is off, 2 on usage.

usage: scripts/check-output.py <validated.xlsx> [--expect-rules N]
"""
import sys
import warnings

import openpyxl

STATE_SIGNATURE = "Interlock state"


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    path = argv[1]
    expect_rules = int(argv[argv.index("--expect-rules") + 1]) if "--expect-rules" in argv else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path)
    problems = []

    print(f"{path}: {len(wb.sheetnames)} sheets")
    for ws in wb.worksheets:
        print(f"  {ws.title!r:40} {ws.sheet_state:10} {ws.max_row}x{ws.max_column}")

    states = [ws for ws in wb.worksheets if ws["A1"].value == STATE_SIGNATURE]
    if len(states) != 1:
        problems.append(f"expected one state sheet, found {len(states)}")
        return report(problems)
    state = states[0]
    if state.sheet_state != "veryHidden":
        problems.append(f"state sheet {state.title!r} is {state.sheet_state}, not veryHidden")
    marker = state["B2"].value
    matrix_sheet, matrix_range, recorded_rules = state["B3"].value, state["C3"].value, state["D3"].value
    owned = {}
    for row in state.iter_rows(min_row=6, values_only=True):
        if row and row[0]:
            owned[row[0]] = (row[1], row[2] if len(row) > 2 else None)
    print(f"\nstate {state.title!r}: version {state['B1'].value}, marker {marker}, matrix {matrix_sheet}!{matrix_range}, {recorded_rules} rules")
    for name, (role, dept) in owned.items():
        print(f"  owns {name!r:40} {role:9} {dept or ''}")
        if name not in wb.sheetnames:
            problems.append(f"state records {name!r}, which is not in the workbook")
    lower = [n.lower() for n in wb.sheetnames]
    if len(set(lower)) != len(lower):
        problems.append("two sheets share a name (case-insensitively)")
    for name in wb.sheetnames:
        if len(name) > 31 or any(ch in name for ch in "[]:*?/\\"):
            problems.append(f"illegal sheet name {name!r}")

    if matrix_sheet:
        ws = wb[matrix_sheet]
        print(f"\nconditional formats on {matrix_sheet!r}:")
        ours = 0
        for rng, rules in ws.conditional_formatting._cf_rules.items():
            for rule in rules:
                formula = (rule.formula or [""])[0]
                mine = marker in formula
                ours += mine
                fill = rule.dxf.fill.bgColor.rgb if rule.dxf and rule.dxf.fill is not None else None
                print(f"  {'INTERLOCK' if mine else 'user     '} {rng.sqref} p{rule.priority} {rule.type} fill={fill} {formula[:110]}{'…' if len(formula) > 110 else ''}")
                if mine and str(rng.sqref) != matrix_range:
                    problems.append(f"an Interlock rule covers {rng.sqref}, not the body range {matrix_range}")
                if formula.startswith("="):
                    problems.append("a rule formula starts with '='")
        if ours != recorded_rules:
            problems.append(f"{ours} Interlock rules on the matrix, the state records {recorded_rules}")
        if expect_rules is not None and ours != expect_rules:
            problems.append(f"{ours} Interlock rules on the matrix, expected {expect_rules}")
        for other in wb.worksheets:
            if other.title == matrix_sheet:
                continue
            for rng, rules in other.conditional_formatting._cf_rules.items():
                if any(marker in (r.formula or [""])[0] for r in rules):
                    problems.append(f"an Interlock matrix rule is left on {other.title!r}")

    for name, (role, _) in owned.items():
        if name not in wb.sheetnames:
            continue
        ws = wb[name]
        tables = [f"{t.name} {t.ref}" for t in ws.tables.values()]
        dvs = [f"{dv.sqref} list={dv.formula1}" for dv in ws.data_validations.dataValidation]
        cfs = [f"{rng.sqref} {r.type}" for rng, rules in ws.conditional_formatting._cf_rules.items() for r in rules]
        links = sum(
            1
            for row in ws.iter_rows()
            for c in row
            if c.hyperlink is not None or (c.data_type == "f" and str(c.value).upper().startswith("=HYPERLINK("))
        )
        if tables or dvs or cfs or links:
            print(f"\n{name!r} ({role}): tables {tables}, drop-downs {dvs}, rules {cfs}, links {links}")
        for t in ws.tables.values():
            first = openpyxl.utils.cell.range_boundaries(t.ref)
            if first[3] <= first[1]:
                problems.append(f"table {t.name} on {name!r} has no data row")
        if role == "cascade" and not dvs:
            problems.append(f"cascade sheet {name!r} has no parent drop-down")
        places = sum(1 for (v,) in ws.iter_rows(min_row=5, min_col=3, max_col=3, values_only=True) if v)
        if role == "findings" and places > 0 and links == 0:
            problems.append("the findings sheet links to no cell")
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" and not str(c.value).upper().startswith("=HYPERLINK("):
                    problems.append(f"{name}!{c.coordinate} holds a formula: Interlock writes text as text")
    return report(problems)


def report(problems):
    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print(f"  - {p}")
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
