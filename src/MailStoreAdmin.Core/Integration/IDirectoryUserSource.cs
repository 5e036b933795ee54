using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Integration
{
    /// <summary>
    /// Where an integration server gets its users from. Implementations must throw on any failure rather than
    /// return an empty or partial list: MailStore may delete the users it no longer sees.
    /// Calls arrive concurrently from several requests.
    /// </summary>
    public interface IDirectoryUserSource : IDisposable
    {
        /// <summary>What the source is, for logs (never a password or connection secret).</summary>
        string Description { get; }

        /// <summary>Every user MailStore should know, complete, or an exception.</summary>
        Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken);

        /// <summary>True when the password is the user's; false for a wrong password, an unknown or inactive user.</summary>
        Task<bool> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken);
    }
}
