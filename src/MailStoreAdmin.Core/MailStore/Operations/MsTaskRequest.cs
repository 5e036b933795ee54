using System;
using System.Collections.Generic;
using System.Text.Json;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>One server function run as a task by <see cref="MsTaskOperations.RunAsync"/>.</summary>
    public sealed class MsTaskRequest
    {
        public MsTaskRequest(string function, IEnumerable<KeyValuePair<string, object?>>? arguments = null, object? target = null)
        {
            Function = function;
            Arguments = arguments;
            Target = target;
        }

        public string Function { get; }
        public IEnumerable<KeyValuePair<string, object?>>? Arguments { get; }

        /// <summary>What the task works on (a store id, a user name): progress bars, messages, error targets.</summary>
        public object? Target { get; }

        /// <summary>
        /// The -WhatIf/-Confirm question (verb phrase and what changes, never a secret); null for a task that only
        /// reads. Asked once, right before the invoke.
        /// </summary>
        public (string Action, string What)? Change { get; set; }

        /// <summary>
        /// Turns each result item into a typed object written as it arrives; the run then writes no
        /// <see cref="Models.MsTaskResult"/>. When null, items are collected into the result's Result property.
        /// </summary>
        public Func<JsonElement, object?>? ReadItem { get; set; }
    }
}
