"""YouTube live chat through the Data API's liveChatMessages.list, polled: the chat's id comes from the video
(videos.list → liveStreamingDetails.activeLiveChatId) or from the channel's live broadcast (liveBroadcasts.list
for the owner's OAuth token; search.list for a channel with an API key), then each answer's `nextPageToken` is
asked for after the `pollingIntervalMillis` it says. Qt-free.

Quota: every call is charged (liveChatMessages.list 5 units, videos.list and liveBroadcasts.list 1, search.list
100; Google's default is 10,000 units a project a day, reset at midnight Pacific time). The source counts what it
spent today and stops at the budget the team set (`quota_per_day`), saying when it will go on; Google's own
quotaExceeded waits for the reset the same way. The first page of a chat is its history (YouTube answers the
recent messages first): it is skipped, not shown as new, so starting the console mid-show does not flood the feed
or the comments-per-minute count; the messages after it are shown. A deleted message (messageDeletedEvent) that has
not been shown yet is dropped; one already shown stays (the feed keeps what was said) and the deletion is counted.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from console.core import logsafe
from console.core.chat import youtube_messages as messages
from console.core.chat.bilibili_messages import integer, obj, text
from console.core.chat.events import ChatDetail, ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.chat.oauth import GOOGLE_TOKEN_URL, SignInError, Tokens, google_refresh
from console.core.chat.source import ChatSource, Posted, SourceFailure
from console.core.chat.youtube_messages import video_or_channel
from console.core.telemetry.audience import SourceStatus
from console.core.telemetry.audience_http import _error_reason, _next_pacific_midnight
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import httpx

__all__ = ["COSTS", "YouTubeChatSource", "video_or_channel"]

LOG = logging.getLogger(__name__)

API_BASE = "https://www.googleapis.com/youtube/v3"
#: Google's token check: what an OAuth access token may do (its `scope`), free of quota.
TOKENINFO_URL = "https://oauth2.googleapis.com/tokeninfo"
#: Either scope lets liveChatMessages.insert post to a live chat.
POST_SCOPES = frozenset(
    {"https://www.googleapis.com/auth/youtube", "https://www.googleapis.com/auth/youtube.force-ssl"}
)
#: YouTube's live chat takes messages of at most 200 characters (longer ones are refused as messageTextInvalid).
MAX_POST_CHARS = 200
#: Quota units each call costs (Google's published table); "insert" is liveChatMessages.insert.
COSTS = {"liveChat/messages": 5, "videos": 1, "liveBroadcasts": 1, "search": 100, "insert": 50}
#: Never poll faster than this, whatever pollingIntervalMillis says.
MIN_INTERVAL_S = 1.0
#: The interval when an answer does not say one.
DEFAULT_INTERVAL_S = 5.0
#: Look for the live chat again this often while the video or channel is not live.
OFFLINE_RETRY_S = 60.0
#: …and this often when each look costs a search.list (100 units).
OFFLINE_SEARCH_RETRY_S = 600.0
#: The largest answer read: a full page (2,000 messages with their authors) is about 3 MB.
MAX_ANSWER_BYTES = 8 * 1024 * 1024
#: Deleted message ids remembered (to drop one that arrives later in the same answer, or in the next).
DELETED_IDS = 2000


class _Offline(SourceFailure):
    pass


class YouTubeChatSource(ChatSource):
    platform = "youtube"
    backoff_base_s = 5.0

    def __init__(
        self,
        feed: ChatFeed,
        target: str,
        api_key: str = "",
        oauth_token: str = "",
        quota_per_day: int = 10_000,
        source_id: str = "youtube",
        api_base: str = API_BASE,
        min_interval_s: float = MIN_INTERVAL_S,
        offline_retry_s: float = OFFLINE_RETRY_S,
        skip_history: bool = True,
        http_timeout_s: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        wall: Callable[[], float] = time.time,
        tokeninfo_url: str = TOKENINFO_URL,
        refresh_token: str = "",
        google_client: tuple[str, str] = ("", ""),
        token_url: str = GOOGLE_TOKEN_URL,
        keep_tokens: Callable[[Tokens], None] | None = None,
    ) -> None:
        super().__init__(feed, source_id)
        found = video_or_channel(target)
        if found is None:
            raise ValueError(f"not a YouTube video or channel: {target!r}")
        self.target_kind, self.target = found
        self._api_key = api_key.strip()
        self._oauth = oauth_token.strip()
        logsafe.register_secret(self._api_key)  # the key sits in every URL httpx logs
        logsafe.register_secret(self._oauth)
        self.quota_per_day = quota_per_day
        self.api_base = api_base.rstrip("/")
        self.min_interval_s = min_interval_s
        self.offline_retry_s = offline_retry_s
        self.skip_history = skip_history
        self._http_timeout_s = http_timeout_s
        self._transport = transport
        self._wall = wall
        self.live_chat_id = ""
        self._page_token = ""
        self._history_done = False
        #: Quota units spent on the current Pacific day (by this source) and the epoch second that day ends.
        self.quota_used = 0
        self._quota_reset = 0.0
        self.calls: list[str] = []
        #: When each liveChatMessages.list was sent (monotonic), the newest 50: the pace, for the status and tests.
        self.poll_times: list[float] = []
        #: Messages of the first page not shown (the chat's history before the source started).
        self.history_skipped = 0
        #: messageDeletedEvents: dropped before being shown, or for a message already shown.
        self.deleted_dropped = 0
        self.deleted_after_shown = 0
        self._deleted: OrderedDict[str, None] = OrderedDict()
        self._shown: OrderedDict[str, None] = OrderedDict()
        self.tokeninfo_url = tokeninfo_url
        #: The OAuth token's scopes (Google's tokeninfo, asked once on this source's thread); None: not known.
        self.scopes: frozenset[str] | None = None
        self._quota_lock = threading.Lock()  # a post (another thread) and the polls spend the same budget
        # From "Sign in with Google": an expired access token is renewed with the refresh token and the Google
        # app's client id and secret; the new token is kept (`keep_tokens`, the keyring).
        self._refresh_token = refresh_token.strip()
        logsafe.register_secret(self._refresh_token)
        self._google_client = google_client
        self.token_url = token_url
        self._keep_tokens = keep_tokens
        self._token_lock = threading.Lock()
        #: Access tokens renewed with the refresh token.
        self.refreshes = 0

    # ------------------------------------------------------------------ quota
    def _charge(self, resource: str) -> None:
        """Count the call's cost; a SourceFailure (rate-limited until the reset) when the budget would be passed."""
        now = self._wall()
        with self._quota_lock:
            if now >= self._quota_reset:
                self.quota_used = 0
                self._quota_reset = _next_pacific_midnight(now)
            cost = COSTS[resource]
            if self.quota_used + cost > self.quota_per_day:
                raise self._quota_failure(
                    QT_TRANSLATE_NOOP(
                        "Chat", "This source has spent its daily quota budget ({budget} units); next try at {until}."
                    )
                )
            self.quota_used += cost

    def _quota_failure(self, template: str) -> SourceFailure:
        now = self._wall()
        reset = _next_pacific_midnight(now)
        return SourceFailure(
            ChatDetail.of(
                template, budget=self.quota_per_day, until=datetime.fromtimestamp(reset).strftime("%Y-%m-%d %H:%M")
            ),
            SourceStatus.RATE_LIMITED,
            wait=max(60.0, reset - now + random.uniform(0.0, 30.0)),
        )

    # ------------------------------------------------------------------ HTTP
    def _get(
        self, client: httpx.Client, resource: str, params: dict[str, str], renewed: bool = False
    ) -> dict[str, Any]:
        import httpx

        self._charge(resource)
        self.calls.append(resource)
        headers = {"Accept": "application/json"}
        if self._oauth:
            headers["Authorization"] = f"Bearer {self._oauth}"
        else:
            params = {**params, "key": self._api_key}
        try:
            with client.stream("GET", f"{self.api_base}/{resource}", params=params, headers=headers) as response:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():  # decoded: a gzip bomb stops here as it inflates
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > MAX_ANSWER_BYTES:
                        self._bad_input(f"{resource}: an answer larger than {MAX_ANSWER_BYTES // 2**20} MB")
                        raise SourceFailure(
                            ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "YouTube sent an answer too large to read."))
                        )
                content = b"".join(chunks)
        except httpx.HTTPError as exc:
            raise SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Cannot reach YouTube: {error}"),
                    error=oswords.reason_or(exc, logsafe.redact(str(exc) or type(exc).__name__)),
                )
            ) from exc
        if response.status_code == 401 and not renewed and self._renew(client):
            return self._get(client, resource, params, renewed=True)
        if response.status_code >= 400:
            raise self._refused(response.status_code, _error_reason(content))
        try:
            body = json.loads(content)
        except (ValueError, RecursionError):
            body = None
        if not isinstance(body, dict):
            self._bad_input(f"{resource}: an answer that is not a JSON object")
            raise SourceFailure(
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "YouTube answered {call} without JSON."), call=resource)
            )
        return body

    def _refused(self, code: int, reason: str) -> SourceFailure:
        if reason in ("quotaExceeded", "dailyLimitExceeded"):
            return self._quota_failure(
                QT_TRANSLATE_NOOP("Chat", "YouTube says the project's daily API quota is used up; next try at {until}.")
            )
        if reason in ("rateLimitExceeded", "userRateLimitExceeded") or code == 429:
            return SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "YouTube asks to slow down ({reason}); trying again later."),
                    reason=reason or "HTTP 429",
                ),
                SourceStatus.RATE_LIMITED,
            )
        if reason in ("liveChatEnded", "liveChatNotFound"):
            return self._offline()
        if reason == "liveChatDisabled":
            return SourceFailure(
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "The live chat of this broadcast is turned off.")),
                SourceStatus.OFFLINE,
                wait=self.offline_retry_s,
            )
        if code in (401, 403) or reason in ("keyInvalid", "keyExpired", "authError", "forbidden"):
            return SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP(
                        "Chat", "YouTube refused the credentials (HTTP {code}{reason}): check the API key or token."
                    ),
                    code=code,
                    reason=f", {reason}" if reason else "",
                ),
                SourceStatus.AUTH_ERROR,
            )
        return SourceFailure(
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "YouTube answered HTTP {code}{reason}."),
                code=code,
                reason=f" ({reason})" if reason else "",
            )
        )

    def _offline(self) -> _Offline:
        """The chat ended (or the broadcast is not live): look again later for a new one."""
        self.live_chat_id = ""
        self._page_token = ""
        self._history_done = False
        search = self.target_kind == "channel" and not self._oauth
        return _Offline(
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "Not live: no live chat on YouTube right now; looking again later.")
            ),
            SourceStatus.OFFLINE,
            wait=max(self.offline_retry_s, OFFLINE_SEARCH_RETRY_S if search else 0.0),
        )

    # ------------------------------------------------------------------ finding the chat
    def _find_chat(self, client: httpx.Client) -> str:
        video = self.target if self.target_kind == "video" else ""
        if self.target_kind == "channel":
            if self._oauth:  # the owner's own broadcast: 1 unit
                body = self._get(
                    client, "liveBroadcasts", {"part": "snippet", "broadcastStatus": "active", "broadcastType": "all"}
                )
                for item in body.get("items") or []:
                    chat = text(obj(obj(item).get("snippet")).get("liveChatId"), 200)
                    if chat:
                        return chat
                raise self._offline()
            body = self._get(
                client,
                "search",
                {"part": "id", "channelId": self.target, "eventType": "live", "type": "video", "maxResults": "1"},
            )
            items = body.get("items") or []
            video = text(obj(obj(items[0]).get("id")).get("videoId")) if items else ""
            if not video:
                raise self._offline()
        body = self._get(client, "videos", {"part": "liveStreamingDetails", "id": video})
        items = body.get("items") or []
        if not items:
            raise SourceFailure(
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "YouTube has no video “{video}”."), video=video)
            )
        chat = text(obj(obj(items[0]).get("liveStreamingDetails")).get("activeLiveChatId"), 200)
        if not chat:
            raise self._offline()
        return chat

    def _renew(self, client: httpx.Client) -> bool:
        """A new OAuth access token from the refresh token (True); False without one. A refused refresh token is
        a SourceFailure (sign in again)."""
        if not (self._oauth and self._refresh_token and all(self._google_client)):
            return False
        refused = self._oauth
        with self._token_lock:
            if self._oauth != refused:
                return True  # renewed meanwhile by a post (or the reader)
            try:
                tokens = google_refresh(client, self.token_url, *self._google_client, self._refresh_token)
            except SignInError as exc:
                raise SourceFailure(exc.detail, SourceStatus.AUTH_ERROR) from exc
            self._oauth, self._refresh_token = tokens.access_token, tokens.refresh_token
            self.refreshes += 1
        if self._keep_tokens is not None:
            try:
                self._keep_tokens(tokens)
            except Exception:  # no keyring: the token works until the console closes; said in the log
                LOG.warning("the renewed YouTube token of %s could not be kept", self.source_id, exc_info=True)
        return True

    # ------------------------------------------------------------------ posting (quick replies)
    def _token_scopes(self, client: httpx.Client) -> frozenset[str] | None:
        """The OAuth token's scopes from Google's tokeninfo (no quota); None when it cannot say (asked again at
        the next session). Reading never depends on it: a token Google refuses is said by the API calls."""
        import httpx

        try:
            response = client.get(self.tokeninfo_url, params={"access_token": self._oauth})
        except httpx.HTTPError:
            return None
        if response.status_code != 200:
            return frozenset() if response.status_code == 400 else None  # 400: invalid_token (expired)
        try:
            scope = obj(response.json()).get("scope")
        except ValueError:
            return None
        return frozenset(scope.split()) if isinstance(scope, str) else frozenset()

    def can_post(self) -> bool:
        """With the channel owner's (or a moderator's) OAuth token holding a YouTube scope, once the chat is found."""
        return bool(self._oauth and self.scopes and self.scopes & POST_SCOPES and self.live_chat_id)

    def post(self, text: str) -> Posted:
        """liveChatMessages.insert (50 quota units); blocking, on the caller's thread."""
        import httpx

        text = text.strip()
        problem = self._cannot_post(text)
        if problem is not None:
            return Posted(self.source_id, False, problem)
        try:
            self._charge("insert")
        except SourceFailure as failure:
            return Posted(self.source_id, False, failure.detail)
        body = {
            "snippet": {
                "liveChatId": self.live_chat_id,
                "type": "textMessageEvent",
                "textMessageDetails": {"messageText": text},
            }
        }
        try:
            with httpx.Client(timeout=self._http_timeout_s, transport=self._transport) as client:
                for attempt in (1, 2):
                    response = client.post(
                        f"{self.api_base}/liveChat/messages",
                        params={"part": "snippet"},
                        json=body,
                        headers={"Authorization": f"Bearer {self._oauth}", "Accept": "application/json"},
                    )
                    if response.status_code != 401 or attempt == 2 or not self._renew(client):
                        break
        except SourceFailure as failure:  # the refresh token was refused too
            return Posted(self.source_id, False, failure.detail)
        except httpx.HTTPError as exc:
            return Posted(
                self.source_id,
                False,
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Cannot reach YouTube: {error}"),
                    error=oswords.reason_or(exc, logsafe.redact(str(exc) or type(exc).__name__)),
                ),
            )
        if response.status_code < 300:
            return Posted(
                self.source_id, True, ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Posted to the YouTube live chat."))
            )
        reason = _error_reason(response.content)
        if reason == "insufficientPermissions":
            self.scopes = frozenset()  # the token cannot post: not offered again until it is replaced
        return Posted(self.source_id, False, self._post_refused(response.status_code, reason))

    def _cannot_post(self, text: str) -> ChatDetail | None:
        if not text:
            return ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "There is nothing to post."))
        if len(text) > MAX_POST_CHARS:
            return ChatDetail.of(
                QT_TRANSLATE_NOOP(
                    "Chat",
                    "YouTube's live chat takes at most {limit} characters in a message; this reply has {length}.",
                ),
                limit=MAX_POST_CHARS,
                length=len(text),
            )
        if not self._oauth:
            return ChatDetail.of(
                QT_TRANSLATE_NOOP(
                    "Chat", "Posting to YouTube needs the channel owner's OAuth token; an API key can only read."
                )
            )
        if self.scopes is None:  # Google's token check did not answer (yet): asked again at the next connection
            return ChatDetail.of(
                QT_TRANSLATE_NOOP(
                    "Chat", "What the YouTube token may do is not known yet (Google did not answer); try again later."
                )
            )
        if not self.scopes & POST_SCOPES:
            return ChatDetail.of(
                QT_TRANSLATE_NOOP(
                    "Chat",
                    "The YouTube token does not allow posting (it needs the “youtube.force-ssl” permission); "
                    "create one that includes it.",
                )
            )
        if not self.live_chat_id:
            return ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "There is no live chat on YouTube right now."))
        return None

    @staticmethod
    def _post_refused(code: int, reason: str) -> ChatDetail:
        templates = {
            "liveChatDisabled": QT_TRANSLATE_NOOP(
                "Chat", "YouTube did not post the reply: the live chat of this broadcast is turned off."
            ),
            "liveChatEnded": QT_TRANSLATE_NOOP("Chat", "YouTube did not post the reply: the live chat has ended."),
            "liveChatNotFound": QT_TRANSLATE_NOOP("Chat", "YouTube did not post the reply: the live chat is gone."),
            "forbidden": QT_TRANSLATE_NOOP(
                "Chat", "YouTube does not let this account post in this live chat (HTTP 403, forbidden)."
            ),
            "insufficientPermissions": QT_TRANSLATE_NOOP(
                "Chat",
                "The YouTube token does not allow posting (it needs the “youtube.force-ssl” permission); "
                "create one that includes it.",
            ),
            "messageTextInvalid": QT_TRANSLATE_NOOP("Chat", "YouTube refused the reply's text (messageTextInvalid)."),
            "quotaExceeded": QT_TRANSLATE_NOOP(
                "Chat", "YouTube says the project's daily API quota is used up; the reply was not posted."
            ),
            "rateLimitExceeded": QT_TRANSLATE_NOOP(
                "Chat", "YouTube says too many messages were posted just now; post again in a moment."
            ),
            "authError": QT_TRANSLATE_NOOP(
                "Chat", "YouTube refused the OAuth token (HTTP 401): it may have expired; paste a new one."
            ),
        }
        if reason in templates:
            return ChatDetail.of(templates[reason])
        return ChatDetail.of(
            QT_TRANSLATE_NOOP("Chat", "YouTube answered the post with HTTP {code}{reason}."),
            code=code,
            reason=f" ({reason})" if reason else "",
        )

    # ------------------------------------------------------------------ polling
    def _session(self) -> None:
        import httpx

        if not self.live_chat_id:
            self._set_state(SourceStatus.CONNECTING)
        with httpx.Client(timeout=self._http_timeout_s, transport=self._transport) as client:
            if self._oauth and self.scopes is None:
                self.scopes = self._token_scopes(client)
            if not self.live_chat_id:
                self.live_chat_id = self._find_chat(client)
            while not self.halted:
                wait = self._poll(client)
                self._halt.wait(wait)

    def _poll(self, client: httpx.Client) -> float:
        params = {"liveChatId": self.live_chat_id, "part": "snippet,authorDetails", "maxResults": "2000"}
        if self._page_token:
            params["pageToken"] = self._page_token
        self.poll_times = [*self.poll_times[-49:], time.monotonic()]
        body = self._get(client, "liveChat/messages", params)
        t = time.monotonic()
        history = self.skip_history and not self._history_done
        self._items(body.get("items"), t, history)
        self._history_done = True
        token = body.get("nextPageToken")
        if isinstance(token, str) and token:
            self._page_token = token
        if body.get("offlineAt"):
            raise self._offline()
        self._connected(
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "Reading the live chat; {used} of {budget} quota units used today."),
                used=self.quota_used,
                budget=self.quota_per_day,
            )
        )
        interval = integer(body.get("pollingIntervalMillis"), int(DEFAULT_INTERVAL_S * 1000)) / 1000.0
        return max(self.min_interval_s, interval)

    def _items(self, items: Any, t: float, history: bool) -> None:
        if items is None:
            return
        if not isinstance(items, list):
            self._bad_input("liveChatMessages: items is not a list")
            return
        now_wall = self._wall()
        self._note_deletions(items)
        events = [event for item in items if (event := self._item(item, t, history, now_wall)) is not None]
        self._emit(events)

    def _item(self, item: Any, t: float, history: bool, now_wall: float) -> ChatEvent | None:
        if not isinstance(item, dict):
            self._bad_input("liveChatMessages: an item that is not an object")
            return None
        kind = text(obj(item.get("snippet")).get("type"))
        if kind == messages.DELETED or kind in messages.QUIET:
            return None
        if kind not in messages.SHOWN:
            self._unknown_type(kind or "?")
            return None
        if history:
            self.history_skipped += 1
            return None
        message_id = text(item.get("id"))
        if message_id and message_id in self._deleted:
            self.deleted_dropped += 1
            return None
        try:
            event = messages.chat_event(item, self.source_id, t, now_wall)
        except messages.Unreadable as exc:
            self._bad_input(str(exc))
            return None
        if event is not None and message_id:
            self._remember(self._shown, message_id)
        return event

    def _note_deletions(self, items: list[Any]) -> None:
        """Deletions anywhere in an answer are known before its messages are shown."""
        for item in items:
            snippet = obj(obj(item).get("snippet"))
            if snippet.get("type") == messages.DELETED:
                deleted = text(obj(snippet.get("messageDeletedDetails")).get("deletedMessageId"))
                if deleted:
                    self._remember(self._deleted, deleted)
                    if deleted in self._shown:
                        self.deleted_after_shown += 1

    @staticmethod
    def _remember(ids: OrderedDict[str, None], message_id: str) -> None:
        ids[message_id] = None
        if len(ids) > DELETED_IDS:
            ids.popitem(last=False)
