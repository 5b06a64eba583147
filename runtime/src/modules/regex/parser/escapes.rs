//! Escapes (`\n`, `\x41`, `\d`, backreferences like `\1`) and sets (`[a-z\d]`), with
//! CPython's rules for what is octal, what is a group reference, and what is an error.

use super::{error, Assertion, Node, Parser, PatternError};
use crate::modules::regex::charset::{CharSet, ClassKind, SetItem};

impl Parser<'_> {
    /// Hex digits of `\x`, `\u`, `\U`.
    fn hex_escape(
        &mut self,
        start: usize,
        letter: char,
        count: usize,
    ) -> Result<u32, PatternError> {
        let mut text = String::new();
        while text.len() < count {
            match self.peek().filter(char::is_ascii_hexdigit) {
                Some(character) => {
                    text.push(character);
                    self.position += 1;
                }
                None => break,
            }
        }
        if text.len() != count {
            return Err(error(format!("incomplete escape \\{letter}{text}"), start));
        }
        let value = u32::from_str_radix(&text, 16).unwrap_or(0);
        if letter == 'U' && value > 0x10FFFF {
            return Err(error(format!("bad escape \\{letter}{text}"), start));
        }
        Ok(value)
    }

    fn octal_digits(&mut self, mut text: String, most: usize) -> String {
        while text.len() < most {
            match self
                .peek()
                .filter(|character| ('0'..='7').contains(character))
            {
                Some(character) => {
                    text.push(character);
                    self.position += 1;
                }
                None => break,
            }
        }
        text
    }

    fn class_node(&self, kind: ClassKind, negated: bool) -> Node {
        Node::Set(Box::new(CharSet {
            items: vec![SetItem::Class { kind, negated }],
            negated: false,
            semantics: self.semantics(),
        }))
    }

    /// An escape outside a set; `start` is the backslash.
    pub(super) fn parse_escape(&mut self, start: usize) -> Result<Node, PatternError> {
        let Some(letter) = self.next() else {
            return Err(error("bad escape (end of pattern)", start));
        };
        let literal = |code: u32, parser: &Parser| Node::Char {
            code,
            fold: parser.fold(),
        };
        let ascii = self.ascii();
        Ok(match letter {
            'A' => Node::Assert(Assertion::StartOfText),
            'Z' => Node::Assert(Assertion::EndOfText),
            'b' => Node::Assert(Assertion::WordBoundary { ascii }),
            'B' => Node::Assert(Assertion::NotWordBoundary { ascii }),
            'd' => self.class_node(ClassKind::Digit, false),
            'D' => self.class_node(ClassKind::Digit, true),
            'w' => self.class_node(ClassKind::Word, false),
            'W' => self.class_node(ClassKind::Word, true),
            's' => self.class_node(ClassKind::Space, false),
            'S' => self.class_node(ClassKind::Space, true),
            '0' => {
                let digits = self.octal_digits(String::new(), 2);
                literal(u32::from_str_radix(&digits, 8).unwrap_or(0), self)
            }
            '1'..='9' => {
                let mut digits = letter.to_string();
                if let Some(second) = self.peek().filter(char::is_ascii_digit) {
                    self.position += 1;
                    digits.push(second);
                    let octal = |character: char| ('0'..='7').contains(&character);
                    if octal(letter) && octal(second) && self.peek().is_some_and(octal) {
                        if let Some(third) = self.next() {
                            digits.push(third);
                        }
                        let value = u32::from_str_radix(&digits, 8).unwrap_or(0);
                        if value > 0o377 {
                            return Err(error(
                                format!("octal escape value \\{digits} outside of range 0-0o377"),
                                start,
                            ));
                        }
                        return Ok(literal(value, self));
                    }
                }
                let group: usize = digits.parse().unwrap_or(0);
                if group <= self.groups {
                    if !self.group_is_closed(group) {
                        return Err(error("cannot refer to an open group", start));
                    }
                    self.check_lookbehind_reference(group, start)?;
                    return Ok(Node::Backref {
                        group,
                        fold: self.fold(),
                    });
                }
                return Err(error(format!("invalid group reference {group}"), start + 1));
            }
            _ => literal(self.common_escape(start, letter)?, self),
        })
    }

    /// Escapes that mean one character both inside and outside sets.
    fn common_escape(&mut self, start: usize, letter: char) -> Result<u32, PatternError> {
        Ok(match letter {
            'a' => 7,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            '\\' => '\\' as u32,
            'x' => self.hex_escape(start, 'x', 2)?,
            'u' if self.is_text => self.hex_escape(start, 'u', 4)?,
            'U' if self.is_text => self.hex_escape(start, 'U', 8)?,
            'N' if self.is_text => {
                return Err(error(
                    "bad escape \\N: named Unicode characters are not supported by krait",
                    start,
                ))
            }
            other if other.is_ascii_alphabetic() => {
                return Err(error(format!("bad escape \\{other}"), start));
            }
            other => other as u32,
        })
    }

    /// One member of a set after `[`: a character (Ok(Left)) or a class escape.
    fn set_member(
        &mut self,
        character: char,
        start: usize,
    ) -> Result<Result<u32, SetItem>, PatternError> {
        if character != '\\' {
            return Ok(Ok(character as u32));
        }
        let Some(letter) = self.next() else {
            return Err(error("bad escape (end of pattern)", start));
        };
        let class = |kind, negated| Err(SetItem::Class { kind, negated });
        Ok(match letter {
            'd' => class(ClassKind::Digit, false),
            'D' => class(ClassKind::Digit, true),
            'w' => class(ClassKind::Word, false),
            'W' => class(ClassKind::Word, true),
            's' => class(ClassKind::Space, false),
            'S' => class(ClassKind::Space, true),
            'b' => Ok(8),
            '0'..='7' => {
                let digits = self.octal_digits(letter.to_string(), 3);
                let value = u32::from_str_radix(&digits, 8).unwrap_or(0);
                if value > 0o377 {
                    return Err(error(
                        format!("octal escape value \\{digits} outside of range 0-0o377"),
                        start,
                    ));
                }
                Ok(value)
            }
            '8' | '9' => return Err(error(format!("bad escape \\{letter}"), start)),
            _ => Ok(self.common_escape(start, letter)?),
        })
    }

    /// A set after its `[`.
    pub(super) fn parse_set(&mut self, start: usize) -> Result<Node, PatternError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let first_position = self.position;
        loop {
            let member_start = self.position;
            let Some(character) = self.next() else {
                return Err(error("unterminated character set", start));
            };
            if character == ']' && member_start != first_position {
                break;
            }
            let first = self.set_member(character, member_start)?;
            if self.eat('-') {
                let Some(next) = self.next() else {
                    return Err(error("unterminated character set", start));
                };
                if next == ']' {
                    items.push(match first {
                        Ok(code) => SetItem::Range(code, code),
                        Err(item) => item,
                    });
                    items.push(SetItem::Range('-' as u32, '-' as u32));
                    break;
                }
                let second_start = self.position - 1;
                let second = self.set_member(next, second_start)?;
                let text =
                    |from: usize, to: usize| self.pattern[from..to].iter().collect::<String>();
                match (first, second) {
                    (Ok(low), Ok(high)) if low <= high => items.push(SetItem::Range(low, high)),
                    _ => {
                        let message = format!(
                            "bad character range {}-{}",
                            text(member_start, second_start - 1),
                            text(second_start, self.position)
                        );
                        return Err(error(message, member_start));
                    }
                }
            } else {
                items.push(match first {
                    Ok(code) => SetItem::Range(code, code),
                    Err(item) => item,
                });
            }
        }
        Ok(Node::Set(Box::new(CharSet {
            items,
            negated,
            semantics: self.semantics(),
        })))
    }
}
