using System.Text.Json;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// A configuration the server keeps as a whole (compliance, retention policies, store auto-create): Get returns
/// exactly what the last Set stored, so a test sees whether a property the module does not know survived.
/// </summary>
public sealed class FakeJsonSetting
{
    private readonly JsonValueKind _kind;
    private string _json;

    public FakeJsonSetting(string initialJson)
    {
        _json = initialJson;
        using var document = JsonDocument.Parse(initialJson);
        _kind = document.RootElement.ValueKind;
    }

    public string Json => Volatile.Read(ref _json);

    public int SetCount { get; private set; }

    public void Write(Utf8JsonWriter w) => w.WriteRawValue(Json);

    /// <summary>Stores the text; a problem (not JSON, wrong shape) is returned for a failed envelope.</summary>
    public string? Set(string? text, Func<JsonElement, string?>? validate = null)
    {
        try
        {
            using var document = JsonDocument.Parse(text ?? string.Empty);
            if (document.RootElement.ValueKind != _kind) return $"The configuration must be a JSON {_kind.ToString().ToLowerInvariant()}.";
            var problem = validate?.Invoke(document.RootElement);
            if (problem != null) return problem;
        }
        catch (JsonException e)
        {
            return "The configuration is not valid JSON: " + e.Message;
        }
        Volatile.Write(ref _json, text!);
        SetCount++;
        return null;
    }
}
