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
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;
use krait_runtime::profile::SEEN_OTHER;

use super::inlining::whole_plan;
use super::Translator;
use crate::analysis::analyse;

impl<'a, 'b> Translator<'a, 'b> {
    /// A `Call` whose callable the translator does not know, where every Python function the
    /// interpreter saw called there had one code whose body can be inlined whole: emits the
    /// checks, the body and the deopt at the call (see the module doc). Returns false
    /// (emitting nothing) when the call does not qualify.
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
        let (Some(layout), Some(objects)) = (self.environment.call_layout, self.layout()) else {
            return Ok(false);
        };
        let count = arg as usize;
        let Some(callable_slot) = self.depth.checked_sub(count + 1) else {
            return Ok(false);
        };
        if !self.stack_expected[callable_slot].is_empty() {
            return Ok(false);
        }
        let Some(code_value) = self.code.profile.call_code(index) else {
            return Ok(false);
        };
        let Some(callee) = krait_runtime::loader::code_data(code_value) else {
            return Ok(false);
        };
        // Binding exactly these arguments in place (the same for every function of the code);
        // not this code itself (a recursive body is never inlined whole).
        if callee.call_shape.plain_arguments as usize != count || std::ptr::eq(callee, self.code) {
            return Ok(false);
        }
        let free_count = callee.code.freevars.len();
        if free_count != callee.call_shape.free_count as usize {
            return Ok(false);
        }
        // No feedback: an inlined body follows no exception edges (it never raises).
        let Ok(analysis) = analyse(&callee.code, &[]) else {
            return Ok(false);
        };
        let Some(allowed) = whole_plan(callee, &analysis) else {
            return Ok(false);
        };
        // Compiled code compares the function's code with this one: keep it alive while the
        // caller's code exists, so its address cannot be reused by another object.
        let roots = self.code.profile.roots.get();
        if !roots.contains(&code_value) {
            roots.push(code_value);
        }

        // ---- the checks at the call boundary: a function of that code… ----
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
        let other_code =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, code, code_value.bits() as i64);
        self.bail_if(other_code, exit);
        // …whose closure holds a cell per free variable…
        let cells = if free_count > 0 {
            let closure =
                self.builder
                    .ins()
                    .load(types::I64, flags, function, layout.function_closure);
            let closure_address = self.object_of_kind(closure, Layout::Tuple, exit);
            let length = self.load_at(closure_address, objects.tuple_length);
            let other_length =
                self.builder
                    .ins()
                    .icmp_imm_s(IntCC::NotEqual, length, free_count as i64);
            self.bail_if(other_length, exit);
            Some(self.load_at(closure_address, objects.tuple_items))
        } else {
            None
        };
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

        // ---- the body, and the caller's deopt wherever it leaves ----
        let inlined = self.emit_inlined_body(
            callee,
            &analysis,
            allowed,
            callable_slot,
            index,
            exit,
            cells,
        )?;
        self.guards += 1;
        let after = self.builder.create_block();
        self.finish_whole(
            callee,
            inlined,
            callable_slot,
            index,
            opcode,
            arg,
            (exit, after),
        );
        Ok(true)
    }
}
