//! Arbitrary bytes as Python source: tokenize, parse and compile them (and disassemble what
//! compiles), and classify them line by line as the interactive prompt does. Any input must give tokens or a SyntaxError — never a panic, hang or overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let source = krait_fuzz::source_text(bytes);
    let _ = krait_compiler::dump::tokens(&source);
    if let Ok(code) = krait_compiler::compile_module(&source, "<fuzz>") {
        let _ = krait_compiler::disassemble::disassemble(&code);
        // A compiled program also round-trips through the bytecode cache format.
        let header = krait_compiler::pyc::Header::timestamp(0, 0, None);
        if let Ok(file) = krait_compiler::pyc::encode(&code, &header) {
            let decoded = krait_compiler::pyc::decode(&file, None);
            assert!(
                decoded.is_ok(),
                "a freshly encoded cache does not decode: {decoded:?}"
            );
        }
    }
    for mode in [krait_compiler::Mode::Eval, krait_compiler::Mode::Single] {
        let _ = krait_compiler::compile(&source, "<fuzz>", mode);
    }
    // The interactive prompt's view of the same text: its lines typed one at a time.
    let mut typed = String::new();
    for line in source.split('\n').take(32) {
        typed.push_str(line);
        typed.push('\n');
        match krait_compiler::interactive::classify(&typed, "<stdin>") {
            krait_compiler::interactive::Input::Incomplete => {}
            _ => typed.clear(),
        }
    }
});
