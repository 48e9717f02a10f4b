BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:sample = [System.IO.Path]::GetFullPath("$PSScriptRoot/../../examples/openshift-shop-backup.tar.gz")
    $script:targetCluster = [System.IO.Path]::GetFullPath("$PSScriptRoot/../../examples/target-cluster")
    $script:mapping = @{ shop = 'shop-restored' }
    $script:errorIdSuffix = 'VeleroOpenShift.Cmdlets.Commands.Transform.InvokeRestoreTransformCommand'
    $script:configMap = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"shop","uid":"0a1b"},"data":{"mode":"prod"}}'
}

Describe 'Invoke-RestoreTransform' {
    Context 'pods of the sample backup, restored into shop-restored with the target cluster objects' {
        BeforeAll {
            $script:pods = @(Get-VeleroBackupItem -LiteralPath $sample -Kind Pod |
                    Invoke-RestoreTransform -NamespaceMapping $mapping -ClusterObjectPath $targetCluster -ErrorVariable podErrors)
            $script:pod = $pods | Where-Object Name -EQ 'frontend-1-x7k2p'
            $script:buildPod = $pods | Where-Object Name -EQ 'frontend-1-build'
        }

        It 'returns one typed result per pod and no error' {
            $pods | Should -HaveCount 5
            $pods[0] | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.VeleroItemTransform'
            $podErrors | Should -HaveCount 0
        }

        It 'moves a restored pod into the mapped namespace and keeps where it came from' {
            $pod.Namespace | Should -BeExactly 'shop-restored'
            $pod.Item['metadata']['namespace'].GetValue[string]() | Should -BeExactly 'shop-restored'
            $pod.Source | Should -BeExactly 'Pod/shop/frontend-1-x7k2p'
            $pod.ToString() | Should -BeExactly 'Pod/shop-restored/frontend-1-x7k2p'
        }

        It 'runs the common and the pod restore actions, in registration order' {
            $pod.AppliedActions | Should -Be @('openshift.io/01-common-restore-plugin', 'openshift.io/07-pod-restore-plugin')
            $pod.Changed | Should -BeTrue
            $pod.SkipRestore | Should -BeFalse
        }

        It 'swaps the old dockercfg pull secret for the one the target service account has' {
            $pod.Item['spec']['imagePullSecrets'][0]['name'].GetValue[string]() | Should -BeExactly 'default-dockercfg-9vwtz'
            $podAction = $pod.Changes | Where-Object Plugin -EQ 'openshift.io/07-pod-restore-plugin'
            $podAction.ChangedPaths | Should -Be @('spec.containers[0].image', 'spec.imagePullSecrets[0].name')
            $commonAction = $pod.Changes | Where-Object Plugin -EQ 'openshift.io/01-common-restore-plugin'
            $commonAction.ChangedPaths | Should -Contain 'metadata.annotations.openshift.io/restore-server-version'
        }

        It 'records the restore cluster version and registry assumed offline: 1.29 and OpenShift 4''s registry' {
            $pod.Item['metadata']['annotations']['openshift.io/restore-server-version'].GetValue[string]() | Should -BeExactly '1.29'
            $pod.Item['metadata']['annotations']['openshift.io/restore-registry-hostname'].GetValue[string]() | Should -BeExactly 'image-registry.openshift-image-registry.svc:5000'
        }

        It 'moves an internal image reference into the mapped namespace' {
            $pod.Item['spec']['containers'][0]['image'].GetValue[string]() |
                Should -BeExactly 'image-registry.openshift-image-registry.svc:5000/shop-restored/frontend@sha256:5f0c0a3c29b4f1a8d0f9b3c1e7a2d4e6f8091a2b3c4d5e6f708192a3b4c5d6e7'
        }

        It 'leaves internal image references alone when told the cluster has no registry' {
            $noRegistry = Get-VeleroBackupItem -LiteralPath $sample -Kind Pod -Name frontend-1-x7k2p |
                Invoke-RestoreTransform -NamespaceMapping $mapping -ClusterObjectPath $targetCluster -RegistryHostname ''
            $noRegistry.Item['spec']['containers'][0]['image'].GetValue[string]() | Should -Match '/shop/frontend@sha256:'
        }

        It 'resets what the API server owns before the actions run' {
            $pod.Item['metadata'].ContainsKey('uid') | Should -BeFalse
            $pod.Item['metadata'].ContainsKey('resourceVersion') | Should -BeFalse
            $pod.Item.ContainsKey('status') | Should -BeFalse
        }

        It 'skips the build pod, stops at the action that skipped it, and does not map its namespace' {
            $buildPod.SkipRestore | Should -BeTrue
            $buildPod.Namespace | Should -BeExactly 'shop'
            $buildPod.Changes[-1].Plugin | Should -BeExactly 'openshift.io/07-pod-restore-plugin'
            $buildPod.Changes[-1].SkipRestore | Should -BeTrue
        }

        It 'skips the pods a controller recreates' {
            @($pods | Where-Object SkipRestore).Name | Should -Be @('api-6d9f7c8b5-q2w3e', 'frontend-1-build')
        }
    }

    Context 'without the cluster facts an action needs' {
        It 'reports a pod whose target namespace the offline cluster lacks, names the pod, and goes on' {
            $results = @(Get-VeleroBackupItem -LiteralPath $sample -Kind Pod |
                    Invoke-RestoreTransform -NamespaceMapping $mapping -ErrorVariable failures -ErrorAction SilentlyContinue)
            $results.Name | Should -Be @('api-6d9f7c8b5-q2w3e', 'frontend-1-build')
            $failures | Should -HaveCount 3
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "ClusterLookupFailed,$errorIdSuffix"
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures.TargetObject | Should -Be @('Pod/shop/frontend-1-b9m4q', 'Pod/shop/frontend-1-deploy', 'Pod/shop/frontend-1-x7k2p')
            $failures[0].Exception.Message | Should -Match 'namespaces/shop-restored: not found'
        }

        It 'restores the same pod once the target Namespace is given as a cluster object' {
            $namespace = @{ apiVersion = 'v1'; kind = 'Namespace'; metadata = @{ name = 'shop-restored' } }
            $result = Get-VeleroBackupItem -LiteralPath $sample -Kind Pod -Name frontend-1-x7k2p |
                Invoke-RestoreTransform -NamespaceMapping $mapping -ClusterObject $namespace -ErrorVariable failures
            $failures | Should -HaveCount 0
            $result.Namespace | Should -BeExactly 'shop-restored'
        }
    }

    Context 'item input' {
        It 'maps a Namespace object of the backup to its new name' {
            $namespace = Get-VeleroBackupItem -LiteralPath $sample -Kind Namespace | Invoke-RestoreTransform -NamespaceMapping $mapping
            $namespace.Name | Should -BeExactly 'shop-restored'
            $namespace.Namespace | Should -BeNullOrEmpty
            $namespace.Source | Should -BeExactly 'Namespace/shop'
            $namespace.AppliedActions | Should -HaveCount 0
        }

        It 'takes a hashtable and clears the generated host of a route' {
            $route = @{
                apiVersion = 'route.openshift.io/v1'; kind = 'Route'
                metadata   = @{ name = 'frontend'; namespace = 'shop'; annotations = @{ 'openshift.io/host.generated' = 'true' } }
                spec       = @{ host = 'frontend-shop.apps.source.example.com'; to = @{ kind = 'Service'; name = 'frontend' } }
            }
            $result = $route | Invoke-RestoreTransform -NamespaceMapping $mapping
            $result.Item['spec'].ContainsKey('host') | Should -BeFalse
            $result.Changes[0].ChangedPaths | Should -Be @('spec.host')
            $result.Namespace | Should -BeExactly 'shop-restored'
        }

        It 'keeps the host of a route whose host was set by hand' {
            $route = Get-VeleroBackupItem -LiteralPath $sample -Kind Route -Name api | Invoke-RestoreTransform -NamespaceMapping $mapping
            $route.Item['spec']['host'].GetValue[string]() | Should -BeExactly 'api.shop.example.com'
            $route.Changed | Should -BeFalse
        }

        It 'takes JSON text and transforms every item of a List, as oc get -o json writes it' {
            $list = '{"apiVersion":"v1","kind":"List","items":[' + $configMap + ',{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"},"spec":{"ports":[{"port":80}]}}]}'
            $results = @($list | Invoke-RestoreTransform -NamespaceMapping $mapping)
            ($results | ForEach-Object { $_.ToString() }) | Should -Be @('ConfigMap/shop-restored/settings', 'Service/shop-restored/web')
            $results[0].Item['metadata'].ContainsKey('uid') | Should -BeFalse
        }

        It 'takes an array given to -Item as its items, as if piped' {
            $routes = @(Get-VeleroBackupItem -LiteralPath $sample -Kind Route)
            $results = @(Invoke-RestoreTransform $routes -NamespaceMapping $mapping)
            ($results | ForEach-Object { $_.ToString() }) | Should -Be @('Route/shop-restored/api', 'Route/shop-restored/frontend')
        }

        It 'reports a bad element of an array given to -Item alone' {
            $results = @(Invoke-RestoreTransform -Item @($configMap, 'not json') -ErrorVariable failures -ErrorAction SilentlyContinue)
            $results | Should -HaveCount 1
            $failures | Should -HaveCount 1
            $failures[0].TargetObject | Should -BeExactly 'not json'
        }

        It 'reports inputs that are not Kubernetes objects as InvalidItem and goes on with the next' {
            $results = @('[1,2]', 42, '{"kind":', $configMap | Invoke-RestoreTransform -ErrorVariable failures -ErrorAction SilentlyContinue)
            $results | Should -HaveCount 1
            $results[0].Name | Should -BeExactly 'settings'
            $failures | Should -HaveCount 3
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "InvalidItem,$errorIdSuffix"
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $failures.TargetObject | Should -Be @('[1,2]', 42, '{"kind":')
        }
    }

    Context 'files' {
        BeforeAll {
            $script:folder = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'restore-transform-' + [guid]::NewGuid().ToString('N'))
            $null = [System.IO.Directory]::CreateDirectory($folder)
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($folder, 'settings.json'), $configMap)
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($folder, 'list.json'), '{"kind":"List","apiVersion":"v1","items":[{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"shop"}}]}')
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($folder, 'broken[1].json'), '{ not json')
        }

        AfterAll {
            [System.IO.Directory]::Delete($folder, $true)
        }

        It 'reads every file a -Path wildcard matches, one item or a List each' {
            $results = @(Invoke-RestoreTransform -Path ([System.IO.Path]::Combine($folder, '*s*.json')) -NamespaceMapping $mapping -ErrorVariable failures)
            $failures | Should -HaveCount 0
            # The provider returns the matches in file-name order: list.json, then settings.json.
            ($results | ForEach-Object { $_.ToString() }) | Should -Be @('Secret/shop-restored/db', 'ConfigMap/shop-restored/settings')
        }

        It 'reads a -LiteralPath as written and reports a broken file naming it' {
            $broken = [System.IO.Path]::Combine($folder, 'broken[1].json')
            Invoke-RestoreTransform -LiteralPath $broken -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "InvalidItem,$errorIdSuffix"
            $failures[0].TargetObject | Should -BeExactly $broken
        }

        It 'names the failing item of a List file, not the file' {
            $file = [System.IO.Path]::Combine($folder, 'workload.json')
            [System.IO.File]::WriteAllText($file, '{"kind":"List","apiVersion":"v1","items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop","annotations":{"oadp.openshift.io/includes-dm-dc-fix":"true"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}]}')
            Invoke-RestoreTransform -LiteralPath $file -NamespaceMapping $mapping -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "ClusterLookupFailed,$errorIdSuffix"
            $failures[0].TargetObject | Should -BeExactly 'Pod/shop/web'
        }

        It 'reports a file that does not exist as PathNotFound' {
            $missing = [System.IO.Path]::Combine($folder, 'missing.json')
            Invoke-RestoreTransform -LiteralPath $missing -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "PathNotFound,$errorIdSuffix"
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -BeExactly $missing
        }
    }

    Context '-Plugin' {
        It 'runs only the named action' {
            $pod = Get-VeleroBackupItem -LiteralPath $sample -Kind Pod -Name frontend-1-x7k2p |
                Invoke-RestoreTransform -Plugin 'openshift.io/07-pod-restore-plugin' -NamespaceMapping $mapping -ClusterObjectPath $targetCluster
            $pod.AppliedActions | Should -Be @('openshift.io/07-pod-restore-plugin')
            $pod.Item['metadata']['annotations'].ContainsKey('openshift.io/restore-server-version') | Should -BeFalse
            $pod.Item['spec']['imagePullSecrets'][0]['name'].GetValue[string]() | Should -BeExactly 'default-dockercfg-9vwtz'
        }

        It 'refuses a name that is not a registered restore action' -ForEach @(
            @{ name = 'openshift.io/07-pod-restore' }
            @{ name = 'openshift.io/07-pod-backup-plugin' }
        ) {
            { $configMap | Invoke-RestoreTransform -Plugin $name } | Should -Throw -ErrorId "PluginNotFound,$errorIdSuffix"
        }
    }

    Context 'the Restore, given whole or built' {
        BeforeAll {
            $script:restore = @{
                apiVersion = 'velero.io/v1'; kind = 'Restore'
                metadata   = @{ name = 'shop-to-dr'; namespace = 'velero' }
                spec       = @{ backupName = 'nightly-shop'; namespaceMapping = @{ shop = 'shop-dr' } }
            }
        }

        It 'takes the namespace mapping of a Restore given whole' {
            $result = $configMap | Invoke-RestoreTransform -Restore $restore
            $result.Namespace | Should -BeExactly 'shop-dr'
        }

        It 'takes a Restore given as JSON text' {
            $json = '{"apiVersion":"velero.io/v1","kind":"Restore","metadata":{"name":"r","namespace":"openshift-adp"},"spec":{"backupName":"b","namespaceMapping":{"shop":"shop-json"}}}'
            ($configMap | Invoke-RestoreTransform -Restore $json).Namespace | Should -BeExactly 'shop-json'
        }

        It 'finds the Backup of a whole Restore offline, in the Restore''s own namespace' {
            $stream = Get-VeleroBackupItem -LiteralPath $sample -Kind ImageStream -Name frontend |
                Invoke-RestoreTransform -Restore $restore -ErrorVariable failures
            $failures | Should -HaveCount 0
            $stream.ToString() | Should -BeExactly 'ImageStream/shop-dr/frontend'
            $stream.AppliedActions | Should -Contain 'openshift.io/19-is-restore-plugin'
        }

        It 'builds a Restore that reads a Backup given whole, under its name and namespace' {
            $backup = @{ apiVersion = 'velero.io/v1'; kind = 'Backup'; metadata = @{ name = 'nightly-shop'; namespace = 'velero' } }
            $stream = Get-VeleroBackupItem -LiteralPath $sample -Kind ImageStream -Name frontend |
                Invoke-RestoreTransform -Backup $backup -NamespaceMapping $mapping -ErrorVariable failures
            $failures | Should -HaveCount 0
            $stream.ToString() | Should -BeExactly 'ImageStream/shop-restored/frontend'
        }

        It 'refuses -Restore mixed with <parameter>' -ForEach @(
            @{ parameter = 'NamespaceMapping'; value = @{ shop = 'x' } }
            @{ parameter = 'RestoreName'; value = 'other' }
            @{ parameter = 'Workflow'; value = 'Migration' }
            @{ parameter = 'MigrationRegistry'; value = 'registry.example.com' }
        ) {
            $extra = @{ $parameter = $value }
            { $configMap | Invoke-RestoreTransform -Restore $restore @extra } | Should -Throw -ErrorId "InvalidArgument,$errorIdSuffix" -ExpectedMessage '*Use one way*'
        }

        It 'refuses a Restore that is not an object' {
            { $configMap | Invoke-RestoreTransform -Restore '[]' } | Should -Throw -ErrorId "InvalidItem,$errorIdSuffix"
        }
    }

    Context '-Workflow Migration' {
        BeforeAll {
            $script:claim = Get-VeleroBackupItem -LiteralPath $sample -Kind PersistentVolumeClaim
        }

        It 'keeps the selected-node annotation of a claim in a plain OADP restore' {
            $result = $claim | Invoke-RestoreTransform
            $result.Item['metadata']['annotations']['volume.kubernetes.io/selected-node'].GetValue[string]() | Should -BeExactly 'worker-2.source.example.com'
            $result.Changed | Should -BeFalse
        }

        It 'removes the selected-node annotation, which names a source node, in a migration' {
            $result = $claim | Invoke-RestoreTransform -Workflow Migration
            $result.Item['metadata']['annotations'].ContainsKey('volume.kubernetes.io/selected-node') | Should -BeFalse
            ($result.Changes | Where-Object Plugin -EQ 'openshift.io/04-pvc-restore-plugin').ChangedPaths | Should -Be @('metadata.annotations.volume.kubernetes.io/selected-node')
        }

        It 'needs -MigrationRegistry for an image stream with internal images' {
            $stream = Get-VeleroBackupItem -LiteralPath $sample -Kind ImageStream -Name frontend
            $stream | Invoke-RestoreTransform -Workflow Migration -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "InvalidConfiguration,$errorIdSuffix"
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].TargetObject | Should -BeExactly 'ImageStream/shop/frontend'
        }

        It 'reports the image copy a migration restore would need as not available' {
            $stream = Get-VeleroBackupItem -LiteralPath $sample -Kind ImageStream -Name frontend
            $stream | Invoke-RestoreTransform -Workflow Migration -MigrationRegistry 'registry.example.com' -RegistryHostname 'image-registry.openshift-image-registry.svc:5000' -ErrorVariable failures -ErrorAction SilentlyContinue |
                Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "ImageCopyNotAvailable,$errorIdSuffix"
            $failures[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        }
    }

    Context 'where cluster facts come from' {
        It 'refuses -Kubeconfig together with offline values' {
            { $configMap | Invoke-RestoreTransform -Kubeconfig '/nonexistent/kubeconfig' -ServerVersion '1.29' } | Should -Throw -ErrorId "InvalidArgument,$errorIdSuffix" -ExpectedMessage '*cannot be combined*'
        }

        It 'stops before any item when the -Kubeconfig file does not exist' {
            { $configMap, $configMap | Invoke-RestoreTransform -Kubeconfig '/nonexistent/kubeconfig' } |
                Should -Throw -ErrorId "PathNotFound,$errorIdSuffix" -ExpectedMessage '*/nonexistent/kubeconfig*'
        }

        It 'refuses -Context without -Kubeconfig' {
            { $configMap | Invoke-RestoreTransform -Context 'admin' } | Should -Throw -ErrorId "InvalidArgument,$errorIdSuffix"
        }

        It 'refuses a server version that is not major.minor' {
            { $configMap | Invoke-RestoreTransform -ServerVersion 'v4.16' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }
    }
}
