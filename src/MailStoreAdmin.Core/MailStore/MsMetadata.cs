using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>The server's function catalogue, loaded once per connection.</summary>
    public sealed class MsMetadata
    {
        private readonly Dictionary<string, MsApiFunction> _byName;

        public MsMetadata(IEnumerable<MsApiFunction> functions)
        {
            _byName = new Dictionary<string, MsApiFunction>(StringComparer.OrdinalIgnoreCase);
            foreach (var function in functions) _byName[function.Name] = function;
            Functions = _byName.Values.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToArray();
        }

        public IReadOnlyList<MsApiFunction> Functions { get; }

        public bool Contains(string name) => _byName.ContainsKey(name);

        /// <summary>The function by name (any casing), or an error that lists the nearest names.</summary>
        public MsApiFunction Get(string name)
        {
            if (!string.IsNullOrEmpty(name) && _byName.TryGetValue(name, out var function)) return function;
            var near = Functions.Select(f => f.Name)
                .Where(n => !string.IsNullOrEmpty(name) && (n.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0 || Distance(n, name) <= 3))
                .Take(5).ToArray();
            var hint = near.Length > 0 ? " Did you mean: " + string.Join(", ", near) + "?" : " Get-MsApiFunction lists what it offers.";
            throw new MailStoreAdminException(ErrorKind.ObjectNotFound, "UnknownApiFunction",
                $"The server does not offer an API function named '{name}'.{hint}", name);
        }

        /// <summary>
        /// Functions by name: a wildcard yields its matches (possibly none), a plain name the function or, through
        /// <paramref name="onError"/>, an error naming the nearest ones. No names: every function.
        /// </summary>
        public void Find(IEnumerable<string>? names, Action<MsApiFunction> onFunction, Action<MailStoreAdminException> onError)
        {
            var list = names?.ToList();
            if (list == null || list.Count == 0)
            {
                foreach (var function in Functions) onFunction(function);
                return;
            }
            foreach (var name in list)
            {
                var pattern = new Text.Wildcard(name);
                if (pattern.IsPattern)
                {
                    foreach (var function in Functions.Where(f => pattern.IsMatch(f.Name))) onFunction(function);
                    continue;
                }
                MsApiFunction found;
                try
                {
                    found = Get(pattern.Literal);
                }
                catch (MailStoreAdminException e)
                {
                    onError(e);
                    continue;
                }
                onFunction(found);
            }
        }

        /// <summary>Reads get-metadata output: a bare array, or an envelope whose result is that array.</summary>
        public static MsMetadata Parse(JsonElement root)
        {
            if (root.ValueKind == JsonValueKind.Object && TryGet(root, "result", out var result)) root = result;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new MailStoreAdminException(ErrorKind.ProtocolError, "InvalidMetadata",
                    "The server's get-metadata answer is not a list of functions; is this the MailStore Administration API?");
            }
            var functions = new List<MsApiFunction>();
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !TryGet(item, "name", out var name) || name.ValueKind != JsonValueKind.String)
                {
                    continue;
                }
                var arguments = new List<MsApiArgument>();
                if (TryGet(item, "args", out var args) && args.ValueKind == JsonValueKind.Array)
                {
                    foreach (var arg in args.EnumerateArray())
                    {
                        if (!TryGet(arg, "name", out var argName) || argName.ValueKind != JsonValueKind.String) continue;
                        var type = TryGet(arg, "type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "string";
                        var nullable = TryGet(arg, "nullable", out var n) && n.ValueKind == JsonValueKind.True;
                        arguments.Add(new MsApiArgument(argName.GetString()!, type, nullable));
                    }
                }
                var path = TryGet(item, "path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                functions.Add(new MsApiFunction(name.GetString()!, arguments, path));
            }
            return new MsMetadata(functions);
        }

        private static bool TryGet(JsonElement obj, string name, out JsonElement value)
        {
            if (obj.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in obj.EnumerateObject())
                {
                    if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = property.Value;
                        return true;
                    }
                }
            }
            value = default;
            return false;
        }

        private static int Distance(string a, string b)
        {
            a = a.ToLowerInvariant();
            b = b.ToLowerInvariant();
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (int i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }
                previous = current;
            }
            return previous[b.Length];
        }
    }
}
