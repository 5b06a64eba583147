//! Arbitrary bytes as a bytecode cache file (`__pycache__/*.pyc`): the decoder must reject
//! garbage with an error, never panic or allocate without bound. Almost no mutated file passes
//! the body checksum, so each input is also decoded with its checksum fixed up, which lets the
//! body decoder and the verifier see mutated bodies; whatever decodes is disassembled.
#![no_main]

use krait_compiler::pyc;
use libfuzzer_sys::fuzz_target;

/// Where the header keeps the body's checksum.
const CHECKSUM_OFFSET: usize = 48;

fuzz_target!(|bytes: &[u8]| {
    if let Ok((_, code)) = pyc::decode(bytes, None) {
        let _ = krait_compiler::disassemble::disassemble(&code);
    }
    if bytes.len() >= pyc::HEADER_SIZE {
        let mut file = bytes.to_vec();
        let checksum = pyc::checksum(&file[pyc::HEADER_SIZE..]);
        file[CHECKSUM_OFFSET..pyc::HEADER_SIZE].copy_from_slice(&checksum.to_le_bytes());
        if let Ok((_, code)) = pyc::decode(&file, Some("<fuzz>")) {
            let _ = krait_compiler::disassemble::disassemble(&code);
        }
    }
});
