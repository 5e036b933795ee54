using System.Management.Automation;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// Lets a SecureString parameter also take a plain string, so `Import-Csv users.csv | New-DbMailUser` binds the
    /// Password column. Interactive use keeps Read-Host -AsSecureString or Get-Credential.
    /// </summary>
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            return value is string text ? SecretText.ToSecureString(text) : value;
        }
    }
}
