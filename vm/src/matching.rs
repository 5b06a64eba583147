//! The pattern-matching opcodes of `match` statements (`MatchSequence`, `MatchMapping`,
//! `MatchKeys`, `MatchClass`), as CPython 3.11's `ceval.c` defines them: which subjects count
//! as sequences and mappings, how keys are looked up with `get`, and how a class pattern takes
//! its positional sub-patterns from `__match_args__`.

use krait_runtime::object::Payload;
use krait_runtime::{protocol, PyResult, Value};

use crate::Vm;

/// The builtin classes whose instances a class pattern with one positional sub-pattern
/// matches as a whole (`case int(x)`): CPython's `_Py_TPFLAGS_MATCH_SELF`.
fn matches_self(vm: &Vm, class: Value) -> bool {
    let types = &vm.runtime.types;
    let own = [
        types.bool,
        types.bytearray,
        types.bytes,
        types.dict,
        types.float,
        types.frozenset,
        types.int,
        types.list,
        types.set,
        types.str,
        types.tuple,
    ];
    protocol::as_type(class)
        .is_some_and(|class_object| class_object.mro.get().iter().any(|base| own.contains(base)))
}

impl Vm {
    /// Whether `value` is a sequence to a sequence pattern: lists, tuples, ranges, memoryviews,
    /// deques and `collections.abc.Sequence` classes — never str, bytes or bytearray.
    pub(crate) fn is_match_sequence(&self, value: Value) -> bool {
        let types = &self.runtime.types;
        let class = protocol::type_of(&self.runtime, value);
        let builtin = [types.list, types.tuple, types.range, types.memoryview];
        self.class_has(
            class,
            &builtin,
            &[("collections", "deque")],
            &["Sequence", "MutableSequence"],
        )
    }

    /// Whether `value` is a mapping to a mapping pattern: dicts and `collections.abc.Mapping`
    /// classes.
    pub(crate) fn is_match_mapping(&self, value: Value) -> bool {
        let types = &self.runtime.types;
        let class = protocol::type_of(&self.runtime, value);
        self.class_has(class, &[types.dict], &[], &["Mapping", "MutableMapping"])
    }

    /// Whether the MRO of `class` has one of `builtin`, a class named by `(module, name)` in
    /// `named`, or one of the `collections.abc` classes `abstract`.
    fn class_has(
        &self,
        class: Value,
        builtin: &[Value],
        named: &[(&str, &str)],
        abstract_names: &[&str],
    ) -> bool {
        let Some(class_object) = protocol::as_type(class) else {
            return false;
        };
        class_object.mro.get().iter().any(|&base| {
            if builtin.contains(&base) {
                return true;
            }
            let Some(base_object) = protocol::as_type(base) else {
                return false;
            };
            let name = protocol::str_value(base_object.name).unwrap_or("");
            let module = protocol::str_value(*base_object.module.get()).unwrap_or("");
            named
                .iter()
                .any(|&(want_module, want_name)| module == want_module && name == want_name)
                || (matches!(module, "collections.abc" | "_collections_abc")
                    && abstract_names.contains(&name))
        })
    }

    /// `MatchKeys`: the values of `keys` in `subject` (a tuple), or None if one is missing;
    /// looked up with `subject.get(key, marker)` as CPython does.
    pub(crate) fn match_keys(&mut self, subject: Value, keys: Value) -> PyResult<Value> {
        let keys = krait_runtime::types::tuple::items(keys)
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        if keys.is_empty() {
            return Ok(self.runtime.new_tuple(Vec::new()));
        }
        let get_name = self.runtime.intern("get");
        let get = protocol::get_attribute(self, subject, get_name)?;
        let mark = self.runtime.root_mark();
        self.runtime.push_root(get);
        // A fresh object no mapping can contain stands for "missing".
        let marker = self.runtime.new_list(Vec::new());
        self.runtime.push_root(marker);
        let result = self.match_keys_with(get, marker, &keys);
        self.runtime.pop_roots(mark);
        result
    }

    fn match_keys_with(&mut self, get: Value, marker: Value, keys: &[Value]) -> PyResult<Value> {
        let mut values = Vec::with_capacity(keys.len());
        let seen = self.runtime.new_set();
        self.runtime.push_root(seen);
        for &key in keys {
            if krait_runtime::types::dict::contains_key(self, seen, key)? {
                let text = protocol::repr_string(self, key)?;
                return Err(self
                    .runtime
                    .value_error(format!("mapping pattern checks duplicate key ({text})")));
            }
            krait_runtime::types::dict::set_value(self, seen, key, Value::NONE)?;
            let value = protocol::call(self, get, &[key, marker], &[])?;
            if value == marker {
                return Ok(Value::NONE);
            }
            values.push(value);
            self.runtime.push_root(value);
        }
        Ok(self.runtime.new_tuple(values))
    }

    /// `MatchClass`: the attributes a class pattern matches its sub-patterns against
    /// (`positional` from `__match_args__`, then the keyword `names`), or None when `subject`
    /// is not an instance of `class` or lacks one of them.
    pub(crate) fn match_class(
        &mut self,
        subject: Value,
        class: Value,
        positional: usize,
        names: Value,
    ) -> PyResult<Value> {
        if protocol::as_type(class).is_none() {
            return Err(self
                .runtime
                .type_error("called match pattern must be a type"));
        }
        if !krait_runtime::builtins::functions::instance_check(self, subject, class)? {
            return Ok(Value::NONE);
        }
        let class_name = protocol::class_name(class);
        let mark = self.runtime.root_mark();
        let mut attributes = Vec::new();
        let mut seen: Vec<Value> = Vec::new();
        let result = (|| {
            if positional > 0 {
                let match_args_name = self.runtime.intern("__match_args__");
                let (match_args, match_self) =
                    match protocol::attribute::find_attribute(self, class, match_args_name)? {
                        Some(found) => {
                            if !matches!(
                                found.as_object().map(|object| &object.payload),
                                Some(Payload::Tuple(_))
                            ) {
                                let runtime = &mut self.runtime;
                                let message = format!(
                                    "{class_name}.__match_args__ must be a tuple (got {})",
                                    protocol::type_name(runtime, found)
                                );
                                return Err(runtime.type_error(message));
                            }
                            (
                                krait_runtime::types::tuple::items(found)
                                    .map(<[Value]>::to_vec)
                                    .unwrap_or_default(),
                                false,
                            )
                        }
                        None => (Vec::new(), matches_self(self, class)),
                    };
                let allowed = if match_self { 1 } else { match_args.len() };
                if allowed < positional {
                    let plural = if allowed == 1 { "" } else { "s" };
                    let message = format!("{class_name}() accepts {allowed} positional sub-pattern{plural} ({positional} given)");
                    return Err(self.runtime.type_error(message));
                }
                if match_self {
                    attributes.push(subject);
                } else {
                    for &name in match_args.iter().take(positional) {
                        if !matches!(
                            name.as_object().map(|object| &object.payload),
                            Some(Payload::Str(_))
                        ) {
                            let runtime = &mut self.runtime;
                            let message = format!(
                                "__match_args__ elements must be strings (got {})",
                                protocol::type_name(runtime, name)
                            );
                            return Err(runtime.type_error(message));
                        }
                        match self.match_class_attribute(subject, &class_name, name, &mut seen)? {
                            Some(value) => {
                                self.runtime.push_root(value);
                                attributes.push(value);
                            }
                            None => return Ok(Value::NONE),
                        }
                    }
                }
            }
            let names = krait_runtime::types::tuple::items(names)
                .map(<[Value]>::to_vec)
                .unwrap_or_default();
            for name in names {
                match self.match_class_attribute(subject, &class_name, name, &mut seen)? {
                    Some(value) => {
                        self.runtime.push_root(value);
                        attributes.push(value);
                    }
                    None => return Ok(Value::NONE),
                }
            }
            Ok(self.runtime.new_tuple(attributes))
        })();
        self.runtime.pop_roots(mark);
        result
    }

    /// One attribute of a class pattern; `None` (no match) when the subject lacks it.
    fn match_class_attribute(
        &mut self,
        subject: Value,
        class_name: &str,
        name: Value,
        seen: &mut Vec<Value>,
    ) -> PyResult<Option<Value>> {
        let text = protocol::str_value(name).unwrap_or("");
        if seen
            .iter()
            .any(|&previous| protocol::str_value(previous) == Some(text))
        {
            let message =
                format!("{class_name}() got multiple sub-patterns for attribute '{text}'");
            return Err(self.runtime.type_error(message));
        }
        seen.push(name);
        let name = self.runtime.intern_value(name);
        match protocol::get_attribute(self, subject, name) {
            Ok(value) => Ok(Some(value)),
            Err(error)
                if protocol::is_instance(
                    &self.runtime,
                    error.exception,
                    self.runtime.types.attribute_error,
                ) =>
            {
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }
}
