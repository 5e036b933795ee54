using System.Management.Automation;
using MailStoreAdmin.Base;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary>
    /// The -UserName list of the dbmail-api cmdlets that run once per user (RunForEachUser): mandatory, first, and bound
    /// from the pipeline and from a UserName property.
    /// </summary>
    public abstract class DbMailUsersCmdlet : DbMailApiCmdlet
    {
        /// <summary><para type="description">The dbmail users to act on; binds from the pipeline and from a UserName property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] UserName { get; set; } = new string[0];
    }
}
