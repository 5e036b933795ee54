using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;

namespace MailStoreAdmin.Base
{
    /// <summary>Moves values across the PowerShell/core boundary in both directions.</summary>
    internal static class PowerShellValues
    {
        /// <summary>PSObject wrappers, switches and PSCustomObjects become plain values the core understands.</summary>
        public static object? ToPlain(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case PSObject ps when ps.BaseObject is PSCustomObject:
                    var properties = new OrderedDictionary();
                    foreach (var property in ps.Properties) properties[property.Name] = ToPlain(property.Value);
                    return properties;
                case PSObject ps:
                    return ToPlain(ps.BaseObject);
                case SwitchParameter s:
                    return s.IsPresent;
                case string _:
                    return value;
                case IDictionary dictionary:
                    var copy = new OrderedDictionary();
                    foreach (DictionaryEntry entry in dictionary) copy[entry.Key] = ToPlain(entry.Value);
                    return copy;
                case IEnumerable list:
                    return list.Cast<object?>().Select(ToPlain).ToArray();
                default:
                    return value;
            }
        }

        public static IEnumerable<KeyValuePair<string, object?>> ToArguments(IDictionary? arguments)
        {
            if (arguments == null) yield break;
            foreach (DictionaryEntry entry in arguments)
            {
                yield return new KeyValuePair<string, object?>(entry.Key?.ToString() ?? string.Empty, ToPlain(entry.Value));
            }
        }

        /// <summary>
        /// What the core writes, as PowerShell shows it: PlainObjects become PSCustomObjects (recursively, also inside
        /// a task result); everything else goes out unchanged.
        /// </summary>
        public static object? ToPowerShell(object? value)
        {
            switch (value)
            {
                case PlainObject plain:
                    var result = new PSObject();
                    foreach (DictionaryEntry entry in plain)
                    {
                        result.Properties.Add(new PSNoteProperty((string)entry.Key, ToPowerShell(entry.Value)));
                    }
                    if (plain.TypeName != null) result.TypeNames.Insert(0, plain.TypeName);
                    return result;
                case Core.MailStore.MsInstanceOutput tagged:
                    return InstanceTagged(tagged);
                case MsTaskResult taskResult:
                    taskResult.Result = taskResult.Result.Select(ToPowerShell).ToArray();
                    return taskResult;
                case object?[] array:
                    return array.Select(ToPowerShell).ToArray();
                default:
                    return value;
            }
        }

        /// <summary>A switch as a setting to change: its value when given (-X or -X:$false), null (unchanged) when not.</summary>
        public static object? BoundSwitch(InvocationInfo invocation, string name) =>
            invocation.BoundParameters.TryGetValue(name, out var value) ? ((SwitchParameter)value).IsPresent : (object?)null;

        // The value as itself, with the SPE instance it came from as an InstanceId property (unless it has one).
        private static PSObject InstanceTagged(Core.MailStore.MsInstanceOutput tagged)
        {
            var value = PSObject.AsPSObject(ToPowerShell(tagged.Value)!);
            if (value.Properties["InstanceId"] == null) value.Properties.Add(new PSNoteProperty("InstanceId", tagged.InstanceId));
            return value;
        }
    }
}
