//! The instructions that only touch the operand stack and the runtime, shared by the
//! interpreter loop and compiled code.
//!
//! Each runs on the top frame with its operands on the VM stack, exactly as the dispatch loop
//! would, and leaves its results there. The interpreter calls this for the instructions that
//! are not on its hot path; the JIT's generic helper calls it for every instruction compiled
//! code does not do natively (the hot ones the interpreter keeps inline are here too, in their
//! general form), so an instruction's semantics are written once.

use krait_compiler::{BinaryOperator, Comparison, Opcode};
use krait_runtime::attribute_site;
use krait_runtime::object::{CodeData, Payload};
use krait_runtime::protocol::{self, number::UnaryOperator};
use krait_runtime::types::dict::{get_str_key, set_str_key};
use krait_runtime::{PyResult, Value};

use crate::arithmetic::{self, Quick};
use crate::frame::{cell_contents, set_cell};
use crate::Vm;

/// `?` for expressions in the moved dispatch-loop arms.
macro_rules! try_value {
    ($expression:expr) => {
        $expression?
    };
}

impl Vm {
    /// Runs one stack instruction (`index` is its position, for inline caches) on the top
    /// frame. The caller has recorded the frame's instruction pointer.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn stack_instruction(
        &mut self,
        code: &'static CodeData,
        opcode: Opcode,
        arg: usize,
        index: usize,
    ) -> PyResult<()> {
        let (base, cells_base) = match self.frames.last() {
            Some(frame) => (frame.base, frame.base + code.code.varnames.len()),
            None => return Ok(()),
        };
        match opcode {
            Opcode::DeleteDeref => {
                if cell_contents(self.stack[cells_base + arg]).is_null() {
                    return Err(self.unbound_cell(code, arg));
                }
                set_cell(self.stack[cells_base + arg], Value::NULL);
            }
            Opcode::LoadClosure => {
                let cell = self.stack[cells_base + arg];
                self.stack.push(cell);
            }
            Opcode::LoadClassDeref => {
                let name = code
                    .code
                    .cell_name(arg)
                    .map(|name| self.runtime.intern(name))
                    .unwrap_or(Value::NONE);
                let locals = self.frames.last().map_or(Value::NULL, |frame| frame.locals);
                let found = if locals.is_null() {
                    None
                } else {
                    get_str_key(&mut self.runtime, locals, name)
                };
                let value = match found {
                    Some(value) => value,
                    None => {
                        let value = cell_contents(self.stack[cells_base + arg]);
                        if value.is_null() {
                            return Err(self.unbound_cell(code, arg));
                        }
                        value
                    }
                };
                self.stack.push(value);
            }
            Opcode::LoadName => {
                let name = code.names[arg];
                let (locals, globals) = self
                    .frames
                    .last()
                    .map_or((Value::NULL, Value::NULL), |frame| {
                        (frame.locals, frame.globals)
                    });
                let value = try_value!(self.load_name(locals, globals, name));
                self.stack.push(value);
            }
            Opcode::StoreName => {
                let name = code.names[arg];
                let value = self.stack.pop().unwrap_or(Value::NULL);
                let locals = self.frames.last().map_or(Value::NULL, |frame| frame.locals);
                try_value!(self.store_name(locals, name, value));
            }
            Opcode::DeleteName => {
                let name = code.names[arg];
                let locals = self.frames.last().map_or(Value::NULL, |frame| frame.locals);
                try_value!(self.delete_name(locals, name));
            }
            Opcode::StoreGlobal => {
                let name = code.names[arg];
                let value = self.stack.pop().unwrap_or(Value::NULL);
                let globals = self
                    .frames
                    .last()
                    .map_or(Value::NULL, |frame| frame.globals);
                set_str_key(&mut self.runtime, globals, name, value);
            }
            Opcode::DeleteGlobal => {
                let name = code.names[arg];
                let globals = self
                    .frames
                    .last()
                    .map_or(Value::NULL, |frame| frame.globals);
                if krait_runtime::types::dict::remove_str_key(&mut self.runtime, globals, name)
                    .is_none()
                {
                    return Err(self.name_error(name));
                }
            }
            Opcode::DeleteAttr => {
                let object = self.stack.pop().unwrap_or(Value::NULL);
                try_value!(protocol::delete_attribute(self, object, code.names[arg]));
            }
            Opcode::MakeFunction => {
                let code_value = self.stack.pop().unwrap_or(Value::NULL);
                let closure = if arg & 8 != 0 {
                    self.stack.pop().unwrap_or(Value::NULL)
                } else {
                    Value::NULL
                };
                let annotations = if arg & 4 != 0 {
                    self.stack.pop().unwrap_or(Value::NULL)
                } else {
                    Value::NULL
                };
                let keyword_defaults = if arg & 2 != 0 {
                    self.stack.pop().unwrap_or(Value::NULL)
                } else {
                    Value::NULL
                };
                let defaults = if arg & 1 != 0 {
                    self.stack.pop().unwrap_or(Value::NULL)
                } else {
                    Value::NULL
                };
                let globals = self
                    .frames
                    .last()
                    .map_or(Value::NULL, |frame| frame.globals);
                let function =
                    self.make_function(code_value, globals, defaults, keyword_defaults, closure);
                if !annotations.is_null() {
                    self.stack.push(function);
                    try_value!(self.set_function_annotations(function, annotations));
                    self.stack.pop();
                }
                self.stack.push(function);
            }
            Opcode::LoadBuildClass => {
                let name = self.runtime.names.__build_class__;
                let builtins = self.runtime.builtins;
                let value = get_str_key(&mut self.runtime, builtins, name).unwrap_or(Value::NONE);
                self.stack.push(value);
            }
            Opcode::UnaryNegative | Opcode::UnaryPositive | Opcode::UnaryInvert => {
                let operand = self.stack.pop().unwrap_or(Value::NULL);
                let operator = match opcode {
                    Opcode::UnaryNegative => UnaryOperator::Negative,
                    Opcode::UnaryPositive => UnaryOperator::Positive,
                    _ => UnaryOperator::Invert,
                };
                let value = try_value!(protocol::unary_op(self, operand, operator));
                self.stack.push(value);
            }
            // The operands stay on the stack (rooted) while the protocol runs: a user
            // `__hash__`/`__eq__` of the key may collect, and a temporary container has no
            // other root.
            Opcode::ContainsOp => {
                let (container, item) = (self.peek(1), self.peek(2));
                let found = try_value!(protocol::contains(self, container, item));
                self.pop_operands(2);
                self.stack.push(Value::bool(found != (arg == 1)));
            }
            Opcode::DeleteSubscr => {
                let (key, container) = (self.peek(1), self.peek(2));
                try_value!(protocol::delete_item(self, container, key));
                self.pop_operands(2);
            }
            Opcode::BuildSlice => {
                let step = if arg == 3 {
                    self.stack.pop().unwrap_or(Value::NULL)
                } else {
                    Value::NONE
                };
                let stop = self.stack.pop().unwrap_or(Value::NULL);
                let start = self.stack.pop().unwrap_or(Value::NULL);
                let slice = self
                    .runtime
                    .heap
                    .allocate(Payload::Slice { start, stop, step });
                self.stack.push(slice);
            }
            Opcode::BuildTuple => {
                let start = self.stack.len() - arg;
                let tuple = self.runtime.new_tuple_from(&self.stack[start..]);
                self.stack.truncate(start);
                self.stack.push(tuple);
            }
            Opcode::BuildList => {
                let items = self.stack.split_off(self.stack.len() - arg);
                let list = self.runtime.new_list(items);
                self.stack.push(list);
            }
            Opcode::BuildSet => {
                let items = self.stack.split_off(self.stack.len() - arg);
                let set = self.runtime.new_set();
                self.stack.push(set);
                for item in items {
                    try_value!(krait_runtime::types::dict::set_value(
                        self,
                        set,
                        item,
                        Value::NONE
                    ));
                }
            }
            Opcode::BuildMap => {
                let items = self.stack.split_off(self.stack.len() - 2 * arg);
                let dict = self.runtime.new_dict();
                self.stack.push(dict);
                for pair in items.chunks(2) {
                    try_value!(krait_runtime::types::dict::set_value(
                        self, dict, pair[0], pair[1]
                    ));
                }
            }
            Opcode::BuildString => {
                let items = self.stack.split_off(self.stack.len() - arg);
                let mut text = String::new();
                for item in items {
                    text.push_str(protocol::str_value(item).unwrap_or(""));
                }
                let value = self.runtime.new_string(text);
                self.stack.push(value);
            }
            Opcode::ListAppend => {
                let item = self.stack.pop().unwrap_or(Value::NULL);
                let list = self.stack[self.stack.len() - arg];
                krait_runtime::types::list::push(self, list, item);
            }
            Opcode::SetAdd => {
                let item = self.stack.pop().unwrap_or(Value::NULL);
                let set = self.stack[self.stack.len() - arg];
                try_value!(krait_runtime::types::dict::set_value(
                    self,
                    set,
                    item,
                    Value::NONE
                ));
            }
            Opcode::MapAdd => {
                let value = self.stack.pop().unwrap_or(Value::NULL);
                let key = self.stack.pop().unwrap_or(Value::NULL);
                let dict = self.stack[self.stack.len() - arg];
                try_value!(krait_runtime::types::dict::set_value(
                    self, dict, key, value
                ));
            }
            Opcode::ListExtend => {
                let iterable = self.stack.last().copied().unwrap_or(Value::NULL);
                let items = try_value!(protocol::collect(self, iterable));
                self.stack.pop();
                let target = self.stack[self.stack.len() - arg];
                for item in items {
                    krait_runtime::types::list::push(self, target, item);
                }
            }
            Opcode::SetUpdate => {
                let iterable = self.stack.last().copied().unwrap_or(Value::NULL);
                let target = self.stack[self.stack.len() - 1 - arg];
                try_value!(krait_runtime::types::set::update_with(
                    self, target, iterable
                ));
                self.stack.pop();
            }
            Opcode::DictUpdate | Opcode::DictMerge => {
                let source = self.stack.last().copied().unwrap_or(Value::NULL);
                let target = self.stack[self.stack.len() - 1 - arg];
                try_value!(self.dict_update(target, source, opcode == Opcode::DictMerge));
                self.stack.pop();
            }
            Opcode::ListToTuple => {
                let list = self.stack.pop().unwrap_or(Value::NULL);
                let items = krait_runtime::types::list::items(list)
                    .map(|items| items.clone())
                    .unwrap_or_default();
                let tuple = self.runtime.new_tuple(items);
                self.stack.push(tuple);
            }
            Opcode::FormatValue => {
                let spec = if arg & 4 != 0 {
                    self.stack.pop().unwrap_or(Value::NULL)
                } else {
                    Value::NULL
                };
                let value = self.stack.last().copied().unwrap_or(Value::NULL);
                let converted = match arg & 3 {
                    1 => try_value!(protocol::to_str(self, value)),
                    2 => try_value!(protocol::repr(self, value)),
                    3 => {
                        let ascii_name = self.runtime.intern("ascii");
                        let builtins = self.runtime.builtins;
                        let ascii = get_str_key(&mut self.runtime, builtins, ascii_name)
                            .unwrap_or(Value::NONE);
                        try_value!(protocol::call(self, ascii, &[value], &[]))
                    }
                    _ => value,
                };
                let spec_text = protocol::str_value(spec).unwrap_or("").to_owned();
                let result = if spec_text.is_empty() && protocol::str_value(converted).is_some() {
                    converted
                } else {
                    self.stack.push(converted);
                    let result = try_value!(krait_runtime::types::format::format_value(
                        self, converted, &spec_text
                    ));
                    self.stack.pop();
                    result
                };
                self.stack.pop();
                self.stack.push(result);
            }
            Opcode::UnpackSequence => {
                let sequence = self.stack.last().copied().unwrap_or(Value::NULL);
                let items = try_value!(self.unpack(sequence, arg, None));
                self.stack.pop();
                self.stack.extend(items.into_iter().rev());
            }
            Opcode::UnpackEx => {
                let sequence = self.stack.last().copied().unwrap_or(Value::NULL);
                let before = arg & 0xff;
                let after = arg >> 8;
                let mut items = try_value!(self.unpack(sequence, before + after, Some(before)));
                self.stack.pop();
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                let starred = self.runtime.new_list(middle);
                self.stack.extend(tail.into_iter().rev());
                self.stack.push(starred);
                self.stack.extend(items.into_iter().rev());
            }
            Opcode::GetIter => {
                let iterable = self.stack.last().copied().unwrap_or(Value::NULL);
                let iterator = try_value!(protocol::iterate(self, iterable));
                self.stack.pop();
                self.stack.push(iterator);
            }
            Opcode::GetYieldFromIter => {
                let iterable = self.stack.last().copied().unwrap_or(Value::NULL);
                let kind = krait_runtime::types::coroutine::generator_kind(iterable);
                let coroutine_code = code.code.flags
                    & (krait_compiler::code::flags::COROUTINE
                        | krait_compiler::code::flags::ITERABLE_COROUTINE)
                    != 0;
                if kind == Some(krait_runtime::object::GeneratorKind::Coroutine) && !coroutine_code
                {
                    return Err(self.runtime.type_error(
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ));
                }
                if !matches!(
                    kind,
                    Some(
                        krait_runtime::object::GeneratorKind::Generator
                            | krait_runtime::object::GeneratorKind::Coroutine
                    )
                ) {
                    let iterator = try_value!(protocol::iterate(self, iterable));
                    self.stack.pop();
                    self.stack.push(iterator);
                }
            }
            Opcode::GetAwaitable => {
                let value = self.stack.last().copied().unwrap_or(Value::NULL);
                let iterator = try_value!(self.get_awaitable(value, arg as u32));
                self.stack.pop();
                self.stack.push(iterator);
            }
            Opcode::LoadAssertionError => self.stack.push(self.runtime.types.assertion_error),
            Opcode::BeforeWith => {
                let manager = self.stack.last().copied().unwrap_or(Value::NULL);
                let (exit, entered) = try_value!(self.enter_context(manager));
                self.stack.pop();
                self.stack.push(exit);
                self.stack.push(entered);
            }
            Opcode::ImportName => {
                let from_list = self.stack.pop().unwrap_or(Value::NULL);
                let level = self.stack.pop().unwrap_or(Value::NULL);
                let module = try_value!(self.import_name(code.names[arg], from_list, level));
                self.stack.push(module);
            }
            Opcode::ImportFrom => {
                let module = self.stack.last().copied().unwrap_or(Value::NULL);
                let value = try_value!(self.import_from(module, code.names[arg]));
                self.stack.push(value);
            }
            Opcode::ImportStar => {
                let module = self.stack.pop().unwrap_or(Value::NULL);
                let locals = self.frames.last().map_or(Value::NULL, |frame| frame.locals);
                try_value!(self.import_star(module, locals));
            }
            Opcode::SetupAnnotations => {
                let locals = self.frames.last().map_or(Value::NULL, |frame| frame.locals);
                try_value!(self.setup_annotations(locals));
            }
            Opcode::PrintExpr => {
                let value = self.stack.last().copied().unwrap_or(Value::NULL);
                try_value!(self.display(value));
                self.stack.pop();
            }
            Opcode::MatchSequence => {
                let subject = self.stack.last().copied().unwrap_or(Value::NULL);
                let result = self.is_match_sequence(subject);
                self.stack.push(Value::bool(result));
            }
            Opcode::MatchMapping => {
                let subject = self.stack.last().copied().unwrap_or(Value::NULL);
                let result = self.is_match_mapping(subject);
                self.stack.push(Value::bool(result));
            }
            Opcode::GetLen => {
                let value = self.stack.last().copied().unwrap_or(Value::NULL);
                let length = try_value!(protocol::truth::length(self, value));
                let length = self.runtime.new_int(length as i64);
                self.stack.push(length);
            }
            Opcode::MatchKeys => {
                let keys = self.stack.last().copied().unwrap_or(Value::NULL);
                let subject = self.stack[self.stack.len() - 2];
                let values = try_value!(self.match_keys(subject, keys));
                self.stack.push(values);
            }
            Opcode::MatchClass => {
                let length = self.stack.len();
                let (subject, class, names) = (
                    self.stack[length - 3],
                    self.stack[length - 2],
                    self.stack[length - 1],
                );
                let attributes = try_value!(self.match_class(subject, class, arg, names));
                self.stack.truncate(length - 3);
                self.stack.push(attributes);
            }

            Opcode::LoadFast => {
                let value = self.stack[base + arg];
                if value.is_null() {
                    return Err(self.unbound_local(code, arg));
                }
                self.stack.push(value);
            }
            Opcode::DeleteFast => {
                if self.stack[base + arg].is_null() {
                    return Err(self.unbound_local(code, arg));
                }
                self.stack[base + arg] = Value::NULL;
            }
            Opcode::LoadDeref => {
                let value = cell_contents(self.stack[cells_base + arg]);
                if value.is_null() {
                    return Err(self.unbound_cell(code, arg));
                }
                self.stack.push(value);
            }
            Opcode::StoreDeref => {
                let value = self.stack.pop().unwrap_or(Value::NULL);
                set_cell(self.stack[cells_base + arg], value);
            }
            Opcode::LoadGlobal => {
                let name = code.names[arg];
                let globals = self
                    .frames
                    .last()
                    .map_or(Value::NULL, |frame| frame.globals);
                let value = match krait_runtime::global_cache::load_global(
                    &mut self.runtime,
                    &code.global_cache,
                    arg,
                    globals,
                    name,
                ) {
                    Some(value) => value,
                    None => return Err(self.name_error(name)),
                };
                self.stack.push(value);
            }
            Opcode::LoadAttr => {
                let object = self.stack.pop().unwrap_or(Value::NULL);
                if let Some(value) =
                    attribute_site::cached_load(&code.attribute_sites, index, object)
                {
                    self.stack.push(value);
                    return Ok(());
                }
                self.stack.push(object);
                let value = protocol::get_attribute(self, object, code.names[arg])?;
                self.stack.pop();
                attribute_site::record_slot(
                    &mut self.runtime,
                    &code.attribute_sites,
                    index,
                    object,
                    code.names[arg],
                    false,
                );
                self.stack.push(value);
            }
            Opcode::StoreAttr => {
                let object = self.stack.pop().unwrap_or(Value::NULL);
                let value = self.stack.pop().unwrap_or(Value::NULL);
                if attribute_site::cached_store(&code.attribute_sites, index, object, value) {
                    return Ok(());
                }
                let shape_before = attribute_site::shape_before_store(object);
                protocol::set_attribute(self, object, code.names[arg], value)?;
                attribute_site::record_store(
                    &mut self.runtime,
                    &code.attribute_sites,
                    index,
                    object,
                    code.names[arg],
                    shape_before,
                );
            }
            Opcode::LoadMethod => {
                let object = self.stack.pop().unwrap_or(Value::NULL);
                if let Some(method) = attribute_site::cached_any_method(
                    &self.runtime,
                    &code.attribute_sites,
                    index,
                    object,
                ) {
                    self.stack.push(method);
                    self.stack.push(object);
                    return Ok(());
                }
                let (method, receiver) = protocol::load_method(self, object, code.names[arg])?;
                attribute_site::record_any_method(
                    &mut self.runtime,
                    &code.attribute_sites,
                    index,
                    object,
                    code.names[arg],
                    method,
                );
                self.stack.push(method);
                self.stack.push(receiver);
            }
            Opcode::BinaryOp => {
                let right = self.stack.pop().unwrap_or(Value::NULL);
                let left = self.stack.pop().unwrap_or(Value::NULL);
                // Compiled code sends ints here once they outgrew its inline range: boxed
                // ints that fit in 64 bits are computed as the interpreter's loop does.
                if let Some(quick) = arithmetic::wide_int_binary(left, right, arg as u32) {
                    let value = match quick {
                        Quick::Int(result) => self.runtime.new_int(result),
                        Quick::Float(result) => Value::float(result),
                    };
                    self.stack.push(value);
                    return Ok(());
                }
                let operator = BinaryOperator::from_arg(arg as u32).unwrap_or(BinaryOperator::Add);
                let value = self.binary_operation(left, right, operator)?;
                self.stack.push(value);
            }
            Opcode::CompareOp => {
                let right = self.stack.pop().unwrap_or(Value::NULL);
                let left = self.stack.pop().unwrap_or(Value::NULL);
                let operator = Comparison::from_arg(arg as u32).unwrap_or(Comparison::Equal);
                let value = protocol::compare(self, left, right, operator)?;
                self.stack.push(value);
            }
            Opcode::UnaryNot => {
                let operand = self.stack.pop().unwrap_or(Value::NULL);
                let truth = protocol::is_true(self, operand)?;
                self.stack.push(Value::bool(!truth));
            }
            Opcode::BinarySubscr => {
                let (key, container) = (self.peek(1), self.peek(2));
                let value = protocol::get_item(self, container, key)?;
                self.pop_operands(2);
                self.stack.push(value);
            }
            Opcode::StoreSubscr => {
                let (key, container, value) = (self.peek(1), self.peek(2), self.peek(3));
                protocol::set_item(self, container, key, value)?;
                self.pop_operands(3);
            }
            Opcode::RaiseVarargs => return Err(self.raise(arg).error),

            _ => {
                return Err(self.runtime.new_error(
                    self.runtime.types.system_error,
                    format!("{} is not a stack instruction", opcode.name()),
                ))
            }
        }
        Ok(())
    }

    /// The value `distance` below the top of the stack (1 is the top), or NULL.
    fn peek(&self, distance: usize) -> Value {
        self.stack
            .len()
            .checked_sub(distance)
            .and_then(|index| self.stack.get(index).copied())
            .unwrap_or(Value::NULL)
    }

    /// Drops an instruction's operands, left on the stack while it ran.
    fn pop_operands(&mut self, count: usize) {
        self.stack.truncate(self.stack.len().saturating_sub(count));
    }
}
