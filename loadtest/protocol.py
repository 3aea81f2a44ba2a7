"""A reader that speaks Streamlit's WebSocket protocol directly (no browser), for measuring the server.

    with ReaderSession("http://127.0.0.1:8501/") as reader:
        reader.open("actor=rasmussen&q=summit")      # a shared link: a new session's first run
        run = reader.follow("issue=architecture")    # another link's filters, applied as a reader would
        run.seconds                                  # BackMsg sent → script_finished received

The browser's part, kept to what the server sees: one WebSocket to `/_stcore/stream` (subprotocol
"streamlit"), a `BackMsg.rerun_script` whose `ClientState` carries the page's query string and the widget
values the reader changed, then `ForwardMsg`s (new_session, deltas, page_info_changed, …) until
`script_finished`. A new session's first run takes its filters from the query string, as a shared link
does. Later changes go the way a reader's do: as widget values (the search text, and the labels chosen in
the actor/issue/event-kind pickers, which is what Streamlit 1.67 sends for a multiselect), with the page's
current query string; the app then writes the new filters into the URL (`page_info_changed`), which is how a
run proves the change was applied. Widget ids are learned from the first run's deltas (a keyed widget's id
ends in `-<key>`).

No ForwardMsg cache is claimed (`cached_message_hashes` stays empty), so the server sends every message in
full, as to a fresh browser.
"""

from __future__ import annotations

import contextlib
import csv
import ipaddress
import socket
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.sync.client import ClientConnection, connect

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA = REPO_ROOT / "data"
TIMEOUT_S = 60.0

# Shared links a crowd of readers might have been sent (timeline page, bundled data).
LINKS = (
    "",
    "q=summit",
    "actor=rasmussen",
    "actor=rasmussen&q=summit",
    "actor=medvedev&issue=architecture",
    "issue=guarantees",
    "issue=architecture&kind=summit",
    "q=Lisbon",
    "actor=obama&actor=medvedev",
    "q=radar&issue=architecture",
)

# The sidebar filters a link can set through widget values, and how a value is shown in its picker.
TEXT_KEYS = ("q",)
PICKER_KEYS = ("actor", "issue", "kind")


class ProtocolError(RuntimeError):
    """The server answered something a browser would show as an error, or did not answer in time."""


@dataclass(frozen=True)
class RunResult:
    """One script run as the client saw it."""

    seconds: float  # from sending the BackMsg to receiving script_finished
    query_string: str  # the page's query string after the run
    messages: int  # ForwardMsgs received
    received_bytes: int


def picker_labels(data_dir: Path = DATA) -> dict[str, dict[str, str]]:
    """id → label shown in each sidebar picker (as dashboard/ui/sidebar.render_sidebar labels them)."""

    def read(name: str) -> list[dict[str, str]]:
        with open(data_dir / name, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    kinds = {row["kind"] for row in read("events.csv")}
    return {
        "actor": {row["actor_id"]: row["name"] for row in read("actors.csv")},
        "issue": {row["issue_id"]: row["title"] for row in read("issues.csv")},
        "kind": {kind: kind.replace("_", " ") for kind in kinds},
    }


def link_filters(query_string: str) -> dict[str, list[str]]:
    """The sidebar filters a query string sets, key → values (repeated keys kept)."""
    parsed = parse_qs(query_string, keep_blank_values=False)
    return {key: parsed[key] for key in (*TEXT_KEYS, *PICKER_KEYS) if key in parsed}


def is_loopback(url: str) -> bool:
    """True when every address `url`'s host resolves to is a loopback address."""
    host = urlsplit(url).hostname or ""
    try:
        return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None))
    except (OSError, ValueError):
        return False


def stream_url(base_url: str) -> str:
    parts = urlsplit(base_url)
    scheme = {"http": "ws", "https": "wss"}[parts.scheme]
    path = parts.path.rstrip("/")
    return f"{scheme}://{parts.netloc}{path}/_stcore/stream"


class ReaderSession:
    """One reader: one WebSocket, one Streamlit session."""

    def __init__(
        self,
        base_url: str,
        *,
        labels: Mapping[str, Mapping[str, str]] | None = None,
        timeout: float = TIMEOUT_S,
    ) -> None:
        self.base_url = base_url
        self.timeout = timeout
        self.labels = labels if labels is not None else picker_labels()
        self.query_string = ""
        self.widget_ids: dict[str, str] = {}  # user key → widget id, from the deltas
        self.runs = 0
        self._exit = contextlib.ExitStack()
        self._ws: ClientConnection | None = None

    # ------------------------------------------------------------------ connection

    def __enter__(self) -> ReaderSession:
        self.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def connect(self) -> None:
        # compression=None: like a browser's tab, and no zlib cost on either side skewing the timings.
        # ping_interval=None: a browser sends no pings (it answers the server's); a client ping unanswered for
        # 20 s by a saturated server would close the session (1011), an error no reader would see.
        self._ws = self._exit.enter_context(
            connect(
                stream_url(self.base_url),
                subprotocols=["streamlit"],  # type: ignore[list-item]
                open_timeout=self.timeout,
                close_timeout=5,
                ping_interval=None,
                max_size=None,
                compression=None,
            )
        )

    def close(self) -> None:
        self._exit.close()
        self._ws = None

    # ------------------------------------------------------------------ runs

    def open(self, query_string: str, page_name: str = "") -> RunResult:
        """The session's first run, on a shared link's query string."""
        self.query_string = query_string
        return self._run(self._rerun_msg(query_string, page_name=page_name))

    def follow(self, query_string: str) -> RunResult:
        """Change the sidebar filters to those of another link, as a reader would by hand: the search
        text and the picker choices go as widget values; filters the link does not name are cleared."""
        wanted = link_filters(query_string)
        states = []
        for key in (*TEXT_KEYS, *PICKER_KEYS):
            widget_id = self.widget_ids.get(key)
            if widget_id is None and key not in wanted:
                continue  # a page without that filter (the benchmark's floor app has only the search box)
            if widget_id is None:
                raise ProtocolError(f"no widget with key {key!r} seen in the page")
            state = WidgetState(id=widget_id)
            if key in TEXT_KEYS:
                state.string_value = (wanted.get(key) or [""])[0]
            else:
                shown = self.labels[key]
                state.string_array_value.data.extend(shown[value] for value in wanted.get(key, []))
            states.append(state)
        return self._run(self._rerun_msg(self.query_string, widget_states=states))

    def _rerun_msg(
        self, query_string: str, *, page_name: str = "", widget_states: Sequence[WidgetState] = ()
    ) -> BackMsg:
        msg = BackMsg()
        msg.rerun_script.query_string = query_string
        msg.rerun_script.page_name = page_name
        msg.rerun_script.widget_states.widgets.extend(widget_states)
        return msg

    def _run(self, msg: BackMsg) -> RunResult:
        if self._ws is None:
            raise ProtocolError("not connected")
        started = time.perf_counter()
        deadline = started + self.timeout
        self._ws.send(msg.SerializeToString())
        messages = received = 0
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise ProtocolError(f"no script_finished within {self.timeout:.0f} s")
            try:
                payload = self._ws.recv(timeout=remaining)
            except TimeoutError as error:
                raise ProtocolError(f"no script_finished within {self.timeout:.0f} s") from error
            if isinstance(payload, str):
                raise ProtocolError("text frame from the server")
            messages += 1
            received += len(payload)
            forward = ForwardMsg()
            forward.ParseFromString(payload)
            kind = forward.WhichOneof("type")
            if kind == "delta":
                self._note_widget(forward)
            elif kind == "page_info_changed":
                self.query_string = forward.page_info_changed.query_string
            elif kind == "session_event" and forward.session_event.HasField("script_compilation_exception"):
                raise ProtocolError("the script did not compile")
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                if status == "FINISHED_EARLY_FOR_RERUN":
                    continue  # a rerun took over; its own script_finished follows
                if status == "FINISHED_WITH_COMPILE_ERROR":
                    raise ProtocolError("the script did not compile")
                self.runs += 1
                return RunResult(time.perf_counter() - started, self.query_string, messages, received)

    def _note_widget(self, forward: ForwardMsg) -> None:
        delta = forward.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind is None:
            return
        if kind == "exception":
            raise ProtocolError("the page shows an exception")
        widget_id = getattr(getattr(element, kind), "id", "")
        if isinstance(widget_id, str) and widget_id:
            for key in (*TEXT_KEYS, *PICKER_KEYS):
                if widget_id.endswith(f"-{key}"):
                    self.widget_ids[key] = widget_id


def same_filters(query_string: str, link: str) -> bool:
    """True when the page's query string sets exactly the sidebar filters of `link`."""
    return link_filters(query_string) == link_filters(link)
