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
        Some(&value) if matches!(value.as_object().map(|object| &object.payload), Some(Payload::Generator(_))) => Ok(value),
        _ => Err(host.runtime().type_error("descriptor requires a 'generator' object")),
    }
}

fn step_result(host: &mut dyn Host, step: GeneratorStep) -> PyResult<Value> {
    match step {
        GeneratorStep::Yielded(value) => Ok(value),
        GeneratorStep::Returned(value) => Err(host.runtime().stop_iteration(value)),
    }
}

fn send(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
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

fn throw(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = receiver(host, &arguments)?;
    let Some(&thrown) = arguments.values.get(1) else {
        return Err(host.runtime().type_error("throw expected at least 1 argument, got 0"));
    };
    let runtime = host.runtime();
    let base_exception = runtime.types.base_exception;
    let exception = if crate::protocol::as_type(thrown).is_some() && crate::protocol::is_subclass(thrown, base_exception) {
        let extra: Vec<Value> = arguments.values.get(2).copied().filter(|value| !value.is_none()).into_iter().collect();
        crate::protocol::call(host, thrown, &extra, &[])?
    } else if crate::protocol::is_instance(runtime, thrown, base_exception) {
        thrown
    } else {
        return Err(runtime.type_error("exceptions must be classes or instances deriving from BaseException, not str"));
    };
    let step = host.resume_generator(generator, Value::NONE, exception)?;
    step_result(host, step)
}

fn close(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = receiver(host, &arguments)?;
    let Some(Payload::Generator(state)) = generator.as_object().map(|object| &object.payload) else { return Ok(Value::NONE) };
    if state.state.get() == crate::object::GeneratorState::Created {
        state.state.set(crate::object::GeneratorState::Finished);
        *state.frame.get() = None;
        return Ok(Value::NONE);
    }
    let runtime = host.runtime();
    let exception = runtime.new_exception(runtime.types.generator_exit, Vec::new());
    match host.resume_generator(generator, Value::NONE, exception) {
        Ok(GeneratorStep::Yielded(_)) => Err(host.runtime().runtime_error("generator ignored GeneratorExit")),
        Ok(GeneratorStep::Returned(_)) => Ok(Value::NONE),
        Err(PyErr { exception: raised }) => {
            let runtime = host.runtime();
            if crate::protocol::is_instance(runtime, raised, runtime.types.generator_exit) || crate::protocol::is_instance(runtime, raised, runtime.types.stop_iteration) {
                Ok(Value::NONE)
            } else {
                Err(PyErr { exception: raised })
            }
        }
    }
}
