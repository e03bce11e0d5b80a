"""The data files shipped inside the packages (the sample article, the learned weights).

pip installs them as files beside the modules, so they are read from there. `importlib.resources`
is the general way, but importing it (and `zipfile` behind it) took about 9 ms of the 250 ms of
`postil quotes` on the sample; it is used only when the file is not on disk, as in a package run
from a zip archive."""

from __future__ import annotations

from pathlib import Path


def package_bytes(package: str, *parts: str) -> bytes:
    """The bytes of the file `parts` inside `package` (a dotted name of one of ours)."""
    root = Path(__file__).parent.parent.joinpath(*package.split("."))
    try:
        return root.joinpath(*parts).read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        from importlib import resources

        return resources.files(package).joinpath(*parts).read_bytes()


def package_text(package: str, *parts: str) -> str:
    return package_bytes(package, *parts).decode("utf-8")
