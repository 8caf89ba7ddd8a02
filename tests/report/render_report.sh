#!/usr/bin/env bash
# Renders the adviser's report in headless Chromium and saves a screenshot (CTest
# report_screenshot). Exit 77 (skipped) when no Chromium is installed.
set -euo pipefail
cli="$1"; out_dir="$2"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then echo "no chromium: skipped"; exit 77; fi
mkdir -p "$out_dir"
"$cli" report --out "$out_dir/report_nl.html"
"$cli" report --lang en --out "$out_dir/report_en.html"
for lang in nl en; do
  rm -f "$out_dir/report_$lang.png"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,5200 \
    --screenshot="$out_dir/report_$lang.png" "file://$out_dir/report_$lang.html" >/dev/null 2>&1 || true
  [[ -s "$out_dir/report_$lang.png" ]] || { echo "no screenshot for $lang"; exit 1; }
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --print-to-pdf="$out_dir/report_$lang.pdf" \
    "file://$out_dir/report_$lang.html" >/dev/null 2>&1 || true
  [[ -s "$out_dir/report_$lang.pdf" ]] || { echo "no PDF for $lang"; exit 1; }
  # The print style sheet asks for A4: 595 x 842 points (210 x 297 mm) on every page.
  if grep -a -o 'MediaBox \[[^]]*\]' "$out_dir/report_$lang.pdf" | grep -v -q -E 'MediaBox \[0 0 59[45]\.[0-9]* 84[12]\.[0-9]*\]'; then
    echo "PDF for $lang is not A4:"; grep -a -o 'MediaBox \[[^]]*\]' "$out_dir/report_$lang.pdf" | sort -u; exit 1
  fi
done
echo "screenshots and PDFs in $out_dir"
