"""What the benchmark suite measures with: a real terminal, and interleaved rounds.

`Terminal` is one private tmux server, read through one long-lived control-mode client
(`tmux -C`): a screen read is one command on a pipe that is already open, not a new
process per poll. Programs are started in its pane through a FIFO, so the clock starts
when the program is released, not when tmux gets round to it.

`interleave` runs a row's program and its baseline in turns, A B A B, so a slow moment of
the machine falls on both.
"""

from __future__ import annotations

import os
import shlex
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

POLL_TIMEOUT = 60.0


class Terminal:
    """A 120×40 tmux pane, with a control-mode client to drive it and read its screen."""

    def __init__(self, width: int = 120, height: int = 40) -> None:
        self.socket = f"postil-bench-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.socket, "-f", os.devnull]
        self.folder = Path(tempfile.mkdtemp(prefix="postil-bench-"))
        self.size = (width, height)
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height), "sleep 1000000"],
            check=True,
        )
        subprocess.run([*self.tmux, "set-option", "-g", "remain-on-exit", "on"], check=True)
        self.client = subprocess.Popen(
            [*self.tmux, "-C", "attach-session", "-t", "bench"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self._reply("attach-session")  # the client's own first block: attached from here on
        # The pane's output would come down the pipe as %output lines; the screen is read instead.
        self.command("refresh-client -f no-output")
        self.command(f"refresh-client -C {width}x{height}")

    def command(self, line: str) -> list[str]:
        """Run one tmux command through the control client; its output lines."""
        assert self.client.stdin is not None
        self.client.stdin.write(line + "\n")
        self.client.stdin.flush()
        return self._reply(line)

    def _reply(self, line: str) -> list[str]:
        """The lines of the next %begin … %end block (notifications between are skipped)."""
        assert self.client.stdout is not None
        lines: list[str] = []
        inside = False
        while True:
            raw = self.client.stdout.readline()
            if not raw:
                raise RuntimeError("the tmux control client went away")
            text = raw.rstrip("\n")
            if not inside:
                inside = text.startswith("%begin")
                continue
            if text.startswith(("%end", "%error")):
                if text.startswith("%error"):
                    raise RuntimeError(f"tmux: {line}: {' '.join(lines)}")
                return lines
            lines.append(text)

    def screen(self, styled: bool = False) -> str:
        """The pane's text; `styled`, with the escape sequences of its colours and attributes
        (a cursor that moves over unchanged text changes only those)."""
        return "\n".join(self.command(f"capture-pane -p {'-e ' if styled else ''}-t bench"))

    def start(self, argv: list[str], env: dict[str, str] | None = None) -> float:
        """Start `argv` in the pane, held on a FIFO; returns the clock reading at its release."""
        fifo = self.folder / f"go-{uuid.uuid4().hex[:6]}"
        os.mkfifo(fifo)
        settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        shell = f"read _ < {shlex.quote(str(fifo))}; clear; exec env {settings} {shlex.join(argv)}"
        self.command(f"respawn-pane -k -t bench {shlex.quote(shell)}")
        self.command("clear-history -t bench")
        with open(fifo, "w") as go:
            began = time.perf_counter()
            go.write("go\n")
        return began

    def wait(self, ready: Callable[[str], bool], since: float, what: str, styled: bool = False) -> float:
        """Seconds from `since` until the screen satisfies `ready`."""
        while True:
            screen = self.screen(styled)
            if ready(screen):
                return time.perf_counter() - since
            if time.perf_counter() - since > POLL_TIMEOUT:
                raise RuntimeError(f"waited {POLL_TIMEOUT:.0f} s for {what}; the screen was:\n{screen}")

    def key(
        self, keys: str, ready: Callable[[str], bool], what: str, literal: bool = False, styled: bool = False
    ) -> float:
        """Seconds from sending `keys` until the screen satisfies `ready`."""
        flag = "-l " if literal else ""
        began = time.perf_counter()
        self.command(f"send-keys -t bench {flag}{shlex.quote(keys)}")
        return self.wait(ready, began, what, styled)

    def stop(self) -> None:
        self.command("respawn-pane -k -t bench 'sleep 1000000'")

    def close(self) -> None:
        try:
            if self.client.stdin is not None:
                self.client.stdin.close()
            self.client.wait(timeout=5)
        finally:
            subprocess.run([*self.tmux, "kill-server"], capture_output=True)
            shutil.rmtree(self.folder, ignore_errors=True)


def timed_command(argv: list[str], env: dict[str, str] | None = None) -> float:
    """Wall time of a command run to its end, its output thrown away."""
    began = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    return time.perf_counter() - began


@dataclass
class Row:
    """One line of the table: a measurement of postil beside its baseline."""

    label: str
    baseline: str
    budget: str
    check: Callable[[float, float], bool]
    """(postil's median, the baseline's median) → within budget."""
    ours: list[float] = field(default_factory=list)
    theirs: list[float] = field(default_factory=list)
    note: str = ""

    def ratio(self) -> float:
        return statistics.median(self.ours) / max(1e-9, statistics.median(self.theirs))

    def met(self) -> bool:
        return self.check(statistics.median(self.ours), statistics.median(self.theirs))


def interleave(row: Row, ours: Callable[[], float], theirs: Callable[[], float], rounds: int) -> Row:
    """A B A B …: each round measures postil, then the baseline, in the same harness."""
    ours()  # a first run of each fills the page cache; it is not counted
    theirs()
    for _ in range(rounds):
        row.ours.append(ours())
        row.theirs.append(theirs())
    return row


def _figure(samples: list[float]) -> str:
    def unit(seconds: float) -> str:
        return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"

    return f"{unit(statistics.median(samples))} ({unit(min(samples))}–{unit(max(samples))})"


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table: medians with min–max, the ratio, and the budget."""
    lines = [
        "| row | postil: median (min–max) | baseline | baseline: median (min–max) | ratio | budget | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.label} | {_figure(row.ours)} | {row.baseline} | {_figure(row.theirs)} | "
            f"{row.ratio():.2f}× | {row.budget} | {'yes' if row.met() else '**no**'} |"
        )
    return "\n".join(lines)


def machine() -> str:
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{os.cpu_count()} cores, load average {load}"
