"""A yield point for the long stages, so the analysis can run beside a user interface.

The reader runs the analysis of a book in a thread. Both threads share the interpreter lock, so
a key answered while the analysis runs would take about twice as long. The long loops call
`pause` every `PAUSE_EVERY` steps; the reader's waits while a key is being answered.
"""

from __future__ import annotations

from collections.abc import Callable

Pause = Callable[[], None]
PAUSE_EVERY = 16
