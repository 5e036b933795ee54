using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>The JSON bodies of the Application Integration protocol.</summary>
    internal static class DirectoryUserJson
    {
        // The relaxed encoder writes "+" and non-ASCII letters as they are; the body is JSON, never embedded in HTML.
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>
        /// The cmd=list answer: optional fields omitted when empty, emailAddresses always an array without
        /// case-insensitive duplicates (first spelling kept). Built completely in memory so a failure can still become a 500.
        /// </summary>
        public static byte[] UserList(IReadOnlyList<DirectoryUser> users)
        {
            if (users == null) throw new InvalidOperationException("the user source returned no list");
            return JsonText.WriteBytes(writer =>
            {
                writer.WriteStartArray();
                foreach (var user in users)
                {
                    if (user == null) throw new InvalidOperationException("the user source returned a null user");
                    writer.WriteStartObject();
                    writer.WriteString("userName", user.UserName);
                    if (user.DistinguishedName != null) writer.WriteString("distinguishedName", user.DistinguishedName);
                    if (user.FullName != null) writer.WriteString("fullName", user.FullName);
                    writer.WriteStartArray("emailAddresses");
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var address in user.EmailAddresses ?? Array.Empty<string>())
                    {
                        if (!string.IsNullOrEmpty(address) && seen.Add(address)) writer.WriteStringValue(address);
                    }
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }, WriterOptions);
        }

        public static byte[] AuthResult(bool succeeded) => succeeded ? SucceededTrue : SucceededFalse;

        private static readonly byte[] SucceededTrue = System.Text.Encoding.UTF8.GetBytes("{\"succeeded\":true}");
        private static readonly byte[] SucceededFalse = System.Text.Encoding.UTF8.GetBytes("{\"succeeded\":false}");
    }
}
