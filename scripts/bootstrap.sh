#!/usr/bin/env bash
# Shared set-up for scripts/run-demo and scripts/test: system libraries Qt needs, the virtual
# environment, the app (and, with --dev, the test tools). Idempotent: a second run is quick.
set -euo pipefail
cd "$(dirname "$0")/.."

want_dev=0
[ "${1:-}" = "--dev" ] && want_dev=1

python=${PYTHON:-python3}
"$python" - <<'PY' || { echo "Caseworker needs Python 3.11 or newer" >&2; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY

# Qt's offscreen and xcb platforms need these on a bare Debian/Ubuntu.
qt_libs="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon-x11-0
 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0"
missing=""
for lib in $qt_libs; do
  dpkg -s "$lib" >/dev/null 2>&1 || missing="$missing $lib"
done
if [ -n "$missing" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    echo "Installing system libraries for Qt:$missing"
    $sudo_cmd apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing
  else
    echo "Please install the Qt runtime libraries:$missing" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "$want_dev" = 1 ]; then
  .venv/bin/python -m pip install -q -e '.[dev]'
else
  .venv/bin/python -m pip install -q -e .
fi
# Translations are compiled from the .ts sources at install time (the .qm files are not kept).
if [ -x scripts/build-translations ]; then
  scripts/build-translations
fi
