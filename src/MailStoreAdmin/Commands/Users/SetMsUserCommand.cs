using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Users
{
    /// <summary>
    /// <para type="synopsis">Changes properties of a MailStore user; only the properties given (and different) are sent.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MsUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsUser))]
    public sealed class SetMsUserCommand : MsUserCmdlet
    {
        /// <summary><para type="description">The display name; an empty string clears it.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FullName { get; set; }

        /// <summary><para type="description">Replaces all e-mail addresses (an empty array removes all).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ListSplit]
        [AllowEmptyCollection]
        public string[]? EmailAddress { get; set; }

        /// <summary><para type="description">Adds e-mail addresses to the current ones.</para></summary>
        [Parameter]
        [ListSplit]
        public string[]? AddEmailAddress { get; set; }

        /// <summary><para type="description">Removes e-mail addresses from the current ones.</para></summary>
        [Parameter]
        [ListSplit]
        public string[]? RemoveEmailAddress { get; set; }

        /// <summary><para type="description">The directory distinguished name; an empty string clears it.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? DistinguishedName { get; set; }

        /// <summary><para type="description">Integrated or DirectoryServices.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public MsUserAuthentication? Authentication { get; set; }

        /// <summary><para type="description">Replaces the POP3 user names.</para></summary>
        [Parameter]
        [ListSplit]
        [AllowEmptyCollection]
        public string[]? Pop3UserName { get; set; }

        /// <summary><para type="description">Replaces the login privileges (None alone).</para></summary>
        [Parameter]
        [ListSplit]
        public MsLoginPrivilege[]? LoginPrivilege { get; set; }

        /// <summary><para type="description">Writes the user as the server returns it after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var properties = new MsUserProperties
            {
                FullName = FullName, DistinguishedName = DistinguishedName, Authentication = Authentication, EmailAddresses = EmailAddress,
                AddEmailAddresses = AddEmailAddress, RemoveEmailAddresses = RemoveEmailAddress, Pop3UserNames = Pop3UserName,
                LoginPrivileges = LoginPrivilege,
            };
            Run((connection, context, token) => MsUserEditOperations.SetUserAsync(connection, Name, properties, PassThru, context, token));
        }
    }
}
