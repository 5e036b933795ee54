using System.Collections;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary>
    /// <para type="synopsis">Changes one retention policy, or adds it when there is none by that name; the other policies and unknown properties are kept.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MsRetentionPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MsRetentionPolicy))]
    public sealed class SetMsRetentionPolicyCommand : MsCmdlet
    {
        /// <summary><para type="description">The policy's name (not a wildcard); binds from Get-MsRetentionPolicy output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary><para type="description">How long messages are kept, in -RetentionPeriodUnit; at least 1.</para></summary>
        [Parameter]
        public int? RetentionPeriod { get; set; }

        /// <summary><para type="description">The unit of the period: Days, Months or Years (Years for a new policy).</para></summary>
        [Parameter]
        public MsRetentionPeriodUnit? RetentionPeriodUnit { get; set; }

        /// <summary><para type="description">The archive folders the policy applies to (* for all; * for a new policy).</para></summary>
        [Parameter]
        public string[]? Folder { get; set; }

        /// <summary><para type="description">Other properties of the policy to change, by the names the server uses.</para></summary>
        [Parameter]
        public Hashtable? Property { get; set; }

        /// <summary><para type="description">Writes the policy as the server returns it after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var properties = (IDictionary?)PowerShellValues.ToPlain(Property);
            Run((connection, context, token) => MsRetentionOperations.SetPolicyAsync(connection, Name!, RetentionPeriod, RetentionPeriodUnit, Folder,
                properties, PassThru, context, token));
        }
    }
}
