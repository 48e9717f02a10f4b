#!/usr/bin/env bash
# Proves the plugin image archive made by package-plugin-image.sh: its config (entrypoint, user), a
# payload of exactly one executable file, a push to a registry and back, and the init container's job
# (install into /target as user 65532) performed from the unpacked image.
# Usage: tools/verify-plugin-image.sh ARCHIVE.tar REGISTRY (e.g. 127.0.0.1:5101 from
#        /work/shared/scripts/registry-aio.sh start)
set -euo pipefail
archive=${1:?usage: $0 ARCHIVE.tar REGISTRY}
registry=${2:?usage: $0 ARCHIVE.tar REGISTRY}
work=$(mktemp -d)
chmod 0755 "$work"  # the init container user must reach the unpacked image
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

config=$(skopeo inspect --config "oci-archive:$archive")
echo "$config" | grep -q '"User": "65532:65532"' || fail "user is not 65532:65532"
echo "$config" | tr -d ' \n' | grep -q '"Entrypoint":\["/plugins/velero-openshift","install","/target"\]' || fail "entrypoint"

skopeo copy --quiet "oci-archive:$archive" "oci:$work/layout:image"
umoci unpack --rootless --image "$work/layout:image" "$work/bundle" >/dev/null
chmod 0755 "$work/bundle"  # umoci makes the bundle (not the image's rootfs) private to its user
files=$(cd "$work/bundle/rootfs" && find . -mindepth 1 | sort | tr '\n' ' ')
[ "$files" = "./plugins ./plugins/velero-openshift " ] || fail "payload is: $files"
executables=$(cd "$work/bundle/rootfs" && find . -type f -perm /111 | wc -l)
[ "$executables" = 1 ] || fail "$executables executable files in the payload"
mode=$(stat -c %a "$work/bundle/rootfs/plugins/velero-openshift")
[ "$mode" = 755 ] || fail "mode $mode"

ref="docker://$registry/velero-openshift/plugin:verify"
skopeo copy --quiet --dest-tls-verify=false "oci-archive:$archive" "$ref"
skopeo inspect --tls-verify=false "$ref" | grep -q '"Architecture": "amd64"' || fail "registry copy"
skopeo copy --quiet --src-tls-verify=false "$ref" "oci:$work/pulled:image"

# The init container: entrypoint as user 65532 into an emptyDir-like /target.
install -d -m 0777 "$work/target"
setpriv --reuid 65532 --regid 65532 --clear-groups \
  "$work/bundle/rootfs/plugins/velero-openshift" install "$work/target" >/dev/null
installed=$(stat -c '%a %u' "$work/target/velero-openshift")
[ "$installed" = "755 65532" ] || fail "installed file is $installed"
cmp -s "$work/target/velero-openshift" "$work/bundle/rootfs/plugins/velero-openshift" || fail "installed copy differs"
echo "OK: $archive ($files) pushed to $ref, installs as 65532 with mode 755"
