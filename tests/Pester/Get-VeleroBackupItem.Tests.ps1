BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:sample = [System.IO.Path]::GetFullPath("$PSScriptRoot/../../examples/openshift-shop-backup.tar.gz")
}

Describe 'Get-VeleroBackupItem' {
    Context 'reading the sample backup' {
        BeforeAll {
            $script:items = @(Get-VeleroBackupItem -LiteralPath $sample)
        }

        It 'returns each of the 37 items once, although format 1.1 stores them twice' {
            $items | Should -HaveCount 37
            $items[0] | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.VeleroBackupItem'
        }

        It 'describes an item by kind, namespace, name, API version and resource folder' {
            $dc = $items | Where-Object Kind -EQ 'DeploymentConfig'
            $dc.Namespace | Should -BeExactly 'shop'
            $dc.Name | Should -BeExactly 'frontend'
            $dc.ApiVersion | Should -BeExactly 'apps.openshift.io/v1'
            $dc.Resource | Should -BeExactly 'deploymentconfigs.apps.openshift.io'
            $dc.Item['spec']['replicas'].GetValue[int]() | Should -Be 2
        }

        It 'gives cluster-scoped items no namespace' {
            $pv = $items | Where-Object Kind -EQ 'PersistentVolume'
            $pv.Namespace | Should -BeNullOrEmpty
            $pv.ToString() | Should -Match '^PersistentVolume/pvc-'
        }

        It 'prints an item as JSON' {
            ($items | Where-Object Name -EQ 'frontend-config').ToJson() | Should -Match '"currency: EUR'
        }
    }

    Context 'filters' {
        It 'filters by kind and name with wildcards' {
            $pods = @(Get-VeleroBackupItem -LiteralPath $sample -Kind 'Pod' -Name 'frontend-1-*')
            $pods | Should -HaveCount 4
            $pods.Name | Should -Contain 'frontend-1-build'
        }

        It 'filters by resource folder and namespace' {
            @(Get-VeleroBackupItem -LiteralPath $sample -Resource 'routes*' -Namespace 'shop') | Should -HaveCount 2
            @(Get-VeleroBackupItem -LiteralPath $sample -Namespace 'elsewhere') | Should -HaveCount 0
        }

        It 'returns the other API versions only when asked' {
            $all = @(Get-VeleroBackupItem -LiteralPath $sample -IncludeAllVersions -Kind Route)
            $all | Should -HaveCount 2
        }
    }

    Context 'paths' {
        It 'resolves wildcards in -Path' {
            $folder = [System.IO.Path]::GetDirectoryName($sample)
            @(Get-VeleroBackupItem -Path ([System.IO.Path]::Combine($folder, 'openshift-shop-*.tar.gz')) -Kind Namespace) | Should -HaveCount 1
        }

        It 'reports a missing file as a PathNotFound error' {
            { Get-VeleroBackupItem -LiteralPath '/nonexistent/backup.tar.gz' -ErrorAction Stop } | Should -Throw -ErrorId 'PathNotFound,VeleroOpenShift.Cmdlets.Commands.Backup.GetVeleroBackupItemCommand'
        }

        It 'reports a file that is not a backup as InvalidInput naming the file' {
            $notBackup = [System.IO.Path]::GetTempFileName()
            try {
                [System.IO.File]::WriteAllText($notBackup, 'plain text')
                Get-VeleroBackupItem -LiteralPath $notBackup -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
                $failures | Should -HaveCount 1
                $failures[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidInput,VeleroOpenShift.Cmdlets.Commands.Backup.GetVeleroBackupItemCommand'
                $failures[0].TargetObject | Should -BeExactly $notBackup
            }
            finally {
                [System.IO.File]::Delete($notBackup)
            }
        }
    }
}
