using MailStoreAdmin.Core.Operations;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>
    /// A connection to the MailStore Administration API: one HTTP transport, the server's metadata (loaded once),
    /// and the invoke / long-poll / cancel cycle that every function may enter.
    /// </summary>
    public sealed class MsConnection : IDisposable
    {
        private static int _lastId;
        private readonly HttpTransport _transport;
        private readonly MsConnectionSettings _settings;
        private readonly MsConnection? _root;
        private MsMetadata? _metadata;
        private bool _closed;

        private MsConnection(MsConnectionSettings settings, HttpTransport transport)
        {
            _settings = settings;
            _transport = transport;
            Id = Interlocked.Increment(ref _lastId);
            ConnectedAt = DateTime.Now;
        }

        // An instance view: the root's transport, metadata and identity, another instanceID.
        private MsConnection(MsConnection root, string instanceId)
        {
            _root = root;
            _settings = root._settings.WithInstance(instanceId);
            _transport = root._transport;
            _metadata = root._metadata;
            Id = root.Id;
            ConnectedAt = root.ConnectedAt;
            Edition = root.Edition;
            ServerVersion = root.ServerVersion;
            MachineName = root.MachineName;
        }

        public int Id { get; }
        public Uri Uri => _transport.BaseUri;
        public string ComputerName => Uri.Host;
        public int Port => Uri.Port;
        public string UserName => _settings.Credential.UserName;
        /// <summary>Server or Service Provider Edition, as the metadata shows (not only as the caller said).</summary>
        public MsEdition Edition { get; private set; }
        public bool ServiceProvider => Edition == MsEdition.ServiceProvider;
        public string? InstanceId => _settings.InstanceId;
        public string CertificatePolicy => _settings.CertificatePolicy.ToString();
        public string? ServerVersion { get; private set; }
        public string? MachineName { get; private set; }
        public DateTime ConnectedAt { get; }
        public bool IsClosed => _root?.IsClosed ?? _closed;
        public int FunctionCount => Metadata.Functions.Count;

        public MsMetadata Metadata => _metadata ?? throw new InvalidOperationException("The connection has no metadata yet.");

        /// <summary>Opens the transport, loads the metadata and proves the credentials.</summary>
        public static async Task<MsConnection> ConnectAsync(MsConnectionSettings settings, OperationContext? context,
            CancellationToken cancellationToken)
        {
            context ??= OperationContext.None;
            var endpoint = new HttpEndpointSettings(settings.BuildBaseUri())
            {
                BasicCredential = settings.Credential,
                CertificatePolicy = settings.CertificatePolicy,
                AllowUnencryptedAuthentication = settings.AllowUnencryptedAuthentication,
                RequestTimeout = settings.RequestTimeout,
            };
            var connection = new MsConnection(settings, new HttpTransport(endpoint));
            try
            {
                await connection.LoadMetadataAsync(context, cancellationToken).ConfigureAwait(false);
                await connection.ProveCredentialsAsync(context, cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        private async Task LoadMetadataAsync(OperationContext context, CancellationToken cancellationToken)
        {
            using var response = await _transport.PostFormAsync("api/get-metadata", Array.Empty<KeyValuePair<string, string>>(),
                new TransportCallOptions { Idempotent = true }, context, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, "get-metadata", null, Array.Empty<string>()).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var bytes = await ReadAllAsync(stream, cancellationToken).ConfigureAwait(false);
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            try
            {
                using var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(bytes, start, bytes.Length - start));
                _metadata = MsMetadata.Parse(document.RootElement);
            }
            catch (JsonException e)
            {
                throw new MailStoreAdminException(ErrorKind.ProtocolError, "InvalidMetadata",
                    $"{Uri} answered get-metadata with something that is not JSON; is this the MailStore Administration API?", Uri, e);
            }
            Edition = MsEditions.Detect(_metadata);
            if (_settings.ServiceProvider && Edition != MsEdition.ServiceProvider)
            {
                context.Log(LogLevel.Warning, $"{Uri} lists no SPE instance functions: it is {MsEditions.DisplayName(Edition)}, not the SPE Management API.");
            }
            context.Log(LogLevel.Verbose, $"Loaded metadata: {_metadata.Functions.Count} functions ({MsEditions.DisplayName(Edition)}).");
        }

        // The Server answers get-metadata without checking credentials, so a cheap authenticated call follows.
        private async Task ProveCredentialsAsync(OperationContext context, CancellationToken cancellationToken)
        {
            if (ServiceProvider || !Metadata.Contains("GetServerInfo")) return;
            await InvokeAsync("GetServerInfo", null, item =>
            {
                ServerVersion = Text(item, "version");
                MachineName = Text(item, "machineName");
            }, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Runs a function to its end, following it through get-status when it runs long.</summary>
        public async Task<MsCallResult> InvokeAsync(string function, IEnumerable<KeyValuePair<string, object?>>? arguments,
            Action<JsonElement>? onResultItem, OperationContext? context, CancellationToken cancellationToken, object? target = null)
        {
            var task = await StartAsync(function, arguments, onResultItem, context, cancellationToken, target).ConfigureAwait(false);
            return await WaitAsync(task, onResultItem, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Sends the invoke and returns after the first answer: a completed task, or a running one with its token.
        /// Validation and encoding happen before anything is sent.
        /// </summary>
        public async Task<MsTask> StartAsync(string function, IEnumerable<KeyValuePair<string, object?>>? arguments,
            Action<JsonElement>? onResultItem, OperationContext? context, CancellationToken cancellationToken, object? target = null)
        {
            ThrowIfClosed();
            context ??= OperationContext.None;
            var definition = GetFunction(function);
            var encoded = Encode(definition, arguments);
            var task = new MsTask(this, definition.Name, target) { Secrets = encoded.Secrets };
            var options = new TransportCallOptions
            {
                Idempotent = MsApiFunction.IsReadOnlyName(definition.Name),
                Secrets = encoded.Secrets,
            };
            // A change or a long-running function may already run on the server before its first answer names the
            // task. Stopping then must not abandon it: the invoke gets a bounded grace period to answer, and a task it
            // names is cancelled below. Plain reads stop at once.
            var mayLeaveTask = definition.IsLongRunning || !MsApiFunction.IsReadOnlyName(definition.Name);
            using var invokeCancellation = new CancellationTokenSource();
            using var stopping = cancellationToken.Register(() =>
            {
                if (mayLeaveTask) invokeCancellation.CancelAfter(_settings.CancelGracePeriod);
                else invokeCancellation.Cancel();
            });
            try
            {
                using var response = await _transport.PostFormAsync(definition.RelativeUri, encoded.Fields, options, context,
                    invokeCancellation.Token).ConfigureAwait(false);
                var envelope = await ReadEnvelopeAsync(response, task, onResultItem, context, invokeCancellation.Token).ConfigureAwait(false);
                Report(task, envelope, context);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            if (cancellationToken.IsCancellationRequested)
            {
                // Stopped while the invoke was in flight: WaitAsync sees the stop at once and cancels the task it names.
                if (!task.IsCompleted && task.Token != null) await WaitAsync(task, onResultItem, context, cancellationToken).ConfigureAwait(false);
                throw new OperationCanceledException(cancellationToken);
            }
            return task;
        }

        /// <summary>
        /// Long-polls a running task to its end. On cancellation, asks the server to cancel (cancel-async) and keeps
        /// polling until it confirms, then throws OperationCanceledException.
        /// </summary>
        public async Task<MsCallResult> WaitAsync(MsTask task, Action<JsonElement>? onResultItem, OperationContext? context,
            CancellationToken cancellationToken)
        {
            context ??= OperationContext.None;
            CancellationTokenSource? grace = null;
            try
            {
                MsEnvelope? last = null;
                while (!task.IsCompleted)
                {
                    var token = grace?.Token ?? cancellationToken;
                    try
                    {
                        last = await GetStatusAsync(task, onResultItem, context, token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (grace == null && cancellationToken.IsCancellationRequested)
                    {
                        grace = new CancellationTokenSource(_settings.CancelGracePeriod);
                        await RequestCancelAsync(task, context, grace.Token).ConfigureAwait(false);
                    }
                }
                if (task.CancelRequested && grace != null) throw new OperationCanceledException(cancellationToken);
                ThrowIfFailed(task);
                return new MsCallResult(task, last ?? new MsEnvelope { StatusCode = task.StatusCode, StatusText = task.StatusText });
            }
            catch (OperationCanceledException) when (grace != null && grace.IsCancellationRequested)
            {
                context.Log(LogLevel.Verbose, $"{task.Function}: the server did not confirm the cancellation within {_settings.CancelGracePeriod.TotalSeconds:0} s.");
                throw new OperationCanceledException(cancellationToken);
            }
            finally
            {
                grace?.Dispose();
            }
        }

        /// <summary>Asks the server to cancel a running task (cooperative: the server decides when it stops).</summary>
        public async Task RequestCancelAsync(MsTask task, OperationContext? context, CancellationToken cancellationToken)
        {
            context ??= OperationContext.None;
            if (task.IsCompleted || task.Token == null) return;
            ThrowIfClosed();
            var fields = new[] { new KeyValuePair<string, string>("token", task.Token) };
            context.Log(LogLevel.Verbose, $"{task.Function}: asking the server to cancel the task.");
            using var response = await _transport.PostFormAsync("api/cancel-async", fields,
                new TransportCallOptions { Idempotent = true }, context, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, "cancel-async", task, task.Secrets).ConfigureAwait(false);
            task.CancelRequested = true;
        }

        private async Task<MsEnvelope> GetStatusAsync(MsTask task, Action<JsonElement>? onResultItem, OperationContext context,
            CancellationToken cancellationToken)
        {
            var fields = new[]
            {
                new KeyValuePair<string, string>("token", task.Token ?? string.Empty),
                new KeyValuePair<string, string>("lastKnownStatusVersion", task.StatusVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("millisecondsTimeout", _settings.StatusWaitMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            var options = new TransportCallOptions
            {
                Idempotent = true,
                Timeout = _settings.RequestTimeout + TimeSpan.FromMilliseconds(_settings.StatusWaitMilliseconds),
            };
            using var response = await _transport.PostFormAsync("api/get-status", fields, options, context, cancellationToken)
                .ConfigureAwait(false);
            var envelope = await ReadEnvelopeAsync(response, task, onResultItem, context, cancellationToken).ConfigureAwait(false);
            Report(task, envelope, context);
            return envelope;
        }

        private void Report(MsTask task, MsEnvelope envelope, OperationContext context)
        {
            // The server's log and status text may repeat what the call sent (an encryption key, a configuration's
            // password): scrubbed before they reach the progress bar, the information stream or the task result.
            envelope.LogOutput = envelope.LogOutput == null ? null : _transport.Scrub(envelope.LogOutput, task.Secrets);
            envelope.StatusText = envelope.StatusText == null ? null : _transport.Scrub(envelope.StatusText, task.Secrets);
            var newLines = task.Apply(envelope);
            // Plain calls finish on the first answer; only tasks that ran get status reports.
            if (task.Token != null) context.OnTaskStatus(new MsTaskStatus(task, envelope, newLines));
        }

        private async Task<MsEnvelope> ReadEnvelopeAsync(HttpResponseMessage response, MsTask task,
            Action<JsonElement>? onResultItem, OperationContext context, CancellationToken cancellationToken)
        {
            await EnsureSuccessAsync(response, task.Function, task, task.Secrets).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            if (context.IsDebugEnabled && GetFunction(task.Function).HasSecretResult)
            {
                context.Log(LogLevel.Debug, "Response body: (not shown: the result of " + task.Function + " is a secret)");
            }
            else if (context.IsDebugEnabled)
            {
                // Debug needs the text; only then is the body buffered.
                var bytes = await ReadAllAsync(stream, cancellationToken).ConfigureAwait(false);
                var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
                context.Log(LogLevel.Debug, "Response body: " +
                    Redactor.Truncate(_transport.Scrub(Redactor.RedactJsonText(text), task.Secrets), 4096));
                stream = new System.IO.MemoryStream(bytes);
            }
            return await MsEnvelopeReader.ReadAsync(stream, onResultItem, cancellationToken).ConfigureAwait(false);
        }

        private async Task EnsureSuccessAsync(HttpResponseMessage response, string function, MsTask? task,
            IReadOnlyList<string> secrets)
        {
            var status = (int)response.StatusCode;
            if (status >= 200 && status < 300) return;
            // Scrubbed before it is cut to length, so no secret is left half-visible at the cut.
            var body = Redactor.Truncate(_transport.Scrub(await HttpTransport.ReadTextAsync(response, 4096).ConfigureAwait(false), secrets), 500).Trim();
            var target = task?.Target ?? function;
            switch (status)
            {
                case 401:
                    throw new MailStoreAdminException(ErrorKind.AuthenticationError, "MailStoreAuthenticationFailed",
                        $"{Uri} rejected the credentials of '{UserName}' (HTTP 401). Likely causes: a wrong user name or password; "
                        + "the account lacks MailStore's 'api' login privilege; on a Service Provider Edition with multi-factor "
                        + "authentication (MFA) enabled, the account's API password is needed instead of its login password.", Uri,
                        recommendedAction: ServiceProvider || _settings.ServiceProvider
                            ? "Check the user name and password; with MFA enabled, use the account's API password (CreateSystemAdministratorAPIPassword)."
                            : "Check the user name and password, and give the account the 'api' login privilege (MailStore Client > Administrative Tools > Users and Privileges); on SPE with MFA, use its API password.");
                case 403:
                    throw new MailStoreAdminException(ErrorKind.PermissionDenied, "MailStoreAccessDenied",
                        $"'{UserName}' may not call {function} (HTTP 403). The account must be a MailStore administrator.", target);
                case 404 when function == "get-status" || task?.Token != null:
                    throw new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreTaskNotFound",
                        $"The server no longer knows the task of {task?.Function ?? function} (HTTP 404): the token expired or the service restarted.", target);
                case 404:
                    throw new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreEndpointNotFound",
                        $"{Uri} has no {function} endpoint (HTTP 404). Is this the MailStore Administration API (Server port {MsConnectionSettings.ServerPort}, SPE {MsConnectionSettings.ServiceProviderPort})?", target);
                case 411:
                    throw new MailStoreAdminException(ErrorKind.ProtocolError, "MailStoreLengthRequired",
                        $"{Uri} answered HTTP 411 (Content-Length required) to {function}.", target);
                default:
                    throw new MailStoreAdminException(ErrorKind.ProtocolError, "MailStoreHttpError",
                        $"{Uri} answered HTTP {status} to {function}{(body.Length > 0 ? ": " + body : ".")}", target);
            }
        }

        private void ThrowIfFailed(MsTask task)
        {
            if (task.StatusCode == MsStatusCodes.Succeeded && task.Error == null) return;
            if (task.StatusCode == MsStatusCodes.Cancelled)
            {
                throw new MailStoreAdminException(ErrorKind.OperationStopped, "MailStoreTaskCancelled",
                    $"{task.Function} was cancelled on the server.", task.Target ?? task.Function);
            }
            var error = task.Error ?? new MsApiError($"the task ended with status '{task.StatusCode}'.", null);
            throw new MsApiException(task.Function, _transport.Scrub(error.Message, task.Secrets),
                error.Details == null ? null : _transport.Scrub(error.Details, task.Secrets), task.Target);
        }

        private static async Task<byte[]> ReadAllAsync(System.IO.Stream stream, CancellationToken cancellationToken)
        {
            using var memory = new System.IO.MemoryStream();
            await stream.CopyToAsync(memory, 81920, cancellationToken).ConfigureAwait(false);
            return memory.ToArray();
        }

        private static string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        private void ThrowIfClosed()
        {
            if (IsClosed)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidOperation, "MailStoreConnectionClosed",
                    $"Connection {Id} to {Uri} is closed. Connect-MsServer opens a new one.", this);
            }
        }

        /// <summary>
        /// The same connection scoped to one SPE instance: it shares the transport and metadata (nothing is sent to
        /// create it) and fills instanceID wherever a function takes one. Disposing the view leaves the connection open.
        /// </summary>
        public MsConnection ForInstance(string instanceId)
        {
            if (string.IsNullOrWhiteSpace(instanceId))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "InvalidInstanceId",
                    "An instance id must not be empty; Get-MsInstance lists the instances.", instanceId);
            }
            ThrowIfClosed();
            if (!ServiceProvider)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidOperation, "MailStoreInstanceNotSupported",
                    $"{Uri} is {MsEditions.DisplayName(Edition)}, which has no instances; an instance id applies to the SPE Management API only.",
                    instanceId);
            }
            return new MsConnection(_root ?? this, instanceId);
        }

        /// <summary>
        /// A function by name, checked against this server's catalogue: a function of the other edition is refused with
        /// an error that names the edition, before anything is sent.
        /// </summary>
        public MsApiFunction GetFunction(string name)
        {
            if (!Metadata.Contains(name) && MsEditions.OnlyOn(name) is { } edition && edition != Edition)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidOperation, "MailStoreWrongEdition",
                    $"{name} exists only on {MsEditions.DisplayName(edition)}; {Uri} is {MsEditions.DisplayName(Edition)}.", name,
                    recommendedAction: edition == MsEdition.ServiceProvider
                        ? $"Connect to the SPE Management API (port {MsConnectionSettings.ServiceProviderPort}) for this function."
                        : "Run this against a MailStore Server, or use the SPE function that corresponds to it.");
            }
            return Metadata.Get(name);
        }

        /// <summary>
        /// Checks a call without sending it: the function exists on this edition, an SPE instance is selected where the
        /// function needs one, and the arguments fit the metadata. Operations call it before they ask ShouldProcess, so
        /// -WhatIf never promises a call the server would refuse.
        /// </summary>
        public void Check(string function, IEnumerable<KeyValuePair<string, object?>>? arguments) => Encode(GetFunction(function), arguments);

        /// <summary>
        /// Checks and encodes a call's arguments (see <see cref="MsArgumentEncoder"/>), filling instanceID from this
        /// connection's instance. An SPE function that runs inside an instance, called with no instance at all, is refused
        /// here, before anything is sent.
        /// </summary>
        public EncodedArguments Encode(MsApiFunction definition, IEnumerable<KeyValuePair<string, object?>>? arguments)
        {
            var list = arguments as IReadOnlyCollection<KeyValuePair<string, object?>> ?? arguments?.ToList();
            if (ServiceProvider && InstanceId == null && definition.RequiresInstanceId
                && (list == null || !list.Any(a => string.Equals(a.Key, MsApiArgument.InstanceIdName, StringComparison.OrdinalIgnoreCase) && a.Value != null)))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "MailStoreInstanceRequired",
                    $"{definition.Name} runs inside an SPE instance, and no instance is selected for {this}.", definition.Name,
                    recommendedAction: "Select an instance (InstanceId) for the call, pipe instances from Get-MsInstance, or give the connection an instance when connecting.");
            }
            return MsArgumentEncoder.Encode(definition, list, InstanceId);
        }

        public override string ToString() => InstanceId == null ? $"{UserName}@{ComputerName}:{Port}" : $"{UserName}@{ComputerName}:{Port}/{InstanceId}";

        public void Dispose()
        {
            if (_root != null || _closed) return;
            _closed = true;
            _transport.Dispose();
        }
    }
}
