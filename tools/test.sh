#!/usr/bin/env bash
# Runs every test of the repository (xunit engine tests, shim tests, PowerShell-hosted cmdlet tests and the
# Pester-syntax files under tests/Pester) and ends with one line: "N passed, N failed".
# Installs what the tests need first (tools/install-test-deps.sh), so it works on a fresh Debian machine
# that has only the .NET SDK.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configuration=Debug
while [ $# -gt 0 ]; do
    case "$1" in
        --configuration|-c) configuration="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

bash "$root/tools/install-test-deps.sh" || { echo "installing test dependencies failed" >&2; exit 1; }

# The test hosts run in parallel and all of them call Keystone, Swift, Cinder, Manila and the registries. Starting them here, once, before any
# host, gives the run one start; the fixtures find them up. (Run alone, a test project starts them itself.)
scripts="$root/../shared/scripts"
# Cinder with its backup service and Glance beside the shared script's Cinder and Manila.
blockstorage="$root/tests/Servers/block-storage-aio.sh"
started=()
stop_started() {
    local i script
    for ((i = ${#started[@]} - 1; i >= 0; i--)); do
        script="$root/tests/Servers/${started[$i]}"
        [ -f "$script" ] || script="$scripts/${started[$i]}"
        bash "$script" stop >/dev/null 2>&1
    done
}
trap stop_started EXIT
# The parallel hosts' Cinder tests together outgrow Cinder's default quota of 10 volumes in the demo project.
raise_volume_quotas() { /usr/bin/python3 "$root/tools/raise-test-quotas.py"; }
if [ -d "$scripts" ]; then
    bash "$scripts/keystone-aio.sh" status 2>/dev/null | grep -q running || started+=(keystone-aio.sh)
    bash "$scripts/swift-aio.sh" status 2>/dev/null | grep -q "proxy: running" || started+=(swift-aio.sh)
    [ "$(bash "$blockstorage" status 2>/dev/null | grep -c ": running")" = 3 ] || started+=(block-storage-aio.sh)
    { bash "$scripts/keystone-aio.sh" start && SWIFT_AIO_AUTH=keystone bash "$scripts/swift-aio.sh" start \
        && bash "$scripts/keystone-aio.sh" register-swift \
        && bash "$blockstorage" start && bash "$blockstorage" register \
        && raise_volume_quotas; } >/dev/null \
        || echo "starting the OpenStack servers failed; the tests that need them will say why" >&2
    # The open registries of the image copy tests (the fixture adds the TLS one with basic authentication).
    curl -fs http://127.0.0.1:5101/v2/ >/dev/null 2>&1 && curl -fs http://127.0.0.1:5102/v2/ >/dev/null 2>&1 || started+=(registry-aio.sh)
    bash "$scripts/registry-aio.sh" start >/dev/null \
        || echo "starting the registries failed; the tests that need them will say why" >&2
fi

results="$root/TestResults"
rm -rf "$results"
dotnet build "$root/VeleroOpenShift.slnx" -c "$configuration" -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test "$root/VeleroOpenShift.slnx" -c "$configuration" --no-build -nologo \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
done

# A test host that crashed writes no counters; never report such a run as clean.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
