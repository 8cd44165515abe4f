using Pimex.Cli;
using Pimex.Cli.IO;

Console.OutputEncoding = Encoding.UTF8;
return PimexApp.Run(args, Console.Out, Console.Error, new DiskFileSource());
