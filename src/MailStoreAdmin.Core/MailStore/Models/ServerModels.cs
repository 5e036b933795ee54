using System.Text.Json;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>GetLicenseInformation: named users against the licence, and the raw object.</summary>
    public sealed class MsLicense
    {
        public int? NamedUsers { get; set; }
        public int? MaxNamedUsers { get; set; }

        /// <summary>Named users as a percentage of the licence; null when the licence has no user limit.</summary>
        public double? UsedPercent => NamedUsers is int used && MaxNamedUsers is int max && max > 0 ? 100.0 * used / max : (double?)null;

        public PlainObject? Details { get; set; }
        public string? ComputerName { get; set; }

        internal static MsLicense Read(JsonElement item, string computerName) => new MsLicense
        {
            NamedUsers = JsonFields.Int(item, "namedUsers"),
            MaxNamedUsers = JsonFields.Int(item, "maxNamedUsers"),
            Details = JsonPlain.ToPlain(item) as PlainObject,
            ComputerName = computerName,
        };
    }
}
