namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// A user written by directory synchronization. <paramref name="FromDirectory"/> is false for a user that existed
/// locally before a sync updated it: only users the directory created are ever deleted by a later sync.
/// </summary>
public sealed record FakeDirectoryUser(string UserName, string? FullName, string? DistinguishedName,
    IReadOnlyList<string> EmailAddresses, bool FromDirectory)
{
    public bool SameDetails(FakeDirectoryUser other) =>
        FullName == other.FullName && DistinguishedName == other.DistinguishedName
        && EmailAddresses.SequenceEqual(other.EmailAddresses, StringComparer.OrdinalIgnoreCase);
}
