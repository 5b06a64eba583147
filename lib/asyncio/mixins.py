"""The mixin that binds a synchronization primitive to the loop it is first used on."""


class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        from . import events
        loop = events.get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f"{self!r} is bound to a different event loop")
        return loop
