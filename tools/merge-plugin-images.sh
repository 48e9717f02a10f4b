#!/usr/bin/env bash
# Joins single-architecture plugin image archives (from package-plugin-image.sh) into one OCI archive
# whose TAG is an image index, so one image reference serves linux/amd64 and linux/arm64 nodes.
# Usage: tools/merge-plugin-images.sh OUTPUT.tar TAG ARCHIVE.tar...
# Needs skopeo and python3.
set -euo pipefail
output=${1:?usage: $0 OUTPUT.tar TAG ARCHIVE.tar...}
tag=${2:?usage: $0 OUTPUT.tar TAG ARCHIVE.tar...}
shift 2
[ $# -ge 1 ] || { echo "no archives to merge" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One layout holds every image's blobs; each arrives under a temporary name.
n=0
for archive in "$@"; do
  n=$((n + 1))
  skopeo copy --quiet "oci-archive:$archive" "oci:$work/layout:part-$n"
done

python3 - "$work/layout" "$tag" <<'PY'
import hashlib, json, os, sys
layout, tag = sys.argv[1], sys.argv[2]
def blob(digest):
    algorithm, value = digest.split(":", 1)
    with open(os.path.join(layout, "blobs", algorithm, value), "rb") as f:
        return json.load(f)
index_path = os.path.join(layout, "index.json")
index = json.load(open(index_path))
entries = []
for descriptor in index["manifests"]:
    config = blob(blob(descriptor["digest"])["config"]["digest"])
    entries.append({
        "mediaType": descriptor["mediaType"],
        "digest": descriptor["digest"],
        "size": descriptor["size"],
        "platform": {"architecture": config["architecture"], "os": config["os"]},
    })
architectures = [e["platform"]["architecture"] for e in entries]
if len(set(architectures)) != len(architectures):
    sys.exit(f"two archives for the same architecture: {architectures}")
image_index = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": entries},
                         separators=(",", ":")).encode()
digest = hashlib.sha256(image_index).hexdigest()
with open(os.path.join(layout, "blobs", "sha256", digest), "wb") as f:
    f.write(image_index)
index["manifests"] = [{
    "mediaType": "application/vnd.oci.image.index.v1+json",
    "digest": "sha256:" + digest,
    "size": len(image_index),
    "annotations": {"org.opencontainers.image.ref.name": tag},
}]
json.dump(index, open(index_path, "w"))
print(f"index {tag}: " + ", ".join("linux/" + a for a in architectures))
PY

rm -f "$output"
skopeo copy --quiet --all "oci:$work/layout:$tag" "oci-archive:$output:$tag"
echo "$output"
