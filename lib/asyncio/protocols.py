"""Protocols: the callbacks a transport calls (connection_made, data_received, ...)."""

__all__ = ("BaseProtocol", "Protocol", "DatagramProtocol", "SubprocessProtocol",
           "BufferedProtocol")


class BaseProtocol:
    """Connection callbacks shared by every protocol."""

    __slots__ = ()

    def connection_made(self, transport):
        """The connection is up; transport is how to write to it."""

    def connection_lost(self, exc):
        """The connection is closed (exc is None for a normal end of stream)."""

    def pause_writing(self):
        """The transport's write buffer went over its high-water mark."""

    def resume_writing(self):
        """The transport's write buffer drained under its low-water mark."""


class Protocol(BaseProtocol):
    """A stream protocol."""

    __slots__ = ()

    def data_received(self, data):
        """Some bytes arrived."""

    def eof_received(self):
        """The other end will send no more; return true to keep the transport open."""


class BufferedProtocol(BaseProtocol):
    """A stream protocol that receives into its own buffer."""

    __slots__ = ()

    def get_buffer(self, sizehint):
        raise NotImplementedError

    def buffer_updated(self, nbytes):
        raise NotImplementedError

    def eof_received(self):
        """The other end will send no more."""


class DatagramProtocol(BaseProtocol):
    """A datagram protocol."""

    __slots__ = ()

    def datagram_received(self, data, addr):
        """A datagram arrived."""

    def error_received(self, exc):
        """A send or receive failed."""


class SubprocessProtocol(BaseProtocol):
    """A protocol for a child process's pipes."""

    __slots__ = ()

    def pipe_data_received(self, fd, data):
        """Data from the child's stdout or stderr."""

    def pipe_connection_lost(self, fd, exc):
        """One of the child's pipes closed."""

    def process_exited(self):
        """The child exited."""
