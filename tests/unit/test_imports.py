"""Imports flow one way: tui → annotations → content (DESIGN.md §1)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("package", ["content", "annotations", "tui.cli"])
def test_core_packages_never_load_textual(package: str) -> None:
    modules = loaded_after(f"import {package}; import content.load, content.sentences, annotations.store")
    assert "textual" not in modules


def test_content_does_not_load_annotations_or_tui() -> None:
    modules = loaded_after("import content, content.load, content.sentences")
    assert "annotations" not in modules and "tui" not in modules


def test_annotations_does_not_load_tui() -> None:
    modules = loaded_after("import annotations, annotations.store, annotations.session")
    assert "tui" not in modules
