using System.Text;

namespace MailStoreAdmin.FakeServers.DbMailApi;

/// <summary>Modified UTF-7 (RFC 3501 5.1.3), which dbmail-api applies to every string it writes into sieve.</summary>
public static class Utf7Imap
{
    public static string Encode(string value)
    {
        var sb = new StringBuilder();
        var pending = new List<char>();
        void Flush()
        {
            if (pending.Count == 0) return;
            var bytes = Encoding.BigEndianUnicode.GetBytes(pending.ToArray());
            sb.Append('&').Append(Convert.ToBase64String(bytes).TrimEnd('=').Replace('/', ',')).Append('-');
            pending.Clear();
        }
        foreach (var c in value)
        {
            if (c >= 0x20 && c <= 0x7E)
            {
                Flush();
                sb.Append(c == '&' ? "&-" : c.ToString());
            }
            else
            {
                pending.Add(c);
            }
        }
        Flush();
        return sb.ToString();
    }
}
