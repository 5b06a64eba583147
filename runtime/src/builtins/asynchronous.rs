//! `aiter()` and `anext()`: the builtin functions of asynchronous iteration, the counterparts
//! of `iter()` and `next()` that `async for` uses implicitly.

use crate::builtins::{expect_arguments, no_keywords};
use crate::protocol::{lookup_in_type, type_name, type_of};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The asynchronous iteration builtins.
pub const FUNCTIONS: &[(&str, crate::object::NativeFunctionPointer)] =
    &[("aiter", aiter), ("anext", anext)];

/// Whether `value`'s class has `__anext__`.
fn is_async_iterator(host: &mut dyn Host, value: Value) -> bool {
    let runtime = host.runtime();
    let class = type_of(runtime, value);
    let name = runtime.names.__anext__;
    lookup_in_type(runtime, class, name).is_some()
}

/// `aiter(async_iterable)`: `type(x).__aiter__(x)`, which must be an async iterator.
fn aiter(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "aiter")?;
    expect_arguments(host, &arguments, "aiter", 1, 1)?;
    let value = arguments.values[0];
    let name = host.runtime().names.__aiter__;
    let Some(iterator) = crate::protocol::call_special(host, value, name, &[])? else {
        let runtime = host.runtime();
        let message = format!(
            "'{}' object is not an async iterable",
            type_name(runtime, value)
        );
        return Err(runtime.type_error(message));
    };
    if !is_async_iterator(host, iterator) {
        let runtime = host.runtime();
        let message = format!(
            "aiter() returned not an async iterator of type '{}'",
            type_name(runtime, iterator)
        );
        return Err(runtime.type_error(message));
    }
    Ok(iterator)
}

/// `anext(async_iterator[, default])`: the awaitable `__anext__()` returns; with a default,
/// an awaitable that gives the default when the iteration ends.
fn anext(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "anext")?;
    expect_arguments(host, &arguments, "anext", 1, 2)?;
    let value = arguments.values[0];
    if !is_async_iterator(host, value) {
        let runtime = host.runtime();
        let message = format!(
            "'{}' object is not an async iterator",
            type_name(runtime, value)
        );
        return Err(runtime.type_error(message));
    }
    let name = host.runtime().names.__anext__;
    let awaitable = crate::protocol::call_special(host, value, name, &[])?.unwrap_or(Value::NONE);
    match arguments.values.get(1) {
        None => Ok(awaitable),
        Some(&default) => {
            let runtime = host.runtime();
            let mark = runtime.root_mark();
            runtime.push_root(awaitable);
            let result = crate::types::coroutine::anext_with_default(host, awaitable, default);
            host.runtime().pop_roots(mark);
            result
        }
    }
}
