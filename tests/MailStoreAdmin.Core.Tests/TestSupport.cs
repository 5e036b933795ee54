using System.Net;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.FakeServers.MailStore;

namespace MailStoreAdmin.Core.Tests;

/// <summary>Records everything the core reports, as the PowerShell layer would receive it.</summary>
internal sealed class RecordingObserver : CallObserver
{
    private readonly bool _debug;
    public RecordingObserver(bool debug = false) => _debug = debug;
    public override bool IsDebugEnabled => _debug;
    public List<(LogLevel Level, string Message)> Logs { get; } = new();
    public List<MsTaskStatus> Statuses { get; } = new();
    public Action<MsTaskStatus>? OnEachStatus { get; set; }

    public override void Log(LogLevel level, string message)
    {
        lock (Logs) Logs.Add((level, message));
    }

    public override void OnStatus(MsTaskStatus status)
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

    public static Task<MsConnection> ConnectAsync(FakeMailStoreServer server, CallObserver? observer = null) =>
        MsConnection.ConnectAsync(Settings(server), observer, CancellationToken.None);

    public static KeyValuePair<string, object?>[] Args(params (string Name, object? Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).ToArray();
}
