BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:sample = [System.IO.Path]::GetFullPath("$PSScriptRoot/../../examples/openshift-shop-backup.tar.gz")
    $script:targetCluster = [System.IO.Path]::GetFullPath("$PSScriptRoot/../../examples/target-cluster")
    $script:mapping = @{ shop = 'shop-restored' }
    $script:errorIdSuffix = 'VeleroOpenShift.Cmdlets.Commands.Transform.InvokeRestorePreviewCommand'
    $script:root = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'restore-preview-' + [guid]::NewGuid().ToString('N'))
    $null = [System.IO.Directory]::CreateDirectory($root)

    # A fresh, absent output folder for each preview.
    function New-OutputPath { [System.IO.Path]::Combine($root, [guid]::NewGuid().ToString('N')) }
    function Get-Manifest ([string] $OutputPath, [string] $Namespace, [string] $Resource, [string] $Name) {
        [System.IO.File]::ReadAllText([System.IO.Path]::Combine($OutputPath, $Namespace, $Resource, "$Name.json"))
    }
}

Describe 'Invoke-RestorePreview' {
    AfterAll {
        [System.IO.Directory]::Delete($root, $true)
    }

    Context 'the sample backup restored into shop-restored, with the target cluster objects' {
        BeforeAll {
            $script:output = New-OutputPath
            $script:preview = Invoke-RestorePreview -LiteralPath $sample -OutputPath $output -NamespaceMapping $mapping -ClusterObjectPath $targetCluster -ErrorVariable previewErrors
        }

        It 'returns one typed summary with the totals of the command-line preview' {
            $preview | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.VeleroRestorePreview'
            $preview.Created | Should -Be 28
            $preview.Changed | Should -Be 14
            $preview.Skipped | Should -Be 8
            $preview.Filtered | Should -Be 1
            $preview.Failed | Should -Be 0
            $preview.Invalid | Should -Be 0
            $previewErrors | Should -HaveCount 0
        }

        It 'names the archive and the folder' {
            $preview.BackupPath | Should -BeExactly $sample
            $preview.OutputPath | Should -BeExactly $output
        }

        It 'counts per kind: skipped pods, the filtered event' {
            $pods = $preview.Kinds | Where-Object Kind -EQ 'Pod'
            $pods.Created | Should -Be 3
            $pods.Changed | Should -Be 3
            $pods.Skipped | Should -Be 2
            ($preview.Kinds | Where-Object Kind -EQ 'Event').Filtered | Should -Be 1
            ($preview.Kinds | Where-Object Kind -EQ 'ImageStreamTag').Skipped | Should -Be 2
            $preview.Kinds | Should -HaveCount 19
        }

        It 'writes one manifest per created item, under the mapped namespace or _cluster' {
            [System.IO.Directory]::GetFiles($output, '*.json', 'AllDirectories') | Should -HaveCount 28
            [System.IO.File]::Exists([System.IO.Path]::Combine($output, '_cluster', 'namespaces', 'shop-restored.json')) | Should -BeTrue
            [System.IO.Directory]::Exists([System.IO.Path]::Combine($output, 'shop')) | Should -BeFalse
        }

        It 'writes a pod as the restore would create it' {
            $pod = Get-Manifest $output 'shop-restored' 'pods' 'frontend-1-x7k2p'
            $pod | Should -Match '"namespace": "shop-restored"'
            $pod | Should -Match '"name": "default-dockercfg-9vwtz"'
            $pod | Should -Not -Match '"uid"'
        }

        It 'writes the manifests the command-line preview writes: internal images in the mapped namespace' {
            Get-Manifest $output 'shop-restored' 'deploymentconfigs.apps.openshift.io' 'frontend' |
                Should -Match '"image": "image-registry.openshift-image-registry.svc:5000/shop-restored/frontend@sha256:5f0c0a3c'
        }

        It 'writes no manifest for a skipped item' {
            [System.IO.File]::Exists([System.IO.Path]::Combine($output, 'shop-restored', 'pods', 'frontend-1-build.json')) | Should -BeFalse
        }
    }

    Context 'without the cluster facts the pod and build actions need' {
        BeforeAll {
            $script:preview = Invoke-RestorePreview -LiteralPath $sample -OutputPath (New-OutputPath) -NamespaceMapping $mapping -ErrorVariable failures -ErrorAction SilentlyContinue
        }

        It 'counts the items whose actions failed and goes on with the rest' {
            $preview.Failed | Should -Be 4
            $preview.Created | Should -Be 24
            ($preview.Kinds | Where-Object Kind -EQ 'Pod').Failed | Should -Be 3
        }

        It 'reports each failure as an error that names the item' {
            $failures | Should -HaveCount 4
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "ClusterLookupFailed,$errorIdSuffix"
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures.TargetObject | Should -Be @('BuildConfig/shop/frontend', 'Pod/shop/frontend-1-b9m4q', 'Pod/shop/frontend-1-deploy', 'Pod/shop/frontend-1-x7k2p')
            $failures[1].Exception.Message | Should -Match 'namespaces/shop-restored: not found'
        }
    }

    Context '-WhatIf and the output folder' {
        It 'writes nothing and returns nothing with -WhatIf' {
            $output = New-OutputPath
            Invoke-RestorePreview -LiteralPath $sample -OutputPath $output -ClusterObjectPath $targetCluster -WhatIf | Should -BeNullOrEmpty
            [System.IO.Directory]::Exists($output) | Should -BeFalse
        }

        It 'refuses a folder that is not empty, naming it, and writes nothing into it' {
            $output = New-OutputPath
            $null = [System.IO.Directory]::CreateDirectory($output)
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($output, 'notes.txt'), 'earlier work')
            $caught = { Invoke-RestorePreview -LiteralPath $sample -OutputPath $output } |
                Should -Throw -ErrorId "OutputPathNotEmpty,$errorIdSuffix" -ExpectedMessage '*use -Force*' -PassThru
            $caught.CategoryInfo.Category | Should -Be 'ResourceExists'
            $caught.TargetObject | Should -BeExactly $output
            [System.IO.Directory]::GetFileSystemEntries($output) | Should -HaveCount 1
        }

        It 'writes into a folder that is not empty with -Force, keeping files it does not replace' {
            $output = New-OutputPath
            $null = [System.IO.Directory]::CreateDirectory($output)
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($output, 'notes.txt'), 'earlier work')
            $preview = Invoke-RestorePreview -LiteralPath $sample -OutputPath $output -Force -NamespaceMapping $mapping -ClusterObjectPath $targetCluster
            $preview.Created | Should -Be 28
            [System.IO.File]::ReadAllText([System.IO.Path]::Combine($output, 'notes.txt')) | Should -BeExactly 'earlier work'
        }

        It 'accepts an empty folder without -Force' {
            $output = New-OutputPath
            $null = [System.IO.Directory]::CreateDirectory($output)
            (Invoke-RestorePreview -LiteralPath $sample -OutputPath $output -ClusterObjectPath $targetCluster -NamespaceMapping $mapping).Created | Should -Be 28
        }
    }

    Context 'the archive path' {
        It 'resolves a -Path wildcard that matches one archive' {
            $pattern = [System.IO.Path]::Combine([System.IO.Path]::GetDirectoryName($sample), 'openshift-shop-*.tar.gz')
            $preview = Invoke-RestorePreview -Path $pattern -OutputPath (New-OutputPath) -NamespaceMapping $mapping -ClusterObjectPath $targetCluster
            $preview.BackupPath | Should -BeExactly $sample
        }

        It 'reports a missing archive as PathNotFound' {
            $missing = [System.IO.Path]::Combine($root, 'nightly.tar.gz')
            { Invoke-RestorePreview -LiteralPath $missing -OutputPath (New-OutputPath) } | Should -Throw -ErrorId "PathNotFound,$errorIdSuffix"
        }
    }

    Context '-Plugin' {
        It 'runs only the route action, so no pod is skipped and none fails without cluster objects' {
            $preview = Invoke-RestorePreview -LiteralPath $sample -OutputPath (New-OutputPath) -Plugin 'openshift.io/05-route-restore-plugin'
            $preview.Created | Should -Be 36
            $preview.Changed | Should -Be 1
            $preview.Skipped | Should -Be 0
            $preview.Failed | Should -Be 0
        }

        It 'refuses a name that is not a registered restore action' {
            { Invoke-RestorePreview -LiteralPath $sample -OutputPath (New-OutputPath) -Plugin 'openshift.io/05-route-plugin' } |
                Should -Throw -ErrorId "PluginNotFound,$errorIdSuffix"
        }
    }

    Context 'the Restore, given whole or built' {
        BeforeAll {
            $script:restore = @{
                apiVersion = 'velero.io/v1'; kind = 'Restore'
                metadata   = @{ name = 'shop-to-dr'; namespace = 'velero' }
                spec       = @{
                    backupName         = 'nightly-shop'
                    includedNamespaces = @('shop')
                    excludedResources  = @('secrets')
                    namespaceMapping   = @{ shop = 'shop-restored' }
                }
            }
        }

        It 'applies the filters of a Restore given whole' {
            $output = New-OutputPath
            $preview = Invoke-RestorePreview -LiteralPath $sample -OutputPath $output -Restore $restore -ClusterObjectPath $targetCluster
            $preview.Filtered | Should -Be 7
            $preview.Created | Should -Be 23
            ($preview.Kinds | Where-Object Kind -EQ 'Secret').Filtered | Should -Be 5
            # A namespace include list leaves out cluster-scoped items except volumes, which follow their claims.
            ($preview.Kinds | Where-Object Kind -EQ 'Namespace').Filtered | Should -Be 1
            ($preview.Kinds | Where-Object Kind -EQ 'PersistentVolume').Created | Should -Be 1
            [System.IO.Directory]::Exists([System.IO.Path]::Combine($output, 'shop-restored', 'secrets')) | Should -BeFalse
        }

        It 'refuses -Restore mixed with -NamespaceMapping' {
            { Invoke-RestorePreview -LiteralPath $sample -OutputPath (New-OutputPath) -Restore $restore -NamespaceMapping $mapping } |
                Should -Throw -ErrorId "InvalidArgument,$errorIdSuffix" -ExpectedMessage '*Use one way*'
        }
    }

    Context '-Workflow Migration' {
        It 'keeps the selected-node annotation of the claim in a plain OADP restore' {
            $output = New-OutputPath
            $null = Invoke-RestorePreview -LiteralPath $sample -OutputPath $output -NamespaceMapping $mapping -ClusterObjectPath $targetCluster
            Get-Manifest $output 'shop-restored' 'persistentvolumeclaims' 'shop-data' | Should -Match 'volume.kubernetes.io/selected-node'
        }

        It 'drops it in a migration, and stops at the image streams whose images would need copying' {
            $output = New-OutputPath
            $preview = Invoke-RestorePreview -LiteralPath $sample -OutputPath $output -NamespaceMapping $mapping -ClusterObjectPath $targetCluster `
                -Workflow Migration -MigrationRegistry 'registry.example.com' -RegistryHostname 'image-registry.openshift-image-registry.svc:5000' `
                -ErrorVariable failures -ErrorAction SilentlyContinue
            Get-Manifest $output 'shop-restored' 'persistentvolumeclaims' 'shop-data' | Should -Not -Match 'selected-node'
            $preview.Failed | Should -Be 2
            $failures.TargetObject | Should -Be @('ImageStream/shop/api', 'ImageStream/shop/frontend')
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "ImageCopyNotAvailable,$errorIdSuffix"
        }
    }
}
