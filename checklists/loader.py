"""Loading checklist YAML: validated node by node so every problem names its file and line.

A broken file (bad YAML, unknown check, missing parameter, duplicate id …) yields Problems and no
template; the other files still load. The team's own folder may override a bundled template by id.

A team folder is input from anyone with write access to it, so reading is bounded before anything is
built: the file's size, the nesting depth and the number of YAML nodes (checked while composing, so a
huge or deep file is refused early, in constant memory), and only YAML's plain tags (a `!foo` or
`!!python/...` tag is refused with its line, never constructed). A refused file is skipped and reported,
not renamed: it belongs to the team (often a shared folder), not to this console.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from checklists.checks import CHECKS
from checklists.model import KINDS, Item, Phrase, Problem, Section, Template, Text
from checklists.roles import PARAM_KINDS, RoleRef
from checklists.roles import ROLES as ROOM_ROLES
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP

LOG = logging.getLogger(__name__)
BUNDLED = Path(__file__).resolve().parent / "templates"
# The bundled checklists are 1-3 KB; a real team list might be ten times that. 256 KB is a hundred times the
# largest while keeping a hostile file's cost small (benchmarks/checklists.py measures it).
MAX_FILE_BYTES = 256 * 1024
# A checklist nests seven levels (list > section > items > item > with > value); room for flow styles.
MAX_DEPTH = 32
# YAML nodes in one file: about 6 per item, so room for ~2,000 items — far beyond a usable checklist.
MAX_NODES = 12_000
MAX_ITEMS = 500
MAX_TEXT = 2_000
# The tags a plain YAML document resolves to; any other (explicit `!foo`, `!!python/...`) is refused.
PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str", "timestamp", "seq", "map")
)
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ROLES = ("host-assistant", "technician", "streamer", "any")
TEMPLATE_KEYS = {"id", "title", "role", "kind", "sections"}
SECTION_KEYS = {"title", "items"}
ITEM_KEYS = {"id", "title", "check", "with", "manual", "required", "help"}


def _p(template: str, **fields: Any) -> Phrase:
    """A sentence (or a phrase used as a field of one) in the loader's words, translated where it is shown."""
    return Phrase(template, fields, "Checklists")


class _Invalid(Exception):
    def __init__(self, node: Node | None, phrase: Phrase) -> None:
        super().__init__(phrase.explain())
        self.line = node.start_mark.line + 1 if node is not None else 0
        self.phrase = phrase


class _Refused(yaml.MarkedYAMLError):
    """A file the bounded reader stops on (too deep, too many nodes, a tag it will not construct)."""

    def __init__(self, phrase: Phrase, problem_mark: Any) -> None:
        super().__init__(problem=phrase.explain(), problem_mark=problem_mark)
        self.phrase = phrase


class _Bounded(Composer):
    """PyYAML's composer with the depth, node-count and tag bounds checked as each node is composed."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        mark = self.peek_event().start_mark  # type: ignore[attr-defined]  # the parser's, with the composer
        self._depth += 1
        self._nodes += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(
                _p(QT_TRANSLATE_NOOP("Checklists", "nested more than {depth} levels deep"), depth=MAX_DEPTH), mark
            )
        if self._nodes > MAX_NODES:
            raise _Refused(
                _p(
                    QT_TRANSLATE_NOOP("Checklists", "more than {count:,} YAML values (a checklist has far fewer)"),
                    count=MAX_NODES,
                ),
                mark,
            )
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if node is not None and node.tag not in PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")  # as it was written in the file
            raise _Refused(
                _p(QT_TRANSLATE_NOOP("Checklists", "the tag “{tag}” is not allowed (plain YAML values only)"), tag=tag),
                mark,
            )
        return node


class _BoundedLoader(_Bounded, yaml.SafeLoader):
    """The bounded composer over PyYAML's pure-Python reader, scanner and parser: its errors are the ones shown."""


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _FastBoundedLoader(_Bounded, SafeConstructor, Resolver, CParser):
        """The same bounded composer (Python, so the bounds hold node by node) over libyaml's scanner and parser,
        which read a checklist ~10 times faster than PyYAML's pure-Python ones (most of the GUI thread's time reading
        the checklists at start-up). libyaml words its errors differently: a file it cannot read goes to
        _BoundedLoader again, so what the user reads is the same."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

else:  # a PyYAML built without libyaml: the pure reader alone, as before
    _FastBoundedLoader = None  # type: ignore[assignment,misc]


def _compose_fast(text: str) -> tuple[bool, Node | None]:
    """(True, the root node) when libyaml read the file within the bounds; (False, None) for anything else (an error,
    a bound reached, no libyaml), which the pure reader then reads again to say what is wrong, in its words."""
    if _FastBoundedLoader is None or "\t" in text or "?" in text:
        # libyaml reads some files PyYAML refuses, all with a tab or a "?" in them (a tab inside a plain value, a
        # "?" key in a flow mapping: found by reading thousands of damaged checklists both ways): the pure reader
        # alone decides those, as it always has.
        return False, None
    try:
        loader = _FastBoundedLoader(text)
    except Exception:
        return False, None
    try:
        return True, loader.get_single_node()
    except Exception:
        return False, None
    finally:
        loader.dispose()


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _mapping(node: Node, what: Phrase, allowed: set[str]) -> dict[str, Node]:
    if not isinstance(node, MappingNode):
        raise _Invalid(
            node, _p(QT_TRANSLATE_NOOP("Checklists", "{what} must be a mapping of keys to values"), what=what)
        )
    result: dict[str, Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in result:
            raise _Invalid(
                key_node, _p(QT_TRANSLATE_NOOP("Checklists", "“{key}” is given twice in {what}"), key=key, what=what)
            )
        if key not in allowed:
            raise _Invalid(
                key_node,
                _p(
                    QT_TRANSLATE_NOOP("Checklists", "unknown key “{key}” in {what} (known: {known})"),
                    key=key,
                    what=what,
                    known=", ".join(sorted(allowed)),
                ),
            )
        result[key] = value_node
    return result


def _scalar(node: Node, what: Phrase) -> Any:
    if not isinstance(node, ScalarNode):
        raise _Invalid(node, _p(QT_TRANSLATE_NOOP("Checklists", "{what} must be a single value"), what=what))
    try:
        # The composed node already carries its resolved tag: construct it directly. (Serialising it back to YAML
        # and loading that gave the same value at ~20 times the cost: half the checklist files' load time.)
        return yaml.constructor.SafeConstructor().construct_document(node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:  # e.g. a date 2024-99-99: the value is wrong
        raise _Invalid(
            node,
            _p(
                QT_TRANSLATE_NOOP("Checklists", "{what} is not a valid value: {reason}"),
                what=what,
                reason=str(getattr(exc, "problem", None) or exc),  # PyYAML's own words, English only
            ),
        ) from exc


def _string(node: Node, what: Phrase) -> str:
    value = _scalar(node, what)
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(node, _p(QT_TRANSLATE_NOOP("Checklists", "{what} must be non-empty text"), what=what))
    if len(value) > MAX_TEXT:
        raise _Invalid(
            node,
            _p(
                QT_TRANSLATE_NOOP("Checklists", "{what} is {length:,} characters long (at most {limit:,})"),
                what=what,
                length=len(value),
                limit=MAX_TEXT,
            ),
        )
    return value


def _text(node: Node, what: Phrase) -> Text:
    if isinstance(node, ScalarNode):
        return {"en": _string(node, what)}
    mapping = _mapping(node, what, {"en", "zh_CN", "zh_TW", "ja", "ko"})
    if not mapping:
        raise _Invalid(node, _p(QT_TRANSLATE_NOOP("Checklists", "{what} needs at least one language"), what=what))
    return {
        language: _string(
            value, _p(QT_TRANSLATE_NOOP("Checklists", "{what} ({language})"), what=what, language=language)
        )
        for language, value in mapping.items()
    }


def _required(mapping: dict[str, Node], key: str, parent: Node, what: Phrase) -> Node:
    if key not in mapping:
        raise _Invalid(parent, _p(QT_TRANSLATE_NOOP("Checklists", "{what} has no “{key}”"), what=what, key=key))
    return mapping[key]


# The parts of a checklist, named in the sentences above (a field of each is translated with it).
AN_ITEM = _p(QT_TRANSLATE_NOOP("Checklists", "an item"))
A_SECTION = _p(QT_TRANSLATE_NOOP("Checklists", "a section"))
THE_CHECKLIST = _p(QT_TRANSLATE_NOOP("Checklists", "the checklist"))


def _params(check_name: str, node: Node | None, item_node: Node) -> dict[str, Any]:
    spec = CHECKS[check_name]
    given: dict[str, Any] = {}
    if node is not None:
        what = _p(QT_TRANSLATE_NOOP("Checklists", "the parameters of {check}"), check=check_name)
        for key, value_node in _mapping(node, what, {p.name for p in spec.params} or {"(none)"}).items():
            param = spec.param(key)
            assert param is not None
            if isinstance(value_node, MappingNode):  # {role: …}: the room's name for it, put in when checked
                given[key] = _role(value_node, key, check_name)
                continue
            value = _scalar(value_node, _p(QT_TRANSLATE_NOOP("Checklists", "parameter “{param}”"), param=key))
            if param.type is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value) if abs(value) < 2**53 else value  # a huge integer is out of bounds anyway
            wrong = param.problem(value, check_name)
            if wrong:
                raise _Invalid(value_node, wrong)
            given[key] = value
    missing = [p.name for p in spec.params if p.required and p.name not in given]
    if missing:
        where = node if node is not None else item_node
        template = (
            QT_TRANSLATE_NOOP("Checklists", "{check} needs the parameters {names} (under “with:”)")
            if len(missing) > 1
            else QT_TRANSLATE_NOOP("Checklists", "{check} needs the parameter {names} (under “with:”)")
        )
        raise _Invalid(where, _p(template, check=check_name, names=", ".join(missing)))
    return given


def _role(node: MappingNode, param: str, check_name: str) -> RoleRef:
    """`{role: opening_scene}`: a room role (checklists/roles.py) that fits the parameter, else a clear refusal."""
    kinds = PARAM_KINDS.get(param)
    if kinds is None:
        raise _Invalid(
            node,
            _p(
                QT_TRANSLATE_NOOP(
                    "Checklists",
                    "parameter “{param}” of {check} cannot name a room role (only a scene, input or source can)",
                ),
                param=param,
                check=check_name,
            ),
        )
    what = _p(QT_TRANSLATE_NOOP("Checklists", "the room role of “{param}”"), param=param)
    mapping = _mapping(node, what, {"role"})
    role = _string(_required(mapping, "role", node, what), what)
    fitting = [name for name, spec in ROOM_ROLES.items() if spec.kind in kinds]
    if role not in ROOM_ROLES:
        raise _Invalid(
            mapping["role"],
            _p(
                QT_TRANSLATE_NOOP("Checklists", "unknown room role “{role}” for “{param}” (known: {known})"),
                role=role,
                param=param,
                known=", ".join(fitting),
            ),
        )
    if ROOM_ROLES[role].kind not in kinds:
        raise _Invalid(
            mapping["role"],
            _p(
                QT_TRANSLATE_NOOP(
                    "Checklists", "room role “{role}” does not fit parameter “{param}” of {check} (it takes {known})"
                ),
                role=role,
                param=param,
                check=check_name,
                known=", ".join(fitting),
            ),
        )
    return RoleRef(role)


def _item(node: Node, seen: set[str]) -> Item:
    mapping = _mapping(node, AN_ITEM, ITEM_KEYS)
    item_id = _string(_required(mapping, "id", node, AN_ITEM), _p(QT_TRANSLATE_NOOP("Checklists", "an item's id")))
    if not ID_PATTERN.match(item_id):
        raise _Invalid(
            mapping["id"],
            _p(QT_TRANSLATE_NOOP("Checklists", "item id “{id}” may use only a-z, 0-9, - and _"), id=item_id),
        )
    if item_id in seen:
        raise _Invalid(
            mapping["id"],
            _p(QT_TRANSLATE_NOOP("Checklists", "item id “{id}” is used twice in this checklist"), id=item_id),
        )
    seen.add(item_id)
    title = _text(
        _required(mapping, "title", node, _p(QT_TRANSLATE_NOOP("Checklists", "item “{id}”"), id=item_id)),
        _p(QT_TRANSLATE_NOOP("Checklists", "the title of “{id}”"), id=item_id),
    )
    required, manual = _item_required(mapping), _item_manual(mapping)
    check_name, params = _item_check(mapping, node, item_id)
    if manual and check_name:
        raise _Invalid(
            node, _p(QT_TRANSLATE_NOOP("Checklists", "item “{id}” is both manual and sensed: choose one"), id=item_id)
        )
    if not manual and not check_name:
        raise _Invalid(
            node,
            _p(QT_TRANSLATE_NOOP("Checklists", "item “{id}” needs either “check: …” or “manual: true”"), id=item_id),
        )
    help_text = (
        _text(mapping["help"], _p(QT_TRANSLATE_NOOP("Checklists", "the help of “{id}”"), id=item_id))
        if "help" in mapping
        else {}
    )
    return Item(item_id, title, check_name, params, required, help_text, _line(node))


def _item_required(mapping: dict[str, Node]) -> bool:
    if "required" not in mapping:
        return True
    required = _scalar(mapping["required"], _p("required"))
    if not isinstance(required, bool):
        raise _Invalid(mapping["required"], _p(QT_TRANSLATE_NOOP("Checklists", "“required” must be true or false")))
    return required


def _item_manual(mapping: dict[str, Node]) -> bool:
    if "manual" not in mapping:
        return False
    if _scalar(mapping["manual"], _p("manual")) is not True:
        raise _Invalid(
            mapping["manual"],
            _p(QT_TRANSLATE_NOOP("Checklists", "“manual” can only be true (leave it out for a sensed item)")),
        )
    return True


def _item_check(mapping: dict[str, Node], node: Node, item_id: str) -> tuple[str | None, dict[str, Any]]:
    """The item's check and its parameters (None and none for a manual item)."""
    if "check" in mapping:
        check_name = _string(mapping["check"], _p("check"))
        if check_name not in CHECKS:
            raise _Invalid(
                mapping["check"],
                _p(
                    QT_TRANSLATE_NOOP("Checklists", "unknown check “{check}” (known: {known})"),
                    check=check_name,
                    known=", ".join(sorted(CHECKS)),
                ),
            )
        return check_name, _params(check_name, mapping.get("with"), node)
    if "with" in mapping:
        raise _Invalid(
            mapping["with"], _p(QT_TRANSLATE_NOOP("Checklists", "item “{id}” has parameters but no check"), id=item_id)
        )
    return None, {}


def _template(root: Node, source: str) -> Template:
    mapping = _mapping(root, THE_CHECKLIST, TEMPLATE_KEYS)
    template_id = _string(
        _required(mapping, "id", root, THE_CHECKLIST), _p(QT_TRANSLATE_NOOP("Checklists", "the checklist id"))
    )
    if not ID_PATTERN.match(template_id):
        raise _Invalid(
            mapping["id"],
            _p(QT_TRANSLATE_NOOP("Checklists", "checklist id “{id}” may use only a-z, 0-9, - and _"), id=template_id),
        )
    title = _text(
        _required(mapping, "title", root, THE_CHECKLIST), _p(QT_TRANSLATE_NOOP("Checklists", "the checklist title"))
    )
    role = _string(mapping["role"], _p("role")) if "role" in mapping else "any"
    if role not in ROLES:
        raise _Invalid(
            mapping["role"],
            _p(
                QT_TRANSLATE_NOOP("Checklists", "unknown role “{role}” (known: {known})"),
                role=role,
                known=", ".join(ROLES),
            ),
        )
    kind = _string(mapping["kind"], _p("kind")) if "kind" in mapping else "pre-show"
    if kind not in KINDS:
        raise _Invalid(
            mapping["kind"],
            _p(
                QT_TRANSLATE_NOOP("Checklists", "unknown kind “{kind}” (known: {known})"),
                kind=kind,
                known=", ".join(KINDS),
            ),
        )
    sections_node = _required(mapping, "sections", root, THE_CHECKLIST)
    if not isinstance(sections_node, SequenceNode) or not sections_node.value:
        raise _Invalid(sections_node, _p(QT_TRANSLATE_NOOP("Checklists", "“sections” must be a non-empty list")))
    seen: set[str] = set()
    sections = []
    for section_node in sections_node.value:
        section = _mapping(section_node, A_SECTION, SECTION_KEYS)
        section_title = _text(
            _required(section, "title", section_node, A_SECTION), _p(QT_TRANSLATE_NOOP("Checklists", "a section title"))
        )
        items_node = _required(section, "items", section_node, A_SECTION)
        if not isinstance(items_node, SequenceNode) or not items_node.value:
            raise _Invalid(
                items_node, _p(QT_TRANSLATE_NOOP("Checklists", "a section's “items” must be a non-empty list"))
            )
        if len(seen) + len(items_node.value) > MAX_ITEMS:
            raise _Invalid(
                items_node,
                _p(
                    QT_TRANSLATE_NOOP("Checklists", "more than {count} items (split it into several checklists)"),
                    count=MAX_ITEMS,
                ),
            )
        sections.append(Section(section_title, tuple(_item(node, seen) for node in items_node.value)))
    return Template(template_id, title, role, tuple(sections), source, kind)


def _too_large() -> Phrase:
    return _p(QT_TRANSLATE_NOOP("Checklists", "the file is larger than {size} KB"), size=MAX_FILE_BYTES // 1024)


def load_text(text: str, source: str) -> tuple[Template | None, list[Problem]]:
    try:
        return _load_text(text, source)
    except Exception:  # a last guard: one unreadable file must never stop the others, or the console
        LOG.exception("checklist %s could not be read", source)
        return None, [
            Problem.of(
                source,
                0,
                _p(QT_TRANSLATE_NOOP("Checklists", "could not be read (an unexpected error; details in the log)")),
            )
        ]


def _load_text(text: str, source: str) -> tuple[Template | None, list[Problem]]:
    if len(text) > MAX_FILE_BYTES:
        return None, [Problem.of(source, 0, _too_large())]
    read, root = _compose_fast(text)
    if not read:
        root, problems = _compose_pure(text, source)
        if problems:
            return None, problems
    if root is None:
        return None, [Problem.of(source, 0, _p(QT_TRANSLATE_NOOP("Checklists", "the file is empty")))]
    try:
        return _template(root, source), []
    except _Invalid as exc:
        return None, [Problem.of(source, exc.line, exc.phrase)]


def _compose_pure(text: str, source: str) -> tuple[Node | None, list[Problem]]:
    loader = _BoundedLoader(text)
    try:
        return loader.get_single_node(), []
    except _Refused as exc:
        mark = exc.problem_mark
        return None, [Problem.of(source, mark.line + 1 if mark is not None else 0, exc.phrase)]
    except yaml.MarkedYAMLError as exc:
        # Where an unclosed bracket or quote *began* is what needs fixing, not the end of file where it broke.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark is not None else 0
        where = f" ({exc.context})" if exc.context else ""
        reason = f"{exc.problem or exc}{where}"  # PyYAML's own words, English only
        return None, [
            Problem.of(source, line, _p(QT_TRANSLATE_NOOP("Checklists", "not valid YAML: {reason}"), reason=reason))
        ]
    except yaml.YAMLError as exc:
        return None, [
            Problem.of(source, 0, _p(QT_TRANSLATE_NOOP("Checklists", "not valid YAML: {reason}"), reason=str(exc)))
        ]
    finally:
        loader.dispose()


def load_file(path: Path) -> tuple[Template | None, list[Problem]]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:  # refused before it is read into memory
            return None, [Problem.of(str(path), 0, _too_large())]
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem.of(str(path), 0, _p(QT_TRANSLATE_NOOP("Checklists", "the file is not UTF-8 text")))]
    except OSError as exc:
        return None, [
            Problem.of(
                str(path),
                0,
                _p(
                    QT_TRANSLATE_NOOP("Checklists", "cannot be read: {reason}"),
                    reason=oswords.reason(exc, named=False),
                ),
            )
        ]
    return load_text(text, str(path))


def load_all(folders: Iterable[Path] = ()) -> tuple[dict[str, Template], list[Problem]]:
    """The bundled templates, then each folder's *.yaml / *.yml (a team's file overrides a bundled id)."""
    templates: dict[str, Template] = {}
    problems: list[Problem] = []
    for folder_index, folder in enumerate([BUNDLED, *folders]):
        seen_here: dict[str, str] = {}
        files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []
        if folder_index and not folder.is_dir():
            problems.append(
                Problem.of(str(folder), 0, _p(QT_TRANSLATE_NOOP("Checklists", "the checklist folder does not exist")))
            )
        for path in files:
            template, found = load_file(path)
            problems += found
            if template is None:
                continue
            if template.id in seen_here:
                problems.append(
                    Problem.of(
                        str(path),
                        0,
                        _p(
                            QT_TRANSLATE_NOOP(
                                "Checklists", "checklist id “{id}” is also used by {other}; this file was skipped"
                            ),
                            id=template.id,
                            other=seen_here[template.id],
                        ),
                    )
                )
                continue
            seen_here[template.id] = str(path)
            templates[template.id] = template
    return templates, problems


def resolve(id_or_path: str, folders: Iterable[Path] = ()) -> tuple[Template | None, list[Problem]]:
    """A checklist by id (bundled or in the folders) or by file path."""
    path = Path(id_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return load_file(path)
    templates, problems = load_all(folders)
    if id_or_path in templates:
        return templates[id_or_path], []
    if not templates:
        missing = _p(QT_TRANSLATE_NOOP("Checklists", "no checklist with this id (none are known)"))
    else:
        missing = _p(
            QT_TRANSLATE_NOOP("Checklists", "no checklist with this id (known: {known})"),
            known=", ".join(sorted(templates)),
        )
    return None, [*problems, Problem.of(id_or_path, 0, missing)]
