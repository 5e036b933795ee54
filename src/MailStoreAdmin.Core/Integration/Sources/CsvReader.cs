using System.Collections.Generic;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>
    /// RFC 4180 records: comma-separated, CRLF/LF/CR line ends, double-quoted fields that may hold commas, line
    /// breaks and doubled quotes. Stricter than spreadsheets about stray quotes, because a silently mangled row
    /// in a user file would change who can log in. Blank lines are skipped.
    /// </summary>
    internal static class CsvReader
    {
        public sealed class Record
        {
            public Record(int line, List<string> fields)
            {
                Line = line;
                Fields = fields;
            }

            /// <summary>1-based line on which the record starts.</summary>
            public int Line { get; }
            public List<string> Fields { get; }
        }

        public static List<Record> Read(string text)
        {
            var records = new List<Record>();
            var fields = new List<string>();
            var field = new StringBuilder();
            var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            var line = 1;
            var recordLine = 1;

            while (position < text.Length)
            {
                if (fields.Count == 0 && field.Length == 0) recordLine = line;
                var c = text[position];
                if (c == '"' && field.Length == 0)
                {
                    var fieldLine = line;
                    position++;
                    while (true)
                    {
                        if (position >= text.Length) throw new UserFileException($"line {fieldLine}", "a quoted field never ends (missing closing quote)");
                        var q = text[position++];
                        if (q == '"')
                        {
                            if (position < text.Length && text[position] == '"') { field.Append('"'); position++; continue; }
                            break;
                        }
                        if (q == '\n' || (q == '\r' && (position >= text.Length || text[position] != '\n'))) line++;
                        field.Append(q);
                    }
                    if (position < text.Length && !IsSeparator(text[position]))
                        throw new UserFileException($"line {line}", "unexpected text after a closing quote (write a quote inside a quoted field as \"\")");
                    continue;
                }
                position++;
                if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' || c == '\n')
                {
                    if (c == '\r' && position < text.Length && text[position] == '\n') position++;
                    EndRecord(records, fields, field, recordLine);
                    line++;
                }
                else if (c == '"')
                {
                    throw new UserFileException($"line {line}", "a quote inside an unquoted field (quote the whole field and double the quote)");
                }
                else
                {
                    field.Append(c);
                }
            }
            EndRecord(records, fields, field, recordLine);
            return records;
        }

        private static bool IsSeparator(char c) => c == ',' || c == '\r' || c == '\n';

        private static void EndRecord(List<Record> records, List<string> fields, StringBuilder field, int line)
        {
            var blank = fields.Count == 0 && field.Length == 0;
            fields.Add(field.ToString());
            field.Clear();
            if (!blank) records.Add(new Record(line, new List<string>(fields)));
            fields.Clear();
        }
    }
}
