"""A local YouTube Data API v3 (127.0.0.1 only) speaking the documented REST shapes: videos.list with
liveStreamingDetails.activeLiveChatId, search.list for a channel's live video, liveBroadcasts.list for the owner's
token, and liveChatMessages.list with paging (nextPageToken), pollingIntervalMillis, offlineAt, the chat's history
on the first page, Google's error bodies (quotaExceeded, rateLimitExceeded, keyInvalid, liveChatEnded …) and a
quota counter charging each call what Google's table says. Written independently of the console's code."""

from __future__ import annotations

import contextlib
import json
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.http_platform import QUICK_SHUTDOWN

QUOTA_COST = {
    "POST /youtube/v3/liveChat/messages": 50,
    "/youtube/v3/liveChat/messages": 5,
    "/youtube/v3/videos": 1,
    "/youtube/v3/liveBroadcasts": 1,
    "/youtube/v3/search": 100,
    "/tokeninfo": 0,  # Google's token check is not a YouTube API call
}


def published(offset: float = 0.0) -> str:
    return datetime.fromtimestamp(1_764_500_000 + offset, UTC).isoformat().replace("+00:00", "Z")


def author(n: int, **flags: bool) -> dict[str, Any]:
    return {
        "channelId": f"UCviewer{n:016d}",
        "channelUrl": f"http://www.youtube.com/channel/UCviewer{n:016d}",
        "displayName": f"Viewer {n}",
        "profileImageUrl": "https://yt3.ggpht.com/x.jpg",
        "isVerified": False,
        "isChatOwner": False,
        "isChatSponsor": False,
        "isChatModerator": False,
        **flags,
    }


def text_message(n: int, words: str = "", **flags: bool) -> dict[str, Any]:
    words = words or f"comment {n}"
    return {
        "kind": "youtube#liveChatMessage",
        "etag": f"e{n}",
        "id": f"LCC.msg{n:08d}",
        "snippet": {
            "type": "textMessageEvent",
            "liveChatId": "chat-1",
            "authorChannelId": f"UCviewer{n:016d}",
            "publishedAt": published(n),
            "hasDisplayContent": True,
            "displayMessage": words,
            "textMessageDetails": {"messageText": words},
        },
        "authorDetails": author(n, **flags),
    }


def message(n: int, kind: str, details_name: str = "", details: dict[str, Any] | None = None) -> dict[str, Any]:
    """Any other liveChatMessage type, with its details object."""
    snippet: dict[str, Any] = {
        "type": kind,
        "liveChatId": "chat-1",
        "authorChannelId": f"UCviewer{n:016d}",
        "publishedAt": published(n),
        "hasDisplayContent": True,
        "displayMessage": "",
    }
    if details_name:
        snippet[details_name] = details or {}
    return {
        "kind": "youtube#liveChatMessage",
        "etag": f"e{n}",
        "id": f"LCC.msg{n:08d}",
        "snippet": snippet,
        "authorDetails": author(n),
    }


def error(code: int, reason: str, words: str) -> dict[str, Any]:
    return {
        "error": {
            "code": code,
            "message": words,
            "errors": [{"message": words, "domain": "youtube.liveChat", "reason": reason}],
        }
    }


class YouTubeApi:
    def __init__(self) -> None:
        self.api_key = "AIza-test-key"
        self.oauth_token = "ya29.owner-token"
        self.video_id = "dQw4w9WgXcQ"
        self.channel_id = "UC" + "x" * 22
        self.live_chat_id = "chat-1"
        self.live = True
        #: The chat so far; a page token is the index of the next message to give.
        self.chat: list[dict[str, Any]] = []
        self.polling_ms = 100
        self.offline_at = ""
        #: Scripted answers for the next liveChat/messages calls: (HTTP status, JSON body or raw text).
        self.errors: list[tuple[int, Any]] = []
        self.requests: list[tuple[str, dict[str, str], dict[str, str]]] = []  # path, query, headers
        self.units = 0
        self.lock = threading.Lock()
        # ---- posting: each OAuth token's scopes (Google's tokeninfo says them), the chat's state for inserts,
        # scripted answers for the next inserts, and what was posted.
        self.token_scopes = {
            self.oauth_token: "https://www.googleapis.com/auth/youtube.force-ssl",
            "ya29.read-only": "https://www.googleapis.com/auth/youtube.readonly",
        }
        self.chat_disabled = False
        self.insert_errors: list[tuple[int, Any]] = []
        self.posted: list[dict[str, Any]] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                with api.lock:
                    api.requests.append((parts.path, query, dict(self.headers)))
                    api.units += QUOTA_COST.get(parts.path, 1)  # every request costs, invalid ones too
                    status, body = api._answer(parts.path, query, dict(self.headers))
                raw = body.encode() if isinstance(body, str) else json.dumps(body, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a client that stopped reading
                    self.wfile.write(raw)

            def do_POST(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = None
                with api.lock:
                    api.requests.append((f"POST {parts.path}", query, dict(self.headers)))
                    api.units += QUOTA_COST.get(f"POST {parts.path}", 1)
                    status, answer = api._insert(parts.path, query, dict(self.headers), body)
                data = json.dumps(answer, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.tokeninfo_url = f"http://127.0.0.1:{self.http.server_address[1]}/tokeninfo"
        self.api_base = f"http://127.0.0.1:{self.http.server_address[1]}/youtube/v3"
        threading.Thread(target=self.http.serve_forever, kwargs=QUICK_SHUTDOWN, daemon=True).start()

    def add(self, *items: dict[str, Any]) -> None:
        with self.lock:
            self.chat.extend(items)

    def calls(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [query for p, query, _ in self.requests if p.endswith(path)]

    def _auth(self, query: dict[str, str], headers: dict[str, str]) -> tuple[int, dict[str, Any]] | None:
        bearer = {k.lower(): v for k, v in headers.items()}.get("authorization", "")
        if bearer:
            if bearer.removeprefix("Bearer ") not in self.token_scopes:
                return 401, error(401, "authError", "Invalid Credentials")
            return None
        if query.get("key") != self.api_key:
            return 400, error(400, "keyInvalid", "API key not valid. Please pass a valid API key.")
        return None

    def _insert(  # noqa: C901 - one branch per documented error
        self, path: str, query: dict[str, str], headers: dict[str, str], body: Any
    ) -> tuple[int, Any]:
        """liveChatMessages.insert as documented: part=snippet, the OAuth token with a youtube scope (an API key
        cannot post), a textMessageEvent for the live chat; Google's error reasons."""
        if path != "/youtube/v3/liveChat/messages":
            return 404, error(404, "notFound", "Not Found")
        bearer = {k.lower(): v for k, v in headers.items()}.get("authorization", "")
        if not bearer:
            return 401, error(401, "required", "Login Required.")
        scopes = self.token_scopes.get(bearer.removeprefix("Bearer "))
        if scopes is None:
            return 401, error(401, "authError", "Invalid Credentials")
        if not {"https://www.googleapis.com/auth/youtube", "https://www.googleapis.com/auth/youtube.force-ssl"} & set(
            scopes.split()
        ):
            return 403, error(403, "insufficientPermissions", "Request had insufficient authentication scopes.")
        if query.get("part") != "snippet":
            return 400, error(400, "missingRequiredParameter", "No filter selected. Expected one of: part")
        if self.insert_errors:
            return self.insert_errors.pop(0)
        snippet = (body or {}).get("snippet") if isinstance(body, dict) else None
        if not isinstance(snippet, dict) or not snippet.get("liveChatId"):
            return 400, error(400, "liveChatIdRequired", "The liveChatId is required.")
        if snippet.get("type") != "textMessageEvent":
            return 400, error(400, "typeRequired", "The type is required.")
        words = (snippet.get("textMessageDetails") or {}).get("messageText")
        if not words:
            return 400, error(400, "messageTextRequired", "The messageText is required.")
        if len(words) > 200:
            return 400, error(400, "messageTextInvalid", "The message text is invalid.")
        if snippet["liveChatId"] != self.live_chat_id:
            return 404, error(404, "liveChatNotFound", "The live chat does not exist.")
        if not self.live:
            return 403, error(403, "liveChatEnded", "The specified live chat is no longer live.")
        if self.chat_disabled:
            return 403, error(403, "liveChatDisabled", "The live chat is disabled.")
        n = len(self.chat) + 1
        resource = text_message(n, words, isChatOwner=True)
        self.chat.append(resource)  # the owner's message shows in the chat like anyone's
        self.posted.append(resource)
        return 200, resource

    def _answer(self, path: str, query: dict[str, str], headers: dict[str, str]) -> tuple[int, Any]:  # noqa: C901
        if path == "/tokeninfo":  # oauth2.googleapis.com/tokeninfo
            scopes = self.token_scopes.get(query.get("access_token", ""))
            if scopes is None:
                return 400, {"error": "invalid_token", "error_description": "Invalid Value"}
            return 200, {"azp": "app.apps.googleusercontent.com", "scope": scopes, "expires_in": "3500"}
        refusal = self._auth(query, headers)
        if refusal:
            return refusal
        if path == "/youtube/v3/videos":
            if query.get("id") != self.video_id:
                return 200, {"kind": "youtube#videoListResponse", "items": [], "pageInfo": {"totalResults": 0}}
            details: dict[str, Any] = {"actualStartTime": published(), "concurrentViewers": "12"}
            if self.live:
                details["activeLiveChatId"] = self.live_chat_id
            return 200, {
                "kind": "youtube#videoListResponse",
                "items": [{"kind": "youtube#video", "id": self.video_id, "liveStreamingDetails": details}],
            }
        if path == "/youtube/v3/search":
            found = self.live and query.get("channelId") == self.channel_id and query.get("eventType") == "live"
            items = [{"kind": "youtube#searchResult", "id": {"kind": "youtube#video", "videoId": self.video_id}}]
            return 200, {"kind": "youtube#searchListResponse", "items": items if found else []}
        if path == "/youtube/v3/liveBroadcasts":
            if "authorization" not in {k.lower() for k in headers}:
                return 401, error(401, "authError", "Login Required")
            items = [{"id": self.video_id, "snippet": {"liveChatId": self.live_chat_id}}] if self.live else []
            return 200, {"kind": "youtube#liveBroadcastListResponse", "items": items}
        if path == "/youtube/v3/liveChat/messages":
            if self.errors:
                return self.errors.pop(0)
            if query.get("liveChatId") != self.live_chat_id or not self.live:
                return 403, error(403, "liveChatEnded", "The specified live chat is no longer live.")
            start = int(query.get("pageToken") or 0)
            items = self.chat[start:]
            body: dict[str, Any] = {
                "kind": "youtube#liveChatMessageListResponse",
                "etag": "x",
                "pollingIntervalMillis": self.polling_ms,
                "nextPageToken": str(len(self.chat)),
                "pageInfo": {"totalResults": len(items), "resultsPerPage": len(items)},
                "items": items,
            }
            if self.offline_at:
                body["offlineAt"] = self.offline_at
            return 200, body
        return 404, error(404, "notFound", "Not Found")

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


class GoogleOAuth:
    """accounts.google.com and oauth2.googleapis.com for an installed app (127.0.0.1 only): the consent page answers
    by redirecting to the app's loopback address (allow or deny, as `consent` says), and /token trades the code for
    tokens only with the PKCE verifier matching the challenge (S256), the client secret and the same redirect_uri;
    refresh tokens give new access tokens. Minted access tokens are known to the YouTube API it serves."""

    def __init__(self, api: YouTubeApi) -> None:  # noqa: C901 - the two endpoints, each checked as Google does
        import base64
        import hashlib
        import uuid

        self.api = api
        self.client_id = "1234-app.apps.googleusercontent.com"
        self.client_secret = "GOCSPX-desktop"
        self.consent = "allow"
        self.codes: dict[str, dict[str, str]] = {}  # code -> the authorization request
        self.refresh_tokens: dict[str, str] = {}  # refresh token -> scopes
        self.requests: list[tuple[str, str, dict[str, str]]] = []  # method, path, params
        self.minted = 0
        oauth = self

        def challenge(verifier: str) -> str:
            return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()

        class Handler(BaseHTTPRequestHandler):
            def _json(self, status: int, body: dict[str, Any]) -> None:
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                oauth.requests.append(("GET", parts.path, query))
                if parts.path != "/o/oauth2/v2/auth":
                    self._json(404, {"error": "not_found"})
                    return
                redirect = query.get("redirect_uri", "")
                problems = [
                    name
                    for name, ok in (
                        ("client_id", query.get("client_id") == oauth.client_id),
                        ("redirect_uri", redirect.startswith("http://127.0.0.1:")),
                        ("response_type", query.get("response_type") == "code"),
                        ("code_challenge_method", query.get("code_challenge_method") == "S256"),
                        ("code_challenge", len(query.get("code_challenge", "")) == 43),
                        ("scope", bool(query.get("scope"))),
                    )
                    if not ok
                ]
                if problems:
                    self._json(400, {"error": "invalid_request", "error_description": ", ".join(problems)})
                    return
                if oauth.consent == "allow":
                    code = uuid.uuid4().hex
                    oauth.codes[code] = query
                    target = f"{redirect}/?code={code}&state={query.get('state', '')}&scope={query['scope']}"
                else:
                    target = f"{redirect}/?error=access_denied&state={query.get('state', '')}"
                self.send_response(302)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                form = {k: v[0] for k, v in parse_qs(raw).items()}
                oauth.requests.append(("POST", self.path, form))
                if self.path != "/token":
                    self._json(404, {"error": "not_found"})
                    return
                if form.get("client_id") != oauth.client_id or form.get("client_secret") != oauth.client_secret:
                    self._json(401, {"error": "invalid_client", "error_description": "Unauthorized"})
                    return
                if form.get("grant_type") == "refresh_token":
                    scopes = oauth.refresh_tokens.get(form.get("refresh_token", ""))
                    if scopes is None:
                        self._json(
                            400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
                        )
                        return
                    self._json(200, oauth._mint(scopes, refresh=False))
                    return
                request = oauth.codes.pop(form.get("code", ""), None)  # a code works once
                if (
                    form.get("grant_type") != "authorization_code"
                    or request is None
                    or form.get("redirect_uri") != request["redirect_uri"]
                    or challenge(form.get("code_verifier", "")) != request["code_challenge"]
                ):
                    self._json(400, {"error": "invalid_grant", "error_description": "Bad Request"})
                    return
                self._json(200, oauth._mint(request["scope"], refresh=True))

            def log_message(self, *args: Any) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        base = f"http://127.0.0.1:{self.http.server_address[1]}"
        self.auth_url, self.token_url = f"{base}/o/oauth2/v2/auth", f"{base}/token"
        threading.Thread(target=self.http.serve_forever, kwargs=QUICK_SHUTDOWN, daemon=True).start()

    def _mint(self, scopes: str, refresh: bool) -> dict[str, Any]:
        self.minted += 1
        access = f"ya29.minted-{self.minted}"
        with self.api.lock:
            self.api.token_scopes[access] = scopes
        body: dict[str, Any] = {"access_token": access, "expires_in": 3599, "scope": scopes, "token_type": "Bearer"}
        if refresh:
            body["refresh_token"] = f"1//refresh-{self.minted}"
            self.refresh_tokens[body["refresh_token"]] = scopes
        return body

    def expire(self, access_token: str) -> None:
        with self.api.lock:
            self.api.token_scopes.pop(access_token, None)

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()
