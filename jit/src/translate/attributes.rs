//! Attribute loads, stores and method lookups checked inline against the (class, shape) ways
//! the instruction's attribute cache recorded, and the inline object/item address arithmetic
//! they share with indexing. Split from the instruction loop because each way is a small
//! decision tree of its own.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, InstBuilder, MemFlagsData, Value as IrValue};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;

use krait_runtime::profile::SEEN_OPERANDS;

use super::{Kind, Translator, PAYLOAD_MASK};

/// Which attribute-cache entries an instruction can check inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ways {
    /// Existing instance slots (`LoadAttr`).
    Slots,
    /// Existing slots and slots the store adds (`StoreAttr`).
    Stores,
    /// Methods found on the class (`LoadMethod`).
    Methods,
}

impl<'a, 'b> Translator<'a, 'b> {
    /// Branches to `otherwise` unless `value` is a heap object of `kind`; returns the object's
    /// address.
    pub(super) fn object_of_kind(
        &mut self,
        value: IrValue,
        kind: Layout,
        otherwise: Block,
    ) -> IrValue {
        let tag = self.builder.ins().ushr_imm_s(value, 48);
        let is_object = self.builder.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFFA);
        let check_kind = self.builder.create_block();
        self.builder
            .ins()
            .brif(is_object, check_kind, &[], otherwise, &[]);
        self.builder.switch_to_block(check_kind);
        let address = self.builder.ins().band_imm_s(value, PAYLOAD_MASK);
        let offset = self.layout().map_or(0, |layout| layout.kind);
        let found = self
            .builder
            .ins()
            .uload8(types::I32, MemFlagsData::trusted(), address, offset);
        let matches = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, found, kind as i64);
        let next = self.builder.create_block();
        self.builder.ins().brif(matches, next, &[], otherwise, &[]);
        self.builder.switch_to_block(next);
        address
    }

    /// The i64 of the operand stack's top where it is known to be an int.
    pub(super) fn known_int_key(&mut self) -> Option<IrValue> {
        let (key, kind) = self.peek(0);
        if kind != Kind::Int {
            return None;
        }
        Some(match self.stack_raw[self.depth - 1] {
            Some(raw) => raw,
            None => self.unbox_int(key),
        })
    }

    pub(super) fn layout(&self) -> Option<krait_runtime::layout::Offsets> {
        self.environment.layout
    }

    pub(super) fn load_at(&mut self, address: IrValue, offset: i32) -> IrValue {
        self.builder
            .ins()
            .load(types::I64, MemFlagsData::trusted(), address, offset)
    }

    /// The address of item `key` (a boxed int) of the list or tuple `container`, or a jump to
    /// `otherwise` (not a list/tuple, not an int, out of range). Lists only when `lists_only`.
    /// `known_int` is the key's i64 where the key is known to be an int (no check then).
    pub(super) fn item_address(
        &mut self,
        container: IrValue,
        key: IrValue,
        known_int: Option<IrValue>,
        lists_only: bool,
        otherwise: Block,
    ) -> Option<IrValue> {
        let layout = self.layout()?;
        if known_int.is_none() {
            let key_is_int = self.is_int(key);
            let int_key = self.builder.create_block();
            self.builder
                .ins()
                .brif(key_is_int, int_key, &[], otherwise, &[]);
            self.builder.switch_to_block(int_key);
        }
        let found = self.builder.create_block();
        self.builder.append_block_param(found, types::I64);
        self.builder.append_block_param(found, types::I64);
        let not_list = if lists_only {
            otherwise
        } else {
            self.builder.create_block()
        };
        let list = self.object_of_kind(container, Layout::List, not_list);
        let items = self.load_at(list, layout.list_items);
        let length = self.load_at(list, layout.list_length);
        self.builder
            .ins()
            .jump(found, &[items.into(), length.into()]);
        if !lists_only {
            self.builder.switch_to_block(not_list);
            let tuple = self.object_of_kind(container, Layout::Tuple, otherwise);
            let items = self.load_at(tuple, layout.tuple_items);
            let length = self.load_at(tuple, layout.tuple_length);
            self.builder
                .ins()
                .jump(found, &[items.into(), length.into()]);
        }
        self.builder.switch_to_block(found);
        let items = self.builder.block_params(found)[0];
        let length = self.builder.block_params(found)[1];
        let raw = match known_int {
            Some(raw) => raw,
            None => self.unbox_int(key),
        };
        let negative = self.builder.ins().icmp_imm_s(IntCC::SignedLessThan, raw, 0);
        let wrapped = self.builder.ins().iadd(raw, length);
        let position = self.builder.ins().select(negative, wrapped, raw);
        let in_range = self
            .builder
            .ins()
            .icmp(IntCC::UnsignedLessThan, position, length);
        let ok = self.builder.create_block();
        self.builder.ins().brif(in_range, ok, &[], otherwise, &[]);
        self.builder.switch_to_block(ok);
        let offset = self.builder.ins().ishl_imm_s(position, 3);
        Some(self.builder.ins().iadd(items, offset))
    }

    /// The attribute cache's entries at `index` of the sort the instruction can use inline:
    /// instance slots (`Ways::Slots`), slots or slots a store adds (`Ways::Stores`), or
    /// methods (`Ways::Methods`).
    pub(super) fn recorded_ways(
        &self,
        index: usize,
        sort: Ways,
    ) -> Vec<krait_runtime::attribute_site::Monomorphic> {
        self.globals
            .attributes
            .get(index)
            .map(|ways| {
                ways.iter()
                    .filter(|way| match sort {
                        Ways::Slots => way.slot.is_some() && way.added_shape == 0,
                        Ways::Stores => way.slot.is_some(),
                        Ways::Methods => way.slot.is_none(),
                    })
                    .copied()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// At an attribute instruction inside a loop that had never run when its code was
    /// compiled (nothing in its cache, and the interpreter never took its slow path, which
    /// records `SEEN_OTHER`): a deopt (`Unprofiled`) instead of the cache's fast path for
    /// good. Code compiled at a function's first hot loop would otherwise reach its later
    /// loops' attributes through the vm forever; two such deopts recompile the code with what
    /// the interpreter recorded meanwhile. Outside loops a site that never ran is a rare path
    /// (or runs once), not worth a recompile (deltablue spent 110 ms recompiling for such
    /// sites). Not after a few compilations, so nothing can recompile without end.
    pub(super) fn deopt_if_unprofiled_attribute(&mut self, index: usize) {
        const MAX_COMPILATIONS: u32 = 3;
        if !self.inside_loop(index) {
            return;
        }
        let recorded = self
            .globals
            .attributes
            .get(index)
            .is_some_and(|ways| !ways.is_empty())
            || !krait_runtime::attribute_site::builtin_methods(&self.code.attribute_sites, index)
                .is_empty();
        let ran = self.feedback[index] & SEEN_OPERANDS != 0;
        if recorded || ran || self.code.profile.compilations.get() >= MAX_COMPILATIONS {
            return;
        }
        let never = self.builder.ins().iconst(types::I8, 0);
        self.guard(never, index, crate::DeoptReason::Unprofiled);
    }

    /// Whether instruction `index` lies inside a loop: some backward jump at or after it goes
    /// to or before it.
    fn inside_loop(&self, index: usize) -> bool {
        self.code
            .code
            .instructions
            .iter()
            .enumerate()
            .skip(index)
            .any(|(position, instruction)| {
                crate::analysis::jump_target(instruction.opcode, instruction.arg)
                    .is_some_and(|target| target <= index && target < position)
            })
    }

    /// Checks inline that `object` is a plain instance of one of the classes and shapes the
    /// attribute cache recorded (`ways`), with class namespaces unchanged since, and emits
    /// `each` for the way it matches (given the instance's address). `each` returns a
    /// condition (an i8: false goes to `otherwise`) and, optionally, the value the instruction
    /// produces. Anything else jumps to `otherwise`. Returns the join block (holding the value
    /// as its parameter when there is one), current on return; `None` when nothing could be
    /// emitted inline (and nothing was).
    ///
    /// `local` is the local `object` was loaded from, if any: where an earlier attribute
    /// instruction left a fact about it (`instance_facts`), a compare of the known class and
    /// shape with each way's comes first and skips the checks; the checks record the fact.
    /// Ways that emit the same code (the same slot, method or added shape: a polymorphic site
    /// whose classes agree on the slot) share one block, entered after one compare per way.
    pub(super) fn dispatch_ways(
        &mut self,
        object: IrValue,
        local: Option<usize>,
        ways: &[krait_runtime::attribute_site::Monomorphic],
        otherwise: Block,
        mut each: impl FnMut(
            &mut Self,
            &krait_runtime::attribute_site::Monomorphic,
            IrValue,
        ) -> Option<(IrValue, Option<IrValue>)>,
    ) -> Option<Block> {
        let layout = self.layout()?;
        let first = ways.first()?;
        // The groups of ways that emit the same code, in the order of their first way.
        let mut groups: Vec<(Block, Vec<krait_runtime::attribute_site::Monomorphic>)> = Vec::new();
        for way in ways {
            let same = groups
                .iter_mut()
                .find(|(_, members)| Self::same_emission(&members[0], way));
            match same {
                Some((_, members)) => members.push(*way),
                None => {
                    let block = self.builder.create_block();
                    groups.push((block, vec![*way]));
                }
            }
        }
        let shape_word = |way: &krait_runtime::attribute_site::Monomorphic| {
            way.shape as i64 - layout.shape_pointer_adjust
        };
        // The instance's address: used only in the groups' blocks, which only checked
        // instances reach.
        let address = self.builder.ins().band_imm_s(object, PAYLOAD_MASK);
        if let Some(fact) = local.and_then(|local| self.known_instance(local)) {
            let known_class = self.builder.use_var(fact.class);
            let known_shape = self.builder.use_var(fact.shape);
            let checks = self.builder.create_block();
            for (block, members) in &groups {
                let mut matched = None;
                for way in members {
                    let same_class =
                        self.builder
                            .ins()
                            .icmp_imm_s(IntCC::Equal, known_class, way.class as i64);
                    let same_shape =
                        self.builder
                            .ins()
                            .icmp_imm_s(IntCC::Equal, known_shape, shape_word(way));
                    let same = self.builder.ins().band(same_class, same_shape);
                    matched = Some(match matched {
                        Some(before) => self.builder.ins().bor(before, same),
                        None => same,
                    });
                }
                let next = self.builder.create_block();
                let matched = matched?;
                self.builder.ins().brif(matched, *block, &[], next, &[]);
                self.builder.switch_to_block(next);
            }
            self.builder.ins().jump(checks, &[]);
            self.builder.switch_to_block(checks);
        }
        self.object_of_kind(object, Layout::Instance, otherwise);
        let class = self.load_at(address, layout.instance_class);
        let shape = self.load_at(address, layout.instance_shape);
        let extra = self.load_at(address, layout.instance_extra);
        let epoch_address = self
            .builder
            .ins()
            .iconst(types::I64, self.environment.class_epoch_address as i64);
        let epoch = self.load_at(epoch_address, 0);
        // Every way was read in the same class epoch.
        let plain = self.builder.ins().icmp_imm_s(IntCC::Equal, extra, 0);
        let unchanged = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, epoch, first.epoch as i64);
        let valid = self.builder.ins().band(plain, unchanged);
        let dispatch = self.builder.create_block();
        self.builder
            .ins()
            .brif(valid, dispatch, &[], otherwise, &[]);
        self.builder.switch_to_block(dispatch);
        // A plain instance in the epoch every way was read in: its class and shape are
        // facts until something may change them.
        if let Some(local) = local {
            self.record_instance(local, class, shape);
        }
        for (position, (block, members)) in groups.iter().enumerate() {
            let mut matched = None;
            for way in members {
                let same_class =
                    self.builder
                        .ins()
                        .icmp_imm_s(IntCC::Equal, class, way.class as i64);
                let same_shape =
                    self.builder
                        .ins()
                        .icmp_imm_s(IntCC::Equal, shape, shape_word(way));
                let same = self.builder.ins().band(same_class, same_shape);
                matched = Some(match matched {
                    Some(before) => self.builder.ins().bor(before, same),
                    None => same,
                });
            }
            let matched = matched?;
            let next = if position + 1 == groups.len() {
                otherwise
            } else {
                self.builder.create_block()
            };
            self.builder.ins().brif(matched, *block, &[], next, &[]);
            if next != otherwise {
                self.builder.switch_to_block(next);
            }
        }
        let join = self.builder.create_block();
        let mut has_value = None;
        for (block, members) in &groups {
            let way = members[0];
            self.builder.switch_to_block(*block);
            let (condition, value) = each(self, &way, address)?;
            if way.added_shape != 0 {
                // The instance moved to the child shape: any local holding it knew the old
                // one. The stored local knows the new one.
                let known = local.and_then(|local| {
                    let fact = self.known_instance(local)?;
                    Some((local, self.builder.use_var(fact.class)))
                });
                self.forget_instances();
                if let Some((local, class)) = known {
                    let new_shape = self.builder.ins().iconst(
                        types::I64,
                        way.added_shape as i64 - layout.shape_pointer_adjust,
                    );
                    self.record_instance(local, class, new_shape);
                }
            }
            if has_value.is_none() {
                has_value = Some(value.is_some());
                if value.is_some() {
                    self.builder.append_block_param(join, types::I64);
                }
            }
            match value {
                Some(value) => {
                    self.builder
                        .ins()
                        .brif(condition, join, &[value.into()], otherwise, &[])
                }
                None => self
                    .builder
                    .ins()
                    .brif(condition, join, &[], otherwise, &[]),
            };
        }
        self.builder.switch_to_block(join);
        Some(join)
    }

    /// Whether two ways of one site compile to the same code once their class and shape are
    /// checked: the same slot (loads and stores to an existing slot), the same method, and for
    /// a store that adds the slot, the same shapes before and after.
    fn same_emission(
        one: &krait_runtime::attribute_site::Monomorphic,
        other: &krait_runtime::attribute_site::Monomorphic,
    ) -> bool {
        one.slot == other.slot
            && one.method == other.method
            && one.added_shape == other.added_shape
            && (one.added_shape == 0 || one.shape == other.shape)
    }

    /// The address of slot `slot` of the instance at `address`, or a jump to `otherwise`.
    pub(super) fn slot_address(
        &mut self,
        address: IrValue,
        slot: u32,
        otherwise: Block,
    ) -> Option<IrValue> {
        let layout = self.layout()?;
        let count = self.load_at(address, layout.instance_slot_count);
        let present =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::UnsignedGreaterThan, count, i64::from(slot));
        let next = self.builder.create_block();
        self.builder.ins().brif(present, next, &[], otherwise, &[]);
        self.builder.switch_to_block(next);
        let slots = self.load_at(address, layout.instance_slots);
        Some(self.builder.ins().iadd_imm_s(slots, i64::from(slot) * 8))
    }

    /// Stores `value` in slot `way.slot` of the instance at `address`, which has `way`'s
    /// class and shape: into the existing slot, or — for a way that adds the attribute — as
    /// the next slot, moving the instance to the child shape (jumping to `otherwise` when the
    /// instance does not have exactly the slots before it, or no room for one more: the
    /// vm's path then grows the buffer and remembers the size for the class).
    pub(super) fn store_instance_slot(
        &mut self,
        way: &krait_runtime::attribute_site::Monomorphic,
        address: IrValue,
        value: IrValue,
        otherwise: Block,
    ) -> Option<()> {
        let layout = self.layout()?;
        let slot = way.slot?;
        if way.added_shape == 0 {
            let slot_address = self.slot_address(address, slot, otherwise)?;
            self.builder
                .ins()
                .store(MemFlagsData::trusted(), value, slot_address, 0);
            return Some(());
        }
        let flags = MemFlagsData::trusted();
        let count = self.load_at(address, layout.instance_slot_count);
        let capacity = self.load_at(address, layout.instance_slot_capacity);
        let expected = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, count, i64::from(slot));
        let room =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::UnsignedGreaterThan, capacity, i64::from(slot));
        let fits = self.builder.ins().band(expected, room);
        let next = self.builder.create_block();
        self.builder.ins().brif(fits, next, &[], otherwise, &[]);
        self.builder.switch_to_block(next);
        let slots = self.load_at(address, layout.instance_slots);
        self.builder.ins().store(
            flags,
            value,
            slots,
            i32::try_from(slot).ok()?.checked_mul(8)?,
        );
        let grown = self.builder.ins().iadd_imm_s(count, 1);
        self.builder
            .ins()
            .store(flags, grown, address, layout.instance_slot_count);
        // The instance's `Rc<Shape>` becomes the child's: one count more on the child, one
        // less on the old shape (which its parent's transition table, or the runtime for the
        // root, also holds, so it never reaches zero here). Both are constants: the way's
        // shape is what the instance was checked to have.
        let old_word = way.shape as i64 - layout.shape_pointer_adjust;
        let new_word = way.added_shape as i64 - layout.shape_pointer_adjust;
        for (word, change) in [(new_word, 1), (old_word, -1)] {
            let counter = self
                .builder
                .ins()
                .iconst(types::I64, word + i64::from(layout.shape_strong_count));
            let strong = self.load_at(counter, 0);
            let changed = self.builder.ins().iadd_imm_s(strong, change);
            self.builder.ins().store(flags, changed, counter, 0);
        }
        let new_shape = self.builder.ins().iconst(types::I64, new_word);
        self.builder
            .ins()
            .store(flags, new_shape, address, layout.instance_shape);
        Some(())
    }

    /// An inline path for an attribute instruction, with the usual path as its fallback.
    /// `inline` emits the fast case given the fallback block and returns false if it could not.
    pub(super) fn with_inline(
        &mut self,
        inline: impl FnOnce(&mut Self, Block) -> bool,
        usual: impl FnOnce(&mut Self),
    ) {
        let fallback = self.builder.create_block();
        let join = self.builder.create_block();
        self.builder.set_cold_block(fallback);
        let depth = self.depth;
        let kinds = self.stack_kinds.clone();
        let raws = (self.stack_raw.clone(), self.local_raw.clone());
        if inline(self, fallback) {
            self.builder.ins().jump(join, &[]);
        } else {
            self.builder.ins().jump(fallback, &[]);
        }
        self.builder.switch_to_block(fallback);
        self.depth = depth;
        self.stack_kinds = kinds;
        usual(self);
        self.builder.ins().jump(join, &[]);
        self.builder.switch_to_block(join);
        self.restore_raws(raws, depth);
    }

    /// After a join: unboxed values computed inside either branch do not dominate it. Keeps
    /// those of slots below `depth` (defined before the branches) and of locals as saved.
    pub(super) fn restore_raws(
        &mut self,
        saved: (Vec<Option<IrValue>>, Vec<Option<IrValue>>),
        depth: usize,
    ) {
        let (stack, locals) = saved;
        for (slot, raw) in self.stack_raw.iter_mut().enumerate() {
            *raw = if slot < depth.min(self.depth) {
                stack[slot]
            } else {
                None
            };
        }
        self.local_raw = locals;
    }

    /// The stack after `LoadAttr` or `LoadMethod` found `result` for the object on top:
    /// the attribute, or the method with the object as its receiver.
    pub(super) fn finish_attribute(&mut self, opcode: Opcode, result: IrValue) {
        let local = self.stack_local[self.depth - 1];
        let (object, _) = self.pop();
        self.push(result, Kind::Unknown);
        if opcode == Opcode::LoadMethod {
            // The receiver is still the local's value (for what a call inlined with it as
            // `self` knows, `instance_facts`).
            self.push(object, Kind::Unknown);
            self.stack_local[self.depth - 1] = local;
        }
    }

    /// `LoadAttr` or `LoadMethod` through the attribute cache's fast path, else the generic
    /// helper.
    pub(super) fn attribute_fallback(&mut self, index: usize, opcode: Opcode, arg: u32) {
        let (object, _) = self.peek(0);
        let fast = if opcode == Opcode::LoadMethod {
            self.environment.fast_paths.load_method
        } else {
            self.environment.fast_paths.load_attribute
        };
        let zero = self.zero();
        self.fast_or_generic(
            index,
            opcode,
            arg,
            fast,
            zero,
            index as i64,
            (object, zero),
            |this, result| this.finish_attribute(opcode, result),
        );
    }
}
