"""v4 capture candidates against plain insert, same rows, one run.  python3 v4capture.py REPLICA.sqlite [ROWS]"""
import os, re, shutil, sqlite3, statistics, sys, tempfile, time
src = sys.argv[1]; rows = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
ddl = sqlite3.connect(src).execute("select sql from sqlite_master where name='land_donations'").fetchone()[0]
def orchecks(sql):
    return re.sub(r'("?\w+"?|typeof\("\w+"\)) IN \(([^)]*)\)',
                  lambda m: "(" + " OR ".join(f"{m.group(1)} = {x.strip()}" for x in m.group(2).split(",")) + ")", sql)
hamlet = sqlite3.connect(src).execute("select id from hamlets limit 1").fetchone()[0]
cols = ["id","hamlet_id","road_segment_id","household_id","donor_name","area_m2","assets","assets_value_vnd","status","signed_on","note"]
def row(i): return ("0192%04x-0000-7000-8000-%012x" % (0, i), hamlet, None, None, f"Trần Văn {i}", (i % 400)/4 + 12.5, "tường rào", (i%90)*100000, "pledged", "2026-%02d-%02d" % (i%12+1, i%28+1), "hiến đất")
data = [row(i) for i in range(rows)]
ins = f"insert into land_donations ({','.join(cols)}) values ({','.join('?'*len(cols))})"
NOW = "coalesce(now_ms, cast((julianday('now') - 2440587.5) * 86400000 as integer))"
V4 = """
create table st (id integer primary key check (id = 1), hlc integer not null, next_seq integer not null, applying integer not null, now_ms integer);
insert into st values (1, 0, 1, 0, null);
create table ch (seq integer primary key, tbl integer not null, row_id text not null, op integer not null,
  mask integer not null, hlc integer not null, state integer not null default 0);
create unique index ch_pending on ch (tbl, row_id) where state = 0;
create trigger cap_ins after insert on land_donations when (select applying from st where id = 1) = 0 begin
  update st set hlc = max(hlc + 1, %s * 65536), next_seq = next_seq + 1 where id = 1;
  insert into ch (seq, tbl, row_id, op, mask, hlc) select next_seq - 1, 3, NEW.id, 1, 4095, hlc from st where id = 1
    on conflict (tbl, row_id) where state = 0 do update set op = excluded.op, mask = mask | excluded.mask, hlc = excluded.hlc;
end;""" % NOW
def fresh(kind):
    d = tempfile.mkdtemp(prefix="v4-"); p = os.path.join(d, "x.sqlite")
    if kind == "today":
        shutil.copy(src, p); c = sqlite3.connect(p, isolation_level=None); c.execute("delete from land_donations")
    else:
        c = sqlite3.connect(p, isolation_level=None)
        c.execute(orchecks(ddl) if kind.endswith("or") else ddl)
        if kind.startswith("v4"): c.executescript(V4)
    c.execute("pragma journal_mode=wal"); c.execute("pragma synchronous=full")
    return c, d
def timed(c, kind):
    t = time.perf_counter()
    for s in range(0, rows, 1000):
        c.execute("begin")
        if kind == "today": c.execute("update sync_state set writer_now_ms = cast((julianday('now') - 2440587.5) * 86400000 as integer) where id = 1")
        if kind.startswith("v4"): c.execute("update st set now_ms = cast((julianday('now') - 2440587.5) * 86400000 as integer) where id = 1")
        c.executemany(ins, data[s:s+1000])
        if kind == "today": c.execute("update sync_state set writer_now_ms = null where id = 1")
        if kind.startswith("v4"): c.execute("update st set now_ms = null where id = 1")
        c.execute("commit")
    return rows / (time.perf_counter() - t)
res = {}
for kind in ("plain", "plain-or", "today", "v4", "v4-or"):
    rates = []
    for _ in range(3):
        c, d = fresh(kind); rates.append(timed(c, kind)); c.close(); shutil.rmtree(d)
    res[kind] = statistics.median(rates)
for kind, r in res.items():
    base = res["plain-or"] if kind.endswith("or") else res["plain"]
    print(f"{kind:9s} {r:10,.0f} rows/s  ratio to plain{' (or)' if kind.endswith('or') else ''} {r/base:.2f}  to plain (in) {r/res['plain']:.2f}")
c, d = fresh("v4-or")
print("OpenEphemeral in v4-or insert:", sum(1 for r in c.execute("explain " + ins, data[0]) if r[1] == "OpenEphemeral"))
