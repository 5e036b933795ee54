using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>The integration server's HTTPS certificate from a PFX file.</summary>
    public static class CertificateFile
    {
        public static X509Certificate2 Load(string path, SecureString? password)
        {
            try
            {
                return new X509Certificate2(path, password, X509KeyStorageFlags.Exportable);
            }
            catch (CryptographicException e)
            {
                // The message names the file and the reason, never the password.
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "IntegrationCertificateUnreadable",
                    $"Cannot load the certificate '{path}': {e.Message}", path, e);
            }
        }
    }
}
