//! What the interpreter's instructions do when the dispatch loop's inline fast paths do not
//! apply: name lookup in namespaces, binary operators on instances, unpacking, `with` entry,
//! exception matching, `raise`, annotations and function creation. Kept apart from
//! `interpreter.rs` so the loop itself stays small and readable (the split CPython makes
//! between `ceval.c` and its helpers).

use krait_compiler::BinaryOperator;
use krait_runtime::object::Payload;
use krait_runtime::protocol;
use krait_runtime::types::dict::{get_str_key, set_str_key};
use krait_runtime::{PyErr, PyResult, Value};

use crate::interpreter::Raised;
use crate::Vm;

impl Vm {
    pub(crate) fn unbound_local(
        &mut self,
        code: &krait_runtime::object::CodeData,
        index: usize,
    ) -> PyErr {
        let name = code
            .code
            .varnames
            .get(index)
            .map(|name| name.to_string())
            .unwrap_or_default();
        let runtime = &mut self.runtime;
        let message = format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        );
        runtime.new_error(runtime.types.unbound_local_error, message)
    }

    pub(crate) fn unbound_cell(
        &mut self,
        code: &krait_runtime::object::CodeData,
        index: usize,
    ) -> PyErr {
        let name = code
            .code
            .cell_name(index)
            .map(|name| name.to_string())
            .unwrap_or_default();
        let runtime = &mut self.runtime;
        if index < code.code.cellvars.len() {
            let message = format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            );
            runtime.new_error(runtime.types.unbound_local_error, message)
        } else {
            let message = format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
            runtime.new_error(runtime.types.name_error, message)
        }
    }

    /// `NameError: name 'x' is not defined`.
    pub(crate) fn name_error(&mut self, name: Value) -> PyErr {
        let text = protocol::str_value(name).unwrap_or("?");
        let runtime = &mut self.runtime;
        let message = format!("name '{text}' is not defined");
        let error = runtime.new_error(runtime.types.name_error, message);
        let key = runtime.intern("name");
        protocol::attribute::store_slot(runtime, error.exception, key, name);
        error
    }

    pub(crate) fn load_name(
        &mut self,
        locals: Value,
        globals: Value,
        name: Value,
    ) -> PyResult<Value> {
        if !locals.is_null() {
            if is_exact_dict(locals) {
                if let Some(value) = get_str_key(&mut self.runtime, locals, name) {
                    return Ok(value);
                }
            } else {
                match protocol::get_item(self, locals, name) {
                    Ok(value) => return Ok(value),
                    Err(error) => {
                        if !protocol::is_instance(
                            &self.runtime,
                            error.exception,
                            self.runtime.types.key_error,
                        ) {
                            return Err(error);
                        }
                    }
                }
            }
        }
        if let Some(value) = get_str_key(&mut self.runtime, globals, name) {
            return Ok(value);
        }
        let builtins = self.runtime.builtins;
        if let Some(value) = get_str_key(&mut self.runtime, builtins, name) {
            return Ok(value);
        }
        Err(self.name_error(name))
    }

    pub(crate) fn store_name(&mut self, locals: Value, name: Value, value: Value) -> PyResult<()> {
        if is_exact_dict(locals) {
            set_str_key(&mut self.runtime, locals, name, value);
            Ok(())
        } else {
            protocol::set_item(self, locals, name, value)
        }
    }

    pub(crate) fn delete_name(&mut self, locals: Value, name: Value) -> PyResult<()> {
        if is_exact_dict(locals) {
            if krait_runtime::types::dict::remove_str_key(&mut self.runtime, locals, name).is_none()
            {
                return Err(self.name_error(name));
            }
            Ok(())
        } else {
            protocol::delete_item(self, locals, name)
        }
    }

    /// `left op right` past the inline int and float cases. When a Python class's own operator
    /// method is all the protocol would call (`protocol::number::plain_forward_dunder`: vectors,
    /// fractions, money types), it is called directly, its frame pushed as a plain call's —
    /// no bound method, no argument vector, no builtin checks first; a NotImplemented answer
    /// ends as the protocol's would. Everything else takes `protocol::binary_op`.
    #[inline(never)]
    pub(crate) fn binary_operation(
        &mut self,
        left: Value,
        right: Value,
        operator: BinaryOperator,
    ) -> PyResult<Value> {
        let Some(method) =
            protocol::number::plain_forward_dunder(&mut self.runtime, left, right, operator)
        else {
            return protocol::binary_op(self, left, right, operator);
        };
        let result = self.call_python_positional(method, &[left, right])?;
        if result != Value::NOT_IMPLEMENTED {
            return Ok(result);
        }
        protocol::number::unsupported_binary(self, left, right, operator)
    }

    /// Calls the Python function `function` with positional `arguments` from Rust, through
    /// the interpreter's plain call path (the frame pushed with the arguments in place, compiled
    /// code entered when there is some), or the general one when that does not apply.
    pub(crate) fn call_python_positional(
        &mut self,
        function: Value,
        arguments: &[Value],
    ) -> PyResult<Value> {
        self.ensure_stack_room(arguments.len() + 1)?;
        let return_to = self.stack.len();
        self.stack.push(function);
        let arguments_start = self.stack.len();
        self.stack.extend_from_slice(arguments);
        if !self.push_plain_frame(function, arguments_start, return_to) {
            self.stack.truncate(return_to);
            return self.call_python(function, arguments, &[]);
        }
        self.run_pushed_call()
    }

    pub(crate) fn unpack(
        &mut self,
        sequence: Value,
        count: usize,
        starred_at: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let items = match sequence.as_object().map(|object| &object.payload) {
            Some(Payload::Tuple(items)) => items.to_vec(),
            Some(Payload::List(items)) => items.get().clone(),
            _ => {
                let iterable = match protocol::iterate(self, sequence) {
                    Ok(iterator) => iterator,
                    Err(error) => {
                        if protocol::is_instance(
                            &self.runtime,
                            error.exception,
                            self.runtime.types.type_error,
                        ) {
                            let runtime = &mut self.runtime;
                            let message = format!(
                                "cannot unpack non-iterable {} object",
                                protocol::type_name(runtime, sequence)
                            );
                            return Err(runtime.type_error(message));
                        }
                        return Err(error);
                    }
                };
                self.stack.push(iterable);
                let result = protocol::collect(self, iterable);
                self.stack.pop();
                result?
            }
        };
        let runtime = &mut self.runtime;
        match starred_at {
            None => {
                if items.len() > count {
                    return Err(runtime
                        .value_error(format!("too many values to unpack (expected {count})")));
                }
                if items.len() < count {
                    return Err(runtime.value_error(format!(
                        "not enough values to unpack (expected {count}, got {})",
                        items.len()
                    )));
                }
            }
            Some(_) => {
                if items.len() < count {
                    return Err(runtime.value_error(format!(
                        "not enough values to unpack (expected at least {count}, got {})",
                        items.len()
                    )));
                }
            }
        }
        Ok(items)
    }

    pub(crate) fn dict_update(
        &mut self,
        target: Value,
        source: Value,
        is_call: bool,
    ) -> PyResult<()> {
        let is_mapping = matches!(
            source.as_object().map(|object| &object.payload),
            Some(Payload::Dict(_))
        );
        if !is_mapping {
            let keys_name = self.runtime.names.keys;
            let has_keys = protocol::attribute::find_attribute(self, source, keys_name)?.is_some();
            if !has_keys {
                let runtime = &mut self.runtime;
                let message = if is_call {
                    format!(
                        "argument after ** must be a mapping, not {}",
                        protocol::type_name(runtime, source)
                    )
                } else {
                    format!(
                        "'{}' object is not a mapping",
                        protocol::type_name(runtime, source)
                    )
                };
                return Err(runtime.type_error(message));
            }
            let temporary = self.runtime.new_dict();
            self.stack.push(temporary);
            let result = krait_runtime::types::dict::update_from(self, temporary, source);
            self.stack.pop();
            result?;
            return self.dict_update(target, temporary, is_call);
        }
        for (key, value) in krait_runtime::types::dict::pairs(source) {
            if is_call {
                if protocol::str_value(key).is_none() {
                    return Err(self.runtime.type_error("keywords must be strings"));
                }
                if krait_runtime::types::dict::contains_key(self, target, key)? {
                    let message = format!(
                        "got multiple values for keyword argument '{}'",
                        protocol::str_value(key).unwrap_or("?")
                    );
                    return Err(self.runtime.type_error(message));
                }
            }
            krait_runtime::types::dict::set_value(self, target, key, value)?;
        }
        Ok(())
    }

    pub(crate) fn enter_context(&mut self, manager: Value) -> PyResult<(Value, Value)> {
        let class = protocol::type_of(&self.runtime, manager);
        let (enter_name, exit_name) = (self.runtime.names.__enter__, self.runtime.names.__exit__);
        let enter = protocol::lookup_in_type(&mut self.runtime, class, enter_name);
        let exit = protocol::lookup_in_type(&mut self.runtime, class, exit_name);
        let (Some(enter), Some(_)) = (enter, exit) else {
            let runtime = &mut self.runtime;
            let message = format!(
                "'{}' object does not support the context manager protocol",
                protocol::type_name(runtime, manager)
            );
            return Err(runtime.type_error(message));
        };
        let bound_exit = protocol::get_attribute(self, manager, exit_name)?;
        self.stack.push(bound_exit);
        let entered = protocol::attribute::call_bound(self, enter, manager, &[]);
        self.stack.pop();
        Ok((bound_exit, entered?))
    }

    pub(crate) fn exception_matches(&mut self, exception: Value, class: Value) -> PyResult<bool> {
        let single = [class];
        // A tuple's items (a tuple never changes), or the one class, without copying.
        let classes: &[Value] = match krait_runtime::types::tuple::items(class) {
            Some(items) => items,
            None => &single,
        };
        let base_exception = self.runtime.types.base_exception;
        for &candidate in classes {
            if protocol::as_type(candidate).is_none()
                || !protocol::is_subclass(candidate, base_exception)
            {
                return Err(self.runtime.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        Ok(classes
            .iter()
            .any(|&candidate| protocol::is_instance(&self.runtime, exception, candidate)))
    }

    /// The class of an `except*` clause must be exception classes, and not groups.
    pub(crate) fn check_except_star_type(&mut self, class: Value) -> PyResult<()> {
        let classes: Vec<Value> = match krait_runtime::types::tuple::items(class) {
            Some(items) => items.to_vec(),
            None => vec![class],
        };
        let (base_exception, group) = (
            self.runtime.types.base_exception,
            self.runtime.types.base_exception_group,
        );
        for &candidate in &classes {
            if protocol::as_type(candidate).is_none()
                || !protocol::is_subclass(candidate, base_exception)
            {
                return Err(self.runtime.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        if classes
            .iter()
            .any(|&candidate| protocol::is_subclass(candidate, group))
        {
            return Err(
                krait_runtime::types::exception_group::except_star_group_error(&mut self.runtime),
            );
        }
        Ok(())
    }

    /// `SetupAnnotations`: an empty `__annotations__` dict in the namespace unless it has one.
    pub(crate) fn setup_annotations(&mut self, locals: Value) -> PyResult<()> {
        let name = self.runtime.names.__annotations__;
        if is_exact_dict(locals) {
            if get_str_key(&mut self.runtime, locals, name).is_none() {
                let annotations = self.runtime.new_dict();
                set_str_key(&mut self.runtime, locals, name, annotations);
            }
            return Ok(());
        }
        match protocol::get_item(self, locals, name) {
            Ok(_) => Ok(()),
            Err(error)
                if protocol::is_instance(
                    &self.runtime,
                    error.exception,
                    self.runtime.types.key_error,
                ) =>
            {
                let annotations = self.runtime.new_dict();
                protocol::set_item(self, locals, name, annotations)
            }
            Err(error) => Err(error),
        }
    }

    /// `PrintExpr`: what the interactive interpreter's `sys.displayhook` does with a value.
    pub(crate) fn display(&mut self, value: Value) -> PyResult<()> {
        if value.is_none() {
            return Ok(());
        }
        let underscore = self.runtime.intern("_");
        let builtins = self.runtime.builtins;
        set_str_key(&mut self.runtime, builtins, underscore, Value::NONE);
        let text = protocol::repr_string(self, value)?;
        krait_runtime::stream::write_or_raise(
            self,
            krait_runtime::stream::TextStream::Stdout,
            &format!("{text}\n"),
        )?;
        set_str_key(&mut self.runtime, builtins, underscore, value);
        Ok(())
    }

    /// The `__annotations__` dict of a new function from `MakeFunction`'s tuple of
    /// `name, value` pairs.
    pub(crate) fn set_function_annotations(
        &mut self,
        function: Value,
        pairs: Value,
    ) -> PyResult<()> {
        let items = krait_runtime::types::tuple::items(pairs)
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        let annotations = self.runtime.new_dict();
        self.stack.push(annotations);
        let mut result = Ok(());
        for pair in items.chunks(2) {
            if let [name, value] = pair {
                result = krait_runtime::types::dict::set_value(self, annotations, *name, *value);
                if result.is_err() {
                    break;
                }
            }
        }
        self.stack.pop();
        result?;
        if let Some(Payload::Function(function)) =
            function.as_object().map(|object| &object.payload)
        {
            *function.annotations.get() = annotations;
        }
        Ok(())
    }

    /// Builds the exception for `raise` (arg 0: re-raise, 1: `raise X`, 2: `raise X from Y`).
    pub(crate) fn raise(&mut self, arg: usize) -> Raised {
        if arg == 0 {
            let handled = self.topmost_handled_exception();
            if handled.is_null() || handled.is_none() {
                let error = self.runtime.runtime_error("No active exception to reraise");
                return Raised::from(error);
            }
            return Raised {
                error: PyErr { exception: handled },
                reraise: true,
            };
        }
        let cause = if arg == 2 {
            self.stack.pop().unwrap_or(Value::NONE)
        } else {
            Value::NULL
        };
        let raised = self.stack.pop().unwrap_or(Value::NONE);
        let exception = match self.make_exception(raised) {
            Ok(exception) => exception,
            Err(error) => return Raised::from(error),
        };
        if !cause.is_null() {
            let cause_value = if cause.is_none() {
                Value::NONE
            } else {
                match self.make_exception(cause) {
                    Ok(value) => value,
                    Err(_) => {
                        let error = self
                            .runtime
                            .type_error("exception causes must derive from BaseException");
                        return Raised::from(error);
                    }
                }
            };
            if let Some(data) = krait_runtime::runtime::exception_data(exception) {
                let data = data.get();
                data.cause = if cause_value.is_none() {
                    Value::NULL
                } else {
                    cause_value
                };
                data.suppress_context = true;
            }
        }
        Raised::from(PyErr { exception })
    }

    /// An exception instance from what `raise` was given (a class is instantiated).
    pub(crate) fn make_exception(&mut self, value: Value) -> PyResult<Value> {
        let base_exception = self.runtime.types.base_exception;
        if protocol::as_type(value).is_some() {
            if protocol::is_subclass(value, base_exception) {
                return protocol::call(self, value, &[], &[]);
            }
        } else if protocol::is_instance(&self.runtime, value, base_exception) {
            return Ok(value);
        }
        Err(self
            .runtime
            .type_error("exceptions must derive from BaseException"))
    }

    /// Creates a function object.
    pub(crate) fn make_function(
        &mut self,
        code_value: Value,
        globals: Value,
        defaults: Value,
        keyword_defaults: Value,
        closure: Value,
    ) -> Value {
        let (name, qualname, doc) = match krait_runtime::loader::code_data(code_value) {
            Some(code) => {
                let doc = match &code.code.docstring {
                    Some(text) => self.runtime.new_str(text),
                    None => Value::NONE,
                };
                (
                    self.runtime.intern(&code.code.name),
                    self.runtime.new_str(&code.code.qualname),
                    doc,
                )
            }
            None => (Value::NONE, Value::NONE, Value::NONE),
        };
        let module_name = self.runtime.names.__name__;
        let module = get_str_key(&mut self.runtime, globals, module_name).unwrap_or(Value::NONE);
        self.runtime.heap.allocate(Payload::Function(Box::new(
            krait_runtime::object::FunctionObject {
                code: code_value,
                globals,
                name: krait_runtime::object::Mutable::new(name),
                qualname: krait_runtime::object::Mutable::new(qualname),
                defaults: krait_runtime::object::Mutable::new(defaults),
                keyword_defaults: krait_runtime::object::Mutable::new(keyword_defaults),
                closure,
                module,
                doc,
                dict: krait_runtime::object::Mutable::new(Value::NULL),
                annotations: krait_runtime::object::Mutable::new(Value::NULL),
            },
        )))
    }
}

fn is_exact_dict(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Dict(_))
    )
}
