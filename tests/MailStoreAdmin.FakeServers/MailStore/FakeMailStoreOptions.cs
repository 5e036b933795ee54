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

    /// <summary>Steps of every store and maintenance task (compact, upgrade, backup, index rebuild, retention, ...).</summary>
    public int MaintenanceSteps { get; set; } = 3;
    public TimeSpan MaintenanceStepDelay { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>A store or maintenance function whose task ends "failed" (e.g. CompactStore).</summary>
    public string? FailingFunction { get; set; }

    /// <summary>The passphrase UnlockStore accepts.</summary>
    public string StorePassphrase { get; set; } = "Store-Passphrase-1";
    /// <summary>GetWorkerResults fails with "Nullable object must have a value." above this many rows, like the real server; null: never.</summary>
    public int? HistoryFailureThreshold { get; set; }
    /// <summary>Added to every GetWorkerResults and GetJobResults answer, to model a remote server.</summary>
    public TimeSpan HistoryLatency { get; set; } = TimeSpan.Zero;
    /// <summary>Additional automatic profiles that run every hour (one per mailbox), to make the history dense.</summary>
    public int ExtraHourlyProfiles { get; set; }
    /// <summary>Functions whose invoke never answers (a hung server), for timeouts.</summary>
    public HashSet<string> HangingFunctions { get; } = new(StringComparer.Ordinal);
    public int LicenseNamedUsers { get; set; } = 42;
    public int LicenseMaxNamedUsers { get; set; } = 50;
    /// <summary>How long a job started with RunJobAsync runs.</summary>
    public TimeSpan JobRunDuration { get; set; } = TimeSpan.FromMilliseconds(300);
    /// <summary>Added to every call of the user and folder areas, to model a remote server (benchmarks).</summary>
    public TimeSpan CallLatency { get; set; } = TimeSpan.Zero;
    /// <summary>GetChildFolders answers one level only, whatever maxLevels says (compliance settings on a real server).</summary>
    public bool ChildFoldersOneLevel { get; set; }
    /// <summary>SPE: how many instances (inst01, inst02, ...) the fake starts with, all running.</summary>
    public int SpeInstanceCount { get; set; } = 3;
    /// <summary>SPE: how long each instance stays starting/stopping/freezing/... inside a task.</summary>
    public TimeSpan SpeTransitionDelay { get; set; } = TimeSpan.FromMilliseconds(20);
    /// <summary>Added to every invoke (network and server latency), for benchmarks.</summary>
    public TimeSpan InvokeLatency { get; set; } = TimeSpan.Zero;
}
