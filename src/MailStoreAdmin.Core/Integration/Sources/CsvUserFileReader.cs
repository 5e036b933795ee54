using System.Collections.Generic;

namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>A CSV user file: a header row naming the columns, then one user per record.</summary>
    internal static class CsvUserFileReader
    {
        public static List<UserFileRow> Read(string text)
        {
            var records = CsvReader.Read(text);
            if (records.Count == 0) throw new UserFileException("line 1", $"the file is empty; it needs a header row ({UserFileFields.KnownList})");

            var header = records[0];
            var columns = new List<string>();
            foreach (var name in header.Fields)
            {
                var canonical = UserFileFields.Canonical(name)
                    ?? throw new UserFileException($"line {header.Line}", $"unknown column '{name}' (known columns: {UserFileFields.KnownList})");
                if (columns.Contains(canonical)) throw new UserFileException($"line {header.Line}", $"column '{canonical}' appears twice");
                columns.Add(canonical);
            }
            if (!columns.Contains(UserFileFields.UserName)) throw new UserFileException($"line {header.Line}", $"the header has no '{UserFileFields.UserName}' column");

            var rows = new List<UserFileRow>();
            for (var r = 1; r < records.Count; r++)
            {
                var record = records[r];
                var location = $"line {record.Line}";
                if (record.Fields.Count != columns.Count)
                    throw new UserFileException(location, $"{record.Fields.Count} fields, but the header has {columns.Count} columns");
                var row = new UserFileRow(location);
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = record.Fields[c].Trim();
                    if (value.Length > 0) row.Values[columns[c]] = value;
                }
                rows.Add(row);
            }
            return rows;
        }
    }
}
