BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:appCredential = [pscredential]::new('4f1e2a', [System.Net.NetworkCredential]::new('', 'n0t-a-real-secret').SecurePassword)
}

Describe 'ConvertTo-VeleroOpenStackSecret' {
    It 'writes an Opaque Secret with the application credential as OS_* string data' {
        $yaml = ConvertTo-VeleroOpenStackSecret -AuthUrl 'https://keystone.example.com:5000/v3' -ApplicationCredential $appCredential -Region RegionOne
        $yaml | Should -Match '(?m)^kind: Secret$'
        $yaml | Should -Match '(?m)^  name: openstack-cloud-credentials$'
        $yaml | Should -Match '(?m)^  namespace: velero$'
        $yaml | Should -Match '(?m)^  OS_AUTH_URL: "?https://keystone\.example\.com:5000/v3"?$'
        $yaml | Should -Match '(?m)^  OS_APPLICATION_CREDENTIAL_ID: "?4f1e2a"?$'
        $yaml | Should -Match '(?m)^  OS_APPLICATION_CREDENTIAL_SECRET: n0t-a-real-secret$'
        $yaml | Should -Match '(?m)^  OS_REGION_NAME: RegionOne$'
    }

    It 'writes the password variables with domains and project for -Credential' {
        $user = [pscredential]::new('velero', [System.Net.NetworkCredential]::new('', 'pw').SecurePassword)
        $yaml = ConvertTo-VeleroOpenStackSecret -AuthUrl 'https://k/v3' -Credential $user -ProjectName backups -Namespace openshift-adp -Name os-creds
        $yaml | Should -Match '(?m)^  namespace: openshift-adp$'
        $yaml | Should -Match '(?m)^  name: os-creds$'
        $yaml | Should -Match '(?m)^  OS_USERNAME: velero$'
        $yaml | Should -Match '(?m)^  OS_PROJECT_NAME: backups$'
        $yaml | Should -Match '(?m)^  OS_USER_DOMAIN_NAME: Default$'
        $yaml | Should -Match '(?m)^  OS_IDENTITY_API_VERSION: "3"$'
        $yaml | Should -Not -Match 'OS_REGION_NAME'
    }

    It 'quotes a secret YAML would read as a boolean, so kubectl keeps it a string' {
        $odd = [pscredential]::new('id', [System.Net.NetworkCredential]::new('', 'yes').SecurePassword)
        ConvertTo-VeleroOpenStackSecret -AuthUrl 'https://k/v3' -ApplicationCredential $odd | Should -Match '(?m)^  OS_APPLICATION_CREDENTIAL_SECRET: "yes"$'
    }

    It 'needs a credential' {
        { ConvertTo-VeleroOpenStackSecret -AuthUrl 'https://k/v3' -ProjectName p } | Should -Throw
    }
}
