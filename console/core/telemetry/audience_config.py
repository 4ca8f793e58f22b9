"""A room's audience source as saved with the room (no secrets: those are in the keyring), and building the
running source from it. Qt-free."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from console.core.telemetry.audience import AudienceSource, Detail, NoAudience
from console.core.telemetry.audience_file import FileTailSource
from console.core.telemetry.audience_http import PRESETS, HttpJsonSource, HttpSpec, SpecError
from obs.text import QT_TRANSLATE_NOOP

KINDS = ("none", "http", "file")
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
#: A custom URL is asked no more often than this (a preset has its platform's own minimum).
CUSTOM_MIN_INTERVAL_S = 5.0


def parse_headers(text: str) -> tuple[tuple[str, str], ...]:
    """ "Name: value" per line; blank lines ignored. SpecError for a line without a colon."""
    headers = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name, colon, value = line.partition(":")
        if not colon or not _HEADER_NAME.fullmatch(name.strip()):
            raise SpecError(
                Detail.of(
                    QT_TRANSLATE_NOOP(
                        "Audience",
                        "Header line {line} should read “Name: value” (a name in plain letters, digits and dashes).",
                    ),
                    line=number,
                )
            )
        headers.append((name.strip(), value.strip()))
    return tuple(headers)


@dataclass(frozen=True)
class AudienceConfig:
    kind: str = "none"
    #: For kind "http": a preset id, or "" for a custom request.
    preset: str = ""
    params: tuple[tuple[str, str], ...] = ()
    url: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    viewers: str = ""
    likes: str = ""
    interactions: str = ""
    live: str = ""
    interval_s: float = 30.0
    #: For kind "file".
    path: str = ""
    stale_after_s: float = 120.0

    @property
    def needs_secret(self) -> bool:
        if self.kind != "http":
            return False
        if self.preset:
            return PRESETS[self.preset].secret_label is not None
        return "{secret}" in self.url or any("{secret}" in value for _, value in self.headers)

    def param(self, key: str) -> str:
        return dict(self.params).get(key, "")

    def min_interval_s(self) -> float:
        return PRESETS[self.preset].min_interval_s if self.preset else CUSTOM_MIN_INTERVAL_S

    def spec(self) -> HttpSpec:
        """The request this configuration makes; SpecError in the user's terms when it cannot work."""
        interval = max(self.interval_s, self.min_interval_s())
        if self.preset:
            preset = PRESETS[self.preset]
            values = {}
            for param in preset.params:
                value = param.clean(self.param(param.key))
                if not value:
                    raise SpecError(Detail.of(QT_TRANSLATE_NOOP("Audience", "Fill in “{field}”."), field=param.label))
                values[param.key] = value
            spec = preset.build(values)
        else:
            spec = HttpSpec(self.url.strip(), self.headers, self.viewers, self.likes, self.interactions, self.live)
        spec = replace(spec, interval_s=interval)
        spec.compiled()
        return spec

    def check(self) -> None:
        """SpecError if this configuration cannot run."""
        if self.kind == "http":
            self.spec()
        elif self.kind == "file" and not self.path.strip():
            raise SpecError(Detail.of(QT_TRANSLATE_NOOP("Audience", "Choose the file to follow.")))

    def build(self, secret: str = "") -> AudienceSource:
        """The running source (not started). SpecError if the configuration cannot work."""
        self.check()
        if self.kind == "http":
            return HttpJsonSource(self.spec(), secret, name=self.preset or "http")
        if self.kind == "file":
            return FileTailSource(Path(self.path.strip()).expanduser(), stale_after_s=max(self.stale_after_s, 5.0))
        return NoAudience()

    # ------------------------------------------------------------------ rooms.json
    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["params"] = dict(self.params)
        data["headers"] = [list(pair) for pair in self.headers]
        defaults = asdict(AudienceConfig())
        return {k: v for k, v in data.items() if k == "kind" or v != defaults.get(k, object())}

    @classmethod
    def from_json(cls, data: Any) -> AudienceConfig:
        """ValueError when the saved value is not an audience configuration."""
        if not isinstance(data, dict):
            raise ValueError("the audience setting is not an object")
        kind = data.get("kind", "none")
        preset = str(data.get("preset") or "")
        if kind not in KINDS:
            raise ValueError(f"unknown audience source kind {kind!r}")
        if preset and preset not in PRESETS:
            raise ValueError(f"unknown audience preset {preset!r}")
        params = data.get("params") or {}
        headers = data.get("headers") or []
        if not isinstance(params, dict) or not isinstance(headers, list):
            raise ValueError("the audience parameters or headers are malformed")

        def text(key: str) -> str:
            return str(data.get(key) or "")

        return cls(
            kind=kind,
            preset=preset,
            params=tuple((str(k), str(v)) for k, v in params.items()),
            url=text("url"),
            headers=tuple(
                (str(pair[0]), str(pair[1])) for pair in headers if isinstance(pair, list) and len(pair) == 2
            ),
            viewers=text("viewers"),
            likes=text("likes"),
            interactions=text("interactions"),
            live=text("live"),
            interval_s=float(data.get("interval_s", 30.0)),
            path=text("path"),
            stale_after_s=float(data.get("stale_after_s", 120.0)),
        )
