using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary>
    /// <para type="synopsis">Synchronizes MailStore's users with the configured directory service, with a progress bar; -WhatIf and -DryRun preview the changes.</para>
    /// </summary>
    [Cmdlet(VerbsData.Sync, "MsDirectoryUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class SyncMsDirectoryUserCommand : MsCmdlet
    {
        /// <summary><para type="description">Only reports what the synchronization would change (the API's dryRun); nothing is saved.</para></summary>
        [Parameter]
        public SwitchParameter DryRun { get; set; }

        /// <summary><para type="description">Returns the running task (for Wait-MsTask / Stop-MsTask) instead of waiting.</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsDirectoryServicesOperations.SyncUsersAsync(connection, DryRun, NoWait, context, token));
    }
}
