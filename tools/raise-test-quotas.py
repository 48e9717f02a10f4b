"""Lifts Cinder's per-project quotas of the demo project of ../shared/scripts/keystone-aio.sh.

The parallel test hosts' Cinder tests together outgrow the default quota of 10 volumes and snapshots.
"""
import json
import urllib.request

KEYSTONE = "http://127.0.0.1:5000/v3"
CINDER = "http://127.0.0.1:8776/v3"


def call(method, url, token=None, body=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("X-Auth-Token", token)
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.headers, json.loads(response.read() or b"{}")


auth = {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin", "domain": {"id": "default"}, "password": "admin"}}},
                 "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}
headers, body = call("POST", KEYSTONE + "/auth/tokens", body=auth)
token, admin_project = headers["X-Subject-Token"], body["token"]["project"]["id"]
demo = call("GET", KEYSTONE + "/projects?name=demo", token)[1]["projects"][0]["id"]
unlimited = {key: -1 for key in ("volumes", "snapshots", "gigabytes", "backups", "backup_gigabytes")}
call("PUT", f"{CINDER}/{admin_project}/os-quota-sets/{demo}", token, {"quota_set": unlimited})
