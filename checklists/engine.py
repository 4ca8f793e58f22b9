"""A checklist run: item states, sensed checks run concurrently, named sign-off, overrides with reasons, the gate,
and its life: open, then completed by a named person, abandoned with a reason, or frozen at the go-live moment."""

from __future__ import annotations

import copy
import enum
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from checklists.checks import CHECKS, Outcome, SenseContext, Status, StoppableContext, Stopped, run_check
from checklists.model import Item, Template, Title, text_for
from checklists.roles import DEFAULT_NAMES, bind
from obs.clock import MONOTONIC, Clock
from obs.text import QT_TRANSLATE_NOOP, Message, Translate

MAX_PARALLEL_CHECKS = 8


class ItemStatus(enum.Enum):
    PENDING = "pending"
    CHECKING = "checking"
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    NEEDS_PERSON = "needs_person"
    OVERRIDDEN = "overridden"


DONE = (ItemStatus.PASSED, ItemStatus.OVERRIDDEN)


#: An item's status in the words a person reads (history, CSV, PDF); the stored value stays the machine name.
STATUS_WORDS: dict[str, str] = {
    ItemStatus.PENDING.value: QT_TRANSLATE_NOOP("ItemStatus", "waiting for its check"),
    ItemStatus.CHECKING.value: QT_TRANSLATE_NOOP("ItemStatus", "checking"),
    ItemStatus.PASSED.value: QT_TRANSLATE_NOOP("ItemStatus", "passed"),
    ItemStatus.FAILED.value: QT_TRANSLATE_NOOP("ItemStatus", "failed"),
    ItemStatus.ERROR.value: QT_TRANSLATE_NOOP("ItemStatus", "could not tell"),
    ItemStatus.NEEDS_PERSON.value: QT_TRANSLATE_NOOP("ItemStatus", "needs a person"),
    ItemStatus.OVERRIDDEN.value: QT_TRANSLATE_NOOP("ItemStatus", "overridden"),
}


class RunEnd(enum.Enum):
    """How a run ended. Only an open run senses or changes; the others keep their items as they ended."""

    OPEN = "open"
    COMPLETED = "completed"  # a named person finished it (every required item done)
    ABANDONED = "abandoned"  # given up, with a reason
    WENT_LIVE = "went_live"  # a pre-show run frozen as it was when the stream started


class RunError(Exception):
    """An action the run does not allow (unknown item, override without a reason …): an English template
    marked for translation and its fields, so the console can say it in the user's language. An item or a
    checklist is named by its title (a Title field, in the reader's language), never by its id."""

    def __init__(self, template: str, **fields: Any) -> None:
        self.text = Message(template, fields, "RunError")
        super().__init__(self.text.explain())

    @property
    def template(self) -> str:
        return self.text.template

    @property
    def fields(self) -> Mapping[str, Any]:
        return self.text.fields

    def explain(self, translated_template: str | None = None) -> str:
        return self.text.explain(translated_template)

    def in_language(self, translate: Translate) -> str:
        """The sentence in the reader's language, a title in it too (what the console shows)."""
        return self.text.in_language(translate)


#: Why an ended run refuses a change, by how it ended.
ENDED: dict[RunEnd, str] = {
    RunEnd.COMPLETED: QT_TRANSLATE_NOOP("RunError", "this run was completed; start a new one"),
    RunEnd.ABANDONED: QT_TRANSLATE_NOOP("RunError", "this run was abandoned; start a new one"),
    RunEnd.WENT_LIVE: QT_TRANSLATE_NOOP("RunError", "this run was kept as it was at go-live; start a new one"),
}


@dataclass(frozen=True)
class ItemState:
    status: ItemStatus
    outcome: Outcome | None = None
    checked_at: datetime | None = None
    confirmed_by: str = ""
    confirmed_at: datetime | None = None
    override_reason: str = ""
    note: str = ""


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Sensed:
    """What one pass of sensed checks found: plain values, made on any thread, for the run's owner to apply."""

    outcomes: tuple[tuple[str, Outcome], ...]  # (item id, outcome) in the template's order
    checked_at: datetime
    duration_s: float


def sense(
    items: Sequence[Item],
    ctx: SenseContext,
    workers: int = MAX_PARALLEL_CHECKS,
    stop: threading.Event | None = None,
    clock: Clock = MONOTONIC,
    names: Mapping[str, str] = DEFAULT_NAMES,
) -> Sensed:
    """Run these items' checks concurrently (their listening windows side by side). Touches no run, so it may
    run on any thread while the run's owner keeps changing the run. Setting `stop` ends the pass promptly: a
    check still listening (or not yet begun) ends as not finished — it has no outcome, its item keeps its state.
    `names`: the room's OBS name for each role an item names (checklists/roles.py); the demo room's by default."""
    started = time.monotonic()
    # Listening windows on the room's clock (a manual one needs the waiting that StoppableContext does).
    plain = stop is None and clock.real
    context: SenseContext = ctx if plain else StoppableContext(ctx, stop or threading.Event(), clock)

    def one(item: Item) -> Outcome | None:
        if stop is not None and stop.is_set():
            return None
        params = bind(item.params, names)
        if isinstance(params, Outcome):  # a role this room has not named: nothing to check
            return params
        try:
            return run_check(CHECKS[str(item.check)], context, params)
        except Stopped:
            return None

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(items) or 1)), thread_name_prefix="checklist") as pool:
        outcomes = list(pool.map(one, items))
    return Sensed(
        tuple((item.id, outcome) for item, outcome in zip(items, outcomes, strict=True) if outcome is not None),
        _now(),
        time.monotonic() - started,
    )


class ChecklistRun:
    """One run of a template for a room by an operator. Changed by one thread, its owner (the console's GUI
    thread); sense() measures for it elsewhere and hands back plain values."""

    def __init__(
        self,
        template: Template,
        operator: str,
        room: str,
        started_at: datetime | None = None,
        show_id: int | None = None,
    ) -> None:
        self.template = template
        self.operator = operator
        #: The room (and the show, when one was on) the run was started in; it senses only that room's OBS.
        self.room = room
        self.show_id = show_id
        self.started_at = started_at or _now()
        self.end = RunEnd.OPEN
        self.ended_at: datetime | None = None
        self.ended_by = ""
        self.end_reason = ""
        #: Items whose new result is awaited; they keep their last result (and so the gate's answer) meanwhile.
        self.checking: frozenset[str] = frozenset()
        self.states: dict[str, ItemState] = {
            item.id: ItemState(ItemStatus.PENDING if item.check else ItemStatus.NEEDS_PERSON) for item in template.items
        }
        self.duration_s: float | None = None
        #: Who went live although the list was not ready, and why: (person, reason, when).
        self.go_live_override: tuple[str, str, datetime] | None = None

    @classmethod
    def restore(
        cls,
        template: Template,
        operator: str,
        room: str,
        started_at: datetime,
        states: dict[str, ItemState],
        show_id: int | None = None,
    ) -> ChecklistRun:
        """A run continued from storage (after a restart); items the template no longer has are dropped."""
        run = cls(template, operator, room, started_at, show_id)
        for item_id, state in states.items():
            if item_id in run.states:
                run.states[item_id] = state
        return run

    def _item(self, item_id: str) -> Item:
        item = self.template.item(item_id)
        if item is None:
            raise RunError(
                QT_TRANSLATE_NOOP("RunError", "no item “{item}” in {checklist}"),
                item=item_id,  # not in the checklist: its id is all there is
                checklist=Title(self.template.title),
            )
        return item

    @property
    def is_open(self) -> bool:
        return self.end is RunEnd.OPEN

    def _require_open(self) -> None:
        if not self.is_open:
            raise RunError(ENDED[self.end])

    # ------------------------------------------------------------------ sensing
    def check(
        self,
        ctx: SenseContext,
        only: list[str] | None = None,
        workers: int = MAX_PARALLEL_CHECKS,
        still_valid: Callable[[], bool] = lambda: True,
        names: Mapping[str, str] = DEFAULT_NAMES,
    ) -> None:
        """Run the sensed items (all, or `only` these) concurrently; signed-off items keep their result.

        While the checks run, every item keeps its last result: the gate gives the same answer during a
        re-check as after it. The new results are applied only if the run is still open and `still_valid()`
        (the console still looks at the run's own room) when they arrive.

        All on the calling thread. The console splits it: begin_check and finish_check on the thread that owns
        the run, sense() (which touches no run) on its worker."""
        items = self.begin_check(only)
        sensed = sense(items, ctx, workers, names=names) if items else None
        self.finish_check(sensed if still_valid() else None)

    def begin_check(self, only: list[str] | None = None) -> tuple[Item, ...]:
        """The sensed items a pass should check (none once the run has ended; never one a person signed off),
        marked as being checked."""
        if not self.is_open:
            return ()
        items = tuple(
            i
            for i in self.template.items
            if i.check and (only is None or i.id in only) and not self.states[i.id].confirmed_by
        )
        self.checking = frozenset(i.id for i in items)
        return items

    def finish_check(self, sensed: Sensed | None) -> None:
        """The pass is over: its results are applied if there are any (None: dropped) and the run is still open."""
        self.checking = frozenset()
        if sensed is None or not self.is_open:
            return
        self._apply(sensed)
        self.duration_s = sensed.duration_s

    def _apply(self, sensed: Sensed) -> None:
        for item_id, outcome in sensed.outcomes:
            current = self.states[item_id]
            if current.confirmed_by and current.status is ItemStatus.PASSED:
                continue  # signed off by a person while this pass ran: their word stands
            if current.status is ItemStatus.OVERRIDDEN:
                # Overridden by a person (possibly while this pass ran): their word stands too, and the item
                # shows what the check found, passed or not.
                self.states[item_id] = replace(current, outcome=outcome, checked_at=sensed.checked_at)
                continue
            status = {
                Status.PASSED: ItemStatus.PASSED,
                Status.FAILED: ItemStatus.FAILED,
                Status.ERROR: ItemStatus.ERROR,
            }[outcome.status]
            self.states[item_id] = replace(
                current,
                status=status,
                outcome=outcome,
                checked_at=sensed.checked_at,
                override_reason="" if status is ItemStatus.PASSED else current.override_reason,
            )

    def snapshot(self) -> ChecklistRun:
        """A copy to hand to another thread (to store it): later changes to this run do not reach it. Every
        other field is an immutable value, so copying the item states is enough."""
        copied = copy.copy(self)
        copied.states = dict(self.states)
        return copied

    # ------------------------------------------------------------------ people
    def confirm(self, item_id: str, person: str) -> None:
        """A named person confirms a manual item, or signs off a passed sensed item (it stops re-checking)."""
        item = self._item(item_id)
        self._require_open()
        if not person.strip():
            raise RunError(QT_TRANSLATE_NOOP("RunError", "a confirmation needs the name of the person"))
        state = self.states[item_id]
        if item.check and state.status is not ItemStatus.PASSED:
            raise RunError(
                QT_TRANSLATE_NOOP("RunError", "“{item}” has not passed; it can be overridden with a reason instead"),
                item=Title(item.title),
            )
        self.states[item_id] = replace(
            state, status=ItemStatus.PASSED, confirmed_by=person.strip(), confirmed_at=_now()
        )

    def override(self, item_id: str, person: str, reason: str) -> None:
        """Accept an item that did not pass: only with a named person and a reason, both recorded."""
        item = self._item(item_id)
        self._require_open()
        if not person.strip() or not reason.strip():
            raise RunError(QT_TRANSLATE_NOOP("RunError", "an override needs the person's name and a reason"))
        state = self.states[item_id]
        if state.status is ItemStatus.PASSED:
            raise RunError(
                QT_TRANSLATE_NOOP("RunError", "“{item}” has passed; there is nothing to override"),
                item=Title(item.title),
            )
        self.states[item_id] = replace(
            state,
            status=ItemStatus.OVERRIDDEN,
            confirmed_by=person.strip(),
            confirmed_at=_now(),
            override_reason=reason.strip(),
        )

    def override_go_live(self, person: str, reason: str) -> None:
        """Going live with required items open: only with a named person and a reason, both recorded."""
        self._require_open()
        if not person.strip() or not reason.strip():
            raise RunError(
                QT_TRANSLATE_NOOP("RunError", "going live with open items needs the person's name and a reason")
            )
        self.go_live_override = (person.strip(), reason.strip(), _now())

    def set_note(self, item_id: str, note: str) -> None:
        self._item(item_id)
        self._require_open()
        self.states[item_id] = replace(self.states[item_id], note=note)

    # ------------------------------------------------------------------ the end of a run
    def complete(self, person: str) -> None:
        """A named person finishes the run: every required item must be done (passed or overridden).
        The items keep their final state; the run senses no more."""
        self._require_open()
        if not person.strip():
            raise RunError(QT_TRANSLATE_NOOP("RunError", "completing a run needs the name of the person"))
        if not self.ready:
            count = len(self.blocking())
            raise RunError(
                QT_TRANSLATE_NOOP(
                    "RunError",
                    "{count} required item is still open: confirm or override it, or abandon the run with a reason",
                )
                if count == 1
                else QT_TRANSLATE_NOOP(
                    "RunError",
                    "{count} required items are still open: confirm or override them, or abandon the run with a reason",
                ),
                count=count,
            )
        self._end(RunEnd.COMPLETED, person, "")

    def abandon(self, person: str, reason: str) -> None:
        """Give the run up: only with a named person and a reason, both recorded."""
        self._require_open()
        if not person.strip() or not reason.strip():
            raise RunError(QT_TRANSLATE_NOOP("RunError", "abandoning a run needs the person's name and a reason"))
        self._end(RunEnd.ABANDONED, person, reason)

    def freeze_at_go_live(self, at: datetime | None = None) -> None:
        """The stream started: the run's result is kept as it was at this moment (a later scene switch to the
        live scene must not turn "opening scene on program" red) and the run closes."""
        self._require_open()
        who = self.go_live_override[0] if self.go_live_override else self.operator
        self._end(RunEnd.WENT_LIVE, who, "", at)

    def _end(self, end: RunEnd, person: str, reason: str, at: datetime | None = None) -> None:
        self.end, self.ended_by, self.end_reason, self.ended_at = end, person.strip(), reason.strip(), at or _now()

    def restore_end(self, end: RunEnd, at: datetime | None, person: str, reason: str) -> None:
        """The ending read back from storage."""
        self.end, self.ended_at, self.ended_by, self.end_reason = end, at, person, reason

    # ------------------------------------------------------------------ verdict
    def blocking(self) -> list[Item]:
        """Required items that are neither passed nor overridden: what stands between the room and going live."""
        return [i for i in self.template.items if i.required and self.states[i.id].status not in DONE]

    @property
    def ready(self) -> bool:
        return not self.blocking()

    @property
    def sensed_ok(self) -> bool:
        """Every required sensed item passed (or was overridden)."""
        return all(self.states[i.id].status in DONE for i in self.template.items if i.check and i.required)

    def to_dict(self, language: str = "en") -> dict[str, Any]:
        items = []
        for item in self.template.items:
            state = self.states[item.id]
            items.append(
                {
                    "id": item.id,
                    "title": text_for(item.title, language),
                    "kind": item.kind,
                    "required": item.required,
                    "status": state.status.value,
                    "detail": state.outcome.detail if state.outcome else "",
                    # The result as its translatable template and measured fields, to be said again in any
                    # reader's language (the history, exports); None for a manual item or no result yet.
                    "result": None
                    if state.outcome is None
                    else {"template": state.outcome.template, "fields": dict(state.outcome.fields)},
                    "confirmed_by": state.confirmed_by or None,
                    "override_reason": state.override_reason or None,
                    "note": state.note or None,
                }
            )
        return {
            "checklist": self.template.id,
            "title": text_for(self.template.title, language),
            "kind": self.template.kind,
            "room": self.room,
            "show_id": self.show_id,
            "operator": self.operator,
            "started_at": self.started_at.isoformat(),
            "ready": self.ready,
            "end": self.end.value,
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "ended_by": self.ended_by or None,
            "end_reason": self.end_reason or None,
            "go_live_override": None
            if self.go_live_override is None
            else {
                "by": self.go_live_override[0],
                "reason": self.go_live_override[1],
                "at": self.go_live_override[2].isoformat(),
            },
            "items": items,
        }
