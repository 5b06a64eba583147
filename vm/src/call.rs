//! Calls: binding arguments to parameters (CPython's rules and error messages), pushing frames
//! for Python functions, and creating generators.

use krait_compiler::code::flags;
use krait_compiler::Opcode;
use krait_runtime::object::{
    CodeData, FunctionObject, GeneratorKind, GeneratorObject, GeneratorState, Layout, Mutable,
    NativeFunctionPointer, Payload, SuspendedFrame,
};
use krait_runtime::{protocol, Arguments, PyErr, PyResult, Value};

use crate::frame::Frame;
use crate::Vm;
use krait_runtime::builtins::constructors::construct_builtin;
use krait_runtime::loader::code_data;

/// The classes a constructor fast path instantiates without the general construction
/// protocol (see [`Vm::fast_construction_init`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum FastConstruction {
    /// Plain Python classes (`object.__new__`, no builtin or exception base).
    Plain,
    /// Python subclasses of the builtin exceptions.
    Exception,
}

/// The classes `construct_plain` found plain, with their `__init__`: a small direct-mapped
/// table keyed by the class, each entry valid for the namespace epoch it was filled in (a class
/// found not plain is remembered too, so that the exception fast path's classes, asked here
/// first, do not walk their MRO at every construction). The
/// epoch moves on any change to a class namespace (`__init__` or `__new__` replaced,
/// `__abstractmethods__` set), on any new class and at every collection (a freed class's
/// address may be reused), so a stale entry is never used; MROs and metaclasses of classes
/// made by Python code do not change after creation (the metaclass is checked all the same).
pub struct ConstructorCache {
    entries: [(Value, u64, Value); CONSTRUCTOR_CACHE_SIZE],
}

const CONSTRUCTOR_CACHE_SIZE: usize = 64;

impl Default for ConstructorCache {
    fn default() -> ConstructorCache {
        ConstructorCache {
            entries: [(Value::NULL, 0, Value::NULL); CONSTRUCTOR_CACHE_SIZE],
        }
    }
}

impl ConstructorCache {
    fn slot(class: Value) -> usize {
        // Heap objects are 64-byte slots: the bits above those pick the table slot.
        ((class.bits() >> 6) as usize) % CONSTRUCTOR_CACHE_SIZE
    }

    /// What was decided for `class` at `epoch`, if it was: `Some(None)` when the class is not
    /// one the fast path instantiates.
    pub(crate) fn get(&self, class: Value, epoch: u64) -> Option<Option<Value>> {
        let (cached_class, cached_epoch, init) = self.entries[Self::slot(class)];
        (cached_class == class && cached_epoch == epoch)
            .then_some((!init.is_null()).then_some(init))
    }

    pub(crate) fn put(&mut self, class: Value, epoch: u64, init: Option<Value>) {
        self.entries[Self::slot(class)] = (class, epoch, init.unwrap_or(Value::NULL));
    }
}

/// What a call did.
pub(crate) enum CallOutcome {
    /// The callee ran to completion (a builtin, or a call through Rust).
    Returned(Value),
    /// A frame for a Python function was pushed; the loop continues in it.
    FramePushed,
}

/// The defaults that complete a call of `function` with `given` positional arguments, fewer
/// than it takes: `None` when they do not cover the missing parameters (or too many were
/// given), which the general path reports.
#[inline(never)]
fn missing_defaults(function: &FunctionObject, given: usize) -> Option<&'static [Value]> {
    let count = code_data(function.code)?.code.argument_count as usize;
    let defaults = krait_runtime::types::tuple::items(*function.defaults.get())?;
    let missing = count.checked_sub(given)?;
    defaults.get(defaults.len().checked_sub(missing)?..)
}

fn function_object(value: Value) -> Option<&'static FunctionObject> {
    match &value.as_object()?.payload {
        Payload::Function(function) => Some(function),
        _ => None,
    }
}

impl Vm {
    /// The operands of a call instruction, taken off the stack: the callable, where its
    /// arguments start, the keyword names (the last arguments are their values) and the stack
    /// length to cut back to afterwards. `f(*args, **kwargs)` has its arguments unpacked onto
    /// the stack here.
    pub(crate) fn call_operands(
        &mut self,
        opcode: Opcode,
        arg: usize,
    ) -> PyResult<(Value, usize, Vec<Value>, usize)> {
        if opcode == Opcode::CallFunctionEx {
            let keywords = if arg & 1 != 0 {
                self.stack.pop().unwrap_or(Value::NULL)
            } else {
                Value::NULL
            };
            let positional = self.stack.pop().unwrap_or(Value::NULL);
            let callable = self.stack.pop().unwrap_or(Value::NULL);
            let return_to = self.stack.len();
            self.stack.push(callable);
            self.stack.push(positional);
            self.stack.push(keywords);
            let (mut values, names) = self.unpack_call_arguments(callable, positional, keywords)?;
            self.stack.truncate(return_to + 1);
            self.ensure_stack_room(values.len())?;
            let arguments_start = self.stack.len();
            self.stack.append(&mut values);
            return Ok((callable, arguments_start, names, return_to));
        }
        let keyword_names: Vec<Value> = if opcode == Opcode::CallKw {
            let names = self.stack.pop().unwrap_or(Value::NULL);
            krait_runtime::types::tuple::items(names)
                .map(<[Value]>::to_vec)
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let length = self.stack.len();
        Ok(if opcode == Opcode::CallMethod {
            let first = self.stack[length - arg - 2];
            if first.is_null() {
                (
                    self.stack[length - arg - 1],
                    length - arg,
                    keyword_names,
                    length - arg - 2,
                )
            } else {
                (first, length - arg - 1, keyword_names, length - arg - 2)
            }
        } else {
            (
                self.stack[length - arg - 1],
                length - arg,
                keyword_names,
                length - arg - 1,
            )
        })
    }

    /// Fails unless `count` more values fit in the VM stack without moving it (compiled code
    /// holds pointers into it): a RecursionError, as the stack grows with frames.
    pub(crate) fn ensure_stack_room(&mut self, count: usize) -> PyResult<()> {
        if self.stack.len() + count + crate::STACK_MARGIN > self.stack.capacity() {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    /// Calls `callable` with the arguments on the stack from `arguments_start` (the last
    /// `keyword_names.len()` being keyword values). Python functions get a frame pushed in
    /// place; everything else runs now.
    pub(crate) fn call_value(
        &mut self,
        callable: Value,
        arguments_start: usize,
        keyword_names: &[Value],
        return_to: usize,
    ) -> PyResult<CallOutcome> {
        if let Some(function) = function_object(callable) {
            let Some(code) = code_data(function.code) else {
                return Ok(CallOutcome::Returned(Value::NONE));
            };
            if !code.code.is_generator() {
                self.push_function_frame(
                    callable,
                    function,
                    arguments_start,
                    keyword_names,
                    return_to,
                    false,
                )?;
                return Ok(CallOutcome::FramePushed);
            }
        }
        let result = if self.profiler.is_some() {
            self.call_native_profiled(callable, arguments_start, keyword_names)?
        } else {
            self.call_from_stack(callable, arguments_start, keyword_names)?
        };
        Ok(CallOutcome::Returned(result))
    }

    /// Calls `callable` with the arguments on the stack from `arguments_start`, to completion.
    pub(crate) fn call_from_stack(
        &mut self,
        callable: Value,
        arguments_start: usize,
        keyword_names: &[Value],
    ) -> PyResult<Value> {
        // The arguments are copied off the VM stack (the callee may push onto it); up to eight
        // fit in a buffer on the native stack, so most builtin calls allocate nothing.
        match self.small_arguments(arguments_start) {
            Some((buffer, count)) => {
                protocol::call(self, callable, &buffer[..count], keyword_names)
            }
            None => {
                let arguments: Vec<Value> = self.stack[arguments_start..].to_vec();
                protocol::call(self, callable, &arguments, keyword_names)
            }
        }
    }

    /// The stack's values from `arguments_start` copied into a buffer, with their count, when
    /// there are at most eight of them.
    #[inline]
    fn small_arguments(&self, arguments_start: usize) -> Option<([Value; 8], usize)> {
        let arguments = &self.stack[arguments_start..];
        if arguments.len() > 8 {
            return None;
        }
        let mut buffer = [Value::NULL; 8];
        // A loop of constant length, not `copy_from_slice`: a variable-length copy became a
        // call to memcpy, 7% of a builtin-call-heavy program.
        for (index, slot) in buffer.iter_mut().enumerate() {
            if let Some(&value) = arguments.get(index) {
                *slot = value;
            }
        }
        Some((buffer, arguments.len()))
    }

    /// The interpreter's builtin-call fast path: calls the Rust function of a builtin (or of
    /// a method `LoadMethod` found on a builtin type, its receiver the first argument) with the
    /// positional arguments on the stack from `arguments_start`, skipping the general call
    /// protocol. With the profiler on, calls take the general path, which records them.
    #[inline]
    pub(crate) fn call_native(
        &mut self,
        function: NativeFunctionPointer,
        arguments_start: usize,
    ) -> PyResult<Value> {
        match self.small_arguments(arguments_start) {
            Some((buffer, count)) => function(self, Arguments::positional(&buffer[..count])),
            None => {
                let arguments: Vec<Value> = self.stack[arguments_start..].to_vec();
                function(self, Arguments::positional(&arguments))
            }
        }
    }

    /// A positional call (`Call`, `CallMethod`) of anything but a plain Python function
    /// (which `push_plain_frame` takes first), with fast paths: a bound method has its
    /// receiver put on the stack and its function called in place, a plain class is
    /// constructed with its `__init__` run on the arguments in place, a builtin class or
    /// function is called with the arguments from the stack; the rest goes to `call_value`.
    /// Kept out of the loop's function, which stays small.
    #[inline(never)]
    pub(crate) fn call_positional(
        &mut self,
        callable: Value,
        arguments_start: usize,
        return_to: usize,
        empty_slot_below: bool,
    ) -> PyResult<CallOutcome> {
        let Some(object) = callable.as_object() else {
            return self.call_value(callable, arguments_start, &[], return_to);
        };
        match &object.payload {
            Payload::BoundMethod { .. } => {
                match self.unpack_bound_method(callable, arguments_start, empty_slot_below) {
                    Some((function, start)) => {
                        if self.push_plain_frame(function, start, return_to) {
                            Ok(CallOutcome::FramePushed)
                        } else {
                            self.call_value(function, start, &[], return_to)
                        }
                    }
                    None => self.call_value(callable, arguments_start, &[], return_to),
                }
            }
            Payload::Type(class)
                if !class.user_defined && *class.metaclass.get() == self.runtime.types.type_ =>
            {
                // A builtin class (`str(x)`, `enumerate(items)`): its constructor directly.
                match self.small_arguments(arguments_start) {
                    Some((buffer, count)) => {
                        construct_builtin(self, callable, &buffer[..count], &[])
                            .map(CallOutcome::Returned)
                    }
                    None => self.call_value(callable, arguments_start, &[], return_to),
                }
            }
            Payload::Type(_) => match self.construct_plain(callable, arguments_start) {
                Some(result) => result.map(CallOutcome::Returned),
                None => self.call_value(callable, arguments_start, &[], return_to),
            },
            Payload::NativeFunction(native)
                if native.receiver.is_null() && self.profiler.is_none() =>
            {
                self.call_native(native.function, arguments_start)
                    .map(CallOutcome::Returned)
            }
            _ => self.call_value(callable, arguments_start, &[], return_to),
        }
    }

    /// A call of a bound method (`f = obj.method; f(x)`, a method found the general way):
    /// puts the receiver on the stack before the arguments from `arguments_start` and returns
    /// the function with where its arguments (the receiver first) now start. When the slot
    /// below the callable is the empty one `LoadMethod` leaves (`empty_slot_below`), it takes
    /// the function and the receiver replaces the bound method; otherwise the receiver is
    /// inserted, the bound method staying below as the slot the call cuts back to. `None`,
    /// having done nothing, for anything else or when the stack has no room.
    #[inline]
    pub(crate) fn unpack_bound_method(
        &mut self,
        callable: Value,
        arguments_start: usize,
        empty_slot_below: bool,
    ) -> Option<(Value, usize)> {
        let Some(Payload::BoundMethod { function, receiver }) =
            callable.as_object().map(|object| &object.payload)
        else {
            return None;
        };
        let (function, receiver) = (*function, *receiver);
        if empty_slot_below {
            // `[NULL, bound method, arguments…]`.
            self.stack[arguments_start - 2] = function;
            self.stack[arguments_start - 1] = receiver;
            return Some((function, arguments_start - 1));
        }
        if self.ensure_stack_room(1).is_err() {
            return None;
        }
        self.stack.insert(arguments_start, receiver);
        Some((function, arguments_start))
    }

    /// The interpreter's call fast path: when `callable` is a Python function whose code takes
    /// the positional arguments given (see `CodeData::plain_call`), with its defaults for any
    /// left out, pushes its frame with the arguments in place as its first locals (the defaults
    /// after them) and returns true. Returns false, having
    /// done nothing, when the general path is needed (including for every error).
    #[inline(always)]
    pub(crate) fn push_plain_frame(
        &mut self,
        callable: Value,
        arguments_start: usize,
        return_to: usize,
    ) -> bool {
        let Some(function) = function_object(callable) else {
            return false;
        };
        let Some(code) = code_data(function.code) else {
            return false;
        };
        if self.stack.len() - arguments_start != code.code.argument_count as usize {
            return self.push_frame_with_defaults(
                callable,
                function,
                code,
                arguments_start,
                return_to,
            );
        }
        self.enter_plain_frame(callable, function, code, &[], arguments_start, return_to)
    }

    /// The frame entry both plain calls share: when the code binds plainly and the stack has
    /// room, appends `defaults` after the arguments, fills the other locals with NULL and the
    /// free variables after them, and pushes the frame.
    #[inline(always)]
    fn enter_plain_frame(
        &mut self,
        callable: Value,
        function: &'static FunctionObject,
        code: &'static CodeData,
        defaults: &[Value],
        arguments_start: usize,
        return_to: usize,
    ) -> bool {
        let compiled = &code.code;
        let local_count = compiled.varnames.len();
        // A function's closure is a tuple of cells or NULL/None.
        let free: &[Value] = match function.closure.as_object().map(|object| &object.payload) {
            Some(Payload::Tuple(cells)) => cells,
            _ => &[],
        };
        if !code.plain_call
            || self.frames.len() >= self.runtime.recursion_limit
            || self.stack.len()
                + local_count
                + free.len()
                + compiled.max_stack_depth as usize
                + crate::STACK_MARGIN
                > self.stack.capacity()
        {
            return false;
        }
        // Each step only when it has something to do: most calls pass every argument and
        // have no other locals and no free variables.
        if !defaults.is_empty() {
            self.stack.extend_from_slice(defaults);
        }
        if self.stack.len() < arguments_start + local_count {
            self.stack
                .resize(arguments_start + local_count, Value::NULL);
        }
        if !free.is_empty() {
            self.stack.extend_from_slice(free);
        }
        let stack_base = self.stack.len();
        self.push_frame(Frame::for_call(
            code,
            callable,
            function,
            arguments_start,
            stack_base,
            return_to,
            false,
        ));
        true
    }

    /// `push_plain_frame` for a call with fewer positional arguments than the function takes:
    /// its defaults, when they cover the rest, are copied after the arguments. Out of line, so
    /// the exact call stays short.
    #[inline(never)]
    fn push_frame_with_defaults(
        &mut self,
        callable: Value,
        function: &'static FunctionObject,
        code: &'static CodeData,
        arguments_start: usize,
        return_to: usize,
    ) -> bool {
        let given = self.stack.len() - arguments_start;
        let Some(defaults) = missing_defaults(function, given) else {
            return false;
        };
        self.enter_plain_frame(
            callable,
            function,
            code,
            defaults,
            arguments_start,
            return_to,
        )
    }

    /// The `__init__` of `class` (a Python function, or `object.__init__`) when it is a plain
    /// class `construct_plain` may instantiate: metaclass `type`, `object.__new__`, no builtin
    /// or exception base, not abstract. Remembered per class for the namespace epoch (see
    /// [`ConstructorCache`]).
    pub(crate) fn plain_class_init(&mut self, class: Value) -> Option<Value> {
        self.fast_construction_init(class, FastConstruction::Plain)
    }

    /// The `__init__` of `class` for a constructor fast path of `kind`: a Python class with
    /// metaclass `type`, a builtin `__new__`, no builtin base but `object` (and, for
    /// exceptions, the builtin exceptions), not abstract; a plain class has no exception base,
    /// an exception class has one and is not an exception group. Remembered per class for the
    /// namespace epoch, in the cache of `kind`.
    pub(crate) fn fast_construction_init(
        &mut self,
        class: Value,
        kind: FastConstruction,
    ) -> Option<Value> {
        let class_object = krait_runtime::protocol::as_type(class)?;
        let types = self.runtime.types;
        if !class_object.user_defined || *class_object.metaclass.get() != types.type_ {
            return None;
        }
        let epoch = krait_runtime::dict::namespace_epoch();
        let cache = match kind {
            FastConstruction::Plain => &self.constructors,
            FastConstruction::Exception => &self.exception_constructors,
        };
        if let Some(init) = cache.get(class, epoch) {
            return init;
        }
        let init = self.find_fast_construction_init(class, class_object, kind);
        // The lookups ran no Python code, so the epoch read before them still holds.
        match kind {
            FastConstruction::Plain => self.constructors.put(class, epoch, init),
            FastConstruction::Exception => self.exception_constructors.put(class, epoch, init),
        }
        init
    }

    /// [`Vm::fast_construction_init`]'s decision, not remembered.
    fn find_fast_construction_init(
        &mut self,
        class: Value,
        class_object: &krait_runtime::object::TypeObject,
        kind: FastConstruction,
    ) -> Option<Value> {
        let types = self.runtime.types;
        let mut exception = false;
        for &base in class_object.mro.get().iter() {
            let base_object = krait_runtime::protocol::as_type(base)?;
            let builtin_base = !base_object.user_defined
                && base_object.layout == Layout::Builtin
                && base != types.object
                && base != types.type_;
            if builtin_base {
                return None;
            }
            exception |= base_object.layout == Layout::Exception;
        }
        let wanted = match kind {
            FastConstruction::Plain => !exception,
            FastConstruction::Exception => {
                exception && !protocol::is_subclass(class, types.base_exception_group)
            }
        };
        if !wanted {
            return None;
        }
        let names = self.runtime.names;
        let new = protocol::lookup_in_type(&mut self.runtime, class, names.__new__);
        if new.is_some_and(|new| !crate::construct_exception::is_native(new)) {
            return None;
        }
        if krait_runtime::types::dict::get_str_key(
            &mut self.runtime,
            class_object.dict,
            names.__abstractmethods__,
        )
        .is_some()
        {
            return None;
        }
        protocol::lookup_in_type(&mut self.runtime, class, names.__init__)
    }

    /// The interpreter's fast path for `Class(arguments…)`: when `callable` is a plain Python
    /// class (metaclass `type`, `object.__new__`, no builtin or exception base, not abstract)
    /// whose `__init__` is a Python function binding the positional arguments given
    /// (`CodeData::plain_call`; its defaults fill in the rest), or which has no `__init__` and
    /// gets no arguments, makes the
    /// instance and runs `__init__` with the instance and the arguments in place on the stack
    /// as its first locals: no argument copies, no general binder. `None`, having done nothing,
    /// when the general path (`protocol::construct`) is needed.
    ///
    /// `__init__` runs in a nested loop, as a call through Rust would: its result must be
    /// checked, and the instance (not the result) left for the caller.
    pub(crate) fn construct_plain(
        &mut self,
        callable: Value,
        arguments_start: usize,
    ) -> Option<PyResult<Value>> {
        // A Python subclass of an exception class: `construct_exception.rs`.
        let (init, layout) = match self.plain_class_init(callable) {
            Some(init) => (init, Layout::Object),
            None => (self.exception_class_init(callable)?, Layout::Exception),
        };
        let given = self.stack.len() - arguments_start;
        let Some(function) = function_object(init) else {
            if layout == Layout::Exception {
                // A builtin `__init__`, which the general path does not call either.
                return crate::construct_exception::is_native(init)
                    .then(|| Ok(self.new_exception_instance(callable, arguments_start)));
            }
            // `object.__init__`: nothing to run, and no arguments allowed (the general path
            // raises CPython's error).
            let object_init = matches!(
                init.as_object().map(|object| &object.payload),
                Some(Payload::NativeFunction(_))
            );
            return (object_init && given == 0)
                .then(|| Ok(self.runtime.new_instance(callable, Layout::Object)));
        };
        let code = code_data(function.code)?;
        let compiled = &code.code;
        let local_count = compiled.varnames.len();
        let free = krait_runtime::types::tuple::items(function.closure).unwrap_or(&[]);
        let defaults = if given + 1 == compiled.argument_count as usize {
            &[]
        } else {
            missing_defaults(function, given + 1)?
        };
        if !code.plain_call
            || self.frames.len() >= self.runtime.recursion_limit
            || self.stack.len()
                + 1
                + local_count
                + free.len()
                + compiled.max_stack_depth as usize
                + crate::STACK_MARGIN
                > self.stack.capacity()
        {
            return None;
        }
        let instance = if layout == Layout::Exception {
            self.new_exception_instance(callable, arguments_start)
        } else {
            self.runtime.new_instance(callable, Layout::Object)
        };
        // `self` goes before the arguments; the class stays below them, so the frame returns
        // to just above it.
        self.stack.insert(arguments_start, instance);
        self.stack
            .resize(arguments_start + local_count, Value::NULL);
        let first_default = arguments_start + given + 1;
        for (slot, &value) in self.stack[first_default..].iter_mut().zip(defaults) {
            *slot = value;
        }
        self.stack.extend_from_slice(free);
        let stack_base = self.stack.len();
        self.push_frame(Frame::for_call(
            code,
            init,
            function,
            arguments_start,
            stack_base,
            arguments_start,
            true,
        ));
        // `__init__` may rebind its `self`: the instance stays rooted here meanwhile.
        let mark = self.runtime.root_mark();
        self.runtime.push_root(instance);
        let result = self.run_pushed_frame();
        self.runtime.pop_roots(mark);
        Some(match result {
            Ok(value) if value.is_none() => Ok(instance),
            Ok(value) => {
                let message = format!(
                    "__init__() should return None, not '{}'",
                    protocol::type_name(&self.runtime, value)
                );
                Err(self.runtime.type_error(message))
            }
            Err(error) => Err(error),
        })
    }

    /// Binds the arguments on the stack (from `arguments_start`) to the function's
    /// parameters, in place, and pushes its frame.
    fn push_function_frame(
        &mut self,
        callable: Value,
        function: &'static FunctionObject,
        arguments_start: usize,
        keyword_names: &[Value],
        return_to: usize,
        is_entry: bool,
    ) -> PyResult<()> {
        if self.frames.len() >= self.runtime.recursion_limit {
            return Err(self.recursion_error());
        }
        let Some(code) = code_data(function.code) else {
            return Ok(());
        };
        let compiled = &code.code;
        let local_count = compiled.varnames.len();
        self.ensure_stack_room(
            local_count + compiled.cell_count() + compiled.max_stack_depth as usize,
        )?;
        let given = self.stack.len() - arguments_start;
        let simple = keyword_names.is_empty()
            && given == compiled.argument_count as usize
            && compiled.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && compiled.keyword_only_count == 0;
        if simple {
            self.stack
                .resize(arguments_start + local_count, Value::NULL);
        } else {
            let arguments = self.stack[arguments_start..].to_vec();
            let locals = self.bind_arguments(function, &arguments, keyword_names)?;
            self.stack.truncate(arguments_start);
            self.stack.extend_from_slice(&locals);
        }
        self.push_cells(function, arguments_start);
        let stack_base = self.stack.len();
        self.push_frame(Frame::for_call(
            code,
            callable,
            function,
            arguments_start,
            stack_base,
            return_to,
            is_entry,
        ));
        Ok(())
    }

    /// Pushes the frame's cells (new cells, parameters moved into theirs) and free variables.
    fn push_cells(&mut self, function: &'static FunctionObject, base: usize) {
        let Some(code) = code_data(function.code) else {
            return;
        };
        let compiled = &code.code;
        for index in 0..compiled.cellvars.len() {
            let initial = match compiled.cell_parameters.get(index).copied().flatten() {
                Some(parameter) => {
                    let value = self.stack[base + parameter as usize];
                    self.stack[base + parameter as usize] = Value::NULL;
                    value
                }
                None => Value::NULL,
            };
            let cell = self
                .runtime
                .heap
                .allocate(Payload::Cell(std::cell::Cell::new(initial)));
            self.stack.push(cell);
        }
        if let Some(free) = krait_runtime::types::tuple::items(function.closure) {
            self.stack.extend_from_slice(free);
        }
    }

    /// Computes the initial locals of a call: CPython's binding rules and error messages.
    pub(crate) fn bind_arguments(
        &mut self,
        function: &'static FunctionObject,
        arguments: &[Value],
        keyword_names: &[Value],
    ) -> PyResult<Vec<Value>> {
        let Some(code) = code_data(function.code) else {
            return Ok(Vec::new());
        };
        let compiled = &code.code;
        // Only error messages use the name: borrowed, not copied, on every call.
        let name: &'static str = protocol::str_value(*function.qualname.get()).unwrap_or("?");
        let positional_count = compiled.argument_count as usize;
        let keyword_only = compiled.keyword_only_count as usize;
        let positional_only = compiled.positional_only_count as usize;
        let has_varargs = compiled.flags & flags::VARARGS != 0;
        let has_varkeywords = compiled.flags & flags::VARKEYWORDS != 0;
        let mut locals = vec![Value::NULL; compiled.varnames.len()];
        let positional = &arguments[..arguments.len() - keyword_names.len()];
        let keyword_values = &arguments[arguments.len() - keyword_names.len()..];
        for (index, &value) in positional.iter().take(positional_count).enumerate() {
            locals[index] = value;
        }
        let varargs_index = positional_count + keyword_only;
        let varkeywords_index = varargs_index + usize::from(has_varargs);
        if positional.len() > positional_count {
            if has_varargs {
                let extra = positional[positional_count..].to_vec();
                locals[varargs_index] = self.runtime.new_tuple(extra);
            } else {
                return Err(self.too_many_positional(
                    function,
                    name,
                    positional.len(),
                    keyword_names.len(),
                ));
            }
        } else if has_varargs {
            locals[varargs_index] = self.runtime.new_tuple(Vec::new());
        }
        let keywords_dict = if has_varkeywords {
            let dict = self.runtime.new_dict();
            locals[varkeywords_index] = dict;
            dict
        } else {
            Value::NULL
        };
        let mut positional_only_passed = Vec::new();
        for (&keyword, &value) in keyword_names.iter().zip(keyword_values) {
            let keyword_text = protocol::str_value(keyword).unwrap_or("");
            let slot = code.varnames[..positional_count + keyword_only]
                .iter()
                .position(|&candidate| {
                    candidate == keyword || protocol::str_value(candidate) == Some(keyword_text)
                });
            match slot {
                Some(index) if index >= positional_only => {
                    if !locals[index].is_null() {
                        let message =
                            format!("{name}() got multiple values for argument '{keyword_text}'");
                        return Err(self.runtime.type_error(message));
                    }
                    locals[index] = value;
                }
                found => {
                    if has_varkeywords {
                        krait_runtime::types::dict::set_value(self, keywords_dict, keyword, value)?;
                    } else if found.is_some() {
                        positional_only_passed.push(keyword_text.to_owned());
                    } else {
                        let message =
                            format!("{name}() got an unexpected keyword argument '{keyword_text}'");
                        return Err(self.runtime.type_error(message));
                    }
                }
            }
        }
        if !positional_only_passed.is_empty() {
            let message = format!(
                "{name}() got some positional-only arguments passed as keyword arguments: '{}'",
                positional_only_passed.join(", ")
            );
            return Err(self.runtime.type_error(message));
        }
        // Defaults for the missing positional parameters.
        let defaults = krait_runtime::types::tuple::items(*function.defaults.get()).unwrap_or(&[]);
        let first_default = positional_count - defaults.len().min(positional_count);
        let mut missing = Vec::new();
        for index in positional.len().min(positional_count)..positional_count {
            if locals[index].is_null() {
                if index >= first_default {
                    locals[index] = defaults[index - first_default];
                } else {
                    missing.push(compiled.varnames[index].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(name, &missing, "positional"));
        }
        let keyword_defaults = *function.keyword_defaults.get();
        for (index, local) in locals
            .iter_mut()
            .enumerate()
            .take(positional_count + keyword_only)
            .skip(positional_count)
        {
            if local.is_null() {
                let default = if keyword_defaults.is_null() {
                    None
                } else {
                    krait_runtime::types::dict::get_str_key(
                        &mut self.runtime,
                        keyword_defaults,
                        code.varnames[index],
                    )
                };
                match default {
                    Some(value) => *local = value,
                    None => missing.push(compiled.varnames[index].to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(name, &missing, "keyword-only"));
        }
        Ok(locals)
    }

    fn too_many_positional(
        &mut self,
        function: &'static FunctionObject,
        name: &str,
        given: usize,
        keyword_count: usize,
    ) -> PyErr {
        let Some(code) = code_data(function.code) else {
            return self.runtime.type_error("bad call");
        };
        let maximum = code.code.argument_count as usize;
        let defaults =
            krait_runtime::types::tuple::items(*function.defaults.get()).map_or(0, <[Value]>::len);
        let minimum = maximum - defaults.min(maximum);
        let plural = |count: usize| if count == 1 { "" } else { "s" };
        let takes = if minimum == maximum {
            format!("{maximum} positional argument{}", plural(maximum))
        } else {
            format!("from {minimum} to {maximum} positional arguments")
        };
        let given_text = if keyword_count > 0 {
            format!("{given} positional argument{} (and {keyword_count} keyword-only argument{}) were given", plural(given), plural(keyword_count))
        } else {
            format!(
                "{given} {}",
                if given == 1 {
                    "was given"
                } else {
                    "were given"
                }
            )
        };
        let message = format!("{name}() takes {takes} but {given_text}");
        self.runtime.type_error(message)
    }

    fn missing_arguments(&mut self, name: &str, missing: &[String], kind: &str) -> PyErr {
        let quoted: Vec<String> = missing.iter().map(|name| format!("'{name}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            _ => format!(
                "{}, and {}",
                quoted[..quoted.len() - 1].join(", "),
                quoted[quoted.len() - 1]
            ),
        };
        let plural = if missing.len() == 1 { "" } else { "s" };
        let message = format!(
            "{name}() missing {} required {kind} argument{plural}: {list}",
            missing.len()
        );
        self.runtime.type_error(message)
    }

    /// The positional values and keyword names/values of a `f(*args, **kwargs)` call.
    pub(crate) fn unpack_call_arguments(
        &mut self,
        callable: Value,
        positional: Value,
        keywords: Value,
    ) -> PyResult<(Vec<Value>, Vec<Value>)> {
        let mut values = match krait_runtime::types::tuple::items(positional) {
            Some(items) => items.to_vec(),
            None => protocol::collect(self, positional)?,
        };
        let mut names = Vec::new();
        if !keywords.is_null() {
            let mut keyword_values = Vec::new();
            for (key, value) in krait_runtime::types::dict::pairs(keywords) {
                if protocol::str_value(key).is_none() {
                    return Err(self.runtime.type_error("keywords must be strings"));
                }
                names.push(self.runtime.intern_value(key));
                keyword_values.push(value);
            }
            values.extend(keyword_values);
        }
        let _ = callable;
        Ok((values, names))
    }

    /// Creates a generator for a call of a generator function.
    fn make_generator(
        &mut self,
        callable: Value,
        function: &'static FunctionObject,
        arguments: &[Value],
        keyword_names: &[Value],
    ) -> PyResult<Value> {
        let locals = self.bind_arguments(function, arguments, keyword_names)?;
        let base = self.stack.len();
        self.stack.extend_from_slice(&locals);
        self.push_cells(function, base);
        // Room for the operand stack too, so the first suspension does not grow the buffer.
        let stack_start = self.stack.len() - base;
        let max_stack_depth = code_data(function.code).map_or(0, |code| code.code.max_stack_depth);
        let frame_size = stack_start + max_stack_depth as usize;
        let mut values = Vec::with_capacity(frame_size);
        values.extend_from_slice(&self.stack[base..]);
        self.stack.truncate(base);
        let frame = SuspendedFrame {
            function: callable,
            code: function.code,
            globals: function.globals,
            instruction: 0,
            stack_start: stack_start as u32,
            frame_size: frame_size as u32,
            values,
            handled_exception: Value::NULL,
        };
        let flags = code_data(function.code).map_or(0, |code| code.code.flags);
        let kind = if flags & krait_compiler::code::flags::COROUTINE != 0 {
            GeneratorKind::Coroutine
        } else if flags & krait_compiler::code::flags::ASYNC_GENERATOR != 0 {
            GeneratorKind::AsyncGenerator
        } else {
            GeneratorKind::Generator
        };
        let generator = GeneratorObject {
            kind,
            frame: Mutable::new(Some(frame)),
            state: std::cell::Cell::new(GeneratorState::Created),
            name: *function.name.get(),
            qualname: *function.qualname.get(),
            hooks_initialized: std::cell::Cell::new(false),
        };
        Ok(self
            .runtime
            .heap
            .allocate(Payload::Generator(Box::new(generator))))
    }

    /// Calls a Python function from Rust code: binds, runs a nested loop, returns its value.
    pub(crate) fn call_python(
        &mut self,
        callable: Value,
        arguments: &[Value],
        keyword_names: &[Value],
    ) -> PyResult<Value> {
        let Some(function) = function_object(callable) else {
            return protocol::call(self, callable, arguments, keyword_names);
        };
        let Some(code) = code_data(function.code) else {
            return Ok(Value::NONE);
        };
        if code.code.is_generator() {
            return self.make_generator(callable, function, arguments, keyword_names);
        }
        self.ensure_stack_room(arguments.len() + 1)?;
        let return_to = self.stack.len();
        self.stack.push(callable);
        let arguments_start = self.stack.len();
        self.stack.extend_from_slice(arguments);
        if let Err(error) = self.push_function_frame(
            callable,
            function,
            arguments_start,
            keyword_names,
            return_to,
            true,
        ) {
            self.stack.truncate(return_to);
            return Err(error);
        }
        self.run_pushed_frame()
    }

    /// Runs a class body with `namespace` as its locals.
    pub(crate) fn run_class_body_function(
        &mut self,
        callable: Value,
        namespace: Value,
    ) -> PyResult<Value> {
        let Some(function) = function_object(callable) else {
            return Ok(Value::NONE);
        };
        let Some(code) = code_data(function.code) else {
            return Ok(Value::NONE);
        };
        let base = self.stack.len();
        self.stack
            .resize(base + code.code.varnames.len(), Value::NULL);
        self.push_cells(function, base);
        let stack_base = self.stack.len();
        self.push_frame(Frame {
            code,
            code_value: function.code,
            function: callable,
            globals: function.globals,
            locals: namespace,
            base,
            stack_base,
            ip: 0,
            return_to: base,
            is_entry: true,
            generator: Value::NULL,
        });
        match self.run_frames()? {
            crate::interpreter::Exit::Return(value) | crate::interpreter::Exit::Yield(value) => {
                Ok(value)
            }
        }
    }
}
