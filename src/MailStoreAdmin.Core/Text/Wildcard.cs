using System.Text;
using System.Text.RegularExpressions;

namespace MailStoreAdmin.Core.Text
{
    /// <summary>
    /// The module's one wildcard engine: PowerShell's syntax (* ? [a-z] [abc], ` escapes) without PowerShell.
    /// Case-insensitive like PowerShell's own -Name filters, unless the server compares those names exactly (dbmail
    /// filter rule names), where a case-insensitive match would promise more than the server does.
    /// </summary>
    public sealed class Wildcard
    {
        private readonly Regex? _regex;
        private readonly string _literal;
        private readonly System.StringComparison _comparison;

        public Wildcard(string pattern, bool caseSensitive = false)
        {
            _comparison = caseSensitive ? System.StringComparison.Ordinal : System.StringComparison.OrdinalIgnoreCase;
            Pattern = pattern;
            IsPattern = ContainsWildcard(pattern);
            _literal = Unescape(pattern);
            var options = RegexOptions.CultureInvariant | RegexOptions.Singleline | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
            if (IsPattern) _regex = new Regex(ToRegex(pattern), options);
        }

        public string Pattern { get; }

        /// <summary>False for a plain name, which callers can look up directly instead of filtering a list.</summary>
        public bool IsPattern { get; }

        /// <summary>The name with escapes removed (meaningful when IsPattern is false).</summary>
        public string Literal => _literal;

        public bool IsMatch(string? value)
        {
            if (value == null) return false;
            return _regex?.IsMatch(value) ?? string.Equals(value, _literal, _comparison);
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
