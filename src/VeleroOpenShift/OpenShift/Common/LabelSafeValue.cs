using System.Security.Cryptography;
using System.Text;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>A label value made from a restore name (spec §4.7): label values are limited to 63 characters.</summary>
public static class LabelSafeValue
{
    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length <= 63)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        return name[..57] + hash[..6];
    }
}
