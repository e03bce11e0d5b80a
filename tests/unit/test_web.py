"""HTML pages and URLs: the article is kept, everything around it is dropped, and every
way a fetch can go wrong ends in one clear line. All against a local server."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from content import ContentError, load_document
from content.analysis import analyse
from content.fetch import fetch, normalise_url
from tests.conftest import FIXTURES
from tests.webserver import Reply, gzip_bomb, serve

PAGE = (FIXTURES / "harbour-lamp.html").read_bytes()
ALL_SCRIPT = "<html><head><script>" + "var a=1;" * 500 + "</script></head><body><script>go()</script></body></html>"
FURNITURE = ("NAV-LINK", "ADVERT-TEXT", "COMMENT-TEXT", "FOOTER-TEXT", "SCRIPT", "STYLE-SHEET", "RELATED-LINK")


def html(body: str) -> Reply:
    return Reply(body=body.encode())


def redirect(to: str, status: int = 302) -> Reply:
    return Reply(status, b"", {"Location": to})


def assert_article_only(text: str) -> None:
    assert "The old harbour lamp at Gullwick burned again" in text
    assert "“I would do it all again,” Marsh said." in text
    for marker in FURNITURE:
        assert marker not in text, marker


def test_html_file_keeps_the_article_with_its_structure_and_metadata() -> None:
    document = load_document(str(FIXTURES / "harbour-lamp.html"))
    assert_article_only(document.text)
    assert (document.format, document.title) == ("html", "Harbour lamp burns again after forty dark years")
    assert (document.author, document.site, document.date) == ("Mara Quill", "The Gullwick Gazette", "2026-10-04")
    kinds = {document.text[b.start : b.end]: b for b in document.blocks}
    assert kinds["A light for working boats"].kind == "heading"
    block_quote = "The lamp is not a museum piece. It is a working light, and it will be treated as one."
    assert kinds[block_quote].kind == "quote"
    item = kinds["Volunteers gave more than 2,300 hours."]
    assert (item.kind, item.marker) == ("list_item", "•")
    byline = next(b for b in document.blocks if b.boilerplate)
    assert document.text[byline.start : byline.end] == "By Mara Quill · The Gullwick Gazette · 2026-10-04"
    speakers = {q.speaker for q in analyse(document).quotes}
    assert speakers == {"Edda Marsh"}
    assert not any(
        q.start < byline.end and byline.start < q.end for q in analyse(document).quotes + analyse(document).claims
    )


def test_url_article_page_is_extracted(tmp_path: Path) -> None:
    with serve({"/story": Reply(body=PAGE)}) as server:
        seen: list[int] = []
        document = load_document(server.url("/story"), progress=lambda done, total: seen.append(done))
    assert_article_only(document.text)
    assert document.source == server.url("/story")
    assert seen and seen[-1] == len(PAGE)


def test_redirect_chain_is_followed_and_each_hop_checked() -> None:
    routes = {
        "/a": redirect("/b", 301),
        "/b": redirect("/c", 307),
        "/c": redirect("/story", 308),
        "/story": Reply(body=PAGE),
    }
    with serve(routes) as server:
        document = load_document(server.url("/a"))
        assert server.hits == ["/a", "/b", "/c", "/story"]
    assert_article_only(document.text)
    assert document.source == server.url("/a"), "annotations stay keyed by the address the user typed"


def test_too_many_redirects_and_a_redirect_to_another_scheme_are_refused() -> None:
    routes = {f"/loop{i}": redirect(f"/loop{i + 1}") for i in range(10)}
    routes["/escape"] = redirect("file:///etc/passwd")
    with serve(routes) as server:
        with pytest.raises(ContentError, match="more than 5 redirects"):
            load_document(server.url("/loop0"))
        assert len(server.hits) == 6
        with pytest.raises(ContentError, match="only http and https"):
            load_document(server.url("/escape"))


@pytest.mark.parametrize(
    ("route", "reply", "message"),
    [
        ("/gone", Reply(404, b"<p>no</p>"), "HTTP 404 Not Found"),
        ("/broken", Reply(500, b"oops"), "HTTP 500"),
        ("/pdf", Reply(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}), "application/pdf, not an HTML"),
        ("/script", html(ALL_SCRIPT), "no article"),
    ],
)
def test_http_failures_are_one_clear_line(route: str, reply: Reply, message: str) -> None:
    with serve({route: reply}) as server, pytest.raises(ContentError, match=message) as caught:
        load_document(server.url(route))
    assert "\n" not in str(caught.value)


def test_a_slow_server_hits_the_timeout() -> None:
    with serve({"/slow": Reply(body=PAGE, delay=3)}) as server:
        began = time.monotonic()
        with pytest.raises(ContentError, match="timed out"):
            fetch(server.url("/slow"), timeout=0.5)
        assert time.monotonic() - began < 2.5


def test_a_gzip_bomb_is_stopped_at_the_cap() -> None:
    bomb = gzip_bomb(40 * 1024 * 1024)
    assert len(bomb) < 100_000
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    with serve({"/bomb": Reply(body=bomb, headers=headers)}) as server:
        with pytest.raises(ContentError, match="larger than 20 MB"):
            load_document(server.url("/bomb"))
        small = fetch(server.url("/bomb"), max_bytes=50 * 1024 * 1024)
    assert len(small.body) == 40 * 1024 * 1024, "under a higher cap the same body decompresses whole"


def test_gzipped_page_and_plain_text_and_charset_header() -> None:
    import gzip

    latin = "Le phare de Gullwick brille à nouveau, dit Édith.\n\nC’est très beau.".encode("cp1252")
    routes = {
        "/gz": Reply(body=gzip.compress(PAGE), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}),
        "/notes.txt": Reply(body=latin, headers={"Content-Type": "text/plain; charset=windows-1252"}),
    }
    with serve(routes) as server:
        assert_article_only(load_document(server.url("/gz")).text)
        text = load_document(server.url("/notes.txt"))
    assert text.format == "text" and "brille à nouveau, dit Édith" in text.text and "C’est" in text.text


def test_unreachable_hosts_and_tls_failures_are_explained() -> None:
    with serve({}) as server:
        port = server.base.rsplit(":", 1)[1]
        with pytest.raises(ContentError, match="TLS connection"):
            load_document(f"https://127.0.0.1:{port}/")
    with pytest.raises(ContentError, match="refused the connection"):
        load_document(f"http://127.0.0.1:{port}/")
    with pytest.raises(ContentError, match="cannot find the host"):
        load_document("http://no-such-host.invalid/story")
    for address in ("ftp://example.org/a.html", "file:///etc/hostname", "javascript://alert(1)"):
        with pytest.raises(ContentError, match="only http and https"):
            load_document(address)


def test_urls_are_normalised_for_the_annotation_key() -> None:
    assert normalise_url("HTTP://Example.ORG:80/a/b?x=1#frag") == "http://example.org/a/b?x=1"
    assert normalise_url("https://example.org") == "https://example.org/"
    assert normalise_url("https://example.org:8443/p") == "https://example.org:8443/p"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, input=stdin, timeout=60)


def test_cli_reads_quotes_from_a_url_and_from_html_on_stdin() -> None:
    with serve({"/story": Reply(body=PAGE), "/gone": Reply(404, b"")}) as server:
        quotes = run("quotes", server.url("/story"))
        missing = run("quotes", server.url("/gone"))
    assert quotes.returncode == 0, quotes.stderr
    assert b"Edda Marsh" in quotes.stdout and b"We waited forty years" in quotes.stdout
    assert missing.returncode == 1 and missing.stderr.decode().strip().endswith("HTTP 404 Not Found")
    assert b"Traceback" not in missing.stderr
    piped = run("quotes", "-", stdin=PAGE)
    assert piped.returncode == 0 and b"Edda Marsh" in piped.stdout and b"COMMENT-TEXT" not in piped.stdout


def _page(head: str, article: str) -> str:
    lede = (
        "<p>The old harbour lamp at Gullwick burned again on Saturday night, forty years after it went dark, "
        "and the boats that came in under it sounded their horns.</p>"
        "<p>“I would do it all again,” Marsh said, standing at the rail while the crowd drifted home.</p>"
    )
    body = f"<article><h1>Harbour lamp burns again</h1>{article}{lede}</article>"
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_a_page_byline_is_not_shown_twice_beside_the_metadata(tmp_path: Path) -> None:
    head = (
        "<title>Harbour lamp burns again</title><meta property='og:site_name' content='The Gullwick Gazette'>"
        "<meta name='author' content='Mara Quill'><meta property='article:published_time' content='2026-10-04'>"
    )
    page = tmp_path / "lamp.html"
    page.write_text(_page(head, "<p>By Mara Quill, The Gullwick Gazette. Published October 4, 2026</p>"))
    document = load_document(str(page))
    assert document.text.count("Mara Quill") == 1 and "October 4, 2026" not in document.text
    byline = next(b for b in document.blocks if b.boilerplate)
    assert document.text[byline.start : byline.end] == "By Mara Quill · The Gullwick Gazette · 2026-10-04"
    assert "The old harbour lamp at Gullwick burned again" in document.text


def test_the_site_name_comes_from_the_title_when_the_metadata_has_none(tmp_path: Path) -> None:
    head = "<title>Harbour lamp burns again | The Gullwick Gazette</title><meta name='author' content='Mara Quill'>"
    page = tmp_path / "lamp.html"
    page.write_text(_page(head, ""))
    document = load_document(str(page))
    assert (document.title, document.site) == ("Harbour lamp burns again", "The Gullwick Gazette")
    byline = next(b for b in document.blocks if b.boilerplate)
    assert document.text[byline.start : byline.end].startswith("By Mara Quill · The Gullwick Gazette")


def test_a_first_paragraph_that_only_starts_like_a_byline_is_kept(tmp_path: Path) -> None:
    head = "<title>Harbour lamp burns again</title><meta name='author' content='Mara Quill'>"
    page = tmp_path / "lamp.html"
    page.write_text(_page(head, "<p>By Tuesday, the lamp had been lit for three nights running.</p>"))
    document = load_document(str(page))
    assert "By Tuesday, the lamp had been lit for three nights running." in document.text
