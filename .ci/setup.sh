#!/usr/bin/env bash
# Set up a fresh machine for oit-audit's test suite: system packages (Chromium, Tesseract with
# Thai data, Thai fonts, Poppler, redis-server for the distributed-batch test, which starts its
# own server on a free 127.0.0.1 port) from Debian's packages, then a virtualenv with the project.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PACKAGES="chromium tesseract-ocr tesseract-ocr-tha fonts-thai-tlwg poppler-utils redis-server"
missing=""
for p in $PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing system packages:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
