using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Creates a directory on an SPE instance host, e.g. the base directory of a new instance.</para></summary>
    [Cmdlet(VerbsCommon.New, "MsInstanceHostDirectory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(MsInstanceHostDirectory))]
    public sealed class NewMsInstanceHostDirectoryCommand : SpeServerNameCmdlet
    {
        /// <summary><para type="description">The full path of the directory to create on the host.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeServerOperations.NewDirectoryAsync(connection, Name, Path, context, token));
    }
}
