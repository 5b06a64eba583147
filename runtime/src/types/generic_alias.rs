//! `types.GenericAlias` (what `list[int]` evaluates to) and `types.UnionType` (what
//! `int | None` evaluates to).
//!
//! Both exist so that annotations and type aliases written for type checkers evaluate at run
//! time as in CPython: they print the same, compare and hash by their parts, and do what
//! CPython lets a program do with them — call an alias to make an instance of its origin,
//! subclass an alias (PEP 560's `__mro_entries__`), read an origin's attributes through the
//! alias, and test `isinstance(x, int | str)`. They are payloads of their own rather than
//! instances of Python classes because the protocol layer treats native methods of instances
//! as the builtin behaviour to skip.

use crate::object::Payload;
use crate::protocol::{as_type, str_value};
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// `cls.__class_getitem__(item)` of the generic builtin classes (a class method).
pub fn class_getitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::expect_arguments(host, &arguments, "__class_getitem__", 2, 2)?;
    let (class, item) = (arguments.values[0], arguments.values[1]);
    Ok(new_alias(host.runtime(), class, item))
}

/// `origin[item]`: an alias whose `__args__` is `item` (a tuple is the arguments themselves).
pub fn new_alias(runtime: &mut Runtime, origin: Value, item: Value) -> Value {
    let arguments = if crate::types::tuple::items(item).is_some() {
        item
    } else {
        runtime.new_tuple_from(&[item])
    };
    runtime
        .heap
        .allocate(Payload::GenericAlias { origin, arguments })
}

/// The origin and arguments of a generic alias.
pub fn alias_parts(value: Value) -> Option<(Value, Value)> {
    match value.as_object().map(|object| &object.payload) {
        Some(Payload::GenericAlias { origin, arguments }) => Some((*origin, *arguments)),
        _ => None,
    }
}

/// The arguments tuple of a union.
pub fn union_arguments(value: Value) -> Option<Value> {
    match value.as_object().map(|object| &object.payload) {
        Some(Payload::Union(arguments)) => Some(*arguments),
        _ => None,
    }
}

/// Whether `value` may be an operand of a union: None, a class, an alias or a union.
fn is_unionable(value: Value) -> bool {
    value.is_none()
        || as_type(value).is_some()
        || alias_parts(value).is_some()
        || union_arguments(value).is_some()
}

/// `left | right` when both are classes, aliases, unions or None; `None` otherwise (the
/// operator then reports the usual unsupported-operand error).
pub fn union(host: &mut dyn Host, left: Value, right: Value) -> PyResult<Option<Value>> {
    if !is_unionable(left) || !is_unionable(right) {
        return Ok(None);
    }
    // A metaclass's own `__or__`/`__ror__` (written in Python) comes first.
    let runtime = host.runtime();
    let (or_name, ror_name) = (runtime.intern("__or__"), runtime.intern("__ror__"));
    for (operand, name) in [(left, or_name), (right, ror_name)] {
        let class = crate::protocol::type_of(runtime, operand);
        if crate::protocol::is_user_class(class)
            && crate::protocol::lookup_in_type(runtime, class, name).is_some_and(|method| {
                !matches!(
                    method.as_object().map(|object| &object.payload),
                    Some(Payload::NativeFunction(_))
                )
            })
        {
            return Ok(None);
        }
    }
    let mut members: Vec<Value> = Vec::new();
    for operand in [left, right] {
        let flattened: Vec<Value> = match union_arguments(operand) {
            Some(arguments) => crate::types::tuple::items(arguments)
                .map(<[Value]>::to_vec)
                .unwrap_or_default(),
            None => vec![operand],
        };
        for member in flattened {
            let member = if member.is_none() {
                host.runtime().types.none_type
            } else {
                member
            };
            let mut seen = false;
            for &existing in &members {
                if crate::protocol::equal(host, existing, member)? {
                    seen = true;
                    break;
                }
            }
            if !seen {
                members.push(member);
            }
        }
    }
    if members.len() == 1 {
        return Ok(Some(members[0]));
    }
    let runtime = host.runtime();
    let arguments = runtime.new_tuple(members);
    Ok(Some(runtime.heap.allocate(Payload::Union(arguments))))
}

/// How a class, alias or other argument reads inside an alias's or union's repr.
fn argument_repr(host: &mut dyn Host, value: Value) -> PyResult<String> {
    if value == Value::ELLIPSIS {
        return Ok("...".to_owned());
    }
    if let Some(class) = as_type(value) {
        let module = str_value(*class.module.get()).unwrap_or("builtins");
        let qualname = str_value(*class.qualname.get()).unwrap_or("?");
        return Ok(if module == "builtins" {
            qualname.to_owned()
        } else {
            format!("{module}.{qualname}")
        });
    }
    let text = crate::protocol::repr(host, value)?;
    Ok(str_value(text).unwrap_or("").to_owned())
}

/// `repr(list[int])`, `repr(int | None)`.
pub fn repr(host: &mut dyn Host, value: Value) -> PyResult<String> {
    if let Some((origin, arguments)) = alias_parts(value) {
        let items = crate::types::tuple::items(arguments)
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        let mut text = argument_repr(host, origin)?;
        text.push('[');
        if items.is_empty() {
            text.push_str("()");
        }
        for (index, item) in items.into_iter().enumerate() {
            if index > 0 {
                text.push_str(", ");
            }
            let part = if let Some(Payload::List(list)) = item.as_object().map(|o| &o.payload) {
                // `Callable[[int], str]`-style argument lists.
                let inner = list.get().clone();
                let mut parts = Vec::with_capacity(inner.len());
                for element in inner {
                    parts.push(argument_repr(host, element)?);
                }
                format!("[{}]", parts.join(", "))
            } else {
                argument_repr(host, item)?
            };
            text.push_str(&part);
        }
        text.push(']');
        return Ok(text);
    }
    let arguments = union_arguments(value).unwrap_or(Value::NONE);
    let items = crate::types::tuple::items(arguments)
        .map(<[Value]>::to_vec)
        .unwrap_or_default();
    let none_type = host.runtime().types.none_type;
    let mut parts = Vec::with_capacity(items.len());
    for item in items {
        parts.push(if item == none_type {
            "None".to_owned()
        } else {
            argument_repr(host, item)?
        });
    }
    Ok(parts.join(" | "))
}

/// `hash()` of an alias (origin and arguments) or a union (its set of arguments).
pub fn hash(host: &mut dyn Host, value: Value) -> PyResult<i64> {
    if let Some((origin, arguments)) = alias_parts(value) {
        let origin_hash = crate::protocol::hash(host, origin)?;
        let arguments_hash = crate::protocol::hash(host, arguments)?;
        let combined = origin_hash ^ arguments_hash;
        return Ok(if combined == -1 { -2 } else { combined });
    }
    let arguments = union_arguments(value).unwrap_or(Value::NONE);
    let items = crate::types::tuple::items(arguments)
        .map(<[Value]>::to_vec)
        .unwrap_or_default();
    // Order-independent, as equality is.
    let mut combined: i64 = 0x2b5e_7a31;
    for item in items {
        combined ^= crate::protocol::hash(host, item)?;
    }
    Ok(if combined == -1 { -2 } else { combined })
}

/// `left == right` for aliases (same origin and arguments) and unions (same set of members);
/// `None` when the operands are not two of a kind.
pub fn equal(host: &mut dyn Host, left: Value, right: Value) -> PyResult<Option<bool>> {
    if let (Some((left_origin, left_arguments)), Some((right_origin, right_arguments))) =
        (alias_parts(left), alias_parts(right))
    {
        return Ok(Some(
            crate::protocol::equal(host, left_origin, right_origin)?
                && crate::protocol::equal(host, left_arguments, right_arguments)?,
        ));
    }
    if let (Some(left_arguments), Some(right_arguments)) =
        (union_arguments(left), union_arguments(right))
    {
        let left_items = crate::types::tuple::items(left_arguments)
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        let right_items = crate::types::tuple::items(right_arguments)
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        for (from, to) in [(&left_items, &right_items), (&right_items, &left_items)] {
            for &item in from.iter() {
                let mut found = false;
                for &other in to.iter() {
                    if crate::protocol::equal(host, item, other)? {
                        found = true;
                        break;
                    }
                }
                if !found {
                    return Ok(Some(false));
                }
            }
        }
        return Ok(Some(true));
    }
    Ok(None)
}

/// Names an alias answers itself instead of forwarding to its origin.
const ALIAS_OWN_NAMES: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

/// The attributes of an alias (`__origin__`, `__args__`, `__parameters__`, then the origin's
/// attributes) and of a union (`__args__`, `__parameters__`).
pub fn attribute(host: &mut dyn Host, value: Value, name: Value) -> PyResult<Option<Value>> {
    let text = str_value(name).unwrap_or("");
    if let Some((origin, arguments)) = alias_parts(value) {
        return match text {
            "__origin__" => Ok(Some(origin)),
            "__args__" => Ok(Some(arguments)),
            "__parameters__" => {
                let parameters = parameters(host, arguments)?;
                Ok(Some(host.runtime().new_tuple(parameters)))
            }
            "__unpacked__" => Ok(Some(Value::FALSE)),
            _ if ALIAS_OWN_NAMES.contains(&text) => Ok(None),
            _ => crate::protocol::attribute::find_attribute(host, origin, name),
        };
    }
    if let Some(arguments) = union_arguments(value) {
        return match text {
            "__args__" => Ok(Some(arguments)),
            "__parameters__" => {
                let parameters = parameters(host, arguments)?;
                Ok(Some(host.runtime().new_tuple(parameters)))
            }
            _ => Ok(None),
        };
    }
    Ok(None)
}

/// `GenericAlias.__mro_entries__(bases)`: subclassing `list[int]` subclasses `list`.
pub fn mro_entries(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::expect_arguments(host, &arguments, "__mro_entries__", 2, 2)?;
    let origin = alias_parts(arguments.values[0])
        .map(|(origin, _)| origin)
        .unwrap_or(Value::NONE);
    Ok(host.runtime().new_tuple_from(&[origin]))
}

/// `__instancecheck__`/`__subclasscheck__` of an alias: CPython refuses them.
fn refuse_check(host: &mut dyn Host, name: &str) -> crate::PyErr {
    host.runtime().type_error(format!(
        "{name}() argument 2 cannot be a parameterized generic"
    ))
}

fn alias_instancecheck(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Err(refuse_check(host, "isinstance"))
}

fn alias_subclasscheck(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Err(refuse_check(host, "issubclass"))
}

/// The methods of `types.GenericAlias` that Python code can reach by name.
pub const ALIAS_METHODS: crate::types::MethodTable = &[
    ("__mro_entries__", mro_entries),
    ("__instancecheck__", alias_instancecheck),
    ("__subclasscheck__", alias_subclasscheck),
];

/// The members a union check (`isinstance(x, int | str)`) tries, in order; a parameterized
/// generic among them raises when the check reaches it, as in CPython.
pub fn union_members(union: Value) -> Vec<Value> {
    let arguments = union_arguments(union).unwrap_or(Value::NONE);
    crate::types::tuple::items(arguments)
        .map(<[Value]>::to_vec)
        .unwrap_or_default()
}

/// Makes `GenericAlias` and `UnionType` read as members of the `types` module.
pub fn finish_types(runtime: &mut Runtime) {
    let module = runtime.intern("types");
    for class in [runtime.types.generic_alias, runtime.types.union_type] {
        if let Some(class) = as_type(class) {
            *class.module.get() = module;
        }
    }
}

/// The type variables among `arguments` (a tuple), in order of first appearance: arguments
/// with `__typing_subst__` (typing's TypeVar and friends), and the `__parameters__` of the
/// others (nested aliases, unions, typing generics). Classes have none.
fn parameters(host: &mut dyn Host, arguments: Value) -> PyResult<Vec<Value>> {
    let items = crate::types::tuple::items(arguments)
        .map(<[Value]>::to_vec)
        .unwrap_or_default();
    let mut found = Vec::new();
    let substitute_name = host.runtime().intern("__typing_subst__");
    let parameters_name = host.runtime().intern("__parameters__");
    for item in items {
        if as_type(item).is_some() || !item.is_object() {
            continue;
        }
        if crate::protocol::attribute::find_attribute(host, item, substitute_name)?.is_some() {
            if !found.contains(&item) {
                found.push(item);
            }
            continue;
        }
        if let Some(nested) =
            crate::protocol::attribute::find_attribute(host, item, parameters_name)?
        {
            for parameter in crate::types::tuple::items(nested).unwrap_or(&[]) {
                if !found.contains(parameter) {
                    found.push(*parameter);
                }
            }
        }
    }
    Ok(found)
}

/// `alias[items]` and `union[items]`: the type variables replaced by `items`, in order.
pub fn subscript(host: &mut dyn Host, value: Value, key: Value) -> PyResult<Value> {
    let (origin, arguments) = match alias_parts(value) {
        Some(parts) => parts,
        None => (Value::NULL, union_arguments(value).unwrap_or(Value::NONE)),
    };
    let mark = host.runtime().root_mark();
    let result = (|| {
        let parameters = parameters(host, arguments)?;
        if parameters.is_empty() {
            let text = repr(host, value)?;
            return Err(host
                .runtime()
                .type_error(format!("There are no type variables left in {text}")));
        }
        let replacements = match crate::types::tuple::items(key) {
            Some(items) => items.to_vec(),
            None => vec![key],
        };
        if replacements.len() != parameters.len() {
            let text = repr(host, value)?;
            let quantity = if replacements.len() > parameters.len() {
                "many"
            } else {
                "few"
            };
            return Err(host.runtime().type_error(format!(
                "Too {quantity} arguments for {text}; actual {}, expected {}",
                replacements.len(),
                parameters.len()
            )));
        }
        let parameters_name = host.runtime().intern("__parameters__");
        let mut substituted = Vec::new();
        for item in crate::types::tuple::items(arguments)
            .unwrap_or(&[])
            .to_vec()
        {
            if let Some(position) = parameters.iter().position(|&parameter| parameter == item) {
                substituted.push(replacements[position]);
                continue;
            }
            let nested = if as_type(item).is_some() || !item.is_object() {
                None
            } else {
                crate::protocol::attribute::find_attribute(host, item, parameters_name)?
            };
            let nested_parameters = nested
                .and_then(|tuple| crate::types::tuple::items(tuple).map(<[Value]>::to_vec))
                .unwrap_or_default();
            if nested_parameters.is_empty() {
                substituted.push(item);
                continue;
            }
            let values: Vec<Value> = nested_parameters
                .iter()
                .map(|parameter| {
                    let position = parameters
                        .iter()
                        .position(|candidate| candidate == parameter)
                        .unwrap_or(0);
                    replacements[position]
                })
                .collect();
            let runtime = host.runtime();
            let tuple = runtime.new_tuple(values);
            runtime.push_root(tuple);
            let replaced = crate::protocol::get_item(host, item, tuple)?;
            host.runtime().push_root(replaced);
            substituted.push(replaced);
        }
        if origin.is_null() {
            // A union: rebuild it from the substituted members.
            let mut result = substituted[0];
            for &member in &substituted[1..] {
                host.runtime().push_root(result);
                result = match union(host, result, member)? {
                    Some(joined) => joined,
                    None => return Err(host.runtime().type_error("unsupported union member")),
                };
            }
            return Ok(result);
        }
        let runtime = host.runtime();
        let tuple = runtime.new_tuple(substituted);
        Ok(new_alias(runtime, origin, tuple))
    })();
    host.runtime().pop_roots(mark);
    result
}
