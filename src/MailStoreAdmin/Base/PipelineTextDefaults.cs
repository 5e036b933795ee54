using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// PowerShell binds a piped object by value to every text parameter that takes pipeline input, converting it to text.
    /// A piped MsInstance is meant for -Instance/-InstanceId only; without this, `Get-MsInstance | Get-MsUser` would also
    /// make the instance id the -Name. The values such parameters had before the pipeline started (defaults or
    /// command-line arguments) are kept, and a value that is just the piped instance's text is put back.
    /// </summary>
    internal sealed class PipelineTextDefaults
    {
        private readonly List<(PropertyInfo Property, object? Value)> _values;

        private PipelineTextDefaults(List<(PropertyInfo, object?)> values) => _values = values;

        /// <summary>Called in BeginProcessing, when only command-line arguments are bound.</summary>
        public static PipelineTextDefaults Capture(PSCmdlet cmdlet)
        {
            List<(PropertyInfo, object?)> values = cmdlet.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && IsText(p.PropertyType) && !cmdlet.MyInvocation.BoundParameters.ContainsKey(p.Name)
                    && p.GetCustomAttributes<ParameterAttribute>().Any(a => a.ValueFromPipeline))
                .Select(p => (p, (object?)p.GetValue(cmdlet)))
                .ToList();
            return new PipelineTextDefaults(values);
        }

        /// <summary>Puts back every such parameter whose value is the piped instance converted to text.</summary>
        public void Restore(PSCmdlet cmdlet, string instanceText)
        {
            foreach (var (property, value) in _values)
            {
                if (!cmdlet.MyInvocation.BoundParameters.TryGetValue(property.Name, out var bound) || !IsInstanceText(bound, instanceText)) continue;
                property.SetValue(cmdlet, value);
                cmdlet.MyInvocation.BoundParameters.Remove(property.Name);
            }
        }

        private static bool IsText(Type type) => type == typeof(string) || type == typeof(string[]);

        private static bool IsInstanceText(object? bound, string text) =>
            bound is string s && s == text || bound is string[] list && list.Length == 1 && list[0] == text;
    }
}
