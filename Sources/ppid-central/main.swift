import PPIDCentralServer

await CentralCommand.runFromCommandLine()
