import PPIDCentralServer

ConcurrencyOnEventLoops.installForServe()
await CentralCommand.runFromCommandLine()
