using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Completion;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Lists the API functions the server offers, with their arguments.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsApiFunction")]
    [OutputType(typeof(MsApiFunction))]
    public sealed class GetMsApiFunctionCommand : MsConnectionCmdlet
    {
        /// <summary><para type="description">Function name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(MsApiFunctionNameCompleter))]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsApiOperations.GetFunctionsAsync(connection, Name, context));
    }
}
