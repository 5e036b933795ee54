using System;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.Sessions
{
    /// <summary>Connect-*, Disconnect-* and Get-*Connection for every kind of connection.</summary>
    public static class SessionOperations
    {
        /// <summary>
        /// Opens a connection (a failure is thrown: nothing is registered), makes it the scope's default and writes it
        /// when <paramref name="passThru"/> is set.
        /// </summary>
        public static async Task ConnectAsync<T>(Func<OperationContext, CancellationToken, Task<T>> open, ScopedConnections<T> sessions,
            object scope, bool passThru, Func<T, string> describe, OperationContext context, CancellationToken cancellationToken) where T : class
        {
            var connection = await open(context, cancellationToken).ConfigureAwait(false);
            sessions.Add(scope, connection);
            context.Log(LogLevel.Verbose, describe(connection));
            if (passThru) context.WriteObject(connection);
        }

        /// <summary>Closes a connection and forgets it; the most recent other one becomes the default.</summary>
        public static Task DisconnectAsync<T>(T connection, ScopedConnections<T> sessions, object scope, string service, OperationContext context)
            where T : class, IDisposable
        {
            if (!context.ShouldProcess(connection.ToString() ?? service, "Disconnect")) return Task.CompletedTask;
            sessions.Remove(scope, connection);
            connection.Dispose();
            context.Log(LogLevel.Verbose, $"Closed the {service} connection to {connection}.");
            return Task.CompletedTask;
        }

        /// <summary>The scope's connections, or only its default one.</summary>
        public static Task GetAsync<T>(ScopedConnections<T> sessions, object scope, bool defaultOnly, OperationContext context) where T : class
        {
            if (defaultOnly)
            {
                var current = sessions.GetDefault(scope);
                if (current != null) context.WriteObject(current);
                return Task.CompletedTask;
            }
            foreach (var connection in sessions.GetAll(scope)) context.WriteObject(connection);
            return Task.CompletedTask;
        }
    }
}
