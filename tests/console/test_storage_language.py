"""A stored run is language-independent: titles in every language, sensed results as template + measured
fields; rows from before that keep showing the text they were stored with. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from checklists.checks import failed, passed
from checklists.engine import ChecklistRun, ItemState, ItemStatus
from checklists.loader import load_all
from console.core.storage import Storage


def chinese(context: str, text: str) -> str:
    """The catalogue's Chinese for the two results used here (what QCoreApplication.translate gives)."""
    return {
        "“{input}” is muted.": "“{input}”已静音。",
        "“{source}” shows a picture (brightness {pct:.0f} %).": "“{source}”有画面（亮度 {pct:.0f}%）。",
        "failed": "未通过",
    }.get(text, text)


def test_a_run_saved_in_english_reads_in_any_language(storage: Storage) -> None:
    run = ChecklistRun(load_all()[0]["streamer-go-live"], "Lee", "Room 1")
    run.states["mic-live"] = ItemState(ItemStatus.FAILED, failed("“{input}” is muted.", input="主播麦克风"))
    run.states["camera-picture"] = ItemState(
        ItemStatus.PASSED, passed("“{source}” shows a picture (brightness {pct:.0f} %).", source="摄像机", pct=30.4)
    )
    run.set_note("phone-silent", "both phones")
    stored = storage.run(storage.save_run(run, "en"))
    assert (
        stored is not None
        and stored.title_in("zh_CN") == "主播开播确认"
        and stored.title_in("en") == "Streamer go-live"
    )
    items = {i.item_id: i for i in stored.items}
    mic = items["mic-live"]
    assert mic.title_in("zh_CN") == "麦克风能收到你的声音（说几句话）"
    assert (mic.result_template, dict(mic.result_fields or {})) == ("“{input}” is muted.", {"input": "主播麦克风"})
    assert mic.result_in() == "“主播麦克风” is muted." and mic.result_in(chinese) == "“主播麦克风”已静音。"
    assert mic.status_in() == "failed" and mic.status_in(chinese) == "未通过"
    camera = items["camera-picture"]
    assert camera.result_in(chinese) == "“摄像机”有画面（亮度 30%）。", "measured values keep their numbers"
    assert items["phone-silent"].note == "both phones" and items["phone-silent"].result_template is None


def test_a_translation_that_does_not_fit_its_fields_falls_back_to_english(storage: Storage) -> None:
    run = ChecklistRun(load_all()[0]["streamer-go-live"], "Lee", "Room 1")
    run.states["mic-live"] = ItemState(ItemStatus.FAILED, failed("“{input}” is muted.", input="mic"))
    stored = storage.run(storage.save_run(run))
    assert stored is not None
    mic = next(i for i in stored.items if i.item_id == "mic-live")
    assert mic.result_in(lambda context, text: "{nope} broken") == "“mic” is muted."


def test_rows_stored_before_0006_show_the_text_they_were_stored_with(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from console.core.storage import MIGRATIONS

    store = Storage(f"sqlite:///{tmp_path / 'old.db'}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        connection.execute(
            text(
                "insert into checklist_runs (checklist_id, checklist_title, room, operator, started_at, updated_at,"
                " ready, origin) values ('streamer-go-live', 'Streamer go-live', 'r', 'Lee', '2026-11-01 10:00:00',"
                " '2026-11-01 10:00:00', 0, 'console')"
            )
        )
        connection.execute(
            text(
                "insert into checklist_items (run_id, position, item_id, title, kind, required, status, detail,"
                " confirmed_by, override_reason, note) values (1, 0, 'mic-live', 'Microphone', 'sensed', 1,"
                " 'failed', '“mic” is muted.', '', '', '')"
            )
        )
    store.migrate()
    (listed,) = store.runs(since=datetime(2026, 10, 1, tzinfo=UTC))
    old = store.run(listed.id)
    assert old is not None and old.title_in("zh_CN") == "Streamer go-live"
    (item,) = old.items
    assert (item.title_in("zh_CN"), item.result_in(chinese), item.status_in(chinese)) == (
        "Microphone",
        "“mic” is muted.",
        "未通过",
    )
    store.close()
