//! The cache format: round trips, header checks, and decoding that is total on any input.

use std::path::Path;
use std::rc::Rc;

use super::*;
use crate::code::{CodeObject, Constant};
use crate::opcode::Opcode;

const SAMPLE: &str = r#"
"""A module docstring."""
import sys
from os import path as p
X = (1, -2, 2 ** 80, -(2 ** 70), 1.5, 2j, "text", b"by\x00tes", ..., None, True, False, ((1,), ()))

def f(a, /, b, *args, c=3, **kwargs):
    """f's docstring"""
    total = a + b
    def inner():
        nonlocal total
        total += 1
        return total
    return inner, [x * 2 for x in args if x], {k: v for k, v in kwargs.items()}

class C(object):
    def method(self):
        return super().method()

try:
    f(1, 2)
except (ValueError, TypeError) as error:
    print(error)
finally:
    pass
with open("x") as handle:
    for line in handle:
        if line:
            break
        yield_ = lambda: (yield)
"#;

fn compile(source: &str) -> Rc<CodeObject> {
    match crate::compile_module(source, "/somewhere/sample.py") {
        Ok(code) => code,
        Err(error) => panic!("{error}"),
    }
}

fn encoded(code: &CodeObject) -> Vec<u8> {
    match encode(code, &Header::timestamp(10, 20, None)) {
        Ok(bytes) => bytes,
        Err(error) => panic!("{error}"),
    }
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

#[test]
fn round_trip_keeps_every_field() {
    let code = compile(SAMPLE);
    let bytes = encoded(&code);
    let (header, decoded) = decode(&bytes, None).expect("decodes");
    assert_eq!(header, Header::timestamp(10, 20, None));
    assert_eq!(*decoded, *code);
}

#[test]
fn round_trip_of_every_corpus_program() {
    fn python_files(directory: &Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(directory).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                python_files(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "py") {
                found.push(path);
            }
        }
    }
    let mut files = Vec::new();
    python_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/py"),
        &mut files,
    );
    let mut checked = 0;
    for file in files {
        let Ok(source) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(code) = crate::compile_module(&source, &file.to_string_lossy()) else {
            continue;
        };
        let bytes = encoded(&code);
        match decode(&bytes, None) {
            Ok((_, decoded)) => assert!(
                *decoded == *code,
                "{} changed in the round trip",
                file.display()
            ),
            Err(error) => panic!("{}: {error}", file.display()),
        }
        checked += 1;
    }
    assert!(checked > 50, "only {checked} corpus programs checked");
}

#[test]
fn strings_are_stored_once() {
    let source =
        "a = 'a fairly long string constant'\nb = 'a fairly long string constant'\n".repeat(50);
    let bytes = encoded(&compile(&source));
    let needle = b"a fairly long string constant";
    let occurrences = bytes
        .windows(needle.len())
        .filter(|window| window == needle)
        .count();
    assert_eq!(occurrences, 1);
}

#[test]
fn the_file_name_can_be_replaced() {
    let bytes = encoded(&compile(SAMPLE));
    let (_, decoded) = decode(&bytes, Some("/elsewhere/sample.py")).expect("decodes");
    let mut pending = vec![decoded];
    let mut seen = 0;
    while let Some(code) = pending.pop() {
        assert_eq!(&*code.filename, "/elsewhere/sample.py");
        seen += 1;
        for constant in &code.constants {
            if let Constant::Code(nested) = constant {
                pending.push(nested.clone());
            }
        }
    }
    assert!(seen > 3);
}

#[test]
fn headers_say_what_is_wrong() {
    let bytes = encoded(&compile("x = 1\n"));
    assert_eq!(read_header(&bytes[..3]), Err(DecodeError::Truncated));
    assert_eq!(
        read_header(&bytes[..HEADER_SIZE - 1]),
        Err(DecodeError::Truncated)
    );
    assert_eq!(
        decode(&bytes[..bytes.len() - 1], None).map(|_| ()),
        Err(DecodeError::Truncated)
    );
    assert_eq!(read_header(b""), Err(DecodeError::Truncated));
    assert_eq!(
        read_header(b"\xa7\r\r\n\0\0\0\0"),
        Err(DecodeError::Foreign)
    );
    let mut other_version = bytes.clone();
    other_version[4] = other_version[4].wrapping_add(1);
    assert!(matches!(
        read_header(&other_version),
        Err(DecodeError::OtherVersion(_))
    ));
    let mut other_compiler = bytes.clone();
    other_compiler[16] ^= 1;
    assert_eq!(
        read_header(&other_compiler),
        Err(DecodeError::OtherCompiler)
    );
    let mut unknown_flag = bytes.clone();
    unknown_flag[8] |= 0x80;
    assert!(matches!(
        read_header(&unknown_flag),
        Err(DecodeError::Corrupt(_))
    ));
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(
        decode(&longer, None),
        Err(DecodeError::Corrupt(_))
    ));
}

#[test]
fn hash_based_and_verified_headers_round_trip() {
    let code = compile("x = 1\n");
    for header in [
        Header::hash_based(5, -7, 99),
        Header::timestamp(5, 1 << 62, Some(0)),
        Header::timestamp(0, 0, None),
    ] {
        let bytes = encode(&code, &header).expect("encodes");
        assert_eq!(read_header(&bytes), Ok(header));
        let refreshed = with_header(&bytes, &Header::timestamp(1, 2, None)).expect("same body");
        assert_eq!(
            decode(&refreshed, None).map(|(header, _)| header),
            Ok(Header::timestamp(1, 2, None))
        );
    }
}

#[test]
fn any_bit_flip_in_the_body_is_detected() {
    let bytes = encoded(&compile("def f(x):\n    return x + 1\nprint(f(2), 'ok')\n"));
    for position in HEADER_SIZE..bytes.len() {
        for bit in 0..8 {
            let mut damaged = bytes.clone();
            damaged[position] ^= 1 << bit;
            assert_eq!(
                decode(&damaged, None).map(|_| ()),
                Err(DecodeError::ChecksumMismatch),
                "flip at {position}.{bit}"
            );
        }
    }
}

/// Decoding random, truncated and mutated input returns, whatever the input (a panic fails the
/// test); whole files go through `decode`, bodies through `decode_body` (no checksum to stop
/// the mutations early).
#[test]
fn decoding_is_total() {
    let file = encoded(&compile(SAMPLE));
    let body = file[HEADER_SIZE..].to_vec();
    let mut random = Random(0x1234_5678_9ABC_DEF1);
    for length in 0..file.len() {
        let _ = decode(&file[..length], None);
        let _ = decode_body(&body[..length.min(body.len())], None);
    }
    for _ in 0..3000 {
        let length = random.below(300);
        let noise: Vec<u8> = (0..length).map(|_| random.next() as u8).collect();
        let _ = decode(&noise, None);
        let _ = decode_body(&noise, None);
        let mut headed = file[..HEADER_SIZE].to_vec();
        headed.extend_from_slice(&noise);
        let _ = decode(&headed, None);
    }
    let mut accepted = 0;
    for round in 0..20_000 {
        let mut mutated = body.clone();
        for _ in 0..1 + round % 4 {
            let position = random.below(mutated.len());
            match random.below(6) {
                0 => mutated[position] ^= 1 << random.below(8),
                1 => mutated[position] = random.next() as u8,
                2 => mutated[position] = [0x00, 0x7f, 0x80, 0xff][random.below(4)],
                3 => {
                    mutated.remove(position);
                }
                4 => mutated.insert(position, random.next() as u8),
                _ => {
                    let end = (position + random.below(16)).min(mutated.len());
                    mutated.drain(position..end);
                }
            }
            if mutated.is_empty() {
                break;
            }
        }
        if let Ok(code) = decode_body(&mutated, None) {
            accepted += 1;
            // Whatever is accepted is well formed all the way down.
            let mut pending = vec![code];
            while let Some(code) = pending.pop() {
                assert_eq!(verify(&code), Ok(()));
                for constant in &code.constants {
                    if let Constant::Code(nested) = constant {
                        pending.push(nested.clone());
                    }
                }
            }
        }
    }
    // Some mutations (a changed constant, a changed line) still decode: that is what the
    // checksum is for.
    assert!(accepted < 20_000);
}

#[test]
fn verification_rejects_what_the_vm_could_not_run() {
    let code = compile("def f(x):\n    return x\nprint(f(1))\n");
    let mut cases: Vec<(&str, CodeObject)> = Vec::new();
    let mut bad = (*code).clone();
    bad.instructions[0].arg = 1000;
    cases.push(("constant index", bad));
    let mut bad = (*code).clone();
    bad.locations.pop();
    cases.push(("locations", bad));
    let mut bad = (*code).clone();
    bad.instructions
        .retain(|instruction| instruction.opcode != Opcode::ReturnValue);
    bad.locations.truncate(bad.instructions.len());
    cases.push(("falls off the end", bad));
    let mut bad = (*code).clone();
    bad.max_stack_depth = 0;
    cases.push(("stack depth", bad));
    let mut bad = (*code).clone();
    bad.instructions.insert(
        0,
        crate::code::Instruction {
            opcode: Opcode::PopTop,
            arg: 0,
        },
    );
    bad.locations.insert(0, Default::default());
    cases.push(("underflow", bad));
    let mut bad = (*code).clone();
    bad.instructions.insert(
        0,
        crate::code::Instruction {
            opcode: Opcode::BuildTuple,
            arg: u32::MAX,
        },
    );
    bad.locations.insert(0, Default::default());
    cases.push(("huge count", bad));
    for (what, bad) in cases {
        let bytes = encoded(&bad);
        assert!(
            matches!(decode(&bytes, None), Err(DecodeError::Corrupt(_))),
            "{what} accepted"
        );
    }
}

#[test]
fn nesting_is_bounded_both_ways() {
    let mut constant = Constant::None;
    for _ in 0..MAX_NESTING + 5 {
        constant = Constant::Tuple(Rc::from(vec![constant]));
    }
    let mut code = (*compile("x = 1\n")).clone();
    code.constants.push(constant);
    assert_eq!(
        encode(&code, &Header::timestamp(0, 0, None)),
        Err(EncodeError::TooDeep)
    );
    // A hand-made body nesting tuples far deeper: rejected, without exhausting the stack.
    // One string, "x"; then a code object named "x" with no names and one constant.
    let mut body = vec![1, 1, b'x', 0, 0, 0];
    body.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    body.extend(std::iter::repeat_n([encode::tag::TUPLE, 1], 200_000).flatten());
    assert!(decode_body(&body, None).is_err());
}

#[test]
fn checksum_depends_on_every_byte_and_the_length() {
    let data: Vec<u8> = (0..100u8).collect();
    let base = checksum(&data);
    for index in 0..data.len() {
        let mut changed = data.clone();
        changed[index] ^= 0x10;
        assert_ne!(checksum(&changed), base);
    }
    assert_ne!(checksum(&data[..99]), base);
    assert_ne!(checksum(b""), checksum(b"\0"));
}

#[test]
fn cache_names_carry_the_version() {
    assert_eq!(
        cache_file_name("mod"),
        format!("mod.krait-{FORMAT_VERSION}.pyc")
    );
}
