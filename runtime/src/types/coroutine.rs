//! Coroutines and async generators: their methods, and the small objects that drive them.
//!
//! Both are [`Payload::Generator`]s of another [`GeneratorKind`]: the VM suspends and resumes
//! their frames exactly like a generator's. What differs is the protocol around them:
//!
//! - a coroutine is awaited: `await` (or a driver calling `send`) resumes it, and whatever the
//!   innermost awaitable yields passes out to the driver; `coro.__await__()` is a
//!   `coroutine_wrapper` iterator over the same steps;
//! - an async generator yields values marked by `AsyncGenWrap` (a [`AwaitableKind::Wrapped`]
//!   box) so they can be told apart from values an `await` inside it passes out. Its
//!   `__anext__()`/`asend()` return an `async_generator_asend` awaitable whose steps turn a
//!   wrapped value into `StopIteration(value)` (the awaitable's result) and the generator's end
//!   into `StopAsyncIteration`; `athrow()`/`aclose()` return an `async_generator_athrow`.
//!
//! The semantics (and messages) are CPython 3.11's `genobject.c`.

use std::cell::Cell;

use crate::object::{GeneratorKind, Payload};
use crate::protocol::{is_instance, type_name};
use crate::types_table::BuiltinTypes;
use crate::value::Value;
use crate::{Arguments, GeneratorStep, Host, PyErr, PyResult};

/// What an [`Awaitable`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwaitableKind {
    /// `coro.__await__()`: an iterator over the coroutine's steps.
    CoroutineWrapper,
    /// `agen.asend(value)` / `agen.__anext__()`.
    ASend,
    /// `agen.athrow(…)`.
    AThrow,
    /// `agen.aclose()`.
    AClose,
    /// A value an async generator yields (`AsyncGenWrap`); never seen by Python code.
    Wrapped,
    /// `anext(iterator, default)`: drives the awaitable `__anext__()` returned (its target)
    /// and turns its `StopAsyncIteration` into `StopIteration(default)` (its value).
    AnextDefault,
}

/// Where an `asend`/`athrow` awaitable is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwaitableState {
    /// Not yet started.
    Initial,
    /// Started.
    Iterating,
    /// Done; awaiting it again is an error.
    Closed,
}

/// The payload of the helper objects; see the module documentation.
pub struct Awaitable {
    /// What it is.
    pub kind: AwaitableKind,
    /// The coroutine or async generator it drives (the wrapped value for `Wrapped`).
    pub target: Value,
    /// `asend`: the value sent first; `athrow`: the arguments tuple.
    pub value: Value,
    /// Its state.
    pub state: Cell<AwaitableState>,
}

impl Awaitable {
    /// Visits the values it references (for the GC).
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.target);
        visit(self.value);
    }

    /// Its Python class.
    pub fn class(&self, types: &BuiltinTypes) -> Value {
        match self.kind {
            AwaitableKind::CoroutineWrapper => types.coroutine_wrapper,
            AwaitableKind::ASend => types.async_generator_asend,
            AwaitableKind::AThrow | AwaitableKind::AClose => types.async_generator_athrow,
            AwaitableKind::Wrapped => types.object,
            AwaitableKind::AnextDefault => types.anext_awaitable,
        }
    }
}

/// The coroutine methods (`send`, `throw` and `close` are the generator ones).
pub const COROUTINE_METHODS: crate::types::MethodTable = &[
    ("send", crate::types::generator::send),
    ("throw", crate::types::generator::throw),
    ("close", crate::types::generator::close),
    ("__await__", coroutine_await),
];

/// The async generator methods.
pub const ASYNC_GENERATOR_METHODS: crate::types::MethodTable = &[
    ("__aiter__", async_generator_aiter),
    ("__anext__", async_generator_anext),
    ("asend", async_generator_asend),
    ("athrow", async_generator_athrow),
    ("aclose", async_generator_aclose),
];

/// The methods of `coroutine_wrapper`, `async_generator_asend` and `async_generator_athrow`.
pub const AWAITABLE_METHODS: crate::types::MethodTable = &[
    ("send", awaitable_send),
    ("throw", awaitable_throw),
    ("close", awaitable_close),
    ("__next__", awaitable_next),
    ("__iter__", awaitable_self),
    ("__await__", awaitable_self),
];

/// The kind of a generator-like value, if it is one.
pub fn generator_kind(value: Value) -> Option<GeneratorKind> {
    match &value.as_object()?.payload {
        Payload::Generator(generator) => Some(generator.kind),
        _ => None,
    }
}

/// Whether a value is a plain generator (an iterator), not a coroutine or async generator.
pub fn is_generator_iterator(value: Value) -> bool {
    generator_kind(value) == Some(GeneratorKind::Generator)
}

/// The awaitable helper behind a value, if it is one.
pub fn awaitable(value: Value) -> Option<&'static Awaitable> {
    match &value.as_object()?.payload {
        Payload::Awaitable(awaitable) => Some(awaitable),
        _ => None,
    }
}

/// A value yielded by `AsyncGenWrap`, unwrapped.
pub fn unwrap_yielded(value: Value) -> Option<Value> {
    awaitable(value)
        .filter(|awaitable| awaitable.kind == AwaitableKind::Wrapped)
        .map(|awaitable| awaitable.target)
}

/// Boxes a value an async generator yields (`AsyncGenWrap`).
pub fn wrap_yielded(host: &mut dyn Host, value: Value) -> Value {
    new_awaitable(host, AwaitableKind::Wrapped, value, Value::NULL)
}

fn new_awaitable(host: &mut dyn Host, kind: AwaitableKind, target: Value, value: Value) -> Value {
    host.runtime().heap.allocate(Payload::Awaitable(Awaitable {
        kind,
        target,
        value,
        state: Cell::new(AwaitableState::Initial),
    }))
}

fn receiver_of(
    host: &mut dyn Host,
    arguments: &Arguments,
    kind: GeneratorKind,
    what: &str,
) -> PyResult<Value> {
    match arguments.values.first() {
        Some(&value) if generator_kind(value) == Some(kind) => Ok(value),
        _ => Err(host
            .runtime()
            .type_error(format!("descriptor requires a '{what}' object"))),
    }
}

fn coroutine_await(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let coroutine = receiver_of(host, &arguments, GeneratorKind::Coroutine, "coroutine")?;
    Ok(new_awaitable(
        host,
        AwaitableKind::CoroutineWrapper,
        coroutine,
        Value::NULL,
    ))
}

fn async_generator_aiter(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    receiver_of(
        host,
        &arguments,
        GeneratorKind::AsyncGenerator,
        "async_generator",
    )
}

fn async_generator_anext(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = receiver_of(
        host,
        &arguments,
        GeneratorKind::AsyncGenerator,
        "async_generator",
    )?;
    anext_awaitable(host, generator)
}

/// `agen.__anext__()`: an `asend(None)` awaitable.
pub fn anext_awaitable(host: &mut dyn Host, generator: Value) -> PyResult<Value> {
    initialize_hooks(host, generator)?;
    Ok(new_awaitable(
        host,
        AwaitableKind::ASend,
        generator,
        Value::NONE,
    ))
}

/// CPython's `async_gen_init_hooks`: the first `__anext__`, `asend`, `athrow` or `aclose` of
/// an async generator calls the firstiter hook of `sys.set_asyncgen_hooks` with it (how an
/// event loop learns which generators to close in `shutdown_asyncgens`).
///
/// The finalizer hook is recorded by `sys` but never called: krait has no finalizers, so an
/// abandoned async generator is closed by its loop's `shutdown_asyncgens` instead of when it
/// is collected.
fn initialize_hooks(host: &mut dyn Host, generator: Value) -> PyResult<()> {
    let Some(Payload::Generator(object)) = generator.as_object().map(|object| &object.payload)
    else {
        return Ok(());
    };
    if object.hooks_initialized.replace(true) {
        return Ok(());
    }
    let first_iteration = host.runtime().asyncgen_hooks[0];
    if first_iteration.is_none() {
        return Ok(());
    }
    crate::protocol::call::call(host, first_iteration, &[generator], &[])?;
    Ok(())
}

fn async_generator_asend(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = receiver_of(
        host,
        &arguments,
        GeneratorKind::AsyncGenerator,
        "async_generator",
    )?;
    let Some(&value) = arguments.values.get(1) else {
        return Err(host
            .runtime()
            .type_error("async_generator.asend() takes exactly one argument (0 given)"));
    };
    initialize_hooks(host, generator)?;
    Ok(new_awaitable(host, AwaitableKind::ASend, generator, value))
}

fn async_generator_athrow(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = receiver_of(
        host,
        &arguments,
        GeneratorKind::AsyncGenerator,
        "async_generator",
    )?;
    initialize_hooks(host, generator)?;
    let rest = arguments.values[1..].to_vec();
    let runtime = host.runtime();
    let args = runtime.new_tuple(rest);
    Ok(new_awaitable(host, AwaitableKind::AThrow, generator, args))
}

fn async_generator_aclose(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = receiver_of(
        host,
        &arguments,
        GeneratorKind::AsyncGenerator,
        "async_generator",
    )?;
    initialize_hooks(host, generator)?;
    Ok(new_awaitable(
        host,
        AwaitableKind::AClose,
        generator,
        Value::NULL,
    ))
}

fn awaitable_receiver(
    host: &mut dyn Host,
    arguments: &Arguments,
) -> PyResult<(Value, &'static Awaitable)> {
    match arguments
        .values
        .first()
        .and_then(|&value| awaitable(value).map(|awaitable| (value, awaitable)))
    {
        Some(found) => Ok(found),
        None => Err(host
            .runtime()
            .type_error("descriptor requires an awaitable object")),
    }
}

fn awaitable_self(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    awaitable_receiver(host, &arguments).map(|(value, _)| value)
}

fn awaitable_next(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (_, awaitable) = awaitable_receiver(host, &arguments)?;
    send_to(host, awaitable, Value::NONE)
}

fn awaitable_send(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (_, awaitable) = awaitable_receiver(host, &arguments)?;
    let value = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    send_to(host, awaitable, value)
}

fn awaitable_throw(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (_, awaitable) = awaitable_receiver(host, &arguments)?;
    let exception = crate::types::generator::exception_to_throw(host, &arguments.values[1..])?;
    throw_to(host, awaitable, exception)
}

fn awaitable_close(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (_, awaitable) = awaitable_receiver(host, &arguments)?;
    match awaitable.kind {
        AwaitableKind::CoroutineWrapper => {
            let values = [awaitable.target];
            crate::types::generator::close(host, Arguments::positional(&values))
        }
        _ => {
            awaitable.state.set(AwaitableState::Closed);
            Ok(Value::NONE)
        }
    }
}

/// The value of a generator step as `send()` reports it (a return is StopIteration).
fn step_value(host: &mut dyn Host, step: GeneratorStep) -> PyResult<Value> {
    match step {
        GeneratorStep::Yielded(value) => Ok(value),
        GeneratorStep::Returned(value) => Err(host.runtime().stop_iteration(value)),
    }
}

/// CPython's `async_gen_unwrap_value`: what one step of an async generator means to the
/// awaitable driving it.
fn unwrap_step(host: &mut dyn Host, step: PyResult<GeneratorStep>) -> PyResult<Value> {
    match step? {
        GeneratorStep::Yielded(value) => match unwrap_yielded(value) {
            Some(inner) => Err(host.runtime().stop_iteration(inner)),
            None => Ok(value),
        },
        GeneratorStep::Returned(_) => {
            let runtime = host.runtime();
            Err(runtime.new_error(runtime.types.stop_async_iteration, ""))
        }
    }
}

fn already_awaited(host: &mut dyn Host, awaitable: &Awaitable) -> PyErr {
    let message = match awaitable.kind {
        AwaitableKind::ASend => "cannot reuse already awaited __anext__()/asend()",
        _ => "cannot reuse already awaited aclose()/athrow()",
    };
    host.runtime().runtime_error(message)
}

fn is_finished(generator: Value) -> bool {
    match generator.as_object().map(|object| &object.payload) {
        Some(Payload::Generator(state)) => {
            state.state.get() == crate::object::GeneratorState::Finished
        }
        _ => true,
    }
}

/// One `send` step of an awaitable helper.
fn send_to(host: &mut dyn Host, awaitable: &'static Awaitable, value: Value) -> PyResult<Value> {
    let generator = awaitable.target;
    match awaitable.kind {
        AwaitableKind::CoroutineWrapper => {
            let step = host.resume_generator(generator, value, Value::NULL)?;
            step_value(host, step)
        }
        AwaitableKind::ASend => {
            if awaitable.state.get() == AwaitableState::Closed {
                return Err(already_awaited(host, awaitable));
            }
            let mut value = value;
            if awaitable.state.get() == AwaitableState::Initial {
                if value.is_none() {
                    value = awaitable.value;
                }
                awaitable.state.set(AwaitableState::Iterating);
            }
            let step = host.resume_generator(generator, value, Value::NULL);
            let result = unwrap_step(host, step);
            if result.is_err() {
                awaitable.state.set(AwaitableState::Closed);
            }
            result
        }
        AwaitableKind::AThrow | AwaitableKind::AClose => {
            if awaitable.state.get() == AwaitableState::Closed {
                return Err(already_awaited(host, awaitable));
            }
            if is_finished(generator) {
                awaitable.state.set(AwaitableState::Closed);
                return Err(host.runtime().stop_iteration(Value::NONE));
            }
            let step = if awaitable.state.get() == AwaitableState::Initial {
                if !value.is_none() {
                    return Err(host
                        .runtime()
                        .runtime_error("can't send non-None value to a just-started coroutine"));
                }
                awaitable.state.set(AwaitableState::Iterating);
                let exception = if awaitable.kind == AwaitableKind::AClose {
                    let runtime = host.runtime();
                    runtime.new_exception(runtime.types.generator_exit, Vec::new())
                } else {
                    let args = crate::types::tuple::items(awaitable.value)
                        .map(<[Value]>::to_vec)
                        .unwrap_or_default();
                    if args.is_empty() || args.len() > 3 {
                        let bound = if args.is_empty() {
                            "at least 1 argument"
                        } else {
                            "at most 3 arguments"
                        };
                        let message = format!("athrow expected {bound}, got {}", args.len());
                        return Err(host.runtime().type_error(message));
                    }
                    crate::types::generator::exception_to_throw(host, &args)?
                };
                host.resume_generator(generator, Value::NONE, exception)
            } else {
                host.resume_generator(generator, value, Value::NULL)
            };
            athrow_result(host, awaitable, step)
        }
        AwaitableKind::Wrapped => Err(host
            .runtime()
            .type_error("'async_generator_wrapped_value' object is not an iterator")),
        AwaitableKind::AnextDefault => {
            let result = match crate::types::coroutine::awaitable(generator) {
                Some(inner) => send_to(host, inner, value),
                None if generator_kind(generator) == Some(GeneratorKind::Coroutine) => {
                    match host.resume_generator(generator, value, Value::NULL) {
                        Ok(step) => step_value(host, step),
                        Err(error) => Err(error),
                    }
                }
                None => {
                    let name = host.runtime().intern("send");
                    crate::protocol::call_method(host, generator, name, &[value])
                }
            };
            default_on_stop(host, result, awaitable.value)
        }
    }
}

/// `anext(iterator, default)`: the end of the iteration is the default value.
fn default_on_stop(
    host: &mut dyn Host,
    result: PyResult<Value>,
    default: Value,
) -> PyResult<Value> {
    match result {
        Err(error) => {
            let runtime = host.runtime();
            if is_instance(runtime, error.exception, runtime.types.stop_async_iteration) {
                return Err(runtime.stop_iteration(default));
            }
            Err(error)
        }
        ok => ok,
    }
}

/// `anext(iterator, default)`: an awaitable over `awaitable` (what `__anext__()` returned)
/// that ends with `default` instead of `StopAsyncIteration`.
pub fn anext_with_default(
    host: &mut dyn Host,
    awaitable: Value,
    default: Value,
) -> PyResult<Value> {
    let inner = if crate::types::coroutine::awaitable(awaitable).is_some()
        || generator_kind(awaitable) == Some(GeneratorKind::Coroutine)
    {
        awaitable
    } else {
        let runtime = host.runtime();
        let name = runtime.names.__await__;
        match crate::protocol::call_special(host, awaitable, name, &[])? {
            Some(iterator) => iterator,
            None => return Err(not_awaitable(host, awaitable)),
        }
    };
    Ok(new_awaitable(
        host,
        AwaitableKind::AnextDefault,
        inner,
        default,
    ))
}

/// What a step of an `athrow`/`aclose` awaitable returns.
fn athrow_result(
    host: &mut dyn Host,
    awaitable: &Awaitable,
    step: PyResult<GeneratorStep>,
) -> PyResult<Value> {
    if awaitable.kind == AwaitableKind::AThrow {
        let result = unwrap_step(host, step);
        if result.is_err() {
            awaitable.state.set(AwaitableState::Closed);
        }
        return result;
    }
    match step {
        Ok(GeneratorStep::Yielded(value)) => {
            if unwrap_yielded(value).is_some() {
                awaitable.state.set(AwaitableState::Closed);
                return Err(host
                    .runtime()
                    .runtime_error("async generator ignored GeneratorExit"));
            }
            Ok(value)
        }
        Ok(GeneratorStep::Returned(_)) => {
            awaitable.state.set(AwaitableState::Closed);
            Err(host.runtime().stop_iteration(Value::NONE))
        }
        Err(error) => {
            awaitable.state.set(AwaitableState::Closed);
            let runtime = host.runtime();
            let types = runtime.types;
            if is_instance(runtime, error.exception, types.stop_async_iteration)
                || is_instance(runtime, error.exception, types.generator_exit)
            {
                return Err(runtime.stop_iteration(Value::NONE));
            }
            Err(error)
        }
    }
}

/// One `throw` step of an awaitable helper.
fn throw_to(
    host: &mut dyn Host,
    awaitable: &'static Awaitable,
    exception: Value,
) -> PyResult<Value> {
    let generator = awaitable.target;
    match awaitable.kind {
        AwaitableKind::CoroutineWrapper => {
            let step = host.resume_generator(generator, Value::NONE, exception)?;
            step_value(host, step)
        }
        AwaitableKind::ASend => {
            if awaitable.state.get() == AwaitableState::Closed {
                return Err(already_awaited(host, awaitable));
            }
            let step = host.resume_generator(generator, Value::NONE, exception);
            let result = unwrap_step(host, step);
            if result.is_err() {
                awaitable.state.set(AwaitableState::Closed);
            }
            result
        }
        AwaitableKind::AThrow | AwaitableKind::AClose => {
            if awaitable.state.get() == AwaitableState::Closed {
                return Err(already_awaited(host, awaitable));
            }
            let step = host.resume_generator(generator, Value::NONE, exception);
            athrow_result(host, awaitable, step)
        }
        AwaitableKind::Wrapped => Err(PyErr { exception }),
        AwaitableKind::AnextDefault => {
            let result = match crate::types::coroutine::awaitable(generator) {
                Some(inner) => throw_to(host, inner, exception),
                None if generator_kind(generator) == Some(GeneratorKind::Coroutine) => {
                    match host.resume_generator(generator, Value::NONE, exception) {
                        Ok(step) => step_value(host, step),
                        Err(error) => Err(error),
                    }
                }
                None => {
                    let name = host.runtime().intern("throw");
                    crate::protocol::call_method(host, generator, name, &[exception])
                }
            };
            default_on_stop(host, result, awaitable.value)
        }
    }
}

/// The repr of an awaitable helper.
pub fn repr(awaitable: &Awaitable, runtime: &crate::Runtime, address: u64) -> String {
    let class = awaitable.class(&runtime.types);
    format!(
        "<{} object at {address:#x}>",
        crate::protocol::class_name(class)
    )
}

/// The name CPython uses for a generator-like object in messages (`generator`,
/// `coroutine`, `async generator`).
pub fn kind_name(kind: GeneratorKind) -> &'static str {
    match kind {
        GeneratorKind::Generator => "generator",
        GeneratorKind::Coroutine => "coroutine",
        GeneratorKind::AsyncGenerator => "async generator",
    }
}

/// `TypeError: object X can't be used in 'await' expression`.
pub fn not_awaitable(host: &mut dyn Host, value: Value) -> PyErr {
    let runtime = host.runtime();
    let message = format!(
        "object {} can't be used in 'await' expression",
        type_name(runtime, value)
    );
    runtime.type_error(message)
}

/// The fixed attributes of generators, coroutines and async generators beyond their names:
/// whether they run (`gi_running`, `cr_running`, `ag_running`) and, for generators, whether
/// they are paused (`gi_suspended`).
pub fn generator_attribute(
    runtime: &mut crate::Runtime,
    generator: &crate::object::GeneratorObject,
    name: Value,
) -> Option<Value> {
    let prefix = match generator.kind {
        GeneratorKind::Generator => "gi_",
        GeneratorKind::Coroutine => "cr_",
        GeneratorKind::AsyncGenerator => "ag_",
    };
    let text = crate::protocol::str_value(name)?;
    let field = text.strip_prefix(prefix)?;
    let _ = runtime;
    match field {
        "running" => Some(Value::bool(
            generator.state.get() == crate::object::GeneratorState::Running,
        )),
        "suspended" if generator.kind == GeneratorKind::Generator => Some(Value::bool(
            generator.state.get() == crate::object::GeneratorState::Suspended,
        )),
        _ => None,
    }
}
