using System;

namespace MailStoreAdmin.Core.Errors
{
    /// <summary>
    /// Every failure the core reports. ErrorId is stable (scripts and tests match on it); Kind picks the
    /// PowerShell error category; Target is what the failing call was about. Messages never carry secrets.
    /// </summary>
    public class MailStoreAdminException : Exception
    {
        public MailStoreAdminException(ErrorKind kind, string errorId, string message, object? target = null,
            Exception? inner = null, string? recommendedAction = null)
            : base(message, inner)
        {
            Kind = kind;
            ErrorId = errorId;
            Target = target;
            RecommendedAction = recommendedAction;
        }

        public ErrorKind Kind { get; }
        public string ErrorId { get; }
        public object? Target { get; }
        public string? RecommendedAction { get; }
    }

    /// <summary>A MailStore call whose envelope ended with statusCode "failed".</summary>
    public sealed class MsApiException : MailStoreAdminException
    {
        public MsApiException(string function, string apiMessage, string? details, object? target = null)
            : base(ErrorKind.InvalidResult, "MailStoreApiCallFailed",
                $"MailStore API function '{function}' failed: {apiMessage}", target ?? function)
        {
            Function = function;
            ApiMessage = apiMessage;
            Details = details;
        }

        public string Function { get; }
        public string ApiMessage { get; }
        /// <summary>The server's technical details (often a .NET stack trace).</summary>
        public string? Details { get; }
    }
}
