using System;
using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.Core.Integration.Hosting;
using MailStoreAdmin.Core.Integration.Server;
using MailStoreAdmin.Core.Integration.Sources;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Integration;

namespace MailStoreAdmin.Commands.Integration
{
    /// <summary>
    /// <para type="synopsis">Serves users to MailStore's Application Integration directory service (cmd=list and cmd=auth) from a dbmail database, a user file or scripts.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "MsIntegrationServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DbMailSet)]
    [OutputType(typeof(MsIntegrationServer))]
    public sealed class StartMsIntegrationServerCommand : MailStoreAdminCmdlet
    {
        private const string DbMailSet = "DbMail";
        private const string FileSet = "UserFile";
        private const string ScriptSet = "Script";
        private const string SourceSet = "Source";

        /// <summary><para type="description">An ADO.NET connection string to dbmail's PostgreSQL database, such as 'Host=db;Database=dbmail'. Put the login in -DbMailCredential rather than here. PowerShell 7.4+ only.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = DbMailSet)]
        [ValidateNotNullOrEmpty]
        public string? DbMailConnectionString { get; set; }

        /// <summary><para type="description">The database login (read access to the users and aliases tables is enough).</para></summary>
        [Parameter(ParameterSetName = DbMailSet)]
        [Credential]
        public PSCredential? DbMailCredential { get; set; }

        /// <summary><para type="description">dbmail's table_prefix; dbmail_ by default.</para></summary>
        [Parameter(ParameterSetName = DbMailSet)]
        [AllowEmptyString]
        public string? DbMailTablePrefix { get; set; }

        /// <summary><para type="description">Lists deactivated dbmail users too (they still cannot log in).</para></summary>
        [Parameter(ParameterSetName = DbMailSet)]
        public SwitchParameter IncludeInactiveUsers { get; set; }

        /// <summary><para type="description">A CSV or JSON file of users with password hashes (see ConvertTo-MsPasswordHash); re-read when it changes.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string? UserFile { get; set; }

        /// <summary><para type="description">A script that outputs the users: objects with UserName and optionally FullName, DistinguishedName, EmailAddresses.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ScriptSet)]
        [ValidateNotNull]
        public ScriptBlock? ListScript { get; set; }

        /// <summary><para type="description">A script that gets a PSCredential as its argument and returns $true or $false.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ScriptSet)]
        [ValidateNotNull]
        public ScriptBlock? AuthScript { get; set; }

        /// <summary><para type="description">Variables for the scripts, which run in runspaces of their own: @{ Server = 'dc1' } is $Server there.</para></summary>
        [Parameter(ParameterSetName = ScriptSet)]
        public Hashtable? ScriptVariable { get; set; }

        /// <summary><para type="description">Accepts an empty list from -ListScript; otherwise it is an error, since MailStore may delete the users it no longer sees.</para></summary>
        [Parameter(ParameterSetName = ScriptSet)]
        public SwitchParameter AllowEmptyList { get; set; }

        /// <summary><para type="description">Any other user source (an object implementing MailStoreAdmin.Core.Integration.IDirectoryUserSource).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = SourceSet)]
        [ValidateNotNull]
        public IDirectoryUserSource? Source { get; set; }

        /// <summary><para type="description">The user name and password MailStore sends (Directory Services, "Server requires authentication").</para></summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary><para type="description">Serves without caller authentication; only for a loopback address or a trusted network.</para></summary>
        [Parameter]
        public SwitchParameter AllowAnonymous { get; set; }

        /// <summary><para type="description">The address to listen on; every address by default. Use 127.0.0.1 when MailStore runs on the same machine.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public IPAddress ListenAddress { get; set; } = IPAddress.Any;

        /// <summary><para type="description">The TCP port; 8480 by default, 0 for any free port.</para></summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; } = 8480;

        /// <summary><para type="description">Only this URL path is served (such as /mailstore); any path by default.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UrlPath { get; set; }

        /// <summary><para type="description">Serves HTTPS with this certificate (it needs its private key).</para></summary>
        [Parameter]
        [ValidateNotNull]
        public X509Certificate2? Certificate { get; set; }

        /// <summary><para type="description">Serves HTTPS with a certificate from a PFX file.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CertificatePath { get; set; }

        /// <summary><para type="description">The password of the -CertificatePath file.</para></summary>
        [Parameter]
        [SecureStringOnly]
        public SecureString? CertificatePassword { get; set; }

        /// <summary><para type="description">Appends one line per request (never a password) and per server event to this file.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LogPath { get; set; }

        /// <summary><para type="description">Seconds a source may take to list the users before MailStore gets a 504 (60).</para></summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int ListTimeoutSec { get; set; } = 60;

        /// <summary><para type="description">Seconds a source may take to check a password before MailStore gets a 504 (15).</para></summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int AuthTimeoutSec { get; set; } = 15;

        /// <summary><para type="description">Requests served at the same time (16); more wait briefly, then get a 503.</para></summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int MaxConcurrentRequests { get; set; } = 16;

        /// <summary><para type="description">Starts the server in the background of this session and returns it (stop it with Stop-MsIntegrationServer). Without it the cmdlet serves until Ctrl+C.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var options = new IntegrationServerOptions
            {
                BindAddress = ListenAddress,
                Port = Port,
                Path = UrlPath,
                CallerCredential = Credential?.GetNetworkCredential(),
                AllowAnonymous = AllowAnonymous,
                ListTimeout = TimeSpan.FromSeconds(ListTimeoutSec),
                AuthTimeout = TimeSpan.FromSeconds(AuthTimeoutSec),
                MaxConcurrentRequests = MaxConcurrentRequests,
            };
            var certificatePath = CertificatePath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath);
            var logPath = LogPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(LogPath);
            Run((context, token) =>
            {
                options.Certificate = Certificate ?? (certificatePath == null ? null : CertificateFile.Load(certificatePath, CertificatePassword));
                return IntegrationServerOperations.StartAsync(options, logPath, CreateSource, PassThru, context, token);
            }, terminating: true);
        }

        /// <summary>The source the parameter set names; <paramref name="warn"/> is the log's warning sink.</summary>
        private IDirectoryUserSource CreateSource(Action<string> warn)
        {
            switch (ParameterSetName)
            {
                case FileSet:
                    return new FileUserSource(SessionState.Path.GetUnresolvedProviderPathFromPSPath(UserFile), UserFileFormat.Auto, warn);
                case ScriptSet:
                    return new ScriptUserSource(ListScript!, AuthScript!, ScriptVariable, MaxConcurrentRequests, AllowEmptyList);
                case SourceSet:
                    return Source!;
                default:
                    var database = new DbMailDatabaseOptions
                    {
                        ConnectionString = DbMailConnectionString!,
                        TablePrefix = DbMailTablePrefix ?? DbMailDatabaseOptions.DefaultTablePrefix,
                        InactiveUsers = IncludeInactiveUsers ? DbMailInactiveUsers.List : DbMailInactiveUsers.Omit,
                        Warning = warn,
                    };
                    return DbMailDatabaseSourceLoader.Create(database, DbMailCredential?.GetNetworkCredential());
            }
        }
    }
}
