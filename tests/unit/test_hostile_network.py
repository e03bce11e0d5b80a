"""Servers that misbehave, from a raw local socket: the fetch budget covers the status line
and headers too, a cancel is quick, broken HTTP and cut-short bodies are one line, and no
password in an address is ever printed."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from content import ContentError
from content.fetch import fetch

PAGE = b"<html><head><title>T</title></head><body><p>" + b"The harbour was quiet. " * 20 + b"</p></body></html>"


@contextmanager
def raw_server(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                try:
                    conn.recv(65536)
                    answer(conn)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/page"
    finally:
        stop.set()
        listener.close()


def trickle(conn: socket.socket) -> None:
    """The status line one byte every 0.2 s: each read is quick, the whole never ends."""
    for byte in b"HTTP/1.1 200 OK\r\n" * 50:
        conn.sendall(bytes([byte]))
        time.sleep(0.2)


def test_the_deadline_covers_a_status_line_sent_a_byte_at_a_time() -> None:
    with raw_server(trickle) as url:
        started = time.monotonic()
        with pytest.raises(ContentError, match="timed out"):
            fetch(url, timeout=1.5)
        assert time.monotonic() - started < 3


def test_a_cancel_returns_at_once_while_headers_trickle() -> None:
    with raw_server(trickle) as url:
        asked = time.monotonic() + 0.5
        started = time.monotonic()
        with pytest.raises(ContentError, match="cancelled"):
            fetch(url, timeout=30, cancelled=lambda: time.monotonic() > asked)
        assert time.monotonic() - started < 1.5


@pytest.mark.parametrize(
    "reply",
    [
        b"garbage\r\n\r\n",
        b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-H%d: v\r\n" % n for n in range(150)) + b"\r\n",
        b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70000 + b"\r\n\r\n",
    ],
    ids=["garbage status line", "150 headers", "a header line too long"],
)
def test_broken_http_is_one_line(reply: bytes) -> None:
    with raw_server(lambda conn: conn.sendall(reply)) as url, pytest.raises(ContentError) as error:
        fetch(url, timeout=5)
    assert "\n" not in str(error.value) and "not valid HTTP" in str(error.value)


def test_a_body_shorter_than_its_length_is_an_error_not_a_short_article() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % (len(PAGE) * 2)
    with raw_server(lambda conn: conn.sendall(head + PAGE)) as url, pytest.raises(ContentError) as error:
        fetch(url, timeout=5)
    assert "cut short" in str(error.value) or "broke off" in str(error.value)


def test_a_password_in_the_address_is_never_printed() -> None:
    with raw_server(lambda conn: conn.sendall(b"garbage\r\n\r\n")) as url:
        secret = url.replace("http://", "http://reader:s3cret-pw@")
        with pytest.raises(ContentError) as error:
            fetch(secret, timeout=5)
    assert "s3cret-pw" not in str(error.value) and "reader" not in str(error.value)
    assert "127.0.0.1" in str(error.value)


@pytest.mark.parametrize("entity", ["&#27;", "&#x1b;", "&#7;", "&#155;"])
def test_a_control_character_reference_does_not_lose_the_page(tmp_path, entity: str) -> None:  # type: ignore[no-untyped-def]
    from content import load_document
    from content.analysis import analyse

    page = tmp_path / "lamp.html"
    page.write_text(
        "<html><head><title>Lamp</title></head><body><article><h1>Lamp</h1>"
        f"<p>The harbour was quiet that night and the lamp kept turning {entity}[2J over the water.</p>"
        "<p>Another paragraph about the lamp, the quay and the boats coming in late.</p></article></body></html>"
    )
    document = load_document(str(page))
    assert "the lamp kept turning" in document.text and "boats coming in late" in document.text
    assert not any(ch in document.text for ch in "\x1b\x07\x9b")
    assert len(analyse(document).sentences) >= 3


@pytest.mark.parametrize(
    "location",
    [b"http://127.0.0.1:99999999/x", b"http://exa mple.org/\x01x", b"http://[::1/x"],
    ids=["port", "chars", "bracket"],
)
def test_a_redirect_to_an_invalid_address_is_one_line(location: bytes) -> None:
    reply = b"HTTP/1.1 302 Found\r\nLocation: " + location + b"\r\nContent-Length: 0\r\n\r\n"
    with raw_server(lambda conn: conn.sendall(reply)) as url, pytest.raises(ContentError) as error:
        fetch(url, timeout=5)
    assert "\n" not in str(error.value) and "\x01" not in str(error.value)
