//! The builtin functions: `print`, `len`, `sorted`, `min`, `isinstance`, …

use crate::builtins::{expect_arguments, no_keywords};
use crate::object::{IteratorKind, Payload};
use crate::protocol::{
    as_type, call, collect, compare_bool, is_instance, is_subclass, is_true, iterate, next, repr,
    str_string, str_value, type_name, type_of,
};
use crate::stream::TextStream;
use crate::types::int::{as_int, IntValue};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};
use krait_compiler::{BinaryOperator, Comparison};
use std::io::IsTerminal;

/// Every builtin function: `(name, implementation)`.
pub const FUNCTIONS: &[(&str, crate::object::NativeFunctionPointer)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr_function),
    ("ascii", ascii),
    ("abs", abs),
    ("round", round),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("sorted", sorted),
    ("any", any),
    ("all", all),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("hash", hash),
    ("id", id),
    ("iter", iter),
    ("next", next_function),
    ("ord", ord),
    ("chr", chr),
    ("divmod", divmod),
    ("pow", pow),
    ("input", input),
    ("callable", callable),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("format", format),
    ("bin", bin),
    ("oct", oct),
    ("hex", hex),
    ("__build_class__", crate::types::type_::build_class),
    ("__import__", import),
    ("open", crate::modules::io::builtin_open),
    ("globals", globals),
    ("locals", locals),
];

/// `sys.stdout` when the `sys` module has been imported.
fn sys_stdout(runtime: &mut crate::Runtime) -> Option<Value> {
    let key = runtime.intern("sys");
    let module = crate::types::dict::get_str_key(runtime, runtime.modules, key)?;
    let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload)
    else {
        return None;
    };
    let key = runtime.intern("stdout");
    crate::types::dict::get_str_key(runtime, *dict, key)
}

fn print(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let mut separator = " ".to_string();
    let mut end = "\n".to_string();
    let mut stream = TextStream::Stdout;
    let mut file_object = Value::NONE;
    let mut flush = false;
    let mut file_given = false;
    for (keyword, value) in arguments.keywords() {
        match str_value(keyword) {
            Some("sep") => {
                if !value.is_none() {
                    separator = match str_value(value) {
                        Some(text) => text.to_owned(),
                        None => {
                            let runtime = host.runtime();
                            let message = format!(
                                "sep must be None or a string, not {}",
                                type_name(runtime, value)
                            );
                            return Err(runtime.type_error(message));
                        }
                    };
                }
            }
            Some("end") => {
                if !value.is_none() {
                    end = match str_value(value) {
                        Some(text) => text.to_owned(),
                        None => {
                            let runtime = host.runtime();
                            let message = format!(
                                "end must be None or a string, not {}",
                                type_name(runtime, value)
                            );
                            return Err(runtime.type_error(message));
                        }
                    };
                }
            }
            Some("file") => {
                file_given = !value.is_none();
                if !value.is_none() {
                    match value.as_object().map(|object| &object.payload) {
                        Some(Payload::TextStream(target)) => stream = *target,
                        _ => file_object = value,
                    }
                }
            }
            Some("flush") => flush = is_true(host, value)?,
            other => {
                let message = format!(
                    "'{}' is an invalid keyword argument for print()",
                    other.unwrap_or("?")
                );
                return Err(host.runtime().type_error(message));
            }
        }
    }
    if !file_given {
        // `sys.stdout` may have been replaced: look it up each time.
        match sys_stdout(host.runtime()) {
            Some(value) if value.is_none() => return Ok(Value::NONE),
            Some(value) => match value.as_object().map(|object| &object.payload) {
                Some(Payload::TextStream(target)) => stream = *target,
                _ => file_object = value,
            },
            None => {}
        }
    }
    let mut text = String::new();
    for (index, &value) in arguments.positionals().iter().enumerate() {
        if index > 0 {
            text.push_str(&separator);
        }
        text.push_str(&str_string(host, value)?);
    }
    text.push_str(&end);
    if !file_object.is_none() {
        let runtime = host.runtime();
        let write = runtime.names.write;
        let piece = runtime.new_string(text);
        crate::protocol::call_method(host, file_object, write, &[piece])?;
        return Ok(Value::NONE);
    }
    crate::stream::write_or_raise(host, stream, &text)?;
    if flush {
        crate::stream::flush_or_raise(host)?;
    }
    Ok(Value::NONE)
}

fn len(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "len")?;
    expect_arguments(host, &arguments, "len", 1, 1)?;
    let length = crate::protocol::length(host, arguments.values[0])?;
    Ok(host.runtime().new_int(length as i64))
}

fn repr_function(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "repr")?;
    expect_arguments(host, &arguments, "repr", 1, 1)?;
    repr(host, arguments.values[0])
}

fn ascii(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "ascii", 1, 1)?;
    let text = crate::protocol::repr_string(host, arguments.values[0])?;
    let mut out = String::new();
    for character in text.chars() {
        let code = character as u32;
        if code < 0x80 {
            out.push(character);
        } else if code <= 0xff {
            out.push_str(&format!("\\x{code:02x}"));
        } else if code <= 0xffff {
            out.push_str(&format!("\\u{code:04x}"));
        } else {
            out.push_str(&format!("\\U{code:08x}"));
        }
    }
    Ok(host.runtime().new_string(out))
}

fn abs(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "abs", 1, 1)?;
    let value = arguments.values[0];
    if let Some(float) = value.as_float() {
        return Ok(Value::float(float.abs()));
    }
    if let Some(int) = as_int(value) {
        return Ok(match int {
            IntValue::Small(small) => host.runtime().new_int(small.abs()),
            IntValue::Big(big) => host.runtime().new_bigint(num_traits::Signed::abs(big)),
        });
    }
    if let Some(Payload::Complex(real, imaginary)) = value.as_object().map(|object| &object.payload)
    {
        return crate::types::complex::abs(host.runtime(), (*real, *imaginary)).map(Value::float);
    }
    let runtime = host.runtime();
    let name = runtime.names.__abs__;
    if let Some(result) = crate::protocol::call_special(host, value, name, &[])? {
        return Ok(result);
    }
    let runtime = host.runtime();
    let message = format!(
        "bad operand type for abs(): '{}'",
        type_name(runtime, value)
    );
    Err(runtime.type_error(message))
}

/// Rounds half to even at `digits` decimal places, exactly as CPython (via correctly rounded
/// decimal formatting).
fn round_float(value: f64, digits: i64) -> f64 {
    if !value.is_finite() || digits > 300 {
        return value;
    }
    if digits < -308 {
        return 0.0 * value;
    }
    if digits >= 0 {
        let text = format!("{:.*}", digits as usize, value);
        text.parse().unwrap_or(value)
    } else {
        let scale = 10f64.powi((-digits) as i32);
        let scaled = value / scale;
        let rounded = scaled.round();
        let rounded = if (scaled - scaled.trunc()).abs() == 0.5 {
            2.0 * (scaled / 2.0).round()
        } else {
            rounded
        };
        rounded * scale
    }
}

fn round(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let mut values = arguments.positionals().to_vec();
    for (keyword, value) in arguments.keywords() {
        match str_value(keyword) {
            Some("number") => values.insert(0, value),
            Some("ndigits") => values.push(value),
            _ => {
                return Err(host
                    .runtime()
                    .type_error("round() got an unexpected keyword argument"))
            }
        }
    }
    if values.is_empty() || values.len() > 2 {
        let message = format!("round() takes at most 2 arguments ({} given)", values.len());
        return Err(host.runtime().type_error(if values.is_empty() {
            "round() missing required argument 'number' (pos 1)".to_string()
        } else {
            message
        }));
    }
    let value = values[0];
    let digits = match values.get(1) {
        None | Some(&Value::NONE) => None,
        Some(&digits) => match as_int(crate::protocol::number::through_index(host, digits)?)
            .and_then(|digits| digits.to_i64())
        {
            Some(digits) => Some(digits),
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(runtime, digits)
                );
                return Err(runtime.type_error(message));
            }
        },
    };
    if let Some(float) = value.as_float() {
        return match digits {
            None => {
                let rounded = float.round_ties_even();
                crate::types::int::from_float(host.runtime(), rounded)
            }
            Some(digits) => Ok(Value::float(round_float(float, digits))),
        };
    }
    if let Some(int) = as_int(value) {
        let Some(digits) = digits.filter(|&digits| digits < 0) else {
            return Ok(if value.is_bool() {
                host.runtime().new_int(int.to_i64().unwrap_or(0))
            } else {
                value
            });
        };
        let big = int.to_bigint().into_owned();
        let scale = num_traits::pow::Pow::pow(num_bigint::BigInt::from(10), (-digits) as u32);
        let (quotient, remainder) = num_integer::Integer::div_mod_floor(&big, &scale);
        let twice: num_bigint::BigInt = &remainder * 2;
        let quotient = match twice.cmp(&scale) {
            std::cmp::Ordering::Greater => quotient + 1,
            std::cmp::Ordering::Equal if num_integer::Integer::is_odd(&quotient) => quotient + 1,
            _ => quotient,
        };
        return Ok(host.runtime().new_bigint(quotient * scale));
    }
    let runtime = host.runtime();
    let name = runtime.names.__round__;
    let extra: Vec<Value> = values[1..].to_vec();
    if let Some(result) = crate::protocol::call_special(host, value, name, &extra)? {
        return Ok(result);
    }
    let runtime = host.runtime();
    let message = format!(
        "type {} doesn't define __round__ method",
        type_name(runtime, value)
    );
    Err(runtime.type_error(message))
}

fn min_max(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    operator: Comparison,
) -> PyResult<Value> {
    let mut key = Value::NONE;
    let mut default = Value::NULL;
    for (keyword, value) in arguments.keywords() {
        match str_value(keyword) {
            Some("key") => key = value,
            Some("default") => default = value,
            other => {
                let message = format!(
                    "'{}' is an invalid keyword argument for {name}()",
                    other.unwrap_or("?")
                );
                return Err(host.runtime().type_error(message));
            }
        }
    }
    let positionals = arguments.positionals();
    let items = match positionals.len() {
        0 => {
            let message = format!("{name} expected at least 1 argument, got 0");
            return Err(host.runtime().type_error(message));
        }
        1 => collect(host, positionals[0])?,
        _ => {
            if !default.is_null() {
                let message = format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                );
                return Err(host.runtime().type_error(message));
            }
            positionals.to_vec()
        }
    };
    if items.is_empty() {
        if !default.is_null() {
            return Ok(default);
        }
        let message = format!("{name}() arg is an empty sequence");
        return Err(host.runtime().value_error(message));
    }
    // Small ints with no key compare without the protocol (and need no rooting): the first
    // of equal items wins, as in the loop below, and equal small ints are the same value.
    if key.is_none() {
        if let Some(best) = small_int_extreme(&items, operator) {
            return Ok(best);
        }
    }
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    // Items collected from an iterable are rooted while comparisons may run Python code; the
    // positional arguments are already rooted by the caller's stack.
    if positionals.len() == 1 {
        let holder = runtime.new_list(items.clone());
        runtime.push_root(holder);
    }
    let result = (|| {
        let mut best = items[0];
        let mut best_key = if key.is_none() {
            best
        } else {
            call(host, key, &[best], &[])?
        };
        // Two root slots, reused: the best key so far and the key being compared.
        let best_slot = host.runtime().root_mark();
        host.runtime().push_root(best_key);
        let item_slot = host.runtime().root_mark();
        host.runtime().push_root(Value::NONE);
        for &item in &items[1..] {
            let item_key = if key.is_none() {
                item
            } else {
                call(host, key, &[item], &[])?
            };
            host.runtime().set_root(item_slot, item_key);
            if compare_bool(host, item_key, best_key, operator)? {
                best = item;
                best_key = item_key;
                host.runtime().set_root(best_slot, best_key);
            }
        }
        Ok(best)
    })();
    host.runtime().pop_roots(mark);
    result
}

fn min(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    min_max(host, arguments, "min", Comparison::Less)
}

fn max(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    min_max(host, arguments, "max", Comparison::Greater)
}

fn sum(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let mut start = Value::small_int(0).unwrap_or(Value::NONE);
    for (keyword, value) in arguments.keywords() {
        if str_value(keyword) == Some("start") {
            start = value;
        } else {
            return Err(host
                .runtime()
                .type_error("sum() got an unexpected keyword argument"));
        }
    }
    let positionals = arguments.positionals();
    expect_arguments(host, &Arguments::positional(positionals), "sum", 1, 2)?;
    if let Some(&explicit) = positionals.get(1) {
        start = explicit;
    }
    if str_value(start).is_some() {
        return Err(host
            .runtime()
            .type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    // An exact list or tuple is walked by index, as its iterator would walk it (the list's
    // current length at each step), without making the iterator: `sum(w)` of a small tuple
    // costs the iterator's allocation otherwise.
    let source = positionals[0];
    let runtime = host.runtime();
    let class = type_of(runtime, source);
    let by_index = class == runtime.types.list || class == runtime.types.tuple;
    let iterator = if by_index {
        source
    } else {
        iterate(host, source)?
    };
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    runtime.push_root(iterator);
    let total_slot = runtime.root_mark();
    runtime.push_root(start);
    let result = (|| {
        let mut total = start;
        let mut position = 0;
        loop {
            let item = if by_index {
                match sequence_item(source, position) {
                    Some(item) => item,
                    None => break,
                }
            } else {
                match next(host, iterator)? {
                    Some(item) => item,
                    None => break,
                }
            };
            position += 1;
            // Small ints add without the protocol (as CPython's sum keeps a C long); the sum
            // of two 48-bit ints fits an i64, and `new_int` makes a big int past 48 bits. A
            // small int total needs no rooting (the slot may keep an older total alive).
            if let (Some(left), Some(right)) = (total.as_small_int(), item.as_small_int()) {
                if let Some(small) = Value::small_int(left + right) {
                    total = small;
                    continue;
                }
                total = host.runtime().new_int(left + right);
            } else {
                total = crate::protocol::binary_op(host, total, item, BinaryOperator::Add)?;
            }
            host.runtime().set_root(total_slot, total);
        }
        Ok(total)
    })();
    host.runtime().pop_roots(mark);
    result
}

/// The item at `position` of an exact list (its current items) or tuple, or None past its end.
fn sequence_item(sequence: Value, position: usize) -> Option<Value> {
    match &sequence.as_object()?.payload {
        Payload::List(items) => items.get().get(position).copied(),
        Payload::Tuple(items) => items.get(position).copied(),
        _ => None,
    }
}

/// `min`/`max` (`operator` Less or Greater: the item replaces the best so far when it
/// compares so) of `items` when every one is a small int; None otherwise.
fn small_int_extreme(items: &[Value], operator: Comparison) -> Option<Value> {
    let (&first, rest) = items.split_first()?;
    let mut best = first.as_small_int()?;
    let mut best_value = first;
    for &item in rest {
        let number = item.as_small_int()?;
        let replaces = match operator {
            Comparison::Less => number < best,
            Comparison::Greater => number > best,
            _ => return None,
        };
        if replaces {
            best = number;
            best_value = item;
        }
    }
    Some(best_value)
}

fn sorted(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    if positionals.len() != 1 {
        let message = format!("sorted expected 1 argument, got {}", positionals.len());
        return Err(host.runtime().type_error(message));
    }
    let (key, reverse) = crate::types::list::sort_options(host, &arguments, "sort")?;
    let items = collect(host, positionals[0])?;
    let list = host.runtime().new_list(items);
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    runtime.push_root(list);
    let result = crate::types::list::sort_list(host, list, key, reverse);
    host.runtime().pop_roots(mark);
    result.map(|()| list)
}

fn any_all(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    looking_for: bool,
) -> PyResult<Value> {
    no_keywords(host, &arguments, name)?;
    expect_arguments(host, &arguments, name, 1, 1)?;
    let iterator = iterate(host, arguments.values[0])?;
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    runtime.push_root(iterator);
    let result = (|| {
        while let Some(item) = next(host, iterator)? {
            if is_true(host, item)? == looking_for {
                return Ok(Value::bool(looking_for));
            }
        }
        Ok(Value::bool(!looking_for))
    })();
    host.runtime().pop_roots(mark);
    result
}

fn any(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    any_all(host, arguments, "any", true)
}

fn all(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    any_all(host, arguments, "all", false)
}

/// `isinstance`/`issubclass` against a class or a tuple of classes (recursively).
fn class_check(
    host: &mut dyn Host,
    subject: Value,
    classes: Value,
    instance: bool,
    name: &str,
) -> PyResult<bool> {
    if instance {
        // CPython's order: an object's exact class answers at once (even when a metaclass
        // defines `__instancecheck__`), and a class whose metaclass is exactly `type` has no
        // hook to consult.
        let runtime = host.runtime();
        let subject_class = type_of(runtime, subject);
        if subject_class == classes {
            return Ok(true);
        }
        if type_of(runtime, classes) == runtime.types.type_ {
            return Ok(is_instance(runtime, subject, classes));
        }
    }
    if let Some(Payload::Tuple(items)) = classes.as_object().map(|object| &object.payload) {
        for &class in items.iter() {
            if class_check(host, subject, class, instance, name)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if crate::types::generic_alias::union_arguments(classes).is_some() {
        for class in crate::types::generic_alias::union_members(classes) {
            // An alias member raises when reached (below), after earlier members had their turn.
            if class_check(host, subject, class, instance, name)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if crate::types::generic_alias::alias_parts(classes).is_some() {
        let message = format!("{name}() argument 2 cannot be a parameterized generic");
        return Err(host.runtime().type_error(message));
    }
    // As CPython: any object whose class defines the hook decides (typing's aliases are not
    // classes), not only instances of metaclasses.
    let runtime = host.runtime();
    let hook_name = if instance {
        runtime.names.__instancecheck__
    } else {
        runtime.names.__subclasscheck__
    };
    let metaclass = type_of(runtime, classes);
    if metaclass != runtime.types.type_ {
        if let Some(hook) = crate::protocol::lookup_in_type(runtime, metaclass, hook_name) {
            let result = crate::protocol::attribute::call_bound(host, hook, classes, &[subject])?;
            return is_true(host, result);
        }
    }
    if as_type(classes).is_none() {
        let message = format!("{name}() arg 2 must be a type, a tuple of types, or a union");
        return Err(host.runtime().type_error(message));
    }
    if instance {
        Ok(is_instance(host.runtime(), subject, classes))
    } else {
        if as_type(subject).is_none() {
            return Err(host
                .runtime()
                .type_error("issubclass() arg 1 must be a class"));
        }
        Ok(is_subclass(subject, classes))
    }
}

/// `isinstance(subject, class)` with `__instancecheck__` hooks (for class patterns of
/// `match`).
pub fn instance_check(host: &mut dyn Host, subject: Value, class: Value) -> PyResult<bool> {
    class_check(host, subject, class, true, "isinstance")
}

fn isinstance(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "isinstance")?;
    expect_arguments(host, &arguments, "isinstance", 2, 2)?;
    class_check(
        host,
        arguments.values[0],
        arguments.values[1],
        true,
        "isinstance",
    )
    .map(Value::bool)
}

fn issubclass(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "issubclass")?;
    expect_arguments(host, &arguments, "issubclass", 2, 2)?;
    class_check(
        host,
        arguments.values[0],
        arguments.values[1],
        false,
        "issubclass",
    )
    .map(Value::bool)
}

fn hash(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "hash", 1, 1)?;
    let hash = crate::protocol::hash(host, arguments.values[0])?;
    Ok(host.runtime().new_int(hash))
}

fn id(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "id", 1, 1)?;
    let value = arguments.values[0];
    let identity = (value.bits() & ((1 << 47) - 1)) as i64;
    Ok(host.runtime().new_int(identity))
}

fn iter(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "iter")?;
    expect_arguments(host, &arguments, "iter", 1, 2)?;
    if let Some(&sentinel) = arguments.values.get(1) {
        let callable = arguments.values[0];
        return Ok(host
            .runtime()
            .heap
            .allocate(Payload::Iterator(IteratorKind::Callable {
                callable,
                sentinel,
            })));
    }
    iterate(host, arguments.values[0])
}

fn next_function(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "next")?;
    expect_arguments(host, &arguments, "next", 1, 2)?;
    let iterator = arguments.values[0];
    let is_iterator = match iterator.as_object().map(|object| &object.payload) {
        Some(Payload::Iterator(_)) => true,
        Some(Payload::Generator(_)) if crate::types::coroutine::is_generator_iterator(iterator) => {
            true
        }
        _ => {
            let runtime = host.runtime();
            let class = type_of(runtime, iterator);
            let name = runtime.names.__next__;
            crate::protocol::lookup_in_type(runtime, class, name).is_some()
        }
    };
    if !is_iterator {
        let runtime = host.runtime();
        let message = format!(
            "'{}' object is not an iterator",
            type_name(runtime, iterator)
        );
        return Err(runtime.type_error(message));
    }
    // Generators and user iterators report their StopIteration value; keep it when raising.
    if crate::types::coroutine::is_generator_iterator(iterator) {
        return match host.resume_generator(iterator, Value::NONE, Value::NULL)? {
            crate::GeneratorStep::Yielded(value) => Ok(value),
            crate::GeneratorStep::Returned(value) => match arguments.values.get(1) {
                Some(&default) => Ok(default),
                None => Err(host.runtime().stop_iteration(value)),
            },
        };
    }
    if !matches!(
        iterator.as_object().map(|object| &object.payload),
        Some(Payload::Iterator(_))
    ) {
        // A user iterator's own StopIteration (and its value) propagates unchanged.
        let runtime = host.runtime();
        let class = type_of(runtime, iterator);
        let name = runtime.names.__next__;
        if let Some(method) = crate::protocol::lookup_in_type(runtime, class, name) {
            let result = crate::protocol::attribute::call_bound(host, method, iterator, &[]);
            let runtime = host.runtime();
            let stop_iteration = runtime.types.stop_iteration;
            return match result {
                Err(error)
                    if arguments.values.len() > 1
                        && is_instance(runtime, error.exception, stop_iteration) =>
                {
                    Ok(arguments.values[1])
                }
                result => result,
            };
        }
    }
    match next(host, iterator)? {
        Some(value) => Ok(value),
        None => match arguments.values.get(1) {
            Some(&default) => Ok(default),
            None => Err(host.runtime().stop_iteration(Value::NONE)),
        },
    }
}

fn ord(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "ord", 1, 1)?;
    let value = arguments.values[0];
    let Some(text) = str_value(value) else {
        if let Some(Payload::Bytes(bytes)) = value.as_object().map(|object| &object.payload) {
            if bytes.len() == 1 {
                return Ok(host.runtime().new_int(bytes[0] as i64));
            }
        }
        let runtime = host.runtime();
        let message = format!(
            "ord() expected string of length 1, but {} found",
            type_name(runtime, value)
        );
        return Err(runtime.type_error(message));
    };
    let mut characters = text.chars();
    match (characters.next(), characters.next()) {
        (Some(character), None) => Ok(host.runtime().new_int(character as i64)),
        _ => {
            let count = text.chars().count();
            let message = format!("ord() expected a character, but string of length {count} found");
            Err(host.runtime().type_error(message))
        }
    }
}

fn chr(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "chr", 1, 1)?;
    let value = crate::protocol::number::through_index(host, arguments.values[0])?;
    let Some(code) = as_int(value) else {
        let runtime = host.runtime();
        let message = format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(runtime, value)
        );
        return Err(runtime.type_error(message));
    };
    let character = code
        .to_i64()
        .and_then(|code| u32::try_from(code).ok())
        .filter(|&code| code < 0x110000);
    match character {
        Some(code) => {
            let character = char::from_u32(code).unwrap_or('\u{fffd}');
            let mut buffer = [0u8; 4];
            Ok(host.runtime().new_str(character.encode_utf8(&mut buffer)))
        }
        None => Err(host
            .runtime()
            .value_error("chr() arg not in range(0x110000)")),
    }
}

fn divmod(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "divmod", 2, 2)?;
    let (left, right) = (arguments.values[0], arguments.values[1]);
    let both_numbers = |value: Value| value.is_float() || as_int(value).is_some();
    if both_numbers(left) && both_numbers(right) {
        if (left.is_float() || right.is_float())
            && crate::protocol::number::as_complex(right).is_some_and(|(real, _)| real == 0.0)
        {
            return Err(host.runtime().zero_division_error("float divmod()"));
        }
        let quotient = crate::protocol::binary_op(host, left, right, BinaryOperator::FloorDivide)?;
        let remainder = crate::protocol::binary_op(host, left, right, BinaryOperator::Remainder)?;
        return Ok(host.runtime().new_tuple_from(&[quotient, remainder]));
    }
    let runtime = host.runtime();
    let (forward, reflected) = (runtime.names.__divmod__, runtime.names.__rdivmod__);
    if let Some(result) = crate::protocol::call_special(host, left, forward, &[right])? {
        if result != Value::NOT_IMPLEMENTED {
            return Ok(result);
        }
    }
    if let Some(result) = crate::protocol::call_special(host, right, reflected, &[left])? {
        if result != Value::NOT_IMPLEMENTED {
            return Ok(result);
        }
    }
    let runtime = host.runtime();
    let message = format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name(runtime, left),
        type_name(runtime, right)
    );
    Err(runtime.type_error(message))
}

fn pow(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let mut values = arguments.positionals().to_vec();
    for (keyword, value) in arguments.keywords() {
        match str_value(keyword) {
            Some("base") => values.insert(0, value),
            Some("exp") => values.insert(values.len().min(1), value),
            Some("mod") => values.push(value),
            _ => {
                return Err(host
                    .runtime()
                    .type_error("pow() got an unexpected keyword argument"))
            }
        }
    }
    expect_arguments(host, &Arguments::positional(&values), "pow", 2, 3)?;
    match values.get(2) {
        Some(&modulus) if !modulus.is_none() => {
            match (as_int(values[0]), as_int(values[1]), as_int(modulus)) {
                (Some(base), Some(exponent), Some(modulus)) => {
                    crate::types::int::power_modulo(host.runtime(), &base, &exponent, &modulus)
                }
                _ if crate::protocol::base_value(values[0]).is_none()
                    && matches!(
                        values[0].as_object().map(|object| &object.payload),
                        Some(Payload::Instance(_))
                    ) =>
                {
                    // A class's own three-argument `__pow__(exponent, modulus)`.
                    let runtime = host.runtime();
                    let class = type_of(runtime, values[0]);
                    let name = runtime.intern("__pow__");
                    let result = match crate::protocol::lookup_in_type(runtime, class, name) {
                        Some(method) => crate::protocol::attribute::call_bound(
                            host,
                            method,
                            values[0],
                            &[values[1], modulus],
                        )?,
                        None => Value::NOT_IMPLEMENTED,
                    };
                    if result != Value::NOT_IMPLEMENTED {
                        return Ok(result);
                    }
                    let runtime = host.runtime();
                    let message = format!(
                        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                        type_name(runtime, values[0]),
                        type_name(runtime, values[1]),
                        type_name(runtime, modulus)
                    );
                    Err(runtime.type_error(message))
                }
                _ => Err(host.runtime().type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                )),
            }
        }
        _ => crate::protocol::binary_op(host, values[0], values[1], BinaryOperator::Power),
    }
}

fn input(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "input", 0, 1)?;
    if let Some(&prompt) = arguments.values.first() {
        let text = str_string(host, prompt)?;
        crate::stream::write_or_raise(host, TextStream::Stdout, &text)?;
    }
    crate::stream::flush_or_raise(host)?;
    let at_terminal = std::io::stdin().is_terminal();
    if at_terminal {
        // The terminal's echo of Enter ends the prompt's line.
        host.runtime().output.line_ended();
    }
    let interruptible = host.is_main_thread();
    // Other threads run while this one waits for a line. At a terminal, Ctrl-C ends the wait
    // (as CPython), and nothing is read.
    let (read, mut line) = crate::allow_threads(host, || {
        let mut line = String::new();
        if at_terminal && !crate::signals::wait_for_terminal_line(interruptible) {
            return (None, line);
        }
        (Some(std::io::stdin().read_line(&mut line)), line)
    });
    let Some(read) = read else {
        return Err(crate::signals::keyboard_interrupt(host.runtime()));
    };
    match read {
        Ok(0) => {
            let runtime = host.runtime();
            Err(runtime.new_error(runtime.types.eof_error, "EOF when reading a line"))
        }
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(host.runtime().new_string(line))
        }
        Err(error) => {
            let runtime = host.runtime();
            Err(runtime.new_error(runtime.types.os_error, error.to_string()))
        }
    }
}

pub(crate) fn callable(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "callable", 1, 1)?;
    let value = arguments.values[0];
    let result = match value.as_object().map(|object| &object.payload) {
        Some(
            Payload::Function(_)
            | Payload::NativeFunction(_)
            | Payload::BoundMethod { .. }
            | Payload::GenericAlias { .. }
            | Payload::Type(_),
        ) => true,
        _ => {
            let runtime = host.runtime();
            let class = type_of(runtime, value);
            let name = runtime.names.__call__;
            crate::protocol::is_user_class(class)
                && crate::protocol::lookup_in_type(runtime, class, name).is_some()
        }
    };
    Ok(Value::bool(result))
}

fn attribute_name(host: &mut dyn Host, name: Value) -> PyResult<Value> {
    if str_value(name).is_none() {
        let runtime = host.runtime();
        let message = format!(
            "attribute name must be string, not '{}'",
            type_name(runtime, name)
        );
        return Err(runtime.type_error(message));
    }
    Ok(host.runtime().intern_value(name))
}

fn getattr(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "getattr", 2, 3)?;
    let name = attribute_name(host, arguments.values[1])?;
    match crate::protocol::get_attribute(host, arguments.values[0], name) {
        Ok(value) => Ok(value),
        Err(error) => {
            let runtime = host.runtime();
            match arguments.values.get(2) {
                Some(&default)
                    if is_instance(runtime, error.exception, runtime.types.attribute_error) =>
                {
                    Ok(default)
                }
                _ => Err(error),
            }
        }
    }
}

fn setattr(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "setattr", 3, 3)?;
    let name = attribute_name(host, arguments.values[1])?;
    crate::protocol::set_attribute(host, arguments.values[0], name, arguments.values[2])?;
    Ok(Value::NONE)
}

fn hasattr(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "hasattr", 2, 2)?;
    let name = attribute_name(host, arguments.values[1])?;
    match crate::protocol::get_attribute(host, arguments.values[0], name) {
        Ok(_) => Ok(Value::TRUE),
        Err(error) => {
            let runtime = host.runtime();
            if is_instance(runtime, error.exception, runtime.types.attribute_error) {
                Ok(Value::FALSE)
            } else {
                Err(error)
            }
        }
    }
}

fn delattr(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "delattr", 2, 2)?;
    let name = attribute_name(host, arguments.values[1])?;
    crate::protocol::delete_attribute(host, arguments.values[0], name)?;
    Ok(Value::NONE)
}

fn format(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "format", 1, 2)?;
    let spec = match arguments.values.get(1) {
        Some(&spec) => match str_value(spec) {
            Some(text) => text.to_owned(),
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "format() argument 2 must be str, not {}",
                    type_name(runtime, spec)
                );
                return Err(runtime.type_error(message));
            }
        },
        None => String::new(),
    };
    crate::types::format::format_value(host, arguments.values[0], &spec)
}

fn radix(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    prefix: &str,
    base: u32,
) -> PyResult<Value> {
    expect_arguments(host, &arguments, name, 1, 1)?;
    let value = crate::protocol::number::through_index(host, arguments.values[0])?;
    let Some(int) = as_int(value) else {
        let runtime = host.runtime();
        let message = format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(runtime, value)
        );
        return Err(runtime.type_error(message));
    };
    let big = int.to_bigint();
    let sign = if int.is_negative() { "-" } else { "" };
    let digits = num_traits::Signed::abs(big.as_ref()).to_str_radix(base);
    Ok(host.runtime().new_string(format!("{sign}{prefix}{digits}")))
}

fn bin(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    radix(host, arguments, "bin", "0b", 2)
}

fn oct(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    radix(host, arguments, "oct", "0o", 8)
}

fn hex(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    radix(host, arguments, "hex", "0x", 16)
}

fn globals(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "globals", 0, 0)?;
    Ok(host.frame_namespaces()?.0)
}

fn locals(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "locals", 0, 0)?;
    Ok(host.frame_namespaces()?.1)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: absolute imports; the
/// top-level package unless `fromlist` names something, as CPython.
fn import(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let mut values = arguments.positionals().to_vec();
    values.resize(5, Value::NONE);
    for (keyword, value) in arguments.keywords() {
        let slot = match str_value(keyword) {
            Some("name") => 0,
            Some("globals") => 1,
            Some("locals") => 2,
            Some("fromlist") => 3,
            Some("level") => 4,
            _ => {
                return Err(host
                    .runtime()
                    .type_error("__import__() got an unexpected keyword argument"))
            }
        };
        values[slot] = value;
    }
    let Some(name) = str_value(values[0]).map(str::to_owned) else {
        let runtime = host.runtime();
        let message = format!(
            "__import__() argument 1 must be str, not {}",
            type_name(runtime, values[0])
        );
        return Err(runtime.type_error(message));
    };
    if as_int(values[4])
        .and_then(|level| level.to_i64())
        .unwrap_or(0)
        != 0
    {
        let runtime = host.runtime();
        return Err(runtime.new_error(
            runtime.types.import_error,
            "relative __import__ is not supported without a package context",
        ));
    }
    let module = host.import_module(&name)?;
    let wants_module = !values[3].is_none() && crate::protocol::is_true(host, values[3])?;
    if wants_module || !name.contains('.') {
        return Ok(module);
    }
    let top = name.split('.').next().unwrap_or_default();
    host.import_module(top)
}
