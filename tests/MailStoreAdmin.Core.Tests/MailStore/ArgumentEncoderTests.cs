using System.Collections;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using Xunit;

namespace MailStoreAdmin.Core.Tests.MailStore;

public class ArgumentEncoderTests
{
    private static readonly MsApiFunction GetWorkerResults = new("GetWorkerResults", new[]
    {
        new MsApiArgument("fromIncluding", "string", false),
        new MsApiArgument("toExcluding", "string", false),
        new MsApiArgument("timeZoneID", "string", false),
        new MsApiArgument("profileID", "number", true),
        new MsApiArgument("userName", "string", true),
    }, null);

    private static readonly MsApiFunction Mixed = new("Mixed", new[]
    {
        new MsApiArgument("flag", "bool", false),
        new MsApiArgument("count", "number", true),
        new MsApiArgument("config", "json", true),
        new MsApiArgument("list", "string", true),
        new MsApiArgument("password", "string", true),
    }, null);

    private static Dictionary<string, string> Encode(MsApiFunction f, params (string, object?)[] args) =>
        MsArgumentEncoder.Encode(f, Fake.Args(args), null).Fields.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Dates_use_the_only_format_the_server_parses_and_unset_optionals_are_left_out()
    {
        var fields = Encode(GetWorkerResults,
            ("FROMINCLUDING", new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc)),
            ("toExcluding", new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.FromHours(2))),
            ("timezoneid", "$Local"),
            ("profileID", null));

        Assert.Equal("2026-01-02T03:04:05", fields["fromIncluding"]);
        Assert.Equal("2026-01-03T00:00:00", fields["toExcluding"]);
        // Sent with the server's spelling whatever the caller typed.
        Assert.Equal("$Local", fields["timeZoneID"]);
        Assert.False(fields.ContainsKey("profileID"));
        Assert.False(fields.ContainsKey("userName"));
    }

    [Fact]
    public void Values_are_encoded_by_metadata_type_in_the_invariant_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var config = new Hashtable { ["name"] = "Store", ["size"] = 1.5, ["tags"] = new[] { "a", "b" }, ["on"] = true };
            var fields = Encode(Mixed, ("flag", true), ("count", 2.5), ("config", config), ("list", new[] { "login", "archive" }));
            Assert.Equal("true", fields["flag"]);
            Assert.Equal("2.5", fields["count"]);
            Assert.Equal("login,archive", fields["list"]);
            using var json = System.Text.Json.JsonDocument.Parse(fields["config"]);
            Assert.Equal(1.5, json.RootElement.GetProperty("size").GetDouble());
            Assert.Equal("b", json.RootElement.GetProperty("tags")[1].GetString());
            Assert.True(json.RootElement.GetProperty("on").GetBoolean());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("False", "false")]
    [InlineData("1", "true")]
    [InlineData(0, "false")]
    public void Bool_text_and_numbers_are_normalised(object given, string sent) =>
        Assert.Equal(sent, Encode(Mixed, ("flag", given))["flag"]);

    [Theory]
    [InlineData("flag", "maybe", "expects true or false")]
    [InlineData("count", "ten", "expects a number")]
    [InlineData("config", "{not json", "expects JSON")]
    public void Wrong_value_types_are_refused_before_sending(string name, object value, string message)
    {
        var e = Assert.Throws<MailStoreAdminException>(() => name == "flag" ? Encode(Mixed, (name, value)) : Encode(Mixed, ("flag", true), (name, value)));
        Assert.Equal("InvalidApiArgument", e.ErrorId);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Unknown_and_missing_arguments_are_named()
    {
        var unknown = Assert.Throws<MailStoreAdminException>(() => Encode(Mixed, ("flag", true), ("colour", "red")));
        Assert.Contains("'colour'", unknown.Message);
        Assert.Contains("flag:bool", unknown.Message);

        var missing = Assert.Throws<MailStoreAdminException>(() => Encode(GetWorkerResults, ("fromIncluding", "x")));
        Assert.Contains("'toExcluding', 'timeZoneID'", missing.Message);
        Assert.Equal(ErrorKind.InvalidArgument, missing.Kind);
    }

    [Fact]
    public void Instance_id_is_injected_only_where_the_function_takes_it()
    {
        var speFunction = new MsApiFunction("GetUsers", new[] { new MsApiArgument("instanceID", "string", false) }, null);
        var injected = MsArgumentEncoder.Encode(speFunction, null, "tenant1").Fields;
        Assert.Equal(new KeyValuePair<string, string>("instanceID", "tenant1"), Assert.Single(injected));

        var explicitValue = MsArgumentEncoder.Encode(speFunction, Fake.Args(("instanceId", "other")), "tenant1").Fields;
        Assert.Equal("other", Assert.Single(explicitValue).Value);

        Assert.DoesNotContain(MsArgumentEncoder.Encode(Mixed, Fake.Args(("flag", false)), "tenant1").Fields, f => f.Key == "instanceID");

        var noInstance = Assert.Throws<MailStoreAdminException>(() => MsArgumentEncoder.Encode(speFunction, null, null));
        Assert.Contains("(InstanceId)", noInstance.Message);
    }

    [Fact]
    public void Validation_errors_never_quote_a_secret_value()
    {
        var function = new MsApiFunction("UnlockStore", new[] { new MsApiArgument("passphraseLength", "number", false) }, null);
        var e = Assert.Throws<MailStoreAdminException>(() => MsArgumentEncoder.Encode(function, Fake.Args(("passphraseLength", "Tr0ub4dor")), null));
        Assert.DoesNotContain("Tr0ub4dor", e.Message);
        Assert.Contains("***", e.Message);
    }

    [Fact]
    public void Metadata_lookup_by_wildcard_and_exact_name()
    {
        var metadata = new MsMetadata(new[] { GetWorkerResults, Mixed, new MsApiFunction("VerifyStore", Array.Empty<MsApiArgument>(), null) });
        var found = new List<string>();
        var errors = new List<MailStoreAdminException>();
        metadata.Find(new[] { "get*", "verifystore", "VerifyStorez" }, f => found.Add(f.Name), errors.Add);
        Assert.Equal(new[] { "GetWorkerResults", "VerifyStore" }, found);
        Assert.Equal("UnknownApiFunction", Assert.Single(errors).ErrorId);
        Assert.Contains("VerifyStore", errors[0].Message);

        found.Clear();
        metadata.Find(null, f => found.Add(f.Name), errors.Add);
        Assert.Equal(3, found.Count);
    }

    [Fact]
    public void Secret_argument_values_are_tracked_for_redaction()
    {
        var encoded = MsArgumentEncoder.Encode(Mixed, Fake.Args(("flag", true), ("password", "s3cr&t")), null);
        Assert.Equal(new[] { "s3cr&t" }, encoded.Secrets);
    }
}
