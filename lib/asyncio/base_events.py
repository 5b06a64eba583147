"""The event loop: a ready queue, a heap of timers, and a selector for I/O.

One iteration (`_run_once`) is CPython 3.11's: drop cancelled timers at the top of the heap,
wait on the selector (no wait when callbacks are ready, else until the next timer), queue the
I/O callbacks, move due timers to the ready queue in heap order, then run exactly the
callbacks that were ready when the iteration began — callbacks they schedule wait for the
next iteration. Timer order and task interleaving follow from this and match CPython's.

run_in_executor hands a function to a thread pool (the default one is made on first use) and
wraps its concurrent future; a worker completes the asyncio future through
call_soon_threadsafe. Not available yet: an asynchronous getaddrinfo — `loop.getaddrinfo`
resolves synchronously (numeric addresses, the common case for loopback, never reach it).
"""

__all__ = ("BaseEventLoop", "Server")

import contextvars
import heapq
import itertools
import socket
import sys
import time
import weakref

from . import constants
from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import tasks

# Most seconds one selector wait lasts.
MAXIMUM_SELECT_TIMEOUT = 24 * 3600

# When more than this many timers are scheduled and more than this fraction of them are
# cancelled, the heap is rebuilt without the cancelled ones.
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5

# time.get_clock_info('monotonic').resolution on Linux.
_CLOCK_RESOLUTION = 1e-09

_Handle = events.Handle
_PLAIN_HANDLES = (events.Handle, events.TimerHandle)
_Context = contextvars.Context
_current_context = contextvars._current
_set_context = contextvars._set_context
_new_object = object.__new__


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # The loop stops with the exception propagating out of _run_once.
            return
    futures._get_loop(fut).stop()


def _set_nodelay(sock):
    if (sock.family in (socket.AF_INET, socket.AF_INET6) and
            sock.type == socket.SOCK_STREAM and sock.proto == socket.IPPROTO_TCP):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _is_numeric(family, host):
    if family == socket.AF_INET:
        parts = host.split(".")
        return len(parts) == 4 and all(
            part.isdigit() and len(part) <= 3 and int(part) < 256 for part in parts)
    if family == socket.AF_INET6:
        if ":" not in host:
            return False
        try:
            socket.getaddrinfo(host, None, socket.AF_INET6, 0, 0, socket.AI_NUMERICHOST)
        except OSError:
            return False
        return True
    return False


def _ipaddr_info(host, port, family, type, proto, flowinfo=0, scopeid=0):
    """The getaddrinfo() entry for a numeric host, without resolving anything; else None."""
    if proto not in {0, socket.IPPROTO_TCP, socket.IPPROTO_UDP} or host is None:
        return None
    if type == socket.SOCK_STREAM:
        proto = socket.IPPROTO_TCP
    elif type == socket.SOCK_DGRAM:
        proto = socket.IPPROTO_UDP
    else:
        return None
    if port is None or port == b"" or port == "":
        port = 0
    else:
        try:
            port = int(port)
        except (TypeError, ValueError):
            return None
    if family == socket.AF_UNSPEC:
        families = [socket.AF_INET, socket.AF_INET6]
    else:
        families = [family]
    if isinstance(host, bytes):
        host = host.decode("idna")
    if "%" in host:
        return None
    for af in families:
        if _is_numeric(af, host):
            if af == socket.AF_INET6:
                return af, type, proto, "", (host, port, flowinfo, scopeid)
            return af, type, proto, "", (host, port)
    return None


class Server(events.AbstractServer):
    """Listening sockets and the connections accepted from them."""

    def __init__(self, loop, sockets, protocol_factory, ssl_context, backlog,
                 ssl_handshake_timeout, ssl_shutdown_timeout=None):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._ssl_context = ssl_context
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f"<{self.__class__.__name__} sockets={self.sockets!r}>"

    def _attach(self):
        self._active_count += 1

    def _detach(self):
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop._start_serving(self._protocol_factory, sock, self._ssl_context,
                                      self, self._backlog)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop._stop_serving(sock)
        self._serving = False
        if (self._serving_forever_fut is not None and
                not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        await tasks.sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f"server {self!r} is already being awaited on serve_forever()")
        if self._sockets is None:
            raise RuntimeError(f"server {self!r} is closed")
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter


class BaseEventLoop(events.AbstractEventLoop):
    """The loop without I/O: callbacks, timers, tasks, running and stopping."""

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        # The ready queue: a list whose first handles are the ones this iteration runs;
        # _run_once deletes them all at once when it is done (a deque's popleft per handle
        # costs more).
        self._ready = []
        self._scheduled = []
        self._default_executor = None
        self._internal_fds = 0
        self._running = False
        self._clock_resolution = _CLOCK_RESOLUTION
        self._exception_handler = None
        self._debug = False
        self.slow_callback_duration = 0.1
        self._current_handle = None
        self._task_factory = None
        # Async generators started while this loop ran (weakly: a collected one is gone).
        self._asyncgens = weakref.WeakSet()
        self._asyncgens_added = 0
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False

    def __repr__(self):
        return (f"<{self.__class__.__name__} running={self.is_running()} "
                f"closed={self.is_closed()} debug={self.get_debug()}>")

    def create_future(self):
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            tasks._set_task_name(task, name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError("task factory must be a callable or None")
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # ---- async generators ----

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    def _asyncgen_firstiter_hook(self, agen):
        if self._asyncgens_shutdown_called:
            import warnings
            warnings.warn(f"asynchronous generator {agen!r} was scheduled after "
                          "loop.shutdown_asyncgens() call", ResourceWarning, source=self)
        self._asyncgens.add(agen)
        # Finished generators leave dead weak references behind; drop them now and then so
        # a long-running loop does not accumulate them.
        self._asyncgens_added += 1
        if self._asyncgens_added > 1024:
            self._asyncgens_added = 0
            len(self._asyncgens)

    async def shutdown_asyncgens(self):
        """Closes the async generators that were started on this loop and not finished."""
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing = list(self._asyncgens)
        self._asyncgens.clear()
        results = await tasks.gather(*[agen.aclose() for agen in closing],
                                     return_exceptions=True)
        for result, agen in zip(results, closing):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    "message": "an error occurred during closing of "
                               f"asynchronous generator {agen!r}",
                    "exception": result,
                    "asyncgen": agen,
                })

    async def shutdown_default_executor(self):
        """Shuts the default executor down, waiting in a helper thread for its workers."""
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        import threading
        done = self.create_future()
        executor = self._default_executor

        def shut_down():
            try:
                executor.shutdown(wait=True)
                if not self.is_closed():
                    self.call_soon_threadsafe(done.set_result, None)
            except Exception as error:
                if not self.is_closed():
                    self.call_soon_threadsafe(done.set_exception, error)

        waiter = threading.Thread(target=shut_down)
        waiter.start()
        try:
            await done
        finally:
            waiter.join()

    # ---- running ----

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def _check_running(self):
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        if events._get_running_loop() is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def run_forever(self):
        """Runs iterations until stop() is called."""
        self._check_closed()
        self._check_running()
        old_hooks = sys.get_asyncgen_hooks()
        try:
            self._running = True
            sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                                   finalizer=self._asyncgen_finalizer_hook)
            events._set_running_loop(self)
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            events._set_running_loop(None)
            sys.set_asyncgen_hooks(*old_hooks)

    def run_until_complete(self, future):
        """Runs until future (a coroutine is wrapped in a Task) is done; returns its result."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def stop(self):
        """Stops after the current iteration (callbacks already scheduled still run)."""
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._running

    def time(self):
        return time.monotonic()

    # ---- scheduling ----

    def call_later(self, delay, callback, *args, context=None):
        """Runs callback(*args) after delay seconds; returns a TimerHandle."""
        if delay is None:
            raise TypeError("delay must not be None")
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        """Runs callback(*args) at loop time when; returns a TimerHandle."""
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_callback(callback, "call_at")
        timer = events.TimerHandle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def call_soon(self, callback, *args, context=None):
        """Runs callback(*args) in a later iteration, in FIFO order; returns a Handle."""
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if self._debug:
            self._check_callback(callback, "call_soon")
        # Handle(callback, args, self, context) inlined, attributes in __init__'s order (the
        # same layout): the loop makes a handle for every callback.
        handle = _new_object(_Handle)
        if context is None:
            context = _new_object(_Context)  # contextvars.copy_context() inlined
            context._data = _current_context()._data
            context._entered = False
        handle._context = context
        handle._loop = self
        handle._callback = callback
        handle._args = args
        handle._cancelled = False
        self._ready.append(handle)
        return handle

    def _call_soon_positional(self, callback, args, context):
        """call_soon(callback, *args, context=context), with its arguments positional.

        Task and Future call this instead when the loop's call_soon is BaseEventLoop's own
        (see tasks._call_soon): krait binds a call with *args and a keyword-only argument
        at about twice the cost of a positional one. The body repeats call_soon's.
        """
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if self._debug:
            self._check_callback(callback, "call_soon")
        handle = _new_object(_Handle)
        if context is None:
            context = _new_object(_Context)
            context._data = _current_context()._data
            context._entered = False
        handle._context = context
        handle._loop = self
        handle._callback = callback
        handle._args = args
        handle._cancelled = False
        self._ready.append(handle)
        return handle

    def _call_soon(self, callback, args, context):
        handle = _Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def _check_callback(self, callback, method):
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError(f"coroutines cannot be used with {method}()")
        if not callable(callback):
            raise TypeError(f"a callable object was expected by {method}(), got {callback!r}")

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = self._call_soon(callback, args, context)
        self._write_to_self()
        return handle

    def _write_to_self(self):
        pass

    def run_in_executor(self, executor, func, *args):
        """Runs func(*args) in `executor` (a thread pool made on first use when None)."""
        self._check_closed()
        self._check_callback(func, "run_in_executor")
        if executor is None:
            executor = self._default_executor
            if self._executor_shutdown_called:
                raise RuntimeError("Executor shutdown has been called")
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        import concurrent.futures
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError("executor must be ThreadPoolExecutor")
        self._default_executor = executor

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        # CPython resolves in a worker thread; krait resolves here, blocking the loop.
        return socket.getaddrinfo(host, port, family, type, proto, flags)

    async def _ensure_resolved(self, address, *, family=0, type=socket.SOCK_STREAM,
                               proto=0, flags=0, loop):
        host, port = address[:2]
        info = _ipaddr_info(host, port, family, type, proto, *address[2:])
        if info is not None:
            return [info]
        return await loop.getaddrinfo(host, port, family=family, type=type,
                                      proto=proto, flags=flags)

    # ---- connections ----

    async def _connect_sock(self, errors, addr_info, local_addr_infos=None):
        my_errors = []
        errors.append(my_errors)
        family, type_, proto, _, address = addr_info
        sock = None
        try:
            sock = socket.socket(family=family, type=type_, proto=proto)
            sock.setblocking(False)
            if local_addr_infos is not None:
                for local_family, _, _, _, local_address in local_addr_infos:
                    if local_family != family:
                        continue
                    try:
                        sock.bind(local_address)
                        break
                    except OSError as exc:
                        message = (f"error while attempting to bind on address "
                                   f"{local_address!r}: {exc.strerror.lower()}")
                        my_errors.append(OSError(exc.errno, message))
                else:
                    if my_errors:
                        raise my_errors.pop()
                    raise OSError(f"no matching local address with family={family!r} found")
            await self.sock_connect(sock, address)
            return sock
        except OSError as exc:
            my_errors.append(exc)
            if sock is not None:
                sock.close()
            raise
        except:
            if sock is not None:
                sock.close()
            raise

    async def create_connection(self, protocol_factory, host=None, port=None, *, ssl=None,
                                family=0, proto=0, flags=0, sock=None, local_addr=None,
                                server_hostname=None, ssl_handshake_timeout=None,
                                ssl_shutdown_timeout=None, happy_eyeballs_delay=None,
                                interleave=None):
        """Connects a TCP transport to host:port; returns (transport, protocol)."""
        if ssl:
            raise NotImplementedError("krait's asyncio has no SSL support")
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError("host/port and sock can not be specified at the same time")
            infos = await self._ensure_resolved((host, port), family=family,
                                                type=socket.SOCK_STREAM, proto=proto,
                                                flags=flags, loop=self)
            if not infos:
                raise OSError("getaddrinfo() returned empty list")
            if local_addr is not None:
                local_infos = await self._ensure_resolved(local_addr, family=family,
                                                          type=socket.SOCK_STREAM,
                                                          proto=proto, flags=flags,
                                                          loop=self)
                if not local_infos:
                    raise OSError("getaddrinfo() returned empty list")
            else:
                local_infos = None
            errors = []
            for addr_info in infos:
                try:
                    sock = await self._connect_sock(errors, addr_info, local_infos)
                    break
                except OSError:
                    continue
            if sock is None:
                errors = [exc for sub in errors for exc in sub]
                if len(errors) == 1:
                    raise errors[0]
                model = str(errors[0])
                if all(str(exc) == model for exc in errors):
                    raise errors[0]
                raise OSError("Multiple exceptions: {}".format(
                    ", ".join(str(exc) for exc in errors)))
        else:
            if sock is None:
                raise ValueError("host and port was not specified and no sock specified")
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(f"A Stream Socket was expected, got {sock!r}")
        return await self._create_connection_transport(sock, protocol_factory)

    async def _create_connection_transport(self, sock, protocol_factory, server_side=False):
        sock.setblocking(False)
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = self._make_socket_transport(sock, protocol, waiter)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    async def create_server(self, protocol_factory, host=None, port=None, *,
                            family=socket.AF_UNSPEC, flags=socket.AI_PASSIVE, sock=None,
                            backlog=100, ssl=None, reuse_address=None, reuse_port=None,
                            ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
                            start_serving=True):
        """A Server listening on host:port (each address host resolves to)."""
        if ssl is not None:
            raise NotImplementedError("krait's asyncio has no SSL support")
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError("host/port and sock can not be specified at the same time")
            if reuse_address is None:
                reuse_address = True
            sockets = []
            if host == "":
                hosts = [None]
            elif isinstance(host, str) or not hasattr(host, "__iter__"):
                hosts = [host]
            else:
                hosts = host
            coros = [self._create_server_getaddrinfo(host, port, family=family, flags=flags)
                     for host in hosts]
            infos = await tasks.gather(*coros)
            infos = set(itertools.chain.from_iterable(infos))
            completed = False
            try:
                for af, socktype, proto, _canonical, address in infos:
                    try:
                        sock = socket.socket(af, socktype, proto)
                    except OSError:
                        continue
                    sockets.append(sock)
                    if reuse_address:
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                    if reuse_port:
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                    if af == socket.AF_INET6:
                        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, True)
                    try:
                        sock.bind(address)
                    except OSError as err:
                        raise OSError(err.errno, "error while attempting to bind on "
                                      "address %r: %s" % (address, err.strerror.lower())) \
                            from None
                completed = True
            finally:
                if not completed:
                    for sock in sockets:
                        sock.close()
        else:
            if sock is None:
                raise ValueError("Neither host/port nor sock were specified")
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(f"A Stream Socket was expected, got {sock!r}")
            sockets = [sock]
        for sock in sockets:
            sock.setblocking(False)
        server = Server(self, sockets, protocol_factory, ssl, backlog, ssl_handshake_timeout,
                        ssl_shutdown_timeout)
        if start_serving:
            server._start_serving()
            # Let the server's accept callbacks be registered before returning.
            await tasks.sleep(0)
        return server

    async def _create_server_getaddrinfo(self, host, port, family, flags):
        infos = await self._ensure_resolved((host, port), family=family,
                                            type=socket.SOCK_STREAM, flags=flags, loop=self)
        if not infos:
            raise OSError(f"getaddrinfo({host!r}) returned empty list")
        return infos

    async def connect_accepted_socket(self, protocol_factory, sock, *, ssl=None,
                                      ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f"A Stream Socket was expected, got {sock!r}")
        return await self._create_connection_transport(sock, protocol_factory,
                                                       server_side=True)

    # ---- errors ----

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f"A callable object or None is expected, got {handler!r}")
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Writes the message, the context and the exception to stderr (CPython logs them
        with the `asyncio` logger, whose default output is the same text)."""
        message = context.get("message") or "Unhandled exception in event loop"
        lines = [message]
        for key in sorted(context):
            if key in {"message", "exception"}:
                continue
            lines.append(f"{key}: {context[key]!r}")
        exception = context.get("exception")
        if exception is not None:
            kind = type(exception)
            name = kind.__qualname__
            if kind.__module__ not in ("builtins", "__main__"):
                name = f"{kind.__module__}.{name}"
            lines.append("Traceback (most recent call last):")
            lines.append(f"{name}: {exception}" if str(exception) else name)
        sys.stderr.write("\n".join(lines) + "\n")

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                sys.stderr.write("Exception in default exception handler\n")
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        "message": "Unhandled error in exception handler",
                        "exception": exc,
                        "context": context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    sys.stderr.write("Exception in default exception handler while "
                                     "handling an unexpected error in custom exception "
                                     "handler\n")

    # ---- the iteration ----

    def _add_callback(self, handle):
        if not handle._cancelled:
            self._ready.append(handle)

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def _run_once(self):
        """One iteration: wait for I/O or the next timer, then run what is ready."""
        scheduled = self._scheduled
        count = len(scheduled)
        if (count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / count > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            kept = []
            for handle in scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    kept.append(handle)
            heapq.heapify(kept)
            self._scheduled = scheduled = kept
            self._timer_cancelled_count = 0
        else:
            while scheduled and scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(scheduled)
                handle._scheduled = False

        timeout = None
        ready = self._ready
        if ready or self._stopping:
            timeout = 0
        elif scheduled:
            when = scheduled[0]._when
            timeout = min(max(0, when - self.time()), MAXIMUM_SELECT_TIMEOUT)

        event_list = self._selector.select(timeout)
        if event_list:
            self._process_events(event_list)
        event_list = None

        end_time = self.time() + self._clock_resolution
        while scheduled:
            handle = scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(scheduled)
            handle._scheduled = False
            ready.append(handle)

        # Exactly the handles ready now run; those they schedule wait for the next iteration.
        # Handle._run is inlined for the loop's own handles in a plain Context: this loop
        # runs every callback, and a call per callback costs as much as the rest.
        count = len(ready)
        index = 0
        # Each handle puts this back when it is done, so it stays the same for the batch.
        previous = _current_context()
        try:
            while index < count:
                handle = ready[index]
                index += 1
                if handle._cancelled:
                    continue
                context = handle._context
                if (type(context) is not _Context or context._entered or
                        type(handle) not in _PLAIN_HANDLES):
                    handle._run()
                    continue
                context._entered = True
                _set_context(context)
                try:
                    handle._callback(*handle._args)
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc:
                    # Back in the loop's context first, as when Context.run returns.
                    _set_context(previous)
                    context._entered = False
                    handle._report_exception(exc)
                finally:
                    _set_context(previous)
                    context._entered = False
        finally:
            del ready[:index]
        handle = context = previous = None

    def _process_events(self, event_list):
        raise NotImplementedError

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled


# Task and Future schedule through _call_soon_positional when a loop's call_soon is this one.
futures._base_call_soon = BaseEventLoop.call_soon
