#!/usr/bin/env bash
# Packages what ships, into artifacts/ (build.ps1 Package calls this; it needs no PowerShell):
#   artifacts/plugin/linux-x64/velero-openshift       Native AOT plugin executable (the .dbg stays behind)
#   artifacts/velero-openshift-<version>-amd64.oci.tar OCI image archive for `velero plugin add`
#   artifacts/VeleroOpenShift-<version>.tar.gz         the staged PowerShell module (output/VeleroOpenShift/<version>)
# The image step needs umoci and skopeo (Debian packages); it installs them when run as root.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configuration=Release
while [ $# -gt 0 ]; do
    case "$1" in
        --configuration|-c) configuration="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

artifacts="$root/artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts/plugin/linux-x64"

dotnet publish "$root/src/PluginShim" -r linux-x64 -c "$configuration" -o "$artifacts/publish/linux-x64" -nologo
install -m 0755 "$artifacts/publish/linux-x64/velero-openshift" "$artifacts/plugin/linux-x64/velero-openshift"
version="$(env -u VELERO_PLUGIN "$artifacts/plugin/linux-x64/velero-openshift" --version | awk '{print $2}' | sed 's/+.*//')"

if ! command -v umoci >/dev/null || ! command -v skopeo >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends umoci skopeo >/dev/null
    else
        echo "the image needs umoci and skopeo: apt-get install -y umoci skopeo" >&2
        exit 1
    fi
fi
bash "$root/tools/package-plugin-image.sh" "$artifacts/plugin/linux-x64/velero-openshift" "$artifacts/velero-openshift-$version-amd64.oci.tar" "$version" amd64

dotnet build "$root/src/VeleroOpenShift.Cmdlets" -c "$configuration" -nologo -clp:ErrorsOnly
tar -C "$root/output" -czf "$artifacts/VeleroOpenShift-$version.tar.gz" VeleroOpenShift
rm -rf "$artifacts/publish"
ls -l "$artifacts" "$artifacts/plugin/linux-x64"
