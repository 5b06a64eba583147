"""Constants shared by the asyncio modules."""

# Seconds to wait before retrying accept() after running out of file descriptors.
ACCEPT_RETRY_DELAY = 1

# Writes to a closed connection after which a warning is logged.
LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5

DEBUG_STACK_DEPTH = 10
