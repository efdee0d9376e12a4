"""Plain inserts into land_donations with its IN (...) CHECKs and with them written as OR chains, alternating.
    python3 in-or-checks.py REPLICA.sqlite"""
import sqlite3, time, re, statistics, os
ddl = sqlite3.connect(__import__("sys").argv[1]).execute("select sql from sqlite_master where name='land_donations'").fetchone()[0]
def rewrite(sql):
    def rep(m):
        col = m.group(1); items = [x.strip() for x in m.group(2).split(",")]
        return "(" + " OR ".join(f"{col} = {i}" for i in items) + ")"
    return re.sub(r'("?\w+"?|typeof\("\w+"\)) IN \(([^)]*)\)', rep, sql)
ddl2 = rewrite(ddl)
rows = [(f"id-{i:08d}", "h1", None, None, f"Nguyễn Văn {i}", 12.5 + i % 40, None, i * 1000, "pledged", "2026-03-04", "ghi chú") for i in range(100000)]
def run(d):
    p = __import__("tempfile").mktemp(suffix=".sqlite")
    for s in ("", "-wal", "-shm"):
        try: os.remove(p + s)
        except FileNotFoundError: pass
    c = sqlite3.connect(p, isolation_level=None); c.execute("pragma journal_mode=wal"); c.execute(d)
    t = time.perf_counter()
    for s in range(0, len(rows), 1000):
        c.execute("begin"); c.executemany("insert into land_donations (id,hamlet_id,road_segment_id,household_id,donor_name,area_m2,assets,assets_value_vnd,status,signed_on,note) values (?,?,?,?,?,?,?,?,?,?,?)", rows[s:s+1000]); c.execute("commit")
    r = len(rows) / (time.perf_counter() - t); c.close(); return r
for name, d in [("IN", ddl), ("OR", ddl2)] * 3:
    print(name, round(run(d)))
c = sqlite3.connect(":memory:"); c.execute(ddl2)
print(sum(1 for r in c.execute("explain insert into land_donations (id,hamlet_id,area_m2,status) values ('a','h',1,'pledged')") if r[1] == "OpenEphemeral"), "ephemeral with OR")
