import ArgumentParser
import GRCSyncCLI

await GRCSyncCommand.main()
