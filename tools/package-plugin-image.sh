#!/usr/bin/env bash
# Builds the Velero plugin image as an OCI archive, without Docker or PowerShell (build.ps1 Package
# calls this): FROM scratch, the Native AOT executable alone at /plugins/velero-openshift (mode 0755),
# USER 65532, and an entrypoint that copies it into the volume Velero mounts at /plugins:
#   velero plugin add <image>  ->  init container runs  /plugins/velero-openshift install /target
# The .dbg symbol file never goes in: Velero would execute every executable file under /plugins.
#
# Usage: tools/package-plugin-image.sh BINARY OUTPUT.tar [TAG] [ARCH]
#   BINARY  the published executable (dotnet publish src/PluginShim -r linux-x64 -c Release)
#   TAG     image tag inside the archive (default: the version the binary reports)
#   ARCH    amd64 (default) or arm64, matching BINARY
# Needs umoci and skopeo (Debian packages of the same names).
set -euo pipefail

binary=${1:?usage: $0 BINARY OUTPUT.tar [TAG] [ARCH]}
output=${2:?usage: $0 BINARY OUTPUT.tar [TAG] [ARCH]}
arch=${4:-amd64}
[ -x "$binary" ] || { echo "$binary is not an executable file" >&2; exit 1; }
case "$(basename "$binary")" in
  *.dbg) echo "$binary is the symbol file, not the plugin" >&2; exit 1 ;;
esac
tag=${3:-$(env -u VELERO_PLUGIN "$binary" --version | awk '{print $2}' | sed 's/+.*//')}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
layout="$work/layout"

umoci init --layout "$layout" >/dev/null
umoci new --image "$layout:$tag" >/dev/null
umoci unpack --rootless --image "$layout:$tag" "$work/bundle" >/dev/null
install -d -m 0755 "$work/bundle/rootfs/plugins"
install -m 0755 "$binary" "$work/bundle/rootfs/plugins/velero-openshift"
umoci repack --image "$layout:$tag" "$work/bundle" >/dev/null
umoci config --image "$layout:$tag" \
  --os linux --architecture "$arch" \
  --config.user 65532:65532 \
  --config.entrypoint /plugins/velero-openshift --config.entrypoint install --config.entrypoint /target \
  --config.label org.opencontainers.image.title=velero-openshift \
  --config.label "org.opencontainers.image.version=$tag" >/dev/null
umoci gc --layout "$layout" >/dev/null

rm -f "$output"
skopeo copy --quiet "oci:$layout:$tag" "oci-archive:$output:$tag"
echo "$output ($tag, linux/$arch)"
