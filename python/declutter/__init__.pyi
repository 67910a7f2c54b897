"""Type stubs of the declutter package (the functions live in the Rust extension)."""

from typing import Any, Iterable, Literal, Mapping, Optional, Tuple, TypedDict, Union

__version__: str

class DeclutterError(Exception):
    """A page the cleaner refuses or cannot finish (too large, not HTML,
    parser memory limit), or a bug in the core (a caught panic)."""

class Removal(TypedDict):
    category: str
    reason: str
    element: str
    chars: int
    preview: str

class CategoryCount(TypedDict):
    category: str
    elements: int
    chars: int

class Report(TypedDict, total=False):
    totals: list[CategoryCount]
    removed: list[Removal]

class Article(TypedDict, total=False):
    """The fields of `declutter --format json` (camelCase, as Readability.js)."""

    title: str
    byline: Optional[str]
    dir: Optional[str]
    lang: Optional[str]
    content: str
    textContent: str
    length: int
    excerpt: Optional[str]
    siteName: Optional[str]
    publishedTime: Optional[str]
    leadImage: Optional[str]
    wordCount: int
    readingTimeMinutes: int
    pageType: str
    report: Report

Html = Union[str, bytes, bytearray]
Page = Union[Html, Tuple[Html, Optional[str]], Mapping[str, Any]]

DEFAULT_OPTIONS: dict[str, Any]

def option_names() -> list[str]:
    """The option names `clean` accepts (snake_case)."""

def clean(
    html: Html,
    url: Optional[str] = None,
    *,
    charset: Optional[str] = None,
    keep_images: bool = ...,
    keep_classes: bool = ...,
    remove_junk: bool = ...,
    char_threshold: int = ...,
    max_memory: int = ...,
    max_input_bytes: int = ...,
    add_allowed_tags: list[str] = ...,
    rm_allowed_tags: list[str] = ...,
    add_junk_tokens: list[str] = ...,
    rm_junk_tokens: list[str] = ...,
    **options: Any,
) -> Article:
    """Extracts the article of one page (the GIL is released while cleaning).

    Raises ValueError (unknown option, wrong type, invalid value), TypeError
    (html neither str nor bytes), DeclutterError (page cannot be cleaned)."""

def clean_many(
    pages: Iterable[Page],
    jobs: Optional[int] = None,
    *,
    url: Optional[str] = None,
    charset: Optional[str] = None,
    errors: Literal["raise", "return"] = "raise",
    **options: Any,
) -> list[Article]:
    """Cleans many pages in parallel on `jobs` threads with the GIL released;
    results in input order. errors="return" puts {"error": msg} in place of a
    failing page instead of raising."""
