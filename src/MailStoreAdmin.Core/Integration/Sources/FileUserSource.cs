using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration.Passwords;

namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>
    /// Users from a CSV or JSON file that admins edit while the server runs: the file is read again whenever its
    /// last-write time or size changes. A file with any problem fails every call (with the line or element)
    /// rather than yielding a partial list, since MailStore may delete users it stops seeing.
    /// </summary>
    public sealed class FileUserSource : IDirectoryUserSource
    {
        private readonly object _gate = new object();
        private readonly string _path;
        private readonly UserFileFormat _format;
        private readonly Action<string>? _warn;
        private Snapshot? _snapshot;

        /// <param name="path">The user file.</param>
        /// <param name="format">Csv or Json; Auto goes by the extension.</param>
        /// <param name="warn">Hears about users whose hash scheme cannot be verified here (never secrets).</param>
        public FileUserSource(string path, UserFileFormat format = UserFileFormat.Auto, Action<string>? warn = null)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A user file path is required.", nameof(path));
            _path = Path.GetFullPath(path);
            _format = format == UserFileFormat.Auto ? FormatFromExtension(_path) : format;
            _warn = warn;
        }

        public string Description => $"user file '{_path}' ({_format})";

        public Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Current().ActiveUsers);
        }

        public Task<bool> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)) return Task.FromResult(false);
            if (!Current().Users.TryGetValue(userName, out var entry) || !entry.Active || entry.PasswordHash == null) return Task.FromResult(false);
            if (!DbMailPasswordSchemes.IsSupported(entry.EncryptionType, entry.PasswordHash))
            {
                _warn?.Invoke($"User '{entry.User.UserName}' ({entry.Location} of {_path}) cannot log in: the password hash scheme is not supported.");
                return Task.FromResult(false);
            }
            return Task.FromResult(DbMailPasswordSchemes.Verify(entry.EncryptionType, entry.PasswordHash, password));
        }

        public void Dispose()
        {
        }

        /// <summary>The users as of the file's current version; reloads when the file's time or size moved.</summary>
        private Snapshot Current()
        {
            lock (_gate)
            {
                var stamp = Stamp();
                if (_snapshot != null && _snapshot.Stamp.Equals(stamp)) return _snapshot;
                // A failed load is not cached: the next call tries again, so a fixed file takes effect at once.
                _snapshot = Load(stamp);
                return _snapshot;
            }
        }

        private (DateTime, long) Stamp()
        {
            var info = new FileInfo(_path);
            if (!info.Exists)
                throw new MailStoreAdminException(ErrorKind.ObjectNotFound, "UserFileNotFound", $"The user file '{_path}' does not exist.", _path,
                    recommendedAction: "Create the file or correct the path.");
            return (info.LastWriteTimeUtc, info.Length);
        }

        private Snapshot Load((DateTime, long) stamp)
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(_path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidOperation, "UserFileUnreadable", $"The user file '{_path}' cannot be read: {e.Message}", _path, e);
            }

            try
            {
                var rows = _format == UserFileFormat.Json ? JsonUserFileReader.Read(content) : CsvUserFileReader.Read(DecodeText(content));
                return new Snapshot(stamp, UserFileValidator.Validate(rows, _warn));
            }
            catch (UserFileException e)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "UserFileInvalid", $"User file '{_path}', {e.Message}", _path,
                    recommendedAction: "Correct the file; no users are served until it loads without errors.");
            }
        }

        private string DecodeText(byte[] content)
        {
            try
            {
                return new UTF8Encoding(false, true).GetString(content);
            }
            catch (DecoderFallbackException)
            {
                throw new UserFileException("line 1", "the file is not valid UTF-8");
            }
        }

        private static UserFileFormat FormatFromExtension(string path)
        {
            var extension = Path.GetExtension(path);
            if (string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase)) return UserFileFormat.Csv;
            if (string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase)) return UserFileFormat.Json;
            throw new MailStoreAdminException(ErrorKind.InvalidArgument, "UserFileFormatUnknown",
                $"Cannot tell the format of '{path}' from its extension; name it .csv or .json, or give the format explicitly.", path);
        }

        private sealed class Snapshot
        {
            public Snapshot((DateTime, long) stamp, Dictionary<string, UserFileEntry> users)
            {
                Stamp = stamp;
                Users = users;
                ActiveUsers = users.Values.Where(u => u.Active).Select(u => u.User).ToList().AsReadOnly();
            }

            public (DateTime, long) Stamp { get; }
            public Dictionary<string, UserFileEntry> Users { get; }
            public IReadOnlyList<DirectoryUser> ActiveUsers { get; }
        }
    }
}
