using System.Net;
using System.Security;

namespace MailStoreAdmin.Core.Http
{
    /// <summary>Between plain strings and SecureStrings, in both directions.</summary>
    public static class SecretText
    {
        public static SecureString ToSecureString(string value)
        {
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public static string ToPlain(SecureString? secure) => secure == null ? string.Empty : new NetworkCredential(string.Empty, secure).Password;
    }
}
