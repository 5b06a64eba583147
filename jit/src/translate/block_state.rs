//! What the translator knows about locals at the start of a basic block.
//!
//! Inside a block the translator tracks each local's kind (int, float, bool) and whether it is
//! bound, so a local is checked once and then used without guards. Without more, every block
//! start — every loop header — would forget it all, and a loop-carried float would be checked
//! again on every iteration. So the facts flow along the control-flow edges:
//!
//! - A block that is not a loop header is reached only from instructions before it, so by the
//!   time the walk (in instruction order) reaches it, every edge into it has been emitted: its
//!   facts are what all those edges agree on. Nothing needs checking.
//! - A loop header is also reached by back-edges, emitted after it. Its facts are *assumed*,
//!   from a first translation of the function that only collects what each edge knew: a local
//!   is assumed of kind K where every back-edge knew it as K and every forward edge knew it
//!   bound and either as K or not at all. Edges that do not know the assumption (the loop
//!   entry, typically, for a parameter or an unpacked value) check it, as do the prologues of
//!   OSR entries at the header; a failing check deopts at the header with its stack, and
//!   `DeoptReason::LoopAssumption` counts there like any guard, so a header whose assumptions
//!   keep failing gets `ASSUMPTIONS_FAILED` feedback and is recompiled assuming nothing.
//!
//! Kinds and boundness cross every block start, and so does the unboxed f64 or i64 of a local
//! of known kind (in its own Cranelift variable): on a back-edge the arithmetic's raw result
//! goes straight to the next iteration, so the boxing of a loop-carried value (and the NaN
//! canonicalization) is off the loop's dependency chain; the boxed value is still written to
//! the frame at every store.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, InstBuilder};
use krait_runtime::layout::Kind as Layout;
use krait_runtime::profile::ASSUMPTIONS_FAILED;
use krait_runtime::Value;

use super::{Kind, Translator};
use crate::DeoptReason;

/// The facts about every local at one point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BlockState {
    kinds: Vec<Kind>,
    bound: Vec<bool>,
}

impl BlockState {
    fn unknown(locals: usize) -> BlockState {
        BlockState {
            kinds: vec![Kind::Unknown; locals],
            bound: vec![false; locals],
        }
    }

    /// Keeps only what both states know.
    fn meet(&mut self, other: &BlockState) {
        for (kind, other_kind) in self.kinds.iter_mut().zip(&other.kinds) {
            if kind != other_kind {
                *kind = Kind::Unknown;
            }
        }
        for (bound, other_bound) in self.bound.iter_mut().zip(&other.bound) {
            *bound &= *other_bound;
        }
    }
}

/// What one translation learnt about the edges into each block, from which the next
/// translation takes its loop-header assumptions.
#[derive(Default)]
pub(crate) struct EdgeFacts {
    /// Per instruction: what every edge from an earlier instruction knew.
    forward: Vec<Option<BlockState>>,
    /// Per instruction: what every back-edge (from it or a later instruction) knew.
    backward: Vec<Option<BlockState>>,
    /// Per instruction: how many edges from earlier instructions were emitted to it.
    forward_count: Vec<u32>,
}

/// The facts assumed at each loop header (`None`: nothing assumed).
pub struct LoopAssumptions(pub(crate) Vec<Option<BlockState>>);

impl EdgeFacts {
    pub(crate) fn new(instructions: usize) -> EdgeFacts {
        EdgeFacts {
            forward: vec![None; instructions],
            backward: vec![None; instructions],
            forward_count: vec![0; instructions],
        }
    }

    fn record(&mut self, from: usize, target: usize, state: &BlockState) {
        let list = if from >= target {
            &mut self.backward
        } else {
            self.forward_count[target] += 1;
            &mut self.forward
        };
        match &mut list[target] {
            Some(known) => known.meet(state),
            slot @ None => *slot = Some(state.clone()),
        }
    }
}

impl<'a, 'b> Translator<'a, 'b> {
    /// The facts at the current point of the walk (always-bound parameters count as bound).
    fn current_state(&self) -> BlockState {
        BlockState {
            kinds: self.local_kinds.clone(),
            bound: self
                .local_bound
                .iter()
                .zip(&self.always_bound)
                .map(|(bound, always)| *bound || *always)
                .collect(),
        }
    }

    /// The block to branch to for the edge from instruction `from` to `target`, recording
    /// what the edge knows. Where the target is a loop header assuming more than the edge
    /// knows, the edge goes through a block that checks it; such blocks are emitted by
    /// `emit_edge_checks`, which the caller runs once its branch has ended the block.
    pub(super) fn edge(&mut self, from: usize, target: usize) -> Block {
        self.entering_loop(from, target);
        let state = self.current_state();
        self.edge_facts.record(from, target, &state);
        let target_block = self.block_for(target);
        let assumed = self.assumed_at(target);
        let passed = match (&assumed, self.analysis.loop_header[target]) {
            (Some(assumed), _) => assumed.kinds.clone(),
            (None, true) => Vec::new(),
            (None, false) => state.kinds.clone(),
        };
        self.pass_unboxed(&passed, &state);
        let Some(assumed) = assumed else {
            return target_block;
        };
        let unchecked = Self::unmet(&assumed, &state);
        if unchecked.is_empty() {
            return target_block;
        }
        let check = self.builder.create_block();
        self.pending_edge_checks.push((check, target, unchecked));
        check
    }

    /// Whether the block starting at `index`, reached by falling through from the instruction
    /// before it, has no other way in (not a loop header, no other edge emitted to it): the
    /// block before dominates it, so what the translator knows about the operand stack there
    /// (kinds, unboxed values) still holds — e.g. the int a range `ForIter` pushed for the
    /// `StoreFast` after it.
    pub(super) fn only_fallthrough(&self, index: usize) -> bool {
        !self.analysis.loop_header[index] && self.edge_facts.forward_count[index] == 1
    }

    /// The edge from a call site into instruction 0 of a callee's body inlined there
    /// (`inlining`): the body's first block starts with what the arguments are known to be.
    pub(super) fn inlined_entry_edge(&mut self) -> Block {
        let state = self.current_state();
        self.edge_facts.forward[0] = Some(state.clone());
        self.pass_unboxed(&state.kinds, &state);
        self.block_for(0)
    }

    /// Records the edge from instruction `from` to the exception handler at `target` through
    /// its landing, which reloads the locals from the frame: which locals are bound holds
    /// there, but their kinds are not passed (they would need their unboxed values carried).
    pub(super) fn record_handler_edge(&mut self, from: usize, target: usize) {
        let mut state = self.current_state();
        state
            .kinds
            .iter_mut()
            .for_each(|kind| *kind = Kind::Unknown);
        self.edge_facts.record(from, target, &state);
    }

    /// Defines the unboxed values of the locals of the given kinds for the block an edge
    /// goes to (`start_block_facts` reads them where every edge agreed on the kind): the raw
    /// value already computed where the kind is known here, else the boxed value unboxed
    /// (meaningless until a loop header's check passed, and then right). Unused ones are dead
    /// code Cranelift drops.
    fn pass_unboxed(&mut self, kinds: &[Kind], state: &BlockState) {
        for (local, &kind) in kinds.iter().enumerate() {
            let (variable, wanted) = match kind {
                Kind::Float => (self.float_variables[local], types::F64),
                Kind::Int => (self.int_variables[local], types::I64),
                _ => continue,
            };
            let known = self.local_raw[local].filter(|&raw| {
                state.kinds[local] == kind && self.builder.func.dfg.value_type(raw) == wanted
            });
            let raw = match known {
                Some(raw) => raw,
                None => {
                    let value = self.builder.use_var(self.local_variables[local]);
                    if kind == Kind::Float {
                        self.unbox_float(value)
                    } else {
                        self.unbox_int(value)
                    }
                }
            };
            self.builder.def_var(variable, raw);
        }
    }

    /// Emits the checking blocks of the edges made since the last call. The current block
    /// must be ended.
    pub(super) fn emit_edge_checks(&mut self) {
        let pending = std::mem::take(&mut self.pending_edge_checks);
        for (check, target, unchecked) in pending {
            self.builder.switch_to_block(check);
            self.check_assumptions(target, &unchecked);
        }
    }

    /// The locals whose assumed facts `state` does not already guarantee.
    fn unmet(assumed: &BlockState, state: &BlockState) -> Vec<(usize, Kind, bool)> {
        (0..assumed.kinds.len())
            .filter_map(|local| {
                let kind = assumed.kinds[local];
                let bound = assumed.bound[local];
                let kind_unmet = kind != Kind::Unknown && state.kinds[local] != kind;
                let bound_unmet = bound && !state.bound[local];
                (kind_unmet || bound_unmet).then_some((local, kind, bound))
            })
            .collect()
    }

    /// What the translation assumes at the start of `index`, if it is a loop header with
    /// assumptions.
    fn assumed_at(&self, index: usize) -> Option<BlockState> {
        self.assumptions.as_ref()?.0.get(index)?.clone()
    }

    /// Checks the locals' facts, then jumps to `target`'s block; deopts at `target` (with its
    /// stack) where one does not hold.
    fn check_assumptions(&mut self, target: usize, unchecked: &[(usize, Kind, bool)]) {
        let mut all = None;
        for &(local, kind, bound) in unchecked {
            let value = self.builder.use_var(self.local_variables[local]);
            let holds = match kind {
                Kind::Int => Some(self.is_int(value)),
                Kind::Float => Some(self.is_float(value)),
                Kind::Bool => {
                    let is_true = self.builder.ins().icmp_imm_s(
                        IntCC::Equal,
                        value,
                        Value::TRUE.bits() as i64,
                    );
                    let is_false = self.builder.ins().icmp_imm_s(
                        IntCC::Equal,
                        value,
                        Value::FALSE.bits() as i64,
                    );
                    Some(self.builder.ins().bor(is_true, is_false))
                }
                // (An int, a float or a bool is never the null of an unbound local.)
                Kind::Unknown if bound => Some(self.builder.ins().icmp_imm_s(
                    IntCC::NotEqual,
                    value,
                    Value::NULL.bits() as i64,
                )),
                // A list's check loads its kind byte: below, once the tag says it is an
                // object (which the null of an unbound local is not).
                Kind::Unknown | Kind::List => None,
            };
            all = match (all, holds) {
                (Some(all), Some(holds)) => Some(self.builder.ins().band(all, holds)),
                (all, holds) => all.or(holds),
            };
        }
        let target_block = self.block_for(target);
        let lists: Vec<usize> = unchecked
            .iter()
            .filter(|&&(_, kind, _)| kind == Kind::List)
            .map(|&(local, _, _)| local)
            .collect();
        if all.is_none() && lists.is_empty() {
            self.builder.ins().jump(target_block, &[]);
            return;
        }
        self.guards += 1;
        let failed = self.builder.create_block();
        self.builder.set_cold_block(failed);
        if let Some(all) = all {
            let next = self.builder.create_block();
            self.builder.ins().brif(all, next, &[], failed, &[]);
            self.builder.switch_to_block(next);
        }
        for local in lists {
            let value = self.builder.use_var(self.local_variables[local]);
            self.object_of_kind(value, Layout::List, failed);
        }
        self.builder.ins().jump(target_block, &[]);
        self.builder.switch_to_block(failed);
        let depth = self.depth;
        self.depth = self.analysis.depth[target].unwrap_or(0) as usize;
        self.emit_deopt(target, DeoptReason::LoopAssumption);
        self.depth = depth;
    }

    /// An OSR prologue: checks what `entry` assumes of the frame's locals, then jumps there.
    pub(super) fn enter_at(&mut self, entry: usize) {
        let unchecked = match self.assumed_at(entry) {
            Some(assumed) => {
                let nothing = BlockState::unknown(assumed.kinds.len());
                self.pass_unboxed(&assumed.kinds, &nothing);
                Self::unmet(&assumed, &nothing)
            }
            None => Vec::new(),
        };
        self.check_assumptions(entry, &unchecked);
    }

    /// Sets the facts at the start of block `index`: a loop header's assumptions, or what
    /// every edge into any other block knew.
    pub(super) fn start_block_facts(&mut self, index: usize) {
        let state = if self.analysis.loop_header[index] {
            self.assumed_at(index)
        } else {
            self.edge_facts.forward[index].clone()
        };
        let state = state.unwrap_or_else(|| BlockState::unknown(self.local_kinds.len()));
        self.local_kinds.clone_from(&state.kinds);
        self.local_bound.clone_from(&state.bound);
        for (local, kind) in state.kinds.iter().enumerate() {
            self.local_raw[local] = match kind {
                Kind::Float => Some(self.builder.use_var(self.float_variables[local])),
                Kind::Int => Some(self.builder.use_var(self.int_variables[local])),
                _ => None,
            };
        }
    }

    /// The assumptions the next translation of this function makes at its loop headers,
    /// from the edges this translation emitted.
    pub(crate) fn loop_assumptions(&self) -> LoopAssumptions {
        let count = self.analysis.loop_header.len();
        let mut assumptions = vec![None; count];
        for (index, assumption) in assumptions.iter_mut().enumerate() {
            if !self.analysis.loop_header[index] || self.feedback[index] & ASSUMPTIONS_FAILED != 0 {
                continue;
            }
            let Some(backward) = &self.edge_facts.backward[index] else {
                continue;
            };
            let forward = self.edge_facts.forward[index].as_ref();
            let mut state = BlockState::unknown(self.local_kinds.len());
            for local in 0..state.kinds.len() {
                let bound = backward.bound[local] && forward.is_none_or(|f| f.bound[local]);
                let kind = backward.kinds[local];
                let agrees = forward
                    .is_none_or(|f| f.kinds[local] == kind || f.kinds[local] == Kind::Unknown);
                state.bound[local] = bound;
                let known = matches!(kind, Kind::Int | Kind::Float | Kind::Bool | Kind::List);
                if bound && agrees && known {
                    state.kinds[local] = kind;
                }
            }
            if state != BlockState::unknown(self.local_kinds.len()) {
                *assumption = Some(state);
            }
        }
        LoopAssumptions(assumptions)
    }
}
