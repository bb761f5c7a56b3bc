import PPIDCommands

PPIDCommand.runFromCommandLine()
