using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.FakeServers.MailStore;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Stores;

/// <summary>Store changes that finish at once, against the fake's mutable store list.</summary>
public class StoreChangeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    internal static async Task<List<MsStore>> StoresAsync(MsConnection connection)
    {
        var context = new RecordingContext();
        await MsStoreOperations.FindStoresAsync(connection, null, null, false, context, None);
        return context.Of<MsStore>();
    }

    [Fact]
    public async Task New_store_is_created_with_its_state_and_written_as_the_server_lists_it()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        var name = MsStoreChangeOperations.YearlyStoreName(null, 2027);
        await MsStoreChangeOperations.AddStoreAsync(connection, name, new MsStoreLocation { DatabasePath = @"E:\Archive\2027" }, MsStoreState.Normal,
            attach: false, context, None);

        var created = context.Single<MsStore>();
        Assert.Equal("Archive 2027", created.Name);
        Assert.Equal(4, created.Id);
        Assert.Equal(@"E:\Archive\2027", created.DatabasePath);
        var sent = server.CallsTo("/CreateStore").Single().Form;
        Assert.Equal("normal", sent["requestedState"]);
        Assert.False(sent.ContainsKey("type"));
        Assert.Equal(@"Create store 'Archive 2027' at E:\Archive\2027 on " + connection, Assert.Single(context.ShouldProcessTargets));
    }

    [Fact]
    public async Task A_name_in_use_a_missing_type_or_a_bad_year_pattern_is_refused_before_anything_changes()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var exists = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsStoreChangeOperations.AddStoreAsync(connection, "archive 2025", null, null, false, new RecordingContext(), None));
        Assert.Equal(ErrorKind.ResourceExists, exists.Kind);
        var noType = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsStoreChangeOperations.AddStoreAsync(connection, "Old", new MsStoreLocation { DatabasePath = @"F:\Old" }, null, true, new RecordingContext(), None));
        Assert.Equal("StoreTypeMissing", noType.ErrorId);
        Assert.Equal("StoreNamePatternInvalid", Assert.Throws<MailStoreAdminException>(() => MsStoreChangeOperations.YearlyStoreName("Archive", 2027)).ErrorId);
        Assert.Equal("StoreYearInvalid", Assert.Throws<MailStoreAdminException>(() => MsStoreChangeOperations.YearlyStoreName(null, 27)).ErrorId);
        Assert.Equal("Mail {0}".Replace("{0}", "2030"), MsStoreChangeOperations.YearlyStoreName("Mail {0}", 2030));
        Assert.Empty(server.CallsTo("/CreateStore"));
        Assert.Empty(server.CallsTo("/AttachStore"));
    }

    [Fact]
    public async Task What_if_creates_nothing_and_attach_sends_the_type_and_keeps_the_database_password_out_of_the_question()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var location = new MsStoreLocation { Type = MsStoreType.SQLServer, ServerName = "sql01", DatabaseName = "ms2019", UserName = "ms", Password = "Db-Secret-77" };
        var whatIf = new RecordingContext { Confirm = false };
        await MsStoreChangeOperations.AddStoreAsync(connection, "Archive 2019", location, MsStoreState.WriteProtected, attach: true, whatIf, None);
        Assert.Empty(server.CallsTo("/AttachStore"));
        Assert.Empty(whatIf.Objects);

        var context = new RecordingContext(debug: true);
        await MsStoreChangeOperations.AddStoreAsync(connection, "Archive 2019", location, MsStoreState.WriteProtected, attach: true, context, None);
        var sent = server.CallsTo("/AttachStore").Single().Form;
        Assert.Equal("SQLServer", sent["type"]);
        Assert.Equal("writeProtected", sent["requestedState"]);
        Assert.Equal("Db-Secret-77", sent["password"]);
        Assert.Equal("writeProtected", context.Single<MsStore>().RequestedState);
        Assert.DoesNotContain("Db-Secret-77", string.Join("\n", whatIf.ShouldProcessTargets.Concat(context.ShouldProcessTargets)) + context.AllText());
    }

    [Fact]
    public async Task Rename_set_state_and_properties_change_the_store_and_pass_it_through()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsStoreChangeOperations.RenameStoreAsync(connection, 3, "Archive 2026 (closed)", passThru: true, context, None);
        Assert.Equal("Archive 2026 (closed)", context.Single<MsStore>().Name);

        var set = new RecordingContext();
        await MsStoreChangeOperations.SetStoreAsync(connection, 2, MsStoreState.WriteProtected, new MsStoreLocation { IndexPath = @"G:\Index\2" }, true, set, None);
        var store = set.Single<MsStore>();
        Assert.Equal("writeProtected", store.RequestedState);
        Assert.Equal(@"G:\Index\2", store.IndexPath);
        Assert.Equal("Set store 2 'Archive 2025' on " + connection + " (requested state normal -> writeProtected; properties indexPath)",
            Assert.Single(set.ShouldProcessTargets));
        Assert.Equal(@"G:\Index\2", server.CallsTo("/SetStoreProperties").Single().Form["indexPath"]);
    }

    [Fact]
    public async Task An_unknown_store_an_undefined_state_or_nothing_to_change_sends_no_change()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var missing = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsStoreChangeOperations.SetStoreAsync(connection, 42, MsStoreState.Disabled, null, false, new RecordingContext(), None));
        Assert.Equal(ErrorKind.ObjectNotFound, missing.Kind);
        Assert.Equal("MailStoreStoreNotFound", missing.ErrorId);
        var undefined = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsStoreChangeOperations.SetStoreAsync(connection, 1, (MsStoreState)42, null, false, new RecordingContext(), None));
        Assert.Equal("StoreStateInvalid", undefined.ErrorId);
        var nothing = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsStoreChangeOperations.SetStoreAsync(connection, 1, null, new MsStoreLocation(), false, new RecordingContext(), None));
        Assert.Equal("StoreChangeMissing", nothing.ErrorId);
        await Assert.ThrowsAsync<MailStoreAdminException>(() => MsStoreChangeOperations.RenameStoreAsync(connection, 1, "Archive 2025", false, new RecordingContext(), None));
        Assert.DoesNotContain(server.Calls, c => c.Function.StartsWith("Set", StringComparison.Ordinal) || c.Function == "RenameStore");
    }

    [Fact]
    public async Task Dismount_detaches_the_store_and_unlock_hides_the_passphrase_even_when_the_server_refuses_it()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var whatIf = new RecordingContext { Confirm = false };
        await MsStoreChangeOperations.DismountStoreAsync(connection, 2, whatIf, None);
        Assert.Empty(server.CallsTo("/DetachStore"));
        Assert.Equal("Detach store 2 'Archive 2025' on " + connection, Assert.Single(whatIf.ShouldProcessTargets));
        await MsStoreChangeOperations.DismountStoreAsync(connection, 2, new RecordingContext(), None);
        Assert.DoesNotContain(await StoresAsync(connection), s => s.Id == 2);

        var context = new RecordingContext(debug: true);
        var wrong = await Assert.ThrowsAsync<MsApiException>(() => MsStoreChangeOperations.UnlockStoreAsync(connection, 1, "Wrong-Phrase-9", false, context, None));
        Assert.DoesNotContain("Wrong-Phrase-9", wrong.Message + context.AllText() + string.Join("", context.ShouldProcessTargets));
        await MsStoreChangeOperations.UnlockStoreAsync(connection, 1, server.Options.StorePassphrase, true, context, None);
        Assert.Equal(1, context.Single<MsStore>().Id);
    }
}
