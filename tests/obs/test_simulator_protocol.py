"""The demo room's handshake and message framing are obs-websocket 5.1.0's: subprotocols (JSON and MessagePack),
request ids of any JSON type, and the close codes and request statuses real OBS gives for malformed messages
(checked against obs-websocket 5.1.0's WebSocketServer_Protocol.cpp and Request.cpp)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import msgpack
import pytest
import websocket

from obs.protocol import auth_response
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD, wait_until


class RawClient:
    """A bare obs-websocket client on websocket-client, speaking JSON or MessagePack."""

    def __init__(self, url: str, subprotocol: str | None = None) -> None:
        self.binary = subprotocol == "obswebsocket.msgpack"
        self.ws = websocket.create_connection(url, subprotocols=[subprotocol] if subprotocol else None, timeout=5)
        self.hello = self.recv()

    def send(self, message: Any) -> None:
        if self.binary:
            self.ws.send_binary(msgpack.packb(message))
        else:
            self.ws.send(json.dumps(message))

    def recv(self) -> dict[str, Any]:
        opcode, payload = self.ws.recv_data()
        assert opcode == (websocket.ABNF.OPCODE_BINARY if self.binary else websocket.ABNF.OPCODE_TEXT)
        return msgpack.unpackb(payload) if self.binary else json.loads(payload)  # type: ignore[no-any-return]

    def identify(self, subscriptions: int = 0) -> None:
        auth = self.hello["d"]["authentication"]
        token = auth_response(PASSWORD, auth["salt"], auth["challenge"])
        self.send({"op": 1, "d": {"rpcVersion": 1, "authentication": token, "eventSubscriptions": subscriptions}})
        assert self.recv() == {"op": 2, "d": {"negotiatedRpcVersion": 1}}

    def reply(self, op: int) -> dict[str, Any]:
        """The next message of opcode `op` (events in between are skipped)."""
        while True:
            message = self.recv()
            if message["op"] == op:
                return message["d"]  # type: ignore[no-any-return]

    def closed_with(self) -> tuple[int, str]:
        """Read until the server closes; return its close code and reason."""
        while True:
            opcode, payload = self.ws.recv_data(control_frame=True)
            if opcode == websocket.ABNF.OPCODE_CLOSE:
                return int.from_bytes(payload[:2], "big"), payload[2:].decode()


@pytest.fixture
def url(sim: SimulatorThread) -> Iterator[str]:
    yield sim.url


def client(url: str, subprotocol: str | None = None, identify: bool = True) -> RawClient:
    raw = RawClient(url, subprotocol)
    if identify:
        raw.identify()
    return raw


@pytest.mark.parametrize("subprotocol", ["obswebsocket.json", "obswebsocket.msgpack"])
def test_subprotocol_is_negotiated_and_spoken(url: str, subprotocol: str) -> None:
    raw = client(url, subprotocol)
    assert raw.ws.getsubprotocol() == subprotocol
    assert raw.hello["op"] == 0 and raw.hello["d"]["rpcVersion"] == 1
    raw.send({"op": 6, "d": {"requestType": "GetCurrentProgramScene", "requestId": "a"}})
    answer = raw.reply(7)
    assert answer["responseData"] == {"currentProgramSceneName": "等待开始"}
    raw.send({"op": 3, "d": {"eventSubscriptions": 1 << 2}})
    assert raw.reply(2) == {"negotiatedRpcVersion": 1}
    raw.send(
        {
            "op": 6,
            "d": {"requestType": "SetCurrentProgramScene", "requestId": 2, "requestData": {"sceneName": "直播中"}},
        }
    )
    raw.reply(7)
    event = raw.reply(5)
    assert event["eventType"] == "CurrentProgramSceneChanged" and event["eventData"] == {"sceneName": "直播中"}


def test_unknown_subprotocol_falls_back_to_json(url: str) -> None:
    raw = RawClient(url, None)
    raw.ws.close()
    ws = websocket.create_connection(url, header=["Sec-WebSocket-Protocol: chat"], timeout=5)
    assert json.loads(ws.recv())["op"] == 0
    ws.close()


def test_wrong_frame_type_for_the_encoding_closes_4002(url: str) -> None:
    raw = client(url, "obswebsocket.msgpack", identify=False)
    raw.ws.send(json.dumps({"op": 1, "d": {"rpcVersion": 1}}))
    assert raw.closed_with() == (4002, "Your session encoding is set to MsgPack, but a text message was received.")
    raw = client(url, "obswebsocket.json", identify=False)
    raw.ws.send_binary(b"\x80")
    assert raw.closed_with() == (4002, "Your session encoding is set to Json, but a binary message was received.")


@pytest.mark.parametrize("request_id", [7, 0, 3.5, True, None, ["x", 1], {"n": 1}, ""])
def test_request_id_of_any_type_is_echoed(url: str, request_id: Any) -> None:
    raw = client(url)
    raw.send({"op": 6, "d": {"requestType": "GetVersion", "requestId": request_id}})
    answer = raw.reply(7)
    assert answer["requestId"] == request_id and type(answer["requestId"]) is type(request_id)
    assert answer["requestStatus"] == {"result": True, "code": 100}


def test_batch_echoes_request_ids_and_passes_variables(url: str) -> None:
    raw = client(url)
    raw.send(
        {
            "op": 8,
            "d": {
                "requestId": 41,
                "requests": [
                    {
                        "requestType": "GetCurrentProgramScene",
                        "requestId": 1,
                        "outputVariables": {"scene": "currentProgramSceneName"},
                    },
                    {"requestType": "GetSceneItemList", "requestId": [2], "inputVariables": {"sceneName": "scene"}},
                    {"requestType": "GetVersion", "requestId": None},
                    {"requestType": 5},
                    None,
                ],
            },
        }
    )
    answer = raw.reply(9)
    assert answer["requestId"] == 41
    first, second, third, fourth, fifth = answer["results"]
    assert first["requestId"] == 1 and second["requestId"] == [2]
    assert second["requestStatus"]["code"] == 100
    assert [i["sourceName"] for i in second["responseData"]["sceneItems"]] == ["背景图", "桌面音频"]
    assert "requestId" not in third  # a null id is left out inside a batch
    for bad in (fourth, fifth):
        assert bad["requestType"] == ""
        assert bad["requestStatus"] == {
            "result": False,
            "code": 203,
            "comment": "Your request's `requestType` may not be empty.",
        }


def test_sleep_in_a_batch_waits_and_does_not_hold_up_other_messages(url: str) -> None:
    raw = client(url)
    raw.send(
        {
            "op": 8,
            "d": {"requestId": "slow", "requests": [{"requestType": "Sleep", "requestData": {"sleepMillis": 800}}]},
        }
    )
    raw.send({"op": 6, "d": {"requestType": "GetVersion", "requestId": "quick"}})
    first = raw.recv()
    assert first["op"] == 7 and first["d"]["requestId"] == "quick"
    second = raw.reply(9)
    assert second["results"][0]["requestStatus"] == {"result": True, "code": 100}


def test_sleep_outside_a_batch_is_206_without_comment(url: str) -> None:
    raw = client(url)
    raw.send({"op": 6, "d": {"requestType": "Sleep", "requestId": "s", "requestData": {"sleepMillis": 10}}})
    assert raw.reply(7)["requestStatus"] == {"result": False, "code": 206}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"requestType": "GetInputMute"}, (301, "Your request data is missing or invalid (non-object)")),
        (
            {"requestType": "GetInputMute", "requestData": [1]},
            (301, "Your request data is missing or invalid (non-object)"),
        ),
        ({"requestType": "GetInputMute", "requestData": {}}, (300, "Your request is missing the `inputName` field.")),
        (
            {"requestType": "GetInputMute", "requestData": {"inputName": 3}},
            (401, "The field value of `inputName` must be a string."),
        ),
        (
            {"requestType": "GetInputMute", "requestData": {"inputName": ""}},
            (403, "The field value of `inputName` must not be empty."),
        ),
        (
            {"requestType": "SetInputMute", "requestData": {"inputName": "麦克风", "inputMuted": 1}},
            (401, "The field value of `inputMuted` must be boolean."),
        ),
        (
            {"requestType": "SetCurrentSceneTransitionDuration", "requestData": {"transitionDuration": 10}},
            (402, "The field value of `transitionDuration` is below the minimum of `50.000000`"),
        ),
        (
            {"requestType": "SetCurrentSceneTransitionDuration", "requestData": {"transitionDuration": True}},
            (401, "The field value of `transitionDuration` must be a number."),
        ),
        (
            {"requestType": "GetSceneItemList", "requestData": {"sceneName": "麦克风"}},
            (602, "The specified source is not a scene."),
        ),
        ({"requestType": "", "requestData": {}}, (203, "Your request's `requestType` may not be empty.")),
        ({"requestType": "NoSuchRequest"}, (204, "Your request type is not valid.")),
    ],
)
def test_request_statuses_match_obs(url: str, body: dict[str, Any], status: tuple[int, str]) -> None:
    raw = client(url)
    raw.send({"op": 6, "d": {"requestId": "r", **body}})
    answer = raw.reply(7)
    assert answer["requestType"] == body["requestType"]
    assert answer["requestStatus"] == {"result": False, "code": status[0], "comment": status[1]}


@pytest.mark.parametrize(
    ("message", "close"),
    [
        ("not json", 4002),
        ("[1, 2]", (4002, "You sent a non-object payload.")),
        ({"d": {}}, (4006, "Your request is missing an `op`.")),
        ({"op": "6", "d": {}}, (4006, "Your `op` is not a number.")),
        ({"op": 6}, (4003, "Your payload is missing data (`d`).")),
        ({"op": 6, "d": [1]}, (4004, "Your payload's data (`d`) is not an object.")),
        ({"op": 6, "d": {"requestId": "x"}}, (4003, "Your payload's data is missing an `requestType`.")),
        ({"op": 6, "d": {"requestType": "GetVersion"}}, (4003, "Your payload data is missing a `requestId`.")),
        ({"op": 6, "d": {"requestId": "x", "requestType": 5}}, (4004, "Your `requestType` is not a string.")),
        ({"op": 8, "d": {"requestId": "x"}}, (4003, "Your payload data is missing a `requests`.")),
        ({"op": 8, "d": {"requestId": "x", "requests": {}}}, (4004, "Your `requests` is not an array.")),
        (
            {"op": 8, "d": {"requestId": "x", "requests": [], "executionType": 7}},
            (4005, "Your `executionType` has an invalid value."),
        ),
        (
            {"op": 8, "d": {"requestId": "x", "requests": [], "executionType": -1}},
            (4004, "Your `executionType` is not a number."),
        ),
        (
            {"op": 8, "d": {"requestId": "x", "requests": [], "haltOnFailure": 1}},
            (4004, "Your `haltOnFailure` is not a boolean."),
        ),
        (
            {"op": 8, "d": {"requestId": "x", "requests": [], "executionType": 2, "variables": {}}},
            (4012, "Variables are not supported in Parallel mode."),
        ),
        ({"op": 3, "d": {"eventSubscriptions": -1}}, (4004, "Your `eventSubscriptions` is not an unsigned number.")),
        ({"op": 1, "d": {"rpcVersion": 1}}, (4008, "You are already Identified with the obs-websocket server.")),
        ({"op": 4, "d": {}}, (4006, "Unknown OpCode: 4")),
    ],
)
def test_malformed_messages_close_like_obs(url: str, message: Any, close: Any) -> None:
    raw = client(url)
    raw.ws.send(message if isinstance(message, str) else json.dumps(message))
    code, reason = raw.closed_with()
    if isinstance(close, int):
        assert code == close and reason.startswith("Unable to decode Json")
    else:
        assert (code, reason) == close


@pytest.mark.parametrize(
    ("identify", "close"),
    [
        (
            {"rpcVersion": 1},
            (4009, "Your payload's data is missing an `authentication` string, however authentication is required."),
        ),
        ({"rpcVersion": 1, "authentication": "wrong"}, (4009, "Authentication failed.")),
        ({"authentication": "OK"}, (4003, "Your payload's data is missing an `rpcVersion`.")),
        ({"rpcVersion": "1", "authentication": "OK"}, (4004, "Your `rpcVersion` is not an unsigned number.")),
        (
            {"rpcVersion": 2, "authentication": "OK"},
            (4010, "Your requested RPC version is not supported by this server."),
        ),
        (
            {"rpcVersion": 1, "authentication": "OK", "eventSubscriptions": 1.5},
            (4004, "Your `eventSubscriptions` is not an unsigned number."),
        ),
    ],
)
def test_identify_is_checked_in_obs_order(url: str, identify: dict[str, Any], close: tuple[int, str]) -> None:
    raw = client(url, identify=False)
    if identify.get("authentication") == "OK":
        auth = raw.hello["d"]["authentication"]
        identify["authentication"] = auth_response(PASSWORD, auth["salt"], auth["challenge"])
    raw.send({"op": 1, "d": identify})
    assert raw.closed_with() == close


def test_requests_before_identify_close_4007(url: str) -> None:
    raw = client(url, identify=False)
    raw.send({"op": 6, "d": {"requestType": "GetVersion", "requestId": 1}})
    assert raw.closed_with() == (4007, "You attempted to send a non-Identify message while not identified.")


def call(raw: RawClient, request_type: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"requestType": request_type, "requestId": request_type}
    if data is not None:
        message["requestData"] = data
    raw.send({"op": 6, "d": message})
    return raw.reply(7)


def test_scene_switch_events_come_in_obs_order(url: str) -> None:
    raw = client(url)
    raw.send({"op": 3, "d": {"eventSubscriptions": (1 << 2) | (1 << 4)}})  # Scenes and Transitions
    raw.reply(2)
    for transition in ("淡入淡出", "Cut"):
        call(raw, "SetCurrentSceneTransition", {"transitionName": transition})
        raw.reply(5)  # CurrentSceneTransitionChanged
        target = "直播中" if transition == "淡入淡出" else "商品特写"
        raw.send(
            {
                "op": 6,
                "d": {"requestType": "SetCurrentProgramScene", "requestId": 1, "requestData": {"sceneName": target}},
            }
        )
        seen: list[str] = []
        while not seen or seen[-1] != "SceneTransitionEnded":
            message = raw.recv()
            seen.append("response" if message["op"] == 7 else message["d"]["eventType"])
        # Measured on OBS 29.0.2: the transition starts as the request is answered; the program scene changes
        # when its video has ended, and the transition ends last.
        assert seen == [
            "SceneTransitionStarted",
            "response",
            "SceneTransitionVideoEnded",
            "CurrentProgramSceneChanged",
            "SceneTransitionEnded",
        ], transition


def test_details_as_real_obs_answers_them(url: str) -> None:
    raw = client(url)

    def parameter(category: str, name: str) -> dict[str, Any]:
        data: dict[str, Any] = call(raw, "GetProfileParameter", {"parameterCategory": category, "parameterName": name})[
            "responseData"
        ]
        return data

    assert parameter("SimpleOutput", "VBitrate") == {"parameterValue": "2500", "defaultParameterValue": "2500"}
    assert parameter("Video", "FPSCommon") == {"parameterValue": "30", "defaultParameterValue": "30"}
    assert parameter("General", "Name") == {"parameterValue": "直播间", "defaultParameterValue": None}
    assert parameter("Nope", "Nope") == {"parameterValue": None, "defaultParameterValue": None}
    transition = call(raw, "GetCurrentSceneTransition")["responseData"]
    assert transition["transitionName"] == "淡入淡出" and transition["transitionSettings"] is None
    # Without a recording, PauseRecord does nothing and succeeds; ResumeRecord is "not paused"; no comments.
    assert call(raw, "PauseRecord")["requestStatus"] == {"result": True, "code": 100}
    assert call(raw, "ResumeRecord")["requestStatus"] == {"result": False, "code": 503}
    assert call(raw, "StopRecord")["requestStatus"] == {"result": False, "code": 501}
    assert call(raw, "GetCurrentPreviewScene")["requestStatus"] == {"result": False, "code": 506}
    assert call(raw, "ToggleRecord")["responseData"] == {"outputActive": True}
    assert call(raw, "StartRecord")["requestStatus"] == {"result": False, "code": 500}
    wait_until(lambda: call(raw, "GetRecordStatus")["responseData"]["outputBytes"] > 0, 5)  # it writes
    written = call(raw, "GetRecordStatus")["responseData"]["outputBytes"]
    assert call(raw, "ToggleRecord")["responseData"] == {"outputActive": False}
    after = call(raw, "GetRecordStatus")["responseData"]
    assert after["outputActive"] is False and after["outputBytes"] >= written
