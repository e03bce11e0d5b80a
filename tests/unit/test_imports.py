"""Imports flow one way: tui → annotations → content (DESIGN.md §1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize(
    "package",
    [
        "content",
        "content.html",
        "content.fetch",
        "annotations",
        "annotations.export",
        "annotations.importing",
        "annotations.library",
        "tui.cli",
    ],
)
def test_core_packages_never_load_textual(package: str) -> None:
    modules = loaded_after(f"import {package}; import content.load, content.analysis.sentences, annotations.store")
    assert "textual" not in modules


def test_content_does_not_load_annotations_or_tui() -> None:
    modules = loaded_after("import content, content.load, content.analysis; content.analysis.analyse")
    assert "annotations" not in modules and "tui" not in modules


def test_the_whole_analysis_loads_no_textual_and_no_other_package() -> None:
    statement = "import content.analysis as a, content; a.analyse(content.load_document(None)).run()"
    modules = loaded_after(statement)
    assert "textual" not in modules and "annotations" not in modules and "tui" not in modules


def test_the_document_is_data_and_never_loads_its_analysis() -> None:
    modules = loaded_after("import content.document, content.load, content.plaintext, content.markdown")
    assert not any(m == "content.analysis" or m.startswith("content.analysis.") for m in modules)


def test_import_linter_contracts_hold() -> None:
    """The contracts in pyproject.toml (content and annotations never reach up; Document never
    imports the analysis), checked by import-linter over the whole source."""
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def test_annotations_does_not_load_tui() -> None:
    modules = loaded_after("import annotations, annotations.store, annotations.session")
    assert "tui" not in modules


PROBE = """
import contextlib, io, sys
import tui.cli
with contextlib.redirect_stdout(io.StringIO()):
    code = tui.cli.main(sys.argv[1:])
print(code, "textual" in sys.modules)
"""


@pytest.mark.parametrize(
    "command", [["export", "postil:sample", "--format", "html"], ["library"], ["quotes", "postil:sample"]]
)
def test_commands_other_than_the_reader_never_load_textual(command: list[str]) -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, *command], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "False"]


def test_the_analysis_commands_do_not_load_the_annotation_store() -> None:
    """`postil quotes` on an article answers in well under a second; reading TOML is not its job."""
    probe = PROBE.replace('"textual" in sys.modules', '"annotations.store" in sys.modules, "tomllib" in sys.modules')
    for command in (["quotes", "postil:sample"], ["claims", "postil:sample"], ["sentences", "postil:sample"]):
        result = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
        assert result.stdout.split() == ["0", "False", "False"], command


def test_the_analysis_commands_read_the_shipped_files_without_importlib_resources() -> None:
    """The sample and the learned weights are files beside the modules; reading them through
    `importlib.resources` cost `postil quotes` on the sample some 9 ms of imports."""
    probe = PROBE.replace('"textual" in sys.modules', '"importlib.resources" in sys.modules')
    for command in (["quotes", "postil:sample"], ["claims", "postil:sample"]):
        result = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
        assert result.stdout.split() == ["0", "False"], command


def test_package_data_reads_the_shipped_files_as_importlib_resources_does() -> None:
    from importlib import resources

    from content.package_data import package_bytes, package_text

    for package, parts in (("content", ("sample", "lighthouse.txt")), ("content.analysis", ("attribution.json",))):
        assert package_bytes(package, *parts) == resources.files(package).joinpath(*parts).read_bytes()
    assert package_text("content.analysis", "claim_cues.json").startswith("{")


FIRST_SCREEN = """
import asyncio, sys
from pathlib import Path
from content import load_document
from tui.app import make_app
from tui.config import Config

async def main(config):
    app = make_app(load_document(None), data_dir=Path(sys.argv[1]), config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):  # until config.toml's keys are checked, when some are remapped
            await pilot.pause(0.1)
            if not sys.argv[2:] or "tui.dialogs.export" in sys.modules:
                break
        print(app.screen.__class__.__name__, "tui.dialogs.export" in sys.modules, "tui.dialogs.help" in sys.modules)

asyncio.run(main(Config(keymap={"reader.next_sentence": "n"}) if sys.argv[2:] else Config()))
"""


def test_the_reader_s_first_screen_loads_no_dialog(isolated_dirs: Path) -> None:
    """The dialogs' modules are loaded when a dialog opens; the first screen needs none of them.
    With keys remapped in config.toml they are loaded once it is up, to check the binding ids."""
    run = [sys.executable, "-c", FIRST_SCREEN, str(isolated_dirs / "data")]
    plain = subprocess.run(run, capture_output=True, text=True, check=True)
    assert plain.stdout.split() == ["ReaderScreen", "False", "False"], plain.stderr
    remapped = subprocess.run([*run, "remapped"], capture_output=True, text=True, check=True)
    assert remapped.stdout.split() == ["ReaderScreen", "True", "True"], remapped.stderr
