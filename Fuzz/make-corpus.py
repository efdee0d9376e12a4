#!/usr/bin/env python3
"""Writes the seed corpus of scripts/fuzz into Fuzz/corpus/ (run again after changing it).

An input is one selector byte and a body: bits 0-1 of the selector pick push as the head of
Xóm Đông (0), push as a reviewer (1), pull as the head (2), pull as a reviewer (3); bit 2 says
the body is gzipped. The hub's ids are sequential in the fuzz target: criteria 1-19, then the
hamlets (`swift run HubFuzz --fixture` prints them).
"""
import gzip
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")
DONG = "01a204f7-0000-7000-8000-000000000014"  # the head's hamlet
DOAI = "01a204f7-0000-7000-8000-000000000015"  # another hamlet
CRITERION_1 = "01a204f7-0000-7000-8000-000000000001"
NOW = 1795379724788
HLC = NOW << 16
MAX = 9223372036854775807
MIN = -9223372036854775808
PUSH_HEAD, PUSH_REVIEWER, PULL_HEAD, PULL_REVIEWER, GZIP = 0, 1, 2, 3, 4


def change(seq, table, row, operation, values, previous=None, base=None, hlc=HLC + 1, created=NOW):
    return {"seq": seq, "table": table, "row_id": row, "operation": operation, "values": values,
            "previous": previous or {}, "base_versions": base or {}, "hlc": hlc, "created_at": created}


def push(changes, replica="seed-replica", client_time=NOW):
    return {"protocol_version": 1, "schema_version": 1, "replica_id": replica, "client_time": client_time,
            "changes": changes}


def pull(after=0, limit=100, replica="seed-replica", client_time=NOW):
    return {"protocol_version": 1, "schema_version": 1, "replica_id": replica, "client_time": client_time,
            "after": after, "limit": limit}


def body(value):
    return value if isinstance(value, bytes) else json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


seeds = {}


def seed(name, selector, value):
    data = body(value)
    if selector & GZIP:
        data = gzip.compress(data, mtime=0)
    seeds[name] = bytes([selector]) + data


cleanup = {"hamlet_id": DONG, "date": "2026-11-15", "status": "done", "participants": 42, "households_joined": 35,
           "waste_kg": 180.5, "area": "Đường trục xóm"}
household = {"hamlet_id": DONG, "head_name": "Phạm Văn Bốn", "address": "Xóm Đông", "phone": "0912345678"}
road = {"hamlet_id": DONG, "name": "Đường trục xóm", "length_m": 420.5, "width_before_m": 3.5, "target_width_m": 6,
        "status": "planned", "lighting": False, "trees": True}
donation = {"hamlet_id": DONG, "road_segment_id": "r1", "household_id": "h1", "area_m2": 100, "assets": "cổng sắt",
            "assets_value_vnd": 2500000, "status": "pledged"}
money = {"hamlet_id": DONG, "donor_name": "Trần Văn Năm", "kind": "money", "amount": 500000, "unit": "VND",
         "date": "2026-11-20"}

# Valid requests.
seed("push-head-cleanup", PUSH_HEAD, push([change(1, "cleanups", "c1", "insert", cleanup)]))
seed("push-head-many", PUSH_HEAD, push([
    change(1, "households", "h1", "insert", household),
    change(2, "households", "h1", "update", {"phone": "0987654321"}, {"phone": "0912345678"}, {"phone": 0}),
    change(3, "road_segments", "r1", "insert", road),
    change(4, "land_donations", "d1", "insert", donation),
    change(5, "road_segments", "r1", "update", {"status": "surveyed", "width_after_m": 6.5},
           {"status": "planned", "width_after_m": None}, {"status": 0, "width_after_m": 0}),
    change(6, "land_donations", "d1", "update", {"status": "signed", "signed_on": "2026-11-21"},
           {"status": "pledged", "signed_on": None}, {"status": 0, "signed_on": 0}),
    change(7, "contributions", "m1", "insert", money),
    change(8, "households", "h1", "delete", {}, household, {k: 0 for k in household}),
], replica="seed-head-many"))
seed("push-head-empty", PUSH_HEAD, push([]))
seed("push-head-other-hamlet", PUSH_HEAD, push([change(1, "cleanups", "c2", "insert", dict(cleanup, hamlet_id=DOAI))]))
seed("push-head-criteria", PUSH_HEAD, push([change(1, "criteria", CRITERION_1, "update", {"status": "met"},
                                                   {"status": "not_met"}, {"status": 1})]))
seed("push-reviewer-hamlet", PUSH_REVIEWER, push([change(1, "hamlets", "x1", "insert",
                                                         {"name": "Xóm Mới", "kind": "thon", "households_total": 80})],
                                                 replica="seed-reviewer"))
seed("push-reviewer-criteria-update", PUSH_REVIEWER, push([
    change(1, "criteria", CRITERION_1, "update", {"status": "met", "target_year": 2027, "note": "đạt"},
           {"status": "not_met", "target_year": None, "note": None}, {"status": 0, "target_year": 0, "note": 0}),
], replica="seed-reviewer"))
seed("push-reviewer-review-conflict", PUSH_REVIEWER, push([
    change(1, "road_segments", "r9", "insert", dict(road, hamlet_id=DOAI)),
    change(2, "road_segments", "r9", "update", {"length_m": 500}, {"length_m": 420.5}, {"length_m": 0}),
], replica="seed-reviewer"))
seed("push-head-gzip", PUSH_HEAD | GZIP, push([change(1, "cleanups", "c1", "insert", cleanup)]))
seed("pull-head", PULL_HEAD, pull())
seed("pull-reviewer", PULL_REVIEWER, pull(limit=1000, replica="seed-reviewer"))
seed("pull-head-gzip", PULL_HEAD | GZIP, pull(after=5, limit=3))

# Hostile requests (issue 9).
seed("push-client-time-min", PUSH_HEAD, push([], client_time=MIN))
seed("pull-client-time-min", PULL_HEAD, pull(client_time=MIN))
seed("push-client-time-max", PUSH_REVIEWER, push([], client_time=MAX))
seed("push-seq-max-then-1", PUSH_HEAD, push([change(MAX, "cleanups", "c1", "insert", cleanup),
                                             change(1, "cleanups", "c3", "insert", cleanup)]))
seed("push-seq-max", PUSH_HEAD, push([change(MAX, "cleanups", "c1", "insert", cleanup)]))
unknown_key = b'{"protocol_version":1,"x":' + b"[" * 60000
seed("push-deep-unknown-key", PUSH_HEAD, unknown_key)
seed("push-deep-unknown-key-gzip", PUSH_HEAD | GZIP, b'{"protocol_version":1,"x":' + b"[" * 100000)
seed("pull-deep-object-gzip", PULL_REVIEWER | GZIP, b'{"x":' + b'{"a":' * 50000)
seed("push-deep-in-values", PUSH_REVIEWER, b'{"protocol_version":1,"schema_version":1,"replica_id":"r","client_time":1,'
     b'"changes":[{"seq":1,"table":"cleanups","row_id":"c","operation":"insert","values":{"note":' + b"[" * 20000)
seed("push-criteria-number-max", PUSH_REVIEWER, push([change(1, "criteria", "k1", "insert",
                                                             {"number": MAX, "name": "x", "status": "met"})]))
seed("push-criteria-number-huge", PUSH_REVIEWER, push([change(1, "criteria", "k1", "insert",
                                                              {"number": 1e300, "name": "x"})]))
seed("push-area-1e400", PUSH_HEAD, json.dumps(push([change(1, "land_donations", "d1", "insert",
                                                            dict(donation, area_m2=12345))]), separators=(",", ":")).replace("12345", "1e400").encode())
seed("push-area-max-double", PUSH_HEAD, push([change(1, "land_donations", "d1", "insert",
                                                     dict(donation, area_m2=1.7976931348623157e308))]))
seed("push-amount-max", PUSH_HEAD, push([change(1, "contributions", "m1", "insert", dict(money, amount=MAX))]))
seed("push-replica-nul", PUSH_HEAD, push([change(1, "cleanups", "c1", "insert", cleanup)], replica="hub\u0000"))
seed("pull-replica-nul", PULL_REVIEWER, pull(replica="seed\u0000x"))
seed("push-row-id-nul", PUSH_HEAD, push([change(1, "households", "\u0000h1", "insert", household)]))
seed("push-household-id-nul", PUSH_HEAD, push([change(1, "land_donations", "d1", "insert",
                                                      dict(donation, household_id="\u0000h1", road_segment_id=None))]))
seed("push-donor-nul", PUSH_REVIEWER, push([change(1, "contributions", "m1", "insert",
                                                   dict(money, donor_name="\u0000An", kind="labor_days", amount=2))]))
seed("push-seq-plausible-max", PUSH_HEAD, push([change(9007199254740991, "cleanups", "c1", "insert", cleanup)]))
seed("push-note-nul", PUSH_HEAD, push([change(1, "cleanups", "c1", "insert", dict(cleanup, note="before\u0000after"))]))
seed("push-hlc-max", PUSH_HEAD, push([change(1, "cleanups", "c1", "insert", cleanup, hlc=MAX, created=MIN)]))
seed("push-hlc-negative", PUSH_REVIEWER, push([change(1, "cleanups", "c1", "insert", cleanup, hlc=-1, created=MAX)]))
seed("push-base-versions-max", PUSH_REVIEWER, push([change(1, "criteria", CRITERION_1, "update", {"status": "met"},
                                                           {"status": "not_met"}, {"status": MAX})]))
seed("pull-after-max", PULL_REVIEWER, pull(after=MAX, limit=MAX))
seed("pull-limit-min", PULL_HEAD, pull(after=MIN, limit=MIN))
seed("push-big-integers", PUSH_HEAD, b'{"protocol_version":1,"schema_version":1,"replica_id":"r","client_time":'
     + b"9" * 400 + b',"changes":[]}')
seed("push-lone-surrogate", PUSH_HEAD, b'{"protocol_version":1,"schema_version":1,"replica_id":"\\ud800",'
     b'"client_time":1,"changes":[]}')
seed("push-duplicate-keys", PUSH_HEAD, b'{"protocol_version":1,"protocol_version":2,"schema_version":1,'
     b'"replica_id":"r","replica_id":"hub","client_time":1,"changes":[],"changes":[]}')
seed("push-1001-changes-gzip", PUSH_HEAD | GZIP,
     push([change(i, "cleanups", "c%d" % i, "insert", cleanup) for i in range(1, 1002)]))
seeds["push-bad-gzip-trailer"] = bytes([PUSH_HEAD | GZIP]) + gzip.compress(body(push([])), mtime=0)[:-8]
seeds["push-gzip-trailing-garbage"] = bytes([PUSH_HEAD | GZIP]) + gzip.compress(body(push([])), mtime=0) + b"junk"

if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)
for name, data in sorted(seeds.items()):
    assert len(data) <= 65536, name
    with open(os.path.join(OUT, name), "wb") as handle:
        handle.write(data)
print("%d seeds in %s" % (len(seeds), OUT))
