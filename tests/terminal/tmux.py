"""Drive the installed `postil` command in a real terminal: tmux send-keys and capture-pane."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
# On a user's machine a missing tmux skips these tests with a reason; CI sets
# POSTIL_REQUIRE_TMUX so that there they fail instead of silently not running.
requires_tmux = pytest.mark.skipif(
    TMUX is None and not os.environ.get("POSTIL_REQUIRE_TMUX"),
    reason="tmux is not installed; install it (apt-get install tmux) to run the real-terminal tests",
)


def postil_command() -> str:
    """The console script installed beside this Python, as a user would run it."""
    script = Path(sys.executable).with_name("postil")
    assert script.exists(), f"postil is not installed beside {sys.executable}; run the README's test command"
    return str(script)


class Terminal:
    def __init__(self, socket: str, session: str) -> None:
        self.socket = socket
        self.session = session

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        assert TMUX is not None, "tmux is required here (POSTIL_REQUIRE_TMUX is set) but not installed"
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, check=check, timeout=20)

    def send(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.session, key)
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session).stdout

    def styled_screen(self) -> str:
        """The screen with the escape sequences of its colours and text styles."""
        return self.tmux("capture-pane", "-p", "-e", "-t", self.session).stdout

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out; the screen was:\n{screen}")

    def running(self) -> bool:
        return self.tmux("has-session", "-t", self.session, check=False).returncode == 0

    def wait_until_closed(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running():
                return
            time.sleep(0.1)
        raise AssertionError(f"postil did not exit; the screen was:\n{self.screen()}")


@contextmanager
def terminal(
    args: list[str],
    env: dict[str, str],
    size: tuple[int, int] = (100, 30),
    record: Path | None = None,
    stdin: Path | None = None,
    program: list[str] | None = None,
) -> Iterator[Terminal]:
    """Start `postil ARGS` in a fresh tmux server.

    With `record`, every byte postil writes to the terminal is kept in that file;
    with `stdin`, that file is piped in as the article (`postil - < FILE`); with `program`,
    that command is run instead of `postil`.
    """
    socket = f"postil-test-{uuid.uuid4().hex[:8]}"
    term = Terminal(socket, "reader")
    settings = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    run = program or [postil_command()]
    command = f"env TERM=xterm-256color {settings} {' '.join(map(shlex.quote, [*run, *args]))}"
    if stdin is not None:
        command += f" < {shlex.quote(str(stdin))}"
    # Start postil only once tmux has given the pane its final size (and attached pipe-pane).
    command = f"sleep 0.5; exec {command}"
    term.tmux(
        "-f", os.devnull, "new-session", "-d", "-s", term.session, "-x", str(size[0]), "-y", str(size[1]), command
    )
    if record is not None:
        term.tmux("pipe-pane", "-o", "-t", term.session, f"cat >> {shlex.quote(str(record))}")
    try:
        yield term
    finally:
        term.tmux("kill-server", check=False)
