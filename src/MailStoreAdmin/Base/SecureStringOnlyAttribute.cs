using System.Management.Automation;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// Refuses a plain-text password (a Password column of Import-Csv, a string argument) with an error that says how
    /// to give one, instead of PowerShell's bare conversion error. Passwords reach MailStore cmdlets as SecureString
    /// only, so they stay out of CSV files, history and transcripts.
    /// </summary>
    public sealed class SecureStringOnlyAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is string)
            {
                // The message never repeats the value.
                throw new ArgumentTransformationMetadataException(
                    "A password must be a SecureString, not plain text. Use -Password (Read-Host -AsSecureString), or convert the column first: "
                    + "Import-Csv users.csv | Select-Object *, @{ n = 'Password'; e = { ConvertTo-SecureString $_.Password -AsPlainText -Force } } -ExcludeProperty Password");
            }
            return value;
        }
    }
}
