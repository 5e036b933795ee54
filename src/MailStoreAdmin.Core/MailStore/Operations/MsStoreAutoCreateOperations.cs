using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>The automatic creation of new archive stores (read and written whole by the server).</summary>
    public static class MsStoreAutoCreateOperations
    {
        public static readonly MsConfigurationKind Configuration = new MsConfigurationKind("GetStoreAutoCreateConfiguration",
            "SetStoreAutoCreateConfiguration", "MailStoreAdmin.StoreAutoCreateConfiguration", "store auto-create configuration");

        public static Task GetConfigurationAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken) =>
            MsConfigurationOperations.GetAsync(connection, Configuration, context, cancellationToken);

        public static Task SetConfigurationAsync(MsConnection connection, IDictionary changes, bool passThru, OperationContext context,
            CancellationToken cancellationToken) =>
            MsConfigurationOperations.EditAsync(connection, Configuration, changes, "Set", passThru, context, cancellationToken);
    }
}
