using System;
using System.Management.Automation;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Base
{
    /// <summary>Core exceptions become ErrorRecords with their stable id, category, target and advice.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(MailStoreAdminException exception)
        {
            var category = Enum.TryParse<ErrorCategory>(exception.Kind.ToString(), out var parsed) ? parsed : ErrorCategory.NotSpecified;
            var record = new ErrorRecord(exception, exception.ErrorId, category, exception.Target);
            if (exception.RecommendedAction != null)
            {
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = exception.RecommendedAction };
            }
            return record;
        }

        public static ErrorRecord NotConnected(string connectCommand, string noun) => new ErrorRecord(
            new InvalidOperationException($"There is no {noun} connection in this session. Run {connectCommand} first, or pass -Connection."),
            "NotConnected", ErrorCategory.ConnectionError, null)
        {
            ErrorDetails = new ErrorDetails($"There is no {noun} connection in this session.")
            {
                RecommendedAction = $"Run {connectCommand}, or pass a connection with -Connection.",
            },
        };
    }
}
