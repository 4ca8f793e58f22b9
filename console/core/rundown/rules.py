"""What a storable rundown is: the bounds of model.py checked segment by segment, each problem a Message that
names the segment by its number and title. Storage refuses a plan that breaks one (nothing is written); the
sheet reader checks the same bounds cell by cell first, so an imported plan names rows and columns instead.
No Qt, no SQL.
"""

from __future__ import annotations

from decimal import Decimal

from console.core.rundown.model import (
    COLOURS,
    MAX_PLANNED_S,
    MAX_SEGMENTS,
    MAX_TEXT,
    MAX_TITLE,
    Product,
    Rundown,
    Segment,
)
from obs.text import QT_TRANSLATE_NOOP, Message

CONTEXT = "Rundown"

#: Bounds the model does not state but the database columns do.
MAX_ROOM = 200
MAX_SKU = 100
MAX_KEY = 64
#: A price as a shop writes it: yuan and fen, below ten billion (the column is NUMERIC(12, 2)).
PRICE_PLACES = 2
MAX_PRICE = Decimal("9999999999.99")


class RundownError(Exception):
    """A rundown that cannot be stored: `message` says why (the first problem), `problems` lists all."""

    def __init__(self, problems: list[Message]) -> None:
        super().__init__("; ".join(p.explain() for p in problems))
        self.problems = problems
        self.message = problems[0]


def _problem(template: str, **fields: object) -> Message:
    return Message(template, fields, CONTEXT)


def price_problem(price: Decimal) -> str | None:
    """Why a price cannot be stored (a template with {price}), None when it can."""
    if not price.is_finite() or price < 0:
        return QT_TRANSLATE_NOOP("Rundown", "the price {price} is not a price (a figure of 0 or more)")
    if price > MAX_PRICE:
        return QT_TRANSLATE_NOOP("Rundown", "the price {price} is too large")
    exponent = price.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -PRICE_PLACES:
        return QT_TRANSLATE_NOOP("Rundown", "the price {price} has more than two decimals (yuan and fen)")
    return None


def _product_problems(product: Product) -> list[str]:
    out: list[str] = []
    if not product.name.strip():
        out.append(QT_TRANSLATE_NOOP("Rundown", "its product has no name"))
    elif len(product.name) > MAX_TITLE:
        out.append(QT_TRANSLATE_NOOP("Rundown", "its product name is longer than {limit} characters"))
    if len(product.sku) > MAX_SKU:
        out.append(QT_TRANSLATE_NOOP("Rundown", "its SKU is longer than 100 characters"))
    if product.price is not None and (why := price_problem(product.price)):
        out.append(why)
    return out


def _timing_problems(segment: Segment) -> list[str]:
    if segment.planned_s is None and segment.fixed_start is None:
        return [QT_TRANSLATE_NOOP("Rundown", "it has neither a planned length nor a fixed start")]
    if segment.planned_s is not None and not 0 < segment.planned_s <= MAX_PLANNED_S:
        return [QT_TRANSLATE_NOOP("Rundown", "its planned length must be more than 0 and at most 24 hours")]
    return []


def segment_problems(segment: Segment) -> list[str]:
    """Why one segment cannot be stored: templates with the fields {limit}, {text}, {price}, {colour}."""
    out: list[str] = []
    if not segment.title.strip():
        out.append(QT_TRANSLATE_NOOP("Rundown", "it has no title"))
    elif len(segment.title) > MAX_TITLE:
        out.append(QT_TRANSLATE_NOOP("Rundown", "its title is longer than {limit} characters"))
    out += _timing_problems(segment)
    if len(segment.scene) > MAX_TITLE:
        out.append(QT_TRANSLATE_NOOP("Rundown", "its scene name is longer than {limit} characters"))
    if segment.product is not None:
        out += _product_problems(segment.product)
    if len(segment.talking_points) > MAX_TEXT or len(segment.cues) > MAX_TEXT:
        out.append(QT_TRANSLATE_NOOP("Rundown", "its talking points or cues are longer than {text} characters"))
    if segment.colour not in COLOURS:
        out.append(QT_TRANSLATE_NOOP("Rundown", "“{colour}” is not one of the rundown's colours"))
    if not segment.key or len(segment.key) > MAX_KEY:
        out.append(QT_TRANSLATE_NOOP("Rundown", "its identity (key) is empty or too long"))
    return out


def rundown_problems(rundown: Rundown) -> list[Message]:
    """Everything that keeps `rundown` from being stored, in running order (empty: it can be stored)."""
    out: list[Message] = []
    if not rundown.room.strip() or len(rundown.room) > MAX_ROOM:
        out.append(_problem(QT_TRANSLATE_NOOP("Rundown", "“{room}” is not a room name"), room=rundown.room))
    if len(rundown.segments) > MAX_SEGMENTS:
        out.append(
            _problem(
                QT_TRANSLATE_NOOP("Rundown", "the rundown has {count} segments; at most {limit} can be kept"),
                count=len(rundown.segments),
                limit=MAX_SEGMENTS,
            )
        )
    seen: dict[str, int] = {}
    for number, segment in enumerate(rundown.segments, 1):
        for why in segment_problems(segment):
            out.append(
                _problem(
                    QT_TRANSLATE_NOOP("Rundown", "Segment {number} (“{title}”): {problem}"),
                    number=number,
                    title=segment.title[:40],
                    problem=Message(
                        why,
                        {
                            "limit": MAX_TITLE,
                            "text": MAX_TEXT,
                            "price": segment.product.price if segment.product else None,
                            "colour": segment.colour,
                        },
                        CONTEXT,
                    ),
                )
            )
        if segment.key in seen:
            out.append(
                _problem(
                    QT_TRANSLATE_NOOP("Rundown", "Segment {number} (“{title}”) has the same key as segment {other}"),
                    number=number,
                    title=segment.title[:40],
                    other=seen[segment.key],
                )
            )
        seen.setdefault(segment.key, number)
    return out


def check_rundown(rundown: Rundown) -> None:
    """Raise RundownError listing every problem of `rundown`; return when it can be stored."""
    problems = rundown_problems(rundown)
    if problems:
        raise RundownError(problems)
