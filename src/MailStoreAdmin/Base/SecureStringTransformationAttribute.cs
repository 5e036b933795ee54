using System.Management.Automation;
using System.Net;
using System.Security;

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
            return value is string text ? Secure(text) : value;
        }

        internal static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        internal static string Plain(SecureString? secure) => secure == null ? string.Empty : new NetworkCredential(string.Empty, secure).Password;
    }
}
