BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:sample = [System.IO.Path]::GetFullPath("$PSScriptRoot/../../examples/openshift-shop-backup.tar.gz")
    $script:errorIdSuffix = 'VeleroOpenShift.Cmdlets.Commands.Transform.InvokeBackupTransformCommand'
    $script:registry = 'image-registry.openshift-image-registry.svc:5000'
    $script:pod = @{
        apiVersion = 'v1'; kind = 'Pod'
        metadata   = @{ name = 'web-1'; namespace = 'shop'; annotations = @{ 'openshift.io/scc' = 'restricted-v2' } }
        spec       = @{ serviceAccountName = 'default'; containers = @(@{ name = 'web'; image = 'nginx' }) }
    }
    $script:scc = '{"apiVersion":"security.openshift.io/v1","kind":"SecurityContextConstraints","metadata":{"name":"restricted-v2"}}'
    $script:configMap = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"shop"},"data":{"mode":"prod"}}'
}

Describe 'Invoke-BackupTransform' {
    BeforeAll {
        $script:volume = Get-VeleroBackupItem -LiteralPath $sample -Kind PersistentVolume
        # The volume as the cluster has it, marked by the migration controller to be moved.
        $live = $volume.Item.DeepClone()
        $live['metadata']['annotations']['openshift.io/migrate-type'] = 'move'
        $script:liveVolume = $live.ToJsonString()
        $script:pvPlugin = 'openshift.io/03-pv-backup-plugin'
    }

    Context 'a deployment config read from a cluster' {
        BeforeAll {
            $script:dc = Get-VeleroBackupItem -LiteralPath $sample -Kind DeploymentConfig |
                Invoke-BackupTransform -RegistryHostname $registry -ServerVersion '1.31'
        }

        It 'returns a typed result that is never skipped' {
            $dc | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.VeleroItemTransform'
            $dc.ToString() | Should -BeExactly 'DeploymentConfig/shop/frontend'
            $dc.SkipRestore | Should -BeFalse
        }

        It 'runs the common and the deployment config backup actions, in order' {
            $dc.AppliedActions | Should -Be @('openshift.io/01-common-backup-plugin', 'openshift.io/08-deploymentconfig-backup-plugin')
        }

        It 'records the server version and registry given offline' {
            $annotations = $dc.Item['metadata']['annotations']
            $annotations['openshift.io/backup-server-version'].GetValue[string]() | Should -BeExactly '1.31'
            $annotations['openshift.io/backup-registry-hostname'].GetValue[string]() | Should -BeExactly $registry
            $dc.Changes[0].ChangedPaths | Should -Be @('metadata.annotations.openshift.io/backup-server-version')
        }

        It 'marks the deployment config as backed up with the disconnect fix' {
            $dc.Item['metadata']['annotations']['oadp.openshift.io/includes-dm-dc-fix'].GetValue[string]() | Should -BeExactly 'true'
            $dc.Changes[1].ChangedPaths | Should -Contain 'metadata.annotations.oadp.openshift.io/includes-dm-dc-fix'
        }

        It 'keeps the namespace: a backup maps nothing' {
            $dc.Namespace | Should -BeExactly 'shop'
            $dc.Source | Should -BeExactly 'DeploymentConfig/shop/frontend'
        }
    }

    Context 'additional items' {
        It 'asks Velero to back up the SCC a pod ran under when the cluster has it' {
            $result = $pod | Invoke-BackupTransform -ClusterObject $scc -RegistryHostname ''
            $result.AdditionalItems | Should -HaveCount 1
            $result.AdditionalItems[0].Group | Should -BeExactly 'security.openshift.io'
            $result.AdditionalItems[0].Resource | Should -BeExactly 'securitycontextconstraints'
            $result.AdditionalItems[0].Name | Should -BeExactly 'restricted-v2'
            ($result.Changes | Where-Object Plugin -EQ 'openshift.io/07-pod-backup-plugin').AdditionalItems | Should -HaveCount 1
        }

        It 'asks Velero to back up the SCCs that name a service account as a user' {
            $sa = '{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"default","namespace":"shop"}}'
            $anyuid = @{ apiVersion = 'security.openshift.io/v1'; kind = 'SecurityContextConstraints'; metadata = @{ name = 'anyuid' }; users = @('system:serviceaccount:shop:default') }
            $result = $sa | Invoke-BackupTransform -ClusterObject $anyuid, $scc
            $result.AppliedActions | Should -Be @('openshift.io/02-serviceaccount-backup-plugin')
            $result.AdditionalItems.Name | Should -Be @('anyuid')
        }

        It 'backs up the pod without its SCC, and without an error, when the cluster lacks it' {
            $result = $pod | Invoke-BackupTransform -RegistryHostname '' -ErrorVariable failures -WarningVariable warnings
            $result.AdditionalItems | Should -HaveCount 0
            $failures | Should -HaveCount 0
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -Match 'restricted-v2 not found'
        }

        It 'records the registry of OpenShift 4 when none is given, as the command-line preview assumes' {
            $result = $configMap, $pod | Invoke-BackupTransform -ClusterObject $scc -WarningVariable warnings
            $result[1].Item['metadata']['annotations']['openshift.io/backup-registry-hostname'].GetValue[string]() | Should -BeExactly $registry
            $warnings | Should -HaveCount 0
        }

        It 'records an empty registry when told the cluster has none' {
            $result = $pod | Invoke-BackupTransform -RegistryHostname ''
            $result.Item['metadata']['annotations']['openshift.io/backup-registry-hostname'].GetValue[string]() | Should -BeExactly ''
        }
    }

    Context 'item input' {
        It 'takes JSON text and runs only the actions that apply to it' {
            $result = $configMap | Invoke-BackupTransform -RegistryHostname ''
            $result.AppliedActions | Should -Be @('openshift.io/25-configmap-backup-plugin')
        }

        It 'transforms every item of a List' {
            $list = '{"kind":"List","apiVersion":"v1","items":[' + $configMap + ',' + $scc + ']}'
            $results = @($list | Invoke-BackupTransform -RegistryHostname '')
            ($results | ForEach-Object { $_.ToString() }) | Should -Be @('ConfigMap/shop/settings', 'SecurityContextConstraints/restricted-v2')
        }

        It 'reports inputs that are not Kubernetes objects as InvalidItem and goes on with the next' {
            $results = @('[1,2]', 42, $configMap | Invoke-BackupTransform -RegistryHostname '' -ErrorVariable failures -ErrorAction SilentlyContinue)
            $results | Should -HaveCount 1
            $failures | Should -HaveCount 2
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "InvalidItem,$errorIdSuffix"
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $failures.TargetObject | Should -Be @('[1,2]', 42)
        }

        It 'reads items from files given with -LiteralPath' {
            $file = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'backup-transform-' + [guid]::NewGuid().ToString('N') + '.json')
            try {
                [System.IO.File]::WriteAllText($file, $configMap)
                $result = Invoke-BackupTransform -LiteralPath $file -RegistryHostname ''
                $result.ToString() | Should -BeExactly 'ConfigMap/shop/settings'
            }
            finally {
                [System.IO.File]::Delete($file)
            }
        }
    }

    Context '-Workflow Migration on a persistent volume' {
        It 'leaves the volume alone in a plain OADP backup' {
            $result = $volume | Invoke-BackupTransform -Plugin $pvPlugin
            $result.Changed | Should -BeFalse
            $result.Item['spec']['persistentVolumeReclaimPolicy'].GetValue[string]() | Should -BeExactly 'Delete'
        }

        It 'gives a volume to be moved the Retain policy and keeps the old one in an annotation' {
            $result = $volume | Invoke-BackupTransform -Workflow Migration -ClusterObject $liveVolume -Plugin $pvPlugin
            $result.Item['spec']['persistentVolumeReclaimPolicy'].GetValue[string]() | Should -BeExactly 'Retain'
            $result.Item['metadata']['annotations']['migration.openshift.io/orig-reclaim-policy'].GetValue[string]() | Should -BeExactly 'Delete'
            $result.Changes[0].ChangedPaths | Should -Be @('metadata.annotations.migration.openshift.io/orig-reclaim-policy', 'spec.persistentVolumeReclaimPolicy')
        }

        It 'fails offline, naming the volume, when the cluster does not have it' {
            $volume | Invoke-BackupTransform -Workflow Migration -Plugin $pvPlugin -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "ClusterLookupFailed,$errorIdSuffix"
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -BeExactly 'PersistentVolume/pvc-3f6c1e9a-2b7d-4c8e-9f10-a1b2c3d4e5f6'
        }
    }

    Context 'the Backup, given whole or built' {
        It 'sees the migration label of a Backup given whole' {
            $backup = @{
                apiVersion = 'velero.io/v1'; kind = 'Backup'
                metadata   = @{ name = 'stage'; namespace = 'openshift-migration'; labels = @{ 'app.kubernetes.io/part-of' = 'openshift-migration' } }
            }
            $result = $volume | Invoke-BackupTransform -Backup $backup -ClusterObject $liveVolume -Plugin $pvPlugin
            $result.Item['spec']['persistentVolumeReclaimPolicy'].GetValue[string]() | Should -BeExactly 'Retain'
        }

        It 'refuses -Backup mixed with <parameter>' -ForEach @(
            @{ parameter = 'BackupName'; value = 'other' }
            @{ parameter = 'Workflow'; value = 'Migration' }
            @{ parameter = 'MigrationRegistry'; value = 'registry.example.com' }
        ) {
            $extra = @{ $parameter = $value }
            { $configMap | Invoke-BackupTransform -Backup '{"apiVersion":"velero.io/v1","kind":"Backup","metadata":{"name":"b"}}' @extra } |
                Should -Throw -ErrorId "InvalidArgument,$errorIdSuffix" -ExpectedMessage '*Use one way*'
        }
    }

    Context '-Plugin' {
        It 'runs only the named action' {
            $result = $pod | Invoke-BackupTransform -Plugin 'openshift.io/07-pod-backup-plugin' -ClusterObject $scc
            $result.AppliedActions | Should -Be @('openshift.io/07-pod-backup-plugin')
            $result.Item['metadata']['annotations'].ContainsKey('openshift.io/backup-server-version') | Should -BeFalse
        }

        It 'refuses a restore action, which a backup never runs' {
            { $pod | Invoke-BackupTransform -Plugin 'openshift.io/07-pod-restore-plugin' } |
                Should -Throw -ErrorId "PluginNotFound,$errorIdSuffix" -ExpectedMessage '*BackupItemAction plugin: openshift.io/07-pod-restore-plugin was not found*'
        }
    }
}
