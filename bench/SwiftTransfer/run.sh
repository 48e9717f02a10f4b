#!/usr/bin/env bash
# Uploads and downloads one object (default 1 GiB) of random data to the loopback Swift of ../shared/scripts, with
# Keystone authentication, three ways in one run: curl (the peer), the engine in-process, and the plugin executable
# over gRPC as Velero drives it. Prints throughput, peak resident memory and the ratios to curl.
# Usage: bench/SwiftTransfer/run.sh [MiB=1024]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scripts="$root/../shared/scripts"
mib="${1:-1024}"
out="$root/bench/results/swift-transfer"
mkdir -p "$out"

{ bash "$scripts/keystone-aio.sh" start && SWIFT_AIO_AUTH=keystone bash "$scripts/swift-aio.sh" start \
    && bash "$scripts/keystone-aio.sh" register-swift; } >"$out/servers.log" 2>&1

export OS_AUTH_URL=http://127.0.0.1:5000/v3 OS_USERNAME=demo OS_PASSWORD=demopass OS_PROJECT_NAME=demo \
    OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_ID=default
unset OS_CLOUD OS_REGION_NAME OS_SWIFT_REGION_NAME

echo "building the bench and publishing the plugin executable (Native AOT)..." >&2
dotnet build "$here" -c Release -nologo -clp:ErrorsOnly >"$out/build.log"
dotnet publish "$root/src/PluginShim" -r linux-x64 -c Release -o "$out/shim" -nologo >"$out/publish.log"

# curl needs a token and the account URL: one password authentication, as the other two do.
auth='{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo","domain":{"id":"default"},"password":"demopass"}}},"scope":{"project":{"name":"demo","domain":{"id":"default"}}}}}'
curl -fsS -D "$out/token.headers" -o "$out/token.json" -H 'Content-Type: application/json' -d "$auth" "$OS_AUTH_URL/auth/tokens"
token=$(sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *\([^\r]*\).*/\1/p' "$out/token.headers")
account=$(/usr/bin/python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["token"]["catalog"]; print(next(e["url"] for s in c if s["type"]=="object-store" for e in s["endpoints"] if e["interface"]=="public"))' "$out/token.json")
container="bench-$$"
curl -fsS -X PUT -H "X-Auth-Token: $token" "$account/$container"
trap 'curl -sS -X DELETE -H "X-Auth-Token: $token" "$account/$container/curl.bin" >/dev/null; curl -sS -X DELETE -H "X-Auth-Token: $token" "$account/$container" >/dev/null; rm -f /dev/shm/swift-bench-$$.bin' EXIT

head -c "$((mib * 1024 * 1024))" /dev/urandom >"/dev/shm/swift-bench-$$.bin"
curl_run() { # direction, curl arguments...; prints "seconds peakKiB"
    local direction="$1"; shift
    /usr/bin/time -f '%M' -o "$out/curl-$direction.rss" curl -fsS -o /dev/null -w '%{time_total}' -H "X-Auth-Token: $token" "$@" >"$out/curl-$direction.seconds"
    echo "$(cat "$out/curl-$direction.seconds") $(cat "$out/curl-$direction.rss")"
}
read -r curl_up curl_up_kib <<<"$(curl_run upload -T "/dev/shm/swift-bench-$$.bin" "$account/$container/curl.bin")"
read -r curl_down curl_down_kib <<<"$(curl_run download "$account/$container/curl.bin")"

dotnet "$here/bin/Release/net10.0/SwiftTransfer.dll" engine "$container" "$mib" | tee "$out/engine.txt"
dotnet "$here/bin/Release/net10.0/SwiftTransfer.dll" shim "$out/shim/velero-openshift" "$container" "$mib" | tee "$out/shim.txt"

/usr/bin/python3 - "$mib" "$curl_up" "$curl_up_kib" "$curl_down" "$curl_down_kib" "$out/engine.txt" "$out/shim.txt" <<'PY'
import re, sys
mib = float(sys.argv[1])
curl = {"upload": (mib / float(sys.argv[2]), int(sys.argv[3]) / 1024), "download": (mib / float(sys.argv[4]), int(sys.argv[5]) / 1024)}
def read(path):
    rows = {}
    for line in open(path):
        m = re.match(r"(\w+): .* = ([\d.]+) MiB/s; peak RSS ([\d.]+) MiB", line)
        if m: rows[m.group(1)] = (float(m.group(2)), float(m.group(3)))
    return rows
engine, shim = read(sys.argv[6]), read(sys.argv[7])
print(f"\n{int(mib)} MiB, one run | MiB/s: curl / engine / shim | engine/curl | shim/curl | peak RSS MiB: curl / engine / shim")
for d in ("upload", "download"):
    c, e, s = curl[d], engine[d], shim[d]
    print(f"{d:8} | {c[0]:7.1f} / {e[0]:7.1f} / {s[0]:7.1f} | {e[0]/c[0]:5.2f}x | {s[0]/c[0]:5.2f}x | {c[1]:6.1f} / {e[1]:6.1f} / {s[1]:6.1f}")
PY
