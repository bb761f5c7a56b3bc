import PPIDCommands
import PPIDWire

PageHeap.keepLargeBuffers()
PPIDCommand.runFromCommandLine()
