using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Gets the SPE client access servers by name or wildcard.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsClientAccessServer")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsClientAccessServerCommand : MsConnectionCmdlet
    {
        /// <summary><para type="description">Server name; wildcards filter, an exact name that matches nothing is an error. All without it.</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ServerName")]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary><para type="description">Adds each server's service status (withServiceStatus).</para></summary>
        [Parameter]
        public SwitchParameter IncludeServiceStatus { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeServerOperations.GetAsync(connection, MsSpeServerKind.ClientAccessServer, Name, IncludeServiceStatus, context, token));
    }
}
