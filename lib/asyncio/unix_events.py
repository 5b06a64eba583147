"""The Unix event loop and the default policy."""

__all__ = ("SelectorEventLoop", "DefaultEventLoopPolicy")

from . import events
from . import selector_events


class _UnixSelectorEventLoop(selector_events.BaseSelectorEventLoop):
    """The selector loop (signal handlers and subprocesses are not supported yet)."""

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError("add_signal_handler() is not supported by krait yet")

    def remove_signal_handler(self, sig):
        raise NotImplementedError("remove_signal_handler() is not supported by krait yet")


SelectorEventLoop = _UnixSelectorEventLoop


class _UnixDefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    _loop_factory = _UnixSelectorEventLoop


DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
