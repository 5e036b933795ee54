namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>
    /// The MailStore response envelope without its result (results are streamed to the caller as they are read).
    /// </summary>
    public sealed class MsEnvelope
    {
        public MsApiError? Error { get; set; }
        public string? Token { get; set; }
        public long StatusVersion { get; set; }
        public string? StatusCode { get; set; }
        public int? PercentProgress { get; set; }
        public string? StatusText { get; set; }
        public string? LogOutput { get; set; }

        /// <summary>Number of result items delivered: array elements, or 1 for a single non-null value.</summary>
        public int ResultCount { get; set; }

        /// <summary>True when the result was an array (also when empty).</summary>
        public bool ResultIsArray { get; set; }

        public bool IsRunning => StatusCode == MsStatusCodes.Running;
        public bool IsFailed => StatusCode == MsStatusCodes.Failed || Error != null && StatusCode != MsStatusCodes.Running;
    }

    public sealed class MsApiError
    {
        public MsApiError(string message, string? details)
        {
            Message = message;
            Details = details;
        }

        public string Message { get; }
        public string? Details { get; }
    }

    public static class MsStatusCodes
    {
        public const string Running = "running";
        public const string Succeeded = "succeeded";
        public const string Failed = "failed";
        public const string Cancelled = "cancelled";
    }
}
