//! The host instruction set: the only module that names one. Cranelift's native builder
//! detects the host (x86-64 or aarch64, with its CPU features); the disassembler for
//! `--emit-asm` is chosen to match.

use capstone::arch::{self, BuildsCapstone, BuildsCapstoneSyntax};
use capstone::Capstone;
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};

/// The Cranelift ISA for this machine, optimizing for speed.
pub fn host_isa() -> Result<OwnedTargetIsa, String> {
    let mut flags = settings::builder();
    for (name, value) in [
        ("opt_level", "speed"),
        // The IR is checked by the tests (every corpus case compiles in the eager mode); the
        // verifier would double compile time in every run.
        ("enable_verifier", "false"),
        ("use_colocated_libcalls", "false"),
        ("is_pic", "false"),
    ] {
        flags
            .set(name, value)
            .map_err(|error| format!("cranelift setting {name}: {error}"))?;
    }
    let isa = cranelift_native::builder()
        .map_err(|error| format!("this machine is not a JIT target: {error}"))?;
    isa.finish(settings::Flags::new(flags))
        .map_err(|error| format!("cranelift: {error}"))
}

/// A disassembler for the host instruction set.
pub fn disassembler() -> Result<Capstone, String> {
    let built = if cfg!(target_arch = "x86_64") {
        Capstone::new()
            .x86()
            .mode(arch::x86::ArchMode::Mode64)
            .syntax(arch::x86::ArchSyntax::Intel)
            .build()
    } else if cfg!(target_arch = "aarch64") {
        Capstone::new()
            .arm64()
            .mode(arch::arm64::ArchMode::Arm)
            .build()
    } else {
        return Err("no disassembler for this instruction set".into());
    };
    built.map_err(|error| error.to_string())
}
