using System.Linq;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Pipeline;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Gets the archive stores.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsStore", DefaultParameterSetName = "Name")]
    [OutputType(typeof(MsStore))]
    public sealed class GetMsStoreCommand : MsCmdlet
    {
        /// <summary><para type="description">Store name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ParameterSetName = "Name")]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary><para type="description">Store ids.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = "Id", ValueFromPipelineByPropertyName = true)]
        public int[]? Id { get; set; }

        /// <summary><para type="description">Also counts messages and bytes per store (slow on large archives).</para></summary>
        [Parameter]
        public SwitchParameter IncludeSize { get; set; }

        protected override void ProcessRecord()
        {
            var filter = string.IsNullOrEmpty(Name) ? null : new Wildcard(Name!);
            RunWithConnection(async (connection, context, token) =>
            {
                var found = new System.Collections.Generic.HashSet<int>();
                await MsStoreOperations.GetStoresAsync(connection, IncludeSize, store =>
                {
                    if (filter != null && !filter.IsMatch(store.Name)) return;
                    if (Id != null && !Id.Contains(store.Id)) return;
                    found.Add(store.Id);
                    context.WriteObject(store);
                }, context, token).ConfigureAwait(false);
                foreach (var missing in (Id ?? new int[0]).Where(id => !found.Contains(id)))
                {
                    context.WriteError(new Core.Errors.MailStoreAdminException(Core.Errors.ErrorKind.ObjectNotFound,
                        "MailStoreStoreNotFound", $"There is no store with id {missing} on {connection.ComputerName}.", missing));
                }
                if (filter != null && !filter.IsPattern && found.Count == 0)
                {
                    context.WriteError(new Core.Errors.MailStoreAdminException(Core.Errors.ErrorKind.ObjectNotFound,
                        "MailStoreStoreNotFound", $"There is no store named '{filter.Literal}' on {connection.ComputerName}.", filter.Literal));
                }
            });
        }
    }
}
