using System;
using System.Globalization;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>
    /// Dates on the wire. The server takes yyyy-MM-ddTHH:mm:ss in the time zone named by a separate argument (no
    /// offset, no fraction, no trailing Z); the module always names UTC, so the caller's DateTime values (any kind)
    /// mean the same instant whatever the server's own zone is, and results are turned back into local DateTimes.
    /// </summary>
    public static class ServerTime
    {
        /// <summary>The zone id the module sends: the Windows id of UTC, which GetTimeZones lists.</summary>
        public const string UtcZoneId = "UTC";

        /// <summary>The server's own zone, as the API names it.</summary>
        public const string ServerLocalZoneId = "$Local";

        /// <summary>An instant as UTC; unspecified kinds are the caller's local time (what Get-Date and [datetime]'...' give).</summary>
        public static DateTime ToUtc(DateTime value) =>
            value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Local).ToUniversalTime();

        public static string Format(DateTime utc) => utc.ToString(MsArgumentEncoder.DateTimeFormat, CultureInfo.InvariantCulture);

        /// <summary>A time the server wrote (asked in UTC, or a *Utc field) as a local DateTime; null when absent or unreadable.</summary>
        public static DateTime? Parse(string? text, bool utc)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var styles = utc ? DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal : DateTimeStyles.AssumeLocal;
            // The server's own format first (cheap, and a year of history has hundreds of thousands of rows), then anything readable.
            if (!DateTime.TryParseExact(text, MsArgumentEncoder.DateTimeFormat, CultureInfo.InvariantCulture, styles, out var parsed)
                && !DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out parsed)) return null;
            return utc ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc).ToLocalTime() : parsed;
        }

        /// <summary>
        /// The range [from, to) in UTC from what the caller passed: explicit ends, or the last <paramref name="last"/>
        /// up to now. From after To is refused before anything is sent.
        /// </summary>
        public static (DateTime FromUtc, DateTime ToUtc) Range(DateTime? from, DateTime? to, TimeSpan? last, TimeSpan defaultLast, DateTime nowUtc)
        {
            if (last is TimeSpan span && span <= TimeSpan.Zero)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "TimeRangeInvalid",
                    $"The length of the time range must be positive, not {span}.", span);
            }
            var toUtc = to is DateTime t ? ToUtc(t) : nowUtc;
            var fromUtc = from is DateTime f ? ToUtc(f) : toUtc - (last ?? defaultLast);
            if (fromUtc >= toUtc)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "TimeRangeInvalid",
                    $"The start of the time range ({fromUtc.ToLocalTime():yyyy-MM-dd HH:mm:ss}) is not before its end ({toUtc.ToLocalTime():yyyy-MM-dd HH:mm:ss}). Pass a start earlier than the end.",
                    fromUtc.ToLocalTime());
            }
            // The server's format has whole seconds; the end is rounded up so the last second is not lost.
            return (Truncate(fromUtc), Truncate(toUtc) < toUtc ? Truncate(toUtc).AddSeconds(1) : toUtc);
        }

        private static DateTime Truncate(DateTime utc) => new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
