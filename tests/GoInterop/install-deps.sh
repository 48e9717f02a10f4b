#!/bin/sh
# Debian packages the Go interop test (tests/PluginShim.Tests, GoInteropTests) needs: Go 1.19, the
# go-plugin 1.0.1 host library Velero's handshake is compatible with, grpc-go, protoc-gen-go 1.3.5, protoc.
# CI runs this as root before `dotnet test`; readelf/objdump (binutils) are for the AOT binary checks.
set -eu
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  golang-go golang-github-hashicorp-go-plugin-dev golang-google-grpc-dev \
  golang-goprotobuf-dev protobuf-compiler binutils
