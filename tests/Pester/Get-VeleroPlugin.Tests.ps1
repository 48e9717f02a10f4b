BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'Get-VeleroPlugin' {
    Context 'catalogue' {
        It 'lists every registered plugin with a kind and a Velero-valid name' {
            $plugins = @(Get-VeleroPlugin)
            $plugins.Count | Should -BeGreaterThan 0
            foreach ($plugin in $plugins) {
                $plugin | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.VeleroPluginInfo'
                $plugin.Name | Should -Match '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[^/]+$'
            }
        }

        It 'filters by wildcard name' {
            $plugins = @(Get-VeleroPlugin -Name 'openshift.io/0*-restore-plugin')
            $plugins.Count | Should -BeGreaterThan 0
            $plugins.Name | Should -Contain 'openshift.io/05-route-restore-plugin'
            $plugins.Name | Should -Not -Contain 'openshift.io/01-common-backup-plugin'
        }

        It 'filters by kind' {
            $kinds = @(Get-VeleroPlugin -Kind RestoreItemActionV2 | ForEach-Object { $_.Kind.ToString() })
            $kinds | Should -Contain 'RestoreItemActionV2'
            $kinds | Should -Not -Contain 'RestoreItemAction'
        }

        It 'refuses a kind that does not exist' {
            { Get-VeleroPlugin -Kind NoSuchKind } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,VeleroOpenShift.Cmdlets.Commands.Velero.GetVeleroPluginCommand'
        }

        It 'returns nothing for a name that matches no plugin' {
            Get-VeleroPlugin -Name 'example.io/none' | Should -BeNullOrEmpty
        }
    }

    Context 'applies to an item' {
        It 'returns the actions that run on a route from the pipeline, as JSON text' {
            $route = '{"apiVersion":"route.openshift.io/v1","kind":"Route","metadata":{"name":"web","namespace":"shop"}}'
            $names = @($route | Get-VeleroPlugin | ForEach-Object Name)
            $names | Should -Contain 'openshift.io/05-route-restore-plugin'
            $names | Should -Not -Contain 'openshift.io/15-service-restore-plugin'
        }

        It 'accepts a hashtable item and honours -Kind' {
            $pod = @{ apiVersion = 'v1'; kind = 'Pod'; metadata = @{ name = 'web-1'; namespace = 'shop' } }
            $names = @(Get-VeleroPlugin -AppliesTo $pod -Kind BackupItemAction | ForEach-Object Name)
            $names | Should -Contain 'openshift.io/01-common-backup-plugin'
            $names | Should -Contain 'openshift.io/07-pod-backup-plugin'
            $names | Should -Not -Contain 'openshift.io/07-pod-restore-plugin'
        }

        It 'reports a malformed item as a non-terminating InvalidItem error and goes on' {
            $good = '{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"}}'
            $results = @('{"kind": "Pod", broken', $good | Get-VeleroPlugin -ErrorVariable failures -ErrorAction SilentlyContinue)
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidItem,VeleroOpenShift.Cmdlets.Commands.Velero.GetVeleroPluginCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $failures[0].TargetObject | Should -Be '{"kind": "Pod", broken'
            $results.Name | Should -Contain 'openshift.io/15-service-restore-plugin'
        }
    }
}
