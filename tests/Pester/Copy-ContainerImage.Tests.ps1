BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/RegistrySetup.ps1
    $script:sample = "docker://$RegistryOne/sample/hello:v1"
    $script:sampleDigest = Get-ManifestDigest $RegistryOne 'sample/hello' 'v1'
    $script:run = 'pester' + [guid]::NewGuid().ToString('N').Substring(0, 10)
}

Describe 'Copy-ContainerImage' {
    It 'copies an image to another registry with its digest and says how each blob got there' {
        $copy = Copy-ContainerImage -Source $sample -Destination "docker://$RegistryTwo/$run/hello:v1" -SkipTlsVerify
        $copy | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.ContainerImageCopy'
        $copy.Digest | Should -BeExactly $sampleDigest
        $copy.Source | Should -BeExactly $sample
        $copy.Destination | Should -BeExactly "docker://$RegistryTwo/$run/hello:v1"
        $copy.MediaType | Should -BeExactly 'application/vnd.oci.image.manifest.v1+json'
        $copy.BlobsUploaded | Should -BeGreaterThan 0
        $copy.BytesUploaded | Should -BeGreaterThan 0
        Get-ManifestDigest $RegistryTwo "$run/hello" 'v1' | Should -BeExactly $sampleDigest
    }

    It 'sends no blob the second time' {
        $null = Copy-ContainerImage $sample "docker://$RegistryTwo/$run/again:v1" -SkipTlsVerify
        $second = Copy-ContainerImage $sample "docker://$RegistryTwo/$run/again:v1" -SkipTlsVerify
        $second.BlobsUploaded | Should -Be 0
        $second.BytesUploaded | Should -Be 0
        $second.BlobsSkipped | Should -BeGreaterThan 0
    }

    It 'mounts the blobs when both repositories are in one registry' {
        $copy = Copy-ContainerImage $sample "docker://$RegistryOne/$run/mounted:v1" -SkipTlsVerify
        $copy.BlobsUploaded | Should -Be 0
        $copy.BlobsMounted | Should -BeGreaterThan 0
    }

    It 'takes Source and Destination from the pipeline by property name' {
        $rows = @([pscustomobject]@{ Source = $sample; Destination = "docker://$RegistryTwo/$run/piped:v1" })
        $copy = $rows | Copy-ContainerImage -SkipTlsVerify
        $copy.Digest | Should -BeExactly $sampleDigest
    }

    It 'copies nothing under -WhatIf' {
        Copy-ContainerImage $sample "docker://$RegistryTwo/$run/whatif:v1" -SkipTlsVerify -WhatIf | Should -BeNullOrEmpty
        Get-ManifestDigest $RegistryTwo "$run/whatif" 'v1' | Should -BeNullOrEmpty
    }

    It 'reports a missing image as RegistryNotFound with the image as target' {
        $missing = "docker://$RegistryOne/$run/absent:v1"
        Copy-ContainerImage $missing "docker://$RegistryTwo/$run/absent:v1" -SkipTlsVerify -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'RegistryNotFound,VeleroOpenShift.Cmdlets.Commands.Registry.CopyContainerImageCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -BeExactly $missing
    }

    It 'reports a malformed reference as RegistryInvalidData before copying anything' {
        Copy-ContainerImage 'quay.io/no-transport:v1' "docker://$RegistryTwo/$run/bad:v1" -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'RegistryInvalidData,VeleroOpenShift.Cmdlets.Commands.Registry.CopyContainerImageCommand'
        $failures[0].TargetObject | Should -BeExactly 'quay.io/no-transport:v1'
    }

    It 'takes a credential per side as PSCredential' {
        $credential = [pscredential]::new('anyone', [System.Net.NetworkCredential]::new('', 'unused-by-open-registries').SecurePassword)
        $copy = Copy-ContainerImage $sample "docker://$RegistryTwo/$run/credential:v1" -SourceCredential $credential -DestinationCredential $credential -SkipTlsVerify
        $copy.Digest | Should -BeExactly $sampleDigest
    }
}
