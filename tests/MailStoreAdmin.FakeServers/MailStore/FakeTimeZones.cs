using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// The fake's time zones: ids as GetTimeZones lists them (Windows ids plus $Local, the server's own zone, which is
/// W. Europe Standard Time here, without daylight saving), and the server's strict date format.
/// </summary>
public static class FakeTimeZones
{
    private static readonly (string Id, string DisplayName, TimeSpan Offset)[] Zones =
    {
        ("$Local", "(UTC+01:00) Server time zone", TimeSpan.FromHours(1)),
        ("UTC", "(UTC) Coordinated Universal Time", TimeSpan.Zero),
        ("W. Europe Standard Time", "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", TimeSpan.FromHours(1)),
        ("GMT Standard Time", "(UTC+00:00) Dublin, Edinburgh, Lisbon, London", TimeSpan.Zero),
        ("Eastern Standard Time", "(UTC-05:00) Eastern Time (US & Canada)", TimeSpan.FromHours(-5)),
    };

    private static readonly Regex Strict = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", RegexOptions.CultureInvariant);

    public static TimeSpan? Offset(string? id) => Zones.Where(z => z.Id == id).Select(z => (TimeSpan?)z.Offset).FirstOrDefault();

    public static bool IsKnown(string? id) => Offset(id) != null;

    /// <summary>A date argument in the given zone, as UTC; null when the server would refuse it.</summary>
    public static DateTime? ParseUtc(string? text, TimeSpan offset)
    {
        if (text == null || !Strict.IsMatch(text)) return null;
        if (!DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    public static string Format(DateTime utc, TimeSpan offset) => (utc + offset).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    public static void Write(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        foreach (var zone in Zones)
        {
            w.WriteStartObject();
            w.WriteString("id", zone.Id);
            w.WriteString("displayName", zone.DisplayName);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The failed envelope the server sends for a date it cannot read.</summary>
    public static Envelope BadDate(string? text) =>
        Envelope.Failed("String was not recognized as a valid DateTime.", $"System.FormatException: String '{text}' was not recognized as a valid DateTime.");

    public static Envelope BadZone(string? id) =>
        Envelope.Failed($"The time zone ID '{id}' was not found on the local computer.", "System.TimeZoneNotFoundException");
}
