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

    /// <summary>Store whose verification ends "failed" (a damaged store).</summary>
    public int DamagedStoreId { get; set; } = 3;
}
