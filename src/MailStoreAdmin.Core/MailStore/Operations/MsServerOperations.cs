using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>The server itself.</summary>
    public static class MsServerOperations
    {
        /// <summary>Get-MsServerInfo: version and machine name.</summary>
        public static async Task GetServerInfoAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var info = new MsServerInfo();
            await connection.InvokeAsync("GetServerInfo", null, item => info = MsJson.Read(item, MsJsonContext.Default.MsServerInfo),
                context, cancellationToken).ConfigureAwait(false);
            info.ComputerName = connection.ComputerName;
            context.WriteObject(info);
        }
    }
}
