using System.Collections;
using System.Collections.Specialized;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>Compliance: the configuration, and legal hold as its own switch.</summary>
    public static class MsComplianceOperations
    {
        public static readonly MsConfigurationKind Configuration = new MsConfigurationKind("GetComplianceConfiguration",
            "SetComplianceConfiguration", "MailStoreAdmin.ComplianceConfiguration", "compliance configuration");

        /// <summary>The configuration key of legal hold, as GetComplianceConfiguration spells it.</summary>
        public const string LegalHoldKey = "legalHoldEnabled";

        public static Task GetConfigurationAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken) =>
            MsConfigurationOperations.GetAsync(connection, Configuration, context, cancellationToken);

        /// <summary>Set-MsComplianceConfiguration: only the given properties change.</summary>
        public static Task SetConfigurationAsync(MsConnection connection, IDictionary changes, bool passThru, OperationContext context,
            CancellationToken cancellationToken) =>
            MsConfigurationOperations.EditAsync(connection, Configuration, changes, "Set", passThru, context, cancellationToken);

        /// <summary>Enable-MsLegalHold / Disable-MsLegalHold.</summary>
        public static Task SetLegalHoldAsync(MsConnection connection, bool enabled, bool passThru, OperationContext context,
            CancellationToken cancellationToken)
        {
            var changes = new OrderedDictionary { [LegalHoldKey] = enabled };
            return MsConfigurationOperations.EditAsync(connection, Configuration, changes, enabled ? "Enable legal hold" : "Disable legal hold",
                passThru, context, cancellationToken);
        }
    }
}
