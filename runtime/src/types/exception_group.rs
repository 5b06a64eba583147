//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): construction with CPython's checks,
//! `message`, `exceptions`, `derive`, `split` and `subgroup`, and the two operations
//! `except*` is built on — matching a group against a clause's types ([`match_group`]) and
//! assembling what is left to raise at the end ([`prepare_reraise`]).
//!
//! A group is an ordinary exception instance whose `args` are `(message, exceptions)` as given;
//! `exceptions` reads them as a tuple. Split parts are made by the group's `derive` and get the
//! original's traceback, cause, context and a copy of its notes, as in CPython's
//! `exceptiongroup_subset`.

use crate::object::Payload;
use crate::protocol::{as_type, class_name, is_instance, is_subclass, type_name};
use crate::runtime::exception_data;
use crate::value::Value;
use crate::{Arguments, Host, PyErr, PyResult, Runtime};

/// The `BaseExceptionGroup` methods (`ExceptionGroup` inherits them).
pub const METHODS: crate::types::MethodTable = &[
    ("__str__", str_method),
    ("derive", derive),
    ("split", split),
    ("subgroup", subgroup),
];

/// Makes `ExceptionGroup` a subclass of both `BaseExceptionGroup` and `Exception`, which the
/// single-base table of builtin types cannot say.
pub fn finish_types(runtime: &mut Runtime) {
    let types = runtime.types;
    if let Some(group) = as_type(types.exception_group) {
        *group.bases.get() = vec![types.base_exception_group, types.exception];
        *group.mro.get() = vec![
            types.exception_group,
            types.base_exception_group,
            types.exception,
            types.base_exception,
            types.object,
        ];
    }
}

/// Whether a value is an exception group.
pub fn is_group(runtime: &Runtime, value: Value) -> bool {
    is_instance(runtime, value, runtime.types.base_exception_group)
}

/// `args[0]`: the message.
pub fn message(value: Value) -> Value {
    crate::types::exception::args(value)
        .first()
        .copied()
        .unwrap_or(Value::NONE)
}

/// The nested exceptions, in order.
pub fn exceptions(value: Value) -> Vec<Value> {
    let Some(&exceptions) = crate::types::exception::args(value).get(1) else {
        return Vec::new();
    };
    match exceptions.as_object().map(|object| &object.payload) {
        Some(Payload::Tuple(items)) => items.to_vec(),
        Some(Payload::List(items)) => items.get().clone(),
        _ => Vec::new(),
    }
}

/// The fixed attributes `message` and `exceptions`.
pub fn attribute(runtime: &mut Runtime, value: Value, name: Value) -> Option<Value> {
    match crate::protocol::str_value(name)? {
        "message" => Some(message(value)),
        "exceptions" => {
            let Some(&given) = crate::types::exception::args(value).get(1) else {
                return Some(Value::NONE);
            };
            if matches!(
                given.as_object().map(|object| &object.payload),
                Some(Payload::Tuple(_))
            ) {
                return Some(given);
            }
            let items = exceptions(value);
            Some(runtime.new_tuple(items))
        }
        _ => None,
    }
}

/// Checks the arguments of a new group of `class` (CPython's `BaseExceptionGroup_new`) and
/// returns the class to create: `BaseExceptionGroup` of only `Exception`s is an
/// `ExceptionGroup`.
pub fn check_new(host: &mut dyn Host, class: Value, positional: &[Value]) -> PyResult<Value> {
    let runtime = host.runtime();
    if positional.len() != 2 {
        let message = format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            positional.len()
        );
        return Err(runtime.type_error(message));
    }
    let (message, given) = (positional[0], positional[1]);
    if !matches!(
        message.as_object().map(|object| &object.payload),
        Some(Payload::Str(_))
    ) {
        let text = format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            type_name(runtime, message)
        );
        return Err(runtime.type_error(text));
    }
    let is_sequence = match given.as_object().map(|object| &object.payload) {
        Some(Payload::List(_) | Payload::Tuple(_) | Payload::Range { .. }) => true,
        Some(Payload::Dict(_) | Payload::Set(_) | Payload::FrozenSet(_)) => false,
        _ => {
            let given_class = crate::protocol::type_of(runtime, given);
            let getitem = runtime.names.__getitem__;
            !is_subclass(given_class, runtime.types.dict)
                && crate::protocol::lookup_in_type(runtime, given_class, getitem).is_some()
        }
    };
    if !is_sequence {
        return Err(runtime.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = crate::protocol::collect(host, given)?;
    let runtime = host.runtime();
    if items.is_empty() {
        return Err(
            runtime.value_error("second argument (exceptions) must be a non-empty sequence")
        );
    }
    let mut nested_base = false;
    for (index, &item) in items.iter().enumerate() {
        if !crate::types::exception::is_exception(item) {
            let text = format!("Item {index} of second argument (exceptions) is not an exception");
            return Err(runtime.value_error(text));
        }
        if !is_instance(runtime, item, runtime.types.exception) {
            nested_base = true;
        }
    }
    let types = runtime.types;
    if class == types.exception_group {
        if nested_base {
            return Err(runtime.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
        Ok(class)
    } else if class == types.base_exception_group {
        Ok(if nested_base {
            class
        } else {
            types.exception_group
        })
    } else {
        if nested_base && is_subclass(class, types.exception) {
            let text = format!("Cannot nest BaseExceptions in '{}'", class_name(class));
            return Err(runtime.type_error(text));
        }
        Ok(class)
    }
}

/// `ExceptionGroup(message, exceptions)` and `BaseExceptionGroup(…)`.
pub fn construct(host: &mut dyn Host, class: Value, arguments: Arguments) -> PyResult<Value> {
    if !arguments.keyword_names.is_empty() {
        let message = format!("{}() takes no keyword arguments", class_name(class));
        return Err(host.runtime().type_error(message));
    }
    let positional = arguments.positionals();
    let class = check_new(host, class, positional)?;
    Ok(host.runtime().new_exception(class, positional.to_vec()))
}

/// A new group of the builtin classes (`BaseExceptionGroup(message, exceptions)`).
fn new_group(host: &mut dyn Host, message: Value, exceptions: Vec<Value>) -> PyResult<Value> {
    let runtime = host.runtime();
    let list = runtime.new_list(exceptions);
    let class = runtime.types.base_exception_group;
    let arguments = [message, list];
    construct(host, class, Arguments::positional(&arguments))
}

fn receiver(host: &mut dyn Host, arguments: &Arguments) -> PyResult<Value> {
    match arguments.values.first() {
        Some(&value) if is_group(host.runtime(), value) => Ok(value),
        _ => Err(host
            .runtime()
            .type_error("descriptor requires a 'BaseExceptionGroup' object")),
    }
}

/// `str(group)`: `message (N sub-exceptions)`.
pub fn str_of(host: &mut dyn Host, group: Value) -> PyResult<String> {
    let count = exceptions(group).len();
    let text = crate::protocol::str_string(host, message(group))?;
    let plural = if count > 1 { "s" } else { "" };
    Ok(format!("{text} ({count} sub-exception{plural})"))
}

fn str_method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let group = receiver(host, &arguments)?;
    let text = str_of(host, group)?;
    Ok(host.runtime().new_string(text))
}

fn derive(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let group = receiver(host, &arguments)?;
    let Some(&excs) = arguments.values.get(1) else {
        return Err(host
            .runtime()
            .type_error("BaseExceptionGroup.derive() takes exactly one argument (0 given)"));
    };
    let runtime = host.runtime();
    let class = runtime.types.base_exception_group;
    let values = [message(group), excs];
    construct(host, class, Arguments::positional(&values))
}

/// How `split`/`subgroup` decide what matches.
#[derive(Clone, Copy)]
enum Matcher {
    /// An exception class or a tuple of them.
    Type(Value),
    /// A predicate called with each exception.
    Predicate(Value),
}

fn matcher(host: &mut dyn Host, condition: Value) -> PyResult<Matcher> {
    let runtime = host.runtime();
    let base_exception = runtime.types.base_exception;
    let is_exception_class =
        |value: Value| as_type(value).is_some() && is_subclass(value, base_exception);
    if as_type(condition).is_none() && is_callable(runtime, condition) {
        return Ok(Matcher::Predicate(condition));
    }
    if is_exception_class(condition) {
        return Ok(Matcher::Type(condition));
    }
    if let Some(items) = crate::types::tuple::items(condition) {
        if items.iter().all(|&item| is_exception_class(item)) {
            return Ok(Matcher::Type(condition));
        }
    }
    Err(runtime.type_error("expected a function, exception type or tuple of exception types"))
}

/// Whether a value can be called (as `callable()` decides).
fn is_callable(runtime: &mut Runtime, value: Value) -> bool {
    match value.as_object().map(|object| &object.payload) {
        Some(
            Payload::Function(_)
            | Payload::NativeFunction(_)
            | Payload::BoundMethod { .. }
            | Payload::Type(_),
        ) => true,
        _ => {
            let class = crate::protocol::type_of(runtime, value);
            let name = runtime.names.__call__;
            crate::protocol::is_user_class(class)
                && crate::protocol::lookup_in_type(runtime, class, name).is_some()
        }
    }
}

fn matches(host: &mut dyn Host, exception: Value, matcher: Matcher) -> PyResult<bool> {
    match matcher {
        Matcher::Type(classes) => Ok(exception_matches(host.runtime(), exception, classes)),
        Matcher::Predicate(function) => {
            let result = crate::protocol::call(host, function, &[exception], &[])?;
            crate::protocol::is_true(host, result)
        }
    }
}

/// Whether an exception is an instance of `classes` (a class or a tuple of classes).
fn exception_matches(runtime: &Runtime, exception: Value, classes: Value) -> bool {
    match crate::types::tuple::items(classes) {
        Some(items) => items
            .iter()
            .any(|&class| is_instance(runtime, exception, class)),
        None => is_instance(runtime, exception, classes),
    }
}

/// The result of splitting: the matching part and the rest (`None` when empty).
struct Split {
    matched: Option<Value>,
    rest: Option<Value>,
}

/// CPython's `exceptiongroup_split_recursive`; `leaves` (when given) matches by identity.
fn split_recursive(
    host: &mut dyn Host,
    exception: Value,
    matcher: Option<Matcher>,
    leaves: &[Value],
    with_rest: bool,
) -> PyResult<Split> {
    let is_match = match matcher {
        Some(matcher) => matches(host, exception, matcher)?,
        None => leaves.contains(&exception),
    };
    if is_match {
        return Ok(Split {
            matched: Some(exception),
            rest: None,
        });
    }
    if !is_group(host.runtime(), exception) {
        return Ok(Split {
            matched: None,
            rest: with_rest.then_some(exception),
        });
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    let mark = host.runtime().root_mark();
    let result = (|| {
        for inner in exceptions(exception) {
            let part = split_recursive(host, inner, matcher, leaves, with_rest)?;
            if let Some(value) = part.matched {
                host.runtime().push_root(value);
                matched.push(value);
            }
            if let Some(value) = part.rest {
                host.runtime().push_root(value);
                rest.push(value);
            }
        }
        let matched = subset(host, exception, matched)?;
        if let Some(value) = matched {
            host.runtime().push_root(value);
        }
        let rest = if with_rest {
            subset(host, exception, rest)?
        } else {
            None
        };
        Ok(Split { matched, rest })
    })();
    host.runtime().pop_roots(mark);
    result
}

/// A group like `original` holding `parts` (CPython's `exceptiongroup_subset`), or `None`
/// when there are none.
fn subset(host: &mut dyn Host, original: Value, parts: Vec<Value>) -> PyResult<Option<Value>> {
    if parts.is_empty() {
        return Ok(None);
    }
    let runtime = host.runtime();
    let list = runtime.new_list(parts);
    let derive_name = runtime.intern("derive");
    runtime.push_root(list);
    let derived = crate::protocol::call_method(host, original, derive_name, &[list]);
    let runtime = host.runtime();
    runtime.pop_roots(runtime.root_mark() - 1);
    let derived = derived?;
    let runtime = host.runtime();
    if !is_group(runtime, derived) {
        return Err(runtime.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    copy_metadata(host, original, derived)?;
    Ok(Some(derived))
}

/// Gives `target` the traceback, cause and context of `source`, and a copy of its notes.
fn copy_metadata(host: &mut dyn Host, source: Value, target: Value) -> PyResult<()> {
    if let (Some(from), Some(to)) = (exception_data(source), exception_data(target)) {
        let (traceback, cause, context, suppress) = {
            let from = from.get();
            (
                from.traceback.clone(),
                from.cause,
                from.context,
                from.suppress_context,
            )
        };
        let to = to.get();
        to.traceback = traceback;
        to.cause = cause;
        to.context = context;
        to.suppress_context = suppress;
    }
    let notes_name = host.runtime().intern("__notes__");
    if let Some(notes) = crate::protocol::attribute::find_attribute(host, source, notes_name)? {
        if let Some(items) = crate::types::list::items(notes).map(|items| items.clone()) {
            let copy = host.runtime().new_list(items);
            crate::protocol::set_attribute(host, target, notes_name, copy)?;
        }
    }
    Ok(())
}

fn split_arguments(
    host: &mut dyn Host,
    arguments: &Arguments,
    name: &str,
) -> PyResult<(Value, Matcher)> {
    let group = receiver(host, arguments)?;
    if arguments.values.len() != 2 {
        let message = format!(
            "{name} expected 1 argument, got {}",
            arguments.values.len() - 1
        );
        return Err(host.runtime().type_error(message));
    }
    let matcher = matcher(host, arguments.values[1])?;
    Ok((group, matcher))
}

fn split(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (group, matcher) = split_arguments(host, &arguments, "split")?;
    let parts = split_recursive(host, group, Some(matcher), &[], true)?;
    let items = vec![
        parts.matched.unwrap_or(Value::NONE),
        parts.rest.unwrap_or(Value::NONE),
    ];
    Ok(host.runtime().new_tuple(items))
}

fn subgroup(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (group, matcher) = split_arguments(host, &arguments, "subgroup")?;
    let parts = split_recursive(host, group, Some(matcher), &[], false)?;
    Ok(parts.matched.unwrap_or(Value::NONE))
}

/// `except* T`: `(match, rest)` for the exception being handled — a full match of a group is
/// the group itself; a bare exception that matches is wrapped in `ExceptionGroup("", [e])`;
/// `(None, None)` when nothing matches.
pub fn match_group(
    host: &mut dyn Host,
    exception: Value,
    classes: Value,
) -> PyResult<(Value, Value)> {
    let runtime = host.runtime();
    if exception_matches(runtime, exception, classes) {
        if is_group(runtime, exception) {
            return Ok((exception, Value::NONE));
        }
        let message = runtime.new_str("");
        let single = runtime.new_tuple_from(&[exception]);
        let class = runtime.types.base_exception_group;
        let values = [message, single];
        let wrapped = construct(host, class, Arguments::positional(&values))?;
        if let (Some(from), Some(to)) = (exception_data(exception), exception_data(wrapped)) {
            to.get().traceback = from.get().traceback.clone();
        }
        return Ok((wrapped, Value::NONE));
    }
    if is_group(runtime, exception) {
        let parts = split_recursive(host, exception, Some(Matcher::Type(classes)), &[], true)?;
        return Ok((
            parts.matched.unwrap_or(Value::NONE),
            parts.rest.unwrap_or(Value::NONE),
        ));
    }
    Ok((Value::NONE, Value::NONE))
}

/// The exceptions inside a group, recursively (by identity).
fn leaves(runtime: &Runtime, exception: Value, out: &mut Vec<Value>) {
    if is_group(runtime, exception) {
        for inner in exceptions(exception) {
            leaves(runtime, inner, out);
        }
    } else {
        out.push(exception);
    }
}

/// Whether two exceptions carry the same traceback, cause, context and notes: a part of the
/// original group raised again, not a new exception.
fn same_metadata(host: &mut dyn Host, left: Value, right: Value) -> PyResult<bool> {
    let (Some(a), Some(b)) = (exception_data(left), exception_data(right)) else {
        return Ok(false);
    };
    let same = {
        let (a, b) = (a.get(), b.get());
        a.cause == b.cause
            && a.context == b.context
            && a.traceback.len() == b.traceback.len()
            && a.traceback
                .iter()
                .zip(b.traceback.iter())
                .all(|(x, y)| x.code == y.code && x.instruction == y.instruction)
    };
    if !same {
        return Ok(false);
    }
    let notes_name = host.runtime().intern("__notes__");
    let left_notes = crate::protocol::attribute::find_attribute(host, left, notes_name)?;
    let right_notes = crate::protocol::attribute::find_attribute(host, right, notes_name)?;
    Ok(left_notes == right_notes)
}

/// The end of `except*` (CPython's `_PyExc_PrepReraiseStar`): from the original exception and
/// the list of what the clauses raised or left unhandled (None entries are skipped), the
/// exception to raise, or None.
pub fn prepare_reraise(host: &mut dyn Host, original: Value, list: Value) -> PyResult<Value> {
    let raised: Vec<Value> = crate::types::list::items(list)
        .map(|items| items.clone())
        .unwrap_or_default();
    let raised: Vec<Value> = raised
        .into_iter()
        .filter(|value| !value.is_none())
        .collect();
    if raised.is_empty() {
        return Ok(Value::NONE);
    }
    let runtime = host.runtime();
    if !is_group(runtime, original) {
        // A bare exception was caught and wrapped: at most one clause ran.
        return Ok(raised[0]);
    }
    let mut new_ones = Vec::new();
    let mut reraised = Vec::new();
    for exception in raised {
        if same_metadata(host, exception, original)? {
            reraised.push(exception);
        } else {
            new_ones.push(exception);
        }
    }
    let mut kept = Vec::new();
    for &exception in &reraised {
        leaves(host.runtime(), exception, &mut kept);
    }
    let projection = if kept.is_empty() {
        None
    } else {
        split_recursive(host, original, None, &kept, false)?.matched
    };
    if new_ones.is_empty() {
        return Ok(projection.unwrap_or(Value::NONE));
    }
    if let Some(projection) = projection {
        new_ones.push(projection);
    }
    if new_ones.len() == 1 {
        return Ok(new_ones[0]);
    }
    let runtime = host.runtime();
    let message = runtime.new_str("");
    new_group(host, message, new_ones)
}

/// The error `except*` raises for a clause naming an exception group class.
pub fn except_star_group_error(runtime: &mut Runtime) -> PyErr {
    runtime.type_error("catching ExceptionGroup with except* is not allowed. Use except instead.")
}
