using System.Management.Automation;
using MailStoreAdmin.Completion;

namespace MailStoreAdmin.Base
{
    /// <summary>Base of the cmdlets that work on one existing user, named by -Name (or a UserName property in the pipeline).</summary>
    public abstract class MsUserCmdlet : MsCmdlet
    {
        /// <summary><para type="description">The user's name; must exist (else MailStoreUserNotFound).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MsUserNameCompleter))]
        public string Name { get; set; } = string.Empty;
    }
}
