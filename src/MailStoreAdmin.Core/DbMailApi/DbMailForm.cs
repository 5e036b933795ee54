using System.Collections.Generic;

namespace MailStoreAdmin.Core.DbMailApi
{
    /// <summary>
    /// The fields of one request. Secret values are remembered in every form the server may echo them in (the
    /// CLI wrapper quotes them with escapeshellarg), so they can be scrubbed from whatever comes back.
    /// </summary>
    internal sealed class DbMailForm
    {
        private readonly List<KeyValuePair<string, string>> _fields = new List<KeyValuePair<string, string>>();
        private readonly List<string> _secrets = new List<string>();

        public DbMailForm(string route, object? target)
        {
            Route = route;
            Target = target;
        }

        public string Route { get; }

        /// <summary>What the request is about (a user, a rule), for error records.</summary>
        public object? Target { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;
        public IReadOnlyList<string> Secrets => _secrets;

        public DbMailForm Add(string name, string value)
        {
            _fields.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public DbMailForm AddSecret(string name, string value)
        {
            Add(name, value);
            RememberSecret(value);
            return this;
        }

        public void RememberSecret(string value)
        {
            if (string.IsNullOrEmpty(value)) return;
            _secrets.Add(value);
            var shellQuoted = value.Replace("'", "'\\''");
            if (shellQuoted != value) _secrets.Add(shellQuoted);
        }
    }
}
