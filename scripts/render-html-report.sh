#!/usr/bin/env bash
# Builds the HTML report of a scan and renders it with headless Chromium to a
# PNG, for a visual check of the layout and the chart (one A4 page at 150 dpi:
# 1240x1754 pixels; the screenshot shows the top of the report).
#
#   scripts/render-html-report.sh SCAN.toml [OUT.png]
#
# Writes OUT.png (default: the scan's name with .png, in the current folder)
# and leaves the HTML next to it. Installs chromium with apt-get if it is
# missing and apt-get is there. Chromium runs without network services and
# with a throwaway profile.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 SCAN.toml [OUT.png]" >&2
    exit 2
fi
scan=$1
name=$(basename "${scan%.toml}")
png=${2:-$name.png}
html=${png%.png}.html
root=$(cd "$(dirname "$0")/.." && pwd)

find_chromium() {
    command -v chromium || command -v chromium-browser || command -v google-chrome || true
}
browser=$(find_chromium)
if [[ -z $browser ]]; then
    if command -v apt-get >/dev/null; then
        sudo=""
        [[ $(id -u) -ne 0 ]] && sudo=sudo
        $sudo apt-get install -y chromium >&2
        browser=$(find_chromium)
    fi
fi
if [[ -z $browser ]]; then
    echo "$0: chromium not found; install it (apt-get install chromium)" >&2
    exit 2
fi

cargo build --quiet --manifest-path "$root/Cargo.toml"
"$root/target/debug/zelfscan" report "$scan" --format html --output "$html"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$profile" --hide-scrollbars \
    --screenshot="$(realpath -m "$png")" --window-size=1240,1754 \
    "file://$(realpath "$html")" >/dev/null 2>&1
echo "$png"
