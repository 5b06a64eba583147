"""asyncio for krait: an event loop, tasks, synchronization and streams, written for krait
to behave as CPython 3.11's asyncio does — the same timer order and task interleaving for
deterministic programs.

Covered: asyncio.run/Runner, the selector event loop (call_soon, call_later, call_at,
time, create_future, create_task, run_until_complete, run_forever, stop, readers/writers,
sock_* coroutines), Future, Task (names, cancel/uncancel/cancelling, current_task,
all_tasks), gather, wait, wait_for, as_completed, shield, sleep, TaskGroup, timeout and
timeout_at, Queue/PriorityQueue/LifoQueue, Lock, Event, Condition, Semaphore,
BoundedSemaphore, Barrier, async generator shutdown, and TCP streams (open_connection,
start_server, StreamReader, StreamWriter).

Threads: to_thread, run_in_executor (a ThreadPoolExecutor by default), set_default_executor,
shutdown_default_executor, run_coroutine_threadsafe and wrap_future of concurrent futures.

Not covered yet: subprocesses, Unix-socket
and datagram endpoints, SSL, signal handlers, debug mode's slow-callback logging, and the
"Task was destroyed but it is pending" / "exception was never retrieved" messages (krait
has no finalizers).
"""

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .protocols import *
from .runners import *
from .queues import *
from .streams import *
from .tasks import *
from .taskgroups import *
from .threads import *
from .timeouts import *
from .transports import *
from .unix_events import *

__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           protocols.__all__ +
           runners.__all__ +
           queues.__all__ +
           streams.__all__ +
           tasks.__all__ +
           tuple(taskgroups.__all__) +
           threads.__all__ +
           timeouts.__all__ +
           transports.__all__ +
           unix_events.__all__)
