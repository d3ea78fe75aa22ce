#!/bin/sh
# chromium_check.sh — open the example reports in headless Chromium, fail on any
# failed or external request, and keep screenshots and a PDF to look at.
#
# Usage: report/testdata/chromium_check.sh [OUTDIR]   (from the repository root)
#
# Writes the example reports with "go test ./report -run TestSections -args
# -out OUTDIR" (default: a temporary directory), then for each language:
#   OUTDIR/LANG/screenshot.png  (1280×4000 window)
#   OUTDIR/LANG/report.pdf      (printed with the @media print style sheet)
#   OUTDIR/LANG/page-N.png      (the first pages of the PDF at 60 dpi, with pdftoppm)
# and checks that Chromium loaded the page (the DOM holds the last section)
# and that the page made no request at all: Chromium's network log
# (--log-net-log) must list no URL but Chromium's own service requests, and
# the DOM no src/href outside the page but data: URIs. Exits 0 when Chromium
# is not installed (skipped), 1 on failure.
set -eu

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$CHROMIUM" ]; then
	echo "chromium_check: SKIP: chromium not installed"
	exit 0
fi
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
go test ./report -count=1 -run 'TestSections$' -args -out "$OUT" >/dev/null

fail=0
for lang in en fr; do
	dir=$OUT/$lang
	html=$dir/report.html
	[ -f "$html" ] || { echo "chromium_check: $html missing"; exit 1; }
	profile=$(mktemp -d)
	flags="--headless --no-sandbox --disable-gpu --disable-background-networking
		--disable-component-update --no-first-run --disable-sync --user-data-dir=$profile
		--hide-scrollbars"
	# shellcheck disable=SC2086
	timeout 120 "$CHROMIUM" $flags --window-size=1280,4000 --screenshot="$dir/screenshot.png" "file://$html" \
		>"$dir/chromium.log" 2>&1 || true
	# shellcheck disable=SC2086
	timeout 120 "$CHROMIUM" $flags --no-pdf-header-footer --print-to-pdf="$dir/report.pdf" "file://$html" \
		>>"$dir/chromium.log" 2>&1 || true
	# shellcheck disable=SC2086
	timeout 120 "$CHROMIUM" $flags --log-net-log="$dir/netlog.json" --dump-dom "file://$html" \
		>"$dir/dom.html" 2>>"$dir/chromium.log" || true
	rm -rf "$profile"

	[ -s "$dir/screenshot.png" ] || { echo "chromium_check: $lang: no screenshot"; fail=1; }
	[ -s "$dir/report.pdf" ] || { echo "chromium_check: $lang: no PDF"; fail=1; }
	grep -q '<section id="methods">' "$dir/dom.html" || { echo "chromium_check: $lang: the page did not load (no methods section in the DOM)"; fail=1; }
	# Requests of the page: every URL of the network log, but those Chromium
	# makes for itself (Google accounts, updates, time), which the page cannot
	# cause.
	[ -s "$dir/netlog.json" ] || { echo "chromium_check: $lang: no network log"; fail=1; }
	grep -o '"url":"[^"]*"' "$dir/netlog.json" | sort -u \
		| grep -v -E '"url":"https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)/' \
		>"$dir/requests.txt" || true
	if [ -s "$dir/requests.txt" ]; then
		echo "chromium_check: $lang: the page made requests:"
		cat "$dir/requests.txt"
		fail=1
	fi
	if grep -o -E '(src|href)="[^"#][^"]*"' "$dir/dom.html" | grep -v -E '^(src|href)="data:' >"$dir/refs.txt"; then
		echo "chromium_check: $lang: the DOM references other documents:"
		cat "$dir/refs.txt"
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
