using System.Linq;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Completion;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.Pipeline;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Lists the API functions the server offers, with their arguments.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsApiFunction")]
    [OutputType(typeof(MsApiFunction))]
    public sealed class GetMsApiFunctionCommand : MsCmdlet
    {
        /// <summary><para type="description">Function name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(MsApiFunctionNameCompleter))]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var metadata = ResolveConnection().Metadata;
            if (Name == null || Name.Length == 0)
            {
                WriteObject(metadata.Functions, enumerateCollection: true);
                return;
            }
            foreach (var name in Name)
            {
                var pattern = new Wildcard(name);
                if (!pattern.IsPattern)
                {
                    try
                    {
                        WriteObject(metadata.Get(pattern.Literal));
                    }
                    catch (Core.Errors.MailStoreAdminException e)
                    {
                        WriteError(ErrorRecords.From(e));
                    }
                    continue;
                }
                WriteObject(metadata.Functions.Where(f => pattern.IsMatch(f.Name)), enumerateCollection: true);
            }
        }
    }
}
