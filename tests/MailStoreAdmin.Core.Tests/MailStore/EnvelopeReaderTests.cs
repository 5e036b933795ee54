using System.Text;
using System.Text.Json;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using Xunit;

namespace MailStoreAdmin.Core.Tests.MailStore;

public class EnvelopeReaderTests
{
    private const string Envelope =
        "{\"error\":null,\"token\":null,\"statusVersion\":2,\"statusCode\":\"succeeded\",\"percentProgress\":null," +
        "\"statusText\":null,\"result\":[{\"userName\":\"a\",\"n\":1},{\"userName\":\"b\",\"nested\":{\"x\":[1,2,3]}},{\"userName\":\"c\"}],\"logOutput\":null}";

    /// <summary>Returns at most a few bytes per read, so every token boundary lands mid-buffer at some point.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));
    }

    private static byte[] WithBom(string json) => new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Streams_array_items_whatever_the_chunk_size(int chunk)
    {
        var names = new List<string>();
        var envelope = await MsEnvelopeReader.ReadAsync(new TrickleStream(WithBom(Envelope), chunk),
            item => names.Add(item.GetProperty("userName").GetString()!), CancellationToken.None);

        Assert.Equal(new[] { "a", "b", "c" }, names);
        Assert.Equal("succeeded", envelope.StatusCode);
        Assert.Equal(2, envelope.StatusVersion);
        Assert.Equal(3, envelope.ResultCount);
        Assert.True(envelope.ResultIsArray);
    }

    [Fact]
    public async Task Delivers_the_first_items_long_before_the_body_has_been_read()
    {
        var json = new StringBuilder("{\"statusCode\":\"succeeded\",\"result\":[");
        for (int i = 0; i < 20_000; i++) json.Append(i == 0 ? "" : ",").Append("{\"userName\":\"user").Append(i).Append("\"}");
        json.Append("]}");
        var stream = new TrickleStream(WithBom(json.ToString()), 4096);
        long readWhenFirstSeen = -1;
        var count = 0;
        await MsEnvelopeReader.ReadAsync(stream, _ =>
        {
            if (count++ == 0) readWhenFirstSeen = stream.Position;
        }, CancellationToken.None);
        Assert.Equal(20_000, count);
        // Streaming: the first user is handed over after a buffer or two, not after the whole body.
        Assert.InRange(readWhenFirstSeen, 1, 64 * 1024);
        Assert.True(stream.Length > 400_000);
    }

    [Fact]
    public async Task Large_element_grows_the_buffer()
    {
        var big = new string('x', 200_000);
        var json = "{\"statusCode\":\"succeeded\",\"result\":{\"blob\":\"" + big + "\"}}";
        string? seen = null;
        var envelope = await MsEnvelopeReader.ReadAsync(new MemoryStream(WithBom(json)), e => seen = e.GetProperty("blob").GetString(), CancellationToken.None);
        Assert.Equal(big, seen);
        Assert.False(envelope.ResultIsArray);
        Assert.Equal(1, envelope.ResultCount);
    }

    [Fact]
    public async Task Reads_a_failed_envelope_with_error_details()
    {
        var json = "{\"error\":{\"message\":\"Missing API argument userName.\",\"details\":\"at X.Y()\"},\"token\":null,\"statusVersion\":2,\"statusCode\":\"failed\",\"result\":null}";
        var envelope = await MsEnvelopeReader.ReadAsync(new TrickleStream(WithBom(json), 5), null, CancellationToken.None);
        Assert.True(envelope.IsFailed);
        Assert.Equal("Missing API argument userName.", envelope.Error!.Message);
        Assert.Equal("at X.Y()", envelope.Error.Details);
        Assert.Equal(0, envelope.ResultCount);
    }

    [Fact]
    public async Task Reads_running_status_fields()
    {
        var json = "{\"error\":null,\"token\":\"abc\",\"statusVersion\":\"9\",\"statusCode\":\"running\",\"percentProgress\":42,\"statusText\":\"Working\",\"result\":null,\"logOutput\":\" 400 messages verified...\\r\\n\"}";
        var envelope = await MsEnvelopeReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), null, CancellationToken.None);
        Assert.True(envelope.IsRunning);
        Assert.Equal("abc", envelope.Token);
        Assert.Equal(9, envelope.StatusVersion);
        Assert.Equal(42, envelope.PercentProgress);
        Assert.Equal("Working", envelope.StatusText);
        Assert.Equal(" 400 messages verified...\r\n", envelope.LogOutput);
    }

    [Theory]
    [InlineData("", "EmptyResponse")]
    [InlineData("   ", "EmptyResponse")]
    [InlineData("{\"statusCode\":\"succeeded\",\"result\":[{\"a\":1},", "TruncatedResponse")]
    [InlineData("<html>Service Unavailable</html>", "InvalidJsonResponse")]
    [InlineData("[1,2]", "InvalidJsonResponse")]
    public async Task Rejects_bodies_that_are_not_an_envelope(string body, string errorId)
    {
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsEnvelopeReader.ReadAsync(new MemoryStream(WithBom(body)), null, CancellationToken.None));
        Assert.Equal(errorId, e.ErrorId);
        Assert.Equal(ErrorKind.ProtocolError, e.Kind);
    }

    [Fact]
    public void Plain_conversion_keeps_order_and_types()
    {
        using var doc = JsonDocument.Parse("{\"b\":1,\"a\":[true,\"x\",3000000000,1.5,null],\"c\":{\"d\":\"e\"}}");
        var plain = (System.Collections.Specialized.OrderedDictionary)JsonPlain.ToPlain(doc.RootElement)!;
        Assert.Equal(new object[] { "b", "a", "c" }, plain.Keys.Cast<object>().ToArray());
        Assert.Equal(1, plain["b"]);
        Assert.Equal(new object?[] { true, "x", 3000000000L, 1.5, null }, (object?[])plain["a"]!);
        Assert.Equal("e", ((System.Collections.Specialized.OrderedDictionary)plain["c"]!)["d"]);
    }
}
