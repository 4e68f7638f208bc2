#!/usr/bin/python3
"""Reference for the catalog import benchmark (docs/PERFORMANCE.md, "Catalog").

Inserts the raw rows of every results file under a data dir into the catalog's own `rows`
table with Python's sqlite3 executemany, one transaction per file, WAL, synchronous=NORMAL:
the work `benchbook catalog` does for raw rows, done the way a Python user would.

    /usr/bin/python3 src/test/python/catalog_executemany.py DATA_DIR OUT.db

Prints the time to read the rows (gzip + csv) and the time to insert them, separately.
The rows table is created with the catalog's own DDL, read from the catalog `benchbook catalog`
left in DATA_DIR (the table is generated from the Java rows columns, so run that first).
"""
import csv
import gzip
import io
import json
import os
import re
import sqlite3
import sys
import time

CATALOG = ".benchbook-catalog.db"
OUTCOMES = {"committed": 0, "conflict": 1, "busy": 2, "rolled_back": 3, "failed": 4}
INSERT = ("INSERT INTO rows (config_key, row_no, run_id, rep, worker, file_id, from_state, "
          "to_state, start_ns, fsm_dispatch_ns, api_ns, lock_wait_ns, db_total_ns, fsm_net_ns, "
          "total_ns, retries, outcome) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")


def rows_table_ddl(data_dir):
    """The catalog's CREATE TABLE rows statement, from the catalog file in data_dir."""
    path = os.path.join(data_dir, CATALOG)
    if not os.path.exists(path):
        sys.exit(f"{path}: no catalog; run `./benchbook catalog --data-dir {data_dir}` first")
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    ddl = src.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'rows'")
    row = ddl.fetchone()
    src.close()
    if row is None:
        sys.exit(f"{path}: the catalog has no rows table")
    return row[0]


def read_rows(path, run_id, keys, states):
    """The file's rows as catalog tuples; config ids get catalog-wide keys, as in configs."""
    out = []
    config_keys = {}
    with gzip.open(path, "rt", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for i, r in enumerate(reader):
            key = config_keys.get(r[0])
            if key is None:
                key = config_keys[r[0]] = len(keys) + 1
                keys[(run_id, r[0])] = key
            fs = states.setdefault(r[4], len(states))
            ts = states.setdefault(r[5], len(states))
            out.append((key, i, run_id, int(r[1]), int(r[2]), int(r[3]), fs, ts, int(r[6]),
                        int(r[7]), int(r[8]), int(r[9]), int(r[10]), int(r[11]), int(r[12]),
                        int(r[13]), OUTCOMES[r[14]]))
    out.sort(key=lambda row: (row[0], row[1]))
    return out


def main():
    data_dir, db_path = sys.argv[1], sys.argv[2]
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA page_size = 16384")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute(rows_table_ddl(data_dir))
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(data_dir) for f in fs
                   if f.startswith("results-") and f.endswith(".json"))
    read_s = insert_s = insert_cpu_s = 0.0
    total = 0
    config_keys, states = {}, {}
    for run_id, path in enumerate(files, 1):
        t0 = time.perf_counter()
        rows_file = json.load(open(path)).get("rows_file")
        rows = []
        if rows_file:
            rows = read_rows(os.path.join(os.path.dirname(path), rows_file), run_id,
                             config_keys, states)
        t1 = time.perf_counter()
        c1 = time.process_time()
        db.execute("BEGIN IMMEDIATE")
        db.executemany(INSERT, rows)
        db.execute("COMMIT")
        t2 = time.perf_counter()
        insert_cpu_s += time.process_time() - c1
        read_s += t1 - t0
        insert_s += t2 - t1
        total += len(rows)
    db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    db.close()
    print(f"python sqlite3 {sqlite3.sqlite_version}: {len(files)} files, {total:,} rows; "
          f"read {read_s:.3f} s, executemany+commit {insert_s:.3f} s ({insert_cpu_s:.3f} s CPU)")


if __name__ == "__main__":
    main()
