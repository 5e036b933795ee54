namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// Users, their privileges, MFA and folder access, as the reference describes them: names compare without regard to
/// case; privilege lists are comma lists where none/admin stand alone; folder access is given on user archives
/// (top-level folders) only; deleting a user keeps the archive folder; renaming does not rename it.
/// </summary>
internal sealed class FakeUserFunctions : IFakeFunctions
{
    private static readonly string[] Privileges = { "none", "admin", "login", "changePassword", "archive", "modifyArchiveProfiles", "export", "modifyExportProfiles", "delete" };
    private static readonly string[] LoginPrivileges = { "none", "windows", "web", "outlook", "windowsCmd", "imap", "api" };
    private static readonly string[] FolderPrivileges = { "none", "read", "write", "delete" };
    private readonly FakeMailStoreServer _server;

    public FakeUserFunctions(FakeMailStoreServer server) => _server = server;

    private FakeUserAccounts Users => _server.Accounts;

    public void Register(FakeFunctionTable table)
    {
        table.Add("GetUsers", async call =>
        {
            await DelayAsync(_server, call);
            var summaries = Users.SummariesJson();
            return Envelope.Succeeded(w => w.WriteRawValue(summaries, skipInputValidation: true));
        });
        table.Add("GetUserInfo", async call =>
        {
            using (_server.TrackUserInfo())
            {
                if (_server.Options.UserInfoLatency > TimeSpan.Zero) await Latency.WaitAsync(_server.Options.UserInfoLatency, call.Aborted);
                await DelayAsync(_server, call);
            }
            var user = Users.Find(call.Text("userName")!);
            if (user == null) return NoUser(call.Text("userName")!);
            // Written under the lock: a concurrent change must not alter the lists while they are written.
            return Envelope.Succeeded(w =>
            {
                lock (Users.Sync) user.WriteInfo(w);
            });
        });
        Add(table, "CreateUser", CreateUser);
        Add(table, "DeleteUser", call => Edit(call, user =>
        {
            Users.Delete(user.UserName);
            return null;
        }));
        Add(table, "RenameUser", call =>
        {
            var newName = call.Text("newUserName")!;
            var user = Users.Find(call.Text("oldUserName")!);
            if (user == null) return NoUser(call.Text("oldUserName")!);
            if (newName.Trim().Length == 0) return FakeCall.Invalid("The new user name is empty.");
            var other = Users.Find(newName);
            if (other != null && other != user) return Envelope.Failed($"User '{newName}' already exists.", null);
            lock (Users.Sync)
            {
                var account = Users.Edit(user.UserName)!;
                Users.Delete(account.UserName);
                account.UserName = newName;
                Users.Add(account);
            }
            return Envelope.Succeeded(null);
        });
        Add(table, "SetUserFullName", call => Edit(call, u => Set(() => u.FullName = call.Text("fullName"))));
        Add(table, "SetUserDistinguishedName", call => Edit(call, u => Set(() => u.DistinguishedName = call.Text("distinguishedName"))));
        Add(table, "SetUserAuthentication", call => Edit(call, u =>
        {
            var value = call.Text("authentication")!;
            if (value != "integrated" && value != "directoryServices") return $"Unknown authentication '{value}'.";
            u.Authentication = value;
            return null;
        }));
        Add(table, "SetUserEmailAddresses", call => Edit(call, u =>
        {
            var addresses = SplitList(call.Text("emailAddresses"));
            // An address belongs to one user only.
            var taken = addresses.Select(a => (Address: a, Owner: OwnerOf(a))).FirstOrDefault(t => t.Owner != null && !string.Equals(t.Owner, u.UserName, StringComparison.OrdinalIgnoreCase));
            if (taken.Owner != null) return $"The e-mail address '{taken.Address}' is already assigned to user '{taken.Owner}'.";
            u.EmailAddresses = addresses;
            return null;
        }));
        Add(table, "SetUserPop3UserNames", call => Edit(call, u => Set(() => u.Pop3UserNames = SplitList(call.Text("pop3UserNames")))));
        Add(table, "SetUserPrivileges", call => Edit(call, u => CheckList(call.Text("privileges"), Privileges, "admin", out var list) ?? Set(() => u.Privileges = list)));
        Add(table, "SetUserLoginPrivileges", call => Edit(call, u => CheckList(call.Text("loginPrivileges"), LoginPrivileges, null, out var list) ?? Set(() => u.LoginPrivileges = list)));
        Add(table, "SetUserPassword", call => Edit(call, u => Set(() => u.Password = call.Text("password"))));
        Add(table, "DisableMFA", call => Edit(call, u => Set(() => u.MfaStatus = "disabled")));
        Add(table, "InitializeMFA", call => Edit(call, u => Set(() => u.MfaStatus = "initialize")));
        Add(table, "DeleteAppPasswords", call => Edit(call, u => Set(() => u.AppPasswords = 0)));
        Add(table, "ClearUserPrivilegesOnFolders", call => Edit(call, u => Set(u.FolderPrivileges.Clear)));
        Add(table, "SetUserPrivilegesOnFolder", call => Edit(call, u =>
        {
            var folder = call.Text("folder")!;
            if (folder.Contains('/') || !_server.Folders.Exists(folder)) return $"Folder '{folder}' does not exist or is not a user archive.";
            var problem = CheckList(call.Text("privileges"), FolderPrivileges, null, out var list);
            if (problem != null) return problem;
            var canonical = _server.Folders.Canonical(folder)!;
            u.FolderPrivileges.RemoveAll(f => string.Equals(f.Folder, canonical, StringComparison.OrdinalIgnoreCase));
            if (!list.SequenceEqual(new[] { "none" })) u.FolderPrivileges.Add((canonical, list));
            return null;
        }));
    }

    /// <summary>The added latency of every call of the user and folder areas (plays a remote server).</summary>
    internal static Task DelayAsync(FakeMailStoreServer server, FakeCall call) =>
        server.Options.CallLatency > TimeSpan.Zero ? Latency.WaitAsync(server.Options.CallLatency, call.Aborted) : Task.CompletedTask;

    private void Add(FakeFunctionTable table, string function, Func<FakeCall, Envelope> handler) =>
        table.Add(function, async call =>
        {
            await DelayAsync(_server, call);
            return handler(call);
        });

    private Envelope CreateUser(FakeCall call)
    {
        var userName = call.Text("userName")!;
        if (userName.Trim().Length == 0) return FakeCall.Invalid("The user name is empty.");
        var problem = CheckList(call.Text("privileges"), Privileges, "admin", out var privileges);
        if (problem != null) return FakeCall.Invalid(problem);
        problem = CheckList(call.Text("loginPrivileges") ?? "none", LoginPrivileges, null, out var logins);
        if (problem != null) return FakeCall.Invalid(problem);
        var authentication = call.Text("authentication") ?? "integrated";
        if (authentication != "integrated" && authentication != "directoryServices") return FakeCall.Invalid($"Unknown authentication '{authentication}'.");
        lock (Users.Sync)
        {
            if (Users.Find(userName) != null) return Envelope.Failed($"User '{userName}' already exists.", "MailStore.Common.ApiException: User already exists.");
            Users.Add(new FakeAccount
            {
                UserName = userName, FullName = call.Text("fullName"), DistinguishedName = call.Text("distinguishedName"),
                Authentication = authentication, Password = call.Text("password"), Privileges = privileges, LoginPrivileges = logins,
            });
        }
        _server.Folders.Add(userName, 0);
        return Envelope.Succeeded(null);
    }

    /// <summary>Runs a change on an existing user under the lock; the change returns a problem text or null.</summary>
    private Envelope Edit(FakeCall call, Func<FakeAccount, string?> change)
    {
        var userName = call.Text("userName")!;
        lock (Users.Sync)
        {
            var user = Users.Edit(userName);
            if (user == null) return NoUser(userName);
            var problem = change(user);
            return problem == null ? Envelope.Succeeded(null) : FakeCall.Invalid(problem);
        }
    }

    private string? OwnerOf(string address) =>
        Users.All().FirstOrDefault(a => a.EmailAddresses.Contains(address, StringComparer.OrdinalIgnoreCase))?.UserName;

    private static string? Set(Action set)
    {
        set();
        return null;
    }

    private static Envelope NoUser(string userName) =>
        Envelope.Failed($"User '{userName}' does not exist.", "MailStore.Common.ApiException: User does not exist.");

    private static List<string> SplitList(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>A comma list of known words, "none" (and <paramref name="alone"/>) only by itself; exact case, as the server parses.</summary>
    private static string? CheckList(string? text, string[] known, string? alone, out List<string> list)
    {
        list = SplitList(text);
        if (list.Count == 0) return "The list of privileges is empty.";
        var unknown = list.FirstOrDefault(p => !known.Contains(p, StringComparer.Ordinal));
        if (unknown != null) return $"Unknown privilege '{unknown}'.";
        foreach (var single in new[] { "none", alone })
        {
            if (single != null && list.Contains(single) && list.Count > 1) return $"'{single}' cannot be combined with other privileges.";
        }
        return null;
    }
}
