"""Fetch an article over HTTP(S), carefully.

Only `http` and `https`, at every redirect too. At most 5 redirects, a 30 s budget for
the whole fetch (not just for each read), and a 20 MB cap on the body after
decompression, so a slow server or a gzip bomb cannot hang or flood the reader. Every
failure is a ContentError with one clear line: DNS, refused, TLS, timeout, HTTP status,
or content that is not an article.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit, urlunsplit

from content.clean import clean_line
from content.errors import ContentError

TIMEOUT = 30.0
MAX_REDIRECTS = 5
MAX_BYTES = 20 * 1024 * 1024
CHUNK = 64 * 1024
USER_AGENT = "postil/0.1 (terminal article reader)"
ARTICLE_TYPES = {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}

Progress = Callable[[int, int | None], None]
"""Called with the bytes received so far and the expected total, when the server says it."""


@dataclass(frozen=True)
class Fetched:
    url: str
    """Where the body finally came from, after redirects."""
    content_type: str
    charset: str | None
    body: bytes


def normalise_url(url: str) -> str:
    """The key an address is stored under: scheme and host in lower case, no default port, no fragment."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)) else None
    netloc = host + (f":{port}" if port else "")
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def shown(url: str) -> str:
    """The address as an error line may show it: one clean line, never a user name or password."""
    try:
        parts = urlsplit(url)
        if parts.username is not None or parts.password is not None:
            host = parts.netloc.rpartition("@")[2]
            url = urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    except ValueError:
        url = url.rpartition("@")[2] if "@" in url else url
    return clean_line(url)


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise ContentError(f"{shown(url)}: only http and https addresses can be opened, not {scheme or 'this'}")
    if not urlsplit(url).hostname:
        raise ContentError(f"{shown(url)}: the address has no host name")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by `fetch` itself, so each one is checked and counted."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirects())


class _Cancelled(Exception):
    pass


_POLL = 0.1


def _open_by(
    opener: urllib.request.OpenerDirector,
    request: urllib.request.Request,
    deadline: float,
    cancelled: Callable[[], bool] | None,
) -> http.client.HTTPResponse:
    """Open the request in a helper thread and wait for it until the deadline: a socket
    timeout bounds each read, not a server that sends its headers a byte a second."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["response"] = opener.open(request, timeout=max(0.1, deadline - time.monotonic()))
        except BaseException as error:  # handed to the waiting thread
            box["error"] = error

    worker = threading.Thread(target=run, name="postil-fetch", daemon=True)
    worker.start()
    while worker.is_alive():
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        if cancelled is not None and cancelled():
            raise _Cancelled
        worker.join(min(_POLL, left))
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["response"]  # type: ignore[return-value]


def _describe(url: str, error: BaseException) -> str:
    host = urlsplit(url).hostname or url
    reason = getattr(error, "reason", error)
    if isinstance(reason, socket.gaierror):
        return f"cannot find the host {host} (DNS lookup failed; are you offline?)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the TLS certificate of {host} could not be verified ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"the TLS connection to {host} failed ({reason.reason or reason})"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"{host} did not answer in time"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, OSError):
        return f"cannot reach {host} ({reason.strerror or reason})"
    return f"cannot fetch the page ({reason})"


def _decoder(encoding: str) -> zlib._Decompress | None:
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    return None


def _read_body(
    response: object,
    url: str,
    headers: Message,
    deadline: float,
    max_bytes: int,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise ContentError(f"{shown(url)}: the server sent an encoding postil cannot read ({clean_line(encoding)})")
    decoder = _decoder(encoding)
    length = headers.get("Content-Length")
    total = int(length) if length and length.isdigit() else None
    too_big = f"{shown(url)}: the page is larger than {max_bytes // (1024 * 1024)} MB; postil stopped reading"
    chunks: list[bytes] = []
    size = received = 0
    while True:
        if time.monotonic() > deadline:
            raise ContentError(f"{shown(url)}: timed out while reading the page")
        if cancelled is not None and cancelled():
            raise ContentError(f"{shown(url)}: cancelled")
        chunk = response.read1(CHUNK)  # type: ignore[attr-defined]
        if not chunk:
            break
        received += len(chunk)
        if received > max_bytes:
            raise ContentError(too_big)
        if decoder is not None:
            try:
                piece = decoder.decompress(chunk, max_bytes - size + 1)
                while decoder.unconsumed_tail and len(piece) + size <= max_bytes:
                    piece += decoder.decompress(decoder.unconsumed_tail, max_bytes - size - len(piece) + 1)
            except zlib.error:
                raise ContentError(f"{shown(url)}: the compressed page is corrupt") from None
        else:
            piece = chunk
        size += len(piece)
        if size > max_bytes:
            raise ContentError(too_big)
        chunks.append(piece)
        if progress is not None:
            progress(received, total)
    if total is not None and received < total:
        raise ContentError(f"{shown(url)}: the server stopped after {received} of {total} bytes; the page is cut short")
    return b"".join(chunks)


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_redirects: int = MAX_REDIRECTS,
    max_bytes: int = MAX_BYTES,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Fetched:
    """GET `url` and return its body; ContentError with a clear reason on any failure.

    The deadline covers connecting, the status line and headers, and the body; `cancelled`
    is polled while waiting, so a cancel returns within a fraction of a second.
    """
    deadline = time.monotonic() + timeout
    opener = _opener()
    current = url
    for _hop in range(max_redirects + 1):
        check_scheme(current)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ContentError(f"{shown(url)}: timed out after {timeout:g} s")
        request = urllib.request.Request(
            current,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "gzip, deflate",
            },
        )
        try:
            response = _open_by(opener, request, deadline, cancelled)
        except urllib.error.HTTPError as error:
            if error.code in (301, 302, 303, 307, 308):
                location = error.headers.get("Location")
                error.close()
                if not location:
                    raise ContentError(f"{shown(current)}: HTTP {error.code} redirect without a Location") from None
                current = urljoin(current, location)
                continue
            error.close()
            raise ContentError(f"{shown(current)}: HTTP {error.code} {clean_line(str(error.reason))}") from None
        except _Cancelled:
            raise ContentError(f"{shown(url)}: cancelled") from None
        except (urllib.error.URLError, OSError, ValueError) as error:
            if isinstance(error, TimeoutError | socket.timeout):
                raise ContentError(f"{shown(url)}: timed out after {timeout:g} s") from None
            raise ContentError(f"{shown(url)}: {_describe(current, error)}") from None
        except http.client.HTTPException as error:
            # A garbage status line, too many headers, a header line too long …
            raise ContentError(
                f"{shown(url)}: the server's answer is not valid HTTP ({type(error).__name__})"
            ) from None
        with response:
            headers = response.headers
            content_type = (headers.get_content_type() or "").lower()
            if headers.get("Content-Type") and content_type not in ARTICLE_TYPES:
                raise ContentError(
                    f"{shown(current)}: the address gives {clean_line(content_type)}, not an HTML page or text"
                )
            try:
                body = _read_body(response, current, headers, deadline, max_bytes, progress, cancelled)
            except http.client.HTTPException as error:
                raise ContentError(f"{shown(url)}: the server's answer broke off ({type(error).__name__})") from None
            except TimeoutError:
                raise ContentError(f"{shown(url)}: timed out after {timeout:g} s") from None
            except OSError as error:
                raise ContentError(f"{shown(url)}: {_describe(current, error)}") from None
            return Fetched(current, content_type or "text/html", headers.get_content_charset(), body)
    raise ContentError(f"{shown(url)}: more than {max_redirects} redirects")
