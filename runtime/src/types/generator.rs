//! Generator methods: `send`, `throw`, `close`, `__next__`, `__iter__`.

use crate::object::Payload;
use crate::value::Value;
use crate::{Arguments, GeneratorStep, Host, PyErr, PyResult};

/// The generator methods.
pub const METHODS: crate::types::MethodTable = &[
    ("send", send),
    ("throw", throw),
    ("close", close),
    ("__next__", next),
    ("__iter__", iter),
];

fn receiver(host: &mut dyn Host, arguments: &Arguments) -> PyResult<Value> {
    match arguments.values.first() {
        Some(&value)
            if matches!(
                value.as_object().map(|object| &object.payload),
                Some(Payload::Generator(_))
            ) =>
        {
            Ok(value)
        }
        _ => Err(host
            .runtime()
            .type_error("descriptor requires a 'generator' object")),
    }
}

fn step_result(host: &mut dyn Host, step: GeneratorStep) -> PyResult<Value> {
    match step {
        GeneratorStep::Yielded(value) => Ok(value),
        GeneratorStep::Returned(value) => Err(host.runtime().stop_iteration(value)),
    }
}

/// `send(value)` (generators and coroutines).
pub fn send(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = receiver(host, &arguments)?;
    let value = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    let step = host.resume_generator(generator, value, Value::NULL)?;
    step_result(host, step)
}

fn next(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = receiver(host, &arguments)?;
    let step = host.resume_generator(generator, Value::NONE, Value::NULL)?;
    step_result(host, step)
}

fn iter(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    receiver(host, &arguments)
}

/// The exception `throw(type[, value[, traceback]])` raises (CPython's `_gen_throw` checks).
pub fn exception_to_throw(host: &mut dyn Host, arguments: &[Value]) -> PyResult<Value> {
    let Some(&thrown) = arguments.first() else {
        return Err(host
            .runtime()
            .type_error("throw expected at least 1 argument, got 0"));
    };
    let value = arguments.get(1).copied().unwrap_or(Value::NONE);
    if let Some(&traceback) = arguments.get(2) {
        if !traceback.is_none() {
            return Err(host
                .runtime()
                .type_error("throw() third argument must be a traceback object"));
        }
    }
    let runtime = host.runtime();
    let base_exception = runtime.types.base_exception;
    if crate::protocol::as_type(thrown).is_some()
        && crate::protocol::is_subclass(thrown, base_exception)
    {
        if crate::protocol::is_instance(runtime, value, thrown) {
            return Ok(value);
        }
        let extra: Vec<Value> = if value.is_none() {
            Vec::new()
        } else if let Some(items) = crate::types::tuple::items(value) {
            items.to_vec()
        } else {
            vec![value]
        };
        crate::protocol::call(host, thrown, &extra, &[])
    } else if crate::protocol::is_instance(runtime, thrown, base_exception) {
        if !value.is_none() {
            return Err(runtime.type_error("instance exception may not have a separate value"));
        }
        Ok(thrown)
    } else {
        let message = format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            crate::protocol::type_name(runtime, thrown)
        );
        Err(runtime.type_error(message))
    }
}

/// `throw(type[, value[, traceback]])` (generators and coroutines).
pub fn throw(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = receiver(host, &arguments)?;
    let exception = exception_to_throw(host, &arguments.values[1..])?;
    let step = host.resume_generator(generator, Value::NONE, exception)?;
    step_result(host, step)
}

/// `close()` (generators and coroutines): raises GeneratorExit at the paused point.
pub fn close(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = receiver(host, &arguments)?;
    let Some(Payload::Generator(state)) = generator.as_object().map(|object| &object.payload)
    else {
        return Ok(Value::NONE);
    };
    if state.state.get() == crate::object::GeneratorState::Created {
        state.state.set(crate::object::GeneratorState::Finished);
        *state.frame.get() = None;
        return Ok(Value::NONE);
    }
    let kind = crate::types::coroutine::kind_name(state.kind);
    let runtime = host.runtime();
    let exception = runtime.new_exception(runtime.types.generator_exit, Vec::new());
    match host.resume_generator(generator, Value::NONE, exception) {
        Ok(GeneratorStep::Yielded(_)) => Err(host
            .runtime()
            .runtime_error(format!("{kind} ignored GeneratorExit"))),
        Ok(GeneratorStep::Returned(_)) => Ok(Value::NONE),
        Err(PyErr { exception: raised }) => {
            let runtime = host.runtime();
            if crate::protocol::is_instance(runtime, raised, runtime.types.generator_exit)
                || crate::protocol::is_instance(runtime, raised, runtime.types.stop_iteration)
            {
                Ok(Value::NONE)
            } else {
                Err(PyErr { exception: raised })
            }
        }
    }
}
