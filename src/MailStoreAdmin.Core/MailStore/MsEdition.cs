using System;
using System.Collections.Generic;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>Which product answers: MailStore Server (port 8463) or the SPE Management API (port 8474).</summary>
    public enum MsEdition
    {
        Server,
        ServiceProvider,
    }

    /// <summary>
    /// Which functions exist on only one edition (from the function reference). A server's metadata only lists its own
    /// functions, so a call to the other edition's function would otherwise end as "unknown function" or an HTTP 404;
    /// this catalogue turns it into an error that names the edition.
    /// </summary>
    public static class MsEditions
    {
        private static readonly HashSet<string> ServerOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "DeleteMessage", "GetMessages", "GetStoreIndexes", "RebuildStoreIndex", "GetActiveSessions", "GetLicenseInformation",
            "GetServerInfo", "GetServiceConfiguration", "SetServiceCertificate", "CompactMasterDatabase", "CreateBackup",
            "RenewMasterKey", "SetStoreProperties",
        };

        private static readonly HashSet<string> ServiceProviderOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "GetIndexConfiguration", "SetIndexConfiguration", "CreateClientAccessServer", "DeleteClientAccessServer",
            "GetClientAccessServers", "SetClientAccessServerConfiguration", "CreateDirectoryOnInstanceHost", "CreateInstanceHost",
            "DeleteInstanceHost", "GetDirectoriesOnInstanceHost", "GetInstanceHosts", "SetInstanceHostConfiguration", "CreateInstance",
            "DeleteInstances", "FreezeInstances", "GetInstanceConfiguration", "GetInstanceProcessLiveStatistics", "GetInstanceStatistics",
            "GetInstances", "RestartInstances", "SetInstanceConfiguration", "StartInstances", "StopInstances", "ThawInstances",
            "CreateLicenseRequest", "GetEnvironmentInfo", "GetServiceStatus", "PairWithManagementServer", "Ping", "ReloadBranding",
            "CanRunArchiveProfiles", "CreateClientOneTimeUrlForArchiveAdmin", "GetArchiveAdminEnabled", "SetArchiveAdminEnabled",
            "CreateSystemAdministrator", "CreateSystemAdministratorAPIPassword", "DeactivateSystemAdministratorMFA",
            "DeleteSystemAdministrator", "GetSystemAdministrators", "InitializeSystemAdministratorMFA",
            "SetSystemAdministratorConfiguration", "SetSystemAdministratorPassword", "GetSystemSmtpConfiguration",
            "SetSystemSmtpConfiguration", "TestSystemSmtpConfiguration", "SetStorePath",
        };

        /// <summary>The edition a function exists on alone, or null when it exists on both (or is unknown).</summary>
        public static MsEdition? OnlyOn(string function) =>
            ServerOnly.Contains(function) ? MsEdition.Server
            : ServiceProviderOnly.Contains(function) ? MsEdition.ServiceProvider
            : (MsEdition?)null;

        /// <summary>
        /// The edition a server's catalogue shows: only the SPE Management API lists instance management functions.
        /// </summary>
        public static MsEdition Detect(MsMetadata metadata) =>
            metadata.Contains("GetInstances") || metadata.Contains("GetInstanceHosts") ? MsEdition.ServiceProvider : MsEdition.Server;

        public static string DisplayName(MsEdition edition) =>
            edition == MsEdition.ServiceProvider ? "MailStore Service Provider Edition" : "MailStore Server";
    }
}
