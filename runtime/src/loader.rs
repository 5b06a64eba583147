//! Turns the compiler's `CodeObject`s into runtime code values: constants become values (nested
//! code objects recursively), names become interned strings — once per code object, so the
//! interpreter indexes ready-made values.

use std::rc::Rc;

use crate::object::{CodeData, Payload};
use crate::{Runtime, Value};
use krait_compiler::{CodeObject, Constant};

/// Creates the runtime code value for a compiled code object.
pub fn load_code(runtime: &mut Runtime, code: &Rc<CodeObject>) -> Value {
    let mark = runtime.root_mark();
    let mut constants = Vec::with_capacity(code.constants.len());
    for constant in &code.constants {
        let value = constant_value(runtime, constant);
        runtime.push_root(value);
        constants.push(value);
    }
    let names = code
        .names
        .iter()
        .map(|name| runtime.intern(name))
        .collect::<Vec<_>>();
    let varnames = code
        .varnames
        .iter()
        .map(|name| runtime.intern(name))
        .collect::<Vec<_>>();
    let plain_call = code.flags
        & (krait_compiler::code::flags::VARARGS | krait_compiler::code::flags::VARKEYWORDS)
        == 0
        && code.keyword_only_count == 0
        && code.cellvars.is_empty()
        && !code.is_generator();
    let value = runtime.heap.allocate(Payload::Code(Box::new(CodeData {
        code: code.clone(),
        constants: constants.into_boxed_slice(),
        names: names.into_boxed_slice(),
        varnames: varnames.into_boxed_slice(),
        global_cache: crate::object::Mutable::new(
            vec![Default::default(); code.names.len()].into_boxed_slice(),
        ),
        attribute_sites: crate::attribute_site::Sites::new(code),
        profile: crate::profile::CodeProfile::new(code.instructions.len()),
        plain_call,
        call_shape: crate::object::CallShape::of(code, plain_call),
    })));
    runtime.pop_roots(mark);
    value
}

/// The value of one constant.
pub fn constant_value(runtime: &mut Runtime, constant: &Constant) -> Value {
    match constant {
        Constant::None => Value::NONE,
        Constant::Bool(value) => Value::bool(*value),
        Constant::Int(value) => runtime.new_int(*value),
        Constant::BigInt(value) => runtime.new_bigint(value.clone()),
        Constant::Float(value) => Value::float(*value),
        Constant::Imaginary(value) => runtime.heap.allocate(Payload::Complex(0.0, *value)),
        Constant::Str(text) => runtime.intern(text),
        Constant::Bytes(bytes) => runtime
            .heap
            .allocate(Payload::Bytes(bytes.to_vec().into_boxed_slice())),
        Constant::Tuple(items) => {
            let mark = runtime.root_mark();
            let mut values = Vec::with_capacity(items.len());
            for item in items.iter() {
                let value = constant_value(runtime, item);
                runtime.push_root(value);
                values.push(value);
            }
            runtime.pop_roots(mark);
            runtime.new_tuple(values)
        }
        Constant::Ellipsis => Value::ELLIPSIS,
        Constant::Code(code) => load_code(runtime, code),
    }
}

/// The code data behind a code value.
pub fn code_data(value: Value) -> Option<&'static CodeData> {
    match &value.as_object()?.payload {
        Payload::Code(code) => Some(code),
        _ => None,
    }
}
