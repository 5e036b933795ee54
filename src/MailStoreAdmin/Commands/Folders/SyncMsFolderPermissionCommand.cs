using System.Collections.Generic;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Completion;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Folders
{
    /// <summary>
    /// <para type="synopsis">Makes archive folder access match a desired state (UserName, Folder, Access objects): grants, changes and revokes, each under -WhatIf/-Confirm.</para>
    /// </summary>
    [Cmdlet(VerbsData.Sync, "MsFolderPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsFolderPermissionChange))]
    public sealed class SyncMsFolderPermissionCommand : MsCmdlet
    {
        private readonly List<object?> _desired = new List<object?>();

        /// <summary><para type="description">The wanted access: objects with UserName, Folder and Access (CSV rows, hashtables, Get-MsFolderPermission output).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        [AllowNull]
        public PSObject[] DesiredState { get; set; } = System.Array.Empty<PSObject>();

        /// <summary><para type="description">The folders this run manages (wildcards); access to other folders is neither compared nor changed.</para></summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(MsFolderPathCompleter))]
        public string[]? Scope { get; set; }

        /// <summary><para type="description">The users this run manages (wildcards); other users are neither read nor changed.</para></summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(MsUserNameCompleter))]
        public string[]? ScopeUserName { get; set; }

        /// <summary><para type="description">Also revokes access in scope that the desired state does not list (a user's own archive excepted).</para></summary>
        [Parameter]
        public SwitchParameter RemoveUnlisted { get; set; }


        protected override void ProcessRecord()
        {
            foreach (var item in DesiredState) _desired.Add(PowerShellValues.ToPlain(item));
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            var scope = new FolderPermissionScope(Scope, ScopeUserName);
            Run((connection, context, token) => MsFolderPermissionOperations.SyncAsync(connection, _desired, scope, RemoveUnlisted, CallLimit(8), true,
                context, token), terminating: true);
        }
    }
}
