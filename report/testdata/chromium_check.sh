#!/bin/sh
# chromium_check.sh — open the example reports in headless Chromium, fail on any
# failed or external request, and keep screenshots and a PDF to look at.
#
# Usage: report/testdata/chromium_check.sh [OUTDIR]   (from the repository root)
#
# Writes the example reports with "go test ./report -run TestWriteFiles -out
# OUTDIR" (default: a temporary directory), then for each language:
#   OUTDIR/LANG/screenshot.png  (1280×4000 window)
#   OUTDIR/LANG/report.pdf      (printed with the @media print style sheet)
#   OUTDIR/LANG/page-N.png      (the first pages of the PDF at 60 dpi, with pdftoppm)
# and checks that Chromium loaded the page with no failed request and no
# request leaving the file (the report must be self-contained). Exits 0 when
# Chromium is not installed (skipped), 1 on failure.
set -eu

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$CHROMIUM" ]; then
	echo "chromium_check: SKIP: chromium not installed"
	exit 0
fi
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
go test ./report -count=1 -run 'TestWriteFiles$' -args -out "$OUT" >/dev/null
go test ./report -count=1 -run 'TestSections$' -args -out "$OUT" >/dev/null

fail=0
for lang in en fr; do
	dir=$OUT/$lang
	html=$dir/report.html
	[ -f "$html" ] || { echo "chromium_check: $html missing"; exit 1; }
	profile=$(mktemp -d)
	flags="--headless --no-sandbox --disable-gpu --disable-background-networking
		--disable-component-update --no-first-run --disable-sync --user-data-dir=$profile
		--enable-logging=stderr --v=1 --hide-scrollbars"
	# shellcheck disable=SC2086
	timeout 120 "$CHROMIUM" $flags --window-size=1280,4000 --screenshot="$dir/screenshot.png" "file://$html" \
		>"$dir/chromium.log" 2>&1 || true
	# shellcheck disable=SC2086
	timeout 120 "$CHROMIUM" $flags --no-pdf-header-footer --print-to-pdf="$dir/report.pdf" "file://$html" \
		>>"$dir/chromium.log" 2>&1 || true
	# shellcheck disable=SC2086
	timeout 120 "$CHROMIUM" $flags --dump-dom "file://$html" >"$dir/dom.html" 2>>"$dir/chromium.log" || true
	rm -rf "$profile"

	[ -s "$dir/screenshot.png" ] || { echo "chromium_check: $lang: no screenshot"; fail=1; }
	[ -s "$dir/report.pdf" ] || { echo "chromium_check: $lang: no PDF"; fail=1; }
	grep -q '<section id="methods">' "$dir/dom.html" || { echo "chromium_check: $lang: the page did not load (no methods section in the DOM)"; fail=1; }
	# Failed loads and any request to the network.
	if grep -E 'net::ERR_|Failed to load|Not allowed to load|(GET|POST) https?://|Refused to' "$dir/chromium.log" \
		| grep -v -E 'dbus|gcm|Fontconfig|ALSA|crashpad' >"$dir/failures.txt"; then
		echo "chromium_check: $lang: failed or external requests:"
		cat "$dir/failures.txt"
		fail=1
	fi
	if command -v pdfinfo >/dev/null && [ -s "$dir/report.pdf" ]; then
		pages=$(pdfinfo "$dir/report.pdf" | awk '/^Pages:/ {print $2}')
		echo "chromium_check: $lang: $pages PDF pages"
		pdftoppm -png -r 60 -f 1 -l 4 "$dir/report.pdf" "$dir/page"
	fi
	echo "chromium_check: $lang: screenshot $dir/screenshot.png"
done
exit $fail
