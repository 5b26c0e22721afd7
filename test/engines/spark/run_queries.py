"""Runs SQL queries through PySpark in local mode, for test/engines/spark.

Usage: python run_queries.py REQUEST.json RESULT.json

REQUEST.json: {"tables": [{"name", "csv", "schema"}], "queries": [{"name", "sql"}]}
  Each table is a CSV file with a header line, read with the given Spark DDL schema and registered
  as a temporary view; each query runs in one SparkSession (local[2], UTC session time zone).
RESULT.json: {"<query name>": {"columns": [...], "rows": [[...], ...]}, ...}; dates as yyyy-MM-dd,
  decimals as floats. A failing query stops the run with Spark's message on stderr (exit 1).
"""
import datetime
import decimal
import json
import sys

from pyspark.sql import SparkSession


def plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def main(request_path, result_path):
    with open(request_path, encoding="utf-8") as f:
        request = json.load(f)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("loyalty-score-engine-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        for table in request["tables"]:
            frame = spark.read.csv(table["csv"], header=True, schema=table["schema"])
            frame.createOrReplaceTempView(table["name"])
        results = {}
        for query in request["queries"]:
            frame = spark.sql(query["sql"])
            results[query["name"]] = {
                "columns": frame.columns,
                "rows": [[plain(v) for v in row] for row in frame.collect()],
            }
        with open(result_path, "w", encoding="utf-8") as f:
            json.dump(results, f)
    finally:
        spark.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
