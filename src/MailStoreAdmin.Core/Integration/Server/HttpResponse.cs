using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>A complete response: the body is always fully built before anything is sent, so a failure never truncates it.</summary>
    internal sealed class HttpResponse
    {
        public const string JsonContentType = "application/json; charset=utf-8";

        private readonly List<KeyValuePair<string, string>> _headers = new List<KeyValuePair<string, string>>();

        public HttpResponse(int statusCode, byte[] body)
        {
            StatusCode = statusCode;
            Body = body;
        }

        public int StatusCode { get; }
        public byte[] Body { get; }

        /// <summary>The connection must close after this response, whatever the client asked.</summary>
        public bool CloseConnection { get; set; }

        public HttpResponse WithHeader(string name, string value)
        {
            _headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public static HttpResponse Json(int statusCode, byte[] body) => new HttpResponse(statusCode, body);

        /// <summary>The short JSON body every refusal carries: {"error":"..."}.</summary>
        public static HttpResponse Error(int statusCode, string message)
        {
            var body = JsonText.WriteBytes(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("error", message);
                writer.WriteEndObject();
            }, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            return new HttpResponse(statusCode, body);
        }

        public async Task WriteAsync(Stream stream, bool closeConnection, Task deadline)
        {
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(ReasonPhrase(StatusCode)).Append("\r\n");
            head.Append("Date: ").Append(DateTime.UtcNow.ToString("R", CultureInfo.InvariantCulture)).Append("\r\n");
            head.Append("Content-Type: ").Append(JsonContentType).Append("\r\n");
            head.Append("Content-Length: ").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            head.Append("Cache-Control: no-store\r\n");
            foreach (var header in _headers) head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            if (closeConnection) head.Append("Connection: close\r\n");
            head.Append("\r\n");
            var headBytes = Encoding.ASCII.GetBytes(head.ToString());

            // One write for small answers keeps them in one TCP segment.
            var packet = new byte[headBytes.Length + Body.Length];
            Buffer.BlockCopy(headBytes, 0, packet, 0, headBytes.Length);
            Buffer.BlockCopy(Body, 0, packet, headBytes.Length, Body.Length);
            await IoDeadline.WriteAsync(stream, packet, 0, packet.Length, deadline).ConfigureAwait(false);
            await IoDeadline.RaceAsync(stream.FlushAsync(), deadline).ConfigureAwait(false);
        }

        public static string ReasonPhrase(int statusCode)
        {
            switch (statusCode)
            {
                case 100: return "Continue";
                case 200: return "OK";
                case 400: return "Bad Request";
                case 401: return "Unauthorized";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 408: return "Request Timeout";
                case 411: return "Length Required";
                case 413: return "Payload Too Large";
                case 415: return "Unsupported Media Type";
                case 431: return "Request Header Fields Too Large";
                case 500: return "Internal Server Error";
                case 501: return "Not Implemented";
                case 503: return "Service Unavailable";
                case 504: return "Gateway Timeout";
                case 505: return "HTTP Version Not Supported";
                default: return "Status";
            }
        }
    }
}
