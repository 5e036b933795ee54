using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>
    /// Source-generated (no reflection at run time). Case-insensitive names and numbers-as-strings, because the
    /// server's casing (profileId/profileID) and number encoding vary between versions.
    /// </summary>
    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(MsServerInfo))]
    [JsonSerializable(typeof(MsUser))]
    [JsonSerializable(typeof(MsStore))]
    [JsonSerializable(typeof(MsStoreIndex))]
    internal sealed partial class MsJsonContext : JsonSerializerContext
    {
    }

    internal static class MsJson
    {
        public static T Read<T>(JsonElement element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        {
            try
            {
                return element.Deserialize(info)!;
            }
            catch (JsonException e)
            {
                throw new Errors.MailStoreAdminException(Errors.ErrorKind.InvalidResult, "UnexpectedResultShape",
                    $"The server's result does not have the expected shape of {typeof(T).Name}: {e.Message}", inner: e);
            }
        }
    }
}
