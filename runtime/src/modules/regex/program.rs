//! The parsed tree compiled to a program for the backtracking matcher.
//!
//! Repeats of one-character items (`a*`, `[0-9]+`, `.*?`) become one instruction that counts
//! matches in a loop instead of one backtracking choice per character: that is where most
//! matching time goes. Other repeats use a counter register per loop, saved on the
//! backtracking stack so that nested loops undo correctly.

use super::charset::{CharSet, Semantics};
use super::parser::{Assertion, Node};

/// A test of one character.
#[derive(Clone, Debug)]
pub enum Single {
    /// Exactly this code point.
    Char(u32),
    /// This code point under IGNORECASE.
    CharFolded(u32, Semantics),
    /// Any character (DOTALL `.`).
    Any,
    /// Any character but `\n`.
    AnyButNewline,
    /// A set or class.
    Set(Box<CharSet>),
}

impl Single {
    /// Whether `code` passes the test.
    #[inline]
    pub fn matches(&self, code: u32) -> bool {
        match self {
            Single::Char(expected) => code == *expected,
            Single::CharFolded(expected, semantics) => {
                super::charset::equal_folded(code, *expected, semantics.ascii)
            }
            Single::Any => true,
            Single::AnyButNewline => code != '\n' as u32,
            Single::Set(set) => set.matches(code),
        }
    }
}

/// One instruction.
#[derive(Clone, Debug)]
pub enum Instruction {
    /// Consume one character that passes the test.
    Single(Single),
    /// A zero-width assertion.
    Assert(Assertion),
    /// Record the position in a capture slot.
    Save(usize),
    /// Try the first target; on failure, the second.
    Split(usize, usize),
    /// Continue at the target.
    Jump(usize),
    /// Match the text a group captured.
    Backref {
        /// The group.
        group: usize,
        /// IGNORECASE semantics, if it applies.
        fold: Option<Semantics>,
    },
    /// Repeat a one-character test, then continue with the next instruction.
    RepeatSingle {
        /// The test.
        single: Single,
        /// Fewest repetitions.
        min: u32,
        /// Most repetitions.
        max: u32,
        /// Greedy or lazy.
        greedy: bool,
        /// Never give back (possessive).
        possessive: bool,
    },
    /// Start a general repeat: reset its counter.
    RepeatStart {
        /// The counter register.
        counter: usize,
    },
    /// Decide whether to run the body (at the next instruction) again or leave to `exit`.
    RepeatLoop {
        /// The counter register.
        counter: usize,
        /// Fewest repetitions.
        min: u32,
        /// Most repetitions.
        max: u32,
        /// Greedy or lazy.
        greedy: bool,
        /// Where to continue after the loop.
        exit: usize,
    },
    /// The end of a repeat's body: count it and go back to the loop instruction.
    RepeatEnd {
        /// The counter register.
        counter: usize,
        /// The `RepeatLoop` instruction.
        loop_start: usize,
    },
    /// Lookaround: run the body (from the next instruction to its `SubMatch`), then continue
    /// at `next`.
    Look {
        /// Lookbehind.
        behind: bool,
        /// Negative.
        negate: bool,
        /// Lookbehind's width.
        width: usize,
        /// The instruction after the body.
        next: usize,
    },
    /// Atomic group: run the body once, keep its first match, continue at `next`.
    Atomic {
        /// The instruction after the body.
        next: usize,
    },
    /// Continue with the next instruction if the group matched, else at `no`.
    GroupExists {
        /// The group.
        group: usize,
        /// The "no" branch.
        no: usize,
    },
    /// The end of a lookaround or atomic body.
    SubMatch,
    /// The end of the pattern.
    Match,
}

/// A compiled pattern.
pub struct Program {
    /// The instructions; the first is where matching starts.
    pub instructions: Vec<Instruction>,
    /// Capture groups (not counting group 0).
    pub groups: usize,
    /// Counter registers the general repeats use.
    pub counters: usize,
    /// A test the first character of every match passes, for a fast scan in `search`.
    pub first: Option<Single>,
    /// The pattern can only match at the start of the text (it begins with `\A`).
    pub anchored: bool,
}

/// Compiles a parsed pattern with `groups` capturing groups.
pub fn compile(node: &Node, groups: usize) -> Program {
    let mut compiler = Compiler {
        instructions: Vec::new(),
        counters: 0,
    };
    compiler.emit_node(node);
    compiler.instructions.push(Instruction::Match);
    Program {
        instructions: compiler.instructions,
        groups,
        counters: compiler.counters,
        first: first_test(node),
        anchored: anchored(node),
    }
}

/// The test the first character of any match must pass, when the pattern starts with a
/// one-character item (after zero-width assertions, which hold at the same position).
fn first_test(node: &Node) -> Option<Single> {
    match node {
        Node::Concat(items) => {
            for item in items {
                match item {
                    Node::Assert(_) | Node::Look { .. } => continue,
                    other => return first_test(other),
                }
            }
            None
        }
        Node::Group { node, .. } | Node::Atomic(node) => first_test(node),
        Node::Repeat { node, min, .. } if *min > 0 => first_test(node),
        other => single_of(other),
    }
}

fn anchored(node: &Node) -> bool {
    match node {
        Node::Assert(Assertion::StartOfText) => true,
        Node::Concat(items) => items.first().is_some_and(anchored),
        Node::Group { node, .. } | Node::Atomic(node) => anchored(node),
        _ => false,
    }
}

struct Compiler {
    instructions: Vec<Instruction>,
    counters: usize,
}

fn single_of(node: &Node) -> Option<Single> {
    Some(match node {
        Node::Char { code, fold: None } => Single::Char(*code),
        Node::Char {
            code,
            fold: Some(semantics),
        } => Single::CharFolded(*code, *semantics),
        Node::Any { dotall: true } => Single::Any,
        Node::Any { dotall: false } => Single::AnyButNewline,
        Node::Set(set) => Single::Set(set.clone()),
        _ => return None,
    })
}

impl Compiler {
    fn here(&self) -> usize {
        self.instructions.len()
    }

    fn emit(&mut self, instruction: Instruction) -> usize {
        self.instructions.push(instruction);
        self.instructions.len() - 1
    }

    fn emit_node(&mut self, node: &Node) {
        match node {
            Node::Empty => {}
            Node::Char { .. } | Node::Any { .. } | Node::Set(_) => {
                if let Some(single) = single_of(node) {
                    self.emit(Instruction::Single(single));
                }
            }
            Node::Assert(assertion) => {
                self.emit(Instruction::Assert(*assertion));
            }
            Node::Group { index, node } => {
                self.emit(Instruction::Save(index * 2));
                self.emit_node(node);
                self.emit(Instruction::Save(index * 2 + 1));
            }
            Node::Concat(items) => items.iter().for_each(|item| self.emit_node(item)),
            Node::Alternate(branches) => {
                let mut jumps = Vec::new();
                for (index, branch) in branches.iter().enumerate() {
                    if index + 1 < branches.len() {
                        let split = self.emit(Instruction::Split(0, 0));
                        self.emit_node(branch);
                        jumps.push(self.emit(Instruction::Jump(0)));
                        let next = self.here();
                        self.instructions[split] = Instruction::Split(split + 1, next);
                    } else {
                        self.emit_node(branch);
                    }
                }
                let end = self.here();
                for jump in jumps {
                    self.instructions[jump] = Instruction::Jump(end);
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
                possessive,
            } => self.emit_repeat(node, *min, *max, *greedy, *possessive),
            Node::Backref { group, fold } => {
                self.emit(Instruction::Backref {
                    group: *group,
                    fold: *fold,
                });
            }
            Node::Look {
                behind,
                negate,
                node,
                width,
            } => {
                let look = self.emit(Instruction::Look {
                    behind: *behind,
                    negate: *negate,
                    width: *width,
                    next: 0,
                });
                self.emit_node(node);
                self.emit(Instruction::SubMatch);
                let next = self.here();
                if let Instruction::Look { next: slot, .. } = &mut self.instructions[look] {
                    *slot = next;
                }
            }
            Node::Atomic(node) => self.emit_atomic(node),
            Node::Conditional { group, yes, no } => {
                let test = self.emit(Instruction::GroupExists {
                    group: *group,
                    no: 0,
                });
                self.emit_node(yes);
                let jump = self.emit(Instruction::Jump(0));
                let no_start = self.here();
                self.emit_node(no);
                let end = self.here();
                self.instructions[test] = Instruction::GroupExists {
                    group: *group,
                    no: no_start,
                };
                self.instructions[jump] = Instruction::Jump(end);
            }
        }
    }

    fn emit_atomic(&mut self, node: &Node) {
        let atomic = self.emit(Instruction::Atomic { next: 0 });
        self.emit_node(node);
        self.emit(Instruction::SubMatch);
        let next = self.here();
        self.instructions[atomic] = Instruction::Atomic { next };
    }

    fn emit_repeat(&mut self, node: &Node, min: u32, max: u32, greedy: bool, possessive: bool) {
        if let Some(single) = single_of(node) {
            self.emit(Instruction::RepeatSingle {
                single,
                min,
                max,
                greedy,
                possessive,
            });
            return;
        }
        if possessive {
            let inner = Node::Repeat {
                node: Box::new(node.clone()),
                min,
                max,
                greedy: true,
                possessive: false,
            };
            self.emit_atomic(&inner);
            return;
        }
        let counter = self.counters;
        self.counters += 1;
        self.emit(Instruction::RepeatStart { counter });
        let loop_start = self.emit(Instruction::RepeatLoop {
            counter,
            min,
            max,
            greedy,
            exit: 0,
        });
        self.emit_node(node);
        self.emit(Instruction::RepeatEnd {
            counter,
            loop_start,
        });
        let exit = self.here();
        self.instructions[loop_start] = Instruction::RepeatLoop {
            counter,
            min,
            max,
            greedy,
            exit,
        };
    }
}
