import GRCSyncCLI

await GRCSyncCommand.runFromCommandLine()
