#!/bin/sh
# Writes the two chart fixtures ExcelJS cannot make itself: a small matrix workbook with a bar
# chart and a note, drawn by openpyxl (test/fixtures/chart-openpyxl.xlsx, whose drawing the file
# reader trips on) and the same re-saved by LibreOffice (test/fixtures/chart-libreoffice.xlsx,
# which it reads, and whose chart it cannot write back).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$tmp/chart.xlsx" <<'PY'
import sys
import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Plan"
ws.append(["Department", "Grow ARR", "Cut churn"])
ws.append(["Sales", "Launch a partner channel to add $3M ARR by Q3 2027", "n/a"])
ws.append(["Support", "n/a", "Open a renewal desk to cut churn from 5% to 3% by Q4 2027"])
ws["A1"].comment = Comment("Owned by the strategy office", "planner")
data = wb.create_sheet("Data")
for i in range(1, 6):
    data.append([i, i * i])
chart = BarChart()
chart.add_data(Reference(data, min_col=2, min_row=1, max_row=5))
data.add_chart(chart, "D2")
wb.save(sys.argv[1])
PY
cp "$tmp/chart.xlsx" test/fixtures/chart-openpyxl.xlsx
soffice -env:UserInstallation=file://"$tmp/profile" --headless --convert-to xlsx --outdir "$tmp/lo" "$tmp/chart.xlsx" >/dev/null 2>&1
cp "$tmp/lo/chart.xlsx" test/fixtures/chart-libreoffice.xlsx
echo "wrote test/fixtures/chart-openpyxl.xlsx and test/fixtures/chart-libreoffice.xlsx"
