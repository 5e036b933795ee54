using System;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;

namespace MailStoreAdmin.Commands.Monitoring
{
    /// <summary>
    /// The schedule parameters New-MsJob and Set-MsJob share, one parameter set per kind of schedule. Values are
    /// checked by the core (<see cref="MsJobSchedule.Create"/>) before anything is sent.
    /// </summary>
    public abstract class JobScheduleCmdlet : MsCmdlet
    {
        private protected const string DailySet = "Daily";
        private protected const string WeeklySet = "Weekly";
        private protected const string MonthlySet = "Monthly";
        private protected const string IntervalSet = "Interval";
        private protected const string OnceSet = "Once";

        /// <summary><para type="description">Runs the job every day at -At.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = DailySet)]
        public SwitchParameter Daily { get; set; }

        /// <summary><para type="description">Runs the job every week on -DayOfWeek at -At.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = WeeklySet)]
        public SwitchParameter Weekly { get; set; }

        /// <summary><para type="description">Runs the job every month on -DayOfMonth at -At.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = MonthlySet)]
        public SwitchParameter Monthly { get; set; }

        /// <summary><para type="description">Runs the job once, on -Date at -At.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = OnceSet)]
        public SwitchParameter Once { get; set; }

        /// <summary><para type="description">The time of day (hh:mm) in the schedule's time zone.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = DailySet)]
        [Parameter(Mandatory = true, ParameterSetName = WeeklySet)]
        [Parameter(Mandatory = true, ParameterSetName = MonthlySet)]
        [Parameter(Mandatory = true, ParameterSetName = OnceSet)]
        public TimeSpan At { get; set; }

        /// <summary><para type="description">The day of the week of a weekly schedule.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = WeeklySet)]
        public DayOfWeek DayOfWeek { get; set; }

        /// <summary><para type="description">The day of the month of a monthly schedule: 1 to 31, or Last.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = MonthlySet)]
        public string? DayOfMonth { get; set; }

        /// <summary><para type="description">The date of a one-time schedule.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = OnceSet)]
        public DateTime Date { get; set; }

        /// <summary><para type="description">Runs the job every N minutes: 5, 10, 15, 20, 30, 60, 120, 180, 240, 360 or 720.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = IntervalSet)]
        public int Every { get; set; }

        /// <summary><para type="description">The schedule's time zone id (Get-MsTimeZone). Default: $Local, the server's zone.</para></summary>
        [Parameter(ParameterSetName = DailySet)]
        [Parameter(ParameterSetName = WeeklySet)]
        [Parameter(ParameterSetName = MonthlySet)]
        [Parameter(ParameterSetName = OnceSet)]
        [Parameter(ParameterSetName = IntervalSet)]
        public string? TimeZoneId { get; set; }

        /// <summary>The schedule of the parameter set in use; null when no schedule parameter was given.</summary>
        private protected MsJobSchedule? Schedule()
        {
            MsJobScheduleKind kind;
            switch (ParameterSetName)
            {
                case DailySet: kind = MsJobScheduleKind.Daily; break;
                case WeeklySet: kind = MsJobScheduleKind.Weekly; break;
                case MonthlySet: kind = MsJobScheduleKind.Monthly; break;
                case OnceSet: kind = MsJobScheduleKind.Once; break;
                case IntervalSet: kind = MsJobScheduleKind.Interval; break;
                default: return null;
            }
            return MsJobSchedule.Create(kind, At, Date, DayOfWeek, DayOfMonth, Every, TimeZoneId);
        }
    }
}
