#!/usr/bin/env bash
# Measures the Native AOT shim against a minimal Go go-plugin plugin built from Debian's packages,
# both driven by the same go-plugin client: start-to-ready, RestoreItemAction.Execute on a 10 KB Pod,
# resident memory idle and after the calls. One run, ratios shim/Go; results land in bench/results/
# (not committed). Figures depend on the machine and its load: compare ratios, not milliseconds.
# Needs tests/GoInterop/install-deps.sh. Usage: bench/run.sh [STARTS] [CALLS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
starts=${1:-20}
calls=${2:-1000}
out="$here/results"
mkdir -p "$out"

dotnet publish "$here/EchoShim" -r linux-x64 -c Release -o "$out/echo-shim" -nologo >"$out/publish.log"
sh "$root/tests/GoInterop/build.sh" "$out/go" "$here/go-echo-plugin" "$here/go-driver" >/dev/null

run() { "$out/go/go-driver" -plugin "$1" -item "$here/pod-10k.json" -starts "$starts" -calls "$calls"; }
shim=$(run "$out/echo-shim/EchoShim")
go=$(run "$out/go/go-echo-plugin")
stamp=$(date -u +%Y%m%dT%H%M%SZ)
printf '{"shim":%s,"go":%s}\n' "$shim" "$go" >"$out/$stamp.json"

python3 - "$out/$stamp.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s, g = r["shim"], r["go"]
rows = [("start to ready, median ms", "startMedianMs"), ("start to ready, min ms", "startMinMs"),
        ("Execute 10 KB, median ms", "callMedianMs"), ("Execute 10 KB, p90 ms", "callP90Ms"),
        ("RSS idle, KiB", "rssIdleKiB"), ("RSS after calls, KiB", "rssAfterCallsKiB")]
print(f"{'measure':28} {'shim':>10} {'go':>10} {'shim/go':>8}")
for label, key in rows:
    print(f"{label:28} {s[key]:>10} {g[key]:>10} {s[key] / g[key]:>8.2f}")
print(f"({s['starts']} starts, {s['calls']} calls of {s['itemBytes']} bytes; {sys.argv[1]})")
PY
