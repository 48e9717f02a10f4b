"""A Cinder volume driver for tests that keeps each volume and snapshot as a sparse file.

Cinder's FakeLoggingVolumeDriver stores nothing, so a backup or an image of one of its volumes carries no data
and an attach for cinder-backup fails (it answers "iscsi" with no target). This driver keeps the fake driver's
behaviour for everything else and adds what the backup and image paths need: a file per volume and snapshot, a
"local" connection to it (os-brick reads the path, no root), and image transfers without rootwrap. Importing it
also stops Cinder from probing this host's iSCSI/NVMe initiators: os-brick does that through privsep as root and
fails where no nvme CLI is installed, and a local file connection needs none of it.
Volumes live in <state_path>/file-volumes; a test may write into a volume's file to follow its data through a
backup or an image and back.
"""
import os
import platform
import subprocess
import sys

from oslo_config import cfg

from cinder.image import image_utils
from cinder.tests import fake_driver
from cinder.volume import volume_utils

CONF = cfg.CONF
GiB = 1024 ** 3


def _loopback_connector_properties(multipath=False, enforce_multipath=False):
    return {'platform': platform.machine(), 'os_type': sys.platform, 'ip': CONF.my_ip, 'host': CONF.host,
            'multipath': False, 'do_local_attach': False}


volume_utils.brick_get_connector_properties = _loopback_connector_properties


class FileVolumeDriver(fake_driver.FakeLoggingVolumeDriver):
    def _directory(self):
        path = os.path.join(CONF.state_path, 'file-volumes')
        os.makedirs(path, exist_ok=True)
        return path

    def local_path(self, volume, vg=None):
        return os.path.join(self._directory(), 'volume-%s' % volume['id'])

    def _snapshot_path(self, snapshot):
        return os.path.join(self._directory(), 'snapshot-%s' % snapshot['id'])

    @staticmethod
    def _sparse_copy(source, target, size_gb):
        if os.path.exists(source):
            subprocess.run(['cp', '--sparse=always', source, target], check=True)
        with open(target, 'ab') as f:
            f.truncate(max(os.path.getsize(target), size_gb * GiB))

    @staticmethod
    def _remove(path):
        if os.path.exists(path):
            os.remove(path)

    @volume_utils.trace_method
    def create_volume(self, volume):
        update = super().create_volume(volume)
        with open(self.local_path(volume), 'wb') as f:
            f.truncate(volume['size'] * GiB)
        return update

    @volume_utils.trace_method
    def delete_volume(self, volume):
        self._remove(self.local_path(volume))

    @volume_utils.trace_method
    def create_snapshot(self, snapshot):
        self._sparse_copy(self.local_path(snapshot.volume), self._snapshot_path(snapshot), snapshot['volume_size'])

    @volume_utils.trace_method
    def delete_snapshot(self, snapshot):
        self._remove(self._snapshot_path(snapshot))

    @volume_utils.trace_method
    def create_cloned_volume(self, volume, src_vref):
        self._sparse_copy(self.local_path(src_vref), self.local_path(volume), volume['size'])

    @volume_utils.trace_method
    def create_volume_from_snapshot(self, volume, snapshot):
        self._sparse_copy(self._snapshot_path(snapshot), self.local_path(volume), volume['size'])

    def validate_connector(self, connector):
        """A local file needs no initiator (LVM's check asks for an iSCSI one)."""

    @volume_utils.trace_method
    def initialize_connection(self, volume, connector):
        return {'driver_volume_type': 'local', 'data': {'device_path': self.local_path(volume), 'access_mode': 'rw'}}

    @volume_utils.trace_method
    def initialize_connection_snapshot(self, snapshot, connector):
        return {'driver_volume_type': 'local', 'data': {'device_path': self._snapshot_path(snapshot), 'access_mode': 'ro'}}

    def copy_image_to_volume(self, context, volume, image_service, image_id):
        # LVM's version runs qemu-img through rootwrap (sudo); the files here belong to this process.
        image_utils.fetch_to_raw(context, image_service, image_id, self.local_path(volume),
                                 self.configuration.volume_dd_blocksize, size=volume['size'], run_as_root=False)

    def copy_volume_to_image(self, context, volume, image_service, image_meta):
        image_utils.upload_volume(context, image_service, image_meta, self.local_path(volume), run_as_root=False)

    def extend_volume(self, volume, new_size):
        with open(self.local_path(volume), 'ab') as f:
            f.truncate(new_size * GiB)

