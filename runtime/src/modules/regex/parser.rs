//! Pattern syntax to a tree, with Python's rules and error messages.
//!
//! The grammar and the errors are those of Python's `re` (3.11): groups (capturing, named,
//! non-capturing, atomic), lookaround, conditionals, inline flags (global at the start, or
//! scoped `(?i:...)`), greedy, lazy and possessive repeats, escapes, sets, and VERBOSE mode.
//! Flags are resolved while parsing, so every node already knows whether it ignores case,
//! whether `.` matches a newline and whether `^`/`$` work per line.

use std::collections::HashMap;

mod escapes;

use super::charset::{CharSet, Semantics};

/// Python's flag bits (`re.I`, `re.M`, …).
pub mod flags {
    /// `re.T` (TEMPLATE).
    pub const TEMPLATE: u32 = 1;
    /// `re.I`.
    pub const IGNORECASE: u32 = 2;
    /// `re.L`.
    pub const LOCALE: u32 = 4;
    /// `re.M`.
    pub const MULTILINE: u32 = 8;
    /// `re.S`.
    pub const DOTALL: u32 = 16;
    /// `re.U`.
    pub const UNICODE: u32 = 32;
    /// `re.X`.
    pub const VERBOSE: u32 = 64;
    /// `re.DEBUG`.
    pub const DEBUG: u32 = 128;
    /// `re.A`.
    pub const ASCII: u32 = 256;
}

/// The deepest nesting of groups the parser accepts (deeper patterns raise RecursionError,
/// as CPython's recursive parser does, instead of overflowing the native stack).
pub const MAX_NESTING: usize = 400;

/// The most a repeat count may be (CPython's MAXREPEAT on 64-bit builds, exclusive).
pub const MAX_REPEAT: u64 = u32::MAX as u64;

/// A zero-width assertion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assertion {
    /// `\A`, or `^` without MULTILINE.
    StartOfText,
    /// `^` with MULTILINE.
    StartOfLine,
    /// `\Z`.
    EndOfText,
    /// `$` without MULTILINE: the end, or before a newline that ends the text.
    EndOrFinalNewline,
    /// `$` with MULTILINE.
    EndOfLine,
    /// `\b`.
    WordBoundary {
        /// ASCII word characters only.
        ascii: bool,
    },
    /// `\B`.
    NotWordBoundary {
        /// ASCII word characters only.
        ascii: bool,
    },
}

/// A parsed pattern.
#[derive(Clone, Debug)]
pub enum Node {
    /// Matches the empty string.
    Empty,
    /// One character.
    Char {
        /// The code point.
        code: u32,
        /// IGNORECASE applies, with these semantics.
        fold: Option<Semantics>,
    },
    /// `.`.
    Any {
        /// DOTALL: a newline matches too.
        dotall: bool,
    },
    /// A set or class escape.
    Set(Box<CharSet>),
    /// A zero-width assertion.
    Assert(Assertion),
    /// A capturing group.
    Group {
        /// Its number (1-based).
        index: usize,
        /// Its contents.
        node: Box<Node>,
    },
    /// A sequence.
    Concat(Vec<Node>),
    /// `a|b|c`, tried in order.
    Alternate(Vec<Node>),
    /// A repeat.
    Repeat {
        /// What is repeated.
        node: Box<Node>,
        /// Fewest repetitions.
        min: u32,
        /// Most repetitions (`u32::MAX` is unbounded).
        max: u32,
        /// Greedy (`*`) or lazy (`*?`).
        greedy: bool,
        /// Possessive (`*+`): never gives back.
        possessive: bool,
    },
    /// A backreference to a group.
    Backref {
        /// The group number.
        group: usize,
        /// IGNORECASE applies, with these semantics.
        fold: Option<Semantics>,
    },
    /// Lookahead or lookbehind.
    Look {
        /// Lookbehind (`(?<=`, `(?<!`).
        behind: bool,
        /// Negative (`(?!`, `(?<!`).
        negate: bool,
        /// The asserted pattern.
        node: Box<Node>,
        /// For lookbehind: the fixed width of `node`.
        width: usize,
    },
    /// `(?>...)`: matches once, never backtracked into.
    Atomic(Box<Node>),
    /// `(?(group)yes|no)`.
    Conditional {
        /// The group whose success chooses the branch.
        group: usize,
        /// Taken when the group matched.
        yes: Box<Node>,
        /// Taken otherwise.
        no: Box<Node>,
    },
}

/// A syntax error: CPython's message and the position it reports (None for errors CPython
/// reports without one).
#[derive(Clone, Debug)]
pub struct PatternError {
    /// The message.
    pub message: String,
    /// Where, in characters from the start of the pattern.
    pub position: Option<usize>,
    /// CPython raises OverflowError, not re.error, for this one.
    pub overflow: bool,
}

/// A parsed pattern with what the Pattern object reports.
pub struct Parsed {
    /// The tree.
    pub node: Node,
    /// Number of capturing groups.
    pub groups: usize,
    /// Named groups.
    pub names: Vec<(String, usize)>,
    /// The flags after inline flags and the default unicode flag.
    pub flags: u32,
}

struct Parser<'a> {
    pattern: &'a [char],
    position: usize,
    is_text: bool,
    flags: u32,
    /// Groups opened so far (so the next group's number is `groups + 1`).
    groups: usize,
    /// Whether each group (index = number) is closed.
    closed: Vec<bool>,
    names: HashMap<String, usize>,
    name_order: Vec<(String, usize)>,
    /// While parsing a lookbehind: the number of groups opened before it.
    lookbehind_groups: Option<usize>,
    /// Conditional references to check once all groups are known: (group, position).
    conditional_references: Vec<(usize, usize)>,
    /// The width of each closed group (index = number), for lookbehinds with backreferences.
    group_widths: Vec<(usize, Option<usize>)>,
}

fn error(message: impl Into<String>, position: usize) -> PatternError {
    PatternError {
        message: message.into(),
        position: Some(position),
        overflow: false,
    }
}

const FLAG_LETTERS: &str = "iLmsxatu";

fn flag_of(letter: char) -> u32 {
    match letter {
        'i' => flags::IGNORECASE,
        'L' => flags::LOCALE,
        'm' => flags::MULTILINE,
        's' => flags::DOTALL,
        'x' => flags::VERBOSE,
        'a' => flags::ASCII,
        't' => flags::TEMPLATE,
        'u' => flags::UNICODE,
        _ => 0,
    }
}

const TYPE_FLAGS: u32 = flags::ASCII | flags::LOCALE | flags::UNICODE;
const GLOBAL_FLAGS: u32 = flags::DEBUG | flags::TEMPLATE;

/// Parses `pattern` (a str's characters, or a bytes pattern's bytes as characters).
pub fn parse(pattern: &[char], is_text: bool, initial_flags: u32) -> Result<Parsed, PatternError> {
    if is_text {
        if initial_flags & flags::LOCALE != 0 {
            return Err(value_error("cannot use LOCALE flag with a str pattern"));
        }
    } else if initial_flags & flags::UNICODE != 0 {
        return Err(value_error("cannot use UNICODE flag with a bytes pattern"));
    }
    if initial_flags & flags::ASCII != 0 && initial_flags & flags::UNICODE != 0 {
        return Err(value_error("ASCII and UNICODE flags are incompatible"));
    }
    if initial_flags & flags::ASCII != 0 && initial_flags & flags::LOCALE != 0 {
        return Err(value_error("ASCII and LOCALE flags are incompatible"));
    }
    let mut parser = Parser {
        pattern,
        position: 0,
        is_text,
        flags: initial_flags,
        groups: 0,
        closed: vec![true],
        names: HashMap::new(),
        name_order: Vec::new(),
        lookbehind_groups: None,
        conditional_references: Vec::new(),
        group_widths: vec![(0, Some(0))],
    };
    let node = parser.parse_alternation(0)?;
    if parser.position < pattern.len() {
        return Err(error("unbalanced parenthesis", parser.position));
    }
    for &(group, position) in &parser.conditional_references {
        if group > parser.groups {
            return Err(error(format!("invalid group reference {group}"), position));
        }
    }
    let mut final_flags = parser.flags;
    if is_text && final_flags & flags::ASCII == 0 {
        final_flags |= flags::UNICODE;
    }
    if final_flags & flags::ASCII != 0 && final_flags & flags::UNICODE != 0 {
        return Err(value_error("ASCII and UNICODE flags are incompatible"));
    }
    Ok(Parsed {
        node,
        groups: parser.groups,
        names: parser.name_order,
        flags: final_flags,
    })
}

/// Errors CPython raises as ValueError before parsing; marked by a position of None and an
/// empty-pattern-independent message (the Python layer raises ValueError for these).
fn value_error(message: &str) -> PatternError {
    PatternError {
        message: format!("ValueError:{message}"),
        position: None,
        overflow: false,
    }
}

fn is_identifier(name: &str) -> bool {
    let mut characters = name.chars();
    match characters.next() {
        Some(first) if first == '_' || first.is_alphabetic() => {}
        _ => return false,
    }
    characters.all(|character| character == '_' || character.is_alphanumeric())
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.pattern.get(self.position).copied()
    }

    fn next(&mut self) -> Option<char> {
        let character = self.peek()?;
        self.position += 1;
        Some(character)
    }

    fn eat(&mut self, expected: char) -> bool {
        if self.peek() == Some(expected) {
            self.position += 1;
            true
        } else {
            false
        }
    }

    fn verbose(&self) -> bool {
        self.flags & flags::VERBOSE != 0
    }

    fn semantics(&self) -> Semantics {
        Semantics {
            ascii: !self.is_text || self.flags & flags::ASCII != 0,
            fold: self.flags & flags::IGNORECASE != 0,
        }
    }

    fn fold(&self) -> Option<Semantics> {
        let semantics = self.semantics();
        semantics.fold.then_some(semantics)
    }

    fn ascii(&self) -> bool {
        self.semantics().ascii
    }

    /// Reads a name up to `terminator` (for `(?P<name>`, `(?P=name)`, `(?(name)`).
    fn name_until(&mut self, terminator: char, what: &str) -> Result<String, PatternError> {
        let start = self.position;
        let mut name = String::new();
        loop {
            match self.next() {
                None => {
                    if name.is_empty() {
                        return Err(error(format!("missing {what}"), start));
                    }
                    return Err(error(
                        format!("missing {terminator}, unterminated name"),
                        start,
                    ));
                }
                Some(character) if character == terminator => {
                    if name.is_empty() {
                        return Err(error(format!("missing {what}"), start));
                    }
                    return Ok(name);
                }
                Some(character) => name.push(character),
            }
        }
    }

    fn group_is_closed(&self, group: usize) -> bool {
        group <= self.groups && self.closed.get(group).copied().unwrap_or(false)
    }

    fn check_lookbehind_reference(
        &self,
        group: usize,
        position: usize,
    ) -> Result<(), PatternError> {
        if let Some(before) = self.lookbehind_groups {
            if !self.group_is_closed(group) {
                return Err(error("cannot refer to an open group", position));
            }
            if group > before {
                return Err(error(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    position,
                ));
            }
        }
        Ok(())
    }

    /// `a|b|...` up to a `)` or the end.
    fn parse_alternation(&mut self, depth: usize) -> Result<Node, PatternError> {
        if depth > MAX_NESTING {
            return Err(PatternError {
                message: "maximum recursion depth exceeded".into(),
                position: None,
                overflow: false,
            });
        }
        let mut branches = vec![self.parse_sequence(depth)?];
        while self.eat('|') {
            branches.push(self.parse_sequence(depth)?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alternate(branches)
        })
    }

    fn skip_verbose_space(&mut self) {
        while self.verbose() {
            match self.peek() {
                Some(character) if " \t\n\r\x0b\x0c".contains(character) => self.position += 1,
                Some('#') => {
                    while let Some(character) = self.next() {
                        if character == '\n' {
                            break;
                        }
                    }
                }
                _ => break,
            }
        }
    }

    /// Items up to `|`, `)` or the end.
    fn parse_sequence(&mut self, depth: usize) -> Result<Node, PatternError> {
        let mut items: Vec<Node> = Vec::new();
        // Whether the last item may take a repeat (false at the start and after anchors).
        loop {
            self.skip_verbose_space();
            let start = self.position;
            let Some(character) = self.next() else {
                break;
            };
            match character {
                '|' | ')' => {
                    self.position = start;
                    break;
                }
                '*' | '+' | '?' | '{' => {
                    let (min, max) = match character {
                        '*' => (0, u32::MAX),
                        '+' => (1, u32::MAX),
                        '?' => (0, 1),
                        _ => match self.repeat_bounds(start)? {
                            Some(bounds) => bounds,
                            None => {
                                items.push(Node::Char {
                                    code: '{' as u32,
                                    fold: self.fold(),
                                });
                                continue;
                            }
                        },
                    };
                    let Some(last) = items.pop() else {
                        return Err(error("nothing to repeat", start));
                    };
                    if matches!(last, Node::Assert(_)) {
                        return Err(error("nothing to repeat", start));
                    }
                    if matches!(last, Node::Repeat { .. }) {
                        return Err(error("multiple repeat", start));
                    }
                    let (greedy, possessive) = if self.eat('?') {
                        (false, false)
                    } else if self.eat('+') {
                        (true, true)
                    } else {
                        (true, false)
                    };
                    items.push(Node::Repeat {
                        node: Box::new(last),
                        min,
                        max,
                        greedy,
                        possessive,
                    });
                }
                '.' => items.push(Node::Any {
                    dotall: self.flags & flags::DOTALL != 0,
                }),
                '^' => items.push(Node::Assert(if self.flags & flags::MULTILINE != 0 {
                    Assertion::StartOfLine
                } else {
                    Assertion::StartOfText
                })),
                '$' => items.push(Node::Assert(if self.flags & flags::MULTILINE != 0 {
                    Assertion::EndOfLine
                } else {
                    Assertion::EndOrFinalNewline
                })),
                '[' => {
                    let set = self.parse_set(start)?;
                    items.push(set);
                }
                '\\' => items.push(self.parse_escape(start)?),
                '(' => {
                    if let Some(node) = self.parse_group(start, depth, items.is_empty())? {
                        items.push(node);
                    }
                }
                other => items.push(Node::Char {
                    code: other as u32,
                    fold: self.fold(),
                }),
            }
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// `{m,n}` after its `{`: the bounds, or None when the brace is a literal.
    fn repeat_bounds(&mut self, start: usize) -> Result<Option<(u32, u32)>, PatternError> {
        if self.peek() == Some('}') {
            return Ok(None);
        }
        let digits = |parser: &mut Parser| {
            let mut text = String::new();
            while let Some(character) = parser.peek().filter(char::is_ascii_digit) {
                text.push(character);
                parser.position += 1;
            }
            text
        };
        let low = digits(self);
        let high = if self.eat(',') {
            digits(self)
        } else {
            low.clone()
        };
        if !self.eat('}') {
            self.position = start + 1;
            return Ok(None);
        }
        let number = |text: &str| -> Result<Option<u32>, PatternError> {
            if text.is_empty() {
                return Ok(None);
            }
            match text.parse::<u64>() {
                Ok(value) if value < MAX_REPEAT => Ok(Some(value as u32)),
                _ => Err(PatternError {
                    message: "the repetition number is too large".into(),
                    position: None,
                    overflow: true,
                }),
            }
        };
        let min = number(&low)?.unwrap_or(0);
        let max = number(&high)?.unwrap_or(u32::MAX);
        if max < min {
            return Err(error("min repeat greater than max repeat", start + 1));
        }
        Ok(Some((min, max)))
    }

    /// A group after its `(`; None for groups that produce nothing (comments, global flags).
    fn parse_group(
        &mut self,
        start: usize,
        depth: usize,
        at_sequence_start: bool,
    ) -> Result<Option<Node>, PatternError> {
        let mut capture = true;
        let mut atomic = false;
        let mut name = None;
        let saved_flags = self.flags;
        if self.eat('?') {
            let Some(kind) = self.next() else {
                return Err(error("unexpected end of pattern", self.position));
            };
            match kind {
                'P' => {
                    if self.eat('<') {
                        let text = self.name_until('>', "group name")?;
                        if !is_identifier(&text) {
                            let message = format!("bad character in group name '{text}'");
                            return Err(error(message, self.position - text.chars().count() - 1));
                        }
                        name = Some(text);
                    } else if self.eat('=') {
                        let text = self.name_until(')', "group name")?;
                        let position = self.position - text.chars().count() - 1;
                        if !is_identifier(&text) {
                            let message = format!("bad character in group name '{text}'");
                            return Err(error(message, position));
                        }
                        let Some(&group) = self.names.get(&text) else {
                            return Err(error(format!("unknown group name '{text}'"), position));
                        };
                        if !self.group_is_closed(group) {
                            return Err(error("cannot refer to an open group", position));
                        }
                        self.check_lookbehind_reference(group, position)?;
                        return Ok(Some(Node::Backref {
                            group,
                            fold: self.fold(),
                        }));
                    } else {
                        let Some(other) = self.next() else {
                            return Err(error("unexpected end of pattern", self.position));
                        };
                        return Err(error(
                            format!("unknown extension ?P{other}"),
                            self.position - 3,
                        ));
                    }
                }
                ':' => capture = false,
                '>' => {
                    capture = false;
                    atomic = true;
                }
                '#' => loop {
                    match self.next() {
                        None => return Err(error("missing ), unterminated comment", start)),
                        Some(')') => return Ok(None),
                        Some(_) => {}
                    }
                },
                '=' | '!' | '<' => {
                    let (behind, negate) = if kind == '<' {
                        match self.next() {
                            Some('=') => (true, false),
                            Some('!') => (true, true),
                            Some(other) => {
                                return Err(error(
                                    format!("unknown extension ?<{other}"),
                                    self.position - 3,
                                ))
                            }
                            None => return Err(error("unexpected end of pattern", self.position)),
                        }
                    } else {
                        (false, kind == '!')
                    };
                    let outer_lookbehind = self.lookbehind_groups;
                    if behind && outer_lookbehind.is_none() {
                        self.lookbehind_groups = Some(self.groups);
                    }
                    let node = self.parse_alternation(depth + 1)?;
                    if behind && outer_lookbehind.is_none() {
                        self.lookbehind_groups = None;
                    }
                    if !self.eat(')') {
                        return Err(error("missing ), unterminated subpattern", start));
                    }
                    let width = if behind {
                        match width(&node, &self.group_widths) {
                            (low, Some(high)) if low == high => low,
                            _ => {
                                return Err(PatternError {
                                    message: "look-behind requires fixed-width pattern".into(),
                                    position: None,
                                    overflow: false,
                                })
                            }
                        }
                    } else {
                        0
                    };
                    return Ok(Some(Node::Look {
                        behind,
                        negate,
                        node: Box::new(node),
                        width,
                    }));
                }
                '(' => return self.parse_conditional(start, depth).map(Some),
                letter if FLAG_LETTERS.contains(letter) || letter == '-' => {
                    match self.parse_flags(letter)? {
                        None => {
                            if !(depth == 0 && at_sequence_start && self.only_flags_before(start)) {
                                return Err(error(
                                    "global flags not at the start of the expression",
                                    start,
                                ));
                            }
                            return Ok(None);
                        }
                        Some((add, remove)) => {
                            capture = false;
                            self.flags = (self.flags | add) & !remove;
                            if add & flags::ASCII != 0 {
                                self.flags &= !flags::UNICODE;
                            }
                        }
                    }
                }
                other => {
                    return Err(error(
                        format!("unknown extension ?{other}"),
                        self.position - 2,
                    ));
                }
            }
        }
        let index = if capture {
            self.groups += 1;
            let index = self.groups;
            self.closed.push(false);
            self.group_widths.push((0, None));
            if let Some(text) = &name {
                if let Some(&previous) = self.names.get(text) {
                    let message = format!(
                        "redefinition of group name '{text}' as group {index}; was group {previous}"
                    );
                    return Err(error(message, self.position - text.chars().count() - 1));
                }
                self.names.insert(text.clone(), index);
                self.name_order.push((text.clone(), index));
            }
            Some(index)
        } else {
            None
        };
        let node = self.parse_alternation(depth + 1)?;
        // Scoped flags end with the group.
        self.flags = saved_flags;
        if !self.eat(')') {
            return Err(error("missing ), unterminated subpattern", start));
        }
        Ok(Some(match index {
            Some(index) => {
                self.closed[index] = true;
                self.group_widths[index] = width(&node, &self.group_widths);
                Node::Group {
                    index,
                    node: Box::new(node),
                }
            }
            None if atomic => Node::Atomic(Box::new(node)),
            None => node,
        }))
    }

    /// Whether the pattern before `position` is only global-flag groups (`(?i)(?m)`).
    fn only_flags_before(&self, position: usize) -> bool {
        let mut index = 0;
        while index < position {
            if self.pattern.get(index) != Some(&'(') || self.pattern.get(index + 1) != Some(&'?') {
                return false;
            }
            index += 2;
            while index < position && self.pattern[index] != ')' {
                if !FLAG_LETTERS.contains(self.pattern[index]) {
                    return false;
                }
                index += 1;
            }
            index += 1;
        }
        true
    }

    /// Inline flags after `(?`, starting with `first`: None for global flags `(?i)`, else the
    /// flags a scoped group `(?i-m:...)` turns on and off.
    fn parse_flags(&mut self, first: char) -> Result<Option<(u32, u32)>, PatternError> {
        let mut add = 0;
        let mut remove = 0;
        let mut letter = first;
        if letter != '-' {
            loop {
                let flag = flag_of(letter);
                if self.is_text && letter == 'L' {
                    return Err(error(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        self.position,
                    ));
                }
                if !self.is_text && letter == 'u' {
                    return Err(error(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        self.position,
                    ));
                }
                add |= flag;
                if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                    return Err(error(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        self.position,
                    ));
                }
                match self.next() {
                    None => return Err(error("missing -, : or )", self.position)),
                    Some(next) if ")-:".contains(next) => {
                        letter = next;
                        break;
                    }
                    Some(next) if FLAG_LETTERS.contains(next) => letter = next,
                    Some(next) => {
                        let message = if next.is_alphabetic() {
                            "unknown flag"
                        } else {
                            "missing -, : or )"
                        };
                        return Err(error(message, self.position - 1));
                    }
                }
            }
        }
        if letter == ')' {
            self.flags |= add;
            if add & flags::VERBOSE != 0 {
                self.flags |= flags::VERBOSE;
            }
            return Ok(None);
        }
        if add & GLOBAL_FLAGS != 0 {
            return Err(error(
                "bad inline flags: cannot turn on global flag",
                self.position - 1,
            ));
        }
        if letter == '-' {
            match self.next() {
                None => return Err(error("missing flag", self.position)),
                Some(next) if FLAG_LETTERS.contains(next) => letter = next,
                Some(next) => {
                    let message = if next.is_alphabetic() {
                        "unknown flag"
                    } else {
                        "missing flag"
                    };
                    return Err(error(message, self.position - 1));
                }
            }
            loop {
                let flag = flag_of(letter);
                if flag & TYPE_FLAGS != 0 {
                    return Err(error(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        self.position,
                    ));
                }
                remove |= flag;
                match self.next() {
                    None => return Err(error("missing :", self.position)),
                    Some(':') => break,
                    Some(next) if FLAG_LETTERS.contains(next) => letter = next,
                    Some(next) => {
                        let message = if next.is_alphabetic() {
                            "unknown flag"
                        } else {
                            "missing :"
                        };
                        return Err(error(message, self.position - 1));
                    }
                }
            }
        }
        if remove & GLOBAL_FLAGS != 0 {
            return Err(error(
                "bad inline flags: cannot turn off global flag",
                self.position - 1,
            ));
        }
        if add & remove != 0 {
            return Err(error(
                "bad inline flags: flag turned on and off",
                self.position - 1,
            ));
        }
        Ok(Some((add, remove)))
    }

    /// `(?(group)yes|no)` after its `(?(`.
    fn parse_conditional(&mut self, start: usize, depth: usize) -> Result<Node, PatternError> {
        let text = self.name_until(')', "group name")?;
        let position = self.position - text.chars().count() - 1;
        let group = if is_identifier(&text) {
            match self.names.get(&text) {
                Some(&group) => group,
                None => return Err(error(format!("unknown group name '{text}'"), position)),
            }
        } else {
            let Ok(group) = text.parse::<usize>() else {
                return Err(error(
                    format!("bad character in group name '{text}'"),
                    position,
                ));
            };
            if group == 0 {
                return Err(error("bad group number", position));
            }
            self.conditional_references.push((group, position));
            group
        };
        self.check_lookbehind_reference(group, position)?;
        let yes = self.parse_sequence(depth + 1)?;
        let no = if self.eat('|') {
            let no = self.parse_sequence(depth + 1)?;
            if self.peek() == Some('|') {
                return Err(error(
                    "conditional backref with more than two branches",
                    self.position,
                ));
            }
            no
        } else {
            Node::Empty
        };
        if !self.eat(')') {
            return Err(error("missing ), unterminated subpattern", start));
        }
        Ok(Node::Conditional {
            group,
            yes: Box::new(yes),
            no: Box::new(no),
        })
    }
}

/// The fewest and most characters `node` can match (None: unbounded); a backreference is as
/// wide as its group (`group_widths`, by group number).
pub fn width(node: &Node, group_widths: &[(usize, Option<usize>)]) -> (usize, Option<usize>) {
    let width = |node: &Node| width(node, group_widths);
    match node {
        Node::Empty | Node::Assert(_) | Node::Look { .. } => (0, Some(0)),
        Node::Char { .. } | Node::Any { .. } | Node::Set(_) => (1, Some(1)),
        Node::Group { node, .. } | Node::Atomic(node) => width(node),
        Node::Concat(items) => items.iter().fold((0, Some(0)), |(low, high), item| {
            let (item_low, item_high) = width(item);
            (
                low.saturating_add(item_low),
                high.zip(item_high).map(|(a, b)| a.saturating_add(b)),
            )
        }),
        Node::Alternate(branches) => {
            let mut low = usize::MAX;
            let mut high = Some(0);
            for branch in branches {
                let (branch_low, branch_high) = width(branch);
                low = low.min(branch_low);
                high = high.zip(branch_high).map(|(a, b)| a.max(b));
            }
            (low, high)
        }
        Node::Repeat { node, min, max, .. } => {
            let (low, high) = width(node);
            let high = if *max == u32::MAX {
                if high == Some(0) {
                    Some(0)
                } else {
                    None
                }
            } else {
                high.map(|high| high.saturating_mul(*max as usize))
            };
            (low.saturating_mul(*min as usize), high)
        }
        Node::Backref { group, .. } => group_widths.get(*group).copied().unwrap_or((0, None)),
        Node::Conditional { yes, no, .. } => {
            let (yes_low, yes_high) = width(yes);
            let (no_low, no_high) = width(no);
            (
                yes_low.min(no_low),
                yes_high.zip(no_high).map(|(a, b)| a.max(b)),
            )
        }
    }
}
