using MailStoreAdmin.Core.Operations;
using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.Core.DbMailApi
{
    /// <summary>
    /// One dbmail-api endpoint and its security key. Maps the service's statuses onto the module's errors: 403 (an
    /// HTML body) to a rejected key, 400 to invalid input naming the fields, 404 to a wrong address, 500 to the
    /// server's message with every password and the key scrubbed. Bodies are parsed from the first '{' because a
    /// misconfigured server prints PHP warnings before its JSON.
    /// </summary>
    public sealed class DbMailApiConnection : IDisposable
    {
        private const int MaxBodyChars = 16 * 1024 * 1024;
        private const int DebugBodyChars = 4096;
        private static int _lastId;
        private readonly HttpTransport _transport;
        private readonly string _securityKey;

        private DbMailApiConnection(DbMailApiConnectionSettings settings)
        {
            _transport = new HttpTransport(settings.ToEndpointSettings());
            _securityKey = settings.SecurityKey;
            Uri = settings.Uri;
            Id = Interlocked.Increment(ref _lastId);
        }

        public int Id { get; }
        public Uri Uri { get; }
        public DateTime ConnectedAt { get; } = DateTime.Now;

        /// <summary>Opens a connection and proves the address and the key with a harmless isUserPresent.</summary>
        public static async Task<DbMailApiConnection> ConnectAsync(DbMailApiConnectionSettings settings, OperationContext context,
            CancellationToken cancellationToken)
        {
            var connection = new DbMailApiConnection(settings);
            try
            {
                var probe = new DbMailForm(DbMailRoutes.IsUserPresent, settings.Uri).Add("userName", "mailstoreadmin-connection-probe");
                var answer = await connection.CallAsync(probe, context, cancellationToken).ConfigureAwait(false);
                if (!answer.TryGetProperty("found", out var found) || (found.ValueKind != JsonValueKind.True && found.ValueKind != JsonValueKind.False))
                {
                    throw Unexpected(settings.Uri, DbMailRoutes.IsUserPresent, "it has no boolean 'found'");
                }
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Sends one route and returns the JSON object of a "status":"ok" answer; anything else throws.</summary>
        internal async Task<JsonElement> CallAsync(DbMailForm form, OperationContext context, CancellationToken cancellationToken)
        {
            var fields = new[] { new System.Collections.Generic.KeyValuePair<string, string>("secKey", _securityKey) }.Concat(form.Fields).ToList();
            var secrets = form.Secrets.Concat(new[] { _securityKey }).ToList();
            var options = new TransportCallOptions { Idempotent = DbMailRoutes.IsReadOnly(form.Route), Secrets = secrets };
            using var response = await _transport.PostFormAsync(form.Route, fields, options, context, cancellationToken).ConfigureAwait(false);
            var text = await HttpTransport.ReadTextAsync(response, MaxBodyChars).ConfigureAwait(false);
            if (context.IsDebugEnabled)
            {
                context.Log(LogLevel.Debug, "Response body: " + Redactor.Truncate(Redactor.RedactJsonText(_transport.Scrub(text, secrets)), DebugBodyChars));
            }

            var status = (int)response.StatusCode;
            var json = ParseObject(text);
            if (status == 200 && json.HasValue && IsOk(json.Value)) return json.Value;

            var message = json.HasValue && json.Value.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? _transport.Scrub(m.GetString(), secrets) : null;
            throw MapFailure(status, message, form, text, secrets);
        }

        private MailStoreAdminException MapFailure(int status, string? message, DbMailForm form, string body, System.Collections.Generic.IReadOnlyList<string> secrets)
        {
            var endpoint = new Uri(Uri, form.Route);
            switch (status)
            {
                case 403:
                    return new MailStoreAdminException(ErrorKind.AuthenticationError, "DbMailSecurityKeyRejected",
                        $"The dbmail-api at {Uri} rejected the security key (HTTP 403).", Uri,
                        recommendedAction: "Use the secKey from the server's protected/config/params.php.");
                case 404:
                    return new MailStoreAdminException(ErrorKind.ObjectNotFound, "DbMailEndpointNotFound",
                        $"{endpoint} does not look like a dbmail-api endpoint (HTTP 404{(message != null ? ": " + message : string.Empty)}).", Uri,
                        recommendedAction: "Pass the address that dbmail-api's routes hang off, such as https://mail.example.com/dbmail-api/.");
                case 400:
                    var sent = string.Join(", ", new[] { "secKey" }.Concat(form.Fields.Select(f => f.Key)));
                    return new MailStoreAdminException(ErrorKind.InvalidArgument, "DbMailInvalidInput",
                        $"dbmail-api refused the input of {form.Route} ({message ?? "HTTP 400"}; fields sent: {sent}). It treats an empty value and \"0\" as missing.",
                        form.Target);
                case 500 when message != null:
                case 200 when message != null:  // "status":"error" with 200
                    return new MailStoreAdminException(ErrorKind.InvalidResult, "DbMailApiCallFailed",
                        $"dbmail-api {form.Route} failed: {message.TrimEnd()}", form.Target);
                default:
                    return Unexpected(Uri, form.Route, $"HTTP {status} with {Redactor.Truncate(Redactor.RedactJsonText(_transport.Scrub(body, secrets)), 200)}");
            }
        }

        private static MailStoreAdminException Unexpected(Uri uri, string route, string what) =>
            new MailStoreAdminException(ErrorKind.ProtocolError, "DbMailUnexpectedResponse",
                $"{new Uri(uri, route)} did not answer like dbmail-api: {what}.", uri);

        private static bool IsOk(JsonElement json) =>
            json.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == "ok";

        /// <summary>The JSON object in a body, skipping anything PHP printed before it; null when there is none.</summary>
        internal static JsonElement? ParseObject(string text)
        {
            var start = text.IndexOf('{');
            if (start < 0) return null;
            try
            {
                using var document = JsonDocument.Parse(text.Substring(start));
                return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : (JsonElement?)null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        public override string ToString() => Uri.ToString();

        public void Dispose() => _transport.Dispose();
    }
}
