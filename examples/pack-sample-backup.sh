#!/usr/bin/env bash
# Packs examples/openshift-shop-backup/ into openshift-shop-backup.tar.gz the way Velero (format 1.1)
# lays out a backup: each item under resources/<resource>/{cluster,namespaces/<ns>}/ and again under
# resources/<resource>/<version>-preferredversion/..., plus metadata/version. The output is reproducible
# (sorted entries, fixed owner and time, no gzip timestamp) so the committed archive only changes when
# the sources do.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$here/openshift-shop-backup"
archive="$here/openshift-shop-backup.tar.gz"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

cp -r "$source_dir/." "$staging/"
cd "$source_dir"
find resources -name '*.json' | while read -r item; do
    resource="$(cut -d/ -f2 <<<"$item")"
    rest="$(cut -d/ -f3- <<<"$item")"
    api_version="$(grep -o '"apiVersion": "[^"]*"' "$item" | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')"
    version="${api_version##*/}"
    mkdir -p "$staging/resources/$resource/$version-preferredversion/$(dirname "$rest")"
    cp "$item" "$staging/resources/$resource/$version-preferredversion/$rest"
done

tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-11-20 02:00:00Z' -C "$staging" -cf - metadata resources | gzip -n -9 > "$archive"
echo "wrote $archive ($(stat -c %s "$archive") bytes)"
