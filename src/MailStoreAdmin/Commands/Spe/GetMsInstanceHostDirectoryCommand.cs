using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Lists directories on an SPE instance host (GetDirectoriesOnInstanceHost).</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsInstanceHostDirectory")]
    [OutputType(typeof(MsInstanceHostDirectory))]
    public sealed class GetMsInstanceHostDirectoryCommand : SpeServerNameCmdlet
    {
        /// <summary><para type="description">The directory whose sub-directories are listed; the host's top level without it.</para></summary>
        [Parameter(Position = 1)]
        public string? Path { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeServerOperations.GetDirectoriesAsync(connection, Name, Path, context, token));
    }
}
