namespace MailStoreAdmin.FakeServers.MailStore;

public sealed class FakeMailStoreOptions
{
    public string UserName { get; set; } = "admin";
    public string Password { get; set; } = "Passw0rd!";
    public bool Tls { get; set; }
    public int Port { get; set; }

    /// <summary>SPE mode: instanceID added where the catalogue says so, and metadata needs credentials.</summary>
    public bool ServiceProvider { get; set; }

    public int UserCount { get; set; } = 25;

    /// <summary>Added to every GetUserInfo answer, to model a slow server.</summary>
    public TimeSpan UserInfoLatency { get; set; } = TimeSpan.Zero;

    public int VerifySteps { get; set; } = 5;
    public TimeSpan VerifyStepDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long the first answer to a long-running invoke is held back while its task already runs.</summary>
    public TimeSpan InvokeAnswerDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Store whose verification ends "failed" (a damaged store).</summary>
    public int DamagedStoreId { get; set; } = 3;

    /// <summary>SPE: how many instances (inst01, inst02, ...) the fake starts with, all running.</summary>
    public int SpeInstanceCount { get; set; } = 3;

    /// <summary>SPE: how long each instance stays starting/stopping/freezing/... inside a task.</summary>
    public TimeSpan SpeTransitionDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Added to every invoke (network and server latency), for benchmarks.</summary>
    public TimeSpan InvokeLatency { get; set; } = TimeSpan.Zero;
}
