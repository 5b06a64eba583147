//! `Class(arguments…)` where `__init__` only stores its parameters (or constants) as new
//! attributes of `self`: the construction folded into the call site. The instance is made
//! with its final shape and its slots are written directly; no frame is pushed and
//! `__init__`'s code does not run.
//!
//! Object-heavy code (vectors, ray tracers, trees of nodes) builds a small instance per
//! operation, and most such classes' `__init__` is `self.x = x; self.y = y; …`. Run as a call
//! (`construct.rs`), each construction pushed a frame, entered `__init__`'s compiled code and
//! checked each adding store there again — the instance's kind, class, shape, `__dict__`,
//! the class epoch, its slot count and room, two shape reference counts — although at the call
//! site the instance is new, of a class known at compile time, and the stores' attribute
//! caches name the shape each one moves it to.
//!
//! **When it applies.** The class is a constructor the vm found (a plain class, whose instances
//! `object.__new__` makes, see `GlobalSnapshot::constructors`), called with exactly
//! `__init__`'s parameters after `self`; `__init__`'s code is a straight line of
//! `value; LoadFast self; StoreAttr name` (value: a parameter or a constant), then `return
//! None`, with no exception table; and each store's attribute cache holds an *add* entry for
//! this class from the shape the previous store left (from the root shape for the first),
//! read in the class epoch of the compile. The chain of those entries is the instance's shape
//! after `__init__` (`plan`).
//!
//! **Why that is exact.** The cache records an add entry only where storing the attribute on
//! an instance of the class is a plain add (no `__setattr__`, no data descriptor of that name
//! on the class or a base, no `__slots__` in the way); all of that lives in class namespaces,
//! so it holds while the class epoch stands — which compiled code compares, together with the
//! callable, before folding (a new `__init__`, `__setattr__` defined later, a class attribute
//! replaced: the epoch moves and the call takes the `call` helper). The values are the
//! arguments already evaluated or constants, so nothing in between can fail or run Python
//! code. What a call would make observable is checked too: no profiler listens (it would see
//! the `__init__` call) and the frame count is below the recursion limit (the call would raise
//! RecursionError there). Anything else takes the `call` helper, which constructs the usual
//! way. Nothing is speculated, so there is no deopt.
//!
//! The instance is made with its final shape and as many slots as the shape has, inline
//! (`allocation.rs`) or by the `new_shaped_instance` helper, and compiled code writes the
//! slots right after (allocation never collects and runs no Python code, so nobody sees the
//! slots before).

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData, Value as IrValue};
use krait_compiler::Opcode;
use krait_runtime::object::CodeData;
use krait_runtime::Value;

use super::{Kind, Translator};

/// The most attributes a folded `__init__` may store.
const MAX_FOLDED_ATTRIBUTES: usize = 16;

/// Where a folded `__init__` takes an attribute's value from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    /// `__init__`'s local `n` (0 is `self`, 1… the call's arguments).
    Parameter(usize),
    /// A constant of `__init__`'s code.
    Constant(Value),
}

/// A folded `__init__`: the value of each slot in order, and the instance's final shape.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Plan {
    slots: Vec<Source>,
    /// The address of the final shape (`Rc::as_ptr`).
    shape: usize,
}

/// The fold of `init` (entered with `parameters` locals bound) for instances of `class`,
/// starting from `root_shape`, where its code is the straight line of adding stores the
/// module doc describes and every store's cache has the add entry, read in `class_epoch`.
fn plan(
    init: &CodeData,
    parameters: usize,
    class: Value,
    class_epoch: u64,
    root_shape: usize,
) -> Option<Plan> {
    let code = &init.code;
    if !code.exception_table.is_empty() || root_shape == 0 {
        return None;
    }
    let instructions = &code.instructions;
    let mut shape = root_shape;
    let mut slots = Vec::new();
    let mut index = 0;
    let mut pending: Option<Source> = None;
    while let Some(instruction) = instructions.get(index) {
        let arg = instruction.arg as usize;
        match instruction.opcode {
            Opcode::Nop => {}
            Opcode::LoadFast if arg < parameters => {
                // `value; LoadFast self; StoreAttr`: the second load is `self`.
                let is_target = arg == 0
                    && pending.is_some()
                    && instructions
                        .get(index + 1)
                        .is_some_and(|next| next.opcode == Opcode::StoreAttr);
                if !is_target {
                    if pending.is_some() {
                        return None;
                    }
                    pending = Some(Source::Parameter(arg));
                }
            }
            Opcode::LoadConst => {
                let constant = *init.constants.get(arg)?;
                let returns = instructions
                    .get(index + 1)
                    .is_some_and(|next| next.opcode == Opcode::ReturnValue);
                if returns && pending.is_none() {
                    // `return None` ends the body; any other return raises TypeError.
                    return (constant == Value::NONE && !slots.is_empty())
                        .then_some(Plan { slots, shape });
                }
                if pending.is_some() {
                    return None;
                }
                pending = Some(Source::Constant(constant));
            }
            Opcode::StoreAttr => {
                let source = pending.take()?;
                let ways = krait_runtime::attribute_site::ways(&init.attribute_sites, index);
                let way = ways.iter().find(|way| {
                    way.class == class.bits()
                        && way.shape == shape
                        && way.epoch == class_epoch
                        && way.added_shape != 0
                        && way.slot == Some(slots.len() as u32)
                })?;
                shape = way.added_shape;
                slots.push(source);
                if slots.len() > MAX_FOLDED_ATTRIBUTES {
                    return None;
                }
            }
            _ => return None,
        }
        index += 1;
    }
    None
}

impl<'a, 'b> Translator<'a, 'b> {
    /// A `Call` of a constructor whose `__init__` folds (see the module doc): the instance
    /// made with its final shape and its slots written at the call site, behind the callable,
    /// class epoch, profiler and recursion-limit checks; the `call` helper otherwise. Returns
    /// false (emitting nothing) when the site does not qualify.
    pub(super) fn folded_construct_call(&mut self, index: usize, arg: u32) -> bool {
        if self.inlined.is_some() {
            return false;
        }
        let Some(layout) = self.environment.call_layout else {
            return false;
        };
        if self.layout().is_none() {
            return false;
        }
        let count = arg as usize;
        let Some((callable_slot, class, init, target)) = self.expected_construction(arg) else {
            return false;
        };
        let Some(plan) = plan(
            target.code,
            count + 1,
            class,
            self.globals.class_epoch,
            self.environment.root_shape,
        ) else {
            return false;
        };
        // The class is compared by address, and the constants stored come from `__init__`'s
        // code: keep both alive while this code exists.
        self.keep_alive([class, init]);
        let flags = MemFlagsData::trusted();
        let callable = self.builder.use_var(self.stack_variables[callable_slot]);
        let arguments: Vec<IrValue> = (0..count)
            .map(|position| {
                self.builder
                    .use_var(self.stack_variables[callable_slot + 1 + position])
            })
            .collect();
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let usual = self.builder.create_block();
        self.builder.set_cold_block(usual);

        // ---- the class expected, no class namespace changed, nothing would see the call ----
        let other_class =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, callable, class.bits() as i64);
        self.bail_if(other_class, usual);
        let epoch_address = self
            .builder
            .ins()
            .iconst(types::I64, self.environment.class_epoch_address as i64);
        let epoch = self.load_at(epoch_address, 0);
        let other_epoch =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, epoch, self.globals.class_epoch as i64);
        // `frame_limit` is 0 while a profiler listens and at most the recursion limit (lower
        // only where the frame stack's allocation is full, which sends this to the helper).
        let frame_count = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, layout.frames_length);
        let limit = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, layout.frame_limit);
        let at_limit =
            self.builder
                .ins()
                .icmp(IntCC::UnsignedGreaterThanOrEqual, frame_count, limit);
        let unusual = self.builder.ins().bor(other_epoch, at_limit);
        self.bail_if(unusual, usual);

        // ---- the instance with its final shape, then its slots ----
        let (instance, slots) =
            self.allocate_shaped_instance(callable, plan.shape, plan.slots.len());
        for (position, source) in plan.slots.iter().enumerate() {
            let value = match *source {
                Source::Parameter(0) => instance,
                Source::Parameter(local) => arguments[local - 1],
                Source::Constant(constant) => self
                    .builder
                    .ins()
                    .iconst(types::I64, constant.bits() as i64),
            };
            self.builder
                .ins()
                .store(flags, value, slots, 8 * position as i32);
        }
        self.builder.ins().jump(join, &[instance.into()]);

        // ---- anything else: the usual call ----
        self.builder.switch_to_block(usual);
        let helper = self.environment.helpers.call;
        let result = self.call_helper(
            helper,
            index,
            i64::from(Opcode::Call.to_byte()),
            i64::from(arg),
        );
        self.builder.ins().jump(join, &[result.into()]);

        self.builder.switch_to_block(join);
        let result = self.builder.block_params(join)[0];
        self.depth -= count + 1;
        self.push(result, Kind::Unknown);
        true
    }
}
