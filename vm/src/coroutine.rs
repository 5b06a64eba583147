//! The asynchronous opcodes: what `await`, `async for` and `async with` ask of the objects
//! they are given (`GetAwaitable`, `GetAiter`, `GetAnext`, `BeforeAsyncWith`), with CPython
//! 3.11's messages. The coroutine objects themselves are generators of another kind
//! (`generator.rs`, and `runtime/src/types/coroutine.rs` for their methods).

use krait_runtime::object::{GeneratorKind, Payload};
use krait_runtime::types::coroutine::{anext_awaitable, generator_kind};
use krait_runtime::{protocol, PyResult, Value};

use crate::Vm;

impl Vm {
    /// The iterator that `await value` drives (`GetAwaitable`): a coroutine itself, or what its
    /// class's `__await__` returns. `where_from` 1 and 2 say the value came from `__aenter__` or
    /// `__aexit__`, for the message.
    pub(crate) fn get_awaitable(&mut self, value: Value, where_from: u32) -> PyResult<Value> {
        match self.awaitable_iterator(value) {
            Ok(iterator) => {
                if generator_kind(iterator) == Some(GeneratorKind::Coroutine)
                    && self.is_awaiting(iterator)
                {
                    return Err(self
                        .runtime
                        .runtime_error("coroutine is being awaited already"));
                }
                Ok(iterator)
            }
            Err(error) if where_from != 0 && self.lacks_await(value) => {
                let _ = error;
                let runtime = &mut self.runtime;
                let method = if where_from == 1 {
                    "__aenter__"
                } else {
                    "__aexit__"
                };
                let message = format!(
                    "'async with' received an object from {method} that does not implement __await__: {}",
                    protocol::type_name(runtime, value)
                );
                Err(runtime.type_error(message))
            }
            Err(error) => Err(error),
        }
    }

    /// Whether the class of `value` has no `__await__` (and it is no coroutine).
    fn lacks_await(&mut self, value: Value) -> bool {
        if generator_kind(value) == Some(GeneratorKind::Coroutine) {
            return false;
        }
        let class = protocol::type_of(&self.runtime, value);
        let name = self.runtime.names.__await__;
        protocol::lookup_in_type(&mut self.runtime, class, name).is_none()
    }

    /// CPython's `_PyCoro_GetAwaitableIter`.
    fn awaitable_iterator(&mut self, value: Value) -> PyResult<Value> {
        if generator_kind(value) == Some(GeneratorKind::Coroutine) || is_iterable_coroutine(value) {
            return Ok(value);
        }
        let class = protocol::type_of(&self.runtime, value);
        let name = self.runtime.names.__await__;
        let Some(method) = protocol::lookup_in_type(&mut self.runtime, class, name) else {
            return Err(krait_runtime::types::coroutine::not_awaitable(self, value));
        };
        let iterator = protocol::attribute::call_bound(self, method, value, &[])?;
        if generator_kind(iterator) == Some(GeneratorKind::Coroutine) {
            return Err(self.runtime.type_error("__await__() returned a coroutine"));
        }
        if !self.is_iterator(iterator) {
            let runtime = &mut self.runtime;
            let message = format!(
                "__await__() returned non-iterator of type '{}'",
                protocol::type_name(runtime, iterator)
            );
            return Err(runtime.type_error(message));
        }
        Ok(iterator)
    }

    /// Whether a value is an iterator (a builtin iterator, a generator, or has `__next__`).
    fn is_iterator(&mut self, value: Value) -> bool {
        match value.as_object().map(|object| &object.payload) {
            Some(Payload::Iterator(_)) => return true,
            Some(Payload::Generator(generator)) => {
                return generator.kind == GeneratorKind::Generator
            }
            _ => {}
        }
        let class = protocol::type_of(&self.runtime, value);
        let name = self.runtime.names.__next__;
        protocol::lookup_in_type(&mut self.runtime, class, name).is_some()
    }

    /// Whether a coroutine is paused inside an `await` (so it is being awaited by someone).
    fn is_awaiting(&self, coroutine: Value) -> bool {
        let Some(Payload::Generator(state)) = coroutine.as_object().map(|object| &object.payload)
        else {
            return false;
        };
        if state.state.get() != krait_runtime::object::GeneratorState::Suspended {
            return false;
        }
        let Some(frame) = state.frame.get().as_ref() else {
            return false;
        };
        let Some(code) = krait_runtime::loader::code_data(frame.code) else {
            return false;
        };
        let index = (frame.instruction as usize).wrapping_sub(1);
        code.code
            .instructions
            .get(index)
            .is_some_and(|instruction| {
                instruction.opcode == krait_compiler::Opcode::YieldValue && instruction.arg == 1
            })
    }

    /// `GetAiter`: `type(value).__aiter__(value)`, which must have `__anext__`.
    pub(crate) fn get_aiter(&mut self, value: Value) -> PyResult<Value> {
        let class = protocol::type_of(&self.runtime, value);
        let names = self.runtime.names;
        let Some(method) = protocol::lookup_in_type(&mut self.runtime, class, names.__aiter__)
        else {
            let runtime = &mut self.runtime;
            let message = format!(
                "'async for' requires an object with __aiter__ method, got {}",
                protocol::type_name(runtime, value)
            );
            return Err(runtime.type_error(message));
        };
        let iterator = protocol::attribute::call_bound(self, method, value, &[])?;
        let iterator_class = protocol::type_of(&self.runtime, iterator);
        if protocol::lookup_in_type(&mut self.runtime, iterator_class, names.__anext__).is_none() {
            let runtime = &mut self.runtime;
            let message = format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                protocol::type_name(runtime, iterator)
            );
            return Err(runtime.type_error(message));
        }
        Ok(iterator)
    }

    /// `GetAnext`: the awaitable of `type(iterator).__anext__(iterator)`.
    pub(crate) fn get_anext(&mut self, iterator: Value) -> PyResult<Value> {
        if generator_kind(iterator) == Some(GeneratorKind::AsyncGenerator) {
            return anext_awaitable(self, iterator);
        }
        let class = protocol::type_of(&self.runtime, iterator);
        let name = self.runtime.names.__anext__;
        let Some(method) = protocol::lookup_in_type(&mut self.runtime, class, name) else {
            let runtime = &mut self.runtime;
            let message = format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                protocol::type_name(runtime, iterator)
            );
            return Err(runtime.type_error(message));
        };
        let next = protocol::attribute::call_bound(self, method, iterator, &[])?;
        let mark = self.runtime.root_mark();
        self.runtime.push_root(next);
        let result = match self.awaitable_iterator(next) {
            Ok(awaitable) => Ok(awaitable),
            Err(error)
                if protocol::is_instance(
                    &self.runtime,
                    error.exception,
                    self.runtime.types.type_error,
                ) =>
            {
                let runtime = &mut self.runtime;
                let message = format!(
                    "'async for' received an invalid object from __anext__: {}",
                    protocol::type_name(runtime, next)
                );
                let replacement = runtime.type_error(message);
                set_cause(replacement.exception, error.exception);
                Err(replacement)
            }
            Err(error) => Err(error),
        };
        self.runtime.pop_roots(mark);
        result
    }

    /// `BeforeAsyncWith`: the bound `__aexit__` and the result of `__aenter__()`.
    pub(crate) fn before_async_with(&mut self, manager: Value) -> PyResult<(Value, Value)> {
        let class = protocol::type_of(&self.runtime, manager);
        let names = self.runtime.names;
        let enter = protocol::lookup_in_type(&mut self.runtime, class, names.__aenter__);
        let Some(enter) = enter else {
            let runtime = &mut self.runtime;
            let message = format!(
                "'{}' object does not support the asynchronous context manager protocol",
                protocol::type_name(runtime, manager)
            );
            return Err(runtime.type_error(message));
        };
        if protocol::lookup_in_type(&mut self.runtime, class, names.__aexit__).is_none() {
            let runtime = &mut self.runtime;
            let message = format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                protocol::type_name(runtime, manager)
            );
            return Err(runtime.type_error(message));
        }
        let exit = protocol::get_attribute(self, manager, names.__aexit__)?;
        self.stack.push(exit);
        let entered = protocol::attribute::call_bound(self, enter, manager, &[]);
        self.stack.pop();
        Ok((exit, entered?))
    }

    /// `EndAsyncFor`: whether the exception ending an `async for` step is StopAsyncIteration
    /// (the loop ends) rather than an error to raise again.
    pub(crate) fn ends_async_for(&self, exception: Value) -> bool {
        protocol::is_instance(
            &self.runtime,
            exception,
            self.runtime.types.stop_async_iteration,
        )
    }
}

/// Sets `__cause__` (and suppresses the context), as `raise … from cause` does.
pub(crate) fn set_cause(exception: Value, cause: Value) {
    if let Some(data) = krait_runtime::runtime::exception_data(exception) {
        let data = data.get();
        data.cause = cause;
        data.context = cause;
        data.suppress_context = true;
    }
}

/// Whether a value is a generator whose code is marked as a coroutine
/// (`flags::ITERABLE_COROUTINE`, what `types.coroutine` sets).
pub(crate) fn is_iterable_coroutine(value: Value) -> bool {
    let Some(Payload::Generator(generator)) = value.as_object().map(|object| &object.payload)
    else {
        return false;
    };
    let Some(frame) = generator.frame.get().as_ref() else {
        return false;
    };
    krait_runtime::loader::code_data(frame.code)
        .is_some_and(|code| code.code.flags & krait_compiler::code::flags::ITERABLE_COROUTINE != 0)
}
