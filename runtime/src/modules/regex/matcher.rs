//! The backtracking matcher: Python's semantics (the first alternative that leads to a match
//! wins, not the longest), with an explicit stack instead of recursion so that long texts
//! cannot overflow the native stack.
//!
//! The text is a slice of code points (`u8` for bytes and ASCII str, `u32` otherwise), so
//! positions are Python's indices. Matching sees the text only up to `endpos`; lookbehind
//! and `\b` may look before `pos`, as in CPython.

use super::charset::{equal_folded, is_word};
use super::parser::Assertion;
use super::program::{Instruction, Program, Single};

/// How a match must be anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `match`: at `pos`.
    Match,
    /// `search`: at the first position from `pos` where one exists.
    Search,
    /// `fullmatch`: at `pos`, ending at `endpos`.
    FullMatch,
}

/// A slot not set (a group that did not take part).
pub const UNSET: usize = usize::MAX;

enum Frame {
    /// Resume at `instruction` and `position`.
    Choice { instruction: usize, position: usize },
    /// Undo a capture slot.
    RestoreSlot { slot: usize, value: usize },
    /// Undo a repeat counter.
    RestoreCounter { counter: usize, value: (u32, usize) },
    /// Undo the record of the group closed last.
    RestoreLastGroup { group: usize },
    /// A greedy one-character repeat that can give back down to `lowest`.
    GreedySingle {
        next: usize,
        lowest: usize,
        position: usize,
    },
    /// A lazy one-character repeat that can take one more at `position`.
    LazySingle {
        repeat: usize,
        position: usize,
        count: u32,
    },
    /// A lazy general repeat that can run its body once more.
    LazyBody {
        loop_start: usize,
        counter: usize,
        position: usize,
    },
}

/// One matching attempt's state.
pub struct Matcher<'a, T> {
    program: &'a Program,
    text: &'a [T],
    /// Capture slots: start and end of each group, group 0 first.
    pub slots: Vec<usize>,
    /// The group whose end was recorded last (`Match.lastindex`; 0 for none).
    pub last_group: usize,
    counters: Vec<(u32, usize)>,
    stack: Vec<Frame>,
    mode: Mode,
    /// Where the current attempt started (for `must_advance`).
    attempt_start: usize,
    /// Reject an empty match at `attempt_start` (after an empty match, finditer and sub must
    /// move on).
    must_advance: bool,
}

impl<'a, T: Copy + Into<u32>> Matcher<'a, T> {
    /// A matcher over `text` (already cut at `endpos`).
    pub fn new(program: &'a Program, text: &'a [T]) -> Matcher<'a, T> {
        Matcher {
            program,
            text,
            slots: vec![UNSET; (program.groups + 1) * 2],
            last_group: 0,
            counters: vec![(0, UNSET); program.counters],
            stack: Vec::new(),
            mode: Mode::Match,
            attempt_start: 0,
            must_advance: false,
        }
    }

    #[inline]
    fn at(&self, position: usize) -> u32 {
        self.text[position].into()
    }

    /// Finds a match starting at `start` (or after it, for Search); the group slots hold it.
    pub fn find(&mut self, start: usize, mode: Mode, must_advance: bool) -> bool {
        self.mode = mode;
        self.must_advance = must_advance;
        let end = self.text.len();
        if start > end {
            return false;
        }
        let mut position = start;
        loop {
            if mode == Mode::Search {
                if let Some(first) = &self.program.first {
                    match (position..end).find(|&index| first.matches(self.at(index))) {
                        Some(found) => position = found,
                        None => return false,
                    }
                }
            }
            self.slots.iter_mut().for_each(|slot| *slot = UNSET);
            self.last_group = 0;
            self.stack.clear();
            self.attempt_start = position;
            if let Some(finish) = self.run(0, position, None) {
                self.slots[0] = position;
                self.slots[1] = finish;
                self.stack.clear();
                return true;
            }
            if mode != Mode::Search || position >= end || self.program.anchored {
                return false;
            }
            // Only the first attempt must advance: later ones start past the last match.
            self.must_advance = false;
            position += 1;
        }
    }

    /// Pops frames above `base` until a choice to resume; None when none is left.
    fn backtrack(&mut self, base: usize) -> Option<(usize, usize)> {
        while self.stack.len() > base {
            let frame = self.stack.pop()?;
            match frame {
                Frame::Choice {
                    instruction,
                    position,
                } => return Some((instruction, position)),
                Frame::RestoreSlot { slot, value } => self.slots[slot] = value,
                Frame::RestoreCounter { counter, value } => self.counters[counter] = value,
                Frame::RestoreLastGroup { group } => self.last_group = group,
                Frame::GreedySingle {
                    next,
                    lowest,
                    position,
                } => {
                    if position > lowest {
                        self.stack.push(Frame::GreedySingle {
                            next,
                            lowest,
                            position: position - 1,
                        });
                        return Some((next, position - 1));
                    }
                }
                Frame::LazySingle {
                    repeat,
                    position,
                    count,
                } => {
                    let Instruction::RepeatSingle { single, max, .. } =
                        &self.program.instructions[repeat]
                    else {
                        continue;
                    };
                    if count < *max
                        && position < self.text.len()
                        && single.matches(self.at(position))
                    {
                        self.stack.push(Frame::LazySingle {
                            repeat,
                            position: position + 1,
                            count: count + 1,
                        });
                        return Some((repeat + 1, position + 1));
                    }
                }
                Frame::LazyBody {
                    loop_start,
                    counter,
                    position,
                } => {
                    let old = self.counters[counter];
                    self.stack.push(Frame::RestoreCounter {
                        counter,
                        value: old,
                    });
                    self.counters[counter].1 = position;
                    return Some((loop_start + 1, position));
                }
            }
        }
        None
    }

    /// After a lookaround or atomic body matched: drop its choices, keep its undo records.
    fn commit(&mut self, base: usize) {
        let mut kept = base;
        for index in base..self.stack.len() {
            if matches!(
                self.stack[index],
                Frame::RestoreSlot { .. }
                    | Frame::RestoreCounter { .. }
                    | Frame::RestoreLastGroup { .. }
            ) {
                self.stack.swap(kept, index);
                kept += 1;
            }
        }
        self.stack.truncate(kept);
    }

    /// Undoes everything recorded above `base` (a negative lookaround's body matched).
    fn unwind(&mut self, base: usize) {
        while self.stack.len() > base {
            match self.stack.pop() {
                Some(Frame::RestoreSlot { slot, value }) => self.slots[slot] = value,
                Some(Frame::RestoreCounter { counter, value }) => self.counters[counter] = value,
                Some(Frame::RestoreLastGroup { group }) => self.last_group = group,
                _ => {}
            }
        }
    }

    fn assertion(&self, assertion: Assertion, position: usize) -> bool {
        let end = self.text.len();
        let newline = '\n' as u32;
        match assertion {
            Assertion::StartOfText => position == 0,
            Assertion::StartOfLine => position == 0 || self.at(position - 1) == newline,
            Assertion::EndOfText => position == end,
            Assertion::EndOrFinalNewline => {
                position == end || (position + 1 == end && self.at(position) == newline)
            }
            Assertion::EndOfLine => position == end || self.at(position) == newline,
            Assertion::WordBoundary { ascii } | Assertion::NotWordBoundary { ascii } => {
                let before = position > 0 && is_word(self.at(position - 1), ascii);
                let after = position < end && is_word(self.at(position), ascii);
                (before != after) == matches!(assertion, Assertion::WordBoundary { .. })
            }
        }
    }

    fn backreference(
        &self,
        group: usize,
        fold: Option<super::charset::Semantics>,
        position: usize,
    ) -> Option<usize> {
        let start = self.slots[group * 2];
        let end = self.slots[group * 2 + 1];
        if start == UNSET || end == UNSET || end < start {
            return None;
        }
        let length = end - start;
        if position + length > self.text.len() {
            return None;
        }
        for offset in 0..length {
            let left = self.at(start + offset);
            let right = self.at(position + offset);
            let equal = match fold {
                Some(semantics) => equal_folded(left, right, semantics.ascii),
                None => left == right,
            };
            if !equal {
                return None;
            }
        }
        Some(position + length)
    }

    fn count_singles(&self, single: &Single, position: usize, max: u32) -> usize {
        let limit = (self.text.len() - position).min(max as usize);
        match single {
            Single::Any => limit,
            _ => (0..limit)
                .find(|&offset| !single.matches(self.at(position + offset)))
                .unwrap_or(limit),
        }
    }

    /// Runs from `instruction` at `position` until `Match` (or `SubMatch`, which with `target`
    /// must end there); returns where the match ends. Frames pushed are above the stack's
    /// length at entry.
    fn run(
        &mut self,
        mut instruction: usize,
        mut position: usize,
        target: Option<usize>,
    ) -> Option<usize> {
        let base = self.stack.len();
        let end = self.text.len();
        loop {
            let matched = match &self.program.instructions[instruction] {
                Instruction::Single(single) => {
                    if position < end && single.matches(self.at(position)) {
                        position += 1;
                        instruction += 1;
                        true
                    } else {
                        false
                    }
                }
                Instruction::Assert(assertion) => {
                    instruction += 1;
                    self.assertion(*assertion, position)
                }
                Instruction::Save(slot) => {
                    let slot = *slot;
                    self.stack.push(Frame::RestoreSlot {
                        slot,
                        value: self.slots[slot],
                    });
                    self.slots[slot] = position;
                    if slot % 2 == 1 {
                        self.stack.push(Frame::RestoreLastGroup {
                            group: self.last_group,
                        });
                        self.last_group = slot / 2;
                    }
                    instruction += 1;
                    true
                }
                Instruction::Split(first, second) => {
                    self.stack.push(Frame::Choice {
                        instruction: *second,
                        position,
                    });
                    instruction = *first;
                    true
                }
                Instruction::Jump(next) => {
                    instruction = *next;
                    true
                }
                Instruction::Backref { group, fold } => {
                    match self.backreference(*group, *fold, position) {
                        Some(next) => {
                            position = next;
                            instruction += 1;
                            true
                        }
                        None => false,
                    }
                }
                Instruction::RepeatSingle {
                    single,
                    min,
                    max,
                    greedy,
                    possessive,
                } => {
                    let (min, max) = (*min as usize, *max);
                    if *greedy {
                        let count = self.count_singles(single, position, max);
                        if count < min {
                            false
                        } else {
                            if !*possessive && count > min {
                                self.stack.push(Frame::GreedySingle {
                                    next: instruction + 1,
                                    lowest: position + min,
                                    position: position + count,
                                });
                            }
                            position += count;
                            instruction += 1;
                            true
                        }
                    } else {
                        let count = self.count_singles(single, position, min as u32);
                        if count < min {
                            false
                        } else {
                            position += count;
                            self.stack.push(Frame::LazySingle {
                                repeat: instruction,
                                position,
                                count: count as u32,
                            });
                            instruction += 1;
                            true
                        }
                    }
                }
                Instruction::RepeatStart { counter } => {
                    let counter = *counter;
                    self.stack.push(Frame::RestoreCounter {
                        counter,
                        value: self.counters[counter],
                    });
                    self.counters[counter] = (0, UNSET);
                    instruction += 1;
                    true
                }
                Instruction::RepeatLoop {
                    counter,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    let (counter, count, last) = (
                        *counter,
                        self.counters[*counter].0,
                        self.counters[*counter].1,
                    );
                    if count < *min {
                        self.enter_body(counter, position);
                        instruction += 1;
                    } else if count >= *max || position == last {
                        instruction = *exit;
                    } else if *greedy {
                        self.stack.push(Frame::Choice {
                            instruction: *exit,
                            position,
                        });
                        self.enter_body(counter, position);
                        instruction += 1;
                    } else {
                        self.stack.push(Frame::LazyBody {
                            loop_start: instruction,
                            counter,
                            position,
                        });
                        instruction = *exit;
                    }
                    true
                }
                Instruction::RepeatEnd {
                    counter,
                    loop_start,
                } => {
                    let counter = *counter;
                    self.stack.push(Frame::RestoreCounter {
                        counter,
                        value: self.counters[counter],
                    });
                    self.counters[counter].0 += 1;
                    instruction = *loop_start;
                    true
                }
                Instruction::Look {
                    behind,
                    negate,
                    width,
                    next,
                } => {
                    let (behind, negate, width, next) = (*behind, *negate, *width, *next);
                    let inner_base = self.stack.len();
                    let found = if behind {
                        position >= width
                            && self
                                .run(instruction + 1, position - width, Some(position))
                                .is_some()
                    } else {
                        self.run(instruction + 1, position, None).is_some()
                    };
                    instruction = next;
                    if found {
                        if negate {
                            self.unwind(inner_base);
                            false
                        } else {
                            self.commit(inner_base);
                            true
                        }
                    } else {
                        negate
                    }
                }
                Instruction::Atomic { next } => {
                    let next = *next;
                    let inner_base = self.stack.len();
                    match self.run(instruction + 1, position, None) {
                        Some(finish) => {
                            self.commit(inner_base);
                            position = finish;
                            instruction = next;
                            true
                        }
                        None => false,
                    }
                }
                Instruction::GroupExists { group, no } => {
                    if self.slots[group * 2 + 1] != UNSET && self.slots[group * 2] != UNSET {
                        instruction += 1;
                    } else {
                        instruction = *no;
                    }
                    true
                }
                Instruction::SubMatch => {
                    if target.is_none_or(|target| target == position) {
                        return Some(position);
                    }
                    false
                }
                Instruction::Match => {
                    let rejected = (self.mode == Mode::FullMatch && position != end)
                        || (self.must_advance && position == self.attempt_start);
                    if !rejected {
                        return Some(position);
                    }
                    false
                }
            };
            if !matched {
                match self.backtrack(base) {
                    Some((next_instruction, next_position)) => {
                        instruction = next_instruction;
                        position = next_position;
                    }
                    None => return None,
                }
            }
        }
    }

    fn enter_body(&mut self, counter: usize, position: usize) {
        self.stack.push(Frame::RestoreCounter {
            counter,
            value: self.counters[counter],
        });
        self.counters[counter].1 = position;
    }
}
