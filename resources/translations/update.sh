#!/usr/bin/env bash
# Refresh the translation catalogue from the sources, then compile it. Edit onair_zh_CN.ts
# (by hand or with .venv/bin/pyside6-linguist) between the two steps when strings were added.
set -euo pipefail
cd "$(dirname "$0")/../.."
.venv/bin/pyside6-lupdate \
    console/*.py \
    console/core/*.py \
    console/core/telemetry/audience*.py \
    console/core/chat/*.py \
    console/core/telemetry/writer.py \
    console/core/review/*.py \
    console/core/rundown/*.py \
    console/core/alerts/*.py \
    console/core/studio/shared*.py \
    widgets/*.py \
    obs/errors.py \
    obs/text.py \
    obs/oswords.py \
    obs/health.py \
    obs/health_rules.py \
    obs/health_audio.py \
    obs/health_audience.py \
    obs/health_record.py \
    obs/vocabulary.py \
    checklists/*.py \
    obs/logfile.py \
    obs/log_findings.py \
    obs/logcheck/*.py \
    obs/commands.py \
    obs/go_live.py \
    obs/simulator/scenarios.py \
    -ts resources/translations/onair_zh_CN.ts -no-obsolete
.venv/bin/pyside6-lrelease resources/translations/onair_zh_CN.ts -qm resources/translations/onair_zh_CN.qm
