#!/usr/bin/env python3
"""Clean the HTML pages of WARC files with declutter on a Spark cluster.

WARC paths in (local, HDFS, S3 ... anything Hadoop reads; globs allowed),
Parquet out with one row per HTML page: url, title, text, pageType (null
while the core has no page type), words, and error (null unless the page
could not be cleaned). Pages run through the declutter Python package on
the executors, in `mapPartitions`, a batch at a time with `clean_many`
(the GIL released, `--jobs` threads per task).

    spark-submit examples/spark_clean.py --out pages.parquet data/*.warc.gz
    python3 examples/spark_clean.py --master 'local[2]' --out pages.parquet x.warc.gz

Reading: each WARC file is one task (`binaryFiles`), read with warcio
(response records; the HTTP Content-Type gives the charset and
WARC-Target-URI the URL; other records and non-HTML responses are skipped).
A record cut short (a truncated gzip member) is an error row naming it; a
record that warcio cannot read at all ends that file with an error row for
the file (the records before it are kept), never a failed job. See python/README.md for a cluster run.
"""

import argparse
import io
import sys

# Pages handed to clean_many at once: enough for its thread pool, few enough
# that a task's memory stays bounded on 1 GB WARC files.
BATCH = 256
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type):
    for part in (content_type or "").split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            return v.strip().strip("\"'")
    return None


def warc_pages(path, data):
    """(url, body bytes, charset) of every 2xx HTML response in one WARC file,
    then ('error', message) items for what could not be read."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        for rec in ArchiveIterator(io.BytesIO(data)):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            status = rec.http_headers.get_statuscode() or ""
            ctype = rec.http_headers.get_header("Content-Type") or ""
            if not status.startswith("2") or ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            body = rec.content_stream().read()
            # warcio hands out a record cut short by a truncated gzip member
            # without a word: its block reader then still expects bytes.
            if getattr(rec.raw_stream, "limit", 0) > 0:
                yield "error", f"{path}: record {url} is truncated ({rec.raw_stream.limit} bytes missing)"
                continue
            yield url, body, _charset(ctype)
    except Exception as e:  # a broken record or gzip member: report it, keep the job going
        yield "error", f"{path}: {type(e).__name__}: {e}"


def clean_partition(files, jobs=2):
    """mapPartitions body: (path, bytes) of WARC files -> row tuples."""
    import declutter

    def rows(batch):
        dicts = [{"html": body, "url": url if url and url.startswith(("http://", "https://")) else None,
                  "charset": cs} for url, body, cs in batch]
        for (url, _, _), a in zip(batch, declutter.clean_many(dicts, jobs=jobs, errors="return")):
            if "error" in a:
                yield (url, None, None, None, None, a["error"])
            else:
                yield (url, a["title"], a["textContent"], a.get("pageType"), a["wordCount"], None)

    for path, data in files:
        batch = []
        for item in warc_pages(path, data):
            if item[0] == "error":
                yield (None, None, None, None, None, item[1])
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                yield from rows(batch)
                batch = []
        if batch:
            yield from rows(batch)


def schema():
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    return StructType([
        StructField("url", StringType()),
        StructField("title", StringType()),
        StructField("text", StringType()),
        StructField("pageType", StringType()),
        StructField("words", LongType()),
        StructField("error", StringType()),
    ])


def run(spark, paths, out, jobs=2):
    """The job: WARC paths -> Parquet at `out`. Returns the DataFrame written."""
    sc = spark.sparkContext
    files = sc.binaryFiles(",".join(paths))
    rows = files.mapPartitions(lambda it: clean_partition(it, jobs))
    df = spark.createDataFrame(rows, schema())
    df.write.mode("overwrite").parquet(out)
    return spark.read.parquet(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("warc", nargs="+", help="WARC files (.warc or .warc.gz; globs and Hadoop URIs allowed)")
    ap.add_argument("--out", required=True, help="Parquet output directory")
    ap.add_argument("--master", help="Spark master (default: what spark-submit sets)")
    ap.add_argument("--jobs", type=int, default=2, help="clean_many threads per task (default 2)")
    a = ap.parse_args(argv)
    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName("declutter-clean")
    if a.master:
        b = b.master(a.master)
    spark = b.getOrCreate()
    try:
        df = run(spark, a.warc, a.out, a.jobs)
        n, errors = df.count(), df.filter("error IS NOT NULL").count()
        print(f"pages={n - errors} errors={errors} out={a.out}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
