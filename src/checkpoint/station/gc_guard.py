"""Python's garbage collector, run on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate when a generation fills up. When
that is a worker thread (the record writer, the decoder, a relay call) and the cycle holds a Qt object, the
object is destroyed there: ``QObject::~QObject`` takes Qt's connection lock and then waits for the GIL to
ask Python about an override, while the GUI thread, holding the GIL, waits for that same lock to connect a
signal. Both wait for ever (seen in the test suite: the writer collecting a dead window's labels while the
next window was being built).

So automatic collection is switched off and the same thresholds are checked from a timer on the GUI
thread: every object in a cycle dies where Qt expects it. Reference counting (which frees almost
everything) is untouched; only the cycle collector moves. This is the pattern pyqtgraph and other
long-running Qt programs in Python use.

A full collection visits every tracked object, and a started station holds some 150,000 that live as
long as it does (modules, classes, the window): 80 ms on this machine, a visible stall of the preview or
the log view each time one runs. ``settle`` (once, after start-up) collects and then freezes those
(``gc.freeze``), so later collections visit only what was made since. Frozen objects are not collected
even while the interpreter shuts down, so ``settle`` also thaws them at exit: otherwise the native modules
built with nanobind (zxing-cpp) print "leaked instances / types / functions" at every exit, which reads
like a crash to an administrator.
"""

from __future__ import annotations

import atexit
import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

INTERVAL_MS = 100


class GuiThreadCollector(QObject):
    """Checks the collector's generation counts every ``INTERVAL_MS`` on the GUI thread and collects
    what Python itself would have collected; ``stop`` gives collection back to Python."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.collect()

    def settle(self) -> None:
        """Collects everything now and freezes what survives (the started program's long-lived objects):
        from then on collections skip them. Call once start-up is over."""
        gc.collect()
        gc.freeze()
        atexit.unregister(thaw)  # once, however often a program settles
        atexit.register(thaw)

    def collect(self) -> int:
        """Collects the generations whose counts passed their thresholds (as Python would); returns how
        many unreachable objects were found."""
        counts = gc.get_count()
        found = 0
        if counts[0] > self._threshold[0]:
            generation = 0
            if counts[1] > self._threshold[1]:
                generation = 2 if counts[2] > self._threshold[2] else 1
            found = gc.collect(generation)
        return found


def thaw() -> None:
    """Gives frozen objects back to the collector and collects: what the program froze is freed (and its
    native finalisers run) before the interpreter shuts down."""
    gc.unfreeze()
    gc.collect()


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Installs the collector once for ``app`` (it lives as long as the application)."""
    existing = app.findChild(GuiThreadCollector)
    if existing is not None:
        return existing
    return GuiThreadCollector(app)
