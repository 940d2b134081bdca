"""JSON Lines -> COPY text rows, streamed: the loader's staging input.

The validated files are parsed once here, on the client, and sent to Postgres as
COPY text rows of typed TEMP tables (parsing JSON in SQL was a quarter of the load).
Decoding uses msgspec when it is installed (it comes with Airflow; about 3x the speed of
the json module), else the json module: both take strict JSON (no NaN, no lone
surrogates). Numbers keep their JSON text (no float round trip: numeric gets
"37541000000.0" as written). Strings lose NUL characters (Postgres text cannot hold
them). Blank lines are skipped. A key seen twice in a file is counted: the loader then
keeps the last line. An article's staged story print ("story_print", transforms.stories) goes
along as its raw JSON text, not parsed here: the loader reads back only the prints it needs.
"""
from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NULL = "\\N"  # COPY text format NULL
# COPY text format: backslash, tab, newline and carriage return are escaped; NUL dropped.
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x00": None})
CHUNK_CHARS = 1 << 20  # characters handed to COPY per read()

# The fields read from each file, in COPY column order after n (the line number in the file).
ARTICLE_FIELDS = ("url", "source", "title", "published", "section", "body", "captions", "language",
                  "word_count", "content_hash", "scitech", "fetched_at")
METRIC_FIELDS = ("article_url", "position", "value", "unit", "kind", "subject", "period", "qualifier", "text",
                 "char_start", "char_end", "extractor_version", "denominator", "place", "modality")
PRINT_FIELD = "story_print"  # transforms.stories.RECORD_KEY: sent as raw JSON text after the fields
ARTICLE_COLUMNS = ("n", *ARTICLE_FIELDS, PRINT_FIELD)
METRIC_COLUMNS = ("n", *METRIC_FIELDS)
ORPHAN_COLUMNS = ("n", "article_url", "position", "line")
_PUBLISHED = ARTICLE_FIELDS.index("published")
_CAPTIONS = ARTICLE_FIELDS.index("captions")
_PRINT = len(ARTICLE_FIELDS)


def tuple_decoder(fields: tuple[str, ...], raw: tuple[str, ...] = ()) -> Callable[[bytes], tuple[Any, ...]]:
    """A function: one JSON object (bytes) -> the values of `fields` (None when absent), then
    of `raw` as their JSON text, unparsed (str; None when absent).

    Floats come back as their JSON text; NaN/Infinity and non-objects raise ValueError.
    """
    try:
        import msgspec
    except ImportError:  # pragma: no cover - msgspec is installed with Airflow
        def refuse(name: str) -> Any:
            raise ValueError(f"{name} is not JSON")

        decode = json.JSONDecoder(parse_float=str, parse_constant=refuse).decode

        def from_dict(line: bytes) -> tuple[Any, ...]:
            obj = decode(line.decode("utf-8"))
            if not isinstance(obj, dict):
                raise ValueError("not a JSON object")
            return tuple([obj.get(f) for f in fields]
                         + [None if obj.get(f) is None else json.dumps(obj[f]) for f in raw])

        return from_dict
    line_type = msgspec.defstruct("Line", [(f, Any, None) for f in fields]
                                  + [(f, msgspec.Raw, None) for f in raw])
    decode_struct = msgspec.json.Decoder(line_type, float_hook=str).decode
    astuple = msgspec.structs.astuple
    if not raw:
        return lambda line: astuple(decode_struct(line))
    first_raw = len(fields)

    def with_raw(line: bytes) -> tuple[Any, ...]:
        values = astuple(decode_struct(line))
        return values[:first_raw] + tuple(_raw_text(v) for v in values[first_raw:])

    return with_raw


def _raw_text(value: Any) -> str | None:
    """A msgspec.Raw value as its JSON text; None when absent or null."""
    if value is None:
        return None
    text = bytes(value)
    return None if text == b"null" else text.decode("utf-8")


_decode_article = tuple_decoder(ARTICLE_FIELDS, (PRINT_FIELD,))
_decode_metric = tuple_decoder(METRIC_FIELDS)


class BadLine(ValueError):
    """A line of a JSON Lines file that is not a JSON object."""


@dataclass
class FileStats:
    """What one file's COPY stream saw."""

    rows: int = 0
    duplicates: int = 0                      # lines whose key an earlier line had
    keys: set[Any] = field(default_factory=set)


def _strip_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_strip_nul(v) for v in value]
    if isinstance(value, dict):
        return {_strip_nul(k): _strip_nul(v) for k, v in value.items()}
    return value


def _field(value: Any, escape: bool) -> str:
    """One value as a COPY text field (escape: the line held a backslash, so strings may need it)."""
    if value is None:
        return NULL
    cls = value.__class__
    if cls is str:
        return value.translate(COPY_ESCAPES) if escape else value
    if cls is bool:
        return "t" if value else "f"
    if cls is list or cls is dict:
        text = json.dumps(_strip_nul(value) if escape else value, ensure_ascii=False)
        return text.translate(COPY_ESCAPES) if escape else text
    return str(value)


def copy_line(values: tuple[Any, ...] | list[Any], escape: bool = True) -> str:
    """A COPY text row (with its newline) of `values`.

    escape=False is the fast path for values decoded from a JSON line without any
    backslash: such strings hold no tab, newline, CR, backslash or NUL.
    """
    if escape:
        return "\t".join([_field(v, True) for v in values]) + "\n"
    return "\t".join([v if v.__class__ is str else NULL if v is None else str(v) if v.__class__ is int
                       else _field(v, False) for v in values]) + "\n"


def _records(path: Path, decode: Callable[[bytes], tuple[Any, ...]]
             ) -> Iterator[tuple[int, bytes, tuple[Any, ...]]]:
    """(line number, raw line, decoded values) of every non-blank line."""
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, start=1):
            if line.isspace():
                continue
            try:
                values = decode(line)
            except ValueError as exc:  # msgspec.DecodeError is a ValueError
                raise BadLine(f"{path}, line {n}: not a JSON object ({exc})") from None
            yield n, line, values


def article_rows(path: Path, stats: FileStats) -> Iterator[str]:
    """COPY rows of an articles.jsonl (ARTICLE_COLUMNS); stats.keys collects the URLs."""
    keys = stats.keys
    for n, line, values in _records(path, _decode_article):
        url = values[0]
        if url in keys:
            stats.duplicates += 1
        else:
            keys.add(url)
        escape = b"\\" in line
        printed = values[_PRINT]
        # the raw print is JSON text: a tab or CR between its tokens needs escaping even without a backslash
        raw_escape = not escape and printed is not None and ("\t" in printed or "\r" in printed)
        if values[_PUBLISHED] == "" or values[_CAPTIONS].__class__ is not list or raw_escape:
            fixed = list(values)
            fixed[_PUBLISHED] = fixed[_PUBLISHED] or None
            if fixed[_CAPTIONS].__class__ is not list:
                fixed[_CAPTIONS] = []
            if raw_escape:
                fixed[_PRINT] = printed.translate(COPY_ESCAPES)
            values = tuple(fixed)
        stats.rows += 1
        yield copy_line((n, *values), escape)


def metric_rows(path: Path, stats: FileStats, article_urls: set[Any],
                orphans: dict[tuple[Any, Any], tuple[Any, ...]]) -> Iterator[str]:
    """COPY rows of a metrics.jsonl (METRIC_COLUMNS) whose article_url is in `article_urls`.

    The others are orphans: orphans[(article_url, position)] = ORPHAN_COLUMNS values
    (the raw line kept for the quarantine record; the last line of a key wins).
    """
    keys = stats.keys
    for n, line, values in _records(path, _decode_metric):
        key = values[:2]  # (article_url, position)
        if key[0] not in article_urls:
            orphans[key] = (n, key[0], key[1], line.decode("utf-8").rstrip("\r\n"))
            continue
        if key in keys:
            stats.duplicates += 1
        else:
            keys.add(key)
        stats.rows += 1
        yield copy_line((n, *values), b"\\" in line)


def value_rows(rows: Iterator[tuple[Any, ...]] | list[tuple[Any, ...]]) -> Iterator[str]:
    """COPY rows of plain value tuples."""
    for values in rows:
        yield copy_line(values)


def chunks(lines: Iterator[str], chunk_chars: int = CHUNK_CHARS) -> Iterator[bytes]:
    """`lines` joined into UTF-8 chunks of about `chunk_chars` characters."""
    parts: list[str] = []
    total = 0
    for line in lines:
        parts.append(line)
        total += len(line)
        if total >= chunk_chars:
            yield "".join(parts).encode("utf-8")
            parts, total = [], 0
    if parts:
        yield "".join(parts).encode("utf-8")


class CopyStream:
    """A read()-able stream of COPY rows for psycopg2's cursor.copy_expert.

    A worker thread parses and formats the next chunks while the caller's thread sends
    the current one (psycopg2 releases the GIL while it writes to the socket), so the
    client's parsing overlaps the server's COPY. At most PREFETCH_CHUNKS chunks wait in
    memory: a file is streamed, never held. An error in the worker is raised by read().
    Use as a context manager (or call close()) so the worker stops if the COPY fails.
    """

    PREFETCH_CHUNKS = 4
    _END = object()

    def __init__(self, lines: Iterator[str], chunk_chars: int = CHUNK_CHARS) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(self.PREFETCH_CHUNKS)
        self._stop = threading.Event()
        self._done = False
        self.error: BaseException | None = None  # what read() raised (psycopg2 reports it as QueryCanceled)
        self._thread = threading.Thread(target=self._produce, args=(chunks(lines, chunk_chars),),
                                        name="copy-rows", daemon=True)
        self._thread.start()

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _produce(self, parts: Iterator[bytes]) -> None:
        try:
            for part in parts:
                if not self._put(part):
                    return
            self._put(self._END)
        except BaseException as exc:  # noqa: BLE001 - handed to the reading thread
            self._put(exc)

    def read(self, size: int = -1) -> bytes:
        """The next chunk of rows; b"" at the end."""
        if self._done:
            return b""
        item = self._queue.get()
        if item is self._END:
            self._done = True
            self._thread.join()
            return b""
        if isinstance(item, BaseException):
            self._done = True
            self._thread.join()
            self.error = item
            raise item
        return item

    def close(self) -> None:
        """Stop the worker (the rows not read yet are dropped)."""
        self._stop.set()
        self._thread.join()

    def __enter__(self) -> CopyStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
