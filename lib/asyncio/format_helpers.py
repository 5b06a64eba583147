"""How asyncio names callbacks in reprs and error messages: `f(1, 'x') at file.py:3`."""

import functools


def _get_function_source(func):
    while hasattr(func, "__wrapped__"):
        func = func.__wrapped__
    code = getattr(func, "__code__", None)
    if code is not None and not hasattr(func, "__self__"):
        return (code.co_filename, code.co_firstlineno)
    if isinstance(func, functools.partial):
        return _get_function_source(func.func)
    return None


def _format_callback_source(func, args):
    text = _format_callback(func, args, None)
    source = _get_function_source(func)
    if source:
        text += f" at {source[0]}:{source[1]}"
    return text


def _short_repr(value):
    text = repr(value)
    if len(text) > 30:
        text = text[:13] + "..." + text[-14:]
    return text


def _format_args_and_kwargs(args, kwargs):
    items = []
    if args:
        items.extend(_short_repr(arg) for arg in args)
    if kwargs:
        items.extend(f"{key}={_short_repr(value)}" for key, value in kwargs.items())
    return "({})".format(", ".join(items))


def _format_callback(func, args, kwargs, suffix=""):
    if isinstance(func, functools.partial):
        suffix = _format_args_and_kwargs(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    if getattr(func, "__qualname__", None):
        text = func.__qualname__
    elif getattr(func, "__name__", None):
        text = func.__name__
    else:
        text = repr(func)
    text += _format_args_and_kwargs(args, kwargs)
    if suffix:
        text += suffix
    return text
