"""The `postil` command line (DESIGN.md §6).

Only `postil [SOURCE]` imports Textual; the other commands stay fast.
Errors print one line on stderr and exit 1; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotations import COLORS, Annotation, Kind, StoreError, data_dir
from content import ContentError, Document, clean_line, load_document
from content.load import is_url, preview_document

if TYPE_CHECKING:
    from annotations import AnnotationStore
    from annotations.index import StoreIndex
    from content.analysis import Analysis
from tui import __version__

COMMANDS = (
    "read",
    "add",
    "list",
    "where",
    "reanchor",
    "sentences",
    "quotes",
    "claims",
    "library",
    "export",
    "import",
    "config",
    "search",
)


class UsageError(Exception):
    pass


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    raise TypeError(type(value).__name__)


def _print_json(value: Any) -> None:
    """A list prints one item per line (a book's 30,000 sentences in a fraction of the time
    an indented dump takes, and easy to grep); anything else is indented."""
    if isinstance(value, list) and value:
        items = ",\n  ".join(json.dumps(item, ensure_ascii=False, default=_json_default) for item in value)
        sys.stdout.write(f"[\n  {items}\n]\n")
        return
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=_json_default) + "\n")


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _base(args: argparse.Namespace) -> Path:
    return data_dir(args.data_dir)


def _load(args: argparse.Namespace) -> Document:
    return load_document(args.source, progress=_progress_printer(args.source))


def _analyse(document: Document) -> Analysis:
    from content.analysis import analyse

    return analyse(document)


def _count_printer() -> Callable[[int, int], None] | None:
    """ "1000 of 20000 clippings" on stderr as an import goes, when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\rpostil: {done} of {total} clippings…\x1b[K" if done < total else "\r\x1b[K")
        sys.stderr.flush()

    return show


def _progress_printer(source: str | None) -> Callable[[int, int | None], None] | None:
    """Bytes received so far on stderr, while a URL downloads, when stderr is a terminal."""
    if source is None or not is_url(source) or not sys.stderr.isatty():
        return None

    def show(received: int, total: int | None) -> None:
        of = f" of {total // 1024} KB" if total else ""
        sys.stderr.write(f"\rpostil: fetching {received // 1024} KB{of}…\x1b[K")
        if total and received >= total:
            sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()

    return show


def _store(args: argparse.Namespace, document: Document, write: bool = True) -> AnnotationStore:
    from annotations import open_store  # the store loads only for the commands that use it

    return open_store(document, _base(args), strict=True, write=write)


# -- commands ------------------------------------------------------------------------


def cmd_read(args: argparse.Namespace) -> int:
    # Until the first screen is drawn, the cycle collector stays off: the book, Textual and
    # the screen are hundreds of thousands of new objects, and it walked them some 190 times
    # (40-48 ms of War and Peace's first screen). The app turns it on after its first frame;
    # an article that cannot be opened turns it on here.
    gc.disable()
    try:
        return _read(args)
    finally:
        gc.enable()


def _read(args: argparse.Namespace) -> int:
    if args.source is not None and is_url(args.source):
        # A URL can take a while: the reader starts at once and shows the download.
        from tui.app import make_loading_app

        app = make_loading_app(args.source, data_dir=_base(args))
    elif (preview := preview_document(args.source)) is not None:
        # A large Markdown book: its first part is on screen while the whole is parsed.
        from tui.app import make_loading_app

        app = make_loading_app(args.source, data_dir=_base(args), preview=preview)
    else:
        document = load_document(args.source)
        if args.source == "-" and not os.isatty(0):
            _reattach_terminal()
        from annotations.positions import tour_shown
        from tui.app import make_app  # Textual is imported only here

        # The sample, opened with no argument, starts with a short tour, once.
        tour = args.source is None and not args.no_tour and not tour_shown()
        app = make_app(document, data_dir=_base(args), tour=tour)
    app.run()
    if app.error:
        raise ContentError(app.error)
    return app.return_code or 0


def _reattach_terminal() -> None:
    """After reading the article from a pipe, read keys from the terminal instead."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise ContentError("standard input was the article, and there is no terminal to read keys from") from None
    os.dup2(tty, 0)
    os.close(tty)


def cmd_add(args: argparse.Namespace) -> int:
    document = _load(args)
    exact = args.text
    starts = []
    position = document.text.find(exact) if exact else -1
    while position != -1:
        starts.append(position)
        position = document.text.find(exact, position + 1)
    if not starts:
        raise ContentError(f"the text was not found in {clean_line(document.source)}: {_excerpt(exact)!r}")
    if args.occurrence < 1 or args.occurrence > len(starts):
        raise UsageError(f"--occurrence {args.occurrence}: the text occurs {len(starts)} time(s)")
    start = starts[args.occurrence - 1]
    end = start + len(exact)
    from annotations.model import new_id
    from annotations.session import document_info, resolve_store_path
    from annotations.store import append_indexed
    from content.analysis import plain_spaces
    from content.analysis.sentences import block_sentences

    # Only the paragraph's own sentences (sentences never cross a paragraph), split as the reader splits them.
    block = document.block_at(start)
    sentences = block_sentences(plain_spaces(document.text), block) if block is not None else []
    kind: Kind = "sentence" if any(s.start == start and s.end == end for s in sentences) else "selection"

    def refuse_twice(existing: str) -> ContentError:
        # As in the reader: one highlight per passage; its note and tags are edited there.
        return ContentError(f"that passage is already highlighted ({existing}); edit its note in the reader")

    def make(ids: set[str]) -> Annotation:
        return Annotation.on_text(
            document.text,
            start,
            end,
            id=new_id(ids),
            kind=kind,
            color=args.color,
            note=args.note or "",
            tags=args.tag or [],
        )

    def make_indexed(index: StoreIndex) -> Annotation:
        if (start, end) in index.spans:
            raise refuse_twice(index.spans[(start, end)])
        return make(index.ids)

    path = resolve_store_path(document, _base(args))
    # A file whose bytes match their index takes the new annotation at its end, unread.
    annotation = append_indexed(path, document_info(document), make_indexed)
    if annotation is None:
        store = _store(args, document)
        existing = next((a for a in store.annotations if (a.start, a.end) == (start, end)), None)
        if existing is not None and existing.id not in store.orphans:
            raise refuse_twice(existing.id)
        annotation = store.add(make(store.ids()))
        store.write_index()
    print(f"added {annotation.id} at {start}-{end} to {path}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    document = _load(args)
    store = _store(args, document, write=False)
    if args.json:
        from annotations.store import annotation_to_table

        _print_json([{**annotation_to_table(a), "orphan": a.id in store.orphans} for a in store.annotations])
        return 0
    if not store.annotations:
        print(f"no annotations for {clean_line(document.title or document.source)}")
        return 0
    for a in store.annotations:
        flag = " (orphan)" if a.id in store.orphans else ""
        tags = " ".join(f"#{tag}" for tag in a.tags)
        print(f"{a.id}  {a.start:>7}-{a.end:<7} {a.color:<7} {_excerpt(a.exact, 50)}{flag}")
        if a.note:
            print(f"{'':26}note: {_excerpt(a.note, 70)}")
        if tags:
            print(f"{'':26}{tags}")
    return 0


def cmd_reanchor(args: argparse.Namespace) -> int:
    """Fit the annotations to the article as it is now and write the result (the reader does
    this on open; `list` and `export` only read)."""
    document = _load(args)
    store = _store(args, document, write=True)
    placed = len(store.annotations) - len(store.orphans)
    print(f"{placed} annotation(s) placed, {len(store.orphans)} orphan(s), in {store.path}")
    return 0


def cmd_where(args: argparse.Namespace) -> int:
    document = _load(args)
    from annotations.session import store_path

    print(store_path(document, _base(args)))
    return 0


def cmd_sentences(args: argparse.Namespace) -> int:
    document = _load(args)
    sentences = _analyse(document).sentences
    if args.json:
        if not sentences:
            _print_json([])
            return 0
        # What `_print_json` prints for these three keys, made directly: a book has 30,000.
        from json.encoder import encode_basestring

        text = document.text
        rows = ",\n  ".join(
            f'{{"start": {s.start}, "end": {s.end}, "text": {encode_basestring(text[s.start : s.end])}}}'
            for s in sentences
        )
        sys.stdout.write(f"[\n  {rows}\n]\n")
        return 0
    for index, s in enumerate(sentences, 1):
        print(f"{index:>5}  {s.start:>7}  {_excerpt(document.text[s.start : s.end], 70)}")
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    document = _load(args)
    quotes = _analyse(document).quotes
    if args.speaker:
        wanted = args.speaker.casefold()
        quotes = [q for q in quotes if q.speaker and wanted in q.speaker.casefold()]
    if args.json:
        _print_json([q.to_json(document.text) for q in quotes])
        return 0
    for index, q in enumerate(quotes, 1):
        who = q.speaker or ("(term)" if q.kind == "term" else "(unattributed)")
        print(f"{index:>5}  {q.start:>7}  {_excerpt(who, 24):<24}  {_excerpt(document.text[q.start : q.end], 60)}")
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    document = _load(args)
    claims = _analyse(document).claims
    if args.json:
        _print_json([c.to_json(document.text) for c in claims])
        return 0
    for index, c in enumerate(claims, 1):
        source = _excerpt(c.source or "", 20)
        print(f"{index:>5}  {c.start:>7}  {c.kind:<10}  {source:<20}  {_excerpt(document.text[c.start : c.end], 56)}")
    return 0


def cmd_library(args: argparse.Namespace) -> int:
    from annotations.library import library

    entries = library(_base(args))
    if args.json:
        _print_json([entry.to_json() for entry in entries])
        return 0
    if not entries:
        print(f"no annotated documents in {_base(args)}")
        return 0
    print(f"{'changed':<16}  {'notes':>5}  {'orphans':>7}  {'title':<34}  source")
    for e in entries:
        source = f"(cannot be read: {e.problem})" if e.problem else e.source
        print(
            f"{e.changed:%Y-%m-%d %H:%M}  {e.annotations:>5}  {e.orphans:>7}  "
            f"{_excerpt(clean_line(e.title), 34):<34}  {clean_line(source)}"
        )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from annotations.search import search

    found, problems = search(_base(args), args.text, args.tag)
    for problem in problems:
        print(f"postil: {clean_line(problem)}", file=sys.stderr)
    if args.json:
        _print_json([hit.to_json() for hit in found])
        return 0
    if not found:
        print("nothing found")
        return 0
    title = None
    for hit in found:
        if hit.title != title:
            title = hit.title
            print(f"{clean_line(hit.title)}  ({clean_line(hit.source)})")
        tags = " ".join(f"#{clean_line(tag)}" for tag in hit.tags)
        note = f"  ✎ {_excerpt(clean_line(hit.note), 60)}" if hit.note else ""
        print(f"  {_excerpt(clean_line(hit.exact), 70)}{note}{('  ' + tags) if tags else ''}")
    return 0


def _write_output(path: Path, text: str, force: bool) -> None:
    from annotations.atomic import atomic_write

    if path.is_dir():
        raise ContentError(f"{path} is a directory; give a file name, or use --all for one file per document")
    if (path.exists() or path.is_symlink()) and not force:
        raise ContentError(f"{path} exists; use --force to replace it")
    parent = path.absolute().parent
    if not parent.is_dir():
        # Never a tree of folders: only the one the file goes in, and only when asked.
        if not force or not parent.parent.is_dir():
            raise ContentError(
                f"the folder {parent} does not exist" + ("; use --force to create it" if parent.parent.is_dir() else "")
            )
        try:
            parent.mkdir()
        except OSError as error:
            raise ContentError(f"cannot create {parent}: {error.strerror or error}") from None
    atomic_write(path, text.encode("utf-8"), make_parents=False)


def _stamp(args: argparse.Namespace) -> datetime | None:
    from annotations.model import now

    return None if args.no_timestamp else now()


def cmd_export(args: argparse.Namespace) -> int:
    from annotations.export import SUFFIXES, build, render

    if args.all:
        return _export_all(args)
    if args.source is None:
        raise UsageError("export needs a SOURCE, or --all with -o DIR")
    document = _load(args)
    store = _store(args, document, write=False)
    text = render(build(store, document, context=args.context, timestamp=_stamp(args)), args.format)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    path = Path(args.output).expanduser()
    if path.suffix == "" and not path.exists():
        path = path.with_suffix(SUFFIXES[args.format])
    _write_output(path, text, args.force)
    print(f"wrote {len(store.annotations)} annotation(s) as {args.format} to {path}", file=sys.stderr)
    return 0


def _export_all(args: argparse.Namespace) -> int:
    from annotations.export import SUFFIXES, render
    from annotations.library import library

    if args.output is None:
        raise UsageError("--all writes one file per document: give the folder with -o DIR")
    if args.source is not None:
        raise UsageError("give either a SOURCE or --all, not both")
    entries = [entry for entry in library(_base(args)) if not entry.problem]
    if args.format == "csv":
        # Readwise imports one file: every document's highlights in one CSV, one header.
        target = Path(args.output).expanduser()
        if target.suffix == "" and not target.exists():
            target = target.with_suffix(".csv")
        parts = [render(_export_of(args, entry), "csv") for entry in entries]
        header, _, _ = (parts[0] if parts else render(_empty_export(), "csv")).partition("\r\n")
        text = header + "\r\n" + "".join(part.partition("\r\n")[2] for part in parts)
        _write_output(target, text, args.force)
        print(f"wrote {len(entries)} document(s) as one Readwise CSV to {target}", file=sys.stderr)
        return 0
    folder = Path(args.output).expanduser()
    targets = [folder / (entry.path.stem + SUFFIXES[args.format]) for entry in entries]
    clashes = [str(target) for target in targets if target.exists()]
    if clashes and not args.force:
        raise ContentError(f"{clashes[0]} exists ({len(clashes)} file(s) would be replaced); use --force")
    if folder.exists() and not folder.is_dir():
        raise ContentError(f"{folder} is a file; --all writes one file per document into a folder")
    folder.mkdir(parents=True, exist_ok=True)
    for entry, target in zip(entries, targets, strict=True):
        export = _export_of(args, entry)
        _write_output(target, render(export, args.format), force=True)
        print(f"{target}  ({len(export.items)} annotation(s))")
    print(f"wrote {len(entries)} file(s) to {folder}", file=sys.stderr)
    return 0


def _export_of(args: argparse.Namespace, entry: Any) -> Any:
    """One library entry's export: with its article when it can be loaded, else as stored."""
    from annotations import AnnotationStore, open_store
    from annotations.export import build
    from annotations.paths import is_local_file
    from annotations.session import store_path

    document = None
    loadable = entry.source == "postil:sample" or (is_local_file(entry.source) and Path(entry.source).exists())
    if loadable:
        try:
            document = load_document(entry.source)
        except ContentError:
            document = None
    store = (
        open_store(document, _base(args), strict=True, write=False)
        if document is not None and store_path(document, _base(args)) == entry.path
        else AnnotationStore.open_stored(entry.path)
    )
    return build(store, document, context=args.context, timestamp=_stamp(args))


def _empty_export() -> Any:
    from annotations.export import Export

    return Export(title="", author="", source="", items=[])


CONFIG_TEMPLATE = """\
# postil's settings. A setting that cannot be used is reported, with its line, and the
# reader starts with the defaults; `postil config` checks this file.

# theme = "postil-light"           # postil-dark, postil-light, or a Textual theme: nord, gruvbox, ...
# pane = false                     # start with the side pane hidden (tab shows it)
# width = 72                       # columns of text at most, centred; 0 for the whole width

[keys]
# Keys by binding id; several keys are separated by commas. `?` in the reader lists them all.
# next_sentence = "right_parenthesis,ctrl+n"
# highlight = "h,i"

[colors]
# What each highlight colour means to you, shown as a legend in the pane.
# blue = "check this"
"""


def cmd_config(args: argparse.Namespace) -> int:
    from tui.config import config_path, load_config

    path = config_path()
    if args.path:
        print(path)
        return 0
    if args.edit:
        import shlex
        import subprocess

        from annotations.atomic import atomic_write

        if not path.exists():
            atomic_write(path, CONFIG_TEMPLATE.encode("utf-8"))
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            subprocess.run([*shlex.split(editor), str(path)], check=False)
        except (OSError, ValueError) as error:
            raise UsageError(f"cannot start the editor {editor!r} ({error}); set $EDITOR") from None
    from tui.app import known_binding_ids, reader_default_keys
    from tui.themes import theme_names

    config = load_config(path)
    problems = [
        *config.problems,
        *config.unknown_keys(known_binding_ids(), path),
        *config.conflicts(reader_default_keys(), path),
        *config.unknown_theme(theme_names(), path),
    ]
    if not path.exists():
        print(f"{path}: not there yet; the defaults are used (postil config --edit writes one)")
        return 0
    for problem in problems:
        print(clean_line(problem), file=sys.stderr)
    if not problems:
        keys = len(config.keymap)
        print(f"{path}: good; {keys} key{'s' if keys != 1 else ''} remapped, theme {config.theme or 'the default'}")
    return 1 if problems else 0


def cmd_import(args: argparse.Namespace) -> int:
    from annotations.importing import (
        ImportFormatError,
        import_clippings,
        import_web_annotations,
        looks_like_clippings,
        parse_clippings,
        read_json,
        web_annotation_source,
    )

    path = Path(args.file).expanduser()
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ContentError(f"{path}: {error.strerror or error}") from None
    text = raw.decode("utf-8-sig", errors="replace")
    try:
        if text.lstrip()[:1] in ("{", "["):
            payload = read_json(text)
            source = args.source or _local_source(web_annotation_source(payload))
            if source is None:
                raise UsageError("the export does not say which document it belongs to; give SOURCE")
            if args.source is None and not _near(source, path):
                # Only what the user typed is fetched or opened: never a URL, or a file elsewhere,
                # that a JSON file from someone else happens to name.
                raise UsageError(
                    f"the export names {clean_line(source)}; give it as SOURCE to import there "
                    "(only a document beside the JSON file is opened without asking)"
                )
            document = load_document(source)
            store = _store(args, document)
            result = import_web_annotations(store, payload)
        elif looks_like_clippings(text):
            if args.source is None:
                raise UsageError("a Kindle clippings file holds many books: give the SOURCE whose text they come from")
            document = _load(args)
            store = _store(args, document)
            result = import_clippings(store, document.title, parse_clippings(text), _count_printer())
        else:
            raise ImportFormatError("neither a postil JSON export nor a Kindle My Clippings.txt")
    except ImportFormatError as error:
        raise ContentError(f"{path}: {error}") from None
    print(f"{clean_line(document.title or document.source)}: {result.summary()}")
    for passage in result.unmatched_texts[:5]:
        print(f"  not found: {_excerpt(clean_line(passage), 70)}", file=sys.stderr)
    return 0


def _near(source: str, json_file: Path) -> bool:
    """The built-in sample, or a local file in the JSON file's own folder."""
    if source == "postil:sample":
        return True
    if is_url(source) or source == "-":
        return False
    return Path(source).expanduser().resolve().parent == json_file.resolve().parent


def _local_source(source: str | None) -> str | None:
    """A source as `postil` takes it: file:// URIs become paths."""
    if source is None or source.startswith("urn:"):
        return None
    if source.startswith("file://"):
        from urllib.parse import unquote, urlsplit

        return unquote(urlsplit(source).path)
    return source


# -- parsing -------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="DIR", help="where annotation files live (default: $POSTIL_DATA_DIR or the user data dir)"
    )
    parser = argparse.ArgumentParser(
        prog="postil",
        description="A terminal reader for articles, with keyboard highlights and notes kept in TOML.",
        epilog="postil [SOURCE] opens the reader; with no SOURCE, the built-in sample article.",
    )
    parser.add_argument("--version", action="version", version=f"postil {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(func=func)
        return sub

    read = command("read", cmd_read, "read SOURCE (a file, an http(s) URL, or - for stdin) in the reader")
    read.add_argument("source", nargs="?", metavar="SOURCE")
    read.add_argument("--no-tour", action="store_true", help="no first-run tour on the sample")

    add = command("add", cmd_add, "annotate a passage without opening the reader")
    add.add_argument("source", metavar="SOURCE")
    add.add_argument("--text", required=True, metavar="EXACT", help="the exact text to highlight")
    add.add_argument("--note", metavar="NOTE")
    add.add_argument("--color", choices=COLORS, default="yellow")
    add.add_argument("--tag", action="append", metavar="TAG")
    add.add_argument("--occurrence", type=int, default=1, metavar="N", help="which occurrence of the text (default 1)")

    listing = command("list", cmd_list, "list the annotations of a document")
    listing.add_argument("source", metavar="SOURCE")
    listing.add_argument("--json", action="store_true")

    where = command("where", cmd_where, "print the TOML file that holds SOURCE's annotations")
    where.add_argument("source", metavar="SOURCE")

    reanchor = command("reanchor", cmd_reanchor, "fit the annotations to SOURCE as it is now, and save that")
    reanchor.add_argument("source", metavar="SOURCE")

    sentences = command("sentences", cmd_sentences, "split SOURCE into sentences")
    sentences.add_argument("source", metavar="SOURCE")
    sentences.add_argument("--json", action="store_true")
    quotes = command("quotes", cmd_quotes, "list SOURCE's quotations with their speakers")
    quotes.add_argument("source", metavar="SOURCE")
    quotes.add_argument("--json", action="store_true")
    quotes.add_argument("--speaker", metavar="NAME", help="only quotations by this speaker")

    claims = command("claims", cmd_claims, "list SOURCE's claims: attributed, hedged and factual")
    claims.add_argument("source", metavar="SOURCE")
    claims.add_argument("--json", action="store_true")

    shelf = command("library", cmd_library, "every annotated document, with its counts")
    shelf.add_argument("--json", action="store_true")

    from annotations.export import FORMATS

    export = command("export", cmd_export, "export SOURCE's annotations (to stdout unless -o)")
    export.add_argument("source", nargs="?", metavar="SOURCE")
    export.add_argument("--format", choices=FORMATS, default="md", help="md, json (W3C), csv (Readwise) or html")
    export.add_argument("-o", "--output", metavar="PATH", help="write to PATH (with --all: a folder)")
    export.add_argument("--force", action="store_true", help="replace files that exist")
    export.add_argument("--context", action="store_true", help="add the sentence around each highlight")
    export.add_argument("--no-timestamp", action="store_true", help="leave out the export time (byte-stable output)")
    export.add_argument("--all", action="store_true", help="every annotated document, one file each, into -o DIR")

    finder = command("search", cmd_search, "find highlights and notes across every annotated document")
    finder.add_argument("text", metavar="TEXT", help="words in the highlight, its note or its tags (smart case)")
    finder.add_argument("--tag", action="append", metavar="TAG", help="only passages with this tag (repeatable)")
    finder.add_argument("--json", action="store_true")

    config = command("config", cmd_config, "check config.toml; --path prints where it is, --edit opens it in $EDITOR")
    config.add_argument("--path", action="store_true", help="print the path of config.toml")
    config.add_argument("--edit", action="store_true", help="open config.toml in $VISUAL or $EDITOR (made if missing)")

    imports = command("import", cmd_import, "import annotations: postil's JSON export or Kindle My Clippings.txt")
    imports.add_argument("file", metavar="FILE")
    imports.add_argument("source", nargs="?", metavar="SOURCE", help="the document (needed for Kindle clippings)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")):
        arguments.insert(0, "read")
    parser = _parser()
    args = parser.parse_args(arguments)
    try:
        return int(args.func(args))
    except UsageError as error:
        print(f"postil: {clean_line(str(error))}", file=sys.stderr)
        return 2
    except (ContentError, StoreError) as error:
        # The message may quote a file name, a URL or a JSON field from elsewhere: one clean line.
        print(f"postil: {clean_line(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (postil list | head); that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
