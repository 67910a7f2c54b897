"""declutter — streaming reader mode: a page's HTML in, its article out.

The Rust core (two lol_html passes, no DOM tree) through PyO3::

    import declutter
    a = declutter.clean(html, url="https://example.com/post")
    a["title"], a["textContent"], a["wordCount"], a["report"]

    results = declutter.clean_many(pages, jobs=4)   # GIL released, in parallel

``clean`` takes ``str`` or ``bytes`` (bytes are decoded like a browser: BOM,
the ``charset=`` argument, ``<meta charset>``, else windows-1252) and returns
a dict with the fields of ``declutter --format json``. Options are keyword
arguments in snake_case (see ``option_names()`` and ``DEFAULT_OPTIONS``); an
unknown option or a wrong type raises ``ValueError``; a page that cannot be
cleaned raises ``DeclutterError``.
"""

from ._declutter import (  # noqa: F401  (re-exports)
    DEFAULT_OPTIONS,
    DeclutterError,
    __version__,
    clean,
    clean_many,
    option_names,
)

__all__ = ["clean", "clean_many", "option_names", "DEFAULT_OPTIONS", "DeclutterError", "__version__"]
