using System;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>A request the server refuses with a 4xx/5xx status; the message goes into the JSON error body and the log.</summary>
    internal sealed class HttpProtocolException : Exception
    {
        public HttpProtocolException(int statusCode, string message, bool closeConnection = false)
            : base(message)
        {
            StatusCode = statusCode;
            CloseConnection = closeConnection;
        }

        public int StatusCode { get; }

        /// <summary>True when the request's framing is unreliable, so the connection cannot carry another request.</summary>
        public bool CloseConnection { get; }

        public HttpResponse ToResponse() => HttpResponse.Error(StatusCode, Message);
    }
}
