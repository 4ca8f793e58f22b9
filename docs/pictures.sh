#!/usr/bin/env bash
# The README's pictures, and a look at every workspace in use: each screen size a fresh Xvfb with openbox, each
# picture a fresh console on the demo room (fresh config and data folders), in English and Chinese.
# Usage (from the project root): docs/pictures.sh OUTDIR [WIDTHxHEIGHT ...]   default: 1366x768 1920x1080
# QT_SCALE_FACTOR=1.5 in the environment checks a 150 % desktop. Look at the pictures; the sizes prove little.
set -u
out=${1:?usage: docs/pictures.sh OUTDIR [WxH ...]}; shift
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1366x768 1920x1080)
python=${PYTHON:-.venv/bin/python}
command -v Xvfb >/dev/null || { echo "Xvfb missing: apt-get install -y xvfb openbox"; exit 2; }
for size in "${sizes[@]}"; do
  disp=:$((500 + RANDOM % 300))
  Xvfb $disp -screen 0 ${size}x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
  sleep 1
  wm=""; command -v openbox >/dev/null && { DISPLAY=$disp openbox >/dev/null 2>&1 & wm=$!; sleep 0.5; }
  for lang in en zh_CN; do
    for ws in Assistant Streamer Technician Analyst; do
      tmp=$(mktemp -d)
      ONAIR_CONFIG_DIR=$tmp/cfg ONAIR_DATA_DIR=$tmp/data DISPLAY=$disp QT_QPA_PLATFORM=xcb \
        timeout 120 "$python" -m docs.pictures "$out/$size" $lang $ws 2>"$tmp/err" | grep png \
        || echo "$out/$size/$ws-$lang.png  FAILED: $(grep -v '^qt\.' "$tmp/err" | tail -n 1)"
      rm -rf "$tmp"
    done
  done
  [ -n "$wm" ] && kill $wm 2>/dev/null
  kill $xpid 2>/dev/null; wait $xpid 2>/dev/null
done
