using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>
    /// The Application Integration protocol on top of a parsed request: caller check, cmd=list and cmd=auth, and the
    /// rules that keep a failing or hanging user source from ever looking like an empty directory to MailStore.
    /// </summary>
    internal sealed class IntegrationRequestHandler
    {
        private readonly IntegrationServerOptions _options;
        private readonly IDirectoryUserSource _source;
        private readonly CallerAuthenticator _caller;
        private readonly SemaphoreSlim _slots;
        private readonly CancellationToken _abort;

        public IntegrationRequestHandler(IntegrationServerOptions options, IDirectoryUserSource source, CancellationToken abort)
        {
            _options = options;
            _source = source;
            _caller = new CallerAuthenticator(options.CallerCredential, options.AllowAnonymous);
            _slots = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
            _abort = abort;
        }

        public async Task<HttpResponse> HandleAsync(HttpRequestHead head, HttpRequestReader reader, Task readDeadline, IntegrationRequestRecord record)
        {
            record.Method = head.Method;
            record.Path = head.Path;
            if (_options.Path != null && !string.Equals(head.Path, _options.Path, StringComparison.Ordinal))
            {
                throw new HttpProtocolException(404, "not found");
            }
            var refusal = _caller.Check(head.Header("Authorization"));
            if (refusal != null)
            {
                record.Error = refusal;
                return HttpResponse.Error(401, "authentication required").WithHeader("WWW-Authenticate", CallerAuthenticator.Challenge);
            }
            if (head.Method != "POST")
            {
                return HttpResponse.Error(405, "only POST is supported").WithHeader("Allow", "POST");
            }
            if (!FormBody.IsFormContentType(head.Header("Content-Type")))
            {
                throw new HttpProtocolException(415, "the body must be application/x-www-form-urlencoded");
            }
            var fields = FormBody.Parse(await reader.ReadBodyAsync(readDeadline).ConfigureAwait(false));
            if (!fields.TryGetValue("cmd", out var command) || command.Length == 0) throw new HttpProtocolException(400, "missing cmd");
            record.Command = command;
            switch (command)
            {
                case "list":
                    return await ListAsync(record).ConfigureAwait(false);
                case "auth":
                    return await AuthAsync(fields, record).ConfigureAwait(false);
                default:
                    throw new HttpProtocolException(400, "unknown cmd");
            }
        }

        private Task<HttpResponse> ListAsync(IntegrationRequestRecord record) =>
            CallSourceAsync(token => _source.ListUsersAsync(token), _options.ListTimeout, record, secret: null, users =>
            {
                var body = DirectoryUserJson.UserList(users);
                record.UsersListed = users.Count;
                return HttpResponse.Json(200, body);
            });

        private Task<HttpResponse> AuthAsync(Dictionary<string, string> fields, IntegrationRequestRecord record)
        {
            // MailStore always sends both fields; a request without them is not a login attempt but a broken client.
            if (!fields.TryGetValue("user", out var user) || !fields.TryGetValue("pass", out var password))
            {
                throw new HttpProtocolException(400, "cmd=auth needs the user and pass fields");
            }
            record.UserName = user;
            if (user.Length == 0 || password.Length == 0)
            {
                // An empty password never authenticates, whatever the source would say (LDAP-style unauthenticated binds).
                record.AuthSucceeded = false;
                return Task.FromResult(HttpResponse.Json(200, DirectoryUserJson.AuthResult(false)));
            }
            return CallSourceAsync(token => _source.AuthenticateAsync(user, password, token), _options.AuthTimeout, record, password, succeeded =>
            {
                record.AuthSucceeded = succeeded;
                return HttpResponse.Json(200, DirectoryUserJson.AuthResult(succeeded));
            });
        }

        /// <summary>
        /// Runs one source call within its time limit and a concurrency slot. The source gets a token that is
        /// cancelled at the limit, and the answer does not wait for it to notice: a source ignoring its token still yields 504.
        /// </summary>
        private async Task<HttpResponse> CallSourceAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan timeout,
            IntegrationRequestRecord record, string? secret, Func<T, HttpResponse> respond)
        {
            if (!await WaitForSlotAsync().ConfigureAwait(false))
            {
                record.Error = _abort.IsCancellationRequested ? "the server stopped before the request ran" : "too many concurrent requests";
                return HttpResponse.Error(503, _abort.IsCancellationRequested ? "the server is stopping" : "the server is busy").WithHeader("Retry-After", "1");
            }
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(_abort);
                limit.CancelAfter(timeout);
                Task<T> running;
                try
                {
                    running = call(limit.Token) ?? throw new InvalidOperationException("the user source returned no task");
                }
                catch (Exception e)
                {
                    running = Task.FromException<T>(e);
                }

                var gaveUp = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (limit.Token.Register(() => gaveUp.TrySetResult(true)))
                {
                    await Task.WhenAny(running, gaveUp.Task).ConfigureAwait(false);
                }
                if (limit.IsCancellationRequested && (!running.IsCompleted || running.IsCanceled || running.Exception?.GetBaseException() is OperationCanceledException))
                {
                    IoDeadline.Abandon(running);
                    if (_abort.IsCancellationRequested)
                    {
                        record.Error = "the server stopped while the user source was working";
                        return HttpResponse.Error(503, "the server is stopping");
                    }
                    record.Error = $"the user source did not answer within {timeout.TotalSeconds:0.###} s";
                    return HttpResponse.Error(504, "the user source did not answer in time");
                }
                try
                {
                    return respond(await running.ConfigureAwait(false));
                }
                catch (Exception e)
                {
                    record.Error = "the user source failed: " + Describe(e, secret);
                    return HttpResponse.Error(500, "the user source failed");
                }
            }
            finally
            {
                _slots.Release();
            }
        }

        private async Task<bool> WaitForSlotAsync()
        {
            try
            {
                return await _slots.WaitAsync(_options.QueueTimeout, _abort).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>Type and messages of the exception chain, with the request's password cut out in case a source echoed it.</summary>
        private static string Describe(Exception e, string? secret)
        {
            var text = string.Empty;
            for (var current = e; current != null; current = current.InnerException)
            {
                if (current is AggregateException && current.InnerException != null) continue;
                text += (text.Length == 0 ? string.Empty : " -> ") + current.GetType().Name + ": " + current.Message;
            }
            return Http.Redactor.ScrubValues(text, new[] { secret });
        }
    }
}
