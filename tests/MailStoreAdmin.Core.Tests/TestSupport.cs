using MailStoreAdmin.Core.Operations;
using System.Net;
using MailStoreAdmin.Core.Errors;
using Xunit;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.FakeServers.MailStore;

namespace MailStoreAdmin.Core.Tests;

/// <summary>Records everything an operation reports, as the PowerShell layer would receive it.</summary>
internal sealed class RecordingContext : OperationContext
{
    private readonly bool _debug;
    public RecordingContext(bool debug = false) => _debug = debug;
    public override bool IsDebugEnabled => _debug;
    public List<object?> Objects { get; } = new();
    public List<MailStoreAdminException> Errors { get; } = new();

    public override void WriteObject(object? value)
    {
        lock (Objects) Objects.Add(value);
    }

    public override void WriteError(MailStoreAdminException error)
    {
        lock (Errors) Errors.Add(error);
    }

    /// <summary>The objects written so far of one type.</summary>
    public List<T> Of<T>()
    {
        lock (Objects) return Objects.OfType<T>().ToList();
    }

    /// <summary>Runs an operation with this context and returns what it wrote of one type (none: -WhatIf declined).</summary>
    public async Task<List<T>> Results<T>(Func<OperationContext, Task> operation)
    {
        int before;
        lock (Objects) before = Objects.Count;
        await operation(this);
        lock (Objects) return Objects.Skip(before).OfType<T>().ToList();
    }

    /// <summary>Runs an operation and returns the one object it wrote, or default when it wrote none.</summary>
    public async Task<T?> Result<T>(Func<OperationContext, Task> operation) => (await Results<T>(operation)).SingleOrDefault();

    /// <summary>The one object written, of the given type.</summary>
    public T Single<T>() => Assert.Single(Of<T>());
    public List<(LogLevel Level, string Message)> Logs { get; } = new();
    public List<MsTaskStatus> Statuses { get; } = new();
    public Action<MsTaskStatus>? OnEachStatus { get; set; }

    public override void Log(LogLevel level, string message)
    {
        lock (Logs) Logs.Add((level, message));
    }

    public override void OnTaskStatus(MsTaskStatus status)
    {
        lock (Statuses) Statuses.Add(status);
        OnEachStatus?.Invoke(status);
    }

    /// <summary>Answer to ShouldProcess: false plays -WhatIf.</summary>
    public bool Confirm { get; set; } = true;
    public List<string> ShouldProcessTargets { get; } = new();

    public override bool ShouldProcess(string target, string action)
    {
        lock (ShouldProcessTargets) ShouldProcessTargets.Add(action + " " + target);
        return Confirm;
    }

    public IEnumerable<string> Warnings => Logs.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message);

    public string AllText() => string.Join("\n", Logs.Select(l => l.Message));
}

internal static class Fake
{
    public const string User = "admin";
    public const string Password = "Passw0rd!";

    public static Task<FakeMailStoreServer> StartAsync(Action<FakeMailStoreOptions>? configure = null)
    {
        var options = new FakeMailStoreOptions { UserName = User, Password = Password };
        configure?.Invoke(options);
        return FakeMailStoreServer.StartAsync(options);
    }

    public static MsConnectionSettings Settings(FakeMailStoreServer server, string password = Password) =>
        new(server.Uri.ToString(), new NetworkCredential(User, password))
        {
            AllowUnencryptedAuthentication = server.Uri.Scheme == "http",
            CertificatePolicy = server.Uri.Scheme == "https" ? CertificatePolicy.Skip : CertificatePolicy.Validate,
        };

    public static Task<MsConnection> ConnectAsync(FakeMailStoreServer server, OperationContext? context = null) =>
        MsConnection.ConnectAsync(Settings(server), context, CancellationToken.None);

    public static KeyValuePair<string, object?>[] Args(params (string Name, object? Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).ToArray();
}
