#!/usr/bin/env bash
# Installs the Debian packages Dateline's tests and benchmarks need, if they are missing:
# Chromium (browser tests), ffmpeg (media), wrk (benchmarks), a Java runtime (the Nu HTML
# checker in the validity test). Safe to run again.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
command -v ffprobe >/dev/null 2>&1 || need+=(ffmpeg)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
# Fonts for Cyrillic and Persian pages in browser tests and screenshots.
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)

if [ ${#need[@]} -eq 0 ]; then
  echo "setup: all Debian packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "setup: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
