#!/usr/bin/env bash
# Cinder with a backup service and Glance beside it, plus Manila, on loopback, for the tests of the Cinder
# `backup` and `image` methods. Builds on ../shared/scripts/openstack-volume-aio.sh (one process for Cinder, one
# for Manila, fake:/ messaging) and changes only Cinder's side:
#   - cinder-backup runs in the Cinder process, with the POSIX backup driver writing to a directory;
#   - volumes are sparse files (tests/Servers/file_volume_driver.py), so backups and images carry real data;
#   - Cinder uploads images to, and creates volumes from, a Glance API on 127.0.0.1:9292 (file store, sqlite).
# Keystone (keystone-aio.sh) must run: everything here validates tokens against it.
#
# Usage: block-storage-aio.sh start|stop|status|register|clean
#   register: volumev3 + sharev2 (the shared script) and image (Glance) in Keystone's catalog.
# Tunables: those of openstack-volume-aio.sh, GLANCE_AIO_PORT (9292).
set -o pipefail

_bsaio_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
_bsaio_shared="${SHARED_SCRIPTS:-$_bsaio_here/../../../shared/scripts}"
export OPENSTACK_AIO_AUTH=keystone
# shellcheck source=/dev/null
source "$_bsaio_shared/openstack-volume-aio.sh"
GLANCE_AIO_PORT="${GLANCE_AIO_PORT:-9292}"
_bsaio_glance_dir="$OPENSTACK_AIO_DIR/glance"
_bsaio_marker="# block-storage-aio: backup service, file volumes, glance"

_bsaio_install() {
  [ "${OPENSTACK_AIO_NO_INSTALL:-0}" = 1 ] && return 0
  local need=()
  command -v glance-api >/dev/null || need+=(glance-api)
  [ -x /usr/bin/cinder-backup ] || need+=(cinder-backup)
  command -v qemu-img >/dev/null || need+=(qemu-utils)
  if [ ${#need[@]} -gt 0 ]; then
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${need[@]}"
  fi
}

# The shared script rewrites cinder.conf and its launcher on every start; extend both after it.
eval "$(declare -f _ovaio_write_cinder | sed '1s/_ovaio_write_cinder/_bsaio_shared_write_cinder/')"
_ovaio_write_cinder() {
  _bsaio_shared_write_cinder || return 1
  local d="$OPENSTACK_AIO_DIR/cinder"
  cp "$_bsaio_here/file_volume_driver.py" "$d/file_volume_driver.py"
  /usr/bin/python3 - "$d/cinder.conf" "$d" "$GLANCE_AIO_PORT" "$_bsaio_marker" <<'EOF' || return 1
import sys
path, d, glance_port, marker = sys.argv[1:]
text = open(path).read()
extra = "\n".join([
    marker,
    "backup_driver = cinder.backup.drivers.posix.PosixBackupDriver",
    "backup_posix_path = %s/backups" % d,
    "glance_api_servers = http://127.0.0.1:%s" % glance_port,
    "enable_force_upload = true",
    "image_conversion_dir = %s/conversion" % d,
])
text = text.replace("[DEFAULT]\n", "[DEFAULT]\n" + extra + "\n", 1)
text = text.replace("volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver",
                    "volume_driver = file_volume_driver.FileVolumeDriver")
open(path, "w").write(text)
EOF
  /usr/bin/python3 - "$d/cinder_aio.py" <<'PY' || return 1
import sys
path = sys.argv[1]
text = open(path).read()
if "cinder-backup" not in text:
    # Cinder keeps the id of "its" service row in a class attribute, so in one process every service's heartbeat
    # updated the row of the service started last and the others went "down" (the scheduler then drops the
    # volume backend). Each heartbeat here first points the attribute at its own row.
    heartbeat = (
        "    own_report_state = service.Service.report_state\n"
        "    def report_own_state(self):\n"
        "        service.Service.service_id = self.origin_service_id\n"
        "        own_report_state(self)\n"
        "    service.Service.report_state = report_own_state\n")
    text = text.replace("    launcher = os_service.ServiceLauncher(", heartbeat + "    launcher = os_service.ServiceLauncher(", 1)
    # As cinder/cmd/backup.py launches it in single-process mode (no limit on concurrent operations).
    backup = ("    launcher.launch_service(service.Service.create(binary='cinder-backup', coordination=True, "
              "service_name='backup', process_number=1, semaphore=utils.semaphore_factory(0, 1)))\n")
    text = text.replace("    launcher.wait()", backup + "    launcher.wait()", 1)
    open(path, "w").write(text)
PY
  grep -q "cinder-backup" "$d/cinder_aio.py"
}

_bsaio_glance_conf() {
  local d="$_bsaio_glance_dir" base="${KEYSTONE_AIO_URL%/v3}"
  mkdir -p "$d/images" "$d/staging" "$d/tasks" "$d/lock" "$d/log" "$d/run"
  cat > "$d/glance-api.conf" <<EOF
[DEFAULT]
bind_host = $_OS_HOST
bind_port = $GLANCE_AIO_PORT
workers = 1
enabled_backends = file:file
use_stderr = true
debug = false
image_cache_dir = $d/cache
[database]
connection = sqlite:///$d/glance.db
[glance_store]
default_backend = file
[file]
filesystem_store_datadir = $d/images
[os_glance_staging_store]
filesystem_store_datadir = $d/staging
[os_glance_tasks_store]
filesystem_store_datadir = $d/tasks
[oslo_concurrency]
lock_path = $d/lock
[paste_deploy]
flavor = keystone
config_file = /etc/glance/glance-api-paste.ini
[keystone_authtoken]
www_authenticate_uri = $base
auth_url = $base
auth_type = password
project_domain_id = default
user_domain_id = default
project_name = service
username = swift
password = swiftpass
EOF
  if [ ! -f "$d/glance.db" ]; then
    glance-manage --config-file "$d/glance-api.conf" db_sync >"$d/log/db-sync.log" 2>&1 || { tail -20 "$d/log/db-sync.log" >&2; return 1; }
  fi
}

_bsaio_glance_start() {
  local d="$_bsaio_glance_dir" i
  _bsaio_glance_conf || return 1
  if ! _ovaio_alive "$d/run/glance.pid"; then
    setsid glance-api --config-file "$d/glance-api.conf" >"$d/log/glance.log" 2>&1 < /dev/null &
    echo $! > "$d/run/glance.pid"
  fi
  for i in $(seq 1 150); do curl -s -o /dev/null "http://$_OS_HOST:$GLANCE_AIO_PORT/" && break; sleep 0.2; done
  curl -s -o /dev/null "http://$_OS_HOST:$GLANCE_AIO_PORT/" || { echo "glance: API did not come up" >&2; tail -30 "$d/log/glance.log" >&2; return 1; }
  echo "glance: up at http://$_OS_HOST:$GLANCE_AIO_PORT (auth: keystone)"
}

_bsaio_kill() { # pid file
  local pid i
  _ovaio_alive "$1" || { rm -f "$1"; return 0; }
  pid="$(cat "$1")"; kill -TERM "$pid" 2>/dev/null
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  rm -f "$1"
}

block_storage_aio_start() {
  _bsaio_install || return 1
  # A Cinder started by the shared script alone has neither the backup service nor file volumes: restart it.
  if _ovaio_alive "$OPENSTACK_AIO_DIR/cinder/run/cinder.pid" && ! grep -qF "$_bsaio_marker" "$OPENSTACK_AIO_DIR/cinder/cinder.conf"; then
    _bsaio_kill "$OPENSTACK_AIO_DIR/cinder/run/cinder.pid"
  fi
  _bsaio_glance_start || return 1
  openstack_volume_aio_start all
}

block_storage_aio_stop() {
  openstack_volume_aio_stop >/dev/null
  _bsaio_kill "$_bsaio_glance_dir/run/glance.pid"
  echo "block-storage-aio: stopped"
}

block_storage_aio_status() {
  openstack_volume_aio_status
  if _ovaio_alive "$_bsaio_glance_dir/run/glance.pid"; then echo "glance: running (pid $(cat "$_bsaio_glance_dir/run/glance.pid"))"; else echo "glance: stopped"; fi
}

block_storage_aio_register() {
  openstack_volume_aio_register || return 1
  local os=(env -u OS_CLOUD OS_AUTH_URL="$KEYSTONE_AIO_URL" OS_IDENTITY_API_VERSION=3 OS_USERNAME=admin
            OS_PASSWORD="${KEYSTONE_AIO_ADMIN_PASSWORD:-admin}" OS_PROJECT_NAME=admin
            OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default openstack)
  local url="http://$_OS_HOST:$GLANCE_AIO_PORT" iface
  "${os[@]}" service show glance >/dev/null 2>&1 || "${os[@]}" service create --name glance image >/dev/null || return 1
  if [ -z "$("${os[@]}" endpoint list --service glance -f value -c ID 2>/dev/null)" ]; then
    for iface in public internal admin; do
      "${os[@]}" endpoint create --region RegionOne glance $iface "$url" >/dev/null || return 1
    done
  fi
  echo "registered image -> $url"
}

block_storage_aio_clean() { block_storage_aio_stop >/dev/null; rm -rf "$OPENSTACK_AIO_DIR"; }

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-start}" in
    start) block_storage_aio_start ;;
    stop) block_storage_aio_stop ;;
    status) block_storage_aio_status ;;
    register) block_storage_aio_register ;;
    clean) block_storage_aio_clean ;;
    *) echo "usage: $0 start|stop|status|register|clean" >&2; exit 2 ;;
  esac
fi
