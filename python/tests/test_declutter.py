"""pytest over the declutter package: fields, str/bytes, options, errors, and
the GIL-released parallel path against the sequential one.

The reference for the fields is the CLI itself (`declutter --format json`,
the binary in $DECLUTTER_BIN, built by scripts/test-python.sh): the package
must give the same dict for the same page.
"""

import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

import declutter

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

PAGE = (
    "<html lang=en><head><title>Quiet Lakes - Example Site</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/about'>About us</a></nav>"
    "<article><h1>Quiet Lakes</h1>"
    "<p>The first paragraph of the article talks about lakes, rivers, and the quiet of the north.</p>"
    "<p>The second paragraph goes on, with <a href='more.html'>a relative link</a>, and more words.</p>"
    "<div class='adsbygoogle'>Buy now, limited offer</div>"
    "</article></body></html>"
)
URL = "https://example.com/news/lakes.html"


def cli_bin():
    b = os.environ.get("DECLUTTER_BIN")
    if not b or not Path(b).exists():
        pytest.fail("DECLUTTER_BIN must name the declutter CLI binary (scripts/test-python.sh sets it)")
    return b


def cli_json(html_bytes, *args):
    out = subprocess.run([cli_bin(), "--format", "json", *args], input=html_bytes, capture_output=True, check=True)
    return json.loads(out.stdout)


def corpus_pages(n):
    """n readability corpus pages (bytes), sorted by name."""
    d = SHARED / "corpus" / "readability"
    if not d.is_dir():
        pytest.fail(f"{d} not found: ../shared must sit next to the repository")
    pages = sorted(p / "source.html" for p in d.iterdir() if (p / "source.html").is_file())
    assert len(pages) >= n
    return [(p.parent.name, p.read_bytes()) for p in pages[:n]]


def test_fields_are_the_cli_json():
    a = declutter.clean(PAGE, URL)
    assert a == cli_json(PAGE.encode(), "--url", URL)
    for key in ["title", "byline", "dir", "lang", "content", "textContent", "length", "excerpt", "siteName",
                "publishedTime", "leadImage", "wordCount", "readingTimeMinutes", "report"]:
        assert key in a, key
    assert a["lang"] == "en"
    assert "quiet of the north" in a["textContent"]
    assert "About us" not in a["textContent"]
    assert "Buy now" not in a["textContent"]
    assert "https://example.com/news/more.html" in a["content"]
    assert a["wordCount"] > 10 and isinstance(a["wordCount"], int)
    cats = {r["category"] for r in a["report"]["removed"]}
    assert "ad" in cats, a["report"]


def test_corpus_pages_match_the_cli():
    for name, raw in corpus_pages(6):
        assert declutter.clean(raw) == cli_json(raw), name


def test_str_and_bytes():
    assert declutter.clean(PAGE.encode()) == declutter.clean(PAGE)
    assert declutter.clean(bytearray(PAGE.encode())) == declutter.clean(PAGE)
    body = "<p>" + "Caf\u00e9 cr\u00e8me and more words for the paragraph. " * 20 + "</p>"
    # Bytes are sniffed: a <meta charset> ...
    latin = ("<meta charset=iso-8859-1>" + body).encode("latin-1")
    assert "Caf\u00e9 cr\u00e8me" in declutter.clean(latin)["textContent"]
    # ... or the transport charset ...
    koi = ("<p>" + "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440, " * 30 + "</p>").encode("koi8-r")
    assert "\u041f\u0440\u0438\u0432\u0435\u0442" in declutter.clean(koi, charset="koi8-r")["textContent"]
    assert "\u041f\u0440\u0438\u0432\u0435\u0442" not in declutter.clean(koi)["textContent"]
    # ... else UTF-8 when valid, windows-1252 when not.
    assert "Caf\u00e9" in declutter.clean(body.encode("utf-8"))["textContent"]
    assert "Caf\u00e9" in declutter.clean(body.encode("cp1252"))["textContent"]


def test_options():
    with_img = "<article><p><img src='http://x/y.png'>" + "Words and words. " * 40 + "</p></article>"
    assert "<img" in declutter.clean(with_img)["content"]
    assert "<img" not in declutter.clean(with_img, keep_images=False)["content"]
    # camelCase is accepted too (the JSON / JS spelling).
    assert "<img" not in declutter.clean(with_img, keepImages=False)["content"]
    classed = "<article><p class='lead'>" + "Words, words. " * 40 + "</p></article>"
    assert 'class="lead"' in declutter.clean(classed, keep_classes=True)["content"]
    assert 'class="lead"' not in declutter.clean(classed)["content"]
    # A custom junk token removes a block that no built-in token matches.
    custom = ("<article><p>" + "The article text goes on. " * 40 + "</p>"
              "<div class='zzquux'>Remove me please, custom junk</div></article>")
    assert "Remove me" in declutter.clean(custom)["textContent"]
    assert "Remove me" not in declutter.clean(custom, add_junk_tokens=["zzquux"])["textContent"]
    assert set(declutter.option_names()) == set(declutter.DEFAULT_OPTIONS)
    assert declutter.DEFAULT_OPTIONS["keep_images"] is True


@pytest.mark.parametrize("kwargs, words", [
    ({"no_such_option": 1}, ["unknown option", "no_such_option", "keep_images"]),
    ({"keep_images": "yes"}, ["keep_images", "boolean"]),
    ({"char_threshold": "many"}, ["char_threshold"]),
    ({"char_threshold": -5}, ["char_threshold"]),
    ({"add_junk_tokens": "promo"}, ["add_junk_tokens", "sequence"]),
    ({"add_junk_tokens": [1, 2]}, ["add_junk_tokens"]),
    ({"keep_images": object()}, ["keep_images", "unsupported"]),
    ({"max_memory": 3}, ["max_memory must be at least"]),
    ({"add_allowed_tags": ["script"]}, ["script"]),
])
def test_bad_options_are_value_errors(kwargs, words):
    with pytest.raises(ValueError) as e:
        declutter.clean(PAGE, **kwargs)
    for w in words:
        assert w in str(e.value), (w, str(e.value))


def test_errors_are_exceptions():
    with pytest.raises(ValueError, match="absolute http"):
        declutter.clean(PAGE, "ftp://example.com/x")
    with pytest.raises(TypeError, match="str or bytes"):
        declutter.clean(42)
    with pytest.raises(declutter.DeclutterError, match="limit"):
        declutter.clean(PAGE, max_input_bytes=10)
    with pytest.raises(declutter.DeclutterError):
        declutter.clean(bytes(range(256)) * 64)  # not HTML
    assert issubclass(declutter.DeclutterError, Exception)
    # Hostile input never takes the interpreter down.
    for bad in ["", "<", "\x00" * 10, "<" * 100000, "<a " * 20000, "<svg><script>alert(1)</script>"]:
        try:
            declutter.clean(bad)
        except declutter.DeclutterError:
            pass


def test_clean_many_parallel_equals_sequential():
    pages = [raw for _, raw in corpus_pages(24)]
    seq = [declutter.clean(p) for p in pages]
    assert declutter.clean_many(pages, jobs=4) == seq
    assert declutter.clean_many(pages, jobs=1) == seq
    assert declutter.clean_many(iter(pages)) == seq
    # Per-page URLs and forms.
    forms = [PAGE, (PAGE, URL), {"html": PAGE.encode(), "url": URL}, (PAGE.encode(), None)]
    got = declutter.clean_many(forms, jobs=2)
    assert got == [declutter.clean(PAGE), declutter.clean(PAGE, URL), declutter.clean(PAGE, URL), declutter.clean(PAGE)]


def test_clean_many_errors():
    limit = len(PAGE) + 10
    pages = [PAGE, "x" * 1000, PAGE]
    with pytest.raises(declutter.DeclutterError, match=r"pages\[1\]"):
        declutter.clean_many(pages, max_input_bytes=limit)
    got = declutter.clean_many(pages, errors="return", max_input_bytes=limit)
    assert got[0] == got[2] == declutter.clean(PAGE)
    assert list(got[1]) == ["error"] and "limit" in got[1]["error"]
    with pytest.raises(ValueError):
        declutter.clean_many(pages, errors="ignore")
    with pytest.raises(ValueError):
        declutter.clean_many(pages, jobs=0)
    with pytest.raises(TypeError):
        declutter.clean_many([PAGE, 3])
    with pytest.raises(ValueError, match="unknown option"):
        declutter.clean_many(pages, nope=True)
    with pytest.raises(ValueError, match="absolute http"):
        declutter.clean_many([(PAGE, "relative/x.html")])
    assert declutter.clean_many([]) == []


def test_clean_many_releases_the_gil():
    """While clean_many runs, another Python thread keeps running: a counter
    thread advances during the call (it could not if the GIL were held)."""
    pages = [raw for _, raw in corpus_pages(40)] * 3
    ticks = []
    stop = threading.Event()

    def counter():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.0005)

    t = threading.Thread(target=counter)
    t.start()
    time.sleep(0.01)
    before = len(ticks)
    declutter.clean_many(pages, jobs=2)
    during = len(ticks) - before
    stop.set()
    t.join()
    assert during > 5, during
