"""The audience-reports finding as the Health dock says it in Simplified Chinese: the dock shows findings
generically (widgets/health_panel.finding_text and the titles), so the shipped catalogue must carry the joined
message with its fields intact."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from console.core.chat.complaints import ComplaintWatcher
from obs.health import HealthEngine
from tests.console.test_chat_complaints import audience, feed_second, said


def test_the_joined_finding_reads_in_chinese_with_the_microphone_named(qapp: QApplication) -> None:
    from console.i18n import install_translator, remove_translators
    from obs.vocabulary import TITLES
    from widgets.health_panel import finding_text

    engine, watcher = HealthEngine(), ComplaintWatcher()
    for user in ("观众甲", "观众乙", "viewer3"):
        watcher.add(said(user, "没声音", 1.0))
    for t in range(1, 6):
        feed_second(engine, watcher, float(t), muted=True)
    (finding,) = audience(engine)
    translators = install_translator(qapp, "zh_CN")
    try:
        text = finding_text(finding)
        title = QCoreApplication.translate("Health", TITLES[finding.id])
    finally:
        remove_translators(qapp, translators)
    assert text == "观众反映没声音——麦克风“麦克风”已静音：一分钟内有 3 位观众这样说（“没声音”）。", text
    assert title == "观众反映问题"
