import PPIDCentralServer
import PPIDWire

PageHeap.keepLargeBuffers()
ConcurrencyOnEventLoops.installForServe()
await CentralCommand.runFromCommandLine()
