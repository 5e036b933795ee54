using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.MailStore.Models
{
    public enum MsJobScheduleKind
    {
        Once,
        Daily,
        Weekly,
        Monthly,
        Interval,
    }

    /// <summary>
    /// When a job runs. The API has no schedule type: it is given by which of date, time, dayOfWeek, dayOfMonth and
    /// interval are set, in the schedule's time zone ($Local: the server's). Built with <see cref="Create"/>, which
    /// refuses what the server would refuse, before anything is sent.
    /// </summary>
    public sealed class MsJobSchedule
    {
        /// <summary>The only intervals (minutes) the server accepts.</summary>
        public static readonly IReadOnlyList<int> AllowedIntervals = new[] { 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720 };

        public MsJobScheduleKind Kind { get; set; }
        public TimeSpan? Time { get; set; }
        public DateTime? Date { get; set; }
        public DayOfWeek? DayOfWeek { get; set; }

        /// <summary>1 to 31, or Last.</summary>
        public string? DayOfMonth { get; set; }

        /// <summary>Minutes between runs (Interval schedules).</summary>
        public int? Interval { get; set; }

        public string TimeZoneId { get; set; } = ServerTime.ServerLocalZoneId;

        public override string ToString()
        {
            var at = Time is TimeSpan t ? t.ToString(@"hh\:mm", CultureInfo.InvariantCulture) : "?";
            switch (Kind)
            {
                case MsJobScheduleKind.Once: return $"once {Date:yyyy-MM-dd} {at}";
                case MsJobScheduleKind.Daily: return $"daily {at}";
                case MsJobScheduleKind.Weekly: return $"{DayOfWeek} {at}";
                case MsJobScheduleKind.Monthly: return $"monthly day {DayOfMonth} {at}";
                default: return $"every {Interval} min";
            }
        }

        /// <summary>A validated schedule; the error names the allowed values.</summary>
        public static MsJobSchedule Create(MsJobScheduleKind kind, TimeSpan? at, DateTime? date, DayOfWeek? dayOfWeek, string? dayOfMonth,
            int? interval, string? timeZoneId)
        {
            var schedule = new MsJobSchedule { Kind = kind, TimeZoneId = string.IsNullOrEmpty(timeZoneId) ? ServerTime.ServerLocalZoneId : timeZoneId! };
            if (kind == MsJobScheduleKind.Interval)
            {
                if (!(interval is int minutes) || !AllowedIntervals.Contains(minutes))
                {
                    throw Invalid($"The server runs jobs only every {string.Join(", ", AllowedIntervals)} minutes, not {interval?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}.", interval);
                }
                schedule.Interval = minutes;
                return schedule;
            }
            if (!(at is TimeSpan time) || time < TimeSpan.Zero || time >= TimeSpan.FromDays(1) || time.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                throw Invalid($"A {kind.ToString().ToLowerInvariant()} schedule needs a time of day in whole minutes between 00:00 and 23:59, not {at?.ToString() ?? "(none)"}.", at);
            }
            schedule.Time = time;
            switch (kind)
            {
                case MsJobScheduleKind.Once:
                    schedule.Date = date?.Date ?? throw Invalid("A one-time schedule needs a date.", null);
                    break;
                case MsJobScheduleKind.Weekly:
                    schedule.DayOfWeek = dayOfWeek ?? throw Invalid("A weekly schedule needs a day of the week.", null);
                    break;
                case MsJobScheduleKind.Monthly:
                    schedule.DayOfMonth = NormalizeDayOfMonth(dayOfMonth);
                    break;
            }
            return schedule;
        }

        private static string NormalizeDayOfMonth(string? value)
        {
            var text = value?.Trim();
            if (string.Equals(text, "Last", StringComparison.OrdinalIgnoreCase)) return "Last";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day >= 1 && day <= 31)
            {
                return day.ToString(CultureInfo.InvariantCulture);
            }
            throw Invalid($"A monthly schedule needs a day of the month from 1 to 31 or Last, not '{value}'.", value);
        }

        private static MailStoreAdminException Invalid(string message, object? target) =>
            new MailStoreAdminException(ErrorKind.InvalidArgument, "JobScheduleInvalid", message, target);

        /// <summary>True when both describe the same schedule (the server would store the same values).</summary>
        public bool IsSameAs(MsJobSchedule? other) =>
            other != null && Kind == other.Kind && Time == other.Time && Date == other.Date && DayOfWeek == other.DayOfWeek
            && Interval == other.Interval && string.Equals(DayOfMonth, other.DayOfMonth, StringComparison.OrdinalIgnoreCase)
            && string.Equals(TimeZoneId, other.TimeZoneId, StringComparison.OrdinalIgnoreCase);

        /// <summary>The schedule arguments of CreateJob and SetJobSchedule; unset ones are left out (the server wants them omitted).</summary>
        public IEnumerable<KeyValuePair<string, object?>> ToArguments()
        {
            yield return new KeyValuePair<string, object?>("timeZoneId", TimeZoneId);
            if (Date is DateTime date) yield return new KeyValuePair<string, object?>("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (Interval is int interval) yield return new KeyValuePair<string, object?>("interval", interval);
            if (Time is TimeSpan time) yield return new KeyValuePair<string, object?>("time", time.ToString(@"hh\:mm", CultureInfo.InvariantCulture));
            if (DayOfWeek is DayOfWeek day) yield return new KeyValuePair<string, object?>("dayOfWeek", day.ToString());
            if (DayOfMonth != null) yield return new KeyValuePair<string, object?>("dayOfMonth", DayOfMonth);
        }

        internal static MsJobSchedule Read(JsonElement item)
        {
            var schedule = new MsJobSchedule
            {
                TimeZoneId = JsonFields.String(item, "timeZoneId") ?? ServerTime.ServerLocalZoneId,
                Interval = JsonFields.Int(item, "interval"),
                DayOfMonth = JsonFields.String(item, "dayOfMonth"),
            };
            if (TimeSpan.TryParse(JsonFields.String(item, "time"), CultureInfo.InvariantCulture, out var time)) schedule.Time = time;
            if (DateTime.TryParse(JsonFields.String(item, "date"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) schedule.Date = date.Date;
            if (Enum.TryParse<DayOfWeek>(JsonFields.String(item, "dayOfWeek"), true, out var day)) schedule.DayOfWeek = day;
            schedule.Kind = schedule.Interval != null ? MsJobScheduleKind.Interval
                : schedule.Date != null ? MsJobScheduleKind.Once
                : schedule.DayOfWeek != null ? MsJobScheduleKind.Weekly
                : schedule.DayOfMonth != null ? MsJobScheduleKind.Monthly
                : MsJobScheduleKind.Daily;
            return schedule;
        }
    }
}
