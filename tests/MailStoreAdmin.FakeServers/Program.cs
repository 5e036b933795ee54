using MailStoreAdmin.FakeServers.DbMailApi;
using MailStoreAdmin.FakeServers.MailStore;

namespace MailStoreAdmin.FakeServers;

/// <summary>
/// Runs the fakes (MailStore and dbmail-api, each on its own port) as a process for Pester and the demo. Prints KEY=value lines (the address, the certificate
/// thumbprint) and READY, then serves until standard input closes or the process is stopped.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new FakeMailStoreOptions();
        var dbMail = new FakeDbMailOptions();
        var watchStdin = false;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--port": options.Port = int.Parse(Next()); break;
                case "--tls": options.Tls = true; break;
                case "--spe": options.ServiceProvider = true; break;
                case "--users": options.UserCount = int.Parse(Next()); break;
                case "--user": options.UserName = Next(); break;
                case "--password": options.Password = Next(); break;
                case "--latency-ms": options.UserInfoLatency = TimeSpan.FromMilliseconds(int.Parse(Next())); break;
                case "--verify-steps": options.VerifySteps = int.Parse(Next()); break;
                case "--verify-step-ms": options.VerifyStepDelay = TimeSpan.FromMilliseconds(int.Parse(Next())); break;
                case "--invoke-answer-delay-ms": options.InvokeAnswerDelay = TimeSpan.FromMilliseconds(int.Parse(Next())); break;
                case "--watch-stdin": watchStdin = true; break;
                case "--dbmail-seckey": dbMail.SecKey = Next(); break;
                case "--dbmail-php5": dbMail.NumbersAsStrings = true; break;
                case "--dbmail-php-warnings": dbMail.PhpWarnings = true; break;
                case "--maintenance-steps": options.MaintenanceSteps = int.Parse(Next()); break;
                case "--maintenance-step-ms": options.MaintenanceStepDelay = TimeSpan.FromMilliseconds(int.Parse(Next())); break;
                case "--fail-function": options.FailingFunction = Next(); break;
                case "--history-failure-threshold": options.HistoryFailureThreshold = int.Parse(Next()); break;
                case "--history-latency-ms": options.HistoryLatency = TimeSpan.FromMilliseconds(int.Parse(Next())); break;
                case "--extra-profiles": options.ExtraHourlyProfiles = int.Parse(Next()); break;
                case "--hang": options.HangingFunctions.Add(Next()); break;
                case "--license-users": options.LicenseNamedUsers = int.Parse(Next()); break;
                case "--license-max": options.LicenseMaxNamedUsers = int.Parse(Next()); break;
                case "--call-latency-ms": options.CallLatency = TimeSpan.FromMilliseconds(int.Parse(Next())); break;
                case "--folders-one-level": options.ChildFoldersOneLevel = true; break;
                case "--spe-instances": options.SpeInstanceCount = int.Parse(Next()); break;
                case "--invoke-latency-ms": options.InvokeLatency = TimeSpan.FromMilliseconds(int.Parse(Next())); break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}. Options: --port --tls --spe --users --user --password --latency-ms --verify-steps --verify-step-ms --invoke-answer-delay-ms --watch-stdin --dbmail-seckey --dbmail-php5 --dbmail-php-warnings --maintenance-steps --maintenance-step-ms --fail-function --history-failure-threshold --history-latency-ms --extra-profiles --hang --license-users --license-max --call-latency-ms --folders-one-level --spe-instances --invoke-latency-ms");
                    return 2;
            }
        }

        await using var mailStore = await FakeMailStoreServer.StartAsync(options);
        Console.WriteLine($"MAILSTORE_URI={mailStore.Uri}");
        if (mailStore.Thumbprint != null) Console.WriteLine($"MAILSTORE_THUMBPRINT={mailStore.Thumbprint}");
        dbMail.Tls = options.Tls;
        await using var dbMailApi = await FakeDbMailApiServer.StartAsync(dbMail);
        Console.WriteLine($"DBMAIL_URI={dbMailApi.Uri}");
        if (dbMailApi.Thumbprint != null) Console.WriteLine($"DBMAIL_THUMBPRINT={dbMailApi.Thumbprint}");
        Console.WriteLine("READY");
        Console.Out.Flush();

        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
        if (watchStdin)
        {
            // The parent holds our standard input open; when it goes away, so does the fake.
            _ = Task.Run(() =>
            {
                while (Console.In.Read() >= 0) { }
                stop.TrySetResult();
            });
        }
        await stop.Task;
        return 0;
    }
}
