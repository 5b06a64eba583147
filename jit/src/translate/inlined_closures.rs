//! Bodies of functions the translator cannot know at compile time — held in a local, an
//! argument or a closure cell — inlined where the interpreter saw them all run one code.
//!
//! Folded globals and cached methods name the function a call will reach, so their small
//! bodies are inlined (`inlining.rs`); but closures and functions passed around are values the
//! translator never sees: `add(x)` over a list of adders, `f(x)` in a hand-written `map`, the
//! `key` of a sort. Such sites took the dynamic call path, a full frame push and pop for
//! `lambda x: x + n`. The functions at one site, though, usually share one code object even
//! when they are different closures, and the interpreter records it
//! (`CodeProfile::call_codes`). A call whose recorded code has a body that can be inlined
//! whole checks, at run time, that the callable is a Python function of that code — any
//! function object, any closure — and runs the body in place of the call, reading the free
//! variables from the called function's own cells (`LoadDeref` in an inlined body).
//!
//! The body is side-effect free like every inlined body, so every failure (another code, a
//! function that is not one, an empty cell, the profiler, the recursion limit, any guard of the
//! body) deopts the caller at the call with its stack as before it, and the interpreter makes
//! the call: tracebacks, `sys._getframe` and RecursionError are exactly the interpreter's.
//! Four such deopts set the call's `SEEN_OTHER` and the recompiled caller takes the dynamic
//! call path instead.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, InstBuilder, MemFlagsData, Value as IrValue};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;
use krait_runtime::object::CodeData;
use krait_runtime::profile::SEEN_OTHER;
use krait_runtime::Value;

use super::inlining::{whole_plan, InlinedResult};
use super::{Kind, Translator};
use crate::analysis::{analyse, Analysis};

/// A code whose body a call site inlines.
struct Target {
    /// The code as a value (what the function's code is compared with).
    code_value: Value,
    /// The code.
    callee: &'static CodeData,
    /// Its analysis.
    analysis: Analysis,
    /// The instructions the body runs.
    allowed: Vec<bool>,
}

/// The code behind `code_value` when a call passing `count` arguments can inline its body
/// whole at a call site of `caller`.
fn target(code_value: Value, count: usize, caller: &CodeData) -> Option<Target> {
    let callee = krait_runtime::loader::code_data(code_value)?;
    // Binding exactly these arguments in place (the same for every function of the code);
    // not the caller's code (a recursive body is never inlined whole).
    if callee.call_shape.plain_arguments as usize != count
        || std::ptr::eq(callee, caller)
        || callee.code.freevars.len() != callee.call_shape.free_count as usize
    {
        return None;
    }
    // No feedback: an inlined body follows no exception edges (it never raises).
    let analysis = analyse(&callee.code, &[]).ok()?;
    let allowed = whole_plan(callee, &analysis)?;
    Some(Target {
        code_value,
        callee,
        analysis,
        allowed,
    })
}

impl<'a, 'b> Translator<'a, 'b> {
    /// A `Call` whose callable the translator does not know, where the interpreter saw
    /// Python functions of a few codes called, each with a body that can be inlined whole:
    /// emits the checks, the bodies (one per code, chosen by comparing the function's code)
    /// and the deopt at the call (see the module doc). Returns false (emitting nothing) when
    /// the call does not qualify.
    pub(super) fn inline_closure(
        &mut self,
        index: usize,
        opcode: Opcode,
        arg: u32,
    ) -> Result<bool, String> {
        if opcode != Opcode::Call
            || self.inlined.is_some()
            || self.feedback[index] & SEEN_OTHER != 0
        {
            return Ok(false);
        }
        let (Some(layout), Some(_)) = (self.environment.call_layout, self.layout()) else {
            return Ok(false);
        };
        let count = arg as usize;
        let Some(callable_slot) = self.depth.checked_sub(count + 1) else {
            return Ok(false);
        };
        if !self.stack_expected[callable_slot].is_empty() {
            return Ok(false);
        }
        let codes = self.code.profile.call_codes_at(index);
        let targets: Option<Vec<Target>> = codes
            .iter()
            .map(|&code_value| target(code_value, count, self.code))
            .collect();
        // Every code seen must be inlinable: one that is not would deopt at every call.
        let Some(targets) = targets.filter(|targets| !targets.is_empty()) else {
            return Ok(false);
        };
        // Compiled code compares the function's code with these: keep them alive while the
        // caller's code exists, so their addresses cannot be reused by other objects.
        self.keep_alive(targets.iter().map(|target| target.code_value));

        // ---- the checks at the call boundary: a Python function… ----
        let flags = MemFlagsData::trusted();
        let exit = self.builder.create_block();
        self.builder.set_cold_block(exit);
        let callable = self.builder.use_var(self.stack_variables[callable_slot]);
        let address = self.object_of_kind(callable, Layout::Function, exit);
        let function = self
            .builder
            .ins()
            .load(types::I64, flags, address, layout.function_pointer);
        let code = self
            .builder
            .ins()
            .load(types::I64, flags, function, layout.function_code);
        // …no profiler listening, and the frame count below the recursion limit (the call
        // would raise RecursionError).
        let profiling = self.profiler_listening(layout);
        self.bail_if(profiling, exit);
        let frame_count = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, layout.frames_length);
        let recursion_limit =
            self.builder
                .ins()
                .load(types::I64, flags, self.vm, layout.recursion_limit);
        let at_limit = self.builder.ins().icmp(
            IntCC::UnsignedGreaterThanOrEqual,
            frame_count,
            recursion_limit,
        );
        self.bail_if(at_limit, exit);

        // ---- one body per code, each ending at `join` with its result ----
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let mut results: Vec<(InlinedResult, Block)> = Vec::new();
        let callees: Vec<&'static CodeData> = targets.iter().map(|target| target.callee).collect();
        for target in targets {
            let body = self.builder.create_block();
            let next = self.builder.create_block();
            let is_code =
                self.builder
                    .ins()
                    .icmp_imm_s(IntCC::Equal, code, target.code_value.bits() as i64);
            self.builder.ins().brif(is_code, body, &[], next, &[]);
            self.builder.switch_to_block(body);
            let cells = self.closure_cells(function, target.callee, exit);
            let inlined = self.emit_inlined_body(
                target.callee,
                &target.analysis,
                (target.allowed, None),
                callable_slot,
                index,
                exit,
                cells,
            )?;
            let returned = self.builder.current_block().unwrap_or(join);
            results.push((inlined, returned));
            self.builder.switch_to_block(next);
        }
        // A function of another code.
        self.builder.ins().jump(exit, &[]);
        self.guards += 1;

        // The result and what every body agreed on: its kind (and unboxed value), and what
        // it found out about the arguments.
        let kind = match results.split_first() {
            Some((first, rest)) if rest.iter().all(|(other, _)| other.kind == first.0.kind) => {
                first.0.kind
            }
            _ => Kind::Unknown,
        };
        let raw_type = match kind {
            Kind::Int if results.iter().all(|(result, _)| result.raw.is_some()) => Some(types::I64),
            Kind::Float if results.iter().all(|(result, _)| result.raw.is_some()) => {
                Some(types::F64)
            }
            _ => None,
        };
        if let Some(raw_type) = raw_type {
            self.builder.append_block_param(join, raw_type);
        }
        let mut argument_kinds: Option<Vec<Kind>> = None;
        for (result, returned) in &results {
            self.builder.switch_to_block(*returned);
            match (raw_type, result.raw) {
                (Some(_), Some(raw)) => {
                    self.builder
                        .ins()
                        .jump(join, &[result.value.into(), raw.into()]);
                }
                _ => {
                    self.builder.ins().jump(join, &[result.value.into()]);
                }
            }
            match &mut argument_kinds {
                Some(kinds) => {
                    for (kind, known) in kinds.iter_mut().zip(&result.argument_kinds) {
                        if kind != known {
                            *kind = Kind::Unknown;
                        }
                    }
                }
                None => argument_kinds = Some(result.argument_kinds.clone()),
            }
        }
        self.builder.switch_to_block(join);
        let value = self.builder.block_params(join)[0];
        let raw = raw_type.map(|_| self.builder.block_params(join)[1]);
        let merged = InlinedResult {
            value,
            kind,
            raw,
            argument_kinds: argument_kinds.unwrap_or_default(),
        };

        // ---- the caller's deopt wherever a body or a check left ----
        let after = self.builder.create_block();
        self.finish_whole(
            &callees,
            merged,
            callable_slot,
            index,
            opcode,
            arg,
            (exit, after),
        );
        Ok(true)
    }

    /// The items of `function`'s closure when `callee` (its code) has free variables, after
    /// checking the closure is a tuple of one cell per free variable (else to `exit`).
    fn closure_cells(
        &mut self,
        function: IrValue,
        callee: &CodeData,
        exit: Block,
    ) -> Option<IrValue> {
        let free_count = callee.code.freevars.len();
        let (layout, objects) = (self.environment.call_layout?, self.layout()?);
        if free_count == 0 {
            return None;
        }
        let closure = self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            function,
            layout.function_closure,
        );
        let closure_address = self.object_of_kind(closure, Layout::Tuple, exit);
        let length = self.load_at(closure_address, objects.tuple_length);
        let other_length =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, length, free_count as i64);
        self.bail_if(other_length, exit);
        Some(self.load_at(closure_address, objects.tuple_items))
    }
}
