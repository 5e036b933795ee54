using System;
using System.Collections.Generic;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>The request line and headers of one HTTP/1.x request.</summary>
    internal sealed class HttpRequestHead
    {
        private readonly Dictionary<string, string> _headers;

        public HttpRequestHead(string method, string target, string path, bool isHttp11, Dictionary<string, string> headers, long contentLength)
        {
            Method = method;
            Target = target;
            Path = path;
            IsHttp11 = isHttp11;
            _headers = headers;
            ContentLength = contentLength;
        }

        public string Method { get; }
        public string Target { get; }
        /// <summary>The target's path without query, as sent (not percent-decoded).</summary>
        public string Path { get; }
        public bool IsHttp11 { get; }
        /// <summary>0 when the request had no Content-Length (chunked bodies are refused while parsing).</summary>
        public long ContentLength { get; }

        public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

        public bool ExpectsContinue => string.Equals(Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase);

        /// <summary>HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 only when asked to keep it.</summary>
        public bool WantsKeepAlive
        {
            get
            {
                var tokens = (Header("Connection") ?? string.Empty).Split(',');
                var close = false;
                var keepAlive = false;
                foreach (var raw in tokens)
                {
                    var token = raw.Trim();
                    close |= token.Equals("close", StringComparison.OrdinalIgnoreCase);
                    keepAlive |= token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase);
                }
                return !close && (IsHttp11 || keepAlive);
            }
        }
    }
}
