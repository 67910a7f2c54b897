"""The Spark job (examples/spark_clean.py) in local mode (local[2]): a small
gzip WARC written here from corpus pages (plus records that are not pages),
cleaned to Parquet; every page's text must be the CLI's
(`declutter batch --warc` on the same file).

Needs Java (Debian's openjdk-17-jre-headless; scripts/test-python.sh installs
it) and $DECLUTTER_BIN.
"""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def load_job():
    spec = importlib.util.spec_from_file_location("spark_clean", ROOT / "examples" / "spark_clean.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def write_warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warcinfo_record("test.warc.gz", {"software": "test_spark"}))
        for url, body, ctype, status in pages:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http))


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.fail("java not found: scripts/test-python.sh installs openjdk-17-jre-headless")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    s = (SparkSession.builder.master("local[2]").appName("declutter-test")
         .config("spark.ui.enabled", "false")
         .config("spark.sql.shuffle.partitions", "2")
         .config("spark.driver.memory", "1g")
         .getOrCreate())
    yield s
    s.stop()


def test_spark_job_matches_the_cli(spark, tmp_path):
    d = SHARED / "corpus" / "readability"
    if not d.is_dir():
        pytest.fail(f"{d} not found")
    names = sorted(p.name for p in d.iterdir() if (p / "source.html").is_file())[::8]
    pages = [(f"https://corpus.example/{n}/", (d / n / "source.html").read_bytes(), "text/html; charset=utf-8", "200 OK")
             for n in names]
    junk = [
        ("https://corpus.example/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png", "200 OK"),
        ("https://corpus.example/missing", b"<html><body>Not found</body></html>", "text/html", "404 Not Found"),
    ]
    warc = tmp_path / "pages.warc.gz"
    write_warc(warc, pages[:5] + junk + pages[5:])

    # The CLI on the same WARC.
    cli = subprocess.run([os.environ["DECLUTTER_BIN"], "batch", "--warc", str(warc)], capture_output=True, check=True)
    ref = {}
    for line in cli.stdout.decode().splitlines():
        v = json.loads(line)
        assert "error" not in v, v
        ref[v["url"]] = v
    assert len(ref) == len(pages), cli.stderr.decode()

    job = load_job()
    out = tmp_path / "out.parquet"
    df = job.run(spark, [str(warc)], str(out), jobs=2)
    rows = {r["url"]: r for r in df.collect()}
    assert set(rows) == set(ref), (sorted(rows), sorted(ref))
    for url, r in rows.items():
        assert r["error"] is None, r["error"]
        assert r["text"] == ref[url]["textContent"], url
        assert r["title"] == ref[url]["title"], url
        assert r["words"] == ref[url]["wordCount"], url
        assert r["pageType"] == ref[url].get("pageType"), url
    assert sum(1 for r in rows.values() if r["words"] > 50) >= len(pages) // 2
    # Parquet columns as documented.
    assert [f.name for f in spark.read.parquet(str(out)).schema.fields] == \
        ["url", "title", "text", "pageType", "words", "error"]


def test_spark_job_reports_a_broken_file(spark, tmp_path):
    def page(u, words):
        return (u, b"<article><p>" + " ".join(words).encode() + b"</p></article>", "text/html", "200 OK")

    a = page("https://x.example/a", [f"word{i}" for i in range(300)])
    b = page("https://x.example/b", [f"other{i * 7}" for i in range(300)])
    good = tmp_path / "good.warc.gz"
    write_warc(good, [a])
    both = tmp_path / "both.warc.gz"
    write_warc(both, [a, b])
    # bad.warc.gz: page a whole, page b's gzip member cut in half.
    one, two = good.stat().st_size, both.stat().st_size
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(both.read_bytes()[: one + (two - one) // 2])
    job = load_job()
    df = job.run(spark, [str(good), str(bad)], str(tmp_path / "out.parquet"))
    rows = df.collect()
    ok = sorted(r["url"] for r in rows if r["error"] is None)
    errors = [r for r in rows if r["error"] is not None]
    assert ok == ["https://x.example/a", "https://x.example/a"], rows
    assert len(errors) == 1 and "bad.warc.gz" in errors[0]["error"], errors
