//! `_regex`: the regular-expression engine under `lib/re.py`.
//!
//! Python's `re` is a backtracking engine: alternatives are tried in order and the first that
//! leads to a match wins, groups report their last iteration, and lookbehind, backreferences,
//! atomic groups and possessive repeats exist. Automaton-based crates (the `regex` crate) give
//! leftmost-longest or lack those features, so krait has its own engine:
//! [`parser`] turns the syntax into a tree with CPython's error messages, [`program`] compiles
//! it, and [`matcher`] runs it with an explicit backtracking stack.
//!
//! The functions here take positional arguments; `re.py` makes the Pattern and Match objects.

pub mod charset;
pub mod matcher;
pub mod parser;
pub mod program;

use std::rc::Rc;

use super::native;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};
use matcher::{Matcher, Mode, UNSET};
use program::Program;

/// A compiled pattern, held by a `_regex.Program` object.
pub struct Compiled {
    program: Program,
    /// A str pattern (else bytes).
    is_text: bool,
}

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_regex");
    native::new_class(runtime, module, "_regex", "Program", &[]);
    super::add_functions(
        runtime,
        module,
        "_regex",
        &[
            ("compile", compile),
            ("match", match_function),
            ("scan", scan),
        ],
    );
    super::set(
        runtime,
        module,
        "MAXREPEAT",
        Value::small_int(parser::MAX_REPEAT as i64).unwrap_or(Value::NONE),
    );
    module
}

fn program_class(runtime: &mut Runtime) -> Option<Value> {
    let name = runtime.intern("_regex");
    let module = crate::types::dict::get_str_key(runtime, runtime.modules, name)?;
    let class_name = runtime.intern("Program");
    match module.as_object().map(|object| &object.payload) {
        Some(crate::object::Payload::Module { dict, .. }) => {
            crate::types::dict::get_str_key(runtime, *dict, class_name)
        }
        _ => None,
    }
}

/// `compile(pattern, flags)`: `(program, groups, [(name, index)…], flags)`, or on a syntax
/// error `(None, kind, message, position)` with kind "error", "overflow", "value" or
/// "recursion" for the Python layer to raise.
fn compile(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let pattern = arguments.values.first().copied().unwrap_or(Value::NONE);
    let flags = arguments
        .values
        .get(1)
        .and_then(|&value| crate::types::int::as_int(value))
        .and_then(|int| int.to_i64())
        .unwrap_or(0) as u32;
    let (characters, is_text): (Vec<char>, bool) =
        if let Some(text) = crate::protocol::str_value(pattern) {
            (text.chars().collect(), true)
        } else if let Some(bytes) = crate::types::bytes::buffer(pattern) {
            (bytes.iter().map(|&byte| byte as char).collect(), false)
        } else {
            let runtime = host.runtime();
            let message = format!(
                "first argument must be string or compiled pattern, not {}",
                crate::protocol::type_name(runtime, pattern)
            );
            return Err(runtime.type_error(message));
        };
    let runtime = host.runtime();
    let parsed = match parser::parse(&characters, is_text, flags) {
        Ok(parsed) => parsed,
        Err(error) => {
            let (kind, message) = if error.overflow {
                ("overflow", error.message)
            } else if let Some(message) = error.message.strip_prefix("ValueError:") {
                ("value", message.to_string())
            } else if error.message == "maximum recursion depth exceeded" {
                ("recursion", error.message)
            } else {
                ("error", error.message)
            };
            let mark = runtime.root_mark();
            let kind = runtime.new_str(kind);
            runtime.push_root(kind);
            let message = runtime.new_string(message);
            runtime.push_root(message);
            let position = match error.position {
                Some(position) => runtime.new_int(position as i64),
                None => Value::NONE,
            };
            let result = runtime.new_tuple_from(&[Value::NONE, kind, message, position]);
            runtime.pop_roots(mark);
            return Ok(result);
        }
    };
    let program = program::compile(&parsed.node, parsed.groups);
    let Some(class) = program_class(runtime) else {
        return Err(runtime.runtime_error("_regex.Program is missing"));
    };
    let mark = runtime.root_mark();
    let object = native::new_object(runtime, class, Rc::new(Compiled { program, is_text }));
    runtime.push_root(object);
    let names = runtime.new_list(Vec::new());
    runtime.push_root(names);
    for (name, index) in parsed.names {
        let name = runtime.new_string(name);
        runtime.push_root(name);
        let pair = runtime.new_tuple(vec![
            name,
            Value::small_int(index as i64).unwrap_or(Value::NONE),
        ]);
        if let Some(items) = crate::types::list::items(names) {
            items.push(pair);
        }
    }
    let groups = Value::small_int(parsed.groups as i64).unwrap_or(Value::NONE);
    let flags = runtime.new_int(i64::from(parsed.flags));
    let result = runtime.new_tuple_from(&[object, groups, names, flags]);
    runtime.pop_roots(mark);
    Ok(result)
}

/// The subject text as code points, cut at `endpos`.
enum Subject {
    Bytes(&'static [u8]),
    Owned(Vec<u8>),
    Wide(Vec<u32>),
}

fn subject(host: &mut dyn Host, compiled: &Compiled, value: Value) -> PyResult<Subject> {
    if let Some(text) = crate::protocol::str_value(value) {
        if !compiled.is_text {
            return Err(host
                .runtime()
                .type_error("cannot use a bytes pattern on a string-like object"));
        }
        return Ok(if text.is_ascii() {
            Subject::Bytes(text.as_bytes())
        } else {
            Subject::Wide(text.chars().map(|character| character as u32).collect())
        });
    }
    if let Some(bytes) = crate::types::bytes::buffer(value) {
        if compiled.is_text {
            return Err(host
                .runtime()
                .type_error("cannot use a string pattern on a bytes-like object"));
        }
        return Ok(match bytes {
            std::borrow::Cow::Borrowed(bytes) => Subject::Bytes(bytes),
            std::borrow::Cow::Owned(bytes) => Subject::Owned(bytes),
        });
    }
    let runtime = host.runtime();
    let message = format!(
        "expected string or bytes-like object, got '{}'",
        crate::protocol::type_name(runtime, value)
    );
    Err(runtime.type_error(message))
}

/// The positional arguments shared by match and scan: program, string, pos, endpos.
fn common(
    host: &mut dyn Host,
    arguments: &Arguments,
) -> PyResult<(Rc<Compiled>, Subject, usize, usize)> {
    let compiled = native::receiver::<Rc<Compiled>>(host, arguments, "_regex.Program")?.clone();
    let string = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    let subject = subject(host, &compiled, string)?;
    let length = match &subject {
        Subject::Bytes(bytes) => bytes.len(),
        Subject::Owned(bytes) => bytes.len(),
        Subject::Wide(codes) => codes.len(),
    };
    let clamp = |value: Option<&Value>, default: usize| -> usize {
        match value.and_then(|&value| crate::types::int::as_int(value)) {
            Some(int) => match int.to_i64() {
                Some(number) if number < 0 => 0,
                Some(number) => (number as u64).min(length as u64) as usize,
                None => {
                    if int.to_bigint().sign() == num_bigint::Sign::Minus {
                        0
                    } else {
                        length
                    }
                }
            },
            None => default,
        }
    };
    let position = clamp(arguments.values.get(2), 0);
    let end = clamp(arguments.values.get(3), length);
    Ok((compiled, subject, position, end))
}

/// The match as a tuple: the slots (-1 for unset), then the last group closed.
fn slots_value(runtime: &mut Runtime, slots: &[usize]) -> Value {
    let items = slots
        .iter()
        .map(|&slot| {
            if slot == UNSET {
                Value::small_int(-1)
            } else {
                Value::small_int(slot as i64)
            }
            .unwrap_or(Value::NONE)
        })
        .collect();
    runtime.new_tuple(items)
}

fn run_match<T: Copy + Into<u32>>(
    program: &Program,
    text: &[T],
    position: usize,
    mode: Mode,
) -> Option<Vec<usize>> {
    let mut matcher = Matcher::new(program, text);
    matcher
        .find(position, mode, false)
        .then(|| with_last_group(&matcher))
}

/// The slots followed by the last group closed.
fn with_last_group<T: Copy + Into<u32>>(matcher: &Matcher<T>) -> Vec<usize> {
    let mut slots = matcher.slots.clone();
    slots.push(matcher.last_group);
    slots
}

/// `match(program, string, pos, endpos, mode)`: the slots of the match (-1 for groups that
/// did not take part) or None; mode 0 is match, 1 search, 2 fullmatch.
fn match_function(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (compiled, subject, position, end) = common(host, &arguments)?;
    let mode = match arguments
        .values
        .get(4)
        .and_then(|value| value.as_small_int())
    {
        Some(1) => Mode::Search,
        Some(2) => Mode::FullMatch,
        _ => Mode::Match,
    };
    if end < position {
        return Ok(Value::NONE);
    }
    let slots = match &subject {
        Subject::Bytes(bytes) => run_match(&compiled.program, &bytes[..end], position, mode),
        Subject::Owned(bytes) => run_match(&compiled.program, &bytes[..end], position, mode),
        Subject::Wide(codes) => run_match(&compiled.program, &codes[..end], position, mode),
    };
    Ok(match slots {
        Some(slots) => slots_value(host.runtime(), &slots),
        None => Value::NONE,
    })
}

fn run_scan<T: Copy + Into<u32>>(
    program: &Program,
    text: &[T],
    mut position: usize,
    limit: usize,
) -> Vec<Vec<usize>> {
    let mut matcher = Matcher::new(program, text);
    let mut found = Vec::new();
    let mut must_advance = false;
    while found.len() < limit && position <= text.len() {
        if !matcher.find(position, Mode::Search, must_advance) {
            break;
        }
        let (start, finish) = (matcher.slots[0], matcher.slots[1]);
        found.push(with_last_group(&matcher));
        must_advance = start == finish;
        position = finish;
    }
    found
}

/// `scan(program, string, pos, endpos, limit)`: the slots of successive non-overlapping
/// matches, as finditer, findall, sub and split see them (an empty match right after
/// another match is allowed; two empty matches at one place are not); limit 0 is no limit.
fn scan(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (compiled, subject, position, end) = common(host, &arguments)?;
    let limit = match arguments
        .values
        .get(4)
        .and_then(|value| value.as_small_int())
    {
        Some(limit) if limit > 0 => limit as usize,
        _ => usize::MAX,
    };
    if end < position {
        return Ok(host.runtime().new_list(Vec::new()));
    }
    let matches = match &subject {
        Subject::Bytes(bytes) => run_scan(&compiled.program, &bytes[..end], position, limit),
        Subject::Owned(bytes) => run_scan(&compiled.program, &bytes[..end], position, limit),
        Subject::Wide(codes) => run_scan(&compiled.program, &codes[..end], position, limit),
    };
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    let list = runtime.new_list(Vec::with_capacity(matches.len()));
    runtime.push_root(list);
    for slots in matches {
        let tuple = slots_value(runtime, &slots);
        if let Some(items) = crate::types::list::items(list) {
            items.push(tuple);
        }
    }
    runtime.pop_roots(mark);
    Ok(list)
}
