using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary>The -UserName of one SPE system administrator, shared by the cmdlets that act on one administrator.</summary>
    public abstract class SystemAdministratorCmdlet : MsConnectionCmdlet
    {
        /// <summary><para type="description">The system administrator's user name; binds the userName property of Get-MsSystemAdministrator output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; } = string.Empty;
    }

    /// <summary>The parameters New-MsSystemAdministrator and Set-MsSystemAdministratorPassword share: the user name and the password.</summary>
    public abstract class SystemAdministratorPasswordCmdlet : SystemAdministratorCmdlet
    {
        /// <summary><para type="description">The password, as a SecureString (Read-Host -AsSecureString); a plain string from Import-Csv is accepted.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Password { get; set; }
    }
}
