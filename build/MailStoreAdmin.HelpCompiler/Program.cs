using MailStoreAdmin.HelpCompiler;

// Usage: MailStoreAdmin.HelpCompiler <docs folder> <output folder> [help file name]
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("Usage: MailStoreAdmin.HelpCompiler <docs/en-US> <out/MailStoreAdmin/en-US> [MailStoreAdmin.dll-Help.xml]");
    return 2;
}
try
{
    var target = HelpCompiler.Compile(args[0], args[1], args.Length == 3 ? args[2] : "MailStoreAdmin.dll-Help.xml");
    Console.WriteLine($"Help written: {target}");
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
