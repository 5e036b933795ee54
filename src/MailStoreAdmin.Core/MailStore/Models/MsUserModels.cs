using System;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>
    /// User privileges as the Administration API names them (CreateUser/SetUserPrivileges). None and Admin stand alone:
    /// the server refuses them combined with others.
    /// </summary>
    public enum MsUserPrivilege
    {
        None,
        Admin,
        Login,
        ChangePassword,
        Archive,
        ModifyArchiveProfiles,
        Export,
        ModifyExportProfiles,
        Delete,
    }

    /// <summary>How a user may log in (CreateUser/SetUserLoginPrivileges); None stands alone.</summary>
    public enum MsLoginPrivilege
    {
        None,
        Windows,
        Web,
        Outlook,
        WindowsCmd,
        Imap,
        Api,
    }

    /// <summary>Where MailStore checks a user's password.</summary>
    public enum MsUserAuthentication
    {
        Integrated,
        DirectoryServices,
    }

    /// <summary>
    /// Access to an archive folder (SetUserPrivilegesOnFolder privileges: a comma list of read, write, delete; "none"
    /// alone). The reference records no implication between them, so the module sends exactly the set given.
    /// </summary>
    [Flags]
    public enum MsFolderAccess
    {
        None = 0,
        Read = 1,
        Write = 2,
        Delete = 4,
    }
}
