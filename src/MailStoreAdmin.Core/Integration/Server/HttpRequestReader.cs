using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>
    /// Reads HTTP/1.x requests from one connection, strictly and within limits. Bytes that arrive after a request
    /// (pipelining) stay buffered for the next one.
    /// </summary>
    internal sealed class HttpRequestReader
    {
        private static readonly byte[] ContinueResponse = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

        private readonly Stream _stream;
        private readonly byte[] _buffer;
        private readonly int _maxBodyBytes;
        private int _start;
        private int _end;
        private long _unreadBody;
        private bool _expectsContinue;

        public HttpRequestReader(Stream stream, int maxHeaderBytes, int maxBodyBytes)
        {
            _stream = stream;
            _buffer = new byte[maxHeaderBytes];
            _maxBodyBytes = maxBodyBytes;
        }

        /// <summary>
        /// Drops an unread body that has already arrived completely (typical for a refused small request), so the
        /// connection can carry the next request; false when part of it is still on the wire.
        /// </summary>
        public bool TryDiscardBufferedBody()
        {
            if (_unreadBody > _end - _start) return false;
            _start += (int)_unreadBody;
            _unreadBody = 0;
            return true;
        }

        /// <summary>Waits for the first byte of the next request; false when the peer closed or stayed idle until the deadline.</summary>
        public async Task<bool> WaitForRequestAsync(Task idleDeadline)
        {
            if (_end > _start) return true;
            _start = _end = 0;
            try
            {
                var read = await IoDeadline.ReadAsync(_stream, _buffer, 0, _buffer.Length, idleDeadline).ConfigureAwait(false);
                _end = read;
                return read > 0;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        /// <summary>
        /// Reads the request line and headers. Throws <see cref="HttpProtocolException"/> for anything malformed,
        /// <see cref="TimeoutException"/> past the deadline, <see cref="EndOfStreamException"/> when the peer leaves.
        /// </summary>
        public async Task<HttpRequestHead> ReadHeadAsync(Task deadline)
        {
            int headEnd;
            while (true)
            {
                SkipLeadingEmptyLines();
                headEnd = FindHeadEnd();
                if (headEnd >= 0) break;
                if (_end - _start == _buffer.Length)
                {
                    throw new HttpProtocolException(431, "the request line and headers are larger than allowed", closeConnection: true);
                }
                Compact();
                var read = await IoDeadline.ReadAsync(_stream, _buffer, _end, _buffer.Length - _end, deadline).ConfigureAwait(false);
                if (read == 0) throw new EndOfStreamException();
                _end += read;
            }

            var text = new StringBuilder(headEnd - _start);
            for (var i = _start; i < headEnd; i++) text.Append((char)_buffer[i]);
            _start = headEnd;
            var head = Parse(text.ToString());
            _unreadBody = head.ContentLength;
            _expectsContinue = head.ExpectsContinue;
            return head;
        }

        /// <summary>Reads the announced body (sending "100 Continue" first when the client waits for it).</summary>
        public async Task<byte[]> ReadBodyAsync(Task deadline)
        {
            if (_unreadBody > _maxBodyBytes) throw new HttpProtocolException(413, "the request body is larger than allowed", closeConnection: true);
            var body = new byte[_unreadBody];
            var filled = Math.Min(body.Length, _end - _start);
            Buffer.BlockCopy(_buffer, _start, body, 0, filled);
            _start += filled;
            if (filled < body.Length && _expectsContinue)
            {
                await IoDeadline.WriteAsync(_stream, ContinueResponse, 0, ContinueResponse.Length, deadline).ConfigureAwait(false);
            }
            while (filled < body.Length)
            {
                var read = await IoDeadline.ReadAsync(_stream, body, filled, body.Length - filled, deadline).ConfigureAwait(false);
                if (read == 0) throw new EndOfStreamException();
                filled += read;
            }
            _unreadBody = 0;
            return body;
        }

        private void SkipLeadingEmptyLines()
        {
            // RFC 9112 2.2: a server should ignore empty lines received before the request line.
            while (_start < _end && (_buffer[_start] == '\r' || _buffer[_start] == '\n')) _start++;
        }

        private int FindHeadEnd()
        {
            for (var i = _start; i < _end; i++)
            {
                if (_buffer[i] != '\n') continue;
                if (i + 1 < _end && _buffer[i + 1] == '\n') return i + 2;
                if (i + 2 < _end && _buffer[i + 1] == '\r' && _buffer[i + 2] == '\n') return i + 3;
            }
            return -1;
        }

        private void Compact()
        {
            if (_start == 0) return;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        private static HttpRequestHead Parse(string text)
        {
            var lines = text.Split('\n');
            var requestLine = lines[0].TrimEnd('\r').Split(' ');
            if (requestLine.Length != 3 || !IsToken(requestLine[0]) || requestLine[1].Length == 0 || HasControl(requestLine[1]))
            {
                throw Malformed("malformed request line");
            }
            var method = requestLine[0];
            var target = requestLine[1];
            var isHttp11 = ParseVersion(requestLine[2]);

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? contentLength = null;
            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i].EndsWith("\r", StringComparison.Ordinal) ? lines[i].Substring(0, lines[i].Length - 1) : lines[i];
                if (line.Length == 0) continue;
                var colon = line.IndexOf(':');
                if (colon <= 0 || !IsToken(line.Substring(0, colon))) throw Malformed("malformed header line");
                var name = line.Substring(0, colon);
                var value = line.Substring(colon + 1).Trim(' ', '\t');
                if (HasControl(value)) throw Malformed("control character in a header value");
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    if (contentLength != null && contentLength != value) throw Malformed("conflicting Content-Length headers");
                    contentLength = value;
                }
                headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
            }

            if (isHttp11 && !headers.ContainsKey("Host")) throw Malformed("HTTP/1.1 request without Host header");
            if (headers.ContainsKey("Transfer-Encoding"))
            {
                // Never guess the framing when both are present: that is how request smuggling works.
                if (contentLength != null) throw Malformed("both Transfer-Encoding and Content-Length");
                throw new HttpProtocolException(411, "chunked or encoded request bodies are not supported; send Content-Length", closeConnection: true);
            }
            long length = 0;
            if (contentLength != null && !TryParseLength(contentLength, out length)) throw Malformed("invalid Content-Length");
            return new HttpRequestHead(method, target, PathOf(target), isHttp11, headers, length);
        }

        private static bool ParseVersion(string version)
        {
            if (version == "HTTP/1.1") return true;
            if (version == "HTTP/1.0") return false;
            if (version.Length == 8 && version.StartsWith("HTTP/", StringComparison.Ordinal) && char.IsDigit(version[5]) && version[6] == '.' && char.IsDigit(version[7]))
            {
                throw new HttpProtocolException(505, "only HTTP/1.0 and HTTP/1.1 are supported", closeConnection: true);
            }
            throw Malformed("malformed request line");
        }

        private static string PathOf(string target)
        {
            var path = target;
            if (!target.StartsWith("/", StringComparison.Ordinal))
            {
                // absolute-form (as sent to proxies): keep only the path.
                var scheme = target.IndexOf("://", StringComparison.Ordinal);
                if (scheme <= 0) throw Malformed("malformed request target");
                var slash = target.IndexOf('/', scheme + 3);
                path = slash < 0 ? "/" : target.Substring(slash);
            }
            var query = path.IndexOfAny(new[] { '?', '#' });
            return query < 0 ? path : path.Substring(0, query);
        }

        private static bool TryParseLength(string value, out long length)
        {
            length = 0;
            if (value.Length == 0 || value.Length > 18) return false;
            foreach (var c in value) if (c < '0' || c > '9') return false;
            length = long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }

        private static bool IsToken(string value)
        {
            if (value.Length == 0) return false;
            foreach (var c in value)
            {
                var ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
                if (!ok) return false;
            }
            return true;
        }

        private static bool HasControl(string value)
        {
            foreach (var c in value) if (c < 0x20 && c != '\t' || c == 0x7f) return true;
            return false;
        }

        private static HttpProtocolException Malformed(string message) => new HttpProtocolException(400, message, closeConnection: true);
    }
}
