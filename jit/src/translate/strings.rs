//! `==` and `!=` of two exact strs, mostly without a call.
//!
//! Why: comparing words (`x == w` in a filter, a key against a sentinel) went through the
//! `compare_strings` fast path, about sixty instructions a compare, most of them getting at the
//! two texts. Most compares are decided by what the objects already say: the same object is
//! equal, different character counts are not, and two different cached hashes are not. Compiled
//! code tests those inline (a str's kind byte, character count and hash are at measured
//! offsets, `krait_runtime::layout`). Two short strs of one length (at most `SHORT_CHARS`
//! characters, whose text is always inline and zero past its length) whose hashes do not tell
//! compare their byte lengths and first 28 bytes as words; longer ones call the lean
//! `strings_equal` fast path.
//!
//! Only exact strs take this path (their kind byte is `Str`; instances of str subclasses,
//! which may override `__eq__`, are instances): anything else takes the generic compare, as
//! before. The identity shortcut is only taken for strs (a float NaN is not equal to itself).

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData};
use krait_compiler::{Comparison, Opcode};
use krait_runtime::layout::Kind as Layout;
use krait_runtime::str_object::SHORT_CHARS;

use super::{Kind, Translator};

impl<'a, 'b> Translator<'a, 'b> {
    /// `CompareOp` `==` or `!=` (`comparison`) at `index` with nothing known of the operands:
    /// inline for two exact strs, else the `compare_strings` fast path or the generic path.
    pub(super) fn string_equality(&mut self, index: usize, arg: u32, comparison: Comparison) {
        let Some(layout) = self.layout() else {
            self.compare_generic(index, arg);
            return;
        };
        let (right, _) = self.peek(0);
        let (left, _) = self.peek(1);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let generic = self.builder.create_block();
        // Whether the texts are equal (an i8).
        let decided = self.builder.create_block();
        self.builder.append_block_param(decided, types::I8);

        let left_address = self.object_of_kind(left, Layout::Str, generic);
        let right_address = self.object_of_kind(right, Layout::Str, generic);
        let same = self.builder.ins().icmp(IntCC::Equal, left, right);
        let yes = self.builder.ins().iconst(types::I8, 1);
        let no = self.builder.ins().iconst(types::I8, 0);
        let distinct = self.builder.create_block();
        self.builder
            .ins()
            .brif(same, decided, &[yes.into()], distinct, &[]);
        self.builder.switch_to_block(distinct);
        let left_count = self.load_at(left_address, layout.str_char_count);
        let right_count = self.load_at(right_address, layout.str_char_count);
        let same_count = self
            .builder
            .ins()
            .icmp(IntCC::Equal, left_count, right_count);
        let one_length = self.builder.create_block();
        self.builder
            .ins()
            .brif(same_count, one_length, &[], decided, &[no.into()]);
        self.builder.switch_to_block(one_length);
        // Two cached hashes (0: not computed) that differ: different texts.
        let left_hash = self.load_at(left_address, layout.str_hash);
        let right_hash = self.load_at(right_address, layout.str_hash);
        let hashes_differ = self
            .builder
            .ins()
            .icmp(IntCC::NotEqual, left_hash, right_hash);
        let left_cached = self.builder.ins().icmp_imm_s(IntCC::NotEqual, left_hash, 0);
        let right_cached = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::NotEqual, right_hash, 0);
        let both_cached = self.builder.ins().band(left_cached, right_cached);
        let unequal = self.builder.ins().band(hashes_differ, both_cached);
        let compare_texts = self.builder.create_block();
        self.builder
            .ins()
            .brif(unequal, decided, &[no.into()], compare_texts, &[]);
        self.builder.switch_to_block(compare_texts);
        // Short texts are inline in both (`SHORT_CHARS`), zero past their length: equal
        // lengths and equal first 28 bytes are equal texts.
        let short = self.builder.ins().icmp_imm_u(
            IntCC::UnsignedLessThanOrEqual,
            left_count,
            SHORT_CHARS as i64,
        );
        let inline = self.builder.create_block();
        let call = self.builder.create_block();
        self.builder.ins().brif(short, inline, &[], call, &[]);
        self.builder.switch_to_block(inline);
        let unaligned = MemFlagsData::new().with_notrap();
        let left_length = self.builder.ins().uload8(
            types::I64,
            unaligned,
            left_address,
            layout.str_inline_length,
        );
        let right_length = self.builder.ins().uload8(
            types::I64,
            unaligned,
            right_address,
            layout.str_inline_length,
        );
        let mut difference = self.builder.ins().bxor(left_length, right_length);
        for (width, offset) in [(8, 0), (8, 8), (8, 16), (4, 24)] {
            let at = layout.str_inline_bytes + offset;
            let (left_word, right_word) = if width == 8 {
                (
                    self.builder
                        .ins()
                        .load(types::I64, unaligned, left_address, at),
                    self.builder
                        .ins()
                        .load(types::I64, unaligned, right_address, at),
                )
            } else {
                (
                    self.builder.ins().uload32(unaligned, left_address, at),
                    self.builder.ins().uload32(unaligned, right_address, at),
                )
            };
            let bits = self.builder.ins().bxor(left_word, right_word);
            difference = self.builder.ins().bor(difference, bits);
        }
        let equal = self.builder.ins().icmp_imm_s(IntCC::Equal, difference, 0);
        self.builder.ins().jump(decided, &[equal.into()]);
        self.builder.switch_to_block(call);
        let fast = self.environment.fast_paths.strings_equal;
        let zero = self.zero();
        let immediate = self.builder.ins().iconst(types::I32, 0);
        let equal = self.call_helper_raw(fast, zero, immediate, left, right);
        let equal = self.builder.ins().ireduce(types::I8, equal);
        self.builder.ins().jump(decided, &[equal.into()]);

        self.builder.switch_to_block(decided);
        let equal = self.builder.block_params(decided)[0];
        let outcome = match comparison {
            Comparison::NotEqual => self.builder.ins().bxor_imm_u(equal, 1),
            _ => equal,
        };
        let boxed = self.box_bool(outcome);
        self.builder.ins().jump(join, &[boxed.into()]);

        self.builder.switch_to_block(generic);
        self.compare_generic(index, arg);
        let (result, _) = self.pop();
        self.builder.ins().jump(join, &[result.into()]);

        self.builder.switch_to_block(join);
        let result = self.builder.block_params(join)[0];
        self.push(result, Kind::Unknown);
    }

    /// `CompareOp` through the `compare_strings` fast path (two strs) or the generic path.
    pub(super) fn compare_generic(&mut self, index: usize, arg: u32) {
        let fast = self.environment.fast_paths.compare_strings;
        self.binary_fast_or_generic(
            index,
            Opcode::CompareOp,
            arg,
            fast,
            i64::from(arg),
            Kind::Unknown,
        );
    }
}
