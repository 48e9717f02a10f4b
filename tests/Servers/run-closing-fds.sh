#!/usr/bin/env bash
# Runs a command with only stdin, stdout and stderr of this process. Test hosts start the loopback servers while
# holding the lock files that share them between hosts (tests/Unit/OpenStack/Integration/TestServerLease.cs); a
# server that inherited such a descriptor would hold the lock for its whole life and block every later test host.
for fd in /proc/$$/fd/*; do
    n=${fd##*/}
    if [ "$n" -gt 2 ]; then
        eval "exec $n>&-" 2>/dev/null
    fi
done
exec "$@"
