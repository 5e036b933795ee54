using System.Collections.Specialized;

namespace MailStoreAdmin.Core.Json
{
    /// <summary>
    /// A result whose shape the module does not model (a raw API object, a configuration to edit and send back):
    /// properties in server order, nested objects as PlainObject, arrays as object[]. The PowerShell layer writes it
    /// as a PSCustomObject, with <see cref="TypeName"/> first in its type names when set (for format views).
    /// </summary>
    public sealed class PlainObject : OrderedDictionary
    {
        public string? TypeName { get; set; }
    }
}
