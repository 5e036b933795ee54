using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace MailStoreAdmin.Core.Sessions
{
    /// <summary>
    /// The open connections and the default one, per scope. The PowerShell layer uses the runspace as the scope,
    /// so ForEach-Object -Parallel and thread jobs never share (or clobber) a default connection.
    /// </summary>
    public sealed class ScopedConnections<T> where T : class
    {
        private readonly ConditionalWeakTable<object, Slot> _slots = new ConditionalWeakTable<object, Slot>();

        public T? GetDefault(object scope)
        {
            var slot = _slots.GetOrCreateValue(scope);
            lock (slot) return slot.Default;
        }

        /// <summary>Adds a connection and makes it the default.</summary>
        public void Add(object scope, T connection)
        {
            var slot = _slots.GetOrCreateValue(scope);
            lock (slot)
            {
                if (!slot.All.Contains(connection)) slot.All.Add(connection);
                slot.Default = connection;
            }
        }

        /// <summary>Forgets a connection; if it was the default, the most recent other one becomes the default.</summary>
        public void Remove(object scope, T connection)
        {
            var slot = _slots.GetOrCreateValue(scope);
            lock (slot)
            {
                slot.All.Remove(connection);
                if (ReferenceEquals(slot.Default, connection)) slot.Default = slot.All.LastOrDefault();
            }
        }

        /// <summary>A copy, so callers may remove while they enumerate.</summary>
        public IReadOnlyList<T> GetAll(object scope)
        {
            var slot = _slots.GetOrCreateValue(scope);
            lock (slot) return slot.All.ToArray();
        }

        /// <summary>
        /// Forgets every connection of the scope and disposes those that are disposable (Remove-Module: no
        /// connection, with its HTTP handler and credentials, outlives the module in that runspace).
        /// </summary>
        public void CloseAll(object scope)
        {
            var slot = _slots.GetOrCreateValue(scope);
            T[] closing;
            lock (slot)
            {
                closing = slot.All.ToArray();
                slot.All.Clear();
                slot.Default = null;
            }
            foreach (var connection in closing) (connection as System.IDisposable)?.Dispose();
        }

        private sealed class Slot
        {
            public readonly List<T> All = new List<T>();
            public T? Default;
        }
    }
}
