#!/usr/bin/env python3
"""Scrapes the hub's /metrics with a bearer token and parses it with Prometheus's own
text-format parser (prometheus_client.parser). Prints {"status": …, "samples": […]}.

    scrape_metrics.py URL TOKEN
"""

import json
import sys
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

url, token = sys.argv[1], sys.argv[2]
request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
try:
    with urllib.request.urlopen(request, timeout=30) as response:
        status, body, kind = response.status, response.read().decode("utf-8"), response.headers["Content-Type"]
except urllib.error.HTTPError as error:
    json.dump({"status": error.code, "samples": []}, sys.stdout)
    sys.exit(0)
samples = []
for family in text_string_to_metric_families(body):
    for sample in family.samples:
        samples.append({"family": family.name, "type": family.type, "name": sample.name,
                        "labels": sample.labels, "value": sample.value})
json.dump({"status": status, "content_type": kind, "samples": samples}, sys.stdout)
