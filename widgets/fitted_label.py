"""FittedLabel: a status-bar line said in the longest of its forms that fits its width, the whole in its tooltip."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Qt

from widgets.connection_status import ElidedLabel

#: Where a sentence may end early and still say something whole, in either language: after a sentence or a clause
#: ("。", "；", "，", "：", ". ", "; ", ", ", ": "), or before an aside in brackets; never inside a figure ("7.2 %",
#: "1,500", "20:40") or a word. The colon: "The microphone … is muted while the stream is live: viewers cannot hear
#: the host" says what is wrong before it (fix25p: without it the English bar offered only the finding's name).
_CLAUSE_END = re.compile(r"[；。！？，：]|[;.!?,:](?=\s)|\s?[（(]")


def clauses(text: str) -> list[str]:
    """`text` and each shorter prefix of it that ends a clause outside any brackets, longest first (the clause's mark
    dropped): "CPU at 100 % (OBS 15 %, other programs 85 %)" is never cut inside its brackets."""
    cuts = []
    for match in _CLAUSE_END.finditer(text):
        before = text[: match.start()]
        if sum(before.count(c) for c in "(（") == sum(before.count(c) for c in ")）"):
            cuts.append(match.start())
    prefixes = [text[:cut].rstrip() for cut in reversed(cuts) if text[:cut].strip()]
    return [text, *(p for p in prefixes if p != text.rstrip("；。;. "))]


def titled(title: str, message: str, labels: Sequence[str] = ()) -> list[str]:
    """A finding's forms for the status bar, longest first: "● title: message", then cut at each clause (`clauses`),
    then "● title" alone; the title said once. A message that opens with the title, or with one of `labels` (its
    category: "Network: 51.5 % of frames…" under "Network drops"), and a colon loses that opening ("网络丢帧: 网络：最近
    10 秒…" said the title twice, fix25p); one that opens with the title and goes on ("Viewers report no sound —
    the microphone…") is said as it is, with no title before it."""
    rest, named = message, False
    for label in (title, *labels):
        opening = re.match(re.escape(label) + r"\s*[:：]\s*", message) if label else None
        if opening is not None:
            rest = message[opening.end() :]
            break
    else:
        named = bool(title) and message.startswith(title)
    forms = [f"● {part}" if named else f"● {title}: {part}" for part in clauses(rest)]
    if forms[-1] != f"● {title}":
        forms.append(f"● {title}")  # its name: what is wrong, in a word, where nothing longer fits
    return forms


class FittedLabel(ElidedLabel):
    """Painted in the first of its forms (longest first) whose width fits the label, as wide as the label is when
    painted; only when not even the last fits is that cut with "…" (ElidedLabel). `text()` is the first form,
    `shown()` what is painted, the tooltip the whole (by default the first form). The status bar's critical finding,
    cut mid-sentence at 1366 px in Chinese, hid what was wrong ("…最近 10 秒平均实际发…"); its first clause or its
    name fits whole (fix25g)."""

    def __init__(self) -> None:
        super().__init__()
        self._forms: list[str] = []

    def set_forms(self, forms: Sequence[str], whole: str | None = None) -> None:
        forms = list(forms)
        whole = (forms[0] if forms else "") if whole is None else whole
        if forms != self._forms or self.text() != (forms[0] if forms else ""):
            self._forms = forms
            super().setText(forms[0] if forms else "")
            self.update()
        if self.toolTip() != whole:
            self.setToolTip(whole)

    def setText(self, text: str) -> None:
        self._forms = [text]
        super().setText(text)

    def clear(self) -> None:
        self._forms = []
        super().clear()
        self.setToolTip("")

    def forms(self) -> list[str]:
        return list(self._forms)

    def shown(self) -> str:
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        fitting = next((f for f in self._forms if metrics.horizontalAdvance(f) <= width), None)
        if fitting is not None:
            return fitting
        return metrics.elidedText(self._forms[-1] if self._forms else "", Qt.TextElideMode.ElideRight, width)
