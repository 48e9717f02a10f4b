#!/bin/sh
# Builds Go programs that speak Velero's plugin protocol into OUT (default: tests/GoInterop/bin):
# each PACKAGE_DIR (default: tests/GoInterop/velero-host, the interop test's host) to OUT/<its name>.
# Usage: build.sh [OUT [PACKAGE_DIR...]]
# Go stubs are generated here, at build time, from the shim's own .proto files, so the test checks
# that those files describe what a Go host expects; nothing generated is committed.
# Offline and module-free: Debian's Go packages live in /usr/share/gocode.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
protos=$(cd "$here/../../src/PluginShim/Protos" && pwd)
out=${1:-$here/bin}
mkdir -p "$out"
out=$(cd "$out" && pwd)
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- "$here/velero-host"
gopath="$out/gopath"
rm -rf "$gopath"
mkdir -p "$gopath/src"
packages=$*

# The well-known types map to the packages golang-goprotobuf-dev 1.3.5 ships (protoc's own files name
# google.golang.org/protobuf, which Debian 12's gocode does not have).
wkt=Mgoogle/protobuf/timestamp.proto=github.com/golang/protobuf/ptypes/timestamp
wkt=$wkt,Mgoogle/protobuf/duration.proto=github.com/golang/protobuf/ptypes/duration
wkt=$wkt,Mgoogle/protobuf/empty.proto=github.com/golang/protobuf/ptypes/empty
generate() {
  protoc -I "$protos" -I /usr/include --go_out=plugins=grpc,$wkt:"$gopath/src" "$@"
}
# protoc-gen-go 1.3.5 wants one Go package per invocation.
generate "$protos/VeleroShared.proto" "$protos/PluginLister.proto" "$protos/BackupItemActionV1.proto" \
  "$protos/RestoreItemActionV1.proto" "$protos/DeleteItemAction.proto" "$protos/ObjectStore.proto" "$protos/VolumeSnapshotter.proto"
generate "$protos/BackupItemActionV2.proto"
generate "$protos/RestoreItemActionV2.proto"
generate "$protos/ItemBlockActionV1.proto"

for package in $packages; do
  name=$(basename "$package")
  (cd "$package" && GO111MODULE=off GOPATH="$gopath:/usr/share/gocode" GOFLAGS= GOPROXY=off GOCACHE="$out/gocache" \
    go build -o "$out/$name" .)
  echo "$out/$name"
done
