using MailStoreAdmin.Core.DbMail.Models;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using MailStoreAdmin.FakeServers.DbMail;
using Xunit;

namespace MailStoreAdmin.Core.Tests.DbMail;

/// <summary>
/// Replays all recorded exchanges with the real dbmail-api (DbMail/Data/dbmail-api-transcripts.md, a copy of the
/// reference transcript kept in the repository) in order
/// against the fake and compares status codes and bodies byte for byte, so the client's tests run against a peer
/// that behaves like the real one. Temp-file names, which vary per run, are normalised on both sides.
/// </summary>
public sealed class TranscriptReplayTests
{
    private static readonly Regex TempName = new(@"sieve-[A-Za-z0-9]{6}");

    [Fact]
    public async Task Fake_dbmail_api_answers_every_recorded_exchange_byte_for_byte()
    {
        var exchanges = Transcript.Load();
        Assert.Equal(87, exchanges.Count);
        await using var fake = await FakeDbMailApiServer.StartAsync(new FakeDbMailOptions
        {
            SecKey = "peer-secret", DefaultMailDomain = "example.test", SbinPath = "<peer-root>/dbmail-inst/sbin", TempPath = "<tmp>",
        });
        using var client = new HttpClient { BaseAddress = fake.Uri };
        var mismatches = new List<string>();
        foreach (var exchange in exchanges)
        {
            if (exchange.Number == 22) fake.State.Users["alice"].UnreadCount += 2;  // "after delivering 2 messages with dbmail-deliver"
            using var response = await client.SendAsync(exchange.ToRequest());
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != exchange.Status || TempName.Replace(body, "sieve-X") != TempName.Replace(exchange.Body, "sieve-X"))
            {
                mismatches.Add($"#{exchange.Number} {exchange.Title}: expected {exchange.Status} {exchange.Body}\n   got {(int)response.StatusCode} {body}");
            }
            Assert.Equal("text/html; charset=UTF-8", response.Content.Headers.ContentType?.ToString());
            if (exchange.Script != null) Assert.Equal(exchange.Script.TrimEnd(), fake.ScriptOf("alice")!.TrimEnd());
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private sealed record Exchange(int Number, string Title, string Method, string Path, string Kind, List<string> Lines, int Status, string Body)
    {
        public string? Script { get; set; }

        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Path.TrimStart('/'));
            var fields = Lines.Where(l => l.Contains('=') && !l.StartsWith('(')).Select(l => l.Split('=', 2)).ToList();
            switch (Kind)
            {
                case "form":
                    request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f[0], f[1])));
                    break;
                case "multipart":
                    var multipart = new MultipartFormDataContent();
                    foreach (var f in fields) multipart.Add(new StringContent(f[1]), f[0]);
                    request.Content = multipart;
                    break;
                case "json":
                    request.Content = new StringContent(Lines[0], Encoding.UTF8, "application/json");
                    break;
            }
            return request;
        }
    }

    private static class Transcript
    {
        private static readonly Regex Heading = new(@"^### (\d+)\. (.*)$");
        private static readonly Regex RequestLine = new(@"^> (\w+) (\S+)\s+\[(\w+)\]$");
        private static readonly Regex StatusLine = new(@"^< HTTP/1\.[01] (\d{3}) ");

        public static List<Exchange> Load()
        {
            var lines = File.ReadAllLines(Locate());
            var result = new List<Exchange>();
            for (int i = 0; i < lines.Length; i++)
            {
                var heading = Heading.Match(lines[i]);
                if (heading.Success)
                {
                    result.Add(ParseExchange(lines, ref i, int.Parse(heading.Groups[1].Value), heading.Groups[2].Value));
                }
                else if (lines[i] == "```sieve" && result.Count > 0)
                {
                    var script = new List<string>();
                    while (lines[++i] != "```") script.Add(lines[i]);
                    result[^1].Script = string.Join("\n", script);
                }
            }
            return result;
        }

        private static Exchange ParseExchange(string[] lines, ref int i, int number, string title)
        {
            while (!lines[i].StartsWith("> ", StringComparison.Ordinal)) i++;
            var request = RequestLine.Match(lines[i]);
            var fields = new List<string>();
            while (lines[++i].StartsWith(">   ", StringComparison.Ordinal)) fields.Add(lines[i][4..]);
            var status = int.Parse(StatusLine.Match(lines[i]).Groups[1].Value);
            while (!lines[i].StartsWith("< (", StringComparison.Ordinal)) i++;
            var body = new List<string>();
            while (lines[++i] != "```") body.Add(lines[i]);
            return new Exchange(number, title, request.Groups[1].Value, request.Groups[2].Value, request.Groups[3].Value, fields, status, string.Join("\n", body));
        }

        /// <summary>The transcript is copied beside the test assembly (DbMail/Data in the project); nothing outside the repository is read.</summary>
        private static string Locate()
        {
            var path = System.IO.Path.Combine(AppContext.BaseDirectory, "DbMail", "Data", "dbmail-api-transcripts.md");
            if (File.Exists(path)) return path;
            throw new FileNotFoundException($"The recorded dbmail-api transcript is missing: {path} (tests/MailStoreAdmin.Core.Tests/DbMail/Data).");
        }
    }
}
