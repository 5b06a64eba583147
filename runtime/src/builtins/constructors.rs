//! Calling a builtin class: `int(x)`, `list(iterable)`, `range(a, b)`, `enumerate(it)`, …

use std::cell::Cell;

use crate::builtins::{expect_arguments, no_keywords};
use crate::object::{IteratorKind, Layout, Mutable, Payload};
use crate::protocol::{as_type, collect, iterate, str_value, type_name};
use crate::types::int::{as_int, IntValue};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// Constructs an instance of the builtin class `class`.
pub fn construct_builtin(
    host: &mut dyn Host,
    class: Value,
    values: &[Value],
    keyword_names: &[Value],
) -> PyResult<Value> {
    let arguments = Arguments {
        values,
        keyword_names,
    };
    // list() and tuple() first, before the table of builtin types is copied (a few hundred
    // bytes, most of a small tuple(list)'s cost otherwise).
    let (list, tuple) = {
        let types = &host.runtime().types;
        (types.list, types.tuple)
    };
    if class == list {
        no_keywords(host, &arguments, "list")?;
        expect_arguments(host, &arguments, "list", 0, 1)?;
        let items = match values.first() {
            Some(&iterable) => collect(host, iterable)?,
            None => Vec::new(),
        };
        return Ok(host.runtime().new_list(items));
    }
    if class == tuple {
        no_keywords(host, &arguments, "tuple")?;
        expect_arguments(host, &arguments, "tuple", 0, 1)?;
        if let Some(&iterable) = values.first() {
            if matches!(
                iterable.as_object().map(|object| &object.payload),
                Some(Payload::Tuple(_))
            ) {
                return Ok(iterable);
            }
        }
        let items = match values.first() {
            Some(&iterable) => collect(host, iterable)?,
            None => Vec::new(),
        };
        return Ok(host.runtime().new_tuple(items));
    }
    let types = host.runtime().types;
    // Borrowed, not copied: only messages use it, and most calls here make none.
    let name: &str = as_type(class)
        .and_then(|class| crate::protocol::str_value(class.name))
        .unwrap_or("?");
    if class == types.type_ {
        return crate::types::type_::type_call(host, arguments);
    }
    if class == types.int {
        return int(host, arguments);
    }
    if class == types.float {
        return float(host, arguments);
    }
    if class == types.str {
        return str(host, arguments);
    }
    if class == types.bool {
        no_keywords(host, &arguments, "bool")?;
        expect_arguments(host, &arguments, "bool", 0, 1)?;
        return match values.first() {
            Some(&value) => crate::protocol::is_true(host, value).map(Value::bool),
            None => Ok(Value::FALSE),
        };
    }
    if class == types.dict {
        let positionals = arguments.positionals();
        if positionals.len() > 1 {
            let message = format!(
                "dict expected at most 1 argument, got {}",
                positionals.len()
            );
            return Err(host.runtime().type_error(message));
        }
        let dict = host.runtime().new_dict();
        let runtime = host.runtime();
        let mark = runtime.root_mark();
        runtime.push_root(dict);
        let result = (|| {
            if let Some(&source) = positionals.first() {
                crate::types::dict::update_from(host, dict, source)?;
            }
            for (keyword, value) in arguments.keywords() {
                crate::types::dict::set_value(host, dict, keyword, value)?;
            }
            Ok(dict)
        })();
        host.runtime().pop_roots(mark);
        return result;
    }
    if class == types.set || class == types.frozenset {
        no_keywords(host, &arguments, name)?;
        expect_arguments(host, &arguments, name, 0, 1)?;
        return match values.first() {
            Some(&iterable) => {
                crate::types::set::new_from_iterable(host, iterable, class == types.frozenset)
            }
            None => crate::types::set::new_from(host, &[], class == types.frozenset),
        };
    }
    if class == types.range {
        return range(host, arguments);
    }
    if class == types.slice {
        expect_arguments(host, &arguments, "slice", 1, 3)?;
        let (start, stop, step) = match values.len() {
            1 => (Value::NONE, values[0], Value::NONE),
            2 => (values[0], values[1], Value::NONE),
            _ => (values[0], values[1], values[2]),
        };
        return Ok(host
            .runtime()
            .heap
            .allocate(Payload::Slice { start, stop, step }));
    }
    if class == types.none_type {
        if !values.is_empty() {
            return Err(host.runtime().type_error("NoneType takes no arguments"));
        }
        return Ok(Value::NONE);
    }
    if class == types.object {
        if !values.is_empty() {
            return Err(host.runtime().type_error("object() takes no arguments"));
        }
        return Ok(host.runtime().new_instance(class, Layout::Object));
    }
    if class == types.enumerate {
        let mut start = Value::small_int(0).unwrap_or(Value::NONE);
        for (keyword, value) in arguments.keywords() {
            if str_value(keyword) == Some("start") {
                start = value;
            } else {
                let message = format!(
                    "'{}' is an invalid keyword argument for enumerate()",
                    str_value(keyword).unwrap_or("?")
                );
                return Err(host.runtime().type_error(message));
            }
        }
        let positionals = arguments.positionals();
        if positionals.is_empty() || positionals.len() > 2 {
            return Err(host
                .runtime()
                .type_error("enumerate() missing required argument 'iterable'"));
        }
        if let Some(&explicit) = positionals.get(1) {
            start = explicit;
        }
        let start = enumerate_start(host, start)?;
        let iterator = iterate(host, positionals[0])?;
        return Ok(host
            .runtime()
            .heap
            .allocate(Payload::Iterator(IteratorKind::Enumerate {
                iterator,
                count: Cell::new(start),
            })));
    }
    if class == types.zip {
        let mut strict = false;
        for (keyword, value) in arguments.keywords() {
            let keyword = str_value(keyword).unwrap_or("");
            if keyword != "strict" {
                let message = format!("'{keyword}' is an invalid keyword argument for zip()");
                return Err(host.runtime().type_error(message));
            }
            strict = crate::protocol::is_true(host, value)?;
        }
        let mut iterators = Vec::with_capacity(values.len());
        for &iterable in arguments.positionals() {
            iterators.push(iterate(host, iterable)?);
        }
        return Ok(host
            .runtime()
            .heap
            .allocate(Payload::Iterator(IteratorKind::Zip {
                iterators: iterators.into_boxed_slice(),
                strict,
            })));
    }
    if class == types.map {
        no_keywords(host, &arguments, "map")?;
        if values.len() < 2 {
            return Err(host
                .runtime()
                .type_error("map() must have at least two arguments."));
        }
        let mut iterators = Vec::with_capacity(values.len() - 1);
        for &iterable in &values[1..] {
            iterators.push(iterate(host, iterable)?);
        }
        return Ok(host
            .runtime()
            .heap
            .allocate(Payload::Iterator(IteratorKind::Map {
                function: values[0],
                iterators: iterators.into_boxed_slice(),
            })));
    }
    if class == types.filter {
        no_keywords(host, &arguments, "filter")?;
        expect_arguments(host, &arguments, "filter", 2, 2)?;
        let iterator = iterate(host, values[1])?;
        return Ok(host
            .runtime()
            .heap
            .allocate(Payload::Iterator(IteratorKind::Filter {
                function: values[0],
                iterator,
            })));
    }
    if class == types.reversed {
        no_keywords(host, &arguments, "reversed")?;
        expect_arguments(host, &arguments, "reversed", 1, 1)?;
        return reversed(host, values[0]);
    }
    if class == types.staticmethod || class == types.classmethod {
        expect_arguments(host, &arguments, name, 1, 1)?;
        let payload = if class == types.staticmethod {
            Payload::StaticMethod(values[0])
        } else {
            Payload::ClassMethod(values[0])
        };
        return Ok(host.runtime().heap.allocate(payload));
    }
    if class == types.property {
        let mut slots = [Value::NONE; 4];
        for (index, &value) in arguments.positionals().iter().enumerate().take(4) {
            slots[index] = value;
        }
        for (keyword, value) in arguments.keywords() {
            match str_value(keyword) {
                Some("fget") => slots[0] = value,
                Some("fset") => slots[1] = value,
                Some("fdel") => slots[2] = value,
                Some("doc") => slots[3] = value,
                _ => {}
            }
        }
        return Ok(host.runtime().heap.allocate(Payload::Property {
            getter: slots[0],
            setter: slots[1],
            deleter: slots[2],
            doc: slots[3],
        }));
    }
    if class == types.super_ {
        return super_(host, arguments);
    }
    if class == types.complex {
        return crate::types::complex::construct(host, arguments);
    }
    if class == types.bytes {
        return crate::types::bytes::construct(host, crate::types::bytes::Kind::Bytes, arguments);
    }
    if class == types.bytearray {
        return crate::types::bytes::construct(
            host,
            crate::types::bytes::Kind::ByteArray,
            arguments,
        );
    }
    if class == types.memoryview {
        return crate::types::memoryview::construct(host, arguments);
    }
    if class == types.method {
        // types.MethodType(function, instance)
        no_keywords(host, &arguments, "method")?;
        expect_arguments(host, &arguments, "method", 2, 2)?;
        let (function, receiver) = (values[0], values[1]);
        let check = Arguments {
            values: &values[..1],
            keyword_names: &[],
        };
        if crate::builtins::functions::callable(host, check)? != Value::TRUE {
            return Err(host.runtime().type_error("first argument must be callable"));
        }
        if receiver.is_none() {
            return Err(host.runtime().type_error("instance must not be None"));
        }
        return Ok(host
            .runtime()
            .heap
            .allocate(Payload::BoundMethod { function, receiver }));
    }
    if class == types.module {
        return module(host, arguments);
    }
    if class == types.generic_alias {
        // types.GenericAlias(origin, args)
        no_keywords(host, &arguments, "GenericAlias")?;
        expect_arguments(host, &arguments, "GenericAlias", 2, 2)?;
        let runtime = host.runtime();
        return Ok(crate::types::generic_alias::new_alias(
            runtime, values[0], values[1],
        ));
    }
    // `type(None)()`, `type(NotImplemented)()`, `type(...)()`: the singletons.
    for (singleton_class, singleton, singleton_name) in [
        (types.none_type, Value::NONE, "NoneType"),
        (
            types.not_implemented_type,
            Value::NOT_IMPLEMENTED,
            "NotImplementedType",
        ),
        (types.ellipsis, Value::ELLIPSIS, "ellipsis"),
    ] {
        if class == singleton_class {
            if !values.is_empty() {
                let message = format!("{singleton_name} takes no arguments");
                return Err(host.runtime().type_error(message));
            }
            return Ok(singleton);
        }
    }
    if as_type(class).is_some_and(|class_object| class_object.layout == Layout::Exception) {
        return crate::types::exception::construct(host, class, arguments);
    }
    let message = format!("cannot create '{name}' instances");
    Err(host.runtime().type_error(message))
}

pub(crate) fn reversed(host: &mut dyn Host, sequence: Value) -> PyResult<Value> {
    if let Some(base) = crate::protocol::base_value(sequence) {
        // A subclass of a builtin sequence or dict reverses its builtin value unless it
        // overrides how (list and dict have their own `__reversed__`; the others go through
        // `__len__`/`__getitem__`).
        let runtime = host.runtime();
        let names = runtime.names;
        let own_reversed = matches!(
            base.as_object().map(|object| &object.payload),
            Some(Payload::List(_) | Payload::Dict(_))
        );
        let dunders: &[Value] = if own_reversed {
            &[names.__reversed__]
        } else {
            &[names.__reversed__, names.__len__, names.__getitem__]
        };
        let delegated = crate::protocol::delegate(runtime, sequence, dunders);
        if delegated != sequence {
            return reversed(host, delegated);
        }
    }
    match sequence.as_object().map(|object| &object.payload) {
        Some(Payload::List(items)) => {
            let remaining = Cell::new(items.get().len());
            Ok(host
                .runtime()
                .heap
                .allocate(Payload::Iterator(IteratorKind::ReversedSequence {
                    sequence,
                    remaining,
                })))
        }
        Some(Payload::Tuple(items)) => {
            let remaining = Cell::new(items.len());
            Ok(host
                .runtime()
                .heap
                .allocate(Payload::Iterator(IteratorKind::ReversedSequence {
                    sequence,
                    remaining,
                })))
        }
        Some(Payload::Range { start, step, .. }) => {
            let (start, step) = (*start, *step);
            let count = crate::types::range::length(sequence) as i64;
            let last = start + (count - 1) * step;
            Ok(host
                .runtime()
                .heap
                .allocate(Payload::Iterator(IteratorKind::Range {
                    next: Cell::new(last),
                    stop: start - step,
                    step: -step,
                })))
        }
        Some(Payload::Str(_)) | Some(Payload::DictView(..)) | Some(Payload::Dict(_)) => {
            let items = collect(host, sequence)?;
            let list = host.runtime().new_list(items);
            reversed(host, list)
        }
        _ => {
            let runtime = host.runtime();
            let name = runtime.names.__reversed__;
            if let Some(result) = crate::protocol::call_special(host, sequence, name, &[])? {
                return Ok(result);
            }
            let runtime = host.runtime();
            let class = crate::protocol::type_of(runtime, sequence);
            let (len_name, getitem_name) = (runtime.names.__len__, runtime.names.__getitem__);
            if crate::protocol::lookup_in_type(runtime, class, len_name).is_some()
                && crate::protocol::lookup_in_type(runtime, class, getitem_name).is_some()
            {
                let length = crate::protocol::length(host, sequence)?;
                let mut items = Vec::with_capacity(length);
                for index in (0..length).rev() {
                    let key = host.runtime().new_int(index as i64);
                    items.push(crate::protocol::get_item(host, sequence, key)?);
                }
                let list = host.runtime().new_list(items);
                return iterate(host, list);
            }
            let runtime = host.runtime();
            let message = format!(
                "'{}' object is not reversible",
                type_name(runtime, sequence)
            );
            Err(runtime.type_error(message))
        }
    }
}

fn super_(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    let (class, object) = match positionals.len() {
        0 => {
            let (object, class) = host.super_arguments()?;
            (class, object)
        }
        2 => (positionals[0], positionals[1]),
        1 => (positionals[0], Value::NONE),
        _ => {
            return Err(host
                .runtime()
                .type_error("super() takes at most 2 arguments"))
        }
    };
    if as_type(class).is_none() {
        let runtime = host.runtime();
        let message = format!(
            "super() argument 1 must be a type, not {}",
            type_name(runtime, class)
        );
        return Err(runtime.type_error(message));
    }
    // CPython's `supercheck`: the object must be an instance or a subclass of the class.
    if !object.is_none() {
        let runtime = host.runtime();
        let is_subclass = as_type(object).is_some() && crate::protocol::is_subclass(object, class);
        if !is_subclass && !crate::protocol::is_instance(runtime, object, class) {
            return Err(
                runtime.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
    }
    Ok(host
        .runtime()
        .heap
        .allocate(Payload::Super { class, object }))
}

fn int(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let mut base_value = Value::NULL;
    for (keyword, value) in arguments.keywords() {
        if str_value(keyword) == Some("base") {
            base_value = value;
        } else {
            let message = format!(
                "'{}' is an invalid keyword argument for int()",
                str_value(keyword).unwrap_or("?")
            );
            return Err(host.runtime().type_error(message));
        }
    }
    let positionals = arguments.positionals();
    if positionals.len() > 2 {
        let message = format!(
            "int() takes at most 2 arguments ({} given)",
            positionals.len()
        );
        return Err(host.runtime().type_error(message));
    }
    if let Some(&explicit) = positionals.get(1) {
        base_value = explicit;
    }
    let Some(&value) = positionals.first() else {
        return Ok(Value::small_int(0).unwrap_or(Value::NONE));
    };
    if !base_value.is_null() {
        let Some(base) = as_int(base_value).and_then(|base| base.to_i64()) else {
            let runtime = host.runtime();
            let message = format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(runtime, base_value)
            );
            return Err(runtime.type_error(message));
        };
        if base != 0 && !(2..=36).contains(&base) {
            return Err(host
                .runtime()
                .value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        if let Some(data) = crate::types::bytes::buffer(value) {
            return parse_int_bytes(host, &data, base as u32);
        }
        let Some(text) = str_value(value) else {
            return Err(host
                .runtime()
                .type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int(host, text, base as u32);
    }
    if value.is_bool() {
        return Ok(host.runtime().new_int(i64::from(value == Value::TRUE)));
    }
    if let Some(int) = as_int(value) {
        // An int subclass converts to a plain int.
        return Ok(match int {
            IntValue::Small(small) => host.runtime().new_int(small),
            IntValue::Big(big) => host.runtime().new_bigint(big.clone()),
        });
    }
    if let Some(float) = value.as_float() {
        return crate::types::int::from_float(host.runtime(), float);
    }
    if let Some(text) = str_value(value) {
        return parse_int(host, text, 10);
    }
    if let Some(data) = crate::types::bytes::buffer(value) {
        return parse_int_bytes(host, &data, 10);
    }
    let runtime = host.runtime();
    let names = runtime.names;
    for name in [names.__int__, names.__index__, names.__trunc__] {
        if let Some(result) = crate::protocol::call_special(host, value, name, &[])? {
            return Ok(result);
        }
    }
    let runtime = host.runtime();
    let message = format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(runtime, value)
    );
    Err(runtime.type_error(message))
}

/// `int(data, base)` for a bytes-like `data`: its ASCII text parsed; errors show its repr.
fn parse_int_bytes(host: &mut dyn Host, data: &[u8], base: u32) -> PyResult<Value> {
    let text: String = data.iter().map(|&byte| char::from(byte)).collect();
    crate::types::int::check_parse_digits(host.runtime(), &text, base)?;
    match crate::types::int::parse(&text, base).filter(|_| data.is_ascii()) {
        Some(big) => Ok(host.runtime().new_bigint(big)),
        None => {
            let message = format!(
                "invalid literal for int() with base {base}: {}",
                crate::protocol::represent::bytes_repr(data)
            );
            Err(host.runtime().value_error(message))
        }
    }
}

fn parse_int(host: &mut dyn Host, text: &str, base: u32) -> PyResult<Value> {
    crate::types::int::check_parse_digits(host.runtime(), text, base)?;
    match crate::types::int::parse(text, base) {
        Some(big) => Ok(host.runtime().new_bigint(big)),
        None => {
            let message = format!(
                "invalid literal for int() with base {base}: {}",
                crate::types::str::repr(text)
            );
            Err(host.runtime().value_error(message))
        }
    }
}

fn float(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "float")?;
    expect_arguments(host, &arguments, "float", 0, 1)?;
    let Some(&value) = arguments.values.first() else {
        return Ok(Value::float(0.0));
    };
    if value.is_float() {
        return Ok(value);
    }
    if let Some(int) = as_int(value) {
        return crate::types::int::to_float(host.runtime(), &int).map(Value::float);
    }
    if let Some(text) = str_value(value) {
        return match crate::types::float::parse(text) {
            Some(float) => Ok(Value::float(float)),
            None => {
                let message = format!(
                    "could not convert string to float: {}",
                    crate::types::str::repr(text)
                );
                Err(host.runtime().value_error(message))
            }
        };
    }
    if let Some(data) = crate::types::bytes::buffer(value) {
        let text: String = data.iter().map(|&byte| char::from(byte)).collect();
        return match crate::types::float::parse(&text).filter(|_| data.is_ascii()) {
            Some(float) => Ok(Value::float(float)),
            None => {
                let message = format!(
                    "could not convert string to float: {}",
                    crate::protocol::represent::bytes_repr(&data)
                );
                Err(host.runtime().value_error(message))
            }
        };
    }
    let runtime = host.runtime();
    let names = runtime.names;
    if let Some(result) = crate::protocol::call_special(host, value, names.__float__, &[])? {
        return Ok(result);
    }
    if let Some(result) = crate::protocol::call_special(host, value, names.__index__, &[])? {
        if let Some(int) = as_int(result) {
            return crate::types::int::to_float(host.runtime(), &int).map(Value::float);
        }
    }
    let runtime = host.runtime();
    let message = format!(
        "float() argument must be a string or a real number, not '{}'",
        type_name(runtime, value)
    );
    Err(runtime.type_error(message))
}

fn str(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "str", 0, 3)?;
    let positionals = arguments.positionals();
    let mut slots = [
        positionals.first().copied(),
        positionals.get(1).copied(),
        positionals.get(2).copied(),
    ];
    for (keyword, value) in arguments.keywords() {
        match str_value(keyword) {
            Some("object") => slots[0] = Some(value),
            Some("encoding") => slots[1] = Some(value),
            Some("errors") => slots[2] = Some(value),
            other => {
                let message = format!(
                    "'{}' is an invalid keyword argument for str()",
                    other.unwrap_or("?")
                );
                return Err(host.runtime().type_error(message));
            }
        }
    }
    let [object, encoding, errors] = slots;
    if encoding.is_none() && errors.is_none() {
        return match object {
            Some(value) => crate::protocol::to_str(host, value),
            None => Ok(host.runtime().intern("")),
        };
    }
    // `str(data, encoding, errors)` decodes.
    let mut text_argument =
        |value: Option<Value>, parameter: &str, default: &'static str| -> PyResult<&'static str> {
            let Some(value) = value else {
                return Ok(default);
            };
            match str_value(value) {
                Some(text) => Ok(text),
                None => {
                    let runtime = host.runtime();
                    let message = format!(
                        "str() argument '{parameter}' must be str, not {}",
                        type_name(runtime, value)
                    );
                    Err(runtime.type_error(message))
                }
            }
        };
    let encoding = text_argument(encoding, "encoding", "utf-8")?;
    let errors = text_argument(errors, "errors", "strict")?;
    let Some(object) = object else {
        return Ok(host.runtime().intern(""));
    };
    if str_value(object).is_some() {
        return Err(host.runtime().type_error("decoding str is not supported"));
    }
    let Some(data) = crate::types::bytes::buffer(object) else {
        let runtime = host.runtime();
        let message = format!(
            "decoding to str: need a bytes-like object, {} found",
            type_name(runtime, object)
        );
        return Err(runtime.type_error(message));
    };
    let data = data.into_owned();
    let text = crate::types::bytes::decode_text(host, &data, encoding, errors)?;
    Ok(host.runtime().new_string(text))
}

fn range(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "range")?;
    let values = arguments.values;
    if values.is_empty() || values.len() > 3 {
        let message = if values.is_empty() {
            "range expected at least 1 argument, got 0".to_string()
        } else {
            format!("range expected at most 3 arguments, got {}", values.len())
        };
        return Err(host.runtime().type_error(message));
    }
    let mut numbers = [0i64; 3];
    for (index, &value) in values.iter().enumerate() {
        let value = crate::protocol::number::through_index(host, value)?;
        numbers[index] = match as_int(value) {
            Some(IntValue::Small(small)) => small,
            // Bounds up to 2**62 in size keep every difference and step within an i64.
            Some(IntValue::Big(big)) => match num_traits::ToPrimitive::to_i64(big) {
                Some(number) if number.unsigned_abs() <= 1 << 62 => number,
                _ => {
                    return Err(host
                        .runtime()
                        .overflow_error("Python int too large to convert to C ssize_t"))
                }
            },
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(runtime, value)
                );
                return Err(runtime.type_error(message));
            }
        };
    }
    let (start, stop, step) = match values.len() {
        1 => (0, numbers[0], 1),
        2 => (numbers[0], numbers[1], 1),
        _ => (numbers[0], numbers[1], numbers[2]),
    };
    if step == 0 {
        return Err(host.runtime().value_error("range() arg 3 must not be zero"));
    }
    Ok(host
        .runtime()
        .heap
        .allocate(Payload::Range { start, stop, step }))
}

/// A new empty set value (for `set()` from Rust code).
pub fn empty_set(host: &mut dyn Host) -> Value {
    host.runtime()
        .heap
        .allocate(Payload::Set(Box::new(Mutable::new(
            crate::dict::Dict::new_set(),
        ))))
}

/// `module(name, doc=None)`.
fn module(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let mut slots = [Value::NULL, Value::NULL];
    for (index, &value) in arguments.positionals().iter().enumerate() {
        if index >= 2 {
            let message = format!(
                "module() takes at most 2 arguments ({} given)",
                arguments.values.len()
            );
            return Err(host.runtime().type_error(message));
        }
        slots[index] = value;
    }
    for (keyword, value) in arguments.keywords() {
        let index = match str_value(keyword) {
            Some("name") => 0,
            Some("doc") => 1,
            other => {
                let message = format!(
                    "module() got an unexpected keyword argument '{}'",
                    other.unwrap_or("?")
                );
                return Err(host.runtime().type_error(message));
            }
        };
        if !slots[index].is_null() {
            let message = format!(
                "argument for module() given by name ('{}') and position ({})",
                ["name", "doc"][index],
                index + 1
            );
            return Err(host.runtime().type_error(message));
        }
        slots[index] = value;
    }
    let [name, doc] = slots;
    if name.is_null() {
        return Err(host
            .runtime()
            .type_error("module() missing required argument 'name' (pos 1)"));
    }
    let Some(text) = str_value(name) else {
        let runtime = host.runtime();
        let message = format!(
            "module() argument 'name' must be str, not {}",
            crate::protocol::type_name(runtime, name)
        );
        return Err(runtime.type_error(message));
    };
    let text = text.to_owned();
    let runtime = host.runtime();
    let module = runtime.new_module(&text);
    if !doc.is_null() {
        if let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload)
        {
            let key = runtime.names.__doc__;
            crate::types::dict::set_str_key(runtime, *dict, key, doc);
        }
    }
    let key = runtime.intern("__package__");
    let loader = runtime.intern("__loader__");
    let spec = runtime.intern("__spec__");
    if let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload) {
        for key in [key, loader, spec] {
            crate::types::dict::set_str_key(runtime, *dict, key, Value::NONE);
        }
    }
    Ok(module)
}

/// `enumerate`'s start as an exact int, as CPython's `PyNumber_Index` makes it: a bool or an
/// int subclass counts from its int value, an object with `__index__` from what that returns,
/// anything else is a TypeError.
fn enumerate_start(host: &mut dyn Host, start: Value) -> PyResult<Value> {
    let start = crate::protocol::number::through_index(host, start)?;
    match as_int(start) {
        Some(IntValue::Small(small)) => Ok(host.runtime().new_int(small)),
        Some(IntValue::Big(big)) => {
            let big = big.clone();
            Ok(host.runtime().new_bigint(big))
        }
        None => {
            let runtime = host.runtime();
            let message = format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(runtime, start)
            );
            Err(runtime.type_error(message))
        }
    }
}
