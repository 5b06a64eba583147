//! The per-instruction translation: one arm per opcode, each either native code, a fast path
//! with a generic fallback, or the vm's generic helper.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;
use krait_runtime::profile::{RETURN_MARKER, SEEN_FLOAT, SEEN_INT};
use krait_runtime::Value;

use super::attributes::Ways;
use super::{runs_through_helper, Kind, Translator};
use crate::DeoptReason;

impl<'a, 'b> Translator<'a, 'b> {
    /// Translates the instruction at `index`; returns how many instructions it consumed.
    pub(super) fn instruction(&mut self, index: usize) -> Result<usize, String> {
        let instruction = self.code.code.instructions[index];
        let arg = instruction.arg;
        let opcode = instruction.opcode;
        match opcode {
            Opcode::Nop => {}
            Opcode::PopTop => {
                self.pop();
            }
            Opcode::Copy => {
                let (value, kind) = self.peek(arg as usize - 1);
                let expected = self.stack_expected[self.depth - arg as usize].clone();
                let local = self.stack_local[self.depth - arg as usize];
                let raw = self.stack_raw[self.depth - arg as usize];
                self.push(value, kind);
                self.stack_expected[self.depth - 1] = expected;
                self.stack_local[self.depth - 1] = local;
                self.stack_raw[self.depth - 1] = raw;
            }
            Opcode::Swap => {
                let top = self.depth - 1;
                let other = self.depth - arg as usize;
                let top_value = self.builder.use_var(self.stack_variables[top]);
                let other_value = self.builder.use_var(self.stack_variables[other]);
                self.builder.def_var(self.stack_variables[top], other_value);
                self.builder.def_var(self.stack_variables[other], top_value);
                self.stack_kinds.swap(top, other);
                self.stack_expected.swap(top, other);
                self.stack_local.swap(top, other);
                self.stack_raw.swap(top, other);
            }
            Opcode::PushNull => {
                let null = self
                    .builder
                    .ins()
                    .iconst(types::I64, Value::NULL.bits() as i64);
                self.push(null, Kind::Unknown);
            }
            Opcode::LoadConst => {
                let constant = self.code.constants[arg as usize];
                let value = self
                    .builder
                    .ins()
                    .iconst(types::I64, constant.bits() as i64);
                self.push(value, Self::constant_kind(constant));
            }
            Opcode::LoadAssertionError => {
                let value = self
                    .builder
                    .ins()
                    .iconst(types::I64, self.environment.assertion_error.bits() as i64);
                self.push(value, Kind::Unknown);
            }
            Opcode::LoadFast => {
                let local = arg as usize;
                let value = self.builder.use_var(self.local_variables[local]);
                if !self.always_bound[local] && !self.local_bound[local] {
                    let is_null = self.builder.ins().icmp_imm_s(
                        IntCC::Equal,
                        value,
                        Value::NULL.bits() as i64,
                    );
                    let unbound = self.builder.create_block();
                    let next = self.builder.create_block();
                    self.builder.set_cold_block(unbound);
                    self.builder.ins().brif(is_null, unbound, &[], next, &[]);
                    self.builder.switch_to_block(unbound);
                    // The vm raises UnboundLocalError.
                    let helper = self.environment.helpers.stack_op;
                    self.call_helper(
                        helper,
                        index,
                        i64::from(Opcode::LoadFast.to_byte()),
                        i64::from(arg),
                    );
                    self.jump_after_raise();
                    self.builder.switch_to_block(next);
                    self.local_bound[local] = true;
                }
                let kind = self.local_kinds[local];
                self.push(value, kind);
                self.stack_local[self.depth - 1] = Some(local);
                self.stack_raw[self.depth - 1] = self.local_raw[local];
            }
            Opcode::StoreFast => {
                let local = arg as usize;
                let raw = self.stack_raw[self.depth - 1];
                let (value, kind) = self.pop();
                self.forget_local(local);
                self.local_raw[local] = raw;
                self.builder.def_var(self.local_variables[local], value);
                self.store_slot(local, value);
                self.local_kinds[local] = kind;
                self.local_bound[local] = true;
            }
            Opcode::DeleteFast if self.local_bound[arg as usize] => {
                // `except E as e` ends with `e = None; del e`: a local known bound is
                // unbound inline.
                let null = self
                    .builder
                    .ins()
                    .iconst(types::I64, Value::NULL.bits() as i64);
                self.store_slot(arg as usize, null);
                self.builder
                    .def_var(self.local_variables[arg as usize], null);
                self.local_kinds[arg as usize] = Kind::Unknown;
                self.local_bound[arg as usize] = false;
                self.forget_local(arg as usize);
                self.local_raw[arg as usize] = None;
            }
            Opcode::DeleteFast => {
                // The vm checks the local is bound and unbinds it in the frame.
                self.generic(index, opcode, arg);
                let null = self
                    .builder
                    .ins()
                    .iconst(types::I64, Value::NULL.bits() as i64);
                self.builder
                    .def_var(self.local_variables[arg as usize], null);
                self.local_kinds[arg as usize] = Kind::Unknown;
                self.local_bound[arg as usize] = false;
                self.forget_local(arg as usize);
                self.local_raw[arg as usize] = None;
            }
            Opcode::BinaryOp => self.binary_op(index, arg),
            Opcode::CompareOp => return self.compare_op(index, arg),
            Opcode::UnaryNegative => {
                let (_, kind) = self.peek(0);
                let seen = self.feedback[index];
                if kind == Kind::Float || (seen == SEEN_FLOAT) {
                    let operand = self.float_operand(0, index, false);
                    let negated = self.builder.ins().fneg(operand);
                    let boxed = self.box_float(negated);
                    self.pop();
                    self.push(boxed, Kind::Float);
                } else if kind == Kind::Int || seen == SEEN_INT {
                    let operand = self.int_operand(0, index);
                    let negated = self.builder.ins().ineg(operand);
                    let fits = self.fits_inline(negated);
                    self.guard(fits, index, DeoptReason::Overflow);
                    let boxed = self.box_int(negated);
                    self.pop();
                    self.push(boxed, Kind::Int);
                } else {
                    // No feedback here: a float is negated inline, anything else goes
                    // through the interpreter's implementation.
                    let (value, _) = self.peek(0);
                    self.with_inline(
                        |this, fallback| {
                            let is_float = this.is_float(value);
                            let float_block = this.builder.create_block();
                            this.builder
                                .ins()
                                .brif(is_float, float_block, &[], fallback, &[]);
                            this.builder.switch_to_block(float_block);
                            let operand = this.unbox_float(value);
                            let negated = this.builder.ins().fneg(operand);
                            let boxed = this.box_float(negated);
                            this.pop();
                            this.push(boxed, Kind::Float);
                            true
                        },
                        |this| this.generic(index, opcode, arg),
                    );
                }
            }
            Opcode::UnaryNot => {
                let (value, kind) = self.peek(0);
                if kind == Kind::Bool {
                    let flipped = self.builder.ins().bxor_imm_s(value, 1);
                    self.pop();
                    self.push(flipped, Kind::Bool);
                } else {
                    let truth = self.truth(index, value, kind);
                    let falsity = self.builder.ins().bxor_imm_s(truth, 1);
                    let boxed = self.box_bool(falsity);
                    self.pop();
                    self.push(boxed, Kind::Bool);
                }
            }
            Opcode::IsOp => {
                let (right, _) = self.pop();
                let (left, _) = self.pop();
                let condition = if arg == 1 {
                    IntCC::NotEqual
                } else {
                    IntCC::Equal
                };
                let result = self.builder.ins().icmp(condition, left, right);
                let boxed = self.box_bool(result);
                self.push(boxed, Kind::Bool);
            }
            Opcode::Call if self.range_call_site(index, arg) => {
                return Ok(self.range_iterator_call(index, arg));
            }
            Opcode::CallMethod if self.list_append_call(arg) => self.call_list_append(index, arg),
            Opcode::Call if self.len_call_site(arg) => self.call_len(index, arg),
            Opcode::Call if self.isinstance_call_site(arg) => self.call_isinstance(index, arg),
            Opcode::Call | Opcode::CallMethod if self.inline_callee(index, opcode, arg)? => {}
            Opcode::Call if self.folded_construct_call(index, arg) => {}
            Opcode::Call if self.construct_call(index, arg) => {}
            Opcode::Call | Opcode::CallMethod if self.known_call(index, opcode, arg) => {}
            Opcode::Call if self.inline_closure(index, opcode, arg)? => {}
            Opcode::Call | Opcode::CallMethod if self.dynamic_call(index, opcode, arg) => {}
            Opcode::Call | Opcode::CallMethod | Opcode::CallKw | Opcode::CallFunctionEx => {
                let helper = self.environment.helpers.call;
                let result =
                    self.call_helper(helper, index, i64::from(opcode.to_byte()), i64::from(arg));
                let (pops, _) = opcode.stack_effect(arg);
                self.depth -= pops as usize;
                self.push(result, Kind::Unknown);
            }
            Opcode::ReturnValue if self.inlined.is_some() => self.inlined_return(),
            Opcode::ReturnValue => {
                let (value, _) = self.pop();
                self.builder.ins().return_(&[value]);
                self.terminated = true;
            }
            Opcode::Jump => {
                let target = arg as usize;
                if target <= index {
                    self.safepoint(index);
                }
                let block = self.edge(index, target);
                self.builder.ins().jump(block, &[]);
                self.emit_edge_checks();
                self.terminated = true;
            }
            Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => {
                let (value, kind) = self.peek(0);
                let truth = self.truth(index, value, kind);
                self.pop();
                self.branch(truth, opcode == Opcode::PopJumpIfTrue, arg as usize, index);
            }
            Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                let (value, kind) = self.peek(0);
                let truth = self.truth(index, value, kind);
                let target = self.edge(index, arg as usize);
                let next = self.edge(index, index + 1);
                if opcode == Opcode::JumpIfTrueOrPop {
                    self.builder.ins().brif(truth, target, &[], next, &[]);
                } else {
                    self.builder.ins().brif(truth, next, &[], target, &[]);
                }
                self.emit_edge_checks();
                self.terminated = true;
            }
            Opcode::ForIter => return self.for_iter(index, arg),
            Opcode::RaiseVarargs if arg > 0 => {
                let helper = self.environment.helpers.stack_op;
                self.call_helper(helper, index, i64::from(opcode.to_byte()), i64::from(arg));
                // The vm always reports an exception here.
                self.jump_after_raise();
                self.terminated = true;
            }
            Opcode::LoadGlobal => {
                if let Some(Some(value)) = self.globals.values.get(arg as usize).copied() {
                    self.folded_global(index, opcode, arg, value);
                    return Ok(1);
                }
                let fast = self.environment.fast_paths.load_global;
                let zero = self.zero();
                let name = self.builder.ins().iconst(types::I64, i64::from(arg));
                self.fast_or_generic(
                    index,
                    opcode,
                    arg,
                    fast,
                    zero,
                    0,
                    (name, zero),
                    |this, value| {
                        this.push(value, Kind::Unknown);
                    },
                );
            }
            Opcode::LoadDeref | Opcode::StoreDeref if self.layout().is_some() => {
                // The frame's cells follow its locals; a cell's contents are read and written
                // inline. An empty cell (or anything unexpected) takes the interpreter's path,
                // which raises for an unbound variable.
                let cell = match self.inlined.as_ref().map(|body| body.cells) {
                    // A body inlined from a closure: the cell is the closure's item (`arg` is a
                    // free variable: such a body has no cells of its own).
                    Some(Some(items)) => self.load_at(items, 8 * arg as i32),
                    // A body inlined without a closure has no cells to read: it leaves (the
                    // code after is unreachable).
                    Some(None) => match self.inlined.as_ref().map(|body| body.exit) {
                        Some(exit) => self.leave_inlined_body(exit),
                        None => self.zero(),
                    },
                    None => self.load_slot(self.local_variables.len() + arg as usize),
                };
                self.with_inline(
                    |this, fallback| {
                        let Some(layout) = this.layout() else {
                            return false;
                        };
                        let address = this.object_of_kind(cell, Layout::Cell, fallback);
                        if opcode == Opcode::LoadDeref {
                            let value = this.load_at(address, layout.cell_contents);
                            let bound = this.builder.ins().icmp_imm_s(
                                IntCC::NotEqual,
                                value,
                                Value::NULL.bits() as i64,
                            );
                            let next = this.builder.create_block();
                            this.builder.ins().brif(bound, next, &[], fallback, &[]);
                            this.builder.switch_to_block(next);
                            this.push(value, Kind::Unknown);
                        } else {
                            let (value, _) = this.pop();
                            this.builder.ins().store(
                                MemFlagsData::trusted(),
                                value,
                                address,
                                layout.cell_contents,
                            );
                        }
                        true
                    },
                    |this| this.generic(index, opcode, arg),
                );
            }
            Opcode::BuildSlice if self.fused_slice_site(index, arg) => {
                return Ok(self.slice_subscript(index, arg));
            }
            Opcode::BinarySubscr if self.lists_only_site(index) => self.list_load(index),
            Opcode::BinarySubscr if self.layout().is_some() => {
                let (key, _) = self.peek(0);
                let (container, _) = self.peek(1);
                let fallback = self.builder.create_block();
                let join = self.builder.create_block();
                self.builder.set_cold_block(fallback);
                let depth = self.depth;
                let kinds = self.stack_kinds.clone();
                let known_int = self.known_int_key();
                if let Some(address) = self.item_address(container, key, known_int, false, fallback)
                {
                    let item = self.load_at(address, 0);
                    self.pop();
                    self.pop();
                    self.push(item, Kind::Unknown);
                    self.builder.ins().jump(join, &[]);
                }
                self.builder.switch_to_block(fallback);
                self.depth = depth;
                self.stack_kinds = kinds;
                let fast = self.environment.fast_paths.subscript;
                self.binary_fast_or_generic(index, opcode, arg, fast, 0, Kind::Unknown);
                self.builder.ins().jump(join, &[]);
                self.builder.switch_to_block(join);
            }
            Opcode::StoreSubscr if self.lists_only_site(index) => self.list_store(index),
            Opcode::StoreSubscr if self.layout().is_some() => {
                let (key, _) = self.peek(0);
                let (container, _) = self.peek(1);
                let (value, _) = self.peek(2);
                let fallback = self.builder.create_block();
                let join = self.builder.create_block();
                self.builder.set_cold_block(fallback);
                let depth = self.depth;
                let kinds = self.stack_kinds.clone();
                let known_int = self.known_int_key();
                if let Some(address) = self.item_address(container, key, known_int, true, fallback)
                {
                    self.builder
                        .ins()
                        .store(MemFlagsData::trusted(), value, address, 0);
                    self.pop();
                    self.pop();
                    self.pop();
                    self.builder.ins().jump(join, &[]);
                }
                self.builder.switch_to_block(fallback);
                self.depth = depth;
                self.stack_kinds = kinds;
                // Dicts with str keys in the fast path, the rest through the interpreter.
                let fast = self.environment.fast_paths.store_subscript;
                self.fast_or_generic(
                    index,
                    opcode,
                    arg,
                    fast,
                    value,
                    0,
                    (container, key),
                    |this, _| {
                        this.pop();
                        this.pop();
                        this.pop();
                    },
                );
                self.builder.ins().jump(join, &[]);
                self.builder.switch_to_block(join);
            }
            Opcode::BinarySubscr => {
                let fast = self.environment.fast_paths.subscript;
                self.binary_fast_or_generic(index, opcode, arg, fast, 0, Kind::Unknown);
            }
            Opcode::ListAppend => {
                let (item, _) = self.peek(0);
                let (list, _) = self.peek(arg as usize);
                let fast = self.environment.fast_paths.list_append;
                let zero = self.zero();
                self.fast_or_generic(
                    index,
                    opcode,
                    arg,
                    fast,
                    zero,
                    0,
                    (list, item),
                    |this, _| {
                        this.pop();
                    },
                );
            }
            Opcode::BuildTuple if self.build_short_tuple(index, arg as usize) => {}
            Opcode::BuildTuple if arg == 2 => {
                let (second, _) = self.peek(0);
                let (first, _) = self.peek(1);
                let fast = self.environment.fast_paths.build_pair;
                let zero = self.zero();
                let immediate = self.builder.ins().iconst(types::I32, 0);
                let tuple = self.call_helper_raw(fast, zero, immediate, first, second);
                self.pop();
                self.pop();
                self.push(tuple, Kind::Unknown);
            }
            Opcode::ContainsOp => {
                let fast = self.environment.fast_paths.contains;
                let immediate = i64::from(arg);
                self.binary_fast_or_generic(index, opcode, arg, fast, immediate, Kind::Unknown);
            }
            Opcode::StoreSubscr => {
                let (key, _) = self.peek(0);
                let (container, _) = self.peek(1);
                let (value, _) = self.peek(2);
                let fast = self.environment.fast_paths.store_subscript;
                self.fast_or_generic(
                    index,
                    opcode,
                    arg,
                    fast,
                    value,
                    0,
                    (container, key),
                    |this, _| {
                        this.pop();
                        this.pop();
                        this.pop();
                    },
                );
            }
            Opcode::LoadAttr => {
                self.deopt_if_unprofiled_attribute(index);
                let ways = self.recorded_ways(index, Ways::Slots);
                let (object, _) = self.peek(0);
                let local = self.stack_local[self.depth - 1];
                self.with_inline(
                    |this, fallback| {
                        let Some(join) = this.dispatch_ways(
                            object,
                            local,
                            &ways,
                            fallback,
                            |this, way, address| {
                                let slot = way.slot.unwrap_or(0);
                                let slot_address = this.slot_address(address, slot, fallback)?;
                                let value = this.load_at(slot_address, 0);
                                let bound = this.builder.ins().icmp_imm_s(
                                    IntCC::NotEqual,
                                    value,
                                    Value::NULL.bits() as i64,
                                );
                                Some((bound, Some(value)))
                            },
                        ) else {
                            return false;
                        };
                        let value = this.builder.block_params(join)[0];
                        this.finish_attribute(opcode, value);
                        true
                    },
                    |this| this.attribute_fallback(index, opcode, arg),
                );
            }
            Opcode::StoreAttr => {
                self.deopt_if_unprofiled_attribute(index);
                let ways = self.recorded_ways(index, Ways::Stores);
                let (object, _) = self.peek(0);
                let local = self.stack_local[self.depth - 1];
                let (stored, _) = self.peek(1);
                self.with_inline(
                    |this, fallback| {
                        if this
                            .dispatch_ways(object, local, &ways, fallback, |this, way, address| {
                                this.store_instance_slot(way, address, stored, fallback)?;
                                let done = this.builder.ins().iconst(types::I8, 1);
                                Some((done, None))
                            })
                            .is_none()
                        {
                            return false;
                        }
                        this.pop();
                        this.pop();
                        true
                    },
                    |this| {
                        let (object, _) = this.peek(0);
                        let (value, _) = this.peek(1);
                        let fast = this.environment.fast_paths.store_attribute;
                        let zero = this.zero();
                        this.fast_or_generic(
                            index,
                            opcode,
                            arg,
                            fast,
                            value,
                            index as i64,
                            (object, zero),
                            |this, _| {
                                this.pop();
                                this.pop();
                            },
                        );
                    },
                );
            }
            Opcode::LoadMethod if self.list_append_site(index) => self.load_list_append(index, arg),
            Opcode::LoadMethod => {
                self.deopt_if_unprofiled_attribute(index);
                let ways = self.recorded_ways(index, Ways::Methods);
                let (object, _) = self.peek(0);
                let local = self.stack_local[self.depth - 1];
                let inlined = self.layout().is_some() && !ways.is_empty();
                self.with_inline(
                    |this, fallback| {
                        let Some(join) =
                            this.dispatch_ways(object, local, &ways, fallback, |this, way, _| {
                                let method =
                                    this.builder.ins().iconst(types::I64, way.method as i64);
                                let found = this.builder.ins().iconst(types::I8, 1);
                                Some((found, Some(method)))
                            })
                        else {
                            return false;
                        };
                        let method = this.builder.block_params(join)[0];
                        this.finish_attribute(opcode, method);
                        true
                    },
                    |this| this.attribute_fallback(index, opcode, arg),
                );
                if inlined {
                    // Each method once: subclasses that inherit it find the same function,
                    // which the call site then expects alone (and may inline).
                    let mut methods: Vec<Value> = Vec::new();
                    for way in &ways {
                        let method = Value::from_bits(way.method);
                        if !methods.contains(&method) {
                            methods.push(method);
                        }
                    }
                    self.stack_expected[self.depth - 2] = methods;
                } else {
                    // A method of a builtin receiver: the call site expects it, so it does not
                    // emit the inline sequence for a Python function it would never take.
                    self.stack_expected[self.depth - 2] =
                        krait_runtime::attribute_site::builtin_methods(
                            &self.code.attribute_sites,
                            index,
                        );
                }
            }
            Opcode::UnpackSequence if self.layout().is_some() && arg <= 8 => {
                self.with_inline(
                    |this, fallback| this.unpack_inline(arg, fallback),
                    |this| this.unpack_fast_or_generic(index, arg),
                );
            }
            Opcode::UnpackSequence => self.unpack_fast_or_generic(index, arg),
            Opcode::Send => {
                // One step of `yield from`/`await`: the delegate yields (the value goes on to
                // the `YieldValue` that follows) or returns (its result replaces it, and the
                // loop ends at the target).
                let (value, _) = self.pop();
                let (delegate, _) = self.peek(0);
                let helper = self.environment.helpers.send;
                let result = self.call_helper_values(helper, index, delegate, value);
                let returned =
                    self.builder
                        .ins()
                        .icmp_imm_s(IntCC::Equal, result, RETURN_MARKER as i64);
                let done = self.builder.create_block();
                let more = self.builder.create_block();
                self.builder.ins().brif(returned, done, &[], more, &[]);
                self.builder.switch_to_block(done);
                let slot = self.slots + self.depth - 1;
                let outcome = self.load_slot(slot);
                self.builder
                    .def_var(self.stack_variables[self.depth - 1], outcome);
                let target = self.edge(index, arg as usize);
                self.builder.ins().jump(target, &[]);
                self.emit_edge_checks();
                self.builder.switch_to_block(more);
                self.push(result, Kind::Unknown);
            }
            Opcode::YieldValue => {
                // The frame pauses after the `yield` with the stack below the value flushed;
                // the vm suspends it as the interpreter does, and a resume enters the code
                // again at the next instruction (an entry point).
                let (value, _) = self.pop();
                let zero = self.zero();
                let helper = self.environment.helpers.yield_value;
                let stack_pointer = self.flush(self.depth);
                self.yield_detached(index, value, stack_pointer);
                let instruction = self.builder.ins().iconst(types::I32, index as i64);
                self.call_helper_then_return(helper, stack_pointer, instruction, value, zero);
                self.terminated = true;
            }
            Opcode::PushExcInfo => self.push_exception_info(),
            Opcode::PopExcept => self.pop_except(),
            Opcode::CheckExcMatch => self.check_exception_match(index),
            Opcode::RaiseVarargs => {
                self.bare_raise(index);
                self.terminated = true;
            }
            Opcode::Reraise => {
                self.reraise(index);
                self.terminated = true;
            }
            _ if runs_through_helper(opcode) && opcode != Opcode::RaiseVarargs => {
                self.generic(index, opcode, arg)
            }
            _ => {
                // Exception-handler, generator and other rare instructions: the interpreter
                // runs them (and re-enters compiled code at the next loop header).
                self.emit_deopt(index, DeoptReason::Unsupported);
                self.terminated = true;
            }
        }
        Ok(1)
    }
}
