using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;

namespace MailStoreAdmin.Core.Json
{
    /// <summary>
    /// Reads a MailStore envelope from a stream in one pass, handing each element of an array result to the
    /// caller as soon as it is complete. Memory stays at one element plus the read buffer, whatever the result
    /// size (GetUsers on 100,000 users never exists as one string or one document). Tolerates a UTF-8 BOM.
    /// </summary>
    public static class MsEnvelopeReader
    {
        private const int InitialBufferSize = 32 * 1024;

        /// <param name="onResultItem">Gets each result element; the element is only valid during the call.</param>
        public static async Task<MsEnvelope> ReadAsync(Stream stream, Action<JsonElement>? onResultItem,
            CancellationToken cancellationToken)
        {
            var parser = new Parser(onResultItem);
            var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
            try
            {
                int filled = 0;
                bool final = false, bomChecked = false, sawAnyByte = false;
                var state = new JsonReaderState();
                while (true)
                {
                    if (!final)
                    {
                        if (filled == buffer.Length) buffer = Grow(buffer, filled);
                        int read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
                        if (read == 0) final = true;
                        filled += read;
                        sawAnyByte |= read > 0;
                    }
                    if (!bomChecked)
                    {
                        if (filled < 3 && !final) continue;
                        if (filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                        {
                            Buffer.BlockCopy(buffer, 3, buffer, 0, filled - 3);
                            filled -= 3;
                        }
                        bomChecked = true;
                    }
                    if (final && !sawAnyByte || final && IsBlank(buffer, filled) && !parser.Started)
                    {
                        throw new MailStoreAdminException(ErrorKind.ProtocolError, "EmptyResponse",
                            "The server sent an empty response where a JSON envelope was expected.");
                    }

                    int consumed;
                    try
                    {
                        // Never a final block: the envelope is an object, so an incomplete one asks for more data
                        // (reported as truncated below) instead of failing as invalid JSON.
                        consumed = parser.Advance(buffer, filled, ref state);
                    }
                    catch (JsonException e)
                    {
                        throw new MailStoreAdminException(ErrorKind.ProtocolError, "InvalidJsonResponse",
                            "The server's response is not valid JSON: " + e.Message, inner: e);
                    }
                    if (parser.Done) return parser.Envelope;
                    if (final)
                    {
                        throw new MailStoreAdminException(ErrorKind.ProtocolError, "TruncatedResponse",
                            "The server's response ended in the middle of the JSON envelope.");
                    }
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                    filled -= consumed;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static bool IsBlank(byte[] buffer, int filled)
        {
            for (int i = 0; i < filled; i++)
            {
                if (buffer[i] != ' ' && buffer[i] != '\r' && buffer[i] != '\n' && buffer[i] != '\t') return false;
            }
            return true;
        }

        private static byte[] Grow(byte[] buffer, int filled)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, bigger, 0, filled);
            ArrayPool<byte>.Shared.Return(buffer);
            return bigger;
        }

        /// <summary>A resumable state machine over Utf8JsonReader: each step either completes or rewinds.</summary>
        private sealed class Parser
        {
            private readonly Action<JsonElement>? _onResultItem;
            private Step _step = Step.Start;
            private string? _property;

            public Parser(Action<JsonElement>? onResultItem) => _onResultItem = onResultItem;

            public MsEnvelope Envelope { get; } = new MsEnvelope();
            public bool Done => _step == Step.Done;
            public bool Started => _step != Step.Start;

            public int Advance(byte[] buffer, int length, ref JsonReaderState state)
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, 0, length), isFinalBlock: false, state);
                while (_step != Step.Done)
                {
                    var checkpoint = reader;
                    if (!TryStep(ref reader))
                    {
                        reader = checkpoint;
                        break;
                    }
                }
                state = reader.CurrentState;
                return (int)reader.BytesConsumed;
            }

            private bool TryStep(ref Utf8JsonReader reader)
            {
                switch (_step)
                {
                    case Step.Start:
                        if (!reader.Read()) return false;
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new JsonException($"expected an envelope object, found {reader.TokenType}.");
                        }
                        _step = Step.Properties;
                        return true;

                    case Step.Properties:
                        if (!reader.Read()) return false;
                        if (reader.TokenType == JsonTokenType.EndObject)
                        {
                            _step = Step.Done;
                            return true;
                        }
                        _property = reader.GetString();
                        _step = Step.Value;
                        return true;

                    case Step.Value:
                        if (!reader.Read()) return false;
                        var isResult = string.Equals(_property, "result", StringComparison.OrdinalIgnoreCase);
                        // An array result is read element by element: only its '[' has to be here, not the whole
                        // array (probing it whole would buffer the entire body and rescan it on every read).
                        if (!(isResult && reader.TokenType == JsonTokenType.StartArray) && !IsComplete(reader)) return false;
                        if (isResult)
                        {
                            ReadResultStart(ref reader);
                        }
                        else
                        {
                            ReadEnvelopeField(ref reader);
                            _step = Step.Properties;
                        }
                        return true;

                    case Step.ResultArray:
                        if (!reader.Read()) return false;
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            _step = Step.Properties;
                            return true;
                        }
                        if (!IsComplete(reader)) return false;
                        Deliver(ref reader);
                        return true;

                    default:
                        return true;
                }
            }

            // Checks on a copy that the value starting at the current token is wholly in the buffer.
            private static bool IsComplete(Utf8JsonReader probe) => probe.TrySkip();

            private void ReadResultStart(ref Utf8JsonReader reader)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray:
                        Envelope.ResultIsArray = true;
                        // Not skipped: the elements are read one at a time in ResultArray.
                        _step = Step.ResultArray;
                        return;
                    case JsonTokenType.Null:
                        _step = Step.Properties;
                        return;
                    default:
                        Deliver(ref reader);
                        _step = Step.Properties;
                        return;
                }
            }

            private void Deliver(ref Utf8JsonReader reader)
            {
                Envelope.ResultCount++;
                if (_onResultItem == null)
                {
                    reader.TrySkip(); // the value is known to be complete: Skip() refuses partial buffers
                    return;
                }
                using var document = JsonDocument.ParseValue(ref reader);
                _onResultItem(document.RootElement);
            }

            private void ReadEnvelopeField(ref Utf8JsonReader reader)
            {
                var envelope = Envelope;
                switch (_property)
                {
                    case "error":
                        envelope.Error = ReadError(ref reader);
                        break;
                    case "token":
                        envelope.Token = ReadString(ref reader);
                        break;
                    case "statusVersion":
                        envelope.StatusVersion = ReadNumber(ref reader) ?? 0;
                        break;
                    case "statusCode":
                        envelope.StatusCode = ReadString(ref reader);
                        break;
                    case "percentProgress":
                        var percent = ReadNumber(ref reader);
                        envelope.PercentProgress = percent == null ? (int?)null : (int)Math.Max(0, Math.Min(100, percent.Value));
                        break;
                    case "statusText":
                        envelope.StatusText = ReadString(ref reader);
                        break;
                    case "logOutput":
                        envelope.LogOutput = ReadString(ref reader);
                        break;
                    default:
                        reader.TrySkip(); // the value is known to be complete: Skip() refuses partial buffers
                        break;
                }
            }

            private static MsApiError? ReadError(ref Utf8JsonReader reader)
            {
                if (reader.TokenType == JsonTokenType.Null) return null;
                if (reader.TokenType == JsonTokenType.String) return new MsApiError(reader.GetString() ?? string.Empty, null);
                using var document = JsonDocument.ParseValue(ref reader);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return new MsApiError(root.GetRawText(), null);
                return new MsApiError(PropertyText(root, "message") ?? "(no message)", PropertyText(root, "details"));
            }

            private static string? PropertyText(JsonElement obj, string name)
            {
                foreach (var property in obj.EnumerateObject())
                {
                    if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()
                            : property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetRawText();
                    }
                }
                return null;
            }

            private static string? ReadString(ref Utf8JsonReader reader)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.Null: return null;
                    case JsonTokenType.String: return reader.GetString();
                    case JsonTokenType.Number: return JsonDocumentText(ref reader);
                    case JsonTokenType.True: return "true";
                    case JsonTokenType.False: return "false";
                    default:
                        reader.TrySkip(); // the value is known to be complete: Skip() refuses partial buffers
                        return null;
                }
            }

            private static string JsonDocumentText(ref Utf8JsonReader reader)
            {
                using var document = JsonDocument.ParseValue(ref reader);
                return document.RootElement.GetRawText();
            }

            private static long? ReadNumber(ref Utf8JsonReader reader)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.Number:
                        return reader.TryGetInt64(out var value) ? value : (long)reader.GetDouble();
                    case JsonTokenType.String:
                        return long.TryParse(reader.GetString(), System.Globalization.NumberStyles.Integer,
                            System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
                    default:
                        reader.TrySkip(); // the value is known to be complete: Skip() refuses partial buffers
                        return null;
                }
            }

            private enum Step
            {
                Start,
                Properties,
                Value,
                ResultArray,
                Done,
            }
        }
    }
}
