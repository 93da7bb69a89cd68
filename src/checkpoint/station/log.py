"""Read access to the pass log for the log view: a count first, then keys and rows as they are shown.

Reads run on the calling (GUI) thread: SQLite in WAL mode serves them without waiting on the writer, and
each call touches only an indexed key range or one batch of rows.

``LogRows`` is the log view's row index. Opening it costs one count; a filter with few matches then
loads all its keys at once, and a large one (the whole log: millions of passages) reads keys a page at a
time, from the nearest page already read or from the log's newest or oldest end. So opening the whole
log, scrolling it and dragging to its far end each cost one short index walk, and memory holds the pages
read, never millions of keys.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Sequence

from checkpoint.domain.records import Passage
from checkpoint.storage.database import Database
from checkpoint.storage.passage_filter import PassageCount, PassageFilter

__all__ = ["ALL_KEYS_LIMIT", "PAGE_ROWS", "LogRows", "LogService", "PassageFilter"]

ALL_KEYS_LIMIT = 20_000  # a result up to this size loads all its keys at once (one sorted read)
PAGE_ROWS = 100  # keys per page of a large result
PAGE_LIMIT = 2_000  # pages of keys kept (the least recently used go first)


class LogService:
    def __init__(
        self, database: Database, *, all_keys_limit: int = ALL_KEYS_LIMIT, page_rows: int = PAGE_ROWS
    ) -> None:
        self._database = database
        self._all_keys_limit = all_keys_limit
        self._page_rows = page_rows

    def rows(self, passage_filter: PassageFilter) -> LogRows:
        return LogRows(
            self._database, passage_filter, all_keys_limit=self._all_keys_limit, page_rows=self._page_rows
        )

    def fetch(self, keys: Sequence[int]) -> list[Passage]:
        return self._database.passages.fetch_passages(keys)


class LogRows:
    """The seq numbers of one filter's passages by row, newest first (row 0 is the newest).

    The rows are the matches on record when it was made, plus the passages ``add``-ed since (a passage
    recorded while the view is open). A key that has gone since (a retention purge) reads as None.
    """

    def __init__(
        self,
        database: Database,
        passage_filter: PassageFilter,
        *,
        all_keys_limit: int = ALL_KEYS_LIMIT,
        page_rows: int = PAGE_ROWS,
        page_limit: int = PAGE_LIMIT,
    ) -> None:
        if page_rows < 1:
            raise ValueError("a page holds at least one key")
        self._database = database
        self._page_rows = page_rows
        self._page_limit = max(page_limit, 1)
        self._all: list[int] | None = None
        if passage_filter.searches:
            # A search usually finds few: read its keys straight away (one search, not a count and
            # then the same search again), up to one more than the limit to know it is a large one.
            self._top = database.passages.newest_passage_seq()
            keys = database.passages.passage_keys(passage_filter, up_to=self._top, limit=all_keys_limit + 1)
            if len(keys) <= all_keys_limit:
                self._all, self._count = keys, len(keys)
        self._page_filter = passage_filter
        if self._all is None:
            counted = database.passages.passage_count_snapshot(passage_filter)
            self._count, self._top = counted.matching, counted.newest_seq
            if self._count <= all_keys_limit:
                self._all = database.passages.passage_keys(passage_filter, up_to=self._top)
                self._count = len(self._all)
            else:
                self._page_filter = _without_bounds_of_all(passage_filter, counted)
        self._pages: OrderedDict[int, list[int]] = OrderedDict()
        self._added: list[int] = []  # recorded after opening, oldest first (row 0 is the last)
        self.reads = 0  # key pages read from the database (tests and the benchmark)

    @property
    def paged(self) -> bool:
        """True when keys are read a page at a time (a large result), False when all were loaded."""
        return self._all is None

    def __len__(self) -> int:
        return self._count + len(self._added)

    def is_new(self, seq: int) -> bool:
        """Whether a passage is not a row yet (recorded after these rows were read)."""
        return seq > self._top and (not self._added or seq > self._added[-1])

    def add(self, seq: int) -> bool:
        """A matching passage recorded after opening becomes row 0; False when it is a row already."""
        if not self.is_new(seq):
            return False
        self._added.append(seq)
        return True

    def key(self, row: int) -> int | None:
        """The seq number shown in ``row``; IndexError outside the rows."""
        if not 0 <= row < len(self):
            raise IndexError(row)
        added = len(self._added)
        if row < added:
            return self._added[added - 1 - row]
        row -= added
        if self._all is not None:
            return self._all[row]
        page = self._page(row // self._page_rows)
        offset = row % self._page_rows
        return page[offset] if offset < len(page) else None

    def keys(self, start: int, stop: int) -> list[int]:
        """The seq numbers of rows ``start`` to ``stop`` (exclusive) that are still on record."""
        stop = min(stop, len(self))
        return [key for key in (self.key(row) for row in range(max(start, 0), stop)) if key is not None]

    # Pages of a large result ---------------------------------------------------------------------------

    def _page(self, index: int) -> list[int]:
        page = self._pages.get(index)
        if page is not None:
            self._pages.move_to_end(index)
            return page
        page = self._read_page(index)
        self._pages[index] = page
        while len(self._pages) > self._page_limit:
            self._pages.popitem(last=False)
        return page

    def _read_page(self, index: int) -> list[int]:
        """Read page ``index`` starting from whatever is nearest: the newest end, the oldest end, or a
        page already read (its first or last key bounds the walk, so only the rows between are skipped)."""
        size = self._page_rows
        first = index * size
        stop = min(first + size, self._count)
        # (rows skipped, below, above): below walks newest first from a seq, above oldest first
        start: tuple[int, int | None, int | None] = (first, self._top + 1, None)
        from_oldest = self._count - stop
        if from_oldest < start[0]:
            start = (from_oldest, None, None)
        for known, keys in self._pages.items():
            if not keys:
                continue
            if known < index and len(keys) == size:
                skip = (index - known - 1) * size
                if skip < start[0]:
                    start = (skip, keys[-1], None)
            elif known > index:
                skip = (known - index - 1) * size
                if skip < start[0]:
                    start = (skip, None, keys[0])
        skip, below, above = start
        self.reads += 1
        keys = self._database.passages.passage_key_page(
            self._page_filter, up_to=self._top, below=below, above=above, skip=skip, limit=stop - first
        )
        if below is None:
            keys.reverse()  # read oldest first
        return keys


def _without_bounds_of_all(f: PassageFilter, counted: PassageCount) -> PassageFilter:
    """The filter without a time bound that every passage on record meets ("the whole log" is a window
    from long ago): a page of it then walks the seq index alone, never reading a row to check a time."""
    since, until = f.since, f.until
    if since is not None and counted.first_at is not None and since <= counted.first_at:
        since = None
    if until is not None and counted.last_at is not None and until > counted.last_at:
        until = None
    return dataclasses.replace(f, since=since, until=until)
