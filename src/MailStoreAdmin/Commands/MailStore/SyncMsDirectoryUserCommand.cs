using System.Collections.Generic;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Json;
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

        protected override void ProcessRecord()
        {
            var target = $"users of {ResolveConnection()}";
            var dryRun = DryRun.IsPresent;
            if (IsWhatIf())
            {
                // The server can preview a synchronization, so -WhatIf shows the real list of changes instead of one line.
                ShouldProcess(target, "Synchronize with the directory service (as a dry run that changes nothing)");
                dryRun = true;
            }
            else if (!dryRun && !ShouldProcess(target, "Synchronize with the directory service"))
            {
                return;
            }

            RunWithConnection(async (connection, context, token) =>
            {
                var items = new List<object>();
                void Collect(System.Text.Json.JsonElement item)
                {
                    lock (items) items.Add(PowerShellValues.ToPowerShell(JsonPlain.ToPlain(item))!);
                }

                var task = await MsDirectoryServicesOperations.StartSyncUsersAsync(connection, dryRun, Collect, context, token).ConfigureAwait(false);
                if (NoWait)
                {
                    context.WriteObject(task);
                    return;
                }
                var result = await connection.WaitAsync(task, Collect, context, token).ConfigureAwait(false);
                context.WriteObject(MsTaskResult.From(result, items.ToArray()));
            });
        }

        private bool IsWhatIf() =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
                ? LanguagePrimitives.IsTrue(bound)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
    }
}
