using System.Text;
using System.Text.RegularExpressions;

namespace MailStoreAdmin.Core.Text
{
    /// <summary>PowerShell-style wildcards (* ? [a-z], ` escapes), case-insensitive, without PowerShell.</summary>
    public sealed class Wildcard
    {
        private readonly Regex? _regex;
        private readonly string _literal;

        public Wildcard(string pattern)
        {
            Pattern = pattern;
            IsPattern = ContainsWildcard(pattern);
            _literal = Unescape(pattern);
            if (IsPattern) _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public string Pattern { get; }

        /// <summary>False for a plain name, which callers can look up directly instead of filtering a list.</summary>
        public bool IsPattern { get; }

        /// <summary>The name with escapes removed (meaningful when IsPattern is false).</summary>
        public string Literal => _literal;

        public bool IsMatch(string? value)
        {
            if (value == null) return false;
            return _regex?.IsMatch(value) ?? string.Equals(value, _literal, System.StringComparison.OrdinalIgnoreCase);
        }

        public static bool ContainsWildcard(string pattern)
        {
            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '`') { i++; continue; }
                if (pattern[i] == '*' || pattern[i] == '?' || pattern[i] == '[') return true;
            }
            return false;
        }

        private static string Unescape(string pattern)
        {
            var sb = new StringBuilder(pattern.Length);
            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '`' && i + 1 < pattern.Length) i++;
                sb.Append(pattern[i]);
            }
            return sb.ToString();
        }

        private static string ToRegex(string pattern)
        {
            var sb = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                switch (c)
                {
                    case '`' when i + 1 < pattern.Length:
                        sb.Append(Regex.Escape(pattern[++i].ToString()));
                        break;
                    case '*':
                        sb.Append(".*");
                        break;
                    case '?':
                        sb.Append('.');
                        break;
                    case '[':
                        var end = pattern.IndexOf(']', i + 1);
                        if (end < 0)
                        {
                            sb.Append(Regex.Escape("["));
                            break;
                        }
                        var set = pattern.Substring(i + 1, end - i - 1).Replace("\\", "\\\\").Replace("^", "\\^");
                        sb.Append('[').Append(set).Append(']');
                        i = end;
                        break;
                    default:
                        sb.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }
            return sb.Append('$').ToString();
        }
    }
}
