using System.Collections.Specialized;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.MailStore;

public sealed class DirectoryServicesConfigurationTests
{
    private static OrderedDictionary ReadBack() => new() { ["type"] = "applicationIntegration", ["userName"] = "mailstore", ["password"] = null };

    [Fact]
    public void The_password_goes_into_a_copy_under_the_configurations_own_key()
    {
        var input = new OrderedDictionary { ["type"] = "x", ["userName"] = "svc", ["Password"] = null };
        var context = new RecordingContext();
        var sent = DirectoryServicesConfiguration.Prepare(input, "Dir-Pw-1", context);
        Assert.Equal("Dir-Pw-1", sent["Password"]);
        Assert.Null(input["Password"]);
        Assert.Equal(3, sent.Count);
        Assert.Empty(context.Warnings);
    }

    [Fact]
    public void A_read_back_object_without_password_is_sent_with_a_warning()
    {
        var context = new RecordingContext();
        var sent = DirectoryServicesConfiguration.Prepare(ReadBack(), null, context);
        Assert.Null(sent["password"]);
        Assert.Contains(context.Warnings, w => w.Contains("(Password)"));
    }

    [Fact]
    public void Json_text_is_accepted_and_anything_else_is_refused()
    {
        var sent = DirectoryServicesConfiguration.Prepare("{\"type\":\"ldap\",\"deleteUsers\":true}", null, new RecordingContext());
        Assert.Equal(true, sent["deleteUsers"]);
        foreach (var bad in new object?[] { "[1,2]", "not json", 42, null })
        {
            var e = Assert.Throws<MailStoreAdminException>(() => DirectoryServicesConfiguration.Prepare(bad, null, new RecordingContext()));
            Assert.Equal("DirectoryServicesConfigurationInvalid", e.ErrorId);
        }
    }

    [Fact]
    public void A_password_with_no_key_to_go_to_is_refused_without_inventing_one()
    {
        var e = Assert.Throws<MailStoreAdminException>(() =>
            DirectoryServicesConfiguration.Prepare(new OrderedDictionary { ["type"] = "x" }, "pw", new RecordingContext()));
        Assert.Equal("DirectoryServicesConfigurationHasNoPassword", e.ErrorId);
    }
}
