using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.DbMailApi
{
    /// <summary>The dbmail errors raised before or instead of a request, with their stable ids.</summary>
    internal static class DbMailErrors
    {
        public static MailStoreAdminException Invalid(string errorId, string message, object? target, string? recommendedAction = null) =>
            new MailStoreAdminException(ErrorKind.InvalidArgument, errorId, message, target, recommendedAction: recommendedAction);

        public static MailStoreAdminException UserNotFound(string userName) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "DbMailUserNotFound", $"There is no dbmail user '{userName}'.", userName,
                recommendedAction: "Check the name with Test-DbMailUser; dbmail user names are matched without regard to case.");

        public static MailStoreAdminException UserExists(string userName) =>
            new MailStoreAdminException(ErrorKind.ResourceExists, "DbMailUserExists", $"The dbmail user '{userName}' already exists.", userName,
                recommendedAction: "Use Set-DbMailUserPassword to change the password of an existing user.");

        public static MailStoreAdminException RuleNotFound(string userName, string ruleName) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "DbMailFilterRuleNotFound",
                $"The dbmail user '{userName}' has no filter rule named '{ruleName}'.", ruleName,
                recommendedAction: "Names are case-sensitive; list them with Get-DbMailFilterRule.");

        public static MailStoreAdminException RuleExists(string userName, string ruleName) =>
            new MailStoreAdminException(ErrorKind.ResourceExists, "DbMailFilterRuleExists",
                $"The dbmail user '{userName}' already has a filter rule named '{ruleName}'; dbmail-api would add a second one that hides the first.",
                ruleName, recommendedAction: "Choose another name, or remove the existing rule first.");

        public static MailStoreAdminException FetchRuleNotFound(string userName, int id) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "DbMailFetchRuleNotFound",
                $"The dbmail user '{userName}' has no POP3 fetch rule with id {id}.", id,
                recommendedAction: "List the user's rules with Get-DbMailFetchRule.");
    }
}
