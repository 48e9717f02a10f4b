# Values as Pester 5 writes them in assertion messages.

function Format-Nicely ($Value) {
    if ($null -eq $Value) { return '$null' }
    if ($Value -is [bool]) { return $(if ($Value) { '$true' } else { '$false' }) }
    if ($Value -is [string] -or $Value -is [char]) { return "'$Value'" }
    if ($Value -is [type]) { return "[$($Value.FullName)]" }
    if ($Value -is [scriptblock]) { return "{$Value}" }
    if ($Value -is [System.Collections.IDictionary]) {
        return '@{' + (@(foreach ($key in $Value.Keys) { "$key=$(Format-Nicely $Value[$key])" }) -join '; ') + '}'
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        return Format-Collection $Value
    }
    if ($Value.PSObject.BaseObject -is [System.Management.Automation.PSCustomObject]) {
        return 'PSObject{' + (@(foreach ($property in $Value.PSObject.Properties) { "$($property.Name)=$(Format-Nicely $property.Value)" }) -join '; ') + '}'
    }
    [string] $Value
}

function Format-Collection ([System.Collections.IEnumerable] $Value) {
    $limit = 10
    $items = @($Value)
    $shown = @(for ($i = 0; $i -lt [System.Math]::Min($items.Count, $limit); $i++) { Format-Nicely $items[$i] })
    $more = if ($items.Count -gt $limit) { ", ...$($items.Count - $limit) more" } else { '' }
    '@(' + ($shown -join ', ') + $more + ')'
}

function Format-Because ([string] $Because) {
    if ([string]::IsNullOrWhiteSpace($Because)) { return '' }
    " because $($Because.Trim() -replace '^because\s+'),"
}

# Control characters become their visible Unicode pictures, one character each, so a caret under
# a string still points at the right column.
function Format-ControlCharacter ([string] $Text) {
    [regex]::Replace($Text, '[\x00-\x1f\x7f]', {
            param($match)
            $code = [int] $match.Value[0]
            [string] [char] $(if ($code -eq 0x7f) { 0x2421 } else { 0x2400 + $code })
        })
}
