using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Integration;

namespace MailStoreAdmin.Integration
{
    /// <summary>
    /// Users from PowerShell: a list script returning objects with UserName (and optionally FullName,
    /// DistinguishedName, EmailAddresses), and an auth script given a PSCredential that returns $true or $false.
    /// The scripts run in a runspace pool of their own (requests arrive on pool threads, and a script block must
    /// not run outside its runspace), with $ErrorActionPreference = 'Stop' so any error fails the request (5xx).
    /// </summary>
    internal sealed class ScriptUserSource : IDirectoryUserSource
    {
        private readonly RunspacePool _pool;
        private readonly string _listScript;
        private readonly string _authScript;

        public ScriptUserSource(ScriptBlock listScript, ScriptBlock authScript, IDictionary? variables, int maxRunspaces, bool allowEmptyList)
        {
            _listScript = listScript.ToString();
            _authScript = authScript.ToString();
            AllowEmptyList = allowEmptyList;
            var state = InitialSessionState.CreateDefault2();
            state.Variables.Add(new SessionStateVariableEntry("ErrorActionPreference", ActionPreference.Stop, null));
            if (variables != null)
            {
                foreach (DictionaryEntry entry in variables)
                {
                    state.Variables.Add(new SessionStateVariableEntry(entry.Key.ToString(), PowerShellValues.ToPlain(entry.Value) ?? entry.Value, null));
                }
            }
            _pool = RunspaceFactory.CreateRunspacePool(state);
            _pool.SetMaxRunspaces(Math.Max(1, maxRunspaces));
            _pool.Open();
        }

        public bool AllowEmptyList { get; }

        public string Description => "PowerShell scripts";

        public async Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken)
        {
            var output = await InvokeAsync(_listScript, null, null, cancellationToken).ConfigureAwait(false);
            var users = output.Where(o => o != null).Select(ToDirectoryUser).ToList();
            if (users.Count == 0 && !AllowEmptyList)
            {
                // An empty list makes MailStore delete every synced user when "delete users" is on: treat it as a failure.
                throw new MailStoreAdminException(ErrorKind.InvalidResult, "IntegrationScriptListEmpty",
                    "The list script returned no users. Pass -AllowEmptyList if an empty directory is intended.");
            }
            return users;
        }

        public async Task<bool> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken)
        {
            var credential = new PSCredential(userName, SecretText.ToSecureString(password));
            var output = await InvokeAsync(_authScript, credential, password, cancellationToken).ConfigureAwait(false);
            var values = output.Where(o => o != null).Select(o => o.BaseObject).ToList();
            if (values.Count == 1 && values[0] is bool verdict) return verdict;
            throw new MailStoreAdminException(ErrorKind.InvalidResult, "IntegrationScriptAuthResultInvalid",
                $"The auth script must return exactly one $true or $false; it returned {values.Count} value(s).");
        }

        private async Task<IReadOnlyList<PSObject>> InvokeAsync(string script, object? argument, string? secret, CancellationToken cancellationToken)
        {
            using var shell = PowerShell.Create();
            shell.RunspacePool = _pool;
            shell.AddScript(script);
            if (argument != null) shell.AddArgument(argument);
            using var stop = cancellationToken.Register(() => shell.BeginStop(null, null));
            try
            {
                var result = await Task.Factory.FromAsync(shell.BeginInvoke(), shell.EndInvoke).ConfigureAwait(false);
                var error = shell.Streams.Error.FirstOrDefault();
                if (error != null) throw Failure(error.ToString(), secret);
                return result.ToList();
            }
            catch (RuntimeException e)
            {
                throw Failure(e.Message, secret);
            }
        }

        private static MailStoreAdminException Failure(string message, string? secret) =>
            new MailStoreAdminException(ErrorKind.InvalidResult, "IntegrationScriptFailed",
                "The integration script failed: " + Redactor.ScrubValues(message, new[] { secret }));

        private static DirectoryUser ToDirectoryUser(PSObject item)
        {
            if (item.BaseObject is string name) return new DirectoryUser(name);
            string? Text(string property) => item.Properties[property]?.Value?.ToString();
            var userName = Text("UserName");
            if (string.IsNullOrEmpty(userName))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidResult, "IntegrationScriptUserInvalid",
                    "The list script returned an object without a UserName property.");
            }
            var addresses = item.Properties["EmailAddresses"]?.Value;
            var list = addresses is string single ? new[] { single }
                : LanguagePrimitives.GetEnumerable(PowerShellValues.ToPlain(addresses))?.Cast<object?>().Where(a => a != null).Select(a => a!.ToString()!).ToArray()
                ?? Array.Empty<string>();
            return new DirectoryUser(userName!, Text("FullName"), Text("DistinguishedName"), list);
        }

        public void Dispose() => _pool.Dispose();
    }
}
