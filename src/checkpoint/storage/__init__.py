"""Storage: the station's append-only, hash-chained records on SQLite or PostgreSQL (SQLAlchemy + Alembic).

Returns domain objects only; ORM classes stay private to this package. Each public name is imported from
the module that defines it (this package re-exports nothing):

* ``database``: :class:`Database` (the core: units of work, the chain, the personal-data cipher, the clock,
  verify, the seam for the district sync) and ``open_database``;
* one module per manager, reached as ``db.<noun>``: ``passages`` (with ``passage_filter``), ``gates``,
  ``operators``, ``shifts``, ``audit``, ``passes``, ``watchlists``, ``residents``, ``retention``;
* ``chain`` (the write unit and the chained tables), ``integrity`` (``db verify``), ``engine`` (opening a
  URL, Alembic), ``errors``, ``pii`` and ``keys`` (personal data and the key files), ``fts`` (the
  free-text index); ``_models`` (the tables) and ``_records`` (rows <-> domain objects, hashed fields).
"""
