//! The interactive prompt, driven as a person uses it: the real `krait` binary on a
//! pseudo-terminal (it must believe standard input is a terminal), keys typed into it, and its
//! screen read back. Every read has a deadline, so a prompt that hangs fails the test instead
//! of hanging the run.

use std::ffi::c_int;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How long any one expectation may take (generous: the machine may be busy).
const DEADLINE: Duration = Duration::from_secs(60);

/// Up arrow, as a terminal sends it.
const UP_ARROW: &str = "\x1b[A";

/// A `krait` process on a pseudo-terminal.
struct Terminal {
    master: File,
    child: Child,
    /// Everything the program wrote.
    raw: Vec<u8>,
    /// How much of the cleaned screen text the expectations so far consumed.
    seen: usize,
}

impl Terminal {
    /// Starts `krait ARGUMENTS` on a new pseudo-terminal, with its history in `history`.
    fn start(arguments: &[&str], history: &Path) -> Terminal {
        Terminal::start_with_output(arguments, history, None)
    }

    /// [`Terminal::start`], with standard output sent to `output` instead when given.
    fn start_with_output(arguments: &[&str], history: &Path, output: Option<File>) -> Terminal {
        Terminal::start_full(arguments, history, output, "xterm")
    }

    /// [`Terminal::start_with_output`] on a terminal of the kind `term` (`TERM`).
    fn start_full(
        arguments: &[&str],
        history: &Path,
        output: Option<File>,
        term: &str,
    ) -> Terminal {
        let mut master: c_int = -1;
        let mut slave: c_int = -1;
        let size = libc::winsize {
            ws_row: 50,
            ws_col: 200,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: the out-pointers are valid for writes; a null name and termios are allowed.
        let status = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                &size,
            )
        };
        assert_eq!(status, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: openpty returned two new descriptors that nothing else owns.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        // SAFETY: fcntl on a descriptor we own, with integer arguments only.
        unsafe {
            let flags = libc::fcntl(master.as_raw_fd(), libc::F_GETFL);
            libc::fcntl(master.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        let mut command = Command::new(env!("CARGO_BIN_EXE_krait"));
        command
            .args(arguments)
            .env("TERM", term)
            .env("KRAIT_HISTORY", history)
            .stdin(Stdio::from(slave.try_clone().expect("dup")))
            .stdout(match output {
                Some(file) => Stdio::from(file),
                None => Stdio::from(slave.try_clone().expect("dup")),
            })
            .stderr(Stdio::from(slave));
        // SAFETY: between fork and exec the closure makes only async-signal-safe calls. A new
        // session whose controlling terminal is the pseudo-terminal: Ctrl-C typed while the
        // terminal is in cooked mode sends SIGINT to krait, as in a real terminal.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("krait starts");
        Terminal {
            master: File::from(master),
            child,
            raw: Vec::new(),
            seen: 0,
        }
    }

    /// Types `keys`. Ctrl-C and Ctrl-D mean what the prompt makes of them only once the
    /// prompt is shown (the line editor's raw mode is on); before that the terminal itself
    /// takes them as signal and end of file, as it would for a person typing ahead.
    fn send(&mut self, keys: &str) {
        self.master
            .write_all(keys.as_bytes())
            .expect("write to the terminal");
    }

    /// Types a line and Enter.
    fn line(&mut self, text: &str) {
        self.send(text);
        self.send("\r");
    }

    /// The screen text so far, without escape sequences and carriage returns.
    fn screen(&self) -> String {
        clean(&String::from_utf8_lossy(&self.raw))
    }

    /// Reads what is there to read, waiting up to 50 ms for something.
    fn pump(&mut self) {
        let mut poll = libc::pollfd {
            fd: self.master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        unsafe { libc::poll(&mut poll, 1, 50) };
        let mut buffer = [0u8; 4096];
        loop {
            match self.master.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(count) => self.raw.extend_from_slice(&buffer[..count]),
            }
        }
    }

    /// Waits until `text` appears after what earlier expectations consumed; returns the text
    /// skipped before it.
    fn expect(&mut self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if let Some(position) = screen[self.seen..].find(text) {
                let skipped = screen[self.seen..self.seen + position].to_owned();
                self.seen += position + text.len();
                return skipped;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!(
                    "timed out waiting for {text:?}; the screen after what was already matched:\n{}",
                    &screen[self.seen..]
                );
            }
            self.pump();
        }
    }

    /// Waits for the program to end; its exit status.
    fn wait(mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            self.pump();
            if let Some(status) = self.child.try_wait().expect("wait for krait") {
                return status;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("krait did not exit; screen:\n{}", self.screen());
            }
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        // A failed test must not leave a krait behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Removes terminal escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL`, two-byte `ESC x`)
/// and carriage returns.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '\r' => {}
            '\x1b' => match characters.next() {
                Some('[') => {
                    for next in characters.by_ref() {
                        if ('\x40'..='\x7e').contains(&next) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    for next in characters.by_ref() {
                        if next == '\x07' {
                            break;
                        }
                    }
                }
                _ => {}
            },
            _ => out.push(character),
        }
    }
    out
}

/// A history file of the test's own (absent at first), under cargo's directory for test files.
fn history_file(name: &str) -> PathBuf {
    let directory = Path::new(env!("CARGO_TARGET_TMPDIR")).join("repl");
    std::fs::create_dir_all(&directory).expect("temporary directory");
    let path = directory.join(format!("{name}.history"));
    let _ = std::fs::remove_file(&path);
    path
}

fn start(name: &str) -> Terminal {
    Terminal::start(&[], &history_file(name))
}

#[test]
fn banner_then_expressions_echo_their_repr_and_set_underscore() {
    let mut terminal = start("echo");
    terminal.expect("(Python 3.11 compatible)");
    terminal.expect(">>> ");
    terminal.line("1 + 2");
    terminal.expect("\n3\n>>> ");
    terminal.line("_ * 10");
    terminal.expect("\n30\n>>> ");
    terminal.line("'text'");
    terminal.expect("\n'text'\n>>> ");
    terminal.line("x = 5");
    let skipped = terminal.expect(">>> ");
    assert_eq!(skipped.trim(), "x = 5", "an assignment shows nothing");
    terminal.line("None");
    let skipped = terminal.expect(">>> ");
    assert_eq!(skipped.trim(), "None", "None is not echoed");
    terminal.line("_");
    terminal.expect("\n'text'\n>>> ");
    terminal.line("x");
    terminal.expect("\n5\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn blocks_continue_with_the_secondary_prompt_until_a_blank_line() {
    let mut terminal = start("blocks");
    terminal.expect(">>> ");
    terminal.line("def square(n):");
    terminal.expect("... ");
    terminal.line("    return n * n");
    terminal.expect("... ");
    terminal.line("");
    terminal.expect(">>> ");
    terminal.line("for i in range(4):");
    terminal.expect("... ");
    terminal.line("    print(square(i), end=' ')");
    terminal.expect("... ");
    terminal.line("");
    terminal.expect("0 1 4 9");
    terminal.line("numbers = [1,");
    terminal.expect("... ");
    terminal.line("  2]");
    terminal.expect(">>> ");
    terminal.line("numbers");
    terminal.expect("\n[1, 2]\n>>> ");
    terminal.line("print('partial', end='')");
    terminal.expect("\npartial\n>>> ");
    terminal.line("import sys; sys.ps1 = 'krait> '");
    terminal.expect("krait> ");
    terminal.line("sys.ps2");
    // Ctrl-D only at the prompt: before the editor's raw mode, the terminal would take it.
    terminal.expect("\n'... '\nkrait> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn a_pasted_block_runs_statement_by_statement() {
    let mut terminal = start("paste");
    terminal.expect(">>> ");
    // A bracketed paste, as terminals send one, then Enter.
    terminal
        .send("\x1b[200~def triple(n):\n    return 3 * n\n\ny = triple(5)\nprint(y + 1)\x1b[201~");
    terminal.send("\r");
    terminal.expect("\n16\n>>> ");
    terminal.line("y");
    terminal.expect("\n15\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn a_traceback_does_not_end_the_session() {
    let mut terminal = start("traceback");
    terminal.expect(">>> ");
    terminal.line("undefined_name");
    terminal.expect(
        "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n\
         NameError: name 'undefined_name' is not defined\n>>> ",
    );
    terminal.line("def divide(n):");
    terminal.line("    return 1 / n");
    terminal.line("");
    terminal.expect(">>> ");
    terminal.line("divide(0)");
    terminal.expect(
        "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n  \
         File \"<stdin>\", line 2, in divide\nZeroDivisionError: division by zero\n>>> ",
    );
    terminal.line("import sys; sys.last_type.__name__, str(sys.last_value)");
    terminal.expect("\n('ZeroDivisionError', 'division by zero')\n>>> ");
    terminal.line("sys.last_traceback.tb_lineno");
    terminal.expect("\n1\n>>> ");
    terminal.line("2 * 21");
    terminal.expect("\n42\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn syntax_errors_are_reported_at_once() {
    let mut terminal = start("syntax");
    terminal.expect(">>> ");
    terminal.line("1 +");
    terminal
        .expect("  File \"<stdin>\", line 1\n    1 +\n       ^\nSyntaxError: invalid syntax\n>>> ");
    terminal.line("if True:");
    terminal.expect("... ");
    terminal.line("    1 +");
    terminal
        .expect("  File \"<stdin>\", line 2\n    1 +\n       ^\nSyntaxError: invalid syntax\n>>> ");
    terminal.line("import sys; sys.last_value.msg, sys.last_value.lineno");
    terminal.expect("\n('invalid syntax', 2)\n>>> ");
    terminal.line("7");
    terminal.expect("\n7\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn ctrl_c_while_editing_cancels_the_whole_block() {
    let mut terminal = start("cancel");
    terminal.expect(">>> ");
    terminal.line("def half_typed():");
    terminal.expect("... ");
    terminal.send("    return 1");
    terminal.expect("return 1");
    terminal.send("\x03");
    terminal.expect("\nKeyboardInterrupt\n>>> ");
    terminal.line("half_typed");
    terminal.expect("NameError: name 'half_typed' is not defined\n>>> ");
    terminal.send("\x03");
    terminal.expect("\nKeyboardInterrupt\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn ctrl_c_interrupts_running_code_and_the_session_goes_on() {
    let mut terminal = start("interrupt");
    terminal.expect(">>> ");
    terminal.line("started = False");
    terminal.expect(">>> ");
    terminal.line("while True:");
    terminal.line("    if not started: started = print('running') is None");
    terminal.line("");
    // Ctrl-C only once the loop runs (the terminal is then in cooked mode: Ctrl-C is SIGINT).
    terminal.expect("running\n");
    std::thread::sleep(Duration::from_millis(200));
    terminal.send("\x03");
    terminal.expect(
        "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n\
         KeyboardInterrupt\n>>> ",
    );
    terminal.line("def spin():");
    terminal.line("    print('spinning')");
    terminal.line("    while True: pass");
    terminal.line("");
    terminal.expect(">>> ");
    terminal.line("spin()");
    terminal.expect("spinning\n");
    std::thread::sleep(Duration::from_millis(200));
    terminal.send("\x03");
    terminal.expect(
        "  File \"<stdin>\", line 1, in <module>\n  File \"<stdin>\", line 3, in spin\n\
         KeyboardInterrupt\n>>> ",
    );
    terminal.line("'still here'");
    terminal.expect("\n'still here'\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn input_reads_a_line_at_the_prompt_and_stops_at_ctrl_c() {
    let mut terminal = start("input");
    terminal.expect(">>> ");
    terminal.line("name = input('name: ')");
    terminal.expect("\nname: ");
    terminal.line("Ada");
    let skipped = terminal.expect(">>> ");
    assert_eq!(skipped, "Ada\n", "the prompt follows the typed line");
    terminal.line("name");
    terminal.expect("\n'Ada'\n>>> ");
    terminal.line("input('waiting: ')");
    terminal.expect("\nwaiting: ");
    std::thread::sleep(Duration::from_millis(200));
    terminal.send("\x03");
    terminal.expect(
        "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n\
         KeyboardInterrupt\n>>> ",
    );
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn up_arrow_recalls_history_also_in_the_next_session() {
    let history = history_file("history");
    let mut terminal = Terminal::start(&[], &history);
    terminal.expect(">>> ");
    terminal.line("40 + 2");
    terminal.expect("\n42\n>>> ");
    terminal.send(UP_ARROW);
    terminal.expect("40 + 2");
    terminal.send("\r");
    terminal.expect("\n42\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
    let saved = std::fs::read_to_string(&history).expect("the history file was written");
    assert!(saved.contains("40 + 2"), "history file: {saved:?}");

    let mut terminal = Terminal::start(&[], &history);
    terminal.expect(">>> ");
    terminal.send(UP_ARROW);
    terminal.expect("40 + 2");
    terminal.send("\r");
    terminal.expect("\n42\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn ctrl_d_at_the_continuation_prompt_ends_the_statement_not_the_session() {
    let mut terminal = start("eof-in-block");
    terminal.expect(">>> ");
    terminal.line("def one():");
    terminal.line("    return 1");
    terminal.expect("... ");
    terminal.expect("... ");
    terminal.send("\x04");
    terminal.expect(">>> ");
    terminal.line("one()");
    terminal.expect("\n1\n>>> ");
    terminal.line("x = (1,");
    terminal.expect("... ");
    terminal.send("\x04");
    terminal.expect("  File \"<stdin>\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn ctrl_d_on_an_empty_line_exits_with_status_0() {
    let mut terminal = start("eof");
    terminal.expect(">>> ");
    terminal.send("\x04");
    let status = terminal.wait();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn system_exit_ends_the_session_with_its_status() {
    let mut terminal = start("exit");
    terminal.expect(">>> ");
    terminal.line("import atexit; atexit.register(print, 'bye') and None");
    terminal.expect(">>> ");
    terminal.line("exit(3)");
    terminal.expect("bye");
    assert_eq!(terminal.wait().code(), Some(3));

    let mut terminal = start("exit-message");
    terminal.expect(">>> ");
    terminal.line("raise SystemExit('leaving')");
    terminal.expect("\nleaving\n");
    assert_eq!(terminal.wait().code(), Some(1));
}

#[test]
fn functions_defined_at_the_prompt_get_compiled() {
    let mut terminal = Terminal::start(&["--jit-log", "--jit-sync"], &history_file("jit"));
    terminal.expect(">>> ");
    terminal.line("def increment(n):");
    terminal.line("    return n + 1");
    terminal.line("");
    terminal.expect(">>> ");
    terminal.line("total = 0");
    terminal.line("for i in range(100000): total = increment(total)");
    terminal.line("");
    terminal.expect("jit: compile increment (<stdin>:1)");
    terminal.line("total");
    terminal.expect("\n100000\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn the_session_namespace_survives_collections_and_eager_compilation() {
    let mut terminal = Terminal::start(&["--gc-stress", "--jit=eager"], &history_file("stress"));
    terminal.expect(">>> ");
    terminal.line("class Point:");
    terminal.line("    def __init__(self, x): self.x = x");
    terminal.line("    def __repr__(self): return f'Point({self.x})'");
    terminal.line("");
    terminal.expect(">>> ");
    terminal.line("points = [Point(i) for i in range(3)]");
    terminal.expect(">>> ");
    terminal.line("import gc; gc.collect() >= 0");
    terminal.expect("\nTrue\n>>> ");
    terminal.line("undefined");
    terminal.expect("NameError: name 'undefined' is not defined\n>>> ");
    terminal.line("points, _");
    terminal.expect("\n([Point(0), Point(1), Point(2)], True)\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn dash_on_a_terminal_is_the_prompt_too() {
    let mut terminal = Terminal::start(&["-"], &history_file("dash"));
    terminal.expect(">>> ");
    terminal.line("import sys; sys.argv");
    terminal.expect("\n['-']\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn output_to_a_file_reads_plain_lines_with_prompts_on_the_terminal() {
    let path = history_file("output").with_extension("out");
    let output = File::create(&path).expect("output file");
    let mut terminal = Terminal::start_with_output(&[], &history_file("plain"), Some(output));
    terminal.expect(">>> ");
    terminal.line("6 * 7");
    terminal.expect(">>> ");
    terminal.send("half typed");
    terminal.expect("half typed");
    terminal.send("\x03");
    terminal.expect("\nKeyboardInterrupt\n>>> ");
    terminal.line("print('done')");
    terminal.expect(">>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
    let written = std::fs::read_to_string(&path).expect("read the output");
    assert_eq!(written, "42\ndone\n");
}

#[test]
fn a_terminal_without_editing_gets_plain_lines_and_ctrl_c_still_cancels() {
    let mut terminal = Terminal::start_full(&[], &history_file("dumb"), None, "dumb");
    terminal.expect(">>> ");
    terminal.line("def f():");
    terminal.expect("... ");
    terminal.send("    return");
    terminal.expect("return");
    terminal.send("\x03");
    terminal.expect("\nKeyboardInterrupt\n>>> ");
    terminal.line("6 * 7");
    terminal.expect("\n42\n>>> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait().code(), Some(0));
}

#[test]
fn without_a_terminal_standard_input_is_a_program() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("krait starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"1 + 1\nprint(6 * 7)\n")
        .expect("write the program");
    let output = child.wait_with_output().expect("krait runs");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "42\n");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn dash_i_inspects_the_namespace_after_the_program() {
    let mut terminal = Terminal::start(&["-i", "-c", "x = 5; 1 / 0"], &history_file("inspect"));
    terminal.expect(
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n\
         ZeroDivisionError: division by zero\n>>> ",
    );
    assert!(
        !terminal.screen().contains("Python 3.11 compatible"),
        "no banner after a program"
    );
    terminal.line("x * 2");
    terminal.expect("\n10\n>>> ");
    terminal.line("exit(4)");
    assert_eq!(terminal.wait().code(), Some(4));
}

#[test]
fn dash_i_reads_statements_from_a_pipe_with_prompts_on_standard_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(["-i", "-c", "x = 7"])
        .env("KRAIT_HISTORY", history_file("inspect-pipe"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("krait starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"x\nfor i in range(2):\n    print(i)\n\n1/0\n")
        .expect("write the statements");
    let output = child.wait_with_output().expect("krait runs");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "7\n0\n1\n");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        ">>> >>> ... ... >>> Traceback (most recent call last):\n  \
         File \"<stdin>\", line 1, in <module>\nZeroDivisionError: division by zero\n>>> \n"
    );
    assert_eq!(output.status.code(), Some(0));
}
