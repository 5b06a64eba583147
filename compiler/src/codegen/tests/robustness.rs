//! No input makes the compiler panic: garbage, mutated programs and deep nesting compile or
//! fail with a `SyntaxError`.

use super::helpers::check_invariants;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "def ",
    "class ",
    "lambda",
    ":",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    "=",
    "==",
    "+=",
    "*",
    "**",
    "yield",
    "yield from",
    "return",
    "break",
    "continue",
    "global",
    "nonlocal",
    "try:",
    "except",
    "finally:",
    "with",
    "as",
    "for",
    "in",
    "while",
    "if",
    "elif",
    "else:",
    "import",
    "from",
    "raise",
    "assert",
    "del",
    "pass",
    "not",
    "and",
    "or",
    "is",
    "await",
    "async",
    "match",
    "case",
    "x",
    "y",
    "self",
    "super",
    "__class__",
    "__x",
    "_",
    "1",
    "0x1f",
    "1.5e3",
    "2j",
    "'s'",
    "\"\"\"t\"\"\"",
    "f'{x!r:>{y}}'",
    "b'b'",
    "\n",
    "\n    ",
    "\n        ",
    " ",
    "\\\n",
    "#c",
    "@",
    "->",
    ":=",
    "...",
    ";",
    "é",
    "\t",
    "\r\n",
    "'",
    "\"",
    "f'{",
    "}'",
    "*args",
    "**kw",
    "/",
    "'\\N{nope}'",
    "b'é'",
    "'\\x'",
    "1__0",
    "0b12",
    "1e",
    "0777",
    "f'{a!x}'",
    "f'{}'",
    "$",
    "?",
    "f'{a:{b:{c}}}'",
    "u'x'",
    "rb'\\d'",
    "'''",
    "\\",
    "\u{0}",
    "\u{2028}",
];

const PROGRAM: &str = "import os\nclass C(object):\n    '''doc'''\n    def __init__(self, a, *b, c=1, **d):\n        self.__a = [x for x in b if x]\n        super().__init__()\n    @property\n    def f(self):\n        try:\n            with open(self.__a) as h:\n                return h.read()\n        except (IOError, ValueError) as e:\n            raise RuntimeError(f'{e!r}') from e\n        finally:\n            del self.__a\ndef g(n):\n    total = 0\n    for i in range(n):\n        if i % 2 == 0 and not i > 10:\n            total += i\n        elif i:\n            continue\n        else:\n            break\n    while total:\n        total -= 1\n        yield total\n    nonlocal_free = lambda: total\n    return {k: v for k, v in zip('ab', (1, 2))}\n";

fn compile_without_panic(source: &str) {
    if let Ok(code) = crate::compile_module(source, "<fuzz>") {
        check_invariants(&code);
    }
}

#[test]
fn random_fragments_never_panic() {
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    for _ in 0..3000 {
        let length = 1 + random.below(40);
        let source: String = (0..length)
            .map(|_| FRAGMENTS[random.below(FRAGMENTS.len())])
            .collect();
        compile_without_panic(&source);
    }
}

#[test]
fn mutated_programs_never_panic() {
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let characters: Vec<char> = PROGRAM.chars().collect();
    compile_without_panic(PROGRAM);
    for _ in 0..1500 {
        let mut mutated = characters.clone();
        for _ in 0..1 + random.below(4) {
            let position = random.below(mutated.len());
            match random.below(3) {
                0 => {
                    mutated.remove(position);
                }
                1 => mutated.insert(position, characters[random.below(characters.len())]),
                _ => {
                    let other = random.below(mutated.len());
                    mutated.swap(position, other);
                }
            }
            if mutated.is_empty() {
                break;
            }
        }
        let source: String = mutated.into_iter().collect();
        compile_without_panic(&source);
    }
}

#[test]
fn deep_nesting_is_an_error_or_compiles() {
    let sources = [
        format!("x = {}1{}", "(".repeat(1000), ")".repeat(1000)),
        format!("x = {}1", "-".repeat(20000)),
        format!("x = {}a", "a + ".repeat(20000)),
        format!("x = {}0", "lambda: ".repeat(2000)),
        format!("x = {}1{}", "[".repeat(150), "]".repeat(150)),
        (0..120)
            .map(|depth| format!("{}if x:\n", "    ".repeat(depth)))
            .collect::<String>()
            + &"    ".repeat(120)
            + "pass\n",
        format!("x = {}", "not ".repeat(20000) + "y"),
        format!("x = a{}", ".b".repeat(20000)),
        format!("x = f{}", "()".repeat(20000)),
    ];
    for source in &sources {
        compile_without_panic(source);
    }
}

#[test]
fn edge_inputs() {
    for source in [
        "",
        "\n",
        "\u{feff}x = 1\n",
        "\0",
        "x = 1\r\ny = 2\r",
        "\\",
        "'''",
        "#",
        "@",
        "\t\tx",
        "x = '\u{10ffff}'",
        "x = '\\N{nonexistent}'\n",
        "x = b'\u{e9}'\n",
        "x = 1__0\n",
        "if x = 1:\n    pass\n",
    ] {
        compile_without_panic(source);
    }
}
