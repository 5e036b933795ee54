using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Gets MailStore users, streamed as the server sends them.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsUser")]
    [OutputType(typeof(MsUser))]
    public sealed class GetMsUserCommand : MsCmdlet
    {
        /// <summary><para type="description">User name; wildcards filter the list, a plain name is looked up directly (not found is an error).</para></summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserName")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(MailStoreAdmin.Completion.MsUserNameCompleter))]
        public string? Name { get; set; }

        /// <summary><para type="description">Adds GetUserInfo details (addresses, privileges, folder rights), several users at a time.</para></summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsUserOperations.FindUsersAsync(connection, Name, Detailed, CallLimit(8),
                context, token));
    }
}
