#!/usr/bin/env bash
# Set up plandiff on a fresh Debian machine: system packages (when root), a virtual environment in .venv,
# and the package with its test tools. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Usage: setup.sh [--test]. With --test, also what the tests use: chromium (the HTML report opened in a
# headless browser) and LibreOffice Calc (the workbook converted by another spreadsheet program).
SYSTEM_PACKAGES=(fonts-noto-cjk libharfbuzz-subset0 poppler-utils)
if [ "${1:-}" = "--test" ]; then
  SYSTEM_PACKAGES+=(chromium libreoffice-calc-nogui)
fi

apt_install() {
  if [ "$(id -u)" = 0 ]; then
    echo "plandiff setup: installing system packages: $*" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "plandiff setup: missing system packages: $*" >&2
    echo "  install them with: sudo apt-get install $*" >&2
    return 1
  fi
}

missing=()
for package in "${SYSTEM_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}" || echo "plandiff setup: continuing; PDF reports need them" >&2
fi

if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    rm -rf .venv
    apt_install python3-venv python3-pip
    python3 -m venv .venv
  fi
fi
stamp=.venv/.plandiff-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
