namespace MailStoreAdmin.Core.DbMailApi.Models
{
    /// <summary>The message fields dbmail-api can filter on.</summary>
    public enum DbMailFilterField
    {
        From,
        Subject,
        AnyToOrCc,
        XSpamFlag,
        MessageSize,
    }

    /// <summary>Is/IsNot for headers (exact, or substring as *text*); all four for MessageSize (strict, bytes).</summary>
    public enum DbMailFilterOperator
    {
        Is,
        IsNot,
        LessThan,
        GreaterThan,
    }

    public enum DbMailJoinOperator
    {
        And,
        Or,
    }

    /// <summary>The one thing a rule does; StoreIn takes a folder and MirrorTo an address.</summary>
    public enum DbMailFilterAction
    {
        Discard,
        MarkRead,
        MarkFlagged,
        StoreIn,
        MirrorTo,
    }
}
