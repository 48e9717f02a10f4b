#!/usr/bin/env bash
# Installs the Debian packages the tests need, once. Needs root (CI and the development machines run as root).
set -euo pipefail

# Go toolchain and go-plugin host library for the interop test driving the shim as Velero does;
# binutils (readelf) for the check of the native executable's library and glibc needs.
packages=(golang-go golang-github-hashicorp-go-plugin-dev golang-google-grpc-dev golang-goprotobuf-dev protobuf-compiler binutils)
# Keystone and Swift for the object-store tests; ../shared/scripts start them (and would install these
# one by one if missing: installing them here in one transaction is faster).
packages+=(keystone python3-openstackclient uwsgi-core uwsgi-plugin-python3 python3-keystonemiddleware
    swift swift-proxy swift-object swift-container swift-account python3-swiftclient memcached curl)
# Cinder (with its backup service; qemu-utils converts images), Glance and Manila (dummy share driver) for the
# volume snapshotter tests (tests/Servers/block-storage-aio.sh).
packages+=(cinder-api cinder-scheduler cinder-volume cinder-backup python3-cinder qemu-utils glance-api
    manila-api manila-scheduler manila-share python3-manila)
# Distribution registries and skopeo (the peer) for the image copy tests and benchmark; umoci for registry-aio.sh's
# sample image; python3-bcrypt for the htpasswd file of the registry with basic authentication.
packages+=(docker-registry skopeo umoci python3-bcrypt)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "tests need these Debian packages; install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
