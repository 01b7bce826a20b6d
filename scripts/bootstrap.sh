#!/usr/bin/env bash
# Shared set-up for scripts/run-demo and scripts/test: the system libraries Qt needs, the
# virtual environment, the app (and, with --dev, the test tools), the compiled translations.
#
#   scripts/bootstrap.sh            the app, for a real window (run-demo)
#   scripts/bootstrap.sh --dev      the app and the test tools; Qt offscreen only (tests, CI)
#
# Quick when nothing changed: the pip install runs only when the venv is new or pyproject.toml
# changed since the last install (a stamp .venv/.installed-<mode>-<hash>); translations are
# compiled only when a .ts is newer than its .qm; apt-get is used only for libraries missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=app
[ "${1:-}" = "--dev" ] && mode=dev

python=${PYTHON:-python3}
"$python" - <<'PY' || { echo "Caseworker needs Python 3.11 or newer" >&2; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY

# Qt's offscreen platform (tests, screenshots) needs these; apt brings what they depend on.
offscreen_libs="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0"
# A real window on X11 (xcb) needs these as well.
window_libs="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0"
wanted=$offscreen_libs
[ "$mode" = app ] && wanted="$offscreen_libs $window_libs"

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for lib in $wanted; do
    installed "$lib" || missing="$missing $lib"
  done
fi
if [ -n "$missing" ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo_cmd="sudo"
  if ! command -v apt-get >/dev/null 2>&1 || { [ "$(id -u)" -ne 0 ] && [ -z "$sudo_cmd" ]; }; then
    echo "Please install the Qt runtime libraries:$missing" >&2
  else
    echo "Installing system libraries for Qt:$missing"
    # Another apt (an unattended upgrade, a parallel job) may hold the lock: wait for it, up to
    # ${APT_LOCK_WAIT} seconds, rather than fail at once.
    wait_s=${APT_LOCK_WAIT:-300}
    apt_opts=(-o "DPkg::Lock::Timeout=$wait_s" -qq)
    deadline=$((SECONDS + wait_s))
    until $sudo_cmd apt-get "${apt_opts[@]}" update; do
      if [ $SECONDS -ge $deadline ]; then
        echo "apt-get update failed (is another apt still running?)" >&2
        exit 1
      fi
      sleep 5
    done
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get "${apt_opts[@]}" install -y \
      --no-install-recommends $missing
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
hash=$(.venv/bin/python -c 'import hashlib,sys; print(hashlib.sha256(open("pyproject.toml","rb").read()).hexdigest()[:16])')
stamp=".venv/.installed-$mode-$hash"
# A dev install holds everything an app install does.
if [ -f "$stamp" ] || { [ "$mode" = app ] && [ -f ".venv/.installed-dev-$hash" ]; }; then
  : # installed from this very pyproject.toml: nothing to do
else
  .venv/bin/python -m pip install -q --upgrade pip
  if [ "$mode" = dev ]; then
    .venv/bin/python -m pip install -q -e '.[dev]'
  else
    .venv/bin/python -m pip install -q -e .
  fi
  rm -f .venv/.installed-*
  touch "$stamp"
fi

# Translations are compiled from the .ts sources (the .qm files are not kept in git).
if [ -x scripts/build-translations ]; then
  for ts in resources/caseworker_*.ts; do
    if [ ! -f "${ts%.ts}.qm" ] || [ "$ts" -nt "${ts%.ts}.qm" ]; then
      scripts/build-translations
      break
    fi
  done
fi
