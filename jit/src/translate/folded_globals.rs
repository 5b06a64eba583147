//! `LoadGlobal` of a global whose value was known when the code was compiled: the constant,
//! behind a check that no global changed since.
//!
//! Module-level constants, functions and classes are read far more often than they are
//! rebound, so compiled code embeds each one's value and compares one process-wide epoch
//! (moved by every change to module globals or the builtins) with the epoch at which its site
//! last found the constant good (`GlobalSite`). When some other global changed, the
//! `revalidate_global` fast path looks the name up again; if the value is still the constant,
//! the site's epoch moves on and the constant is used again until the next change.
//!
//! A callee inlined into another function's code (`inlining`) reads its own module's globals,
//! not the running frame's: its sites name the callee's code and namespace, and a value that
//! changed leaves the inlined body (the caller deopts at the call, which the interpreter then
//! makes) instead of taking the generic path, which would read the caller's frame.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData};
use krait_compiler::Opcode;
use krait_runtime::Value;

use super::{Kind, Translator};
use crate::GlobalSite;

impl<'a, 'b> Translator<'a, 'b> {
    /// `LoadGlobal` (instruction `index`, name `arg`) of a global that was `value` at the
    /// snapshot's epoch.
    pub(super) fn folded_global(&mut self, index: usize, opcode: Opcode, arg: u32, value: Value) {
        let inlined = match (&self.inlined, self.globals.inlined_namespace) {
            (Some(body), Some(namespace)) => Some((body.code, namespace)),
            _ => None,
        };
        let site = Box::new(GlobalSite {
            epoch: std::sync::atomic::AtomicU64::new(self.globals.epoch),
            inlined,
        });
        let site_address = &*site as *const GlobalSite as i64;
        self.epoch_cells.push(site);
        let flags = MemFlagsData::trusted();
        let address = self
            .builder
            .ins()
            .iconst(types::I64, self.environment.globals_epoch_address as i64);
        let epoch = self.builder.ins().load(types::I64, flags, address, 0);
        let site_pointer = self.builder.ins().iconst(types::I64, site_address);
        let validated = self.builder.ins().load(types::I64, flags, site_pointer, 0);
        let unchanged = self.builder.ins().icmp(IntCC::Equal, epoch, validated);
        let constant_block = self.builder.create_block();
        let lookup_block = self.builder.create_block();
        let join = self.builder.create_block();
        self.builder.set_cold_block(lookup_block);
        self.builder
            .ins()
            .brif(unchanged, constant_block, &[], lookup_block, &[]);
        self.builder.switch_to_block(constant_block);
        let constant = self.builder.ins().iconst(types::I64, value.bits() as i64);
        self.push(constant, Kind::Unknown);
        self.builder.ins().jump(join, &[]);
        self.builder.switch_to_block(lookup_block);
        self.depth -= 1;
        let fast = self.environment.fast_paths.revalidate_global;
        let folded = self.builder.ins().iconst(types::I64, value.bits() as i64);
        match self.inlined.as_ref().map(|body| body.exit) {
            Some(exit) if inlined.is_some() => {
                // The fast path changes nothing anyone sees (the site's epoch at most), so
                // the body may call it; another value leaves the body.
                let name = self.builder.ins().iconst(types::I32, i64::from(arg));
                let zero = self.zero();
                let callee = self.builder.ins().iconst(types::I64, fast as i64);
                let call = self.builder.ins().call_indirect(
                    self.helper_signature,
                    callee,
                    &[self.vm, site_pointer, name, folded, zero],
                );
                let current = self.builder.inst_results(call)[0];
                let same = self.builder.ins().icmp(IntCC::Equal, current, folded);
                let still = self.builder.create_block();
                self.builder.ins().brif(same, still, &[], exit, &[]);
                self.builder.switch_to_block(still);
                self.push(folded, Kind::Unknown);
            }
            _ => {
                let zero = self.zero();
                self.fast_or_generic(
                    index,
                    opcode,
                    arg,
                    fast,
                    site_pointer,
                    i64::from(arg),
                    (folded, zero),
                    |this, value| {
                        this.push(value, Kind::Unknown);
                    },
                );
            }
        }
        self.builder.ins().jump(join, &[]);
        self.builder.switch_to_block(join);
        if inlined.is_some() {
            // Either way the body goes on with the constant: an int or float known as such
            // (deltablue's `self.direction == FORWARD` compares unboxed ints).
            self.pop();
            let constant = self.builder.ins().iconst(types::I64, value.bits() as i64);
            self.push(constant, Self::constant_kind(value));
        }
        self.stack_expected[self.depth - 1] = vec![value];
    }
}
