"""`onair alerts test --room NAME` and `onair alerts secret NAME`: a test alert to each destination of the room,
each platform's answer said in words, exit 0 (all delivered), 1 (one was not), 2 (nothing to test)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from tests.alert_servers import SIGNING, ChatPlatforms
from tests.language import english_words

Onair = Callable[..., CompletedProcess[str]]


def studio(tmp_path: Path, *destinations: dict[str, object], language: str = "en") -> dict[str, str | None]:
    (tmp_path / "alerts.json").write_text(
        json.dumps({"version": 1, "language": language, "destinations": list(destinations)}), encoding="utf-8"
    )
    return {"ONAIR_CONFIG_DIR": str(tmp_path)}


def keep(onair: Onair, env: dict[str, str | None], name: str, url: str, secret: str = "") -> None:
    result = onair(
        "alerts",
        "secret",
        name,
        "--url-env",
        "HOOK_URL",
        "--secret-env",
        "HOOK_SECRET",
        env={**env, "HOOK_URL": url, "HOOK_SECRET": secret},
    )
    assert result.returncode == 0, result.stderr
    assert name in result.stdout and url not in result.stdout


def test_each_destination_of_the_room_is_tried_and_its_answer_said(
    tmp_path: Path, onair: Onair, server: ChatPlatforms, memory_keyring: object
) -> None:
    env = studio(
        tmp_path,
        {"name": "ops-dingtalk", "platform": "dingtalk", "rooms": ["Room A"]},
        {"name": "ops-slack", "platform": "slack"},
        {"name": "ops-feishu", "platform": "feishu"},
        {"name": "other-room", "platform": "wecom", "rooms": ["Room B"]},
    )
    keep(onair, env, "ops-dingtalk", server.url("dingtalk"), SIGNING)
    keep(onair, env, "ops-slack", server.url("slack"))
    keep(onair, env, "ops-feishu", server.url("feishu"), "SECwrong")
    server.mode["slack"] = "rate_limit"
    result = onair("alerts", "test", "--room", "Room A", env=env)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "ops-dingtalk (DingTalk 钉钉): delivered",
        "ops-slack (Slack): too many messages: the platform asks to wait 7 s",
        "ops-feishu (Feishu/Lark 飞书): Feishu refused the signature: check the bot's signing secret and this "
        "machine's clock",
    ]
    [dingtalk] = server.of("dingtalk")
    assert dingtalk.verdict == "ok" and "[Room A] test alert from OnAir Console" in json.dumps(dingtalk.body)
    assert server.of("wecom") == []  # Room B's destination is not tried
    server.mode["slack"] = "ok"
    keep(onair, env, "ops-feishu", server.url("feishu"), SIGNING)
    assert onair("alerts", "test", "--room", "Room A", env=env).returncode == 0


def test_in_chinese_every_word_of_the_answer_is_chinese(
    tmp_path: Path, onair: Onair, server: ChatPlatforms, memory_keyring: object
) -> None:
    env = studio(
        tmp_path,
        {"name": "运营群", "platform": "wecom"},
        {"name": "技术群", "platform": "dingtalk"},
        {"name": "未设置", "platform": "webhook"},
        language="zh_CN",
    )
    keep(onair, env, "运营群", server.url("wecom"))
    keep(onair, env, "技术群", server.url("dingtalk"), "SECwrong")
    result = onair("alerts", "test", "--room", "一号直播间", env=env)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0] == "运营群（WeCom 企业微信）：已送达"
    for line in lines:
        assert english_words(line.split("）", 1)[1]) == [], line
    [wecom] = server.of("wecom")
    assert "一号直播间" in wecom.body["markdown"]["content"] and "OnAir" in wecom.body["markdown"]["content"]


def test_nothing_to_test_or_a_wrong_file_exits_2_with_a_reason(
    tmp_path: Path, onair: Onair, memory_keyring: object
) -> None:
    env = studio(tmp_path, {"name": "ops", "platform": "slack", "rooms": ["Room A"]})
    result = onair("alerts", "test", "--room", "Room B", env=env)
    assert result.returncode == 2
    assert "no alert destination hears the room “Room B”" in result.stderr
    (tmp_path / "alerts.json").write_text('{"version": 1, "destinations": [{"name": "x"}]}', encoding="utf-8")
    result = onair("alerts", "test", "--room", "Room A", env=env)
    assert result.returncode == 2
    assert "alert destination 1: its platform must be one of" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_secret_is_refused_without_a_webhook_address_and_never_printed(
    tmp_path: Path, onair: Onair, memory_keyring: object
) -> None:
    env = studio(tmp_path, {"name": "ops", "platform": "dingtalk"})
    result = onair(
        "alerts",
        "secret",
        "ops",
        "--url-env",
        "HOOK_URL",
        "--secret-env",
        "HOOK_SECRET",
        env={**env, "HOOK_URL": "oapi.dingtalk.com/robot/send?access_token=abcd1234", "HOOK_SECRET": "SECabcdef"},
    )
    assert result.returncode == 2
    assert "a webhook address starts with https://" in result.stderr
    assert "abcd1234" not in result.stderr + result.stdout
    result = onair("alerts", "test", "--room", "Room A", env=env)
    assert result.returncode == 1
    assert "no webhook address in the keyring: run onair alerts secret ops" in result.stdout
    result = onair("alerts", "secret", "nobody", "--url-env", "HOOK_URL", env={**env, "HOOK_URL": "https://x"})
    assert result.returncode == 2 and "alerts.json has no destination called “nobody”" in result.stderr
