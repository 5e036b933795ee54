using System.Management.Automation;
using MailStoreAdmin.Base;

namespace MailStoreAdmin.Commands.Monitoring
{
    /// <summary>The -Id of one archiving profile, shared by the cmdlets that act on a profile from Get-MsProfile output.</summary>
    public abstract class ProfileIdCmdlet : MsCmdlet
    {
        /// <summary><para type="description">The profile id; binds from Get-MsProfile output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ProfileId")]
        public int Id { get; set; }
    }

    /// <summary>The raw profile properties New-MsProfile and Start-MsTemporaryProfile take from the pipeline.</summary>
    public abstract class ProfilePropertiesCmdlet : MsCmdlet
    {
        /// <summary><para type="description">The raw profile properties: a hashtable, JSON text, or (New-MsProfile) the Details of another profile.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? Properties { get; set; }

        /// <summary>-Properties as plain values, for the core.</summary>
        private protected object? PlainProperties() => PowerShellValues.ToPlain(Properties);
    }
}
