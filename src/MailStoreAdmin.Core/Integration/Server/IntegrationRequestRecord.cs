using System;
using System.Globalization;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>One answered request, as the server logs it. Never holds the password or the Authorization header.</summary>
    public sealed class IntegrationRequestRecord
    {
        internal IntegrationRequestRecord(DateTimeOffset timestamp, string remoteAddress)
        {
            Timestamp = timestamp;
            RemoteAddress = remoteAddress;
        }

        /// <summary>When the request's first byte arrived (UTC).</summary>
        public DateTimeOffset Timestamp { get; }
        public string RemoteAddress { get; }
        public string? Method { get; internal set; }
        public string? Path { get; internal set; }
        /// <summary>The cmd form field: "list", "auth", or what the caller sent.</summary>
        public string? Command { get; internal set; }
        /// <summary>For cmd=auth: the user being checked.</summary>
        public string? UserName { get; internal set; }
        public int StatusCode { get; internal set; }
        public TimeSpan Duration { get; internal set; }
        /// <summary>For a successful cmd=list: how many users were sent.</summary>
        public int? UsersListed { get; internal set; }
        /// <summary>For a successful cmd=auth: the answer given.</summary>
        public bool? AuthSucceeded { get; internal set; }
        /// <summary>Why the request failed or was refused.</summary>
        public string? Error { get; internal set; }

        /// <summary>One log line, e.g. <c>2024-05-01T10:00:00.123Z 10.0.0.9:50100 POST /ai cmd=auth user="jane" -> 200 succeeded=false (4 ms)</c>.</summary>
        public override string ToString()
        {
            var line = new StringBuilder();
            line.Append(Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            line.Append(' ').Append(LogText.Clean(RemoteAddress));
            line.Append(' ').Append(LogText.Clean(Method ?? "-"));
            line.Append(' ').Append(LogText.Clean(Path ?? "-"));
            if (Command != null) line.Append(" cmd=").Append(LogText.Clean(Command));
            if (UserName != null) line.Append(" user=").Append(LogText.Quote(UserName));
            line.Append(" -> ").Append(StatusCode.ToString(CultureInfo.InvariantCulture));
            if (UsersListed.HasValue) line.Append(" users=").Append(UsersListed.Value.ToString(CultureInfo.InvariantCulture));
            if (AuthSucceeded.HasValue) line.Append(" succeeded=").Append(AuthSucceeded.Value ? "true" : "false");
            line.Append(" (").Append(((long)Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append(" ms)");
            if (Error != null) line.Append(" error: ").Append(LogText.Clean(Error));
            return line.ToString();
        }
    }
}
