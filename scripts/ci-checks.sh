#!/usr/bin/env bash
# The checks that need system packages (LibreOffice, openpyxl, Chromium), run by .ci/run after the
# unit tests: the command line on real .xlsx files, its output opened by independent readers, and
# the built task pane driven in Chromium. Needs `npm run build` and the CLI built (npm install).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "--- npm run demo (the README's first command)"
rm -f examples/sample-matrix.validated.xlsx
npm run -s demo > "$work/demo.txt"
head -5 "$work/demo.txt"
[ -f examples/sample-matrix.validated.xlsx ] || { echo "demo wrote no validated copy"; exit 1; }

echo "--- the validated copy, read by openpyxl"
/usr/bin/python3 scripts/check-output.py examples/sample-matrix.validated.xlsx > "$work/openpyxl.txt" || {
  cat "$work/openpyxl.txt"; exit 1; }
tail -3 "$work/openpyxl.txt"

echo "--- the validated copy, rendered by LibreOffice"
bash scripts/render-xlsx.sh examples/sample-matrix.validated.xlsx "$work/render" > "$work/render.txt"
pages=$(wc -l < "$work/render.txt")
[ "$pages" -gt 0 ] || { echo "LibreOffice rendered no page"; exit 1; }
echo "rendered $pages page(s)"

echo "--- validate twice, then clear: same workbook, user cells intact"
node bin/interlock.js validate examples/sample-matrix.xlsx --out "$work/once.xlsx" --quiet --fail-on never
node bin/interlock.js validate "$work/once.xlsx" --out "$work/twice.xlsx" --quiet --fail-on never
node bin/interlock.js clear "$work/twice.xlsx" --out "$work/cleared.xlsx" --all
/usr/bin/python3 - "$work" <<'PY'
import sys, openpyxl, warnings
warnings.simplefilter("ignore")
w = sys.argv[1]
orig = openpyxl.load_workbook("examples/sample-matrix.xlsx")
def cells(wb, names):
    return {(s, c.coordinate): c.value for s in names for row in wb[s].iter_rows() for c in row if c.value is not None}
def owned(wb):
    """Sheets the workbook's Interlock state sheet lists as Interlock's own."""
    for ws in wb.worksheets:
        if ws["A1"].value == "Interlock state":
            rows = list(ws.iter_rows(values_only=True))
            at = next(i for i, r in enumerate(rows) if r[:2] == ("sheet", "role"))
            return {r[0] for r in rows[at + 1:] if r[0]}
    return set()
# The sample is a workbook after an earlier run: its Interlock sheets are not user sheets.
names = [s for s in orig.sheetnames if s not in owned(orig)]
for label in ("once", "twice", "cleared"):
    wb = openpyxl.load_workbook(f"{w}/{label}.xlsx")
    if cells(wb, names) != cells(orig, names):
        sys.exit(f"{label}: user cells changed")
once, twice = openpyxl.load_workbook(f"{w}/once.xlsx"), openpyxl.load_workbook(f"{w}/twice.xlsx")
if once.sheetnames != twice.sheetnames:
    sys.exit(f"re-run changed the sheets: {once.sheetnames} vs {twice.sheetnames}")
for s in names:
    a = sum(len(r.rules) for r in once[s].conditional_formatting)
    b = sum(len(r.rules) for r in twice[s].conditional_formatting)
    if a != b:
        sys.exit(f"re-run stacked rules on {s}: {a} then {b}")
cleared = openpyxl.load_workbook(f"{w}/cleared.xlsx")
if cleared.sheetnames != names:
    sys.exit(f"clear left sheets behind: {cleared.sheetnames}")
print("user cells identical after validate, re-validate and clear; re-run stacks nothing")
PY

echo "--- a validated copy saved by another program (openpyxl), with notes, validated again"
/usr/bin/python3 - "$work" <<'PY'
import sys, openpyxl, warnings
from openpyxl.comments import Comment
warnings.simplefilter("ignore")
wb = openpyxl.load_workbook(f"{sys.argv[1]}/once.xlsx")
wb["Plan FY27"]["N2"].comment = Comment("a planner's note on the matrix sheet", "Bo")
wb["Cascade Sales"]["E40"] = "Typed by the Sales head"
wb["Cascade Sales"]["E40"].comment = Comment("a note on Interlock's own sheet", "Ana")
wb.save(f"{sys.argv[1]}/foreign.xlsx")
PY
node bin/interlock.js validate "$work/foreign.xlsx" --out "$work/foreign.validated.xlsx" --fail-on never > "$work/foreign.txt"
grep -q "Note: Cascade Sales: 1 note was on this sheet and is not carried over" "$work/foreign.txt" || {
  cat "$work/foreign.txt"; echo "the lost note was not reported"; exit 1; }
/usr/bin/python3 - "$work" <<'PY'
import sys, openpyxl, warnings
warnings.simplefilter("ignore")
wb = openpyxl.load_workbook(f"{sys.argv[1]}/foreign.validated.xlsx")
note = wb["Plan FY27"]["N2"].comment
if not note or "planner's note" not in note.text:
    sys.exit("the note on the matrix sheet was lost")
if not any("Typed by the Sales head" == c.value for row in wb["Cascade Sales"].iter_rows() for c in row):
    sys.exit("the typed cascade row was lost")
print("openpyxl's copy validated again: it opens, the matrix note and the typed row stay, the lost note is named")
PY

echo "--- bad input: exit 2, a one-line reason, no output file"
for bad in test/fixtures/bad-*.xlsx; do
  set +e
  node bin/interlock.js validate "$bad" --out "$work/bad.xlsx" > /dev/null 2> "$work/bad.err"
  rc=$?
  set -e
  [ $rc -eq 2 ] || { echo "$bad: exit $rc, expected 2"; exit 1; }
  [ ! -e "$work/bad.xlsx" ] || { echo "$bad: an output file was left behind"; exit 1; }
  echo "$(basename "$bad"): $(head -1 "$work/bad.err")"
done

echo "--- the task pane in Chromium (file mode)"
npm run -s test:e2e
