#!/bin/sh
# Renders every sheet of an .xlsx to PNG pages with LibreOffice (headless) and pdftoppm, so the
# written warnings can be looked at: scripts/render-xlsx.sh <file.xlsx> <outdir>
set -eu
if [ $# -ne 2 ]; then
  echo "usage: $0 <file.xlsx> <outdir>" >&2
  exit 2
fi
in=$1
out=$2
[ -f "$in" ] || { echo "$0: no such file: $in" >&2; exit 2; }
mkdir -p "$out"
base=$(basename "$in" .xlsx)
# A private profile: a running LibreOffice (or another render) must not block this one.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$in" >/dev/null
pdftoppm -png -r 80 "$out/$base.pdf" "$out/$base"
ls "$out"/"$base"*.png
