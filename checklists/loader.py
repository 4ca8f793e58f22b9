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
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checklists.checks import CHECKS
from checklists.model import KINDS, Item, Problem, Section, Template, Text

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


class _Invalid(Exception):
    def __init__(self, node: Node | None, message: str) -> None:
        super().__init__(message)
        self.line = node.start_mark.line + 1 if node is not None else 0
        self.message = message


class _Refused(yaml.MarkedYAMLError):
    """A file the bounded reader stops on (too deep, too many nodes, a tag it will not construct)."""


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader's composer with the depth, node-count and tag bounds checked as each node is composed."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
        self._depth += 1
        self._nodes += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(problem=f"nested more than {MAX_DEPTH} levels deep", problem_mark=mark)
        if self._nodes > MAX_NODES:
            raise _Refused(
                problem=f"more than {MAX_NODES:,} YAML values (a checklist has far fewer)", problem_mark=mark
            )
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if node is not None and node.tag not in PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")  # as it was written in the file
            raise _Refused(problem=f"the tag “{tag}” is not allowed (plain YAML values only)", problem_mark=mark)
        return node


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _mapping(node: Node, what: str, allowed: set[str]) -> dict[str, Node]:
    if not isinstance(node, MappingNode):
        raise _Invalid(node, f"{what} must be a mapping of keys to values")
    result: dict[str, Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in result:
            raise _Invalid(key_node, f"“{key}” is given twice in {what}")
        if key not in allowed:
            raise _Invalid(key_node, f"unknown key “{key}” in {what} (known: {', '.join(sorted(allowed))})")
        result[key] = value_node
    return result


def _scalar(node: Node, what: str) -> Any:
    if not isinstance(node, ScalarNode):
        raise _Invalid(node, f"{what} must be a single value")
    try:
        return yaml.safe_load(yaml.serialize(node))
    except (yaml.YAMLError, ValueError, OverflowError) as exc:  # e.g. a date 2024-99-99: the value is wrong
        raise _Invalid(node, f"{what} is not a valid value: {getattr(exc, 'problem', None) or exc}") from exc


def _string(node: Node, what: str) -> str:
    value = _scalar(node, what)
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(node, f"{what} must be non-empty text")
    if len(value) > MAX_TEXT:
        raise _Invalid(node, f"{what} is {len(value):,} characters long (at most {MAX_TEXT:,})")
    return value


def _text(node: Node, what: str) -> Text:
    if isinstance(node, ScalarNode):
        return {"en": _string(node, what)}
    mapping = _mapping(node, what, {"en", "zh_CN", "zh_TW", "ja", "ko"})
    if not mapping:
        raise _Invalid(node, f"{what} needs at least one language")
    return {language: _string(value, f"{what} ({language})") for language, value in mapping.items()}


def _required(mapping: dict[str, Node], key: str, parent: Node, what: str) -> Node:
    if key not in mapping:
        raise _Invalid(parent, f"{what} has no “{key}”")
    return mapping[key]


def _params(check_name: str, node: Node | None, item_node: Node) -> dict[str, Any]:
    spec = CHECKS[check_name]
    given: dict[str, Any] = {}
    if node is not None:
        for key, value_node in _mapping(
            node, f"the parameters of {check_name}", {p.name for p in spec.params} or {"(none)"}
        ).items():
            param = spec.param(key)
            assert param is not None
            value = _scalar(value_node, f"parameter “{key}”")
            if param.type is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value) if abs(value) < 2**53 else value  # a huge integer is out of bounds anyway
            wrong = param.problem(value)
            if wrong:
                raise _Invalid(value_node, f"parameter “{key}” of {check_name} {wrong}")
            given[key] = value
    missing = [p.name for p in spec.params if p.required and p.name not in given]
    if missing:
        where = node if node is not None else item_node
        raise _Invalid(
            where,
            f"{check_name} needs the parameter{'s' if len(missing) > 1 else ''} {', '.join(missing)} (under “with:”)",
        )
    return given


def _item(node: Node, seen: set[str]) -> Item:
    mapping = _mapping(node, "an item", ITEM_KEYS)
    item_id = _string(_required(mapping, "id", node, "an item"), "an item's id")
    if not ID_PATTERN.match(item_id):
        raise _Invalid(mapping["id"], f"item id “{item_id}” may use only a-z, 0-9, - and _")
    if item_id in seen:
        raise _Invalid(mapping["id"], f"item id “{item_id}” is used twice in this checklist")
    seen.add(item_id)
    title = _text(_required(mapping, "title", node, f"item “{item_id}”"), f"the title of “{item_id}”")
    required = True
    if "required" in mapping:
        required = _scalar(mapping["required"], "required")
        if not isinstance(required, bool):
            raise _Invalid(mapping["required"], "“required” must be true or false")
    manual = False
    if "manual" in mapping:
        manual = _scalar(mapping["manual"], "manual")
        if manual is not True:
            raise _Invalid(mapping["manual"], "“manual” can only be true (leave it out for a sensed item)")
    check_name = None
    params: dict[str, Any] = {}
    if "check" in mapping:
        check_name = _string(mapping["check"], "check")
        if check_name not in CHECKS:
            raise _Invalid(mapping["check"], f"unknown check “{check_name}” (known: {', '.join(sorted(CHECKS))})")
        params = _params(check_name, mapping.get("with"), node)
    elif "with" in mapping:
        raise _Invalid(mapping["with"], f"item “{item_id}” has parameters but no check")
    if manual and check_name:
        raise _Invalid(node, f"item “{item_id}” is both manual and sensed: choose one")
    if not manual and not check_name:
        raise _Invalid(node, f"item “{item_id}” needs either “check: …” or “manual: true”")
    help_text = _text(mapping["help"], f"the help of “{item_id}”") if "help" in mapping else {}
    return Item(item_id, title, check_name, params, required, help_text, _line(node))


def _template(root: Node, source: str) -> Template:
    mapping = _mapping(root, "the checklist", TEMPLATE_KEYS)
    template_id = _string(_required(mapping, "id", root, "the checklist"), "the checklist id")
    if not ID_PATTERN.match(template_id):
        raise _Invalid(mapping["id"], f"checklist id “{template_id}” may use only a-z, 0-9, - and _")
    title = _text(_required(mapping, "title", root, "the checklist"), "the checklist title")
    role = _string(mapping["role"], "role") if "role" in mapping else "any"
    if role not in ROLES:
        raise _Invalid(mapping["role"], f"unknown role “{role}” (known: {', '.join(ROLES)})")
    kind = _string(mapping["kind"], "kind") if "kind" in mapping else "pre-show"
    if kind not in KINDS:
        raise _Invalid(mapping["kind"], f"unknown kind “{kind}” (known: {', '.join(KINDS)})")
    sections_node = _required(mapping, "sections", root, "the checklist")
    if not isinstance(sections_node, SequenceNode) or not sections_node.value:
        raise _Invalid(sections_node, "“sections” must be a non-empty list")
    seen: set[str] = set()
    sections = []
    for section_node in sections_node.value:
        section = _mapping(section_node, "a section", SECTION_KEYS)
        section_title = _text(_required(section, "title", section_node, "a section"), "a section title")
        items_node = _required(section, "items", section_node, "a section")
        if not isinstance(items_node, SequenceNode) or not items_node.value:
            raise _Invalid(items_node, "a section's “items” must be a non-empty list")
        if len(seen) + len(items_node.value) > MAX_ITEMS:
            raise _Invalid(items_node, f"more than {MAX_ITEMS} items (split it into several checklists)")
        sections.append(Section(section_title, tuple(_item(node, seen) for node in items_node.value)))
    return Template(template_id, title, role, tuple(sections), source, kind)


def load_text(text: str, source: str) -> tuple[Template | None, list[Problem]]:
    try:
        return _load_text(text, source)
    except Exception:  # a last guard: one unreadable file must never stop the others, or the console
        LOG.exception("checklist %s could not be read", source)
        return None, [Problem(source, 0, "could not be read (an unexpected error; details in the log)")]


def _load_text(text: str, source: str) -> tuple[Template | None, list[Problem]]:
    if len(text) > MAX_FILE_BYTES:
        return None, [Problem(source, 0, f"the file is larger than {MAX_FILE_BYTES // 1024} KB")]
    loader = _BoundedLoader(text)
    try:
        root = loader.get_single_node()
    except _Refused as exc:
        mark = exc.problem_mark
        return None, [Problem(source, mark.line + 1 if mark is not None else 0, str(exc.problem))]
    except yaml.MarkedYAMLError as exc:
        # Where an unclosed bracket or quote *began* is what needs fixing, not the end of file where it broke.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark is not None else 0
        where = f" ({exc.context})" if exc.context else ""
        return None, [Problem(source, line, f"not valid YAML: {exc.problem or exc}{where}")]
    except yaml.YAMLError as exc:
        return None, [Problem(source, 0, f"not valid YAML: {exc}")]
    finally:
        loader.dispose()
    if root is None:
        return None, [Problem(source, 0, "the file is empty")]
    try:
        return _template(root, source), []
    except _Invalid as exc:
        return None, [Problem(source, exc.line, exc.message)]


def load_file(path: Path) -> tuple[Template | None, list[Problem]]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:  # refused before it is read into memory
            return None, [Problem(str(path), 0, f"the file is larger than {MAX_FILE_BYTES // 1024} KB")]
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem(str(path), 0, "the file is not UTF-8 text")]
    except OSError as exc:
        return None, [Problem(str(path), 0, f"cannot be read: {exc.strerror or exc}")]
    return load_text(text, str(path))


def load_all(folders: Iterable[Path] = ()) -> tuple[dict[str, Template], list[Problem]]:
    """The bundled templates, then each folder's *.yaml / *.yml (a team's file overrides a bundled id)."""
    templates: dict[str, Template] = {}
    problems: list[Problem] = []
    for folder_index, folder in enumerate([BUNDLED, *folders]):
        seen_here: dict[str, str] = {}
        files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []
        if folder_index and not folder.is_dir():
            problems.append(Problem(str(folder), 0, "the checklist folder does not exist"))
        for path in files:
            template, found = load_file(path)
            problems += found
            if template is None:
                continue
            if template.id in seen_here:
                problems.append(
                    Problem(
                        str(path),
                        0,
                        f"checklist id “{template.id}” is also used by {seen_here[template.id]}; this file was skipped",
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
    known = ", ".join(sorted(templates)) or "none"
    return None, [*problems, Problem(id_or_path, 0, f"no checklist with this id (known: {known})")]
