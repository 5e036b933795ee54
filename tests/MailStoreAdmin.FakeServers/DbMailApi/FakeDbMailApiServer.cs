using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MailStoreAdmin.FakeServers.MailStore;
using Microsoft.AspNetCore.Http;

namespace MailStoreAdmin.FakeServers.DbMailApi;

/// <summary>
/// 66ru/dbmail-api on loopback, reproducing the recorded transcripts: secKey as a form field (403 with a bare HTML
/// body otherwise), text/html on every response, PHP json_encode bytes, 400 "wrong input" by PHP's empty(),
/// Yii's 404 text, 500 with the CLI command line (password included), and every quirk of the rule routes.
/// Requests are recorded (secKey included: the tests assert what went over the wire).
/// </summary>
public sealed class FakeDbMailApiServer : IAsyncDisposable
{
    public const string ForbiddenBody = "<h1>CHttpException</h1>\n<p></p>";
    private const string PhpWarning = "<br />\n<b>Warning</b>:  Undefined array key \"{0}\" in <b>/srv/dbmail-api/www/index.php</b> on line <b>{1}</b><br />\n";
    private static readonly Regex ActionPath = new("^/(?:index\\.php/|site/)?(?<action>\\w*)/?$", RegexOptions.CultureInvariant);
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly object _lock = new();
    private LoopbackHost? _host;

    public FakeDbMailApiServer(FakeDbMailOptions? options = null)
    {
        Options = options ?? new FakeDbMailOptions();
    }

    public FakeDbMailOptions Options { get; }
    public FakeDbMailState State { get; } = new();
    public Uri Uri => _host?.Uri ?? throw new InvalidOperationException("Not started.");
    public string? Thumbprint => _host?.Thumbprint;
    public IReadOnlyList<RecordedCall> Calls => _calls.ToArray();
    public IEnumerable<RecordedCall> CallsTo(string route) => _calls.Where(c => string.Equals(c.Path.TrimStart('/'), route, StringComparison.OrdinalIgnoreCase));
    public void ClearCalls() => _calls.Clear();

    public static async Task<FakeDbMailApiServer> StartAsync(FakeDbMailOptions? options = null)
    {
        var server = new FakeDbMailApiServer(options);
        server._host = await LoopbackHost.StartAsync(server.HandleAsync, server.Options.Tls, server.Options.Port);
        return server;
    }

    /// <summary>Adds a user as dbmail-users -a would (for test setup without going through the API).</summary>
    public void AddUser(string name, string password = "pw", int unread = 0)
    {
        lock (_lock) State.Users[name] = new FakeDbMailUser(name, Sha256(password), new[] { AliasFor(name) }) { UnreadCount = unread };
    }

    public string? ScriptOf(string user)
    {
        lock (_lock)
        {
            if (!State.Users.TryGetValue(user, out var u) || u.Script == null) return null;
            // The header is rebuilt on every write: the union of the blocks' requirements, in script order.
            var requires = u.Script.SelectMany(b => b.Requires).Distinct().ToList();
            var header = requires.Count == 0 ? "" : requires.Count == 1 ? $"require {PhpJson.String(requires[0])};"
                : "require [" + string.Join(", ", requires.Select(r => "\"" + r + "\"")) + "];";
            return header + "\n\n" + string.Concat(u.Script.Select(b => b.SieveText + "\n"));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/_fake/", StringComparison.Ordinal))
        {
            await HandleControlAsync(context, path);
            return;
        }
        // PHP fills $_POST only from form bodies; a JSON body, a GET or query-string fields leave it empty.
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.Method == "POST" && request.HasFormContentType)
        {
            foreach (var field in await request.ReadFormAsync()) form[field.Key] = field.Value.ToString();
        }
        _calls.Enqueue(new RecordedCall(request.Method, path, form, request.ContentLength.HasValue, "", request.ContentType));

        if (!form.TryGetValue("secKey", out var key) || key != Options.SecKey)
        {
            await WriteAsync(context, 403, ForbiddenBody);
            return;
        }
        var match = ActionPath.Match(path);
        var action = match.Success ? match.Groups["action"].Value : path.Trim('/');
        if (action.Length == 0) action = "index";
        int status;
        string body;
        try
        {
            lock (_lock) body = Dispatch(action, form);
            status = 200;
        }
        catch (FakeApiError e)
        {
            status = e.Status;
            body = "{\"status\":\"error\",\"message\":" + PhpJson.String(e.Message) + "}";
        }
        await WriteAsync(context, status, body);
    }

    private string Dispatch(string action, Dictionary<string, string> form)
    {
        switch (action.ToLowerInvariant())
        {
            case "isuserpresent":
                return Ok("\"found\":" + (State.Users.ContainsKey(Required(form, "userName")) ? "true" : "false"));
            case "createuser": return CreateUser(Required(form, "userName"), Required(form, "password"));
            case "changepassword": return ChangePassword(Required(form, "userName"), Required(form, "password"));
            case "deleteuser": return DeleteUser(Required(form, "userName"));
            case "truncateuser": return TruncateUser(Required(form, "userName"));
            case "getunreadcount":
                var unread = State.Users.TryGetValue(Required(form, "userName"), out var reader) ? reader.UnreadCount : 0;
                return Ok("\"unreadCount\":" + Number(unread));
            case "createrule": return CreateRule(form);
            case "deleterule": return DeleteRule(Required(form, "userName"), Required(form, "ruleName"));
            case "getrules": return GetRules(Required(form, "userName"));
            case "addgetmailrule": return AddFetchRule(form);
            case "editgetmailrule": return EditFetchRule(form);
            case "removegetmailrule": return RemoveFetchRule(Required(form, "ruleId"));
            case "listgetmailrules": return ListFetchRules(Required(form, "userName"));
            default:
                throw new FakeApiError(404, $"The system is unable to find the requested action \"{action}\".");
        }
    }

    private string CreateUser(string user, string password)
    {
        var aliases = user.Contains('@') ? user : user + "@" + Options.DefaultMailDomain;
        if (State.Users.ContainsKey(user))
        {
            throw Cli($"dbmail-users -a '{user}' -w '{password}' -p sha256 -s '{aliases}'", 1, $"Adding user [{user}]...\nCommand failed, see logfile for details.\n");
        }
        // dbmail-users -s splits on commas: one alias per part.
        State.Users[user] = new FakeDbMailUser(user, Sha256(password), aliases.Split(','));
        return Ok();
    }

    private string ChangePassword(string user, string password)
    {
        RequireUser(user, $"dbmail-users -c '{user}' -w '{password}' -p sha256").PasswordSha256 = Sha256(password);
        return Ok();
    }

    private string DeleteUser(string user)
    {
        RequireUser(user, $"dbmail-users -d '{user}'");
        State.Users.Remove(user);  // the getmail rows stay behind: the real API never touches them
        return Ok();
    }

    private string TruncateUser(string user)
    {
        RequireUser(user, $"dbmail-users -e '{user}' -y").UnreadCount = 0;
        return Ok();
    }

    private string CreateRule(Dictionary<string, string> form)
    {
        var user = Required(form, "userName");
        var name = Required(form, "ruleName");
        var rules = DecodeRequired(form, "rules");
        var actions = DecodeRequired(form, "actions");
        if (actions.ValueKind != JsonValueKind.Object) throw new FakeApiError(400, "wrong input");
        var join = form.TryGetValue("rulesJoinOperator", out var j) && !FakeSieveCreator.PhpEmpty(j) ? j : "and";
        var disabled = form.TryGetValue("disabled", out var d) && !FakeSieveCreator.PhpEmpty(d);
        var block = FakeSieveCreator.Create(name, rules, actions, join, disabled, Options.SbinPath + "/dbmail-sievecmd -u '" + user + "' -i script.sieve " + Options.TempPath + "/sieve-" + TempSuffix() + " -y");
        if (!State.Users.TryGetValue(user, out var owner)) throw SieveImportFailed(user);
        var script = owner.Script ?? new List<FakeRuleBlock>();
        script.Add(block);
        // Regrouped by the first action after every merge; older blocks first within a group (a stable sort).
        owner.Script = script.OrderBy(b => FakeSieveCreator.ActionRank(b.FirstAction)).ToList();
        return Ok();
    }

    private string DeleteRule(string user, string name)
    {
        if (!State.Users.TryGetValue(user, out var owner)) throw SieveImportFailed(user);
        // The real regex is quoted but not anchored at the end of the name: every rule starting with it goes.
        owner.Script?.RemoveAll(b => b.Name.StartsWith(name, StringComparison.Ordinal));
        return Ok();
    }

    private string GetRules(string user)
    {
        if (!State.Users.TryGetValue(user, out var owner) || owner.Script == null || owner.Script.Count == 0) return Ok("\"rules\":[]");
        // A PHP array keyed by name: a duplicate keeps the first position and takes the last block's value.
        var byName = new Dictionary<string, FakeRuleBlock>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var block in owner.Script)
        {
            if (!byName.ContainsKey(block.Name)) order.Add(block.Name);
            byName[block.Name] = block;
        }
        var entries = order.Select(n =>
        {
            var b = byName[n];
            return PhpJson.String(n) + ":{\"rules\":" + b.RulesJson + ",\"actions\":" + b.ActionsJson + ",\"disabled\":" +
                (b.Disabled ? "true" : "false") + ",\"rulesJoinOperator\":" + PhpJson.String(b.JoinOperator) + "}";
        });
        return Ok("\"rules\":{" + string.Join(",", entries) + "}");
    }

    private string AddFetchRule(Dictionary<string, string> form)
    {
        var rule = new FakeFetchRule
        {
            Id = State.NextFetchRuleId,
            DbMailUserName = Required(form, "userName"),
            Host = Required(form, "host"),
            Email = Required(form, "email"),
            Password = Required(form, "password"),
        };
        rule.Delete = ValidateForSave(rule, form);
        State.NextFetchRuleId++;
        State.FetchRules.Add(rule);
        return Ok("\"ruleId\":" + PhpJson.String(rule.Id.ToString()));
    }

    private string EditFetchRule(Dictionary<string, string> form)
    {
        var id = Required(form, "id");
        var user = Required(form, "userName");
        var host = Required(form, "host");
        var email = Required(form, "email");
        var rule = State.FetchRules.FirstOrDefault(r => r.Id.ToString() == id)
            ?? throw new FakeApiError(500, "Attempt to read property \"dbMailUserName\" on null");
        if (rule.DbMailUserName != user) throw new FakeApiError(500, "you are not the owner this rule");
        if (!form.TryGetValue("password", out var password)) throw new FakeApiError(500, "Undefined array key \"password\"");
        var candidate = new FakeFetchRule { Id = rule.Id, DbMailUserName = user, Host = host, Email = email, Password = password.Length == 0 ? rule.Password : password };
        var delete = ValidateForSave(candidate, form);
        rule.Host = candidate.Host;
        rule.Email = candidate.Email;
        rule.Password = candidate.Password;
        rule.Delete = delete;
        return Ok();
    }

    /// <summary>Yii's rules for GetMailRule: delete an integer >= 0 (so a missing one fails), strings up to 255.</summary>
    private static int ValidateForSave(FakeFetchRule rule, Dictionary<string, string> form)
    {
        var fields = new[] { rule.Host, rule.Email, rule.Password, rule.DbMailUserName };
        if (!form.TryGetValue("delete", out var delete) || !Regex.IsMatch(delete, "^[0-9]+$") || fields.Any(f => f.Length > 255))
        {
            throw new FakeApiError(500, "error while saving rule");
        }
        return int.Parse(delete);
    }

    private string RemoveFetchRule(string id)
    {
        var removed = State.FetchRules.RemoveAll(r => r.Id.ToString() == id);
        if (removed == 0) throw new FakeApiError(500, "rule not found");
        return Ok();
    }

    private string ListFetchRules(string user)
    {
        var rows = State.FetchRules.Where(r => r.DbMailUserName == user).Select(r =>
            "{\"status\":" + Number(r.Status) + ",\"id\":" + Number(r.Id) + ",\"host\":" + PhpJson.String(r.Host) +
            ",\"email\":" + PhpJson.String(r.Email) + ",\"password\":" + PhpJson.String(r.Password) +
            ",\"dbMailUserName\":" + PhpJson.String(r.DbMailUserName) + ",\"delete\":" + Number(r.Delete) + ",\"ssl\":" + Number(r.Ssl) + "}");
        return Ok("\"rules\":[" + string.Join(",", rows) + "]");
    }

    private FakeDbMailUser RequireUser(string user, string command)
    {
        if (State.Users.TryGetValue(user, out var found)) return found;
        throw Cli(command, 255, $"Error: user [{user}] does not exist.\nCommand failed, see logfile for details.\n");
    }

    private FakeApiError SieveImportFailed(string user) =>
        Cli($"dbmail-sievecmd -u '{user}' -i script.sieve {Options.TempPath}/sieve-{TempSuffix()} -y", 255, "");

    /// <summary>mkstemp's six random characters.</summary>
    private static string TempSuffix() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(6)).Replace('+', 'a').Replace('/', 'b')[..6];

    private FakeApiError Cli(string command, int code, string output) =>
        new(500, $"'{Options.SbinPath}/{command}' returned code {code} with message: {output}");

    private static string Required(Dictionary<string, string> form, string name)
    {
        if (!form.TryGetValue(name, out var value) || FakeSieveCreator.PhpEmpty(value)) throw new FakeApiError(400, "wrong input");
        return value;
    }

    private static JsonElement DecodeRequired(Dictionary<string, string> form, string name)
    {
        var text = Required(form, name);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var empty = root.ValueKind == JsonValueKind.Array ? root.GetArrayLength() == 0
                : root.ValueKind == JsonValueKind.Object ? !root.EnumerateObject().Any()
                : root.ValueKind is JsonValueKind.Null or JsonValueKind.False || (root.ValueKind == JsonValueKind.String && FakeSieveCreator.PhpEmpty(root.GetString()!));
            if (empty) throw new FakeApiError(400, "wrong input");
            return root.Clone();
        }
        catch (JsonException)
        {
            throw new FakeApiError(400, "wrong input");
        }
    }

    private string Number(int value) => Options.NumbersAsStrings ? PhpJson.String(value.ToString()) : value.ToString();

    private static string Ok(string? members = null) => "{\"status\":\"ok\"" + (members == null ? "" : "," + members) + "}";

    private string AliasFor(string user) => user.Contains('@') ? user : user + "@" + Options.DefaultMailDomain;

    private static string Sha256(string password) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password))).ToLowerInvariant();

    private async Task WriteAsync(HttpContext context, int status, string body)
    {
        if (Options.PhpWarnings) body = string.Format(PhpWarning, "yiiDebug", 5) + string.Format(PhpWarning, "useSentry", 12) + body;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=UTF-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    private async Task HandleControlAsync(HttpContext context, string path)
    {
        var query = context.Request.Query;
        string body = "{}";
        lock (_lock)
        {
            switch (path)
            {
                case "/_fake/calls":
                    body = JsonSerializer.Serialize(_calls.Select(c => new { Route = c.Path.TrimStart('/'), c.Form }));
                    break;
                case "/_fake/reset":
                    _calls.Clear();
                    break;
                case "/_fake/deliver":
                    State.Users[query["user"].ToString()].UnreadCount += int.Parse(query["count"].ToString());
                    break;
                case "/_fake/fetchstatus":
                    State.FetchRules.First(r => r.Id == int.Parse(query["id"].ToString())).Status = int.Parse(query["status"].ToString());
                    break;
                case "/_fake/script":
                    body = ScriptOf(query["user"].ToString()) ?? "";
                    break;
            }
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host != null) await _host.DisposeAsync();
    }
}
