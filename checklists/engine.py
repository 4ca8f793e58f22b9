"""A checklist run: item states, sensed checks run concurrently, named sign-off, overrides with reasons, the gate."""

from __future__ import annotations

import enum
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from checklists.checks import CHECKS, Outcome, SenseContext, Status, run_check
from checklists.model import Item, Template, text_for

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


class RunError(Exception):
    """An action the run does not allow (unknown item, override without a reason …)."""


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


class ChecklistRun:
    """One run of a template for a room by an operator. Mutated from one thread at a time."""

    def __init__(self, template: Template, operator: str, room: str, started_at: datetime | None = None) -> None:
        self.template = template
        self.operator = operator
        self.room = room
        self.started_at = started_at or _now()
        self.states: dict[str, ItemState] = {
            item.id: ItemState(ItemStatus.PENDING if item.check else ItemStatus.NEEDS_PERSON) for item in template.items
        }
        self.duration_s: float | None = None
        #: Who went live although the list was not ready, and why: (person, reason, when).
        self.go_live_override: tuple[str, str, datetime] | None = None

    @classmethod
    def restore(
        cls, template: Template, operator: str, room: str, started_at: datetime, states: dict[str, ItemState]
    ) -> ChecklistRun:
        """A run continued from storage (after a restart); items the template no longer has are dropped."""
        run = cls(template, operator, room, started_at)
        for item_id, state in states.items():
            if item_id in run.states:
                run.states[item_id] = state
        return run

    def _item(self, item_id: str) -> Item:
        item = self.template.item(item_id)
        if item is None:
            raise RunError(f"no item “{item_id}” in {self.template.id}")
        return item

    # ------------------------------------------------------------------ sensing
    def check(self, ctx: SenseContext, only: list[str] | None = None, workers: int = MAX_PARALLEL_CHECKS) -> None:
        """Run the sensed items (all, or `only` these) concurrently; signed-off items keep their result."""
        items = [
            i
            for i in self.template.items
            if i.check and (only is None or i.id in only) and not self.states[i.id].confirmed_by
        ]
        for item in items:
            self.states[item.id] = replace(self.states[item.id], status=ItemStatus.CHECKING)
        started = time.monotonic()
        with ThreadPoolExecutor(
            max_workers=max(1, min(workers, len(items) or 1)), thread_name_prefix="checklist"
        ) as pool:
            outcomes = list(pool.map(lambda i: run_check(CHECKS[str(i.check)], ctx, i.params), items))
        for item, outcome in zip(items, outcomes, strict=True):
            current = self.states[item.id]
            if current.confirmed_by and current.status is ItemStatus.PASSED:
                continue  # signed off by a person while this pass ran: their word stands
            if current.status is ItemStatus.OVERRIDDEN and outcome.status is not Status.PASSED:
                self.states[item.id] = replace(current, outcome=outcome, checked_at=_now())
                continue
            status = {
                Status.PASSED: ItemStatus.PASSED,
                Status.FAILED: ItemStatus.FAILED,
                Status.ERROR: ItemStatus.ERROR,
            }[outcome.status]
            self.states[item.id] = replace(
                current,
                status=status,
                outcome=outcome,
                checked_at=_now(),
                override_reason="" if status is ItemStatus.PASSED else current.override_reason,
            )
        self.duration_s = time.monotonic() - started

    # ------------------------------------------------------------------ people
    def confirm(self, item_id: str, person: str) -> None:
        """A named person confirms a manual item, or signs off a passed sensed item (it stops re-checking)."""
        item = self._item(item_id)
        if not person.strip():
            raise RunError("a confirmation needs the name of the person")
        state = self.states[item_id]
        if item.check and state.status is not ItemStatus.PASSED:
            raise RunError(f"“{item_id}” has not passed; it can be overridden with a reason instead")
        self.states[item_id] = replace(
            state, status=ItemStatus.PASSED, confirmed_by=person.strip(), confirmed_at=_now()
        )

    def override(self, item_id: str, person: str, reason: str) -> None:
        """Accept an item that did not pass: only with a named person and a reason, both recorded."""
        self._item(item_id)
        if not person.strip() or not reason.strip():
            raise RunError("an override needs the person's name and a reason")
        state = self.states[item_id]
        if state.status is ItemStatus.PASSED:
            raise RunError(f"“{item_id}” has passed; there is nothing to override")
        self.states[item_id] = replace(
            state,
            status=ItemStatus.OVERRIDDEN,
            confirmed_by=person.strip(),
            confirmed_at=_now(),
            override_reason=reason.strip(),
        )

    def override_go_live(self, person: str, reason: str) -> None:
        """Going live with required items open: only with a named person and a reason, both recorded."""
        if not person.strip() or not reason.strip():
            raise RunError("going live with open items needs the person's name and a reason")
        self.go_live_override = (person.strip(), reason.strip(), _now())

    def set_note(self, item_id: str, note: str) -> None:
        self._item(item_id)
        self.states[item_id] = replace(self.states[item_id], note=note)

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
                    "confirmed_by": state.confirmed_by or None,
                    "override_reason": state.override_reason or None,
                    "note": state.note or None,
                }
            )
        return {
            "checklist": self.template.id,
            "title": text_for(self.template.title, language),
            "room": self.room,
            "operator": self.operator,
            "started_at": self.started_at.isoformat(),
            "ready": self.ready,
            "go_live_override": None
            if self.go_live_override is None
            else {
                "by": self.go_live_override[0],
                "reason": self.go_live_override[1],
                "at": self.go_live_override[2].isoformat(),
            },
            "items": items,
        }
